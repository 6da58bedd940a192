import 'reflect-metadata';
import { chmodSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
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
const SIZES = (process.env.IMPORT_BENCH_SIZES ?? '10000,100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** Evidence claims per run (IMPORT_BENCH_CLAIMS, default 100000 to keep `npm run bench` short; 1000000 is the size). */
const CLAIM_SIZES = (process.env.IMPORT_BENCH_CLAIMS ?? '100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const CLAIMS_PER_ITEM = 3;
const BENCH_EDUCATORS = 10_000;
const BUILDINGS = 40;
const log = (m: string) => console.log(m);

/** What every import measure reports, whatever it imports. */
interface ImportFigures {
  fileMb: number;
  copyFloorMs: number;
  previewMs: number;
  commitMs: number;
  importMs: number;
  ratioToCopy: number;
  /** The same file again (preview + commit), nothing changed. */
  reimportUnchangedMs: number;
  /** Its floor: COPY of the same rows into a staging table and one comparison of it with the table. */
  reimportFloorMs: number;
  reimportRatioToFloor: number;
  /** Re-import time over first import time (below 1: an unchanged re-import is the cheaper). */
  reimportToImport: number;
  peakRssMb: number;
  peakHeapMb: number;
}

interface ImportBenchResult extends ImportFigures {
  educators: number;
}

function importFigures(o: {
  csvFile: string;
  copyFloorMs: number;
  previewMs: number;
  commitMs: number;
  reimportUnchangedMs: number;
  reimportFloorMs: number;
  mem: { peakRssMb: number; peakHeapMb: number };
}): ImportFigures {
  const round = (x: number) => Math.round(x);
  const importMs = o.previewMs + o.commitMs;
  return {
    fileMb: Math.round((statSync(o.csvFile).size / 1048576) * 100) / 100,
    copyFloorMs: round(o.copyFloorMs),
    previewMs: round(o.previewMs),
    commitMs: round(o.commitMs),
    importMs: round(importMs),
    ratioToCopy: Math.round((importMs / o.copyFloorMs) * 10) / 10,
    reimportUnchangedMs: round(o.reimportUnchangedMs),
    reimportFloorMs: round(o.reimportFloorMs),
    reimportRatioToFloor: Math.round((o.reimportUnchangedMs / o.reimportFloorMs) * 10) / 10,
    reimportToImport: Math.round((o.reimportUnchangedMs / importMs) * 100) / 100,
    peakRssMb: o.mem.peakRssMb,
    peakHeapMb: o.mem.peakHeapMb,
  };
}

const describeFigures = (r: ImportFigures): string =>
  `import ${r.importMs} ms (preview ${r.previewMs} + commit ${r.commitMs}); COPY floor ${r.copyFloorMs} ms; x${r.ratioToCopy}; re-import unchanged ${r.reimportUnchangedMs} ms (floor ${r.reimportFloorMs} ms, x${r.reimportRatioToFloor}; ${r.reimportToImport} of the first import); peak RSS ${r.peakRssMb} MB, heap ${r.peakHeapMb} MB`;

const describeTimings = (t: { parse: number; check: number; write: number }): string =>
  `  where the time went (preview + commit + re-import): row checks ${Math.round(t.parse)} ms, batch checks against the database ${Math.round(t.check)} ms, writes ${Math.round(t.write)} ms`;

/**
 * The floor of an unchanged re-import: what PostgreSQL alone needs to find that nothing changed. The rows are
 * COPYed into a temporary table (as COPY would take them) and compared with the table in one statement.
 */
async function reimportFloor(ds: DataSource, copy: string, compare: string): Promise<number> {
  return timed(async () => {
    await ds.transaction(async (m) => {
      for (const statement of copy.split(';\n')) await m.query(statement);
      const [{ changed }] = await m.query(compare);
      if (changed !== 0) throw new Error(`re-import floor found ${changed} changed rows, expected none`);
    });
  });
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
    yield (
      [
        id,
        `Educator ${i}`,
        `${id.toLowerCase()}@district.example`,
        building(i),
        `Grade ${i % 12} teacher`,
        `20${String(10 + (i % 15)).padStart(2, '0')}-08-20`,
        '',
        ...tail,
      ].join(',') + '\n'
    );
  }
}

/** Per process, so two benches on one server do not share (or drop) each other's database. */
const BENCH_DB = `pathways_bench_imports_${process.pid}`;

async function dropBenchDatabase(server: string, create = false): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  if (create) await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  await admin.end();
}

async function freshDatabase(server: string) {
  const name = BENCH_DB;
  await dropBenchDatabase(server, true);
  const u = new URL(server);
  u.pathname = `/${name}`;
  const ds = createDataSource(u.toString());
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

const benchActor: Principal = {
  accountId: '00000000-0000-4000-8000-000000000001',
  email: 'hr@bench.example',
  personas: new Set([Persona.HR]),
  educatorId: null,
};

interface EvidenceBenchResult extends ImportFigures {
  claims: number;
  items: number;
}

/**
 * Evidence with its claims: `claims` rows, three claims per item, for 10,000 educators. The floor COPYs the same
 * items and claims (ids already resolved) into evidence and evidence_claim, whose per-row trigger keeps the
 * matching read model, exactly as the import's inserts do.
 */
async function runEvidence(server: string, claims: number, dir: string): Promise<EvidenceBenchResult> {
  const ds = await freshDatabase(server);
  try {
    await ds.query(`INSERT INTO building (code, name, level) SELECT 'B' || g, 'Building ' || g, 'OTHER' FROM generate_series(1, $1) g`, [
      BUILDINGS,
    ]);
    await ds.query(
      `INSERT INTO educator (employee_id, full_name, work_email, building_id, current_assignment, hire_date, version)
      SELECT 'E' || lpad(g::text, 7, '0'), 'Educator ' || g, 'e' || g || '@district.example', (SELECT id FROM building WHERE code = 'B' || (g % $2 + 1)), '', '2015-08-20', 1
      FROM generate_series(1, $1) g`,
      [BENCH_EDUCATORS, BUILDINGS],
    );
    const educators = new Map<string, string>(
      (await ds.query('SELECT employee_id, id FROM educator')).map((e: { employee_id: string; id: string }) => [e.employee_id, e.id]),
    );
    const competencies: { code: string; id: string }[] = await ds.query(
      `SELECT min(code) AS code, (array_agg(id))[1]::text AS id FROM competency GROUP BY code HAVING count(*) = 1 ORDER BY 1`,
    );
    const items = Math.ceil(claims / CLAIMS_PER_ITEM);
    const item = (i: number) => {
      const employeeId = `E${String((i % BENCH_EDUCATORS) + 1).padStart(7, '0')}`;
      const kind = ['ARTIFACT', 'COURSE', 'CERTIFICATION'][i % 3];
      return {
        key: `EV${String(i).padStart(8, '0')}`,
        employeeId,
        kind,
        title: `Evidence ${i}`,
        issuer: kind === 'CERTIFICATION' ? 'ISTE' : '',
        issuedOn: kind === 'CERTIFICATION' ? '2024-05-01' : '',
        hours: kind === 'COURSE' ? String(1 + (i % 40)) : '',
      };
    };
    const claimsOf = (i: number) =>
      Array.from({ length: Math.min(CLAIMS_PER_ITEM, claims - i * CLAIMS_PER_ITEM) }, (_, k) => ({
        competency: competencies[(i + k) % competencies.length],
        level: 1 + ((i + k) % 4),
      }));
    const csvFile = join(dir, `evidence-${claims}.csv`);
    const itemsFile = join(dir, `evidence-${claims}.items.copy.csv`);
    const claimsFile = join(dir, `evidence-${claims}.claims.copy.csv`);
    await writeLines(
      csvFile,
      (function* () {
        yield 'evidence_key,employee_id,kind,title,issuer,issued_on,hours,competency,level\n';
        for (let i = 0; i < items; i += 1) {
          const it = item(i);
          for (const c of claimsOf(i))
            yield `${it.key},${it.employeeId},${it.kind},${it.title},${it.issuer},${it.issuedOn},${it.hours},${c.competency.code},${c.level}\n`;
        }
      })(),
    );
    const ids: string[] = Array.from({ length: items }, () => randomUUID());
    await writeLines(
      itemsFile,
      (function* () {
        for (let i = 0; i < items; i += 1) {
          const it = item(i);
          yield `${ids[i]},${it.key},${educators.get(it.employeeId)},${it.kind},${it.title},${it.issuer},${it.issuedOn},${it.hours},1\n`;
        }
      })(),
    );
    await writeLines(
      claimsFile,
      (function* () {
        for (let i = 0; i < items; i += 1) for (const c of claimsOf(i)) yield `${ids[i]},${c.competency.id},${c.level}\n`;
      })(),
    );
    ids.length = 0;

    const copyFloorMs = await timed(async () => {
      await ds.query(
        `COPY evidence (id, district_key, educator_id, kind, title, issuer, issued_on, hours, version) FROM '${itemsFile}' WITH (FORMAT csv, NULL '')`,
      );
      await ds.query(`COPY evidence_claim (evidence_id, competency_id, level) FROM '${claimsFile}' WITH (FORMAT csv)`);
    });
    const [{ facts }] = await ds.query('SELECT count(*)::int AS facts FROM evidence_claim_fact');
    if (facts !== claims) throw new Error(`floor wrote ${facts} claim facts, expected ${claims}`);
    await ds.query('TRUNCATE evidence CASCADE');
    await ds.query('VACUUM ANALYZE evidence');
    await ds.query('VACUUM ANALYZE evidence_claim');
    await ds.query('VACUUM ANALYZE evidence_claim_fact');

    const imports = new ImportsService(ds, new AuditService(ds));
    const watch = new MemoryWatch();
    watch.start();
    let jobId = '';
    const previewMs = await watch.during('preview', () =>
      timed(async () => {
        const job = await imports.preview(benchActor, 'evidence', ',', createReadStream(csvFile));
        if (job.phase !== 'PREVIEWED' || job.toCreate !== items)
          throw new Error(`evidence preview: ${job.phase}, ${job.toCreate} to create, ${JSON.stringify(job.errors.slice(0, 3))}`);
        jobId = job.id;
      }),
    );
    const commitMs = await watch.during('commit', () => timed(() => imports.commit(benchActor, jobId)));
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM evidence_claim_fact');
    if (count !== claims) throw new Error(`commit wrote ${count} claims, expected ${claims}`);
    const reimportUnchangedMs = await watch.during('reimport', () =>
      timed(async () => {
        const job = await imports.preview(benchActor, 'evidence', ',', createReadStream(csvFile));
        if (job.unchanged !== items) throw new Error(`evidence re-import: ${job.unchanged} unchanged, expected ${items}`);
        await imports.commit(benchActor, job.id);
      }),
    );
    const mem = watch.stop();
    // The staged ids are the floor's own: items match by key, claims through the items' keys.
    const reimportFloorMs = await reimportFloor(
      ds,
      `CREATE TEMP TABLE evidence_stage (id uuid, district_key varchar, educator_id uuid, kind varchar, title varchar, issuer varchar,
         issued_on date, hours numeric, version int) ON COMMIT DROP;
CREATE TEMP TABLE claim_stage (evidence_id uuid, competency_id uuid, level smallint) ON COMMIT DROP;
COPY evidence_stage FROM '${itemsFile}' WITH (FORMAT csv, NULL '');
COPY claim_stage FROM '${claimsFile}' WITH (FORMAT csv);
ANALYZE evidence_stage;
ANALYZE claim_stage`,
      `SELECT (SELECT count(*) FROM evidence_stage s LEFT JOIN evidence e ON e.district_key = s.district_key
          WHERE e.id IS NULL OR (e.educator_id, e.kind, e.title, coalesce(e.issuer, ''), e.issued_on, e.hours)
            IS DISTINCT FROM (s.educator_id, s.kind, s.title, coalesce(s.issuer, ''), s.issued_on, s.hours))::int
        + (SELECT count(*) FROM claim_stage c JOIN evidence_stage s ON s.id = c.evidence_id
            LEFT JOIN evidence e ON e.district_key = s.district_key
            LEFT JOIN evidence_claim ec ON ec.evidence_id = e.id AND ec.competency_id = c.competency_id
          WHERE ec.level IS DISTINCT FROM c.level)::int AS changed`,
    );
    log(describeTimings(imports.timings));
    const result: EvidenceBenchResult = {
      claims,
      items,
      ...importFigures({ csvFile, copyFloorMs, previewMs, commitMs, reimportUnchangedMs, reimportFloorMs, mem }),
    };
    log(`  ${claims} evidence claims in ${items} items (${result.fileMb} MB): ${describeFigures(result)}`);
    return result;
  } finally {
    await ds.destroy();
  }
}

async function runSize(server: string, n: number, dir: string): Promise<ImportBenchResult> {
  const ds = await freshDatabase(server);
  try {
    await ds.query(`INSERT INTO building (code, name, level) SELECT 'B' || g, 'Building ' || g, 'OTHER' FROM generate_series(1, $1) g`, [
      BUILDINGS,
    ]);
    const ids = new Map<string, string>(
      (await ds.query('SELECT code, id FROM building')).map((b: { code: string; id: string }) => [b.code, b.id]),
    );
    const code = (i: number) => `B${(i % BUILDINGS) + 1}`;
    const csvFile = join(dir, `educators-${n}.csv`);
    const copyFile = join(dir, `educators-${n}.copy.csv`);
    await writeLines(
      csvFile,
      educatorRows(n, code, 'employee_id,full_name,work_email,building_code,current_assignment,hire_date,leaving_date'),
    );
    // The educator table's version has no default: the floor writes 1, as the import does.
    await writeLines(
      copyFile,
      educatorRows(n, (i) => ids.get(code(i))!, null, ['1']),
    );

    const copyFloorMs = await timed(() =>
      ds.query(`COPY educator (employee_id, full_name, work_email, building_id, current_assignment, hire_date, leaving_date, version)
      FROM '${copyFile}' WITH (FORMAT csv, NULL '')`),
    );
    await ds.query('TRUNCATE educator CASCADE');
    await ds.query('VACUUM ANALYZE educator');

    const imports = new ImportsService(ds, new AuditService(ds));
    const actor = benchActor;
    const watch = new MemoryWatch();
    watch.start();
    let jobId = '';
    const previewMs = await watch.during('preview', () =>
      timed(async () => {
        const job = await imports.preview(actor, 'educators', ',', createReadStream(csvFile));
        if (job.phase !== 'PREVIEWED' || job.toCreate !== n)
          throw new Error(`preview: ${job.phase}, ${job.toCreate} to create, ${JSON.stringify(job.errors.slice(0, 3))}`);
        jobId = job.id;
      }),
    );
    const commitMs = await watch.during('commit', () => timed(() => imports.commit(actor, jobId)));
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM educator');
    if (count !== n) throw new Error(`commit wrote ${count} educators, expected ${n}`);
    const reimportUnchangedMs = await watch.during('reimport', () =>
      timed(async () => {
        const job = await imports.preview(actor, 'educators', ',', createReadStream(csvFile));
        if (job.unchanged !== n) throw new Error(`re-import: ${job.unchanged} unchanged, expected ${n}`);
        await imports.commit(actor, job.id);
      }),
    );
    const mem = watch.stop();
    const reimportFloorMs = await reimportFloor(
      ds,
      `CREATE TEMP TABLE educator_stage (employee_id varchar(64), full_name varchar(200), work_email varchar(254), building_id uuid,
         current_assignment varchar(200), hire_date date, leaving_date date, version int) ON COMMIT DROP;
COPY educator_stage FROM '${copyFile}' WITH (FORMAT csv, NULL '')`,
      `SELECT count(*)::int AS changed FROM educator_stage s LEFT JOIN educator e ON e.employee_id = s.employee_id
       WHERE e.id IS NULL OR (e.full_name, e.work_email, e.building_id, e.current_assignment, e.hire_date, e.leaving_date)
         IS DISTINCT FROM (s.full_name, s.work_email, s.building_id, s.current_assignment, s.hire_date, s.leaving_date)`,
    );
    log(describeTimings(imports.timings));
    const result: ImportBenchResult = {
      educators: n,
      ...importFigures({ csvFile, copyFloorMs, previewMs, commitMs, reimportUnchangedMs, reimportFloorMs, mem }),
    };
    log(`  ${n} educators (${result.fileMb} MB): ${describeFigures(result)}`);
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
      log(
        `  growth: ${b.educators / a.educators}x rows took the import ${(b.importMs / a.importMs).toFixed(1)}x the time and COPY ${(b.copyFloorMs / a.copyFloorMs).toFixed(1)}x (linear = ${b.educators / a.educators}x)`,
      );
    }
    log(`Import bench: evidence claims at ${CLAIM_SIZES.join(', ')}`);
    const evidence: EvidenceBenchResult[] = [];
    for (const n of CLAIM_SIZES) evidence.push(await runEvidence(server, n, dir));
    mkdirSync('.bench', { recursive: true });
    writeFileSync(
      '.bench/imports.json',
      `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results, evidence }, null, 2)}\n`,
    );
    log('Wrote .bench/imports.json');
  } finally {
    await dropBenchDatabase(server);
    rmSync(dir, { recursive: true, force: true });
    await embedded?.stop();
  }
}

if (process.argv[1]?.endsWith('imports-bench.js')) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
