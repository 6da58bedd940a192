import pg from 'pg';
import { restoreDatabase } from '../operations/backup/backup.js';
import { BackupError } from '../operations/backup/pg-tools.js';
import { withServiceDatabase } from '../operations/backup/target-database.js';

/**
 * npm run restore -- FILE [--replace]: restores a backup into the service's database. A database that already holds
 * tables is replaced only with --replace (stop the service first).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new BackupError('Name the backup file: npm run restore -- backups/pathways-....dump [--replace]');
  const replace = args.includes('--replace');
  await withServiceDatabase(async (url) => {
    const tables = await tableCount(url);
    if (tables > 0 && !replace) {
      throw new BackupError(
        `The database already holds ${tables} tables. Stop the service, then run again with --replace to overwrite it with the backup`,
      );
    }
    await restoreDatabase(url, file);
  }, console.log);
  console.log(`Restored ${file}. Start the service; it applies any newer migrations.`);
}

async function tableCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    return rows[0].n;
  } finally {
    await c.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
