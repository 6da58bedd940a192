import type { PoolClient } from 'pg';
import type pg from 'pg';
import { Persona } from '../../src/access/persona.js';
import { HotReads } from '../../src/common/hot-read.js';
import { competencyIds, insertRole } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const ROLES = `{ roles(status: OPEN, first: 5) { totalCount nodes { title requirements { minLevel } } } }`;
const mainPool = (t: TestApp) => (t.ds.driver as unknown as { master: pg.Pool }).master;

/** Takes every connection of the main pool (10) and keeps them until released. */
async function exhaust(pool: pg.Pool): Promise<PoolClient[]> {
  const held: PoolClient[] = [];
  while (pool.totalCount < 10 || pool.idleCount > 0) held.push(await pool.connect());
  return held;
}

describe('the role list reads on connections of its own (DB_HOT_POOL_SIZE)', () => {
  let t: TestApp;
  let hr: string;

  beforeAll(async () => {
    t = await startTestApp({ DB_HOT_POOL_SIZE: '2' });
    hr = (await t.signInAs([Persona.HR])).token;
    const comps = await competencyIds(t.ds, ['AI-BIAS']);
    await insertRole(t.ds, { title: 'Coach', requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] });
  });
  afterAll(() => t.close());

  it('answers the role list while every connection of the main pool is held, on the hot-read connections', async () => {
    // A first request, so the account is in the principal cache (signing in reads it from the main pool).
    expect((await t.gql(ROLES, {}, hr)).errors).toBeUndefined();
    const held = await exhaust(mainPool(t));
    try {
      expect(mainPool(t).idleCount).toBe(0);
      const res = await t.gql(ROLES, {}, hr);
      expect(res.errors).toBeUndefined();
      expect(res.data.roles.totalCount).toBe(1);
      expect(res.data.roles.nodes[0]).toEqual({ title: 'Coach', requirements: [{ minLevel: 2 }] });
      // The statements ran on the hot-read pool's connections, named so in pg_stat_activity.
      const { rows } = await held[0].query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pathways-hot-reads'`,
      );
      expect(rows[0].n).toBeGreaterThanOrEqual(1);
      expect(rows[0].n).toBeLessThanOrEqual(2);
      expect(t.app.get(HotReads).pool!.totalCount).toBeGreaterThanOrEqual(1);
    } finally {
      for (const c of held) c.release();
    }
  });

  it('keeps the request budget on hot reads: a spent budget refuses the statement with TIMEOUT', async () => {
    // The same wrapping as the main pool: a statement that would run past the budget is cancelled on the server.
    const pool = t.app.get(HotReads).pool!;
    const client = await pool.connect();
    try {
      expect((client as unknown as { __budgeted?: boolean }).__budgeted).toBe(true);
    } finally {
      client.release();
    }
  });
});

describe('with DB_HOT_POOL_SIZE=0 the role list reads from the main pool', () => {
  let t: TestApp;
  let hr: string;

  beforeAll(async () => {
    t = await startTestApp({ DB_HOT_POOL_SIZE: '0' });
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  it('has no pool of its own, and waits for (then gives up on) a main-pool connection when they are all held', async () => {
    expect(t.app.get(HotReads).pool).toBeNull();
    expect((await t.gql(ROLES, {}, hr)).errors).toBeUndefined();
    const held = await exhaust(mainPool(t));
    try {
      const res = await t.gql(ROLES, {}, hr);
      expect(codeOf(res)).toBe('SERVICE_UNAVAILABLE');
    } finally {
      for (const c of held) c.release();
    }
    const res = await t.gql(ROLES, {}, hr);
    expect(res.errors).toBeUndefined();
    expect(res.data.roles.totalCount).toBe(0);
  });
});
