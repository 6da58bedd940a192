import { Persona } from '../../src/access/persona.js';
import { districtToday } from '../../src/common/clock.js';
import { policyValuesOf } from '../../src/matching/scoring-policy.mapper.js';
import { ScoringPolicyService } from '../../src/matching/scoring-policy.service.js';
import { StandingService } from '../../src/matching/standing.service.js';
import { insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { floorDistrictBase } from './floor-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ageFactorTableSql, assertSameAnswer, standingAnswerOf, standingAnswerOfService, standingFloorSql } from './floors.js';

/** The standing floor must answer what the service answers, or the bench's standing ratios compare unlike things. */
describe('the standing floor (one statement) against the standing service', () => {
  let t: TestApp;
  const educators: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const { ids, building } = await floorDistrictBase(t.ds);
    // Roles: required and preferred requirements, odd weights, a years-of-service minimum, one with no requirements,
    // and a closed one (never listed).
    await insertRole(t.ds, {
      title: 'Alpha',
      requirements: [
        { competencyId: ids[0], minLevel: 2 },
        { competencyId: ids[1], minLevel: 3, weight: 0.015, kind: 'PREFERRED' },
      ],
    });
    await insertRole(t.ds, {
      title: 'Beta',
      minYearsOfService: 5,
      requirements: [
        { competencyId: ids[2], minLevel: 1, weight: 1.5 },
        { competencyId: ids[3], minLevel: 4, weight: 0.35, kind: 'PREFERRED' },
      ],
    });
    await insertRole(t.ds, { title: 'Beta', requirements: [{ competencyId: ids[1], minLevel: 2, weight: 2.5 }] });
    await insertRole(t.ds, { title: 'Gamma', requirements: [] });
    await insertRole(t.ds, { title: 'Closed', status: 'CLOSED', requirements: [{ competencyId: ids[0], minLevel: 1 }] });
    const add = async (hireDate: string, items: Array<Omit<Parameters<typeof insertEvidence>[1], 'educatorId'>>) => {
      const id = await insertEducator(t.ds, { buildingId: building, hireDate });
      for (const item of items) await insertEvidence(t.ds, { ...item, educatorId: id });
      educators.push(id);
      return id;
    };
    await add('2010-01-01', [
      { kind: 'CERTIFICATION', claims: [{ competencyId: ids[0], level: 3 }], issuedOn: '2023-01-01' },
      { kind: 'COURSE', startedOn: '2020-02-01', endedOn: '2020-03-01', claims: [{ competencyId: ids[1], level: 4 }] },
      { kind: 'PILOT', pilotPart: 'CO_LEAD', status: 'ENDORSED', startedOn: '2024-09-01', claims: [{ competencyId: ids[3], level: 2 }] },
    ]);
    await add('2024-08-15', [
      { kind: 'PILOT', status: 'SELF_REPORTED', startedOn: '2025-01-01', claims: [{ competencyId: ids[0], level: 4 }] },
      { kind: 'CERTIFICATION', issuedOn: '2019-01-01', expiresOn: '2020-01-01', claims: [{ competencyId: ids[1], level: 4 }] },
      { kind: 'ARTIFACT', startedOn: '2099-01-01', claims: [{ competencyId: ids[2], level: 4 }] },
      {
        kind: 'PRESENTATION',
        startedOn: '2015-05-05',
        claims: [
          { competencyId: ids[1], level: 2 },
          { competencyId: ids[2], level: 1 },
        ],
      },
    ]);
    await add('2000-06-30', []);
    const leaver = await add('2012-01-01', [{ kind: 'CERTIFICATION', claims: [{ competencyId: ids[0], level: 4 }] }]);
    await t.ds.query(`UPDATE educator SET leaving_date = CURRENT_DATE - 1 WHERE id = $1`, [leaver]);
  });
  afterAll(() => t.close());

  it('gives the same page, counts, gaps and remedies for every educator, at every page size', async () => {
    const policy = policyValuesOf(await t.app.get(ScoringPolicyService).current());
    const table = ageFactorTableSql('bench_age_factor', policy);
    await t.ds.query(table.create);
    await t.ds.query(table.fill.text, table.fill.values);
    const [account] = await t.ds.query(
      `INSERT INTO account (email, display_name, personas) VALUES ('floor-hr@test.example', 'HR', '{HR}') RETURNING id`,
    );
    const viewer = { accountId: account.id, email: 'floor-hr@test.example', personas: new Set([Persona.HR]), educatorId: null };
    const service = t.app.get(StandingService);
    let gaps = 0;
    for (const educatorId of educators) {
      for (const first of [20, 2, 1]) {
        const values: unknown[] = [];
        const text = standingFloorSql(policy, districtToday(), educatorId, first, 'bench_age_factor', values);
        const floor = standingAnswerOf(await t.ds.query(text, values));
        const served = standingAnswerOfService(await service.standing(viewer, educatorId, { first, offset: 0, qualifiedOnly: false }));
        expect(() => assertSameAnswer(`standing of ${educatorId}`, floor, served)).not.toThrow();
        gaps += served.roles.reduce((n, r) => n + r.gaps.length, 0);
      }
    }
    // The district exercises what it should: gaps and remedies, qualified roles, and the leaver's empty standing.
    expect(gaps).toBeGreaterThan(10);
    const last = standingAnswerOfService(await service.standing(viewer, educators[3]));
    expect([last.totalCount, last.roles.length]).toEqual([0, 0]);
    const firstEducator = standingAnswerOfService(await service.standing(viewer, educators[0]));
    expect(firstEducator.totalCount).toBe(4);
    expect(firstEducator.qualifiedCount).toBeGreaterThan(0);
    expect(firstEducator.remedies.length).toBeGreaterThan(0);
  });
});
