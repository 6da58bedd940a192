import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export interface ChangeLogPruneSummary {
  /** False when another instance held the job. */
  ran: boolean;
  /** Rows deleted per log. */
  deleted: Record<ChangeLog, number>;
}

type ChangeLog = 'matching_role_change' | 'matching_data_change';
const LOGS: ChangeLog[] = ['matching_role_change', 'matching_data_change'];
const PRUNE_LOCK = `hashtextextended('change-log-prune', 14)`;

/**
 * Keeps the change logs that guard the in-memory caches (open roles and policy, rankings) from growing forever: every
 * CHANGE_LOG_PRUNE_MINUTES, on one instance at a time (a transaction-scoped advisory lock), deletes the entries
 * older than CHANGE_LOG_RETENTION_MINUTES. In the same transaction it records the log's horizon (`change_log_horizon`:
 * the newest transaction id it deleted and its own id), and every freshness test requires a cache's snapshot to
 * have seen every deleted entry (ChangeLogHorizon migration): a cache that may not have seen them is recomputed,
 * never trusted. Caches whose snapshot saw them keep being served.
 */
@Injectable()
export class ChangeLogPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ChangeLogPruner');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.changeLogPruneMinutes <= 0 || this.config.nodeEnv === 'test') return;
    const run = () => this.runOnce().catch((err) => this.log.error(`Change-log pruning failed: ${(err as Error).message}`));
    this.timer = setInterval(run, this.config.changeLogPruneMinutes * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** `retentionMinutes` defaults to the configured window (a parameter for tests; 0 prunes every committed entry). */
  async runOnce(retentionMinutes: number = this.config.changeLogRetentionMinutes): Promise<ChangeLogPruneSummary> {
    return this.db.transaction(async (m) => {
      const deleted = { matching_role_change: 0, matching_data_change: 0 };
      const [{ locked }]: Array<{ locked: boolean }> = await m.query(`SELECT pg_try_advisory_xact_lock(${PRUNE_LOCK}) AS locked`);
      if (!locked) return { ran: false, deleted };
      for (const log of LOGS) {
        // The newest transaction among the old entries; everything up to it goes, and the horizon says so.
        const [{ through }]: Array<{ through: string | null }> = await m.query(
          `SELECT max(xid)::text AS through FROM ${log} WHERE at < now() - make_interval(mins => $1)`,
          [retentionMinutes],
        );
        if (through === null) continue;
        // UPDATE and DELETE answer [rows, count] through TypeORM.
        const [[{ horizon }]] = (await m.query(
          `UPDATE change_log_horizon SET pruned_through = greatest(pruned_through, $2::xid8), pruned_by = pg_current_xact_id(), pruned_at = now()
           WHERE log = $1 RETURNING pruned_through::text AS horizon`,
          [log, through],
        )) as [Array<{ horizon: string }>, number];
        const [, count] = (await m.query(`DELETE FROM ${log} WHERE xid <= $1::xid8`, [horizon])) as [unknown, number];
        deleted[log] = count;
      }
      return { ran: true, deleted };
    });
  }
}
