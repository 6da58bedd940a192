import { checkValidity, validityWindow } from './validity.js';

const at = (iso: string) => new Date(iso);
const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return 'valid';
  } catch (e) {
    return (e as { reason: string }).reason;
  }
};

describe('validity window', () => {
  it('reads VC 2.0 and VC 1.1 dates and checks both ends', () => {
    const v2 = validityWindow({ validFrom: '2024-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' });
    expect(reasonOf(() => checkValidity(v2, at('2024-06-01T00:00:00Z')))).toBe('valid');
    expect(reasonOf(() => checkValidity(v2, at('2023-12-31T23:59:59Z')))).toBe('NOT_YET_VALID');
    expect(reasonOf(() => checkValidity(v2, at('2025-01-01T00:00:01Z')))).toBe('EXPIRED');
    const v1 = validityWindow({ issuanceDate: '2024-01-01T00:00:00Z', expirationDate: '2024-02-01T00:00:00+01:00' });
    expect(reasonOf(() => checkValidity(v1, at('2024-03-01T00:00:00Z')))).toBe('EXPIRED');
  });

  it('refuses dates that are not dateTimes with a zone, and a window that ends before it starts', () => {
    expect(reasonOf(() => validityWindow({ validFrom: '2024-01-01' }))).toBe('SCHEMA_INVALID');
    expect(reasonOf(() => validityWindow({ validFrom: '2024-02-30T00:00:00' }))).toBe('SCHEMA_INVALID');
    const inverted = validityWindow({ validFrom: '2025-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z' });
    expect(reasonOf(() => checkValidity(inverted, at('2024-06-01T00:00:00Z')))).toBe('EXPIRED');
  });
});
