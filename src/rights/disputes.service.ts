import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode, notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage } from '../common/pagination.js';
import { RankingService } from '../matching/ranking.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import {
  assertApplicationDecided,
  assertCanResolve,
  assertOutcome,
  assertVerificationDecided,
  checkText,
  DisputeKind,
  DisputeStatus,
  duplicateDispute,
} from './domain/dispute.js';
import type { DisputeQueueArgs, FileDisputeInput, ResolveDisputeInput } from './dto/dispute.input.js';
import type { DisputeModel, DisputeQueueModel } from './models/dispute.model.js';
import { DisputesRepository, type DisputeRow, type DisputeSubject } from './disputes.repository.js';

/**
 * An educator disputes a decision about them; HR works a queue and resolves each dispute with a written outcome the
 * educator reads. Filing and resolving are audited in the same transaction. Someone else's subject is NOT_FOUND.
 */
@Injectable()
export class DisputesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: DisputesRepository,
    private readonly ranking: RankingService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async file(actor: Principal, input: FileDisputeInput): Promise<DisputeModel> {
    const educatorId = actor.educatorId;
    if (!educatorId) throw notFound('Educator profile for this account');
    const statement = checkText(input.statement, 'statement');
    // The explanation is computed before the write transaction (it reads a snapshot of its own).
    const explanation = input.kind === DisputeKind.EXPLANATION ? await this.explanationContext(actor, input.subjectId) : null;
    const id = await this.db.transaction(async (m) => {
      const subject = await this.subject(m, input.kind, input.subjectId, educatorId, explanation);
      const id = await this.repo.insertOpen(m, {
        educatorId,
        kind: input.kind,
        subjectId: input.subjectId,
        label: subject.label,
        context: subject.context,
        statement,
      });
      if (!id) throw duplicateDispute();
      await this.audit.record(
        actor,
        {
          action: 'DISPUTE_FILED',
          targetType: 'Dispute',
          targetId: id,
          changes: { educatorId, kind: input.kind, subjectId: input.subjectId, status: DisputeStatus.OPEN },
        },
        m,
      );
      return id;
    });
    return this.model(id);
  }

  async resolve(actor: Principal, input: ResolveDisputeInput): Promise<DisputeModel> {
    const outcome = assertOutcome(input.outcome);
    const response = checkText(input.response, 'response');
    await this.db.transaction(async (m) => {
      const d = await this.repo.lock(m, input.id);
      if (!d) throw notFound('Dispute', input.id);
      if (d.version !== input.version) throw staleVersion('This dispute');
      assertCanResolve({ status: d.status, resolverEducatorId: actor.educatorId, disputantEducatorId: d.educator_id });
      await this.repo.resolve(m, d.id, { status: outcome, outcome: response, accountId: actor.accountId, email: actor.email });
      await this.audit.record(
        actor,
        {
          action: 'DISPUTE_RESOLVED',
          targetType: 'Dispute',
          targetId: d.id,
          changes: { educatorId: d.educator_id, kind: d.kind, subjectId: d.subject_id, status: { from: d.status, to: outcome } },
        },
        m,
      );
      // The educator hears of the outcome (email and their notifications), committed with it.
      await this.outbox.enqueue(
        m,
        { educatorId: d.educator_id },
        { kind: 'DISPUTE_UPDATE', subject: d.subject_label, status: outcome, outcome: response },
        `dispute:${d.id}:resolved`,
      );
    });
    return this.model(input.id);
  }

  async mine(actor: Principal): Promise<DisputeModel[]> {
    if (!actor.educatorId) return [];
    return (await this.repo.ofEducator(this.db.manager, actor.educatorId)).map(toModel);
  }

  /** HR any; an educator only their own (anyone else's is NOT_FOUND). */
  async one(viewer: Principal, id: string, isHr: boolean): Promise<DisputeModel> {
    const row = await this.repo.one(this.db.manager, id);
    if (!row || (!isHr && row.educator_id !== viewer.educatorId)) throw notFound('Dispute', id);
    return toModel(row);
  }

  async queue(args: DisputeQueueArgs): Promise<DisputeQueueModel> {
    const offset = decodeCursor(args.after);
    const { rows, total, byStatus, byKind } = await this.repo.queue(
      this.db.manager,
      { status: args.status, kind: args.kind },
      args.first,
      offset,
    );
    return { ...toPage(rows.map(toModel), total, offset), countsByStatus: byStatus, countsByKind: byKind };
  }

  private async model(id: string): Promise<DisputeModel> {
    return toModel((await this.repo.one(this.db.manager, id))!);
  }

  /** The subject, checked to be the educator's own and to hold a decision; anything else is NOT_FOUND. */
  private async subject(
    m: import('typeorm').EntityManager,
    kind: DisputeKind,
    id: string,
    educatorId: string,
    explanation: Record<string, unknown> | null,
  ): Promise<DisputeSubject> {
    switch (kind) {
      case DisputeKind.VERIFICATION_DECISION: {
        const s = await this.repo.verificationRequest(m, id);
        if (!s || s.educatorId !== educatorId) throw notFound('Verification request', id);
        assertVerificationDecided(s.status);
        return s;
      }
      case DisputeKind.EVIDENCE_STATUS: {
        const s = await this.repo.evidence(m, id);
        if (!s || s.educatorId !== educatorId) throw notFound('Evidence', id);
        return s;
      }
      case DisputeKind.APPLICATION_DECISION: {
        const s = await this.repo.application(m, id);
        if (!s || s.educatorId !== educatorId) throw notFound('Application', id);
        assertApplicationDecided(s.status, s.offerStatuses ?? []);
        return s;
      }
      case DisputeKind.EXPLANATION: {
        const role = await this.repo.role(m, id, educatorId);
        if (!role || (role.status !== 'OPEN' && !role.applied)) throw notFound('Role', id);
        return {
          educatorId,
          status: role.status,
          label: `Explanation for "${role.title}"`,
          context: { roleTitle: role.title, roleStatus: role.status, ...(explanation ?? {}) },
        };
      }
    }
  }

  /** What "my explanation" said when the educator filed (OPEN roles only; other roles keep just their title and status). */
  private async explanationContext(actor: Principal, roleId: string): Promise<Record<string, unknown> | null> {
    try {
      const e = await this.ranking.myExplanation(actor, roleId);
      return {
        score: e.score,
        maxScore: e.maxScore,
        qualified: e.qualified,
        requiredMet: e.requiredMet,
        requiredTotal: e.requiredTotal,
        policyVersion: e.policyVersion,
        asOf: e.asOf,
        summary: e.summary,
      };
    } catch (err) {
      // Not an OPEN role: the subject check decides whether it may be disputed at all. Anything else is a real failure.
      if (err instanceof AppError && err.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    }
  }
}

function toModel(r: DisputeRow): DisputeModel {
  return {
    id: r.id,
    educatorId: r.educator_id,
    educatorName: r.educator_name,
    kind: r.kind as DisputeKind,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    contextJson: JSON.stringify(r.context ?? {}),
    statement: r.statement,
    status: r.status as DisputeStatus,
    outcome: r.outcome,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by_email,
    filedAt: r.created_at,
    version: r.version,
  };
}
