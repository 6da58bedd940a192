import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ReadRoutingMetrics, type ReadSource, type ReadTarget } from '../common/read-source.js';
import { dataSourceOptions } from './data-source.js';

export type { ReadTarget };

/** How long a replica that failed is left alone before it is tried again. */
const REST_AFTER_FAILURE_MS = 5000;

interface Replica {
  url: string;
  source: DataSource;
  restUntil: number;
}

/**
 * Where heavy reads (rankings, standings, capacity reports) run: a streaming replica when one has replayed everything
 * the primary had committed when the read began, else the primary. The check is one position read on each server,
 * so an answer from a replica is never older than the same answer from the primary: a session reads its own writes,
 * and a replica that falls behind or stops costs a fallback, never a stale qualified flag.
 */
@Injectable()
export class ReadRouter implements ReadSource, OnApplicationShutdown {
  private readonly log = new Logger('ReadRouter');
  private readonly replicas: Replica[];
  private next = 0;

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: ReadRoutingMetrics,
  ) {
    this.replicas = config.databaseReplicaUrls.map((url) => ({
      url,
      // Read-only use: no migrations run here, and statements keep the primary's time limit.
      source: new DataSource({ ...dataSourceOptions(url, config.statementTimeoutMs), migrations: [] }),
      restUntil: 0,
    }));
  }

  get replicaCount(): number {
    return this.replicas.length;
  }

  /** The data source a heavy read should use now, and which kind it is. */
  async source(): Promise<{ source: DataSource; target: ReadTarget }> {
    if (!this.replicas.length) return { source: this.primary, target: 'primary' };
    const now = Date.now();
    const candidates = this.replicas.filter((r) => r.restUntil <= now);
    if (!candidates.length) return this.fallback('down');
    const replica = candidates[this.next++ % candidates.length];
    try {
      // The insert position, not the write position: with synchronous_commit off a commit can be inserted (and
      // visible on the primary) before it is written, and the replica must have it too.
      const [{ lsn }] = await this.primary.query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`);
      if (!replica.source.isInitialized) await replica.source.initialize();
      const deadline = Date.now() + this.config.replicaCatchUpWaitMs;
      for (;;) {
        const [{ caught_up }] = await replica.source.query(`SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS caught_up`, [
          lsn,
        ]);
        if (caught_up) {
          this.metrics?.readRouted('replica', 'caught_up');
          return { source: replica.source, target: 'replica' };
        }
        if (Date.now() >= deadline) return this.fallback('lag');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } catch (err) {
      replica.restUntil = Date.now() + REST_AFTER_FAILURE_MS;
      this.log.warn(`Replica unavailable, reading from the primary for ${REST_AFTER_FAILURE_MS / 1000} s: ${(err as Error).message}`);
      return this.fallback('down');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.replicas.map((r) => (r.source.isInitialized ? r.source.destroy() : undefined)));
  }

  private fallback(reason: 'lag' | 'down'): { source: DataSource; target: ReadTarget } {
    this.metrics?.readRouted('primary', reason);
    return { source: this.primary, target: 'primary' };
  }
}
