import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../../src/access/account.entity.js';
import { Persona } from '../../src/access/persona.js';
import { TokenService } from '../../src/access/token.service.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { PostgresServer, type StopMode } from './postgres-server.js';

/**
 * The service keeps running while its PostgreSQL server restarts (fast and immediate shutdown) and stops
 * for a while, under a steady write load through the API. `RELIABILITY_STOP_SECONDS` shortens the outage
 * (CI runs 3 s; the default is 10 s).
 */
const STOP_SECONDS = Number(process.env.RELIABILITY_STOP_SECONDS ?? '10');
const STEADY_MS = Number(process.env.RELIABILITY_STEADY_MS ?? '2000');
const WRITERS = 4;
const RECOVERY_LIMIT_MS = 5000;
const CREATE = `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id code } }`;

interface Attempt {
  code: string;
  started: number;
  ended: number;
  ok: boolean;
  errorCode?: string;
  status: number;
}

interface Outage {
  label: string;
  down: number;
  up: number;
  firstSuccessAfterUp?: number;
}

describe('a PostgreSQL restart and outage under write load', () => {
  let server: PostgresServer;
  let dataSource: DataSource;
  let app: INestApplication;
  let baseUrl: string;
  let token: string;

  beforeAll(async () => {
    server = await PostgresServer.create();
    await server.start();
    const admin = new pg.Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE pathways');
    await admin.end();
    dataSource = createDataSource(server.url('pathways'));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: server.url('pathways'), SEED_DEMO: 'false' });
    app = await createApp(config, dataSource);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const account = await dataSource
      .getRepository(AccountEntity)
      .save({ email: 'hr@reliability.example', displayName: 'HR', personas: [Persona.HR], passwordHash: null });
    token = (await app.get(TokenService).issue(account.id)).token;
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await server?.destroy();
  });

  it('answers only coded errors while the database is down, recovers by itself within 5 s, keeps every acknowledged write and none from a failed request', async () => {
    const attempts: Attempt[] = [];
    const outages: Outage[] = [];
    let running = true;
    let seq = 0;

    const write = async (worker: number): Promise<void> => {
      while (running) {
        const code = `R${worker}-${(seq += 1)}`;
        const started = Date.now();
        let attempt: Attempt;
        try {
          const res = await fetch(`${baseUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: CREATE, variables: { input: { code, name: `Reliability ${code}` } } }),
          });
          const body = (await res.json()) as {
            data?: { createBuilding?: { id: string } };
            errors?: Array<{ extensions?: { code?: string } }>;
          };
          const ok = !!body.data?.createBuilding?.id && !body.errors;
          attempt = {
            code,
            started,
            ended: Date.now(),
            ok,
            status: res.status,
            errorCode: ok ? undefined : (body.errors?.[0]?.extensions?.code ?? 'NONE'),
          };
        } catch (err) {
          attempt = { code, started, ended: Date.now(), ok: false, status: 0, errorCode: `HTTP ${(err as Error).message}` };
        }
        attempts.push(attempt);
        if (!attempt.ok) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const steady = () => new Promise((r) => setTimeout(r, STEADY_MS));

    const outage = async (label: string, mode: StopMode, pauseMs: number) => {
      const down = Date.now();
      await server.stop(mode);
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      await server.start();
      outages.push({ label, down, up: Date.now() });
      await steady();
    };

    const writers = Array.from({ length: WRITERS }, (_, i) => write(i));
    await steady();
    await outage('restart, fast shutdown', 'fast', 0);
    await outage('restart, immediate shutdown', 'immediate', 0);
    await outage(`stopped ${STOP_SECONDS} s (fast), then started`, 'fast', STOP_SECONDS * 1000);
    running = false;
    await Promise.all(writers);

    for (const o of outages)
      o.firstSuccessAfterUp = attempts.filter((a) => a.ok && a.started >= o.up).sort((a, b) => a.ended - b.ended)[0]?.ended;
    const failed = attempts.filter((a) => !a.ok);
    const acknowledged = attempts.filter((a) => a.ok);
    const stored = new Set<string>(
      (await dataSource.query(`SELECT code FROM building WHERE code LIKE 'R%'`)).map((r: { code: string }) => r.code),
    );
    const byCode = failed.reduce<Record<string, number>>(
      (acc, a) => ((acc[`${a.errorCode} (HTTP ${a.status})`] = (acc[`${a.errorCode} (HTTP ${a.status})`] ?? 0) + 1), acc),
      {},
    );

    const figures = [
      `writes attempted: ${attempts.length}, acknowledged: ${acknowledged.length}, failed: ${failed.length}`,
      `failures by code: ${JSON.stringify(byCode)}`,
      ...outages.map(
        (o) =>
          `${o.label}: down ${((o.up - o.down) / 1000).toFixed(1)} s, first acknowledged write ${o.firstSuccessAfterUp ? ((o.firstSuccessAfterUp - o.up) / 1000).toFixed(2) + ' s' : 'never'} after the server was back`,
      ),
      `rows stored: ${stored.size}`,
    ];
    process.stdout.write(`\nReliability figures\n  ${figures.join('\n  ')}\n`);

    // Coded errors only, and only while the database was down (or in the moment it came back).
    expect(failed.filter((a) => a.errorCode !== 'SERVICE_UNAVAILABLE' && a.errorCode !== 'TIMEOUT')).toEqual([]);
    const duringOutage = (a: Attempt) => outages.some((o) => a.ended >= o.down && a.started <= (o.firstSuccessAfterUp ?? Infinity));
    expect(failed.filter((a) => !duringOutage(a))).toEqual([]);
    expect(failed.filter((a) => a.errorCode === 'SERVICE_UNAVAILABLE' && a.status !== 503)).toEqual([]);
    // Recovery without restarting the service.
    for (const o of outages) {
      expect(o.firstSuccessAfterUp).toBeDefined();
      expect(o.firstSuccessAfterUp! - o.up).toBeLessThan(RECOVERY_LIMIT_MS);
    }
    // Every acknowledged write is there; no failed request left a row.
    expect(acknowledged.filter((a) => !stored.has(a.code)).map((a) => a.code)).toEqual([]);
    expect(failed.filter((a) => stored.has(a.code)).map((a) => a.code)).toEqual([]);
    expect(stored.size).toBe(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(20);
  });
});
