import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/database/embedded-postgres.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { statsOf, timed, type Stats } from './measure.js';
import { CaseImportService } from '../../src/case/case-import.service.js';
import { CaseService } from '../../src/case/case.service.js';
import { normalisePackage } from '../../src/case/domain/normalise-package.js';
import { generatePackage } from './case-package.js';

/**
 * CASE bench (run by `npm run bench`, or alone with `node dist/test/bench/case-bench.js` after building the bench): import of a generated
 * 5,000-item package (a new framework each run), a re-import that changes nothing, and export, in process and over
 * the provider's HTTP endpoint. Baselines from the same run: parsing and normalising the JSON alone (the floor of any
 * import), one bulk INSERT of the same competency and level rows (the floor of the writes), and JSON.stringify of the
 * exported package (the floor of an export). Targets from the issue: import under 10 s, export under 2 s.
 */
const ITEMS = Number(process.env.CASE_BENCH_ITEMS ?? 5000);
const RUNS = Number(process.env.CASE_BENCH_RUNS ?? 5);
const log = (m: string) => console.log(m);

export interface CaseBenchResult {
  items: number;
  packageMb: number;
  import: Stats;
  reimportUnchanged: Stats;
  exportInProcess: Stats;
  exportHttp: Stats;
  baselineParse: Stats;
  baselineBulkInsert: Stats;
  baselineStringify: Stats;
}

export async function runCaseBench(server: string): Promise<CaseBenchResult> {
  const name = 'pathways_bench_case';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  const ds = createDataSource(url);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    SEED_DEMO: 'false',
    DB_STATEMENT_TIMEOUT_MS: '0',
    CASE_MAX_PACKAGE_BYTES: String(50 * 1024 * 1024),
    PUBLIC_BASE_URL: 'https://bench.example.org',
  });
  const app = await createApp(config, ds);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  try {
    const importer = app.get(CaseImportService);
    const cases = app.get(CaseService);
    const texts = Array.from({ length: RUNS + 1 }, (_, i) => JSON.stringify(generatePackage(ITEMS, `bench-${i}`)));
    log(`CASE bench: ${ITEMS} items, ${(texts[0].length / 1048576).toFixed(1)} MB per package, ${RUNS} runs`);

    const importMs: number[] = [];
    const frameworkIds: string[] = [];
    // Run 0 warms the code paths; every run imports a new framework.
    for (let i = 0; i <= RUNS; i++) {
      let outcome: Awaited<ReturnType<CaseImportService['importText']>> | undefined;
      const ms = await timed(async () => (outcome = await importer.importText(null, texts[i], { dryRun: false })));
      if (outcome!.created.length !== ITEMS) throw new Error(`import created ${outcome!.created.length} items, expected ${ITEMS}`);
      frameworkIds.push(outcome!.frameworkId!);
      if (i > 0) importMs.push(ms);
    }
    const reimportMs: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      reimportMs.push(
        await timed(async () => {
          const again = await importer.importText(null, texts[i], { dryRun: false });
          if (again.changed) throw new Error('re-import of the same package changed the framework');
        }),
      );
    }
    const exportMs: number[] = [];
    const httpMs: number[] = [];
    const stringifyMs: number[] = [];
    const [doc] = await ds.query(`SELECT case_identifier::text AS cid FROM competency_framework WHERE id = $1`, [frameworkIds[1]]);
    await ds.query(`UPDATE competency_framework SET publication = 'PUBLIC' WHERE id = $1`, [frameworkIds[1]]);
    let exported: unknown;
    for (let i = 0; i <= RUNS; i++) {
      const ms = await timed(async () => (exported = await cases.exportFramework(frameworkIds[1])));
      const http = await timed(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/ims/case/v1p1/CFPackages/${doc.cid}`);
        if (res.status !== 200) throw new Error(`provider answered ${res.status}`);
        await res.arrayBuffer();
      });
      const str = await timed(async () => JSON.stringify(exported));
      if (i > 0) {
        exportMs.push(ms);
        httpMs.push(http);
        stringifyMs.push(str);
      }
    }

    const parseMs: number[] = [];
    for (let i = 1; i <= RUNS; i++) parseMs.push(await timed(async () => normalisePackage(texts[i], 50 * 1024 * 1024)));
    // The floor of the writes: the same competency and level rows in one statement each, no checks, no diff.
    const bulkMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bulkMs.push(
        await timed(() =>
          ds.transaction(async (m) => {
            const [fw] = await m.query(`INSERT INTO competency_framework (code, title, version) VALUES ($1, 'floor', 1) RETURNING id`, [
              `FLOOR-${i}-${Date.now()}`,
            ]);
            await m.query(
              `INSERT INTO competency (framework_id, code, name, description, dimension, sort_order, version)
           SELECT $1, 'F' || g, 'Competency ' || g, 'Competency ' || g || ': the educator can apply practice in context', 'Domain', g, 1 FROM generate_series(1, $2) g`,
              [fw.id, ITEMS],
            );
            await m.query(
              `INSERT INTO competency_level (competency_id, level, label, descriptor)
           SELECT c.id, l, 'Level ' || l, 'Descriptor' FROM competency c, generate_series(1, 4) l WHERE c.framework_id = $1`,
              [fw.id],
            );
          }),
        ),
      );
    }
    const result: CaseBenchResult = {
      items: ITEMS,
      packageMb: Math.round((texts[0].length / 1048576) * 100) / 100,
      import: statsOf(importMs),
      reimportUnchanged: statsOf(reimportMs),
      exportInProcess: statsOf(exportMs),
      exportHttp: statsOf(httpMs),
      baselineParse: statsOf(parseMs),
      baselineBulkInsert: statsOf(bulkMs),
      baselineStringify: statsOf(stringifyMs),
    };
    const ratio = (a: Stats, b: Stats) => (a.medianMs / b.medianMs).toFixed(1);
    log(
      `  import ${ITEMS} items        median ${result.import.medianMs} ms (p95 ${result.import.p95Ms}); x${ratio(result.import, result.baselineParse)} parse-only, x${ratio(result.import, result.baselineBulkInsert)} bare bulk insert; target < 10000 ms`,
    );
    log(`  re-import, unchanged      median ${result.reimportUnchanged.medianMs} ms`);
    log(`  export in process         median ${result.exportInProcess.medianMs} ms (p95 ${result.exportInProcess.p95Ms}); target < 2000 ms`);
    log(
      `  export over HTTP          median ${result.exportHttp.medianMs} ms; x${ratio(result.exportHttp, result.baselineStringify)} JSON.stringify alone`,
    );
    log(
      `  baselines: parse+normalise ${result.baselineParse.medianMs} ms, bulk insert ${result.baselineBulkInsert.medianMs} ms, stringify ${result.baselineStringify.medianMs} ms`,
    );
    return result;
  } finally {
    await app.close();
    if (ds.isInitialized) await ds.destroy();
  }
}

async function main(): Promise<void> {
  let server = process.env.DATABASE_URL;
  let embedded: EmbeddedServer | undefined;
  if (!server) {
    log('No DATABASE_URL: starting embedded PostgreSQL (data in .bench/pg)');
    embedded = await startEmbeddedPostgres('.bench/pg', Number(process.env.EMBEDDED_PG_PORT ?? 54339), 'postgres');
    server = embedded.url;
  }
  try {
    const result = await runCaseBench(server);
    mkdirSync('.bench', { recursive: true });
    writeFileSync('.bench/case.json', `${JSON.stringify({ at: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`);
    log('Wrote .bench/case.json');
  } finally {
    await embedded?.stop();
  }
}

if (process.argv[1]?.endsWith('case-bench.js')) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
