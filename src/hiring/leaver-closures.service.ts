import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { districtToday } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ApplicationPipelineService } from './application-pipeline.service.js';
import { ApplicationStatus, OPEN_STATUSES } from './domain/application-status.js';
import { OfferStatus } from './domain/offer-status.js';
import { ApplicationEntity } from './entities/application.entity.js';
import { OfferEntity } from './entities/offer.entity.js';

/** What the candidate and HR read in the application history and on the offer when a leaver's hiring closes. */
export const leftDistrictReason = (leavingDate: string): string =>
  `Closed because the candidate left the district on ${leavingDate}: applications and offers end on the leaving date.`;

export interface LeaverSweepSummary {
  /** False when another instance held the sweep. */
  ran: boolean;
  /** Applications closed. */
  closed: number;
}

const SWEEP_LOCK = `hashtextextended('leaver-closures', 14)`;

/**
 * A leaver's open applications close as WITHDRAWN, and a pending offer with them, from the leaving date, each with a
 * reason in the application history and on the offer (the same mechanism as a role that fills). A leaving date that has
 * come closes them in the transaction that records it; a later date is closed by a sweep that runs at start and every
 * LEAVER_SWEEP_MINUTES on one instance at a time (a transaction-scoped advisory lock; rows another transaction holds
 * are skipped and picked up by the next run), so a leaver's hiring closes at the latest one interval after midnight
 * UTC of the leaving date. Until then the leaver is already out of rankings and standings and cannot sign in.
 */
@Injectable()
export class LeaverClosuresService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LeaverClosures');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly pipeline: ApplicationPipelineService,
    private readonly audit: AuditService,
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

  /** Closes every due leaver's open applications; `today` is the district's day (a parameter for tests). */
  async runOnce(today: string = districtToday()): Promise<LeaverSweepSummary> {
    return this.db.transaction(async (m) => {
      const [{ locked }]: Array<{ locked: boolean }> = await m.query(`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS locked`);
      if (!locked) return { ran: false, closed: 0 };
      return { ran: true, closed: await this.close(m, null, today, null, true) };
    });
  }

  /** Inside the caller's transaction: closes one educator's open applications when their leaving date has come. */
  async closeFor(m: EntityManager, actor: Principal | null, educatorId: string, today: string = districtToday()): Promise<number> {
    return this.close(m, actor, today, educatorId, false);
  }

  private async close(m: EntityManager, actor: Principal | null, today: string, educatorId: string | null, skipLocked: boolean): Promise<number> {
    // Lock order as elsewhere: application, then its offer (no role lock is needed: nothing here fills a role).
    const due: Array<{ id: string; leavingDate: string }> = await m.query(
      `SELECT a.id, to_char(e.leaving_date, 'YYYY-MM-DD') AS "leavingDate"
         FROM application a JOIN educator e ON e.id = a.educator_id
        WHERE e.leaving_date <= $1::date AND a.status = ANY($2::varchar[]) AND ($3::uuid IS NULL OR a.educator_id = $3::uuid)
        ORDER BY a.id FOR UPDATE OF a ${skipLocked ? 'SKIP LOCKED' : ''}`,
      [today, [...OPEN_STATUSES], educatorId],
    );
    for (const row of due) {
      const app = (await m.getRepository(ApplicationEntity).findOneBy({ id: row.id }))!;
      const reason = leftDistrictReason(row.leavingDate);
      if (app.status === ApplicationStatus.OFFERED) {
        const offer = await m.getRepository(OfferEntity).findOne({ where: { applicationId: app.id, status: OfferStatus.PENDING }, lock: { mode: 'pessimistic_write' } });
        if (offer) {
          await m.update(OfferEntity, { id: offer.id }, { status: OfferStatus.WITHDRAWN, respondedAt: new Date(), closedReason: reason });
          await this.audit.record(actor, {
            action: 'OFFER_WITHDRAWN', targetType: 'Offer', targetId: offer.id,
            changes: { roleId: offer.roleId, educatorId: offer.educatorId, applicationId: app.id, from: offer.status, to: OfferStatus.WITHDRAWN, reason, cause: 'EDUCATOR_LEFT' },
          }, m);
        }
      }
      await this.pipeline.move(m, actor, app, ApplicationStatus.WITHDRAWN, reason, { cause: 'EDUCATOR_LEFT', leavingDate: row.leavingDate });
    }
    return due.length;
  }
}
