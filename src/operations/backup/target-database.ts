import { loadConfig, type AppConfig } from '../../config/app-config.js';
import { runningOwner, startEmbeddedPostgres } from '../../database/embedded-postgres.js';
import { resolve } from 'node:path';

/**
 * The database the service uses: DATABASE_URL, or the embedded server's (reached where it runs, or started for the
 * duration of the backup and stopped after).
 */
export async function withServiceDatabase<T>(
  work: (url: string) => Promise<T>,
  log: (m: string) => void,
  config: Pick<AppConfig, 'databaseUrl' | 'embeddedPgDir' | 'embeddedPgPort'> = loadConfig(),
): Promise<T> {
  if (config.databaseUrl) return work(config.databaseUrl);
  const dir = resolve(config.embeddedPgDir);
  if (runningOwner(dir)) {
    log(`The embedded server is running (data in ${config.embeddedPgDir}, port ${config.embeddedPgPort}): using it`);
    return work(`postgres://postgres:postgres@127.0.0.1:${config.embeddedPgPort}/pathways`);
  }
  log(`Starting the embedded server on its data in ${config.embeddedPgDir} for the duration of this command`);
  const server = await startEmbeddedPostgres(dir, config.embeddedPgPort);
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}
