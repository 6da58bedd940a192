import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { createDataSource } from '../../src/database/data-source.js';
import { withDatabase } from '../support/test-database.js';

/** Relations, functions and types in the public schema that are not part of an extension. */
async function schemaObjects(ds: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> = await ds.query(`
    SELECT c.relkind::text || ':' || c.relname AS name FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'f:' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 't:' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
    ORDER BY 1`);
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  const server = process.env.PATHWAYS_TEST_SERVER_URL as string;
  const name = `pathways_mig_${randomBytes(5).toString('hex')}`;
  let ds: DataSource;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    ds = createDataSource(withDatabase(server, name));
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('lists every migration file in migrations/index.ts, once, in timestamp order', () => {
    const files = readdirSync(fileURLToPath(new URL('../../migrations/', import.meta.url)))
      .filter((f) => /^\d+-.+\.ts$/.test(f))
      .map((f) => f.split('-')[0])
      .sort();
    const listed = MIGRATIONS.map((m) => /(\d{13})$/.exec(m.name)?.[1]);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(files);
  });

  it('run up on a fresh database, revert all the way down, and run up again', async () => {
    const before = await schemaObjects(ds);
    const up = await ds.runMigrations({ transaction: 'each' });
    expect(up).toHaveLength(MIGRATIONS.length);
    expect(await schemaObjects(ds)).toEqual(
      expect.arrayContaining(['r:building', 'r:educator', 'r:evidence', 'r:hybrid_role', 'r:account']),
    );

    for (let i = 0; i < up.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await ds.query('SELECT name FROM migrations')).toEqual([]);
    // Only TypeORM's own bookkeeping table (and its sequence) may remain after every down().
    const leftovers = (await schemaObjects(ds)).filter((o) => !before.includes(o) && !/^[rS]:migrations(_id_seq)?$/.test(o));
    expect(leftovers).toEqual([]);

    const again = await ds.runMigrations({ transaction: 'each' });
    expect(again.map((m) => m.name)).toEqual(up.map((m) => m.name));
  });

  it('leave no difference between the entities and the migrated schema', async () => {
    await ds.runMigrations({ transaction: 'each' });
    expect(await ds.showMigrations()).toBe(false);
    const diff = await ds.driver.createSchemaBuilder().log();
    const statements = diff.upQueries.map((q) => q.query);
    if (statements.length) {
      throw new Error(
        `Entities and migrations disagree; generate a migration (npm run migration:generate -- migrations/Name):\n${statements.join('\n')}`,
      );
    }
  });
});
