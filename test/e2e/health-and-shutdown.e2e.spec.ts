import pg from 'pg';
import { Persona } from '../../src/access/persona.js';
import { createDataSource } from '../../src/database/data-source.js';
import { gracefulShutdown } from '../../src/operations/graceful-shutdown.js';
import { ReadinessService } from '../../src/operations/readiness.service.js';
import { ServiceLifecycle } from '../../src/operations/service-lifecycle.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const BUILDINGS = `query Buildings { buildings(first: 5) { totalCount nodes { code } } }`;

/** Holds an exclusive lock on the building table so a query reading it stays in flight until release(). */
async function lockBuildings(url: string): Promise<{ release(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN');
  await c.query('LOCK TABLE building IN ACCESS EXCLUSIVE MODE');
  return {
    async release() {
      await c.query('ROLLBACK');
      await c.end();
    },
  };
}

async function waitUntilBlocked(t: TestApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows = await t.ds.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (rows.length) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the request never reached the database');
}

describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness without a token, with each check named', async () => {
    const live = await fetch(`${t.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', migrations: 'applied', draining: false });
  });

  it('is not ready while a migration this build knows is not applied, and ready again once it is', async () => {
    const [last] = await t.ds.query(`SELECT id, timestamp, name FROM migrations ORDER BY timestamp DESC LIMIT 1`);
    await t.ds.query(`DELETE FROM migrations WHERE id = $1`, [last.id]);
    try {
      const res = await fetch(`${t.baseUrl}/health/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status: 'unavailable', database: 'up', migrations: 'pending' });
      expect(String(body.reason)).toMatch(/Migrations are pending/);
      expect((await fetch(`${t.baseUrl}/health/live`)).status).toBe(200);
    } finally {
      await t.ds.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [last.id, last.timestamp, last.name]);
    }
    expect((await fetch(`${t.baseUrl}/health/ready`)).status).toBe(200);
  });

  it('reports the database down when it does not answer', async () => {
    const unreachable = createDataSource('postgres://postgres@127.0.0.1:1/nowhere');
    const result = await new ReadinessService(unreachable, new ServiceLifecycle()).check();
    expect(result).toMatchObject({ ready: false, checks: { database: 'down', migrations: 'unknown', draining: false } });
    expect(result.reason).toMatch(/database does not answer/);
  });
});

describe('graceful shutdown', () => {
  it('turns readiness to 503, finishes the in-flight request, refuses new connections, then closes the pool and the database last', async () => {
    const t = await startTestApp();
    const { token } = await t.signInAs([Persona.HR]);
    await t.ds.query(`INSERT INTO building (code, name, level) VALUES ('LIN', 'Lincoln Middle', 'MIDDLE')`);
    const steps: string[] = [];
    const lock = await lockBuildings(t.db.url);
    try {
      const inFlight = t.gql(BUILDINGS, {}, token);
      await waitUntilBlocked(t);
      const shutdown = gracefulShutdown({
        app: t.app,
        drainDelayMs: 400,
        timeoutMs: 10_000,
        log: (m) => steps.push(m.startsWith('Draining') ? 'draining' : m === 'Stopped' ? 'stopped' : m),
        closeDatabase: async () => {
          steps.push('pool');
          await t.ds.destroy();
          steps.push('embedded');
        },
      });
      const ready = await fetch(`${t.baseUrl}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', draining: true, reason: 'The service is shutting down' });
      expect(ready.headers.get('connection')).toBe('close');
      await new Promise((r) => setTimeout(r, 600));
      // The listener is closed now: a new connection is refused while the blocked request still runs.
      await expect(fetch(`${t.baseUrl}/health/live`)).rejects.toThrow();
      expect(steps).toEqual(['draining']);
      await lock.release();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(res.data.buildings).toEqual({ totalCount: 1, nodes: [{ code: 'LIN' }] });
      await shutdown;
      expect(steps).toEqual(['draining', 'pool', 'embedded', 'stopped']);
      expect(t.ds.isInitialized).toBe(false);
    } finally {
      await lock.release().catch(() => undefined);
      await t.db.drop();
    }
  });

  it('cuts a request that outlives SHUTDOWN_TIMEOUT_MS instead of waiting for ever', async () => {
    const t = await startTestApp();
    const { token } = await t.signInAs([Persona.HR]);
    const lock = await lockBuildings(t.db.url);
    const logged: string[] = [];
    try {
      const inFlight = t.gql(BUILDINGS, {}, token).then(
        () => 'answered',
        () => 'connection closed',
      );
      await waitUntilBlocked(t);
      const started = Date.now();
      const shutdown = gracefulShutdown({
        app: t.app,
        drainDelayMs: 0,
        timeoutMs: 300,
        log: (m) => logged.push(m),
        closeDatabase: async () => undefined,
      });
      expect(await inFlight).toBe('connection closed');
      await lock.release();
      await shutdown;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(logged.some((m) => m.includes('SHUTDOWN_TIMEOUT_MS'))).toBe(true);
    } finally {
      await lock.release().catch(() => undefined);
      await t.db.drop();
    }
  });
});
