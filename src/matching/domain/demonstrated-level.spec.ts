import { demonstratedLevel, demonstratedLevelsByCompetency } from './demonstrated-level.js';
import { claimStateOn, countedLevel, dayOf, isoOfDay, type ClaimFact } from './evidence-rules.js';

const AS_OF = dayOf('2025-06-01');
const rules = { attendanceCapLevel: 1 };

function fact(over: Partial<ClaimFact> = {}): ClaimFact {
  return {
    evidenceId: 'e1',
    competencyId: 'c1',
    kind: 'PILOT',
    pilotPart: 'LEAD',
    status: 'VERIFIED',
    claimedLevel: 3,
    startDay: dayOf('2024-01-01'),
    ageFromDay: dayOf('2024-06-01'),
    expiresDay: null,
    ...over,
  };
}

describe('demonstrated level', () => {
  it('is the highest level among counting claims, 0 when none counts', () => {
    expect(
      demonstratedLevel([fact({ claimedLevel: 2 }), fact({ claimedLevel: 4 }), fact({ claimedLevel: 1 })], { asOfDay: AS_OF, rules }),
    ).toBe(4);
    expect(demonstratedLevel([], { asOfDay: AS_OF, rules })).toBe(0);
  });

  it('caps attendance at the policy cap however much of it there is', () => {
    const courses = Array.from({ length: 40 }, (_, i) => fact({ evidenceId: `c${i}`, kind: 'COURSE', pilotPart: null, claimedLevel: 4 }));
    expect(demonstratedLevel(courses, { asOfDay: AS_OF, rules })).toBe(1);
    expect(demonstratedLevel(courses, { asOfDay: AS_OF, rules: { attendanceCapLevel: 2 } })).toBe(2);
    expect(countedLevel({ kind: 'PRESENTATION', claimedLevel: 4 }, rules)).toBe(4);
  });

  it('leaves out credentials that expired before the as-of day, but counts them on their expiry day', () => {
    const cert = fact({ kind: 'CERTIFICATION', pilotPart: null, claimedLevel: 3, expiresDay: dayOf('2025-05-31') });
    expect(demonstratedLevel([cert], { asOfDay: AS_OF, rules })).toBe(0);
    expect(demonstratedLevel([cert], { asOfDay: dayOf('2025-05-31'), rules })).toBe(3);
    expect(claimStateOn(cert, AS_OF)).toBe('EXPIRED');
  });

  it('leaves out evidence that has not started on the as-of day; undated evidence always counts', () => {
    expect(demonstratedLevel([fact({ startDay: dayOf('2025-06-02') })], { asOfDay: AS_OF, rules })).toBe(0);
    expect(demonstratedLevel([fact({ startDay: AS_OF })], { asOfDay: AS_OF, rules })).toBe(3);
    expect(demonstratedLevel([fact({ startDay: null })], { asOfDay: AS_OF, rules })).toBe(3);
  });

  it('counts only the statuses asked for', () => {
    const facts = [fact({ status: 'SELF_REPORTED', claimedLevel: 4 }), fact({ status: 'ENDORSED', claimedLevel: 2 })];
    expect(demonstratedLevel(facts, { asOfDay: AS_OF, rules })).toBe(4);
    expect(demonstratedLevel(facts, { asOfDay: AS_OF, rules, statuses: ['VERIFIED', 'ENDORSED'] })).toBe(2);
    expect(demonstratedLevel(facts, { asOfDay: AS_OF, rules, statuses: ['VERIFIED'] })).toBe(0);
  });

  it('groups by competency and omits competencies with nothing that counts', () => {
    const levels = demonstratedLevelsByCompetency(
      [
        fact({ competencyId: 'a', claimedLevel: 2 }),
        fact({ competencyId: 'b', kind: 'COURSE', claimedLevel: 3 }),
        fact({ competencyId: 'c', expiresDay: AS_OF - 1 }),
      ],
      { asOfDay: AS_OF, rules },
    );
    expect([...levels]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('converts ISO dates and day numbers both ways', () => {
    expect(dayOf('1970-01-02')).toBe(1);
    expect(isoOfDay(dayOf('2024-02-29'))).toBe('2024-02-29');
  });
});
