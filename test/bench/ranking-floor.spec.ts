import { Persona } from '../../src/access/persona.js';
import { districtToday } from '../../src/common/clock.js';
import { RankingService } from '../../src/matching/ranking.service.js';
import { policyValuesOf } from '../../src/matching/scoring-policy.mapper.js';
import { ScoringPolicyService } from '../../src/matching/scoring-policy.service.js';
import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import { insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { floorDistrictBase } from './floor-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { assertSameAnswer, CROSSWALKS_SQL, crosswalksOf, rankingAnswerOf, rankingFloorSql } from './floors.js';

/**
 * The ranking floor must answer what the service answers, or the bench's ranking ratios compare unlike things: both of
 * its forms (candidates with claims only, when the role has a required competency; everyone otherwise), at page sizes
 * that end inside ties and past the last candidate.
 */
describe('the ranking floor (one statement) against the ranking service', () => {
  let t: TestApp;
  const roles: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const { ids, building } = await floorDistrictBase(t.ds);
    roles.push(
      await insertRole(t.ds, {
        requirements: [
          { competencyId: ids[0], minLevel: 2 },
          { competencyId: ids[1], minLevel: 3, weight: 0.015, kind: 'PREFERRED' },
        ],
      }),
      await insertRole(t.ds, {
        minYearsOfService: 5,
        requirements: [
          { competencyId: ids[2], minLevel: 1, weight: 1.5 },
          { competencyId: ids[3], minLevel: 4, weight: 0.35, kind: 'PREFERRED' },
        ],
      }),
      await insertRole(t.ds, { requirements: [{ competencyId: ids[1], minLevel: 2, weight: 2.5, kind: 'PREFERRED' }] }),
      await insertRole(t.ds, { requirements: [] }),
    );
    // Ties of every kind: equal evidence, self-reported (scores, never qualifies), nothing at all, an expired item, a leaver.
    const kinds = ['CERTIFICATION', 'PILOT', 'COURSE'] as const;
    for (let i = 0; i < 24; i++) {
      const educatorId = await insertEducator(t.ds, { buildingId: building, hireDate: i % 3 ? '2010-01-01' : '2024-08-15' });
      if (i % 4 === 3) continue;
      await insertEvidence(t.ds, {
        educatorId,
        kind: kinds[i % 3],
        status: i % 5 === 0 ? 'SELF_REPORTED' : 'VERIFIED',
        startedOn: '2024-01-01',
        issuedOn: kinds[i % 3] === 'CERTIFICATION' ? '2023-01-01' : null,
        expiresOn: i % 7 === 0 ? '2024-01-01' : null,
        claims: [{ competencyId: ids[i % 4], level: 1 + (i % 4) }],
      });
      if (i === 10) await t.ds.query(`UPDATE educator SET leaving_date = CURRENT_DATE - 1 WHERE id = $1`, [educatorId]);
    }
  });
  afterAll(() => t.close());

  it('gives the same page and counts for every role and page size', async () => {
    const policy = policyValuesOf(await t.app.get(ScoringPolicyService).current());
    const [account] = await t.ds.query(
      `INSERT INTO account (email, display_name, personas) VALUES ('ranking-floor-hr@test.example', 'HR', '{HR}') RETURNING id`,
    );
    const viewer = { accountId: account.id, email: 'ranking-floor-hr@test.example', personas: new Set([Persona.HR]), educatorId: null };
    const ranking = t.app.get(RankingService);
    const repo = t.app.get(MatchingRepository);
    let qualified = 0;
    for (const roleId of roles) {
      const row = (await repo.role(t.ds.manager, roleId))!;
      for (const first of [50, 1, 5, 17, 100]) {
        const values: unknown[] = [];
        const text = rankingFloorSql(
          { roleId, minYearsOfService: row.minYearsOfService, requirements: row.requirements },
          policy,
          districtToday(),
          first,
          values,
          crosswalksOf(await t.ds.query(CROSSWALKS_SQL, [row.requirements.map((r) => r.competencyId)])),
        );
        const floor = rankingAnswerOf(await t.ds.query(text, values));
        const served = await ranking.roleRanking(viewer, roleId, { first, offset: 0, qualifiedOnly: false, explain: false });
        expect(() =>
          assertSameAnswer(`ranking of ${roleId}, first ${first}`, floor, {
            nodes: served.nodes.map((n) => ({ educatorId: n.educatorId, score: n.score, qualified: n.qualified })),
            totalCount: served.totalCount,
            qualifiedCount: served.qualifiedCount,
          }),
        ).not.toThrow();
        qualified += served.qualifiedCount;
      }
    }
    expect(qualified).toBeGreaterThan(0);
  });
});
