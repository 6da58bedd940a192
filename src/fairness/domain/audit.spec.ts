import { auditPeriod, computeAudit } from './audit.js';

const scope = {
  roleId: null,
  roleTitle: null,
  from: '2026-01-01',
  to: '2026-12-31',
  asOf: '2027-01-02T00:00:00.000Z',
  excludeUnderTwoPercent: false,
  minCategorySize: 5,
};

describe('audit period', () => {
  it('defaults to the year ending today, and keeps what is given', () => {
    expect(auditPeriod(null, null, '2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(auditPeriod(null, '2028-02-29', '2026-11-30')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
    expect(auditPeriod('2026-01-01', null, '2026-11-30')).toEqual({ from: '2026-01-01', to: '2026-11-30' });
  });
});

describe('audit', () => {
  it('answers an empty audit with the reason when the period holds nothing', () => {
    const r = computeAudit({ scope, applications: [], rankings: [], answers: new Map() });
    expect(r.empty).toBe(true);
    expect(r.emptyReason).toMatch(/No application to any role was submitted between 2026-01-01 and 2026-12-31/);
    expect(r.summary).toContain(r.emptyReason);
    expect(r.measures.map((m) => m.assessed)).toEqual([0, 0, 0, 0]);
  });

  it('counts people once across applications and rankings, and who answered', () => {
    const r = computeAudit({
      scope,
      applications: [{ applicationId: 'a1', educatorId: 'e1', roleId: 'r', statuses: ['SUBMITTED', 'REJECTED'] }],
      rankings: [
        {
          runId: 'x',
          roleId: 'r',
          roleTitle: 'R',
          policyVersion: 3,
          asOf: '2026-05-01',
          createdAt: '2026-05-01T00:00:00Z',
          candidateCount: 2,
          results: [
            { educatorId: 'e1', score: 10 },
            { educatorId: 'e2', score: 5 },
          ],
        },
      ],
      answers: new Map([['e2', { sex: 'MALE', raceEthnicity: 'DECLINED_TO_STATE' }]]),
    });
    expect([r.people, r.selfIdentified, r.empty]).toEqual([2, 1, false]);
    expect(r.rankingRuns[0].median).toBe(7.5);
    expect(r.summary).toContain('scoring policy version 3');
    expect(r.summary).toContain('1 of the 2 people involved had answered');
  });
});
