import 'reflect-metadata';
import pg from 'pg';
import { PrincipalCache } from '../../src/access/principal-cache.js';
import { PrincipalResolver } from '../../src/access/principal.resolver-service.js';
import { TokenService } from '../../src/access/token.service.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { statsOf, timed } from './measure.js';

/**
 * `npm run bench:principal`: what resolving the caller costs per request. Three paths in the same run, on the same
 * token: the JWT check alone (the floor), the principal cache hit (what every request pays now), and the JWT check plus
 * one account read from PostgreSQL (what every request paid before the cache, forced here by emptying the cache first).
 * Runs in a scratch database on the server at DATABASE_URL, dropped afterwards.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3000);

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('Set DATABASE_URL to a PostgreSQL server the bench may create a scratch database on');
  const name = `bench_principal_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const ds = createDataSource(url.toString());
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), SEED_DEMO: 'false' });
    const app = await createApp(config, ds);
    await app.init();
    try {
      const [account] = await ds.query(
        `INSERT INTO account (email, display_name, personas) VALUES ('bench@bench.example', 'Bench', '{HR}') RETURNING id`,
      );
      const tokens = app.get(TokenService);
      const resolver = app.get(PrincipalResolver);
      const cache = app.get(PrincipalCache);
      const { token } = await tokens.issue(account.id);
      const header = `Bearer ${token}`;

      // Interleaved rounds, so warm-up and machine load fall on every path alike.
      const paths: Record<'floor' | 'cached' | 'uncached', () => Promise<unknown>> = {
        floor: () => tokens.verify(token),
        cached: () => resolver.resolve(header),
        uncached: async () => {
          cache.clear();
          return resolver.resolve(header);
        },
      };
      const samples = { floor: [] as number[], cached: [] as number[], uncached: [] as number[] };
      for (const work of Object.values(paths)) for (let i = 0; i < 200; i++) await work();
      for (let round = 0; round < 10; round++) {
        for (const [key, work] of Object.entries(paths) as Array<[keyof typeof paths, () => Promise<unknown>]>) {
          for (let i = 0; i < RUNS / 10; i++) samples[key].push(await timed(work));
        }
      }
      const floor = statsOf(samples.floor);
      const cached = statsOf(samples.cached);
      const uncached = statsOf(samples.uncached);
      const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
      console.log(`Principal resolution per request, ${RUNS} runs each (median / p95):`);
      console.log(`  JWT check only (floor)          ${us(floor.medianMs)} / ${us(floor.p95Ms)}`);
      console.log(
        `  cache hit (now)                 ${us(cached.medianMs)} / ${us(cached.p95Ms)}   ${(cached.medianMs / floor.medianMs).toFixed(2)}x floor`,
      );
      console.log(
        `  JWT + account read (before)     ${us(uncached.medianMs)} / ${us(uncached.p95Ms)}   ${(uncached.medianMs / floor.medianMs).toFixed(2)}x floor`,
      );
      console.log(
        `  cache hit saves ${us(uncached.medianMs - cached.medianMs)} per request (${(uncached.medianMs / cached.medianMs).toFixed(1)}x faster) and one database round trip`,
      );
    } finally {
      await app.close();
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
