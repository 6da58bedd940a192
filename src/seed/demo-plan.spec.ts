import { isUUID } from 'class-validator';
import { addDays, generateDemoDistrict, MIN_EVIDENCE } from './demo-plan.js';
import { demoId, Prng } from './prng.js';

describe('Prng (mulberry32)', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const seq = (seed: number) => {
      const r = new Prng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
    for (const x of seq(3)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws integers within both bounds', () => {
    const r = new Prng(5);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(2, 4)));
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });
});

describe('demoId', () => {
  it('is stable, distinct per name and shaped as a version-4 UUID', () => {
    expect(demoId('x')).toBe(demoId('x'));
    expect(demoId('x')).not.toBe(demoId('y'));
    expect(isUUID(demoId('x'), 4)).toBe(true);
  });
});

describe('generateDemoDistrict', () => {
  const asOf = '2026-03-15';

  it('returns identical data for the same seed and date', () => {
    expect(generateDemoDistrict({ seed: 11, asOf })).toEqual(generateDemoDistrict({ seed: 11, asOf }));
  });

  it('returns different people and evidence for a different seed', () => {
    const a = generateDemoDistrict({ seed: 11, asOf });
    const b = generateDemoDistrict({ seed: 12, asOf });
    expect(a.educators.map((e) => e.fullName)).not.toEqual(b.educators.map((e) => e.fullName));
  });

  it.each([1, 2, 3, 2026])('meets the volume for seed %i and keeps dates consistent', (seed) => {
    const d = generateDemoDistrict({ seed, asOf });
    expect(d.educators).toHaveLength(400);
    expect(d.evidence.length).toBeGreaterThanOrEqual(MIN_EVIDENCE);
    expect(new Set(d.evidence.map((e) => e.kind)).size).toBe(6);
    expect(new Set(d.evidence.map((e) => e.id)).size).toBe(d.evidence.length);
    expect(d.evidence.some((e) => e.expiresOn !== null && e.expiresOn < asOf)).toBe(true);
    for (const e of d.evidence) {
      if (e.startedOn && e.endedOn) expect(e.endedOn >= e.startedOn).toBe(true);
      expect((e.startedOn ?? e.issuedOn ?? asOf) <= asOf).toBe(true);
      expect(e.claims.length).toBeGreaterThanOrEqual(1);
      expect(e.claims.length).toBeLessThanOrEqual(3);
      expect(e.title.length).toBeLessThanOrEqual(200);
    }
    for (const r of d.roles) expect(r.closingDate > asOf).toBe(true);
  });

  it('keeps who holds what when only the date changes', () => {
    const shape = (d: ReturnType<typeof generateDemoDistrict>) => d.evidence.map((e) => `${e.educatorId}:${e.kind}:${e.title}`);
    expect(shape(generateDemoDistrict({ seed: 5, asOf }))).toEqual(shape(generateDemoDistrict({ seed: 5, asOf: '2027-10-01' })));
  });

  it('rejects a malformed date', () => {
    expect(() => generateDemoDistrict({ asOf: '15/03/2026' })).toThrow(/YYYY-MM-DD/);
  });

  it('adds days across month and year ends in UTC', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
