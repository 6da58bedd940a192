import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { ApplicationStatus } from './domain/application-status.js';
import { ApplicationTransitionEntity } from './entities/application-transition.entity.js';
import { ApplicationEntity } from './entities/application.entity.js';
import { RoleReadRepository } from '../roles/role-read.repository.js';

/**
 * Writes an application's state change: the row, its history entry and the audit entry, all in the caller's
 * transaction (a null actor is the service itself, e.g. the leaver sweep). Callers have already locked the row and checked the move against the pipeline rules.
 */
@Injectable()
export class ApplicationPipelineService {
  constructor(
    private readonly audit: AuditService,
    private readonly roleReads: RoleReadRepository,
    private readonly outbox: NotificationOutbox,
  ) {}

  async recordSubmitted(
    m: EntityManager,
    actor: Principal,
    app: { id: string; roleId: string; educatorId: string },
    reason: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await m.insert(ApplicationTransitionEntity, {
      applicationId: app.id,
      fromStatus: null,
      toStatus: ApplicationStatus.SUBMITTED,
      actorAccountId: actor.accountId,
      actorEmail: actor.email,
      reason,
    });
    await this.audit.record(
      actor,
      {
        action: 'APPLICATION_SUBMITTED',
        targetType: 'Application',
        targetId: app.id,
        changes: { roleId: app.roleId, educatorId: app.educatorId, to: ApplicationStatus.SUBMITTED, ...extra },
      },
      m,
    );
  }

  async move(
    m: EntityManager,
    actor: Principal | null,
    app: ApplicationEntity,
    to: ApplicationStatus,
    reason: string,
    extra: Record<string, unknown> = {},
    roleTitle?: string,
  ): Promise<void> {
    const from = app.status;
    await m.update(ApplicationEntity, { id: app.id }, { status: to, version: () => '"version" + 1' });
    await m.insert(ApplicationTransitionEntity, {
      applicationId: app.id,
      fromStatus: from,
      toStatus: to,
      actorAccountId: actor?.accountId ?? null,
      actorEmail: actor?.email ?? null,
      reason,
    });
    await this.audit.record(
      actor,
      {
        action: 'APPLICATION_STATUS_CHANGED',
        targetType: 'Application',
        targetId: app.id,
        changes: { roleId: app.roleId, educatorId: app.educatorId, from, to, reason, ...extra },
      },
      m,
    );
    await this.tellCandidate(m, actor, app, from, to, reason, roleTitle);
  }

  /**
   * The candidate hears of every decision about their application, with its reason; not of their own moves, and
   * not of OFFERED, which the offer's own message announces with its terms. A caller closing many applications at
   * once passes the role's title it already holds, so the batch does not read the role once per application.
   */
  private async tellCandidate(
    m: EntityManager,
    actor: Principal | null,
    app: ApplicationEntity,
    from: ApplicationStatus,
    to: ApplicationStatus,
    reason: string,
    knownTitle: string | undefined,
  ): Promise<void> {
    if ((actor && actor.educatorId === app.educatorId) || to === ApplicationStatus.OFFERED) return;
    const roleTitle = knownTitle ?? (await this.roleReads.role(m, app.roleId))?.title ?? 'a role';
    await this.outbox.enqueue(m, { educatorId: app.educatorId }, { kind: 'APPLICATION_STATUS', roleTitle, from, to, reason });
  }
}
