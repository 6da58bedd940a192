import pg from 'pg';
import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const CREATE_BUILDING = `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`;

describe('the per-request time budget', () => {
  let t: TestApp;
  let hr: string;
  let blocker: pg.Client;
  beforeAll(async () => {
    t = await startTestApp({ REQUEST_TIMEOUT_MS: '600', REQUEST_DB_TIME_MS: '500' });
    hr = (await t.signInAs([Persona.HR])).token;
    blocker = new pg.Client({ connectionString: t.db.url });
    await blocker.connect();
  });
  afterAll(async () => {
    await blocker.end();
    await t.close();
  });

  /** Holds an exclusive lock on the building table, so any statement on it waits, until release. */
  const lockBuildings = async () => {
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE building IN ACCESS EXCLUSIVE MODE');
    return () => blocker.query('ROLLBACK');
  };
  const waitingStatements = async () =>
    Number(
      (
        await blocker.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        )
      ).rows[0].n,
    );

  it('cancels a statement that runs past the budget and answers TIMEOUT; nothing is written', async () => {
    const release = await lockBuildings();
    try {
      const started = Date.now();
      const res = await t.gql(CREATE_BUILDING, { input: { code: 'SLOW', name: 'Never stored' } }, hr);
      const ms = Date.now() - started;
      expect(codeOf(res)).toBe('TIMEOUT');
      expect(res.errors?.[0].message).toMatch(/took too long/);
      expect(ms).toBeLessThan(3000);
      // The cancelled statement is gone from the server, not left waiting on the lock.
      expect(await waitingStatements()).toBe(0);
    } finally {
      await release();
    }
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM building WHERE code = 'SLOW'`))[0].n).toBe(0);
    expect(codeOf(await t.gql(CREATE_BUILDING, { input: { code: 'FAST', name: 'Stored' } }, hr))).toBeUndefined();
  });

  it('answers a read blocked past the budget with TIMEOUT too', async () => {
    const release = await lockBuildings();
    try {
      const res = await t.gql(`{ buildings { nodes { code } } }`, {}, hr);
      expect(codeOf(res)).toBe('TIMEOUT');
    } finally {
      await release();
    }
  });
});
