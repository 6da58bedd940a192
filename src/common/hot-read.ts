import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Reads on the hot path straight through the driver: named (prepared) statements, without TypeORM's query
 * building, result transformation and entity hydration (a fifth of the CPU of a cheap request when measured),
 * on a small pool of their own (DB_HOT_POOL_SIZE connections, 2 by default) beside the main one. So the cheapest,
 * most frequent reads never wait for a connection behind heavy work (rankings, reports, imports) or a burst of
 * other requests holding the main pool. Statements still obey the request budget (app.factory wraps this pool's
 * clients like the main pool's), and callers map rows themselves, so which columns leave the database stays
 * explicit. With DB_HOT_POOL_SIZE=0, or a data source not built from a connection string, they use the main pool.
 */
@Injectable()
export class HotReads implements OnApplicationShutdown {
  /** The pool of its own, when there is one. */
  readonly pool: pg.Pool | null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'dbHotPoolSize' | 'statementTimeoutMs'>,
  ) {
    const url = (db.options as { url?: string }).url;
    this.pool =
      config.dbHotPoolSize > 0 && url
        ? new pg.Pool({
            connectionString: url,
            max: config.dbHotPoolSize,
            connectionTimeoutMillis: 3000,
            application_name: 'pathways-hot-reads',
            ...(config.statementTimeoutMs > 0 ? { statement_timeout: config.statementTimeoutMs } : {}),
          })
        : null;
    // An idle connection the server dropped surfaces here; the pool replaces it on the next read.
    this.pool?.on('error', () => undefined);
  }

  async rows<R extends pg.QueryResultRow>(query: { name: string; text: string; values: unknown[] }): Promise<R[]> {
    const pool = this.pool ?? (this.db.driver as unknown as { master: pg.Pool }).master;
    return (await pool.query<R>(query)).rows;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
