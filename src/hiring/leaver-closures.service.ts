import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { districtToday } from '../common/clock.js';
import { ApplicationPipelineService } from './application-pipeline.service.js';
import { ApplicationStatus, OPEN_STATUSES } from './domain/application-status.js';
import { OfferStatus } from './domain/offer-status.js';
import { ApplicationEntity } from './entities/application.entity.js';
import { OfferEntity } from './entities/offer.entity.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { HiringRepository } from './hiring.repository.js';

/** What the candidate and HR read in the application history and on the offer when a leaver's hiring closes. */
export const leftDistrictReason = (leavingDate: string): string =>
  `Closed because the candidate left the district on ${leavingDate}: applications and offers end on the leaving date.`;

/** What a leaver's closing did. */
export interface LeaverClosures {
  /** Open applications closed as WITHDRAWN (a pending offer with each). */
  applications: number;
  /** Outstanding invitations to apply closed as WITHDRAWN. */
  invitations: number;
}

/**
 * A leaver's open applications close as WITHDRAWN, and a pending offer with them, from the leaving date, each with a
 * reason in the application history and on the offer (the same mechanism as a role that fills); their outstanding
 * invitations to apply close as WITHDRAWN with the same reason, and the HR account that sent each one hears of it
 * (unless it is the one recording the leaving). The leavers module calls this when it records a leaving date that
 * has come, and from its leaver sweep for dates that come later.
 */
@Injectable()
export class LeaverClosuresService {
  constructor(
    private readonly pipeline: ApplicationPipelineService,
    private readonly audit: AuditService,
    private readonly repo: HiringRepository,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** Inside the caller's transaction: closes one educator's open applications when their leaving date has come. */
  async closeFor(m: EntityManager, actor: Principal | null, educatorId: string, today: string = districtToday()): Promise<LeaverClosures> {
    return this.closeDue(m, actor, today, educatorId, false);
  }

  /**
   * Closes the open applications of every educator (or one) whose leaving date is on or before `today`. With
   * `skipLocked` (the sweep) rows another transaction holds are left for the next run instead of waited for.
   */
  async closeDue(
    m: EntityManager,
    actor: Principal | null,
    today: string,
    educatorId: string | null,
    skipLocked: boolean,
  ): Promise<LeaverClosures> {
    const applications = await this.closeApplications(m, actor, today, educatorId, skipLocked);
    const invitations = await this.closeInvitations(m, actor, today, educatorId, skipLocked);
    return { applications, invitations };
  }

  private async closeApplications(
    m: EntityManager,
    actor: Principal | null,
    today: string,
    educatorId: string | null,
    skipLocked: boolean,
  ): Promise<number> {
    // Lock order as elsewhere: application, then its offer (no role lock is needed: nothing here fills a role).
    const due: Array<{ id: string; roleId: string; leavingDate: string }> = await m.query(
      `SELECT a.id, a.role_id AS "roleId", to_char(e.leaving_date, 'YYYY-MM-DD') AS "leavingDate"
         FROM application a JOIN educator e ON e.id = a.educator_id
        WHERE e.leaving_date <= $1::date AND a.status = ANY($2::varchar[]) AND ($3::uuid IS NULL OR a.educator_id = $3::uuid)
        ORDER BY a.id FOR UPDATE OF a ${skipLocked ? 'SKIP LOCKED' : ''}`,
      [today, [...OPEN_STATUSES], educatorId],
    );
    // The candidates' messages name the role: every role's title in one read, not one per application.
    const titles = await this.repo.roleTitles(
      m,
      due.map((r) => r.roleId),
    );
    for (const row of due) {
      const app = (await m.getRepository(ApplicationEntity).findOneBy({ id: row.id }))!;
      const reason = leftDistrictReason(row.leavingDate);
      if (app.status === ApplicationStatus.OFFERED) {
        const offer = await m
          .getRepository(OfferEntity)
          .findOne({ where: { applicationId: app.id, status: OfferStatus.PENDING }, lock: { mode: 'pessimistic_write' } });
        if (offer) {
          await m.update(OfferEntity, { id: offer.id }, { status: OfferStatus.WITHDRAWN, respondedAt: new Date(), closedReason: reason });
          await this.audit.record(
            actor,
            {
              action: 'OFFER_WITHDRAWN',
              targetType: 'Offer',
              targetId: offer.id,
              changes: {
                roleId: offer.roleId,
                educatorId: offer.educatorId,
                applicationId: app.id,
                from: offer.status,
                to: OfferStatus.WITHDRAWN,
                reason,
                cause: 'EDUCATOR_LEFT',
              },
            },
            m,
          );
        }
      }
      await this.pipeline.move(
        m,
        actor,
        app,
        ApplicationStatus.WITHDRAWN,
        reason,
        {
          cause: 'EDUCATOR_LEFT',
          leavingDate: row.leavingDate,
        },
        titles.get(row.roleId),
      );
    }
    return due.length;
  }

  /**
   * Set-based: one locking read, one update, one audit insert for every invitation; then a message to each inviting HR
   * account other than the actor (a disabled inviter hears nothing, as the outbox decides).
   */
  private async closeInvitations(
    m: EntityManager,
    actor: Principal | null,
    today: string,
    educatorId: string | null,
    skipLocked: boolean,
  ): Promise<number> {
    const due: Array<{
      id: string;
      roleId: string;
      educatorId: string;
      invitedBy: string | null;
      leavingDate: string;
      candidate: string;
      roleTitle: string;
    }> = await m.query(
      `SELECT i.id, i.role_id AS "roleId", i.educator_id AS "educatorId", i.invited_by AS "invitedBy",
              to_char(e.leaving_date, 'YYYY-MM-DD') AS "leavingDate", e.full_name AS candidate, r.title AS "roleTitle"
         FROM invitation i JOIN educator e ON e.id = i.educator_id JOIN hybrid_role r ON r.id = i.role_id
        WHERE e.leaving_date <= $1::date AND i.status = 'INVITED' AND ($2::uuid IS NULL OR i.educator_id = $2::uuid)
        ORDER BY i.id FOR UPDATE OF i ${skipLocked ? 'SKIP LOCKED' : ''}`,
      [today, educatorId],
    );
    if (!due.length) return 0;
    const reasons = due.map((row) => leftDistrictReason(row.leavingDate));
    await m.query(
      `UPDATE invitation i SET status = 'WITHDRAWN', responded_at = now(), closed_reason = u.reason
         FROM unnest($1::uuid[], $2::text[]) AS u(id, reason) WHERE i.id = u.id`,
      [due.map((row) => row.id), reasons],
    );
    await this.audit.record(
      actor,
      due.map((row, i) => ({
        action: 'INVITATION_WITHDRAWN' as const,
        targetType: 'Invitation',
        targetId: row.id,
        changes: {
          roleId: row.roleId,
          educatorId: row.educatorId,
          from: 'INVITED',
          to: 'WITHDRAWN',
          reason: reasons[i],
          cause: 'EDUCATOR_LEFT',
          leavingDate: row.leavingDate,
        },
      })),
      m,
    );
    for (const [i, row] of due.entries()) {
      if (!row.invitedBy || row.invitedBy === actor?.accountId) continue;
      await this.outbox.enqueue(
        m,
        { accountId: row.invitedBy },
        { kind: 'INVITATION_WITHDRAWN', roleTitle: row.roleTitle, candidate: row.candidate, reason: reasons[i] },
      );
    }
    return due.length;
  }
}
