import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PostgreSQL primary with a streaming hot standby made by pg_basebackup, each in a temporary folder on its own
 * port, for tests of reading from replicas. Uses the installed PostgreSQL server binaries (run as the `postgres` system
 * user when the tests run as root, as PostgreSQL refuses root).
 */
export interface ReplicaPair {
  primaryUrl: string;
  standbyUrl: string;
  stopStandby(): void;
  close(): void;
}

/** The server binaries' folder, or null when this machine has none. */
export function serverBinaries(): string | null {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'pg_basebackup')) && existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config on the PATH: look where Debian puts the servers
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const v of readdirSync(root).sort().reverse()) {
    const dir = join(root, v, 'bin');
    if (existsSync(join(dir, 'pg_basebackup')) && existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startReplicaPair(bin: string): Promise<ReplicaPair> {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim() : null;
  const group = asRoot ? execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim() : null;
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const res = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
    if (res.status !== 0) throw new Error(`${tool} failed: ${res.stderr || res.stdout}`);
  };
  const root = mkdtempSync(join(tmpdir(), 'pathways-replica-'));
  if (asRoot) chownSync(root, Number(owner), Number(group));
  const primaryDir = join(root, 'primary');
  const standbyDir = join(root, 'standby');
  const [p1, p2] = [await freePort(), await freePort()];

  run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  appendFileSync(
    primaryDir + '/postgresql.conf',
    [
      `port = ${p1}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'hot_standby = on',
      'fsync = off',
      'full_page_writes = off',
      'max_connections = 60',
      '',
    ].join('\n'),
  );
  run('pg_ctl', ['-D', primaryDir, '-w', '-l', join(root, 'primary.log'), 'start']);
  try {
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(p1), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream']);
    appendFileSync(standbyDir + '/postgresql.auto.conf', `port = ${p2}\n`);
    run('pg_ctl', ['-D', standbyDir, '-w', '-l', join(root, 'standby.log'), 'start']);
  } catch (err) {
    spawnSync(
      asRoot ? 'runuser' : join(bin, 'pg_ctl'),
      asRoot
        ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', primaryDir, '-m', 'immediate', 'stop']
        : ['-D', primaryDir, '-m', 'immediate', 'stop'],
    );
    throw err;
  }
  const stop = (dir: string) => {
    if (existsSync(join(dir, 'postmaster.pid'))) run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
  };
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${p1}/postgres`,
    standbyUrl: `postgres://postgres@127.0.0.1:${p2}/postgres`,
    stopStandby: () => stop(standbyDir),
    close() {
      try {
        stop(standbyDir);
        stop(primaryDir);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
