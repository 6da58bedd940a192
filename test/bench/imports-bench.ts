import 'reflect-metadata';
import { chmodSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { Persona, type Principal } from '../../src/access/persona.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { createDataSource } from '../../src/database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/database/embedded-postgres.js';
import { ImportsService } from '../../src/imports/imports.service.js';
import { MemoryWatch, timed } from './measure.js';

/**
 * Roster import bench (run by `npm run bench`, or alone with `node --expose-gc dist/test/bench/imports-bench.js`):
 * a generated educators CSV at each size (IMPORT_BENCH_SIZES, default 10000,100000) through the whole import (upload
 * to disk, parse, validate, preview, then commit), against the floor measured in the same run: PostgreSQL's COPY of
 * the same rows (building ids already resolved) into the same table with the same constraints and indexes.
 * COPY reads its file server-side, so the database must run on this machine.
 */
const SIZES = (process.env.IMPORT_BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
const BUILDINGS = 40;
const log = (m: string) => console.log(m);

interface ImportBenchResult {
  educators: number;
  fileMb: number;
  copyFloorMs: number;
  previewMs: number;
  commitMs: number;
  importMs: number;
  ratioToCopy: number;
  reimportUnchangedMs: number;
  peakRssMb: number;
  peakHeapMb: number;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  chmodSync(path, 0o644);
}

function* educatorRows(n: number, building: (i: number) => string, header: string | null, tail: string[] = []): Generator<string> {
  if (header) yield `${header}\n`;
  for (let i = 1; i <= n; i += 1) {
    const id = `E${String(i).padStart(7, '0')}`;
    yield [id, `Educator ${i}`, `${id.toLowerCase()}@district.example`, building(i), `Grade ${i % 12} teacher`, `20${String(10 + (i % 15)).padStart(2, '0')}-08-20`, '', ...tail].join(',') + '\n';
  }
}

async function runSize(server: string, n: number, dir: string): Promise<ImportBenchResult> {
  const name = 'pathways_bench_imports';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const ds = createDataSource(u.toString());
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  try {
    await ds.query(`INSERT INTO building (code, name, level) SELECT 'B' || g, 'Building ' || g, 'OTHER' FROM generate_series(1, $1) g`, [BUILDINGS]);
    const ids = new Map<string, string>((await ds.query('SELECT code, id FROM building')).map((b: { code: string; id: string }) => [b.code, b.id]));
    const code = (i: number) => `B${(i % BUILDINGS) + 1}`;
    const csvFile = join(dir, `educators-${n}.csv`);
    const copyFile = join(dir, `educators-${n}.copy.csv`);
    await writeLines(csvFile, educatorRows(n, code, 'employee_id,full_name,work_email,building_code,current_assignment,hire_date,leaving_date'));
    // The educator table's version has no default: the floor writes 1, as the import does.
    await writeLines(copyFile, educatorRows(n, (i) => ids.get(code(i))!, null, ['1']));

    const copyFloorMs = await timed(() => ds.query(`COPY educator (employee_id, full_name, work_email, building_id, current_assignment, hire_date, leaving_date, version)
      FROM '${copyFile}' WITH (FORMAT csv, NULL '')`));
    await ds.query('TRUNCATE educator CASCADE');
    await ds.query('VACUUM ANALYZE educator');

    const imports = new ImportsService(ds, new AuditService(ds));
    const actor: Principal = { accountId: '00000000-0000-4000-8000-000000000001', email: 'hr@bench.example', personas: new Set([Persona.HR]), educatorId: null };
    const watch = new MemoryWatch();
    watch.start();
    let jobId = '';
    const previewMs = await watch.during('preview', () => timed(async () => {
      const job = await imports.preview(actor, 'educators', ',', createReadStream(csvFile));
      if (job.phase !== 'PREVIEWED' || job.toCreate !== n) throw new Error(`preview: ${job.phase}, ${job.toCreate} to create, ${JSON.stringify(job.errors.slice(0, 3))}`);
      jobId = job.id;
    }));
    const commitMs = await watch.during('commit', () => timed(() => imports.commit(actor, jobId)));
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM educator');
    if (count !== n) throw new Error(`commit wrote ${count} educators, expected ${n}`);
    const reimportUnchangedMs = await watch.during('reimport', () => timed(async () => {
      const job = await imports.preview(actor, 'educators', ',', createReadStream(csvFile));
      if (job.unchanged !== n) throw new Error(`re-import: ${job.unchanged} unchanged, expected ${n}`);
      await imports.commit(actor, job.id);
    }));
    const mem = watch.stop();
    const importMs = previewMs + commitMs;
    const round = (x: number) => Math.round(x);
    const result: ImportBenchResult = {
      educators: n, fileMb: Math.round((statSync(csvFile).size / 1048576) * 100) / 100,
      copyFloorMs: round(copyFloorMs), previewMs: round(previewMs), commitMs: round(commitMs), importMs: round(importMs),
      ratioToCopy: Math.round((importMs / copyFloorMs) * 10) / 10, reimportUnchangedMs: round(reimportUnchangedMs),
      peakRssMb: mem.peakRssMb, peakHeapMb: mem.peakHeapMb,
    };
    log(`  ${n} educators (${result.fileMb} MB): import ${result.importMs} ms (preview ${result.previewMs} + commit ${result.commitMs}); COPY floor ${result.copyFloorMs} ms; x${result.ratioToCopy}; re-import unchanged ${result.reimportUnchangedMs} ms; peak RSS ${result.peakRssMb} MB, heap ${result.peakHeapMb} MB`);
    return result;
  } finally {
    await ds.destroy();
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
  const dir = mkdtempSync(join(tmpdir(), 'pathways-import-bench-'));
  chmodSync(dir, 0o755);
  try {
    log(`Import bench: educators at ${SIZES.join(', ')}`);
    const results: ImportBenchResult[] = [];
    for (const n of SIZES) results.push(await runSize(server, n, dir));
    if (results.length > 1) {
      const [a, b] = [results[0], results[results.length - 1]];
      log(`  growth: ${b.educators / a.educators}x rows took ${(b.importMs / a.importMs).toFixed(1)}x the time (linear = ${b.educators / a.educators}x)`);
    }
    mkdirSync('.bench', { recursive: true });
    writeFileSync('.bench/imports.json', `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
    log('Wrote .bench/imports.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await embedded?.stop();
  }
}

if (process.argv[1]?.endsWith('imports-bench.js')) {
  main().then(() => process.exit(0), (e) => {
    console.error(e);
    process.exit(1);
  });
}
