// `npm start`: builds only when the sources changed since the last build, then runs the service in this process.
// The stamp is a hash of every input of the build (sources, migrations, tsconfig files, the lock file), so a
// checkout, a pull or an edit triggers a build and an unchanged tree starts at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp');
const entry = join(root, 'dist', 'src', 'main.js');

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? files(path) : [path];
  });
}

function sourceHash() {
  const inputs = [...files(join(root, 'src')), ...files(join(root, 'migrations'))]
    .concat(['tsconfig.json', 'src/tsconfig.build.json', 'package-lock.json'].map((f) => join(root, f)))
    .filter((f) => existsSync(f) && statSync(f).isFile())
    .sort();
  const hash = createHash('sha256');
  for (const f of inputs) hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

const hash = sourceHash();
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (previous === hash && existsSync(entry)) {
  console.log('Build is up to date (no source changed since the last build)');
} else {
  const started = Date.now();
  console.log(existsSync(entry) ? 'Sources changed since the last build: building...' : 'First start: building...');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'src', 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error('The build failed (errors above); nothing was started.');
    process.exit(result.status ?? 1);
  }
  const assets = spawnSync(process.execPath, [join(root, 'src', 'scripts', 'copy-assets.mjs')], { stdio: 'inherit', cwd: root });
  if (assets.status !== 0) process.exit(assets.status ?? 1);
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
// `--build-only`: used by npm scripts that run another entry point (backup, restore) on an up-to-date build.
if (!process.argv.includes('--build-only')) {
  // The API console's bundle has its own stamp: rebuilt (a few seconds) only when its inputs changed.
  const { buildConsole } = await import('./build-console.mjs');
  await buildConsole();
  await import(new URL('../../dist/src/main.js', import.meta.url).href);
}
