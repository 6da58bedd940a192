import { Persona } from '../../src/access/persona.js';
import { HeavyWorkLimiter } from '../../src/common/heavy/heavy-work.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 10) { totalCount nodes { educatorId } } }`;
const COVERAGE = `query($ids: [ID!], $min: Int!) { capacityCoverage(competencyIds: $ids, minLevel: $min) { total { educators covered } } }`;

describe('heavy work past its bound answers BUSY with a retry hint, cheap requests are still served, and it succeeds after release', () => {
  let t: TestApp;
  let hr: string;
  let educatorToken: string;
  let roles: string[];
  let comps: Record<string, string>;

  beforeAll(async () => {
    // One heavy piece at a time and nobody waiting: the second is refused at once.
    // Large answers are not bounded here (heavy-answers.e2e.spec.ts covers that gate): this is the heavy-work gate alone.
    t = await startTestApp({
      HEAVY_MAX_CONCURRENT: '1',
      HEAVY_MAX_QUEUED: '0',
      HEAVY_QUEUE_WAIT_MS: '3000',
      HEAVY_ANSWERS_MAX_CONCURRENT: '8',
    });
    hr = (await t.signInAs([Persona.HR])).token;
    educatorToken = (await t.signInAs([Persona.EDUCATOR])).token;
    comps = await competencyIds(t.ds, ['AI-BIAS', 'DATA-PRIVACY']);
    const building = await insertBuilding(t.ds);
    const ana = await insertEducator(t.ds, { buildingId: building, name: 'Ana' });
    await insertEvidence(t.ds, { educatorId: ana, kind: 'CERTIFICATION', claims: [{ competencyId: comps['AI-BIAS'], level: 3 }] });
    roles = [
      await insertRole(t.ds, { title: 'Coach', requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] }),
      await insertRole(t.ds, { title: 'Lead', requirements: [{ competencyId: comps['DATA-PRIVACY'], minLevel: 2 }] }),
    ];
  });
  afterAll(() => t.close());

  it('fills the bound with a ranking held by a lock, refuses the next heavy requests with BUSY, then serves them after release', async () => {
    const limiter = t.app.get(HeavyWorkLimiter);
    const locker = t.ds.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    let held: Promise<GqlResponse> | undefined;
    try {
      // The ranking statement reads the claim facts; a lock on them holds the one heavy slot for as long as we like.
      await locker.query('LOCK TABLE evidence_claim_fact IN ACCESS EXCLUSIVE MODE');
      held = t.gql(RANKING, { roleId: roles[0] }, hr);
      for (
        let i = 0;
        i < 200 &&
        !(
          await t.ds.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE '%WITH per_requirement%'`,
          )
        ).length;
        i++
      ) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(
        (await t.ds.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).length,
      ).toBe(1);
      expect(limiter.activeCount).toBe(1);

      // Another ranking (a different role: the same one would share the running computation) and a report: BUSY at once.
      const started = Date.now();
      const ranking = await t.gql(RANKING, { roleId: roles[1] }, hr);
      expect(codeOf(ranking)).toBe('BUSY');
      expect(ranking.status).toBe(503);
      expect(ranking.errors![0].extensions!.retryAfterSeconds).toBe(3);
      expect(ranking.errors![0].message).not.toMatch(/SELECT|at .*\.ts/);
      const report = await t.gql(COVERAGE, { ids: [comps['AI-BIAS']], min: 2 }, hr);
      expect(codeOf(report)).toBe('BUSY');
      const exported = await fetch(`${t.baseUrl}/exports/buildings`, { headers: { authorization: `Bearer ${hr}` } });
      expect(exported.status).toBe(503);
      expect(exported.headers.get('retry-after')).toBe('3');
      expect(((await exported.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BUSY');
      expect(Date.now() - started).toBeLessThan(2000);

      // Who is asking is decided before the gate: a request without (or with a wrong) token, or from someone not
      // allowed, gets its own answer, never BUSY, even while the gate is full.
      const codeOfHttp = async (res: Response) =>
        ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code;
      const anonymousExport = await fetch(`${t.baseUrl}/exports/buildings`);
      expect([anonymousExport.status, await codeOfHttp(anonymousExport)]).toEqual([401, 'UNAUTHENTICATED']);
      const badToken = await fetch(`${t.baseUrl}/exports/educators`, { headers: { authorization: 'Bearer not-a-token' } });
      expect([badToken.status, await codeOfHttp(badToken)]).toEqual([401, 'UNAUTHENTICATED']);
      const educatorExport = await fetch(`${t.baseUrl}/exports/buildings`, { headers: { authorization: `Bearer ${educatorToken}` } });
      expect([educatorExport.status, await codeOfHttp(educatorExport)]).toEqual([403, 'FORBIDDEN']);
      const anonymousImport = await fetch(`${t.baseUrl}/imports/buildings`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'code,name\nX-1,Nowhere\n',
      });
      expect([anonymousImport.status, await codeOfHttp(anonymousImport)]).toEqual([401, 'UNAUTHENTICATED']);
      const anonymousCommit = await fetch(`${t.baseUrl}/imports/jobs/00000000-0000-0000-0000-000000000000/commit`, { method: 'POST' });
      expect([anonymousCommit.status, await codeOfHttp(anonymousCommit)]).toEqual([401, 'UNAUTHENTICATED']);
      expect(codeOf(await t.gql(COVERAGE, { ids: [comps['AI-BIAS']], min: 2 }))).toBe('UNAUTHENTICATED');
      // A CASE package published to signed-in users only: 401 without a token; with one, the gate answers (503).
      const [framework] = await t.ds.query(
        `SELECT case_identifier::text AS cid FROM competency_framework WHERE code = 'UNESCO-AI-CFT-2024' AND publication <> 'PUBLIC'`,
      );
      const anonymousPackage = await fetch(`${t.baseUrl}/ims/case/v1p1/CFPackages/${framework.cid}`);
      expect(anonymousPackage.status).toBe(401);
      const busyPackage = await fetch(`${t.baseUrl}/ims/case/v1p1/CFPackages/${framework.cid}`, {
        headers: { authorization: `Bearer ${educatorToken}` },
      });
      expect(busyPackage.status).toBe(503);
      expect(busyPackage.headers.get('retry-after')).toBe('3');
      expect(((await busyPackage.json()) as { imsx_CodeMinor: unknown }).imsx_CodeMinor).toEqual({
        imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: 'server_busy' }],
      });
      // Nothing was written by the refused import.
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM import_job`)).toEqual([{ n: 0 }]);
      expect(limiter.activeCount).toBe(1);

      // Cheap requests are not behind the heavy gate.
      const cheap = await t.gql(`{ roles(first: 5) { nodes { id title } } }`, {}, hr);
      expect(cheap.errors).toBeUndefined();
      expect(cheap.data.roles.nodes.map((r: { title: string }) => r.title).sort()).toEqual(['Coach', 'Lead']);
      expect(limiter.activeCount).toBe(1);
    } finally {
      await locker.commitTransaction();
      await locker.release();
    }
    const first = await held!;
    expect(first.errors).toBeUndefined();
    expect(first.data.roleRanking.totalCount).toBe(1);
    expect(limiter.activeCount).toBe(0);

    // Released: the refused requests now succeed.
    const ranking = await t.gql(RANKING, { roleId: roles[1] }, hr);
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data.roleRanking.totalCount).toBe(1);
    const report = await t.gql(COVERAGE, { ids: [comps['AI-BIAS']], min: 2 }, hr);
    expect(report.errors).toBeUndefined();
    expect(report.data.capacityCoverage.total).toEqual({ educators: 1, covered: 1 });
    const csv = await fetch(`${t.baseUrl}/exports/buildings`, { headers: { authorization: `Bearer ${hr}` } });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^code/);
    // Every slot taken was given back (the export's slot is released when its stream has finished).
    for (let i = 0; i < 40 && limiter.activeCount > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect([limiter.activeCount, limiter.queuedCount]).toEqual([0, 0]);
  });

  it('a waiting heavy request runs when a slot frees within the wait bound', async () => {
    let release!: () => void;
    // The app's queue bound is 0, so the waiting path is tested on a limiter of its own.
    const own = new HeavyWorkLimiter({ heavyMaxConcurrent: 1, heavyMaxQueued: 1, heavyQueueWaitMs: 2000 });
    const holding = own.run(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    const waiting = own.run(async () => 'ran');
    await expect(own.run(async () => 'third')).rejects.toMatchObject({ code: 'BUSY', details: { retryAfterSeconds: 2 } });
    expect([own.activeCount, own.queuedCount]).toEqual([1, 1]);
    release();
    await holding;
    await expect(waiting).resolves.toBe('ran');
    expect([own.activeCount, own.queuedCount]).toEqual([0, 0]);
  });

  it('a heavy request that waits past the bound is refused with BUSY', async () => {
    const own = new HeavyWorkLimiter({ heavyMaxConcurrent: 1, heavyMaxQueued: 4, heavyQueueWaitMs: 50 });
    let release!: () => void;
    const holding = own.run(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    await expect(own.run(async () => 'late')).rejects.toMatchObject({ code: 'BUSY' });
    expect(own.queuedCount).toBe(0);
    release();
    await holding;
    await expect(own.run(async () => 'now')).resolves.toBe('now');
  });
});
