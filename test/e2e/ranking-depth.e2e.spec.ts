import { jest } from '@jest/globals';
import { Persona } from '../../src/access/persona.js';
import { RankingService } from '../../src/matching/ranking.service.js';
import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { encodeCursor } from '../../src/common/pagination.js';

const KEYS = `query($roleId: ID!, $first: Int, $after: String, $qualifiedOnly: Boolean, $buildingId: ID) {
  roleRanking(roleId: $roleId, first: $first, after: $after, qualifiedOnly: $qualifiedOnly, buildingId: $buildingId) {
    totalCount qualifiedCount pageInfo { hasNextPage endCursor }
    nodes { rank tied position educatorId score qualified } } }`;
const EXPLAINED = KEYS.replace('educatorId score qualified', 'educatorId score qualified fullName requirements { competencyCode met }');

type Node = { rank: number; tied: boolean; position: number; educatorId: string; score: number; qualified: boolean; fullName?: string };
type Page = { totalCount: number; qualifiedCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] };

/** What the ranking itself holds of a candidate (the fields KEYS asks for). */
const keysOf = ({ rank, tied, position, educatorId, score, qualified }: Node): Node => ({
  rank,
  tied,
  position,
  educatorId,
  score,
  qualified,
});

/**
 * A cached ranking keeps only its leading candidates (RANKING_CACHE_DEPTH, here 3): pages within them are served from
 * memory, a page past them computes a deeper ranking, and every page, tie flag and count is what the uncached
 * computation says, including where the kept candidates end inside a tie.
 */
describe.each([
  ['3', 'rankTop'],
  ['0', 'rankAll'],
] as const)('a cached ranking RANKING_CACHE_DEPTH=%s deep', (depth, statement) => {
  let t: TestApp;
  let hr: string;
  let roleId: string;
  let building: string;
  let computed: () => number;
  let kinds: () => string[];
  let everyone: Node[];

  beforeAll(async () => {
    t = await startTestApp({ RANKING_CACHE_DEPTH: depth });
    hr = (await t.signInAs([Persona.HR])).token;
    const comps = await competencyIds(t.ds, ['AI-BIAS']);
    building = await insertBuilding(t.ds, 'Deep');
    roleId = await insertRole(t.ds, { requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] });
    // Four qualified in one tie (the kept candidates end inside it), three in a lower tie, one self-reported, three with nothing.
    const claim = async (level: number, kind: 'CERTIFICATION' | 'PILOT', status?: 'SELF_REPORTED') => {
      const educatorId = await insertEducator(t.ds, { buildingId: building });
      await insertEvidence(t.ds, {
        educatorId,
        kind,
        status,
        startedOn: '2025-01-01',
        claims: [{ competencyId: comps['AI-BIAS'], level }],
      });
    };
    for (let i = 0; i < 4; i++) await claim(3, 'CERTIFICATION');
    for (let i = 0; i < 3; i++) await claim(2, 'PILOT');
    await claim(2, 'PILOT', 'SELF_REPORTED');
    for (let i = 0; i < 3; i++) await insertEducator(t.ds, { buildingId: building });
    const repo = t.app.get(MatchingRepository);
    const top = jest.spyOn(repo, 'rankTop');
    const all = jest.spyOn(repo, 'rankAll');
    computed = () => top.mock.calls.length + all.mock.calls.length;
    kinds = () => [...top.mock.calls.map(() => 'rankTop'), ...all.mock.calls.map(() => 'rankAll')];
    const direct = await repo.snapshot((m) =>
      t.app.get(RankingService).rankIn(m, roleId, { first: 50, offset: 0, qualifiedOnly: false, buildingId: building }),
    );
    everyone = direct.nodes.map(keysOf);
  });
  afterAll(() => t.close());

  const rank = async (vars: Record<string, unknown>, query = KEYS): Promise<Page> => {
    const res = await t.gql<{ roleRanking: Page }>(query, { roleId, buildingId: building, ...vars }, hr);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.roleRanking;
  };

  it('serves every page as the uncached computation does, computing deeper only past the kept candidates', async () => {
    expect(everyone).toHaveLength(11);
    expect(everyone.slice(0, 4).every((n) => n.tied && n.rank === 1 && n.qualified)).toBe(true);
    const pages: Page[] = [];
    let after: string | null = null;
    const computedBefore: number[] = [];
    do {
      computedBefore.push(computed());
      const page: Page = await rank({ first: 2, after });
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages.flatMap((p) => p.nodes)).toEqual(everyone);
    expect(pages.every((p) => p.totalCount === 11 && p.qualifiedCount === 7)).toBe(true);
    // Depth 3: the first page computes 4 candidates (twice its end); the third asks for 12 and holds the 8 ahead of the
    // "nothing counts" tie (the statement that leaves out candidates without claims); the fifth reaches into that tie
    // and computes with everyone. Depth 0: everything at once.
    const recomputedAt = computedBefore.map((n, i) => (computedBefore[i + 1] ?? computed()) - n);
    expect(recomputedAt).toEqual(depth === '3' ? [1, 0, 1, 0, 1, 0] : [1, 0, 0, 0, 0, 0]);
    expect(new Set(kinds())).toEqual(new Set([statement]));
    // Repeated and qualified-only pages come from what is held.
    const n = computed();
    expect((await rank({ first: 5 })).nodes).toEqual(everyone.slice(0, 5));
    const qualified = await rank({ first: 50, qualifiedOnly: true });
    expect(qualified.nodes).toEqual(everyone.filter((x) => x.qualified));
    expect([qualified.totalCount, qualified.pageInfo.hasNextPage]).toEqual([7, false]);
    expect(computed()).toBe(n);
  });

  it('explains pages computed afresh at any depth with the same order and ties', async () => {
    for (const offset of [0, 2, 6, 9]) {
      t.app.get(RankingService).cache.clear();
      const page = await rank({ first: 3, after: offset ? encodeCursor(offset) : null }, EXPLAINED);
      expect(page.nodes.map(keysOf)).toEqual(everyone.slice(offset, offset + 3));
      expect(page.nodes.every((x) => typeof x.fullName === 'string')).toBe(true);
      expect([page.totalCount, page.qualifiedCount, page.pageInfo.hasNextPage]).toEqual([11, 7, offset + 3 < 11]);
    }
  });
});
