import { assertAcceptsApplications, assertNotOwnCandidate, assertPanelChangeable, normaliseStatement } from './role-eligibility.js';

describe('who may apply and who may judge', () => {
  it('takes applications for an OPEN role up to and including its closing date', () => {
    expect(() => assertAcceptsApplications({ status: 'OPEN', closingDate: null }, '2030-05-01')).not.toThrow();
    expect(() => assertAcceptsApplications({ status: 'OPEN', closingDate: '2030-05-01' }, '2030-05-01')).not.toThrow();
    expect(() => assertAcceptsApplications({ status: 'OPEN', closingDate: '2030-04-30' }, '2030-05-01')).toThrow(/closed on 2030-04-30/);
  });

  it('refuses roles that are not open, naming their status', () => {
    for (const status of ['DRAFT', 'CLOSED', 'FILLED']) {
      expect(() => assertAcceptsApplications({ status, closingDate: null }, '2030-05-01')).toThrow(new RegExp(`${status}, not open`));
    }
  });

  it('keeps statements optional, trimmed and at most 4000 characters', () => {
    expect(normaliseStatement(undefined)).toBe('');
    expect(normaliseStatement('  I led the pilot.  ')).toBe('I led the pilot.');
    expect(normaliseStatement('x'.repeat(4000))).toHaveLength(4000);
    expect(() => normaliseStatement('x'.repeat(4001))).toThrow(/4001 characters/);
  });

  it('keeps an applicant off the panel of their own role', () => {
    expect(() => assertNotOwnCandidate('e1', new Set(['e1', 'e2']))).toThrow(/applied to the role/);
    expect(() => assertNotOwnCandidate('e3', new Set(['e1']))).not.toThrow();
    expect(() => assertNotOwnCandidate(null, new Set(['e1']))).not.toThrow();
  });

  it('freezes the panel of a filled role', () => {
    expect(() => assertPanelChangeable('FILLED')).toThrow(/FILLED/);
    expect(() => assertPanelChangeable('OPEN')).not.toThrow();
  });
});
