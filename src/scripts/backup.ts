import { BackupError } from '../operations/backup/pg-tools.js';
import { backupDatabase } from '../operations/backup/backup.js';
import { withServiceDatabase } from '../operations/backup/target-database.js';

/** npm run backup [-- FILE]: a pg_dump custom-format backup of the service's database (default: backups/<time>.dump). */
async function main(): Promise<void> {
  const stamp = new Date()
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');
  const file = process.argv[2] ?? `backups/pathways-${stamp}.dump`;
  const { bytes } = await withServiceDatabase((url) => backupDatabase(url, file), console.log);
  console.log(`Backup written to ${file} (${(bytes / 1024).toFixed(0)} KiB). Restore it with: npm run restore -- ${file}`);
}

main().catch((err) => {
  console.error(err instanceof BackupError || err instanceof Error ? err.message : err);
  process.exit(1);
});
