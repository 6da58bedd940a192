import { jest } from '@jest/globals';
import { Persona } from '../../src/access/persona.js';
import { RankingService } from '../../src/matching/ranking.service.js';
import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import {
  competencyIds,
  insertBuilding,
  insertCommitment,
  insertEducator,
  insertEvidence,
  insertRole,
} from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { onTheNextDay } from '../support/next-day.js';

const RANKING = `query($roleId: ID!, $first: Int, $after: String, $qualifiedOnly: Boolean, $buildingId: ID) {
  roleRanking(roleId: $roleId, first: $first, after: $after, qualifiedOnly: $qualifiedOnly, buildingId: $buildingId) {
    roleTitle policyVersion asOf totalCount qualifiedCount maxScore pageInfo { hasNextPage endCursor }
    nodes { rank tied position educatorId fullName score qualified overextended commitmentsFte
      requirements { competencyCode met evidence { evidenceId title status points } } } } }`;

type Ranking = {
  roleTitle: string;
  policyVersion: number;
  asOf: string;
  totalCount: number;
  qualifiedCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Array<{
    rank: number;
    position: number;
    educatorId: string;
    fullName: string;
    score: number;
    qualified: boolean;
    overextended: boolean;
    commitmentsFte: number;
    requirements: Array<{ competencyCode: string; met: boolean; evidence: Array<{ evidenceId: string; title: string; status: string }> }>;
  }>;
};

describe('cached rankings: a repeated page is served from the computed ranking until anything it depends on changes', () => {
  let t: TestApp;
  let hr: string;
  let comps: Record<string, string>;
  let computed: () => number;
  let repo: MatchingRepository;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    comps = await competencyIds(t.ds, ['AI-BIAS', 'DATA-PRIVACY', 'AI-FEEDBACK']);
    repo = t.app.get(MatchingRepository);
    const rankTop = jest.spyOn(repo, 'rankTop');
    const rankAll = jest.spyOn(repo, 'rankAll');
    computed = () => rankTop.mock.calls.length + rankAll.mock.calls.length;
  });
  afterAll(() => t.close());

  /** The building of the latest world: rankings are read for it (each test's educators alone) unless told otherwise. */
  let scope: string | null = null;

  /** A fresh role with three educators (two qualified, one not) in a building of their own, so each test starts from its own cached ranking. */
  async function world() {
    const building = await insertBuilding(t.ds, 'North');
    scope = building;
    const other = await insertBuilding(t.ds, 'South');
    const roleId = await insertRole(t.ds, {
      title: `Coach ${Math.random()}`,
      requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }],
    });
    const ana = await insertEducator(t.ds, { buildingId: building, name: 'Ana' });
    const ben = await insertEducator(t.ds, { buildingId: building, name: 'Ben' });
    const cat = await insertEducator(t.ds, { buildingId: building, name: 'Cat' });
    const anaEvidence = await insertEvidence(t.ds, {
      educatorId: ana,
      kind: 'CERTIFICATION',
      title: 'AI bias certificate',
      claims: [{ competencyId: comps['AI-BIAS'], level: 3 }],
    });
    const benEvidence = await insertEvidence(t.ds, {
      educatorId: ben,
      kind: 'PILOT',
      startedOn: '2025-01-01',
      claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
    });
    const catEvidence = await insertEvidence(t.ds, {
      educatorId: cat,
      kind: 'PILOT',
      status: 'SELF_REPORTED',
      startedOn: '2025-01-01',
      claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
    });
    return { building, other, roleId, ana, ben, cat, anaEvidence, benEvidence, catEvidence };
  }

  const rank = async (roleId: string, vars: Record<string, unknown> = {}): Promise<Ranking> => {
    const res = await t.gql<{ roleRanking: Ranking }>(RANKING, { roleId, first: 50, buildingId: scope, ...vars }, hr);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.roleRanking;
  };

  /** Ranks, ranks again (asserting the second is a cache hit with identical rows), applies `change`, ranks once more (a recomputation). */
  async function invalidatedBy(
    roleId: string,
    change: () => Promise<unknown>,
    vars: Record<string, unknown> = {},
  ): Promise<{ before: Ranking; after: Ranking }> {
    const before = await rank(roleId, vars);
    const n = computed();
    expect(await rank(roleId, vars)).toEqual(before);
    expect(computed()).toBe(n);
    await change();
    const after = await rank(roleId, vars);
    expect(computed()).toBe(n + 1);
    return { before, after };
  }

  const ids = (r: Ranking) => r.nodes.map((x) => x.educatorId);

  it('a cache hit returns the same rows, pages and counts as the computation, for every page and for qualifiedOnly', async () => {
    const w = await world();
    // The first world is the whole district: the ranking without a building filter.
    scope = null;
    const full = await rank(w.roleId);
    expect(ids(full)).toEqual([w.ana, w.ben, w.cat]);
    expect([full.totalCount, full.qualifiedCount]).toEqual([3, 2]);
    const n = computed();
    // Same page again, other pages, the qualified prefix: all from the one computed ranking.
    expect(await rank(w.roleId)).toEqual(full);
    const first = await rank(w.roleId, { first: 1 });
    const second = await rank(w.roleId, { first: 1, after: first.pageInfo.endCursor });
    const third = await rank(w.roleId, { first: 1, after: second.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes, ...third.nodes]).toEqual(full.nodes);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, true, false]);
    const qualified = await rank(w.roleId, { qualifiedOnly: true });
    expect(ids(qualified)).toEqual([w.ana, w.ben]);
    expect([qualified.totalCount, qualified.qualifiedCount, qualified.pageInfo.hasNextPage]).toEqual([2, 2, false]);
    expect(computed()).toBe(n);
    // The uncached computation (what a saved run uses) gives the same answer.
    const direct = await repo.snapshot((m) =>
      t.app.get(RankingService).rankIn(m, w.roleId, { first: 50, offset: 0, qualifiedOnly: false }),
    );
    expect(direct.nodes.map((x) => [x.educatorId, x.score, x.qualified, x.rank, x.position])).toEqual(
      full.nodes.map((x) => [x.educatorId, x.score, x.qualified, x.rank, x.position]),
    );
  });

  it('a new claim invalidates it', async () => {
    const w = await world();
    const { before, after } = await invalidatedBy(w.roleId, () =>
      insertEvidence(t.ds, { educatorId: w.cat, kind: 'CERTIFICATION', claims: [{ competencyId: comps['AI-BIAS'], level: 4 }] }),
    );
    expect(before.qualifiedCount).toBe(2);
    expect(after.qualifiedCount).toBe(3);
  });

  it('a verification decision invalidates it', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.roleId, () =>
      t.ds.query(`UPDATE evidence SET verification_status = 'VERIFIED' WHERE id = $1`, [w.catEvidence]),
    );
    expect(after.nodes.find((x) => x.educatorId === w.cat)!.qualified).toBe(true);
  });

  it('a claim removed invalidates it', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.roleId, () => t.ds.query(`DELETE FROM evidence_claim WHERE evidence_id = $1`, [w.anaEvidence]));
    expect(after.nodes.find((x) => x.educatorId === w.ana)!.score).toBe(0);
  });

  it('a commitment invalidates it (overextension is on the page)', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.roleId, () =>
      insertCommitment(t.ds, { educatorId: w.ana, roleId: w.roleId, roleFte: 0.6, startsOn: '2020-01-01' }),
    );
    expect(after.nodes.find((x) => x.educatorId === w.ana)!.commitmentsFte).toBe(0.6);
  });

  it('a role edit invalidates it', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.roleId, () =>
      t.ds.query(`UPDATE role_requirement SET min_level = 3 WHERE role_id = $1`, [w.roleId]),
    );
    expect(after.qualifiedCount).toBe(1);
  });

  it('a new scoring policy invalidates it', async () => {
    const w = await world();
    const [{ qualifying_status: was }] = await t.ds.query(`SELECT qualifying_status FROM scoring_policy WHERE is_current`);
    const { before, after } = await invalidatedBy(w.roleId, () =>
      t.ds.query(`UPDATE scoring_policy SET qualifying_status = 'SELF_REPORTED' WHERE is_current`),
    );
    expect(before.qualifiedCount).toBe(2);
    expect(after.qualifiedCount).toBe(3);
    await t.ds.query(`UPDATE scoring_policy SET qualifying_status = $1 WHERE is_current`, [was]);
  });

  it('an educator leaving invalidates it', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.roleId, () =>
      t.ds.query(`UPDATE educator SET leaving_date = CURRENT_DATE - 1 WHERE id = $1`, [w.ben]),
    );
    expect(ids(after)).toEqual([w.ana, w.cat]);
  });

  it('a building move invalidates a building ranking', async () => {
    const w = await world();
    const { before, after } = await invalidatedBy(w.roleId, () =>
      t.ds.query(`UPDATE educator SET building_id = $2 WHERE id = $1`, [w.ana, w.other]),
    );
    expect(ids(before)).toEqual([w.ana, w.ben, w.cat]);
    expect(ids(after)).toEqual([w.ben, w.cat]);
  });

  it('a crosswalk invalidates it', async () => {
    const w = await world();
    await insertEvidence(t.ds, { educatorId: w.cat, kind: 'CERTIFICATION', claims: [{ competencyId: comps['AI-FEEDBACK'], level: 4 }] });
    const [fw] = await t.ds.query(`SELECT framework_id FROM competency WHERE id = $1`, [comps['AI-BIAS']]);
    const { before, after } = await invalidatedBy(w.roleId, () =>
      t.ds.query(
        `INSERT INTO case_association (framework_id, association_type, origin_competency_id, destination_competency_id, origin_identifier, origin_uri, destination_identifier, destination_uri)
       VALUES ($1, 'exactMatchOf', $2, $3, 'origin', 'urn:test:origin', 'destination', 'urn:test:destination')`,
        [fw.framework_id, comps['AI-FEEDBACK'], comps['AI-BIAS']],
      ),
    );
    expect(before.nodes.find((x) => x.educatorId === w.cat)!.qualified).toBe(false);
    expect(after.nodes.find((x) => x.educatorId === w.cat)!.qualified).toBe(true);
    await t.ds.query(`DELETE FROM case_association WHERE origin_uri = 'urn:test:origin'`);
  });

  it('an evidence title edit invalidates it (explanations show titles)', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.roleId, () =>
      t.ds.query(`UPDATE evidence SET title = 'Renamed certificate' WHERE id = $1`, [w.anaEvidence]),
    );
    expect(after.nodes[0].requirements[0].evidence[0].title).toBe('Renamed certificate');
  });

  it('the district day changing computes a new ranking', async () => {
    const w = await world();
    // In process: a token signed today would have expired by tomorrow.
    const service = t.app.get(RankingService);
    const [account] = await t.ds.query(`SELECT id, email FROM account WHERE 'HR' = ANY(personas) LIMIT 1`);
    const viewer = { accountId: account.id, email: account.email, personas: new Set([Persona.HR]), educatorId: null };
    const rankToday = () => service.roleRanking(viewer, w.roleId, { first: 50, offset: 0, qualifiedOnly: false, buildingId: w.building });
    const today = await rankToday();
    expect(await rankToday()).toEqual(today);
    const n = computed();
    const tomorrow = await onTheNextDay(() => rankToday());
    expect(computed()).toBe(n + 1);
    expect(tomorrow.asOf > today.asOf).toBe(true);
  });

  it('a change does not invalidate until it commits', async () => {
    const w = await world();
    const before = await rank(w.roleId);
    const n = computed();
    const writer = t.ds.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`UPDATE evidence SET verification_status = 'VERIFIED' WHERE id = $1`, [w.catEvidence]);
      expect(await rank(w.roleId)).toEqual(before);
      expect(computed()).toBe(n);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect((await rank(w.roleId)).qualifiedCount).toBe(3);
    expect(computed()).toBe(n + 1);
  });

  it('concurrent first requests compute the ranking once and all get the same answer', async () => {
    const w = await world();
    const n = computed();
    const answers = await Promise.all(Array.from({ length: 6 }, () => rank(w.roleId)));
    expect(computed()).toBe(n + 1);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(ids(answers[0])).toEqual([w.ana, w.ben, w.cat]);
  });

  it('a saved ranking run is taken fresh and stays as saved', async () => {
    const w = await world();
    await rank(w.roleId);
    const SAVE = `mutation($input: SaveRankingRunInput!) { saveRankingRun(input: $input) { id results(first: 10) { nodes { educatorId qualified } } } }`;
    const saved = await t.gql(SAVE, { input: { roleId: w.roleId, buildingId: w.building } }, hr);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveRankingRun.results.nodes.map((x: { educatorId: string }) => x.educatorId)).toEqual([w.ana, w.ben, w.cat]);
    await t.ds.query(`UPDATE evidence SET verification_status = 'VERIFIED' WHERE id = $1`, [w.catEvidence]);
    expect((await rank(w.roleId)).qualifiedCount).toBe(3);
    const again = await t.gql(
      `query($id: ID!) { rankingRun(id: $id) { results(first: 10) { nodes { educatorId qualified } } } }`,
      { id: saved.data.saveRankingRun.id },
      hr,
    );
    expect(again.data.rankingRun.results.nodes.map((x: { qualified: boolean }) => x.qualified)).toEqual([true, true, false]);
  });
});
