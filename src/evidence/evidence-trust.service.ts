import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isHr, Persona, type Principal } from '../access/persona.js';
import { mayView, Subject } from '../access/visibility.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { districtToday } from '../common/clock.js';
import { forbidden, notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import type { ClaimInput } from './domain/claims.js';
import type { VerificationStatus } from './domain/evidence-kind.js';
import { decideEndorsement, decideRevision, type RevisionDecision } from './domain/trust.js';
import { VerificationRequestStatus } from './domain/verification-request.js';
import type { DecideEndorsementInput, DecideEvidenceRevisionInput } from './dto/trust.input.js';
import { EvidenceEndorsementEntity } from './evidence-endorsement.entity.js';
import { EvidenceRevisionEntity } from './evidence-revision.entity.js';
import { EvidenceWriteService } from './evidence-write.service.js';
import { EvidenceRepository, type EndorsementQueueRow } from './evidence.repository.js';
import { EvidenceEntity } from './evidence.entity.js';
import { VerificationRequestEntity } from './verification-request.entity.js';

/**
 * Trust in evidence beyond HR's own checks: endorsers (scoped by HR to buildings) endorse or decline the
 * evidence of educators assigned there today, and owners' edits of trusted items wait as pending revisions
 * until HR, or an in-scope endorser for endorsed items, decides them. Who may act is the EVIDENCE_ENDORSEMENT
 * row of the visibility table; acting outside it is FORBIDDEN (the item exists, the power does not).
 */
@Injectable()
export class EvidenceTrustService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: EvidenceRepository,
    private readonly writes: EvidenceWriteService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async queue(
    actor: Principal,
    args: { buildingId?: string; first: number; after?: string },
  ): Promise<Page<EndorsementQueueRow & { evidence: EvidenceEntity }>> {
    const offset = decodeCursor(args.after);
    const { rows, total } = await this.repo.endorsementQueue(this.db.manager, {
      accountId: actor.accountId,
      ownEducatorId: actor.educatorId,
      day: districtToday(),
      buildingId: args.buildingId,
      first: args.first,
      offset,
    });
    const items = new Map((await this.repo.byIds(rows.map((r) => r.evidenceId))).map((e) => [e.id, e]));
    return toPage(
      rows.map((r) => ({ ...r, evidence: items.get(r.evidenceId)! })),
      total,
      offset,
    );
  }

  /** An endorser endorses or declines; a pending verification request of the item is decided with it (ENDORSED or REJECTED). */
  async decideEndorsement(actor: Principal, input: DecideEndorsementInput): Promise<EvidenceEntity> {
    return this.db.transaction(async (m) => {
      const evidence = await this.repo.lockForWrite(m, input.evidenceId);
      if (!evidence || evidence.deletedAt) throw notFound('Evidence', input.evidenceId);
      await this.assertMayDecide(m, actor, evidence, true);
      if (evidence.version !== input.version) throw staleVersion('This evidence');
      const outcome = decideEndorsement(evidence.verificationStatus as VerificationStatus, input.decision, input.reason);
      if (outcome.evidenceStatus) {
        await this.writes.applyVerification(m, actor, evidence, outcome.evidenceStatus, { note: outcome.reason, via: 'endorsement' });
      }
      const endorsement = await m.getRepository(EvidenceEndorsementEntity).save(
        m.getRepository(EvidenceEndorsementEntity).create({
          evidenceId: evidence.id,
          decision: input.decision,
          reason: outcome.reason,
          decidedByAccountId: actor.accountId,
          decidedByEmail: actor.email,
        }),
      );
      const request = await m.getRepository(VerificationRequestEntity).findOne({
        where: { evidenceId: evidence.id, status: VerificationRequestStatus.PENDING },
        lock: { mode: 'pessimistic_write' },
      });
      if (request) {
        const status = input.decision === 'ENDORSED' ? VerificationRequestStatus.ENDORSED : VerificationRequestStatus.REJECTED;
        await m.getRepository(VerificationRequestEntity).update(
          { id: request.id },
          {
            status,
            decidedAt: new Date(),
            decidedByEmail: actor.email,
            decisionReason: outcome.reason,
            version: request.version + 1,
          },
        );
        await this.audit.record(
          actor,
          {
            action: 'VERIFICATION_DECIDED',
            targetType: 'VerificationRequest',
            targetId: request.id,
            changes: {
              evidenceId: evidence.id,
              educatorId: evidence.educatorId,
              decision: status,
              reason: outcome.reason,
              via: 'endorsement',
            },
          },
          m,
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'EVIDENCE_ENDORSEMENT_DECIDED',
          targetType: 'Evidence',
          targetId: evidence.id,
          changes: { endorsementId: endorsement.id, educatorId: evidence.educatorId, decision: input.decision, reason: outcome.reason },
        },
        m,
      );
      await this.outbox.enqueue(
        m,
        { educatorId: evidence.educatorId },
        {
          kind: 'ENDORSEMENT_DECIDED',
          evidenceTitle: evidence.title,
          decision: input.decision,
          reason: outcome.reason,
          decidedBy: actor.email,
        },
      );
      return (await this.repo.byId(evidence.id, m))!;
    });
  }

  /** Approving replaces the item's fields (and claims) at the trust level chosen; rejecting leaves the trusted version. */
  async decideRevision(actor: Principal, input: DecideEvidenceRevisionInput): Promise<string> {
    await this.db.transaction(async (m) => {
      const revision = await m
        .getRepository(EvidenceRevisionEntity)
        .findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      const evidence = revision && (await this.repo.lockForWrite(m, revision.evidenceId));
      if (!revision || !evidence || evidence.deletedAt) throw notFound('Evidence revision', input.id);
      const own = actor.educatorId !== null && actor.educatorId === evidence.educatorId;
      if (!own) await this.assertMayDecide(m, actor, evidence, false);
      if (revision.version !== input.version) throw staleVersion('This revision');
      const from = evidence.verificationStatus as VerificationStatus;
      const outcome = decideRevision({
        revisionStatus: revision.status,
        evidenceStatus: from,
        own,
        byHr: isHr(actor),
        decision: input.decision as RevisionDecision,
        reason: input.reason,
        requestedStatus: input.status ?? null,
      });
      if (input.decision === 'APPROVED') {
        const set = Object.fromEntries(
          Object.entries(revision.changes)
            .filter(([k]) => k !== 'claims')
            .map(([k, v]) => [k, v.to]),
        );
        // Whoever approves has checked the new content: they are recorded as its verifier, at the level they chose.
        const trust =
          outcome.resultingStatus === 'SELF_REPORTED'
            ? { verificationStatus: outcome.resultingStatus, verifiedBy: null, verifiedAt: null }
            : { verificationStatus: outcome.resultingStatus, verifiedBy: actor.email, verifiedAt: new Date() };
        await m.getRepository(EvidenceEntity).update({ id: evidence.id }, { ...set, ...trust });
        if (revision.claims) await this.repo.replaceClaims(m, evidence.id, revision.claims as ClaimInput[]);
      }
      await m.getRepository(EvidenceRevisionEntity).update(
        { id: revision.id },
        {
          status: input.decision,
          decidedAt: new Date(),
          decidedByEmail: actor.email,
          decisionReason: outcome.reason,
          resultingStatus: outcome.resultingStatus,
          version: revision.version + 1,
        },
      );
      await this.audit.record(
        actor,
        {
          action: 'EVIDENCE_REVISION_DECIDED',
          targetType: 'EvidenceRevision',
          targetId: revision.id,
          changes: {
            evidenceId: evidence.id,
            educatorId: evidence.educatorId,
            decision: input.decision,
            reason: outcome.reason,
            from,
            to: outcome.resultingStatus,
          },
        },
        m,
      );
      await this.outbox.enqueue(
        m,
        { educatorId: evidence.educatorId },
        {
          kind: 'EVIDENCE_REVISION_DECIDED',
          evidenceTitle: evidence.title,
          decision: input.decision,
          reason: outcome.reason,
          decidedBy: actor.email,
          status: outcome.resultingStatus,
        },
      );
    });
    return input.id;
  }

  async revisionQueue(actor: Principal, args: { first: number; after?: string }): Promise<Page<EvidenceRevisionEntity>> {
    const offset = decodeCursor(args.after);
    const scope = isHr(actor) ? null : { accountId: actor.accountId, ownEducatorId: actor.educatorId, day: districtToday() };
    const [rows, total] = await this.repo.revisionQueue(this.db.manager, args.first, offset, scope);
    return toPage(rows, total, offset);
  }

  async revision(id: string): Promise<{ revision: EvidenceRevisionEntity; evidenceStatus: VerificationStatus }> {
    const revision = (await this.db.getRepository(EvidenceRevisionEntity).findOneBy({ id }))!;
    const evidence = (await this.repo.byId(revision.evidenceId))!;
    return { revision, evidenceStatus: evidence.verificationStatus as VerificationStatus };
  }

  /** The endorsement history of items, for a viewer who may see it (owner and HR); nothing for anyone else. */
  async endorsementsFor(
    viewer: Principal | null,
    items: ReadonlyArray<{ id: string; educatorId: string }>,
  ): Promise<EvidenceEndorsementEntity[]> {
    if (!viewer) return [];
    const visible = items.filter((e) => mayView(viewer, Subject.ENDORSEMENT_HISTORY, { own: viewer.educatorId === e.educatorId }));
    return this.repo.endorsementsByEvidenceIds(visible.map((e) => e.id));
  }

  /** Pending revisions of items, for their owner and HR. */
  async pendingRevisionsFor(
    viewer: Principal | null,
    items: ReadonlyArray<{ id: string; educatorId: string }>,
  ): Promise<EvidenceRevisionEntity[]> {
    if (!viewer) return [];
    const visible = items.filter((e) => isHr(viewer) || viewer.educatorId === e.educatorId);
    return this.repo.pendingRevisionsByEvidenceIds(visible.map((e) => e.id));
  }

  /**
   * HR, or an endorser whose buildings include the one the educator is assigned to today; never on one's own
   * evidence. `endorsing`: the endorser decision itself needs the ENDORSER persona even for HR.
   */
  private async assertMayDecide(m: EntityManager, actor: Principal, evidence: EvidenceEntity, endorsing: boolean): Promise<void> {
    const own = actor.educatorId !== null && actor.educatorId === evidence.educatorId;
    if (own) throw forbidden('Nobody can endorse or decide on their own evidence');
    const hrDecides = !endorsing && isHr(actor);
    const inEndorserScope =
      actor.personas.has(Persona.ENDORSER) &&
      (await this.repo.endorserBuildingFor(m, actor.accountId, evidence.educatorId, districtToday())) !== null;
    const facts = { own, inEndorserScope };
    const allowed = hrDecides
      ? mayView(actor, Subject.EVIDENCE_ENDORSEMENT, facts)
      : inEndorserScope && mayView({ ...actor, personas: new Set([Persona.ENDORSER]) }, Subject.EVIDENCE_ENDORSEMENT, facts);
    if (!allowed)
      throw forbidden("This educator is not assigned to one of your buildings today; only their building's endorsers or HR can decide");
  }
}
