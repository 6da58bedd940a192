import { jest } from '@jest/globals';
import { Persona } from '../../src/access/persona.js';
import { ChangeLogPruner } from '../../src/matching/change-log-pruner.service.js';
import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const RANKING = `query($roleId: ID!, $buildingId: ID) { roleRanking(roleId: $roleId, first: 10, buildingId: $buildingId) {
  roleTitle totalCount qualifiedCount nodes { educatorId fullName score qualified } } }`;

describe('pruning the change logs never lets a cache serve stale data', () => {
  let t: TestApp;
  let hr: string;
  let comps: Record<string, string>;
  let repo: MatchingRepository;
  let pruner: ChangeLogPruner;
  let computed: () => number;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    comps = await competencyIds(t.ds, ['AI-BIAS', 'DATA-PRIVACY']);
    repo = t.app.get(MatchingRepository);
    pruner = t.app.get(ChangeLogPruner);
    const rankTop = jest.spyOn(repo, 'rankTop');
    const rankAll = jest.spyOn(repo, 'rankAll');
    computed = () => rankTop.mock.calls.length + rankAll.mock.calls.length;
  });
  afterAll(() => t.close());

  const count = async (log: string) => (await t.ds.query(`SELECT count(*)::int AS n FROM ${log}`))[0].n as number;
  const horizon = async (log: string) =>
    (await t.ds.query(`SELECT pruned_through::text AS h FROM change_log_horizon WHERE log = $1`, [log]))[0].h as string;
  const rank = async (roleId: string, buildingId: string) => {
    const res = await t.gql(RANKING, { roleId, buildingId }, hr);
    expect(res.errors).toBeUndefined();
    return res.data.roleRanking as {
      roleTitle: string;
      totalCount: number;
      nodes: Array<{ fullName: string; score: number; qualified: boolean }>;
    };
  };
  /** A world of its own (a building), so rankings here see only this test's educators. */
  const world = async (title: string) => {
    const building = await insertBuilding(t.ds);
    const ana = await insertEducator(t.ds, { buildingId: building, name: `Ana ${title}` });
    await insertEvidence(t.ds, { educatorId: ana, kind: 'CERTIFICATION', claims: [{ competencyId: comps['AI-BIAS'], level: 3 }] });
    const roleId = await insertRole(t.ds, { title, requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] });
    return { building, ana, roleId };
  };

  it('a ranking cached before the pruned window is recomputed with the change the deleted entries recorded', async () => {
    const { building, roleId } = await world('Coach');
    const before = await rank(roleId, building);
    expect(before.totalCount).toBe(1);
    const afterFirst = computed();
    expect(await rank(roleId, building)).toEqual(before);
    expect(computed()).toBe(afterFirst);
    const [{ snapshot }] = await t.ds.query(`SELECT pg_current_snapshot()::text AS snapshot`);

    // A change the cached ranking has not seen: a second educator qualifies. Its log entry is then pruned at once.
    const ben = await insertEducator(t.ds, { buildingId: building, name: 'Ben Coach' });
    await insertEvidence(t.ds, { educatorId: ben, kind: 'CERTIFICATION', claims: [{ competencyId: comps['AI-BIAS'], level: 4 }] });
    expect(await count('matching_data_change')).toBeGreaterThan(0);
    const summary = await pruner.runOnce(0);
    expect(summary.ran).toBe(true);
    expect(summary.deleted.matching_data_change).toBeGreaterThan(0);
    expect(await count('matching_data_change')).toBe(0);
    expect(await count('matching_role_change')).toBe(0);
    expect(BigInt(await horizon('matching_data_change'))).toBeGreaterThan(0n);

    // The log alone no longer shows the change; the horizon makes the old snapshot stale all the same.
    expect(
      (
        await t.ds.query(
          `SELECT NOT EXISTS (SELECT 1 FROM matching_data_change WHERE xid >= pg_snapshot_xmin($1::pg_snapshot)
             AND NOT pg_visible_in_snapshot(xid, $1::pg_snapshot)) AS fresh_by_log_alone`,
          [snapshot],
        )
      )[0].fresh_by_log_alone,
    ).toBe(true);
    expect(await repo.rankingInputsUnchangedSince(t.ds.manager, snapshot)).toBe(false);

    const after = await rank(roleId, building);
    expect(computed()).toBe(afterFirst + 1);
    expect(after.totalCount).toBe(2);
    // (Both may score alike; a tie is ordered by id, so the names are compared as a set.)
    expect(after.nodes.map((n) => n.fullName).sort()).toEqual(['Ana Coach', 'Ben Coach']);
  });

  it('the cached open roles read before the pruned window are reloaded', async () => {
    const { roleId } = await world('Mentor');
    const first = (await repo.openRolesAndPolicy(t.ds.manager)).roles;
    expect(first.find((r) => r.id === roleId)?.title).toBe('Mentor');
    expect((await repo.openRolesAndPolicy(t.ds.manager)).roles).toBe(first);

    await t.ds.query(`UPDATE hybrid_role SET title = 'Senior mentor' WHERE id = $1`, [roleId]);
    await pruner.runOnce(0);
    expect(await count('matching_role_change')).toBe(0);
    const reloaded = (await repo.openRolesAndPolicy(t.ds.manager)).roles;
    expect(reloaded).not.toBe(first);
    expect(reloaded.find((r) => r.id === roleId)?.title).toBe('Senior mentor');
  });

  it('a cache computed after the pruned window is still served, and later changes still invalidate it', async () => {
    const { building, ana, roleId } = await world('Lead');
    await pruner.runOnce(0);
    const cached = await rank(roleId, building);
    const n = computed();
    // Pruning again with nothing new to delete leaves the horizon and the cache alone.
    const h = await horizon('matching_data_change');
    expect((await pruner.runOnce(0)).deleted).toEqual({ matching_role_change: 0, matching_data_change: 0 });
    expect(await horizon('matching_data_change')).toBe(h);
    expect(await rank(roleId, building)).toEqual(cached);
    expect(computed()).toBe(n);

    // A later change (kept in the log: younger than the retention window) invalidates it as before.
    await t.ds.query(`UPDATE educator SET full_name = 'Ana Renamed' WHERE id = $1`, [ana]);
    expect((await pruner.runOnce(60)).deleted.matching_data_change).toBe(0);
    expect(await count('matching_data_change')).toBe(1);
    expect(await horizon('matching_data_change')).toBe(h);
    expect((await rank(roleId, building)).nodes.map((x) => x.fullName)).toEqual(['Ana Renamed']);
    expect(computed()).toBe(n + 1);
  });

  it('keeps entries younger than the retention window and deletes only older ones', async () => {
    await pruner.runOnce(0);
    await t.ds.query(`INSERT INTO matching_data_change (source, at) VALUES ('evidence', now() - interval '2 hours')`);
    await t.ds.query(`INSERT INTO matching_data_change (source, at) VALUES ('evidence', now() - interval '5 minutes')`);
    const [{ old }] = await t.ds.query(`SELECT xid::text AS old FROM matching_data_change WHERE at < now() - interval '1 hour'`);
    expect((await pruner.runOnce(60)).deleted.matching_data_change).toBe(1);
    expect(await t.ds.query(`SELECT source FROM matching_data_change WHERE at > now() - interval '1 hour'`)).toEqual([
      { source: 'evidence' },
    ]);
    expect(await horizon('matching_data_change')).toBe(old);
  });

  it('runs on one instance at a time: while another holds the job, nothing is deleted', async () => {
    await t.ds.query(`UPDATE hybrid_role SET title = title || '.' WHERE title = 'Lead'`);
    const before = await count('matching_role_change');
    expect(before).toBeGreaterThan(0);
    const other = t.ds.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT pg_advisory_xact_lock(hashtextextended('change-log-prune', 14))`);
      expect(await pruner.runOnce(0)).toEqual({ ran: false, deleted: { matching_role_change: 0, matching_data_change: 0 } });
      expect(await count('matching_role_change')).toBe(before);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect((await pruner.runOnce(0)).deleted.matching_role_change).toBe(before);
  });

  it('logs a writing transaction once per source table, however many statements it runs', async () => {
    const { building } = await world('Counter');
    const writer = t.ds.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    let xid: string;
    try {
      [{ xid }] = await writer.query(`SELECT pg_current_xact_id()::text AS xid`);
      for (let i = 0; i < 3; i++) {
        const [{ id }] = await writer.query(
          `INSERT INTO educator (full_name, work_email, building_id, hire_date, version) VALUES ($1, $2, $3, '2020-01-01', 1) RETURNING id`,
          [`Counted ${i}`, `counted-${i}@test.example`, building],
        );
        for (let k = 0; k < 2; k++) {
          const [{ id: evidenceId }] = await writer.query(
            `INSERT INTO evidence (educator_id, kind, title, verification_status, issuer, issued_on, version)
             VALUES ($1, 'CERTIFICATION', 'Cert', 'VERIFIED', 'Issuer', '2024-01-01', 1) RETURNING id`,
            [id],
          );
          await writer.query(`INSERT INTO evidence_claim (evidence_id, competency_id, level) VALUES ($1, $2, 2), ($1, $3, 1)`, [
            evidenceId,
            comps['AI-BIAS'],
            comps['DATA-PRIVACY'],
          ]);
        }
      }
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect(await t.ds.query(`SELECT source FROM matching_data_change WHERE xid = $1::xid8 ORDER BY source`, [xid!])).toEqual([
      { source: 'educator' },
      { source: 'evidence' },
      { source: 'evidence_claim_fact' },
    ]);
  });

  it('an entry of a transaction still running when the job deletes is kept, and its change still invalidates', async () => {
    const { building, ana, roleId } = await world('Ethics lead');
    await pruner.runOnce(0);
    const writer = t.ds.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`UPDATE educator SET full_name = 'Ana Late' WHERE id = $1`, [ana]);
      // Cached while the writer is open: the snapshot does not see it.
      expect((await rank(roleId, building)).nodes.map((x) => x.fullName)).toEqual(['Ana Ethics lead']);
      await pruner.runOnce(0);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect((await rank(roleId, building)).nodes.map((x) => x.fullName)).toEqual(['Ana Late']);
    await pruner.runOnce(0);
    expect(await count('matching_data_change')).toBe(0);
    expect((await rank(roleId, building)).nodes.map((x) => x.fullName)).toEqual(['Ana Late']);
  });
});
