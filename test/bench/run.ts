import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { printTable, readSizeResult, writeResults, type SizeResult } from './report.js';

/**
 * Entry point of `npm run bench`. Each district size runs in its own child process, so the memory figures
 * are that size's alone. Measures the service as deployed: graphql-js runs extra development-mode checks
 * unless NODE_ENV is production, so that is set before the child loads it (the application's own config is
 * still built from an explicit test environment by the bench).
 */
const sizes = (process.env.BENCH_SIZES ?? '2000,20000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
// BENCH_ONLY=overhead,isolation,mixed (see matching-bench.ts) runs only those measures: no CASE, imports or credentials.
const only = !!process.env.BENCH_ONLY;
const child = fileURLToPath(new URL('./matching-bench.js', import.meta.url));
const results: SizeResult[] = [];
for (const size of sizes) {
  const run = spawnSync(process.execPath, ['--expose-gc', child], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production', BENCH_SIZES: String(size) },
  });
  const result = readSizeResult('.bench', size);
  if (run.status !== 0 || !result) {
    console.error(`The ${size} district run failed (exit ${run.status})`);
    process.exit(1);
  }
  results.push(result);
}
// CASE import/export of a generated 5,000-item package (BENCH_CASE=0 skips it; BENCH_SIZES= runs it alone).
if (process.env.BENCH_CASE !== '0' && !only) {
  console.log('\n== CASE');
  const caseBench = fileURLToPath(new URL('./case-bench.js', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', caseBench], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  });
  if (run.status !== 0) {
    console.error(`The CASE bench failed (exit ${run.status})`);
    process.exit(1);
  }
}
// Roster CSV import against PostgreSQL's COPY (BENCH_IMPORTS=0 skips it).
if (process.env.BENCH_IMPORTS !== '0' && !only) {
  console.log('\n== Imports');
  const importsBench = fileURLToPath(new URL('./imports-bench.js', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', importsBench], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  });
  if (run.status !== 0) {
    console.error(`The imports bench failed (exit ${run.status})`);
    process.exit(1);
  }
}
console.log('\n== Summary');
printTable(results, console.log);
const files = writeResults('.bench', results, {
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadAverage: os.loadavg(),
});
console.log(`Wrote ${files.join(' and ')}`);

// Credential verification needs no district: its own child, so its timings are not disturbed by the above.
if (process.env.BENCH_CREDENTIALS !== '0' && !only) {
  const credentials = spawnSync(process.execPath, [fileURLToPath(new URL('./credential-bench.js', import.meta.url))], {
    stdio: 'inherit',
    env: process.env,
  });
  if (credentials.status !== 0) {
    console.error(`The credential verification bench failed (exit ${credentials.status})`);
    process.exit(1);
  }
}
