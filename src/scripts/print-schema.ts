import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateSchemaSdl, SCHEMA_FILE } from './schema-sdl.js';

/** Writes graphql/schema.graphql; with --check, only reports whether the committed file is current. */
async function main(): Promise<number> {
  const file = resolve(process.cwd(), SCHEMA_FILE);
  const sdl = await generateSchemaSdl();
  let committed: string | null;
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    committed = null;
  }
  if (process.argv.includes('--check')) {
    if (committed === sdl) return 0;
    console.error(`${SCHEMA_FILE} is out of date: run npm run schema:print and commit the result`);
    return 1;
  }
  if (committed === sdl) {
    console.log(`${SCHEMA_FILE} is already current`);
  } else {
    writeFileSync(file, sdl);
    console.log(`Wrote ${SCHEMA_FILE} (${sdl.split('\n').length} lines)`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
