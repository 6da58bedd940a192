import { jest } from '@jest/globals';
import { Persona } from '../../src/access/persona.js';
import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import { StandingService } from '../../src/matching/standing.service.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { onTheNextDay } from '../support/next-day.js';

const STANDING = `query($e: ID!, $first: Int, $after: String, $qualifiedOnly: Boolean) {
  educatorStanding(educatorId: $e, first: $first, after: $after, qualifiedOnly: $qualifiedOnly) {
    educatorId policyVersion asOf leftOn qualifiedCount totalCount pageInfo { hasNextPage endCursor }
    roles { roleId roleTitle qualified score maxScore requiredMet requiredTotal gapCount
      gaps { competencyCode levelHeld levelNeeded renewableEvidenceIds metOnceVerified metOnceVerifiedEvidenceIds summary remedyIds }
      requirements { competencyCode demonstratedLevel met untrustedLevel metOnceVerified contribution }
      yearsOfService { years met } }
    remedies { id kind pilotPart scoringKind level kindWeight } } }`;

type Standing = {
  leftOn: string | null;
  policyVersion: number;
  asOf: string;
  qualifiedCount: number;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  roles: Array<{
    roleId: string;
    qualified: boolean;
    score: number;
    gapCount: number;
    gaps: Array<{ competencyCode: string; levelHeld: number; levelNeeded: number; summary: string; remedyIds: string[] }>;
    yearsOfService: { years: number; met: boolean } | null;
  }>;
  remedies: Array<{ id: string }>;
};

describe('cached standings: a repeated standing is served from memory until anything it depends on changes', () => {
  let t: TestApp;
  let hr: string;
  let comps: Record<string, string>;
  let computed: () => number;
  let service: StandingService;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    comps = await competencyIds(t.ds, ['AI-BIAS', 'DATA-PRIVACY', 'AI-FEEDBACK']);
    service = t.app.get(StandingService);
    const reads = jest.spyOn(t.app.get(MatchingRepository), 'standingInputs');
    computed = () => reads.mock.calls.length;
  });
  afterAll(() => t.close());

  /** A fresh educator and an open role of their own: qualified on AI-BIAS, not yet on DATA-PRIVACY (a preferred one). */
  async function world(ds = t.ds, c = comps) {
    const building = await insertBuilding(ds, 'North');
    const roleId = await insertRole(ds, {
      title: `Standing coach ${Math.random()}`,
      requirements: [
        { competencyId: c['AI-BIAS'], minLevel: 2 },
        { competencyId: c['DATA-PRIVACY'], minLevel: 3, kind: 'PREFERRED' },
      ],
    });
    const educator = await insertEducator(ds, { buildingId: building, name: 'Dana' });
    const pilot = await insertEvidence(ds, {
      educatorId: educator,
      kind: 'PILOT',
      status: 'SELF_REPORTED',
      startedOn: '2025-01-01',
      claims: [{ competencyId: c['AI-BIAS'], level: 2 }],
    });
    return { building, roleId, educator, pilot };
  }

  const stand = async (educatorId: string, vars: Record<string, unknown> = {}): Promise<Standing> => {
    const res = await t.gql<{ educatorStanding: Standing }>(STANDING, { e: educatorId, first: 100, ...vars }, hr);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.educatorStanding;
  };
  const roleIn = (s: Standing, roleId: string) => s.roles.find((r) => r.roleId === roleId)!;

  /** Reads, reads again (a cache hit, identical), applies `change`, reads once more (a recomputation). */
  async function invalidatedBy(educatorId: string, change: () => Promise<unknown>): Promise<{ before: Standing; after: Standing }> {
    const before = await stand(educatorId);
    const n = computed();
    expect(await stand(educatorId)).toEqual(before);
    expect(computed()).toBe(n);
    await change();
    const after = await stand(educatorId);
    expect(computed()).toBe(n + 1);
    return { before, after };
  }

  it('a hit gives what a computation gives, for every page and for qualifiedOnly', async () => {
    const w = await world();
    const all = await stand(w.educator);
    expect(roleIn(all, w.roleId).qualified).toBe(false);
    const n = computed();
    expect(await stand(w.educator)).toEqual(all);
    const first = await stand(w.educator, { first: 1 });
    const rest = await stand(w.educator, { first: 99, after: first.pageInfo.endCursor });
    expect([...first.roles, ...rest.roles]).toEqual(all.roles);
    expect([first.totalCount, first.qualifiedCount]).toEqual([all.totalCount, all.qualifiedCount]);
    const qualified = await stand(w.educator, { qualifiedOnly: true });
    expect(qualified.totalCount).toBe(all.qualifiedCount);
    expect(qualified.roles).toEqual(all.roles.filter((r) => r.qualified));
    expect(computed()).toBe(n);
    // Computed afresh (cache emptied), every page is the same again.
    service.cache.clear();
    expect(await stand(w.educator, { first: 1 })).toEqual(first);
    expect(await stand(w.educator)).toEqual(all);
    expect(computed()).toBe(n + 1);
  });

  it('a new claim invalidates it', async () => {
    const w = await world();
    const { before, after } = await invalidatedBy(w.educator, () =>
      insertEvidence(t.ds, { educatorId: w.educator, kind: 'CERTIFICATION', claims: [{ competencyId: comps['DATA-PRIVACY'], level: 3 }] }),
    );
    expect(roleIn(before, w.roleId).gapCount).toBe(2);
    expect(roleIn(after, w.roleId).gaps.map((g) => g.competencyCode)).toEqual(['AI-BIAS']);
    expect(roleIn(after, w.roleId).score).toBeGreaterThan(roleIn(before, w.roleId).score);
  });

  it('a verification decision invalidates it', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.educator, () =>
      t.ds.query(`UPDATE evidence SET verification_status = 'VERIFIED' WHERE id = $1`, [w.pilot]),
    );
    expect(roleIn(after, w.roleId).qualified).toBe(true);
  });

  it('a claim removed invalidates it', async () => {
    const w = await world();
    const { before, after } = await invalidatedBy(w.educator, () =>
      t.ds.query(`DELETE FROM evidence_claim WHERE evidence_id = $1`, [w.pilot]),
    );
    expect(roleIn(before, w.roleId).score).toBeGreaterThan(0);
    expect(roleIn(after, w.roleId).score).toBe(0);
  });

  it('a role edit invalidates it, and so does a new open role', async () => {
    const w = await world();
    await t.ds.query(`UPDATE evidence SET verification_status = 'VERIFIED' WHERE id = $1`, [w.pilot]);
    const { after } = await invalidatedBy(w.educator, () =>
      t.ds.query(`UPDATE role_requirement SET min_level = 3 WHERE role_id = $1`, [w.roleId]),
    );
    expect(roleIn(after, w.roleId).qualified).toBe(false);
    const { before: was, after: now } = await invalidatedBy(w.educator, () =>
      insertRole(t.ds, { requirements: [{ competencyId: comps['AI-FEEDBACK'], minLevel: 1 }] }),
    );
    expect(now.totalCount).toBe(was.totalCount + 1);
  });

  it("a role change reaches another educator's first standing (the open roles in memory are tested by the same statement)", async () => {
    const a = await world();
    const b = await world();
    const before = await stand(a.educator);
    const roleId = await insertRole(t.ds, { requirements: [{ competencyId: comps['AI-FEEDBACK'], minLevel: 1 }] });
    const first = await stand(b.educator);
    expect(first.totalCount).toBe(before.totalCount + 1);
    expect(first.roles.some((r) => r.roleId === roleId)).toBe(true);
    await t.ds.query(`UPDATE hybrid_role SET status = 'CLOSED' WHERE id = $1`, [roleId]);
    expect((await stand(a.educator)).totalCount).toBe(before.totalCount);
  });

  it('a new scoring policy invalidates it', async () => {
    const w = await world();
    const [{ qualifying_status: was }] = await t.ds.query(`SELECT qualifying_status FROM scoring_policy WHERE is_current`);
    try {
      const { before, after } = await invalidatedBy(w.educator, () =>
        t.ds.query(`UPDATE scoring_policy SET qualifying_status = 'SELF_REPORTED' WHERE is_current`),
      );
      expect(roleIn(before, w.roleId).qualified).toBe(false);
      expect(roleIn(after, w.roleId).qualified).toBe(true);
    } finally {
      await t.ds.query(`UPDATE scoring_policy SET qualifying_status = $1 WHERE is_current`, [was]);
    }
  });

  it('a crosswalk invalidates it', async () => {
    const w = await world();
    await insertEvidence(t.ds, {
      educatorId: w.educator,
      kind: 'CERTIFICATION',
      claims: [{ competencyId: comps['AI-FEEDBACK'], level: 4 }],
    });
    const [fw] = await t.ds.query(`SELECT framework_id FROM competency WHERE id = $1`, [comps['DATA-PRIVACY']]);
    try {
      const { before, after } = await invalidatedBy(w.educator, () =>
        t.ds.query(
          `INSERT INTO case_association (framework_id, association_type, origin_competency_id, destination_competency_id, origin_identifier, origin_uri, destination_identifier, destination_uri)
           VALUES ($1, 'exactMatchOf', $2, $3, 'origin', 'urn:test:standing-origin', 'destination', 'urn:test:standing-destination')`,
          [fw.framework_id, comps['AI-FEEDBACK'], comps['DATA-PRIVACY']],
        ),
      );
      expect(roleIn(before, w.roleId).gaps.map((g) => g.competencyCode)).toEqual(['AI-BIAS', 'DATA-PRIVACY']);
      expect(roleIn(after, w.roleId).gaps.map((g) => g.competencyCode)).toEqual(['AI-BIAS']);
    } finally {
      await t.ds.query(`DELETE FROM case_association WHERE origin_uri = 'urn:test:standing-origin'`);
    }
  });

  it('an educator leaving invalidates it, and the leaver holds no standing', async () => {
    const w = await world();
    const { after } = await invalidatedBy(w.educator, () =>
      t.ds.query(`UPDATE educator SET leaving_date = CURRENT_DATE - 1 WHERE id = $1`, [w.educator]),
    );
    expect(after.leftOn).not.toBeNull();
    expect([after.totalCount, after.qualifiedCount, after.roles, after.remedies]).toEqual([0, 0, [], []]);
  });

  it('a hire date edit invalidates it (years of service)', async () => {
    const w = await world();
    const roleId = await insertRole(t.ds, { minYearsOfService: 5, requirements: [{ competencyId: comps['AI-FEEDBACK'], minLevel: 1 }] });
    const { before, after } = await invalidatedBy(w.educator, () =>
      t.ds.query(`UPDATE educator SET hire_date = CURRENT_DATE - 365 WHERE id = $1`, [w.educator]),
    );
    expect(roleIn(before, roleId).yearsOfService!.met).toBe(true);
    expect(roleIn(after, roleId).yearsOfService).toEqual({ years: 1, met: false });
  });

  it('a change does not invalidate until it commits', async () => {
    const w = await world();
    const before = await stand(w.educator);
    const n = computed();
    const writer = t.ds.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`UPDATE evidence SET verification_status = 'VERIFIED' WHERE id = $1`, [w.pilot]);
      expect(await stand(w.educator)).toEqual(before);
      expect(computed()).toBe(n);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect(roleIn(await stand(w.educator), w.roleId).qualified).toBe(true);
    expect(computed()).toBe(n + 1);
  });

  it('the district day changing computes the standing afresh', async () => {
    const w = await world();
    const [account] = await t.ds.query(`SELECT id, email FROM account WHERE 'HR' = ANY(personas) LIMIT 1`);
    const viewer = { accountId: account.id, email: account.email, personas: new Set([Persona.HR]), educatorId: null };
    const today = await service.standing(viewer, w.educator);
    expect(await service.standing(viewer, w.educator)).toBe(today);
    const n = computed();
    const tomorrow = await onTheNextDay(() => service.standing(viewer, w.educator));
    expect(computed()).toBe(n + 1);
    expect(tomorrow.asOf > today.asOf).toBe(true);
  });

  it('each viewer is still checked on a hit: another educator gets NOT_FOUND for a cached standing', async () => {
    const w = await world();
    await stand(w.educator);
    const other = await t.signInAs([Persona.EDUCATOR]);
    const res = await t.gql(STANDING, { e: w.educator, first: 5 }, other.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('with STANDING_CACHE_ENTRIES=0 nothing is kept', async () => {
    const off = await startTestApp({ STANDING_CACHE_ENTRIES: '0' });
    try {
      const w = await world(off.ds, await competencyIds(off.ds, ['AI-BIAS', 'DATA-PRIVACY']));
      const token = (await off.signInAs([Persona.HR])).token;
      const read = async () =>
        (await off.gql<{ educatorStanding: Standing }>(STANDING, { e: w.educator, first: 100 }, token)).data!.educatorStanding;
      const first = await read();
      await off.ds.query(`UPDATE evidence SET verification_status = 'VERIFIED' WHERE id = $1`, [w.pilot]);
      expect(roleIn(first, w.roleId).qualified).toBe(false);
      expect(roleIn(await read(), w.roleId).qualified).toBe(true);
      expect(off.app.get(StandingService).cache.size).toBe(0);
    } finally {
      await off.close();
    }
  });
});
