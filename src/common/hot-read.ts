import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Reads on the hot path straight through the driver: named (prepared) statements, without TypeORM's query
 * building, result transformation and entity hydration (a fifth of the CPU of a cheap request when measured),
 * on a small pool of their own (DB_HOT_POOL_SIZE connections, 2 by default) beside the main one. So the cheapest,
 * most frequent reads never wait for a connection behind heavy work (rankings, reports, imports) or a burst of
 * other requests holding the main pool; when all of its own are busy they borrow a free main-pool connection. Statements still obey the request budget (app.factory wraps this pool's
 * clients like the main pool's), and callers map rows themselves, so which columns leave the database stays
 * explicit. With DB_HOT_POOL_SIZE=0, or a data source not built from a connection string, they use the main pool.
 */
const hasFree = (pool: pg.Pool): boolean =>
  pool.waitingCount === 0 && (pool.idleCount > 0 || pool.totalCount < (pool.options as { max?: number }).max!);

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
    return (await this.poolFor().query<R>(query)).rows;
  }

  /**
   * Its own pool while that has a free or unopened connection; when all of them are busy, the main pool if that has
   * one free right now (a burst of cheap reads is not held to the few reserved connections); else its own pool's line.
   */
  private poolFor(): pg.Pool {
    const main = (this.db.driver as unknown as { master: pg.Pool }).master;
    const own = this.pool;
    if (!own) return main;
    if (hasFree(own)) return own;
    return hasFree(main) ? main : own;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
