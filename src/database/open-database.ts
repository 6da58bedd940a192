import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';

export interface OpenDatabase {
  dataSource: DataSource;
  embedded?: EmbeddedServer;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded server. Applies pending migrations before returning. */
export async function openDatabase(config: AppConfig, log: (msg: string) => void): Promise<OpenDatabase> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    log(`No DATABASE_URL: starting embedded PostgreSQL on port ${config.embeddedPgPort} (data in ${config.embeddedPgDir})`);
    embedded = await startEmbeddedPostgres(config.embeddedPgDir, config.embeddedPgPort);
    log(embedded.reused ? `Reusing the existing data in ${config.embeddedPgDir}` : `Created a new database in ${config.embeddedPgDir}`);
    url = embedded.url;
  } else {
    const u = new URL(url);
    log(`Using the PostgreSQL database ${u.pathname.slice(1)} at ${u.host} (DATABASE_URL)`);
  }
  const dataSource = createDataSource(url, config.statementTimeoutMs);
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    log(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
        : 'The schema is up to date (no migration to apply)',
    );
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw err;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      log('Database pool closed');
      if (embedded) {
        await embedded.stop();
        log('Embedded PostgreSQL server stopped');
      }
    },
  };
}
