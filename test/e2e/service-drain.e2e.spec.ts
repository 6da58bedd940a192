import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AccountEntity } from '../../src/access/account.entity.js';
import { hashPassword } from '../../src/access/auth.service.js';
import { Persona } from '../../src/access/persona.js';
import { createDataSource } from '../../src/database/data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The check "the service drained during load", on the real service process: the built main
 * (`npm run start:prod`), started on this file's database and on the embedded server, sent SIGTERM while requests
 * are in flight and others keep arriving.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'Drain-Test-Password-4410';
const SECRET = randomBytes(32).toString('hex');
const DRAIN_DELAY_MS = 1000;
const TIMEOUT_MS = 8000;
const BUILDINGS = `query Buildings { buildings(first: 5) { totalCount nodes { code } } }`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Service {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  messages: () => string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

async function startService(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      JWT_SECRET: SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
      SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d.toString()));
  child.stderr!.on('data', (d) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited at start:\n${out}`);
    const ok = await fetch(`${baseUrl}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const messages = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => String((JSON.parse(l) as { msg?: unknown }).msg ?? ''));
  return { child, baseUrl, output: () => out, messages, exited };
}

async function gql(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> } };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const r = await gql(baseUrl, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
    input: { email, password: PASSWORD },
  });
  return r.body.data.signIn.accessToken as string;
}

/** Holds an exclusive lock on the building table, so a request reading it stays in flight until release(). */
async function lockBuildings(url: string): Promise<{ release(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url, application_name: 'drain-test-lock' });
  c.on('error', () => undefined);
  await c.connect();
  await c.query('BEGIN');
  await c.query('LOCK TABLE building IN ACCESS EXCLUSIVE MODE');
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await c.query('ROLLBACK');
      await c.end();
    },
  };
}

async function backends(url: string, app: string, where = 'true'): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND ${where}`,
      [app],
    );
    return rows[0].n;
  } finally {
    await c.end();
  }
}

async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Steady traffic of new requests (new connections each: no keep-alive) until stopped; every outcome recorded. */
function steadyLoad(baseUrl: string, token: string) {
  const outcomes: Array<number | 'refused'> = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const outcome = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, connection: 'close' },
        body: JSON.stringify({ query: 'query Viewer { viewer { email } }' }),
      }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
        () => 'refused' as const,
      );
      outcomes.push(outcome);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    outcomes,
    async stop() {
      running = false;
      await loop;
    },
  };
}

describe('the service drained during load (the built main, a real process)', () => {
  beforeAll(() => {
    // npm start's build step: a no-op when dist is up to date with the sources.
    const built = spawnSync(process.execPath, [join(root, 'src', 'scripts', 'start.mjs'), '--build-only'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 540_000,
    });
    if (built.status !== 0) throw new Error(`the build failed:\n${built.stdout}\n${built.stderr}`);
  }, 600_000);

  describe('on DATABASE_URL', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
      await db.dataSource.getRepository(AccountEntity).save({
        email: 'hr.drain@test.example',
        displayName: 'HR Drain',
        personas: [Persona.HR],
        passwordHash: await hashPassword(PASSWORD),
      });
      await db.dataSource.query(`INSERT INTO building (code, name, level) VALUES ('LIN', 'Lincoln Middle', 'MIDDLE')`);
    });
    afterAll(async () => {
      await db.drop();
    });

    it('turns not ready at once, finishes in-flight requests with 200, refuses new connections, closes the pool and exits 0 in time', async () => {
      const appName = `pathways-drain-${randomBytes(4).toString('hex')}`;
      const service = await startService({ DATABASE_URL: db.url, PGAPPNAME: appName });
      const lock = await lockBuildings(db.url);
      try {
        const token = await signIn(service.baseUrl, 'hr.drain@test.example');
        expect(await backends(db.url, appName)).toBeGreaterThan(0);
        // Three slow requests held in flight by the lock, and steady new traffic beside them.
        const slow = [1, 2, 3].map(() => gql(service.baseUrl, BUILDINGS, {}, token));
        await until(
          'three requests waiting in the database',
          async () => (await backends(db.url, appName, `wait_event_type = 'Lock'`)) === 3,
        );
        const load = steadyLoad(service.baseUrl, token);
        await new Promise((r) => setTimeout(r, 200));

        const signalled = Date.now();
        service.child.kill('SIGTERM');
        let notReadyAfter = -1;
        await until('readiness to answer 503', async () => {
          const r = await fetch(`${service.baseUrl}/health/ready`).catch(() => undefined);
          if (r?.status === 503) notReadyAfter = Date.now() - signalled;
          return r?.status === 503;
        });
        // Not ready at once: well before the listener closes (SHUTDOWN_DRAIN_DELAY_MS).
        expect(notReadyAfter).toBeLessThan(DRAIN_DELAY_MS / 2);
        await until(
          'new connections to be refused',
          () =>
            fetch(`${service.baseUrl}/health/live`).then(
              () => false,
              () => true,
            ),
          DRAIN_DELAY_MS + 3000,
        );
        // The slow requests are still running, and still hold their backends.
        expect(await backends(db.url, appName, `wait_event_type = 'Lock'`)).toBe(3);
        await lock.release();
        const answers = await Promise.all(slow);
        for (const a of answers) {
          expect(a.status).toBe(200);
          expect(a.body.errors).toBeUndefined();
          expect(a.body.data.buildings).toEqual({ totalCount: 1, nodes: [{ code: 'LIN' }] });
        }
        const exit = await service.exited;
        await load.stop();
        expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
        expect(exit.at - signalled).toBeLessThan(DRAIN_DELAY_MS + TIMEOUT_MS);
        // Every request of the steady traffic was answered 200, or 503 while draining, or its connection refused.
        expect(load.outcomes.filter((o) => o !== 200 && o !== 503 && o !== 'refused')).toEqual([]);
        expect(load.outcomes).toContain(200);
        expect(load.outcomes[load.outcomes.length - 1]).toBe('refused');
        // The pool is closed: no backend of the service is left.
        await until('the service backends to go', async () => (await backends(db.url, appName)) === 0, 2000);
        const m = service.messages();
        const order = ['SIGTERM: shutting down', 'Database pool closed', 'Stopped'].map((s) => m.indexOf(s));
        expect(order.every((i) => i >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(service.output()).not.toMatch(/\n\s+at /);
      } finally {
        await lock.release().catch(() => undefined);
        if (service.child.exitCode === null) service.child.kill('SIGKILL');
      }
    }, 240_000);
  });

  describe('on the embedded server', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'pathways-drain-'));
      // Run as root, the embedded server runs as the postgres user, which must reach the data folder.
      chmodSync(dir, 0o755);
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('finishes the in-flight request, closes the pool, then stops the embedded server last, and exits 0', async () => {
      const pgPort = await freePort();
      const dataDir = join(dir, 'pg');
      const service = await startService({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
      const url = `postgres://postgres:postgres@127.0.0.1:${pgPort}/pathways`;
      const ds = createDataSource(url);
      await ds.initialize();
      let lock: { release(): Promise<void> } | undefined;
      try {
        await ds.getRepository(AccountEntity).save({
          email: 'hr.embedded@test.example',
          displayName: 'HR Embedded',
          personas: [Persona.HR],
          passwordHash: await hashPassword(PASSWORD),
        });
        await ds.query(`INSERT INTO building (code, name, level) VALUES ('CEN', 'Central High', 'HIGH')`);
        await ds.destroy();
        const token = await signIn(service.baseUrl, 'hr.embedded@test.example');
        lock = await lockBuildings(url);
        const slow = gql(service.baseUrl, BUILDINGS, {}, token);
        await until('the request to wait in the database', async () => (await backends(url, 'pathways', `wait_event_type = 'Lock'`)) === 1);
        const signalled = Date.now();
        service.child.kill('SIGTERM');
        await until(
          'readiness to answer 503',
          async () => (await fetch(`${service.baseUrl}/health/ready`).catch(() => undefined))?.status === 503,
        );
        expect(service.messages()).not.toContain('Embedded PostgreSQL server stopped');
        await lock.release();
        const answer = await slow;
        expect(answer.status).toBe(200);
        expect(answer.body.data.buildings.nodes).toEqual([{ code: 'CEN' }]);
        const exit = await service.exited;
        expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
        expect(exit.at - signalled).toBeLessThan(DRAIN_DELAY_MS + TIMEOUT_MS + 5000);
        const m = service.messages();
        const order = ['SIGTERM: shutting down', 'Database pool closed', 'Embedded PostgreSQL server stopped', 'Stopped'].map((s) =>
          m.indexOf(s),
        );
        expect(order.every((i) => i >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        // The embedded server is down and its data folder released.
        expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
        const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
        await expect(c.connect()).rejects.toThrow();
      } finally {
        await lock?.release().catch(() => undefined);
        if (ds.isInitialized) await ds.destroy();
        if (service.child.exitCode === null) service.child.kill('SIGKILL');
      }
    }, 300_000);
  });
});
