import { Persona } from '../../src/access/persona.js';
import { districtToday } from '../../src/common/clock.js';
import { RankingCache } from '../../src/matching/ranking-cache.js';
import { RANKING_KEY_FIELDS, RankingService } from '../../src/matching/ranking.service.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const KEYS = [...RANKING_KEY_FIELDS].filter((f) => f !== '__typename').join(' ');
const keysQuery = (extra = '') =>
  `query($roleId: ID!, $after: String, $q: Boolean!) { roleRanking(roleId: $roleId, first: 25, after: $after, qualifiedOnly: $q) {
    totalCount qualifiedCount pageInfo { hasNextPage endCursor } nodes { __typename ${KEYS} ${extra} } } }`;

describe('a ranking page that asks only for what the ranking holds is not explained, and says the same', () => {
  let t: TestApp;
  let hr: string;
  let roleIds: string[];
  let service: RankingService;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoIfEmpty(t.ds, () => undefined);
    hr = (await t.signInAs([Persona.HR])).token;
    service = t.app.get(RankingService);
    roleIds = (await t.ds.query(`SELECT id FROM hybrid_role WHERE status = 'OPEN' ORDER BY title LIMIT 3`)).map(
      (r: { id: string }) => r.id,
    );
  }, 180_000);
  afterAll(() => t.close());

  it('answers the key fields exactly as an explained page does, first computed and then cached, on every page and for qualifiedOnly', async () => {
    for (const roleId of roleIds) {
      for (const q of [false, true]) {
        service.cache.clear();
        let after: string | null = null;
        for (let page = 0; page < 2; page++) {
          const keys: GqlResponse = await t.gql(keysQuery(), { roleId, after, q }, hr);
          expect(keys.errors).toBeUndefined();
          if (!q && page === 0) expect(keys.data.roleRanking.nodes.length).toBe(25);
          const entry = service.cache.get(RankingCache.keyOf(roleId, null, districtToday()))!;
          const offset = page * 25;
          // Nothing was explained for this page (its explanation is not kept).
          expect(entry.page(offset, offset + keys.data.roleRanking.nodes.length)).toBeUndefined();
          const explained = await t.gql(keysQuery('summary fullName'), { roleId, after, q }, hr);
          expect(explained.errors).toBeUndefined();
          expect(explained.data.roleRanking.nodes.every((n: { summary: string }) => n.summary.length > 0)).toBe(true);
          const strip = (n: Record<string, unknown>) => {
            const { summary: _s, fullName: _f, ...rest } = n;
            return rest;
          };
          expect(keys.data.roleRanking).toEqual({ ...explained.data.roleRanking, nodes: explained.data.roleRanking.nodes.map(strip) });
          if (!keys.data.roleRanking.pageInfo.hasNextPage) break;
          after = keys.data.roleRanking.pageInfo.endCursor;
        }
      }
    }
  });

  it('explains the page when the query asks for more, also through a fragment', async () => {
    service.cache.clear();
    const res = await t.gql(
      `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 5) { nodes { educatorId ...More } } } fragment More on RankedCandidate { requirements { competencyCode met } }`,
      { roleId: roleIds[0] },
      hr,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.roleRanking.nodes[0].requirements.length).toBeGreaterThan(0);
    expect(service.cache.get(RankingCache.keyOf(roleIds[0], null, districtToday()))!.page(0, 5)).toBeDefined();
  });
});
