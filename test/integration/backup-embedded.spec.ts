import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AddressInfo as HttpAddress } from 'node:net';
import { Persona } from '../../src/access/persona.js';
import { AccountEntity } from '../../src/access/account.entity.js';
import { TokenService } from '../../src/access/token.service.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { embeddedMajor } from '../../src/database/embedded-postgres.js';
import { openDatabase } from '../../src/database/open-database.js';
import { backupDatabase, restoreDatabase } from '../../src/operations/backup/backup.js';
import { pgTool } from '../../src/operations/backup/pg-tools.js';
import { withServiceDatabase } from '../../src/operations/backup/target-database.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';

/** Every table's row count and a digest of its full content. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: tables } = await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t}" x`,
      );
      out[t] = `${rows[0].n}:${rows[0].d}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const env = (dir: string, port: number) =>
  loadConfig({ NODE_ENV: 'test', EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port), SEED_DEMO: 'false', LOG_LEVEL: 'error' });

/**
 * The embedded default, as a district runs it: no DATABASE_URL, data in EMBEDDED_PG_DIR. `npm run backup` and
 * `npm run restore` go through withServiceDatabase, which starts the embedded server for the command when the
 * service is stopped; pg_dump and pg_restore are the machine's, whose major the pinned embedded server matches.
 */
describe('backup and restore of the embedded default', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pathways-embedded-backup-'));
    // Run as root, embedded-postgres runs initdb and the server as the postgres user, which must reach the folders.
    chmodSync(dir, 0o755);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('the client tools fit the embedded server (no PostgreSQL 18 tools needed)', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(pgTool('pg_dump'), ['--version'], { encoding: 'utf8' });
    const major = Number(/\)\s*(\d+)/.exec(out)?.[1]);
    expect(major).toBeGreaterThanOrEqual(embeddedMajor());
  });

  it('backs up a stopped embedded district and restores it onto a new embedded server with every row, the audit log included', async () => {
    const source = env(join(dir, 'source'), await freePort());
    const logs: string[] = [];
    // A district that ran: migrated, the demo loaded, and a write over the API that left an audit entry.
    const db = await openDatabase(source, () => undefined);
    let auditRows: number;
    try {
      await seedDemoIfEmpty(db.dataSource, () => undefined);
      const app = await createApp(source, db.dataSource);
      await app.listen(0, '127.0.0.1');
      try {
        const account = await db.dataSource
          .getRepository(AccountEntity)
          .save({ email: 'hr.backup@test.example', displayName: 'HR', personas: [Persona.HR], passwordHash: null });
        const { token } = await app.get(TokenService).issue(account.id);
        const { port } = app.getHttpServer().address() as HttpAddress;
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
            variables: { input: { code: 'BKP', name: 'Backup Elementary', level: 'ELEMENTARY' } },
          }),
        });
        expect(((await res.json()) as any).errors).toBeUndefined();
      } finally {
        await app.close();
      }
      [{ n: auditRows }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry`);
      expect(auditRows).toBeGreaterThanOrEqual(1);
    } finally {
      await db.close();
    }

    // npm run backup, with the service stopped: the command starts the embedded server for itself and stops it after.
    const file = join(dir, 'district.dump');
    const before = await withServiceDatabase(
      async (url) => {
        await backupDatabase(url, file);
        return fingerprint(url);
      },
      (m) => logs.push(m),
      source,
    );
    expect(logs.join('\n')).toMatch(/Starting the embedded server on its data/);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

    // npm run restore on a new machine: a new, empty embedded data folder.
    const target = env(join(dir, 'target'), await freePort());
    const after = await withServiceDatabase(
      async (url) => {
        await restoreDatabase(url, file);
        return fingerprint(url);
      },
      () => undefined,
      target,
    );
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    expect(after.audit_entry.startsWith(`${auditRows}:`)).toBe(true);
    expect(Number(after.educator.split(':')[0])).toBe(400);

    // The restored folder serves the service: the next start finds the schema up to date and the data there.
    const reopened = await openDatabase(target, (m) => logs.push(m));
    try {
      expect(logs).toContain('The schema is up to date (no migration to apply)');
      const [{ n }] = await reopened.dataSource.query(`SELECT count(*)::int AS n FROM building WHERE code = 'BKP'`);
      expect(n).toBe(1);
    } finally {
      await reopened.close();
    }
  }, 240_000);
});
