import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PrincipalCache } from '../access/principal-cache.js';
import { AuditService } from '../audit/audit.service.js';
import { districtToday } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LeaverClosuresService } from '../hiring/leaver-closures.service.js';
import { disableLeaverAccounts } from './leaver-accounts.js';

export interface LeaverSweepSummary {
  /** False when another instance held the sweep. */
  ran: boolean;
  /** Accounts disabled. */
  disabled: number;
  /** Applications closed. */
  closed: number;
  /** Outstanding invitations to apply closed. */
  invitationsClosed: number;
}

const SWEEP_LOCK = `hashtextextended('leaver-sweep', 14)`;

/**
 * Leaving dates recorded ahead (or loaded by the CSV import) take effect on the day: the leaver's account is disabled
 * (it already stops working that day, the principal check compares the date) and their open applications, pending
 * offers and outstanding invitations close with a reason. Runs at start and every LEAVER_SWEEP_MINUTES, on one instance at a time (a
 * transaction-scoped advisory lock), so it happens once whatever the number of instances, at the latest one interval
 * after midnight UTC of the leaving date. A leaving date that has already come is applied when it is recorded.
 */
@Injectable()
export class LeaverSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LeaverSweep');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly closures: LeaverClosuresService,
    private readonly audit: AuditService,
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.leaverSweepMinutes <= 0 || this.config.nodeEnv === 'test') return;
    const run = () => this.runOnce().catch((err) => this.log.error(`Leaver sweep failed: ${(err as Error).message}`));
    void run();
    this.timer = setInterval(run, this.config.leaverSweepMinutes * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** `today` is the district's day (a parameter for tests). */
  async runOnce(today: string = districtToday()): Promise<LeaverSweepSummary> {
    const result = await this.db.transaction(async (m) => {
      const [{ locked }]: Array<{ locked: boolean }> = await m.query(`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS locked`);
      if (!locked) return { ran: false, accounts: [] as string[], closed: { applications: 0, invitations: 0 } };
      const accounts = await disableLeaverAccounts(m, this.audit, null, today, null);
      const closed = await this.closures.closeDue(m, null, today, null, true);
      return { ran: true, accounts, closed };
    });
    for (const id of result.accounts) this.cache.invalidate(id);
    return {
      ran: result.ran,
      disabled: result.accounts.length,
      closed: result.closed.applications,
      invitationsClosed: result.closed.invitations,
    };
  }
}
