// Bundles the API console (GraphiQL, React and src/console/client) into dist/console/ with esbuild, so the page
// loads nothing from any other host. Rebuilt only when its inputs changed (a hash in dist/console/.stamp):
// `npm start` and `npm run build` call it; alone: `node src/scripts/build-console.mjs [--force]`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const clientDir = join(root, 'src', 'console', 'client');
export const consoleOutDir = join(root, 'dist', 'console');
const stampFile = join(consoleOutDir, '.stamp');
const outputs = ['console.js', 'console.css'];

function inputsHash() {
  const inputs = [
    ...readdirSync(clientDir).map((f) => join(clientDir, f)),
    join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ].sort();
  const hash = createHash('sha256');
  for (const f of inputs) hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** Returns 'built' or 'up to date'. */
export async function buildConsole({ force = false, log = console.log } = {}) {
  const hash = inputsHash();
  const current =
    existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash && outputs.every((f) => existsSync(join(consoleOutDir, f)));
  if (current && !force) return 'up to date';
  const started = Date.now();
  const { build } = await import('esbuild');
  rmSync(consoleOutDir, { recursive: true, force: true });
  mkdirSync(consoleOutDir, { recursive: true });
  await build({
    entryPoints: { console: join(clientDir, 'console-app.jsx') },
    outdir: consoleOutDir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and icons stay inside the stylesheet: nothing is fetched from anywhere else.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    legalComments: 'eof',
    logLevel: 'warning',
  });
  writeFileSync(stampFile, `${hash}\n`);
  log(`Console bundled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'built';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await buildConsole({ force: process.argv.includes('--force') });
  if (result === 'up to date') console.log('Console bundle is up to date');
}
