import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage } from '../common/pagination.js';
import type { VerificationStatus } from './domain/evidence-kind.js';
import {
  assertCanRequest,
  checkLinks,
  decide,
  VerificationRequestStatus,
  type VerificationDecision,
} from './domain/verification-request.js';
import type { DecideVerificationInput, RequestVerificationInput, VerificationQueueArgs } from './dto/verification-request.input.js';
import { EvidenceRepository, type VerificationRequestRow } from './evidence.repository.js';
import { EvidenceWriteService } from './evidence-write.service.js';
import { VerificationRequestEntity } from './verification-request.entity.js';
import type { VerificationQueueModel, VerificationRequestModel } from './models/verification-request.model.js';

/** Educators ask for verification; HR works a queue and decides with a reason the educator reads. */
@Injectable()
export class VerificationRequestsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: EvidenceRepository,
    private readonly writes: EvidenceWriteService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** The owner only: anyone else's item (or an unknown id) is NOT_FOUND. One pending request per item. */
  async request(actor: Principal, input: RequestVerificationInput): Promise<VerificationRequestModel> {
    const links = checkLinks(input.links);
    const id = await this.db.transaction(async (m) => {
      const evidence = await this.repo.lockForWrite(m, input.evidenceId);
      if (!evidence || evidence.deletedAt || actor.educatorId === null || evidence.educatorId !== actor.educatorId)
        throw notFound('Evidence', input.evidenceId);
      const pending = await m
        .getRepository(VerificationRequestEntity)
        .exists({ where: { evidenceId: evidence.id, status: VerificationRequestStatus.PENDING } });
      assertCanRequest(evidence.verificationStatus as VerificationStatus, pending);
      const saved = await m.getRepository(VerificationRequestEntity).save(
        m.getRepository(VerificationRequestEntity).create({
          evidenceId: evidence.id,
          educatorId: evidence.educatorId,
          status: VerificationRequestStatus.PENDING,
          note: input.note.trim(),
          links,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'VERIFICATION_REQUESTED',
          targetType: 'VerificationRequest',
          targetId: saved.id,
          changes: { evidenceId: evidence.id, educatorId: evidence.educatorId, note: saved.note, links },
        },
        m,
      );
      return saved.id;
    });
    return this.one(id);
  }

  /** HR decides; the evidence takes VERIFIED or ENDORSED in the same transaction, REJECTED leaves it as it was. */
  async decide(actor: Principal, input: DecideVerificationInput): Promise<VerificationRequestModel> {
    await this.db.transaction(async (m) => {
      const req = await m
        .getRepository(VerificationRequestEntity)
        .findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!req) throw notFound('Verification request', input.id);
      if (req.version !== input.version) throw staleVersion('This verification request');
      const outcome = decide({
        status: req.status as VerificationRequestStatus,
        deciderEducatorId: actor.educatorId,
        ownerEducatorId: req.educatorId,
        decision: input.decision as VerificationDecision,
        reason: input.reason,
      });
      const evidence = (await this.repo.lockForWrite(m, req.evidenceId))!;
      // Archived evidence waits for its owner to restore it; there is nothing to decide meanwhile.
      if (evidence.deletedAt) throw notFound('Verification request', input.id);
      if (outcome.evidenceStatus && outcome.evidenceStatus !== evidence.verificationStatus) {
        await this.writes.applyVerification(m, actor, evidence, outcome.evidenceStatus, {
          note: outcome.reason,
          verificationRequestId: req.id,
        });
      }
      await m.getRepository(VerificationRequestEntity).update(
        { id: req.id },
        {
          status: input.decision,
          decidedAt: new Date(),
          decidedByEmail: actor.email,
          decisionReason: outcome.reason,
          version: req.version + 1,
        },
      );
      await this.audit.record(
        actor,
        {
          action: 'VERIFICATION_DECIDED',
          targetType: 'VerificationRequest',
          targetId: req.id,
          changes: { evidenceId: req.evidenceId, educatorId: req.educatorId, decision: input.decision, reason: outcome.reason },
        },
        m,
      );
      await this.outbox.enqueue(
        m,
        { educatorId: req.educatorId },
        {
          kind: 'VERIFICATION_DECIDED',
          evidenceTitle: evidence.title,
          decision: input.decision,
          reason: outcome.reason,
          decidedBy: actor.email,
        },
      );
    });
    return this.one(input.id);
  }

  async queue(args: VerificationQueueArgs): Promise<VerificationQueueModel> {
    const offset = decodeCursor(args.after);
    const { rows, counts } = await this.repo.verificationQueue(this.db.manager, args, args.first, offset);
    const total = counts.reduce((s, c) => s + c.count, 0);
    return { ...toPage(rows.map(toModel), total, offset), countsByKind: counts.map((c) => ({ kind: c.kind as never, count: c.count })) };
  }

  /** The educator's own requests, newest decisions and pending ones alike, oldest first. */
  async mine(actor: Principal): Promise<VerificationRequestModel[]> {
    if (!actor.educatorId) return [];
    return (await this.repo.verificationRequests(this.db.manager, 'vr.educator_id = $1', [actor.educatorId])).map(toModel);
  }

  private async one(id: string): Promise<VerificationRequestModel> {
    const [row] = await this.repo.verificationRequests(this.db.manager, 'vr.id = $1', [id]);
    return toModel(row);
  }
}

function toModel(r: VerificationRequestRow): VerificationRequestModel {
  return {
    id: r.id,
    evidenceId: r.evidenceId,
    educatorId: r.educatorId,
    evidenceTitle: r.evidenceTitle,
    evidenceKind: r.evidenceKind as never,
    evidenceStatus: r.evidenceStatus as never,
    status: r.status as VerificationRequestStatus,
    note: r.note,
    links: r.links,
    requestedAt: r.requestedAt,
    ageDays: r.ageDays,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedByEmail,
    decisionReason: r.decisionReason,
    version: r.version,
  };
}
