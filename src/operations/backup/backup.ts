import { execFile } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { BackupError, checkToolFits, pgTool, splitPassword } from './pg-tools.js';

const run = promisify(execFile);

/** pg_dump in custom format (compressed, restorable table by table with pg_restore). */
export async function backupDatabase(
  url: string,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ file: string; bytes: number }> {
  const tool = pgTool('pg_dump', env);
  await checkToolFits(tool, url);
  mkdirSync(dirname(file), { recursive: true });
  const target = splitPassword(url);
  try {
    await run(tool, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.url}`], {
      env: target.env,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    throw new BackupError(`pg_dump failed: ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
  }
  return { file, bytes: statSync(file).size };
}

/**
 * pg_restore into `url` in one transaction: the database ends up as in the backup, or unchanged if anything fails.
 * --clean --if-exists drops what the backup holds first, so restoring over the service's database replaces it.
 */
export async function restoreDatabase(url: string, file: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const tool = pgTool('pg_restore', env);
  await checkToolFits(tool, url);
  const target = splitPassword(url);
  try {
    await run(
      tool,
      [
        '--single-transaction',
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        `--dbname=${target.url}`,
        file,
      ],
      {
        env: target.env,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (err) {
    throw new BackupError(`pg_restore failed, nothing was changed: ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
  }
}
