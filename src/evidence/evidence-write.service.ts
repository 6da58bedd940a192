import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isHr, type Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { badInput, forbidden, notFound, staleVersion } from '../common/app-error.js';
import { checkClaims, type ClaimInput } from './domain/claims.js';
import { applyDetails, NO_DETAILS } from './domain/details.js';
import { VerificationStatus, type EvidenceKind } from './domain/evidence-kind.js';
import { checkCommonFields } from './domain/fields.js';
import { changeVerification, SELF_REPORTED, verificationAfterEdit } from './domain/verification.js';
import type { CreateEvidenceInput, DeleteEvidenceInput, SetEvidenceVerificationInput, UpdateEvidenceInput } from './dto/evidence.input.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceEntity } from './evidence.entity.js';
import { detailsOf } from './evidence.mapper.js';

type Changes = Record<string, { from: unknown; to: unknown }>;

/** Undefined keeps the current value; anything else (null included) replaces it. */
const pick = <T>(next: T | undefined, current: T): T => (next === undefined ? current : next);

/**
 * Writing evidence. Every use case runs in one transaction that locks the row first, so the version check,
 * the write and its audit entry commit together or not at all.
 */
@Injectable()
export class EvidenceWriteService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: EvidenceRepository,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async create(actor: Principal, input: CreateEvidenceInput): Promise<EvidenceEntity> {
    const educatorId = ownerFor(actor, input.educatorId ?? undefined);
    const common = checkCommonFields(input);
    const details = applyDetails(input.kind, NO_DETAILS, input);
    return this.db.transaction(async (m) => {
      if (!(await this.repo.educatorExists(m, educatorId))) throw notFound('Educator', educatorId);
      const claims = checkClaims(input.claims, await this.repo.competencyFacts(m, input.claims.map((c) => c.competencyId)));
      const saved = await m.getRepository(EvidenceEntity).save(
        m.getRepository(EvidenceEntity).create({ educatorId, kind: input.kind, ...common, ...details, ...SELF_REPORTED }),
      );
      await this.repo.insertClaims(m, saved.id, claims);
      await this.audit.record(actor, {
        action: 'EVIDENCE_CREATED', targetType: 'Evidence', targetId: saved.id,
        changes: { educatorId, kind: input.kind, title: common.title, claims },
      }, m);
      return this.reload(m, saved.id);
    });
  }

  /**
   * Kind is fixed at creation: a different kind is a different item (delete and re-create), which keeps
   * verification honest. Details and claims given here are re-checked against the item's kind.
   */
  async update(actor: Principal, input: UpdateEvidenceInput): Promise<EvidenceEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockOwnOrHr(m, actor, input.id, input.version);
      const kind = current.kind;
      const next: Record<string, unknown> = {
        ...checkCommonFields({
          title: pick(input.title, current.title),
          description: pick(input.description, current.description),
          url: pick(input.url, current.url),
          startedOn: pick(input.startedOn, current.startedOn),
          endedOn: pick(input.endedOn, current.endedOn),
        }),
        ...applyDetails(kind, detailsOf(current), input),
      };
      const changes: Changes = {};
      for (const [key, to] of Object.entries(next)) {
        const from = (current as unknown as Record<string, unknown>)[key];
        if (from !== to) changes[key] = { from, to };
      }
      const claims = input.claims === undefined ? undefined : await this.checkedClaims(m, current.id, input.claims, changes);
      if (!Object.keys(changes).length) return current;

      const owner = actor.educatorId === current.educatorId;
      const verification = verificationAfterEdit(stateOf(current), owner);
      const set = Object.fromEntries(Object.keys(changes).filter((k) => k !== 'claims').map((k) => [k, next[k]]));
      // update() bumps version and updated_at even when only the claims changed.
      await m.getRepository(EvidenceEntity).update({ id: current.id }, { ...set, ...verification });
      if (claims) await this.repo.replaceClaims(m, current.id, claims);
      await this.audit.record(actor, { action: 'EVIDENCE_UPDATED', targetType: 'Evidence', targetId: current.id, changes }, m);
      if (verification.verificationStatus !== current.verificationStatus) {
        await this.audit.record(actor, {
          action: 'EVIDENCE_UNVERIFIED', targetType: 'Evidence', targetId: current.id,
          changes: { from: current.verificationStatus, to: verification.verificationStatus, note: 'Edited by its owner after review' },
        }, m);
      }
      return this.reload(m, current.id);
    });
  }

  async delete(actor: Principal, input: DeleteEvidenceInput): Promise<string> {
    return this.db.transaction(async (m) => {
      const current = await this.lockOwnOrHr(m, actor, input.id, input.version);
      await m.delete(EvidenceEntity, { id: current.id });
      await this.audit.record(actor, {
        action: 'EVIDENCE_DELETED', targetType: 'Evidence', targetId: current.id,
        changes: { educatorId: current.educatorId, kind: current.kind, title: current.title, verificationStatus: current.verificationStatus },
      }, m);
      return current.id;
    });
  }

  async setVerification(actor: Principal, input: SetEvidenceVerificationInput): Promise<EvidenceEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockOwnOrHr(m, actor, input.id, input.version);
      const from = current.verificationStatus;
      await this.applyVerification(m, actor, current, input.status, { note: input.note ?? null });
      if (from !== input.status) {
        await this.outbox.enqueue(m, { educatorId: current.educatorId }, { kind: 'EVIDENCE_STATUS_CHANGED', evidenceTitle: current.title, from, to: input.status, note: input.note ?? null });
      }
      return this.reload(m, current.id);
    });
  }

  /** Sets a locked item's verification status in the caller's transaction, audited; never on one's own evidence. */
  async applyVerification(m: EntityManager, actor: Principal, current: EvidenceEntity, to: VerificationStatus, details: Record<string, unknown>): Promise<void> {
    if (actor.educatorId === current.educatorId) throw forbidden('Nobody can endorse or verify their own evidence; ask another HR colleague');
    const from = current.verificationStatus as VerificationStatus;
    const { action, ...state } = changeVerification(from, to, actor.email, new Date());
    await m.getRepository(EvidenceEntity).update({ id: current.id }, state);
    await this.audit.record(actor, { action, targetType: 'Evidence', targetId: current.id, changes: { from, to, ...details } }, m);
  }

  /** Checks a replacement claim set and notes it in `changes` when it differs from the stored one. */
  private async checkedClaims(m: EntityManager, evidenceId: string, requested: ClaimInput[], changes: Changes): Promise<ClaimInput[]> {
    const stored = await this.repo.claimsByEvidenceIds([evidenceId], m);
    const existing = new Map(stored.map((c) => [c.competencyId, c.level]));
    const claims = checkClaims(requested, await this.repo.competencyFacts(m, requested.map((c) => c.competencyId)), existing);
    const key = (list: ClaimInput[]) => list.map((c) => `${c.competencyId}:${c.level}`).sort().join(',');
    const before = stored.map((c) => ({ competencyId: c.competencyId, level: c.level }));
    if (key(before) !== key(claims)) changes.claims = { from: before, to: claims };
    return claims;
  }

  /** Only HR and the item's owner may write it; to anyone else it does not exist. Then the version must match. */
  private async lockOwnOrHr(m: EntityManager, actor: Principal, id: string, version: number): Promise<EvidenceEntity> {
    const current = await this.repo.lockForWrite(m, id);
    if (!current || !(isHr(actor) || (actor.educatorId !== null && actor.educatorId === current.educatorId))) throw notFound('Evidence', id);
    if (current.version !== version) throw staleVersion('This evidence');
    return current;
  }

  private async reload(m: EntityManager, id: string): Promise<EvidenceEntity> {
    return (await this.repo.byId(id, m))!;
  }
}

/** Educators add to their own portfolio; HR adds to anyone's and must then say whose. */
function ownerFor(actor: Principal, requested: string | undefined): string {
  if (isHr(actor)) {
    const educatorId = requested ?? actor.educatorId;
    if (!educatorId) throw badInput('Give educatorId: whose evidence is this?');
    return educatorId;
  }
  // The policy admits this account; what is missing is the profile the evidence would belong to.
  if (!actor.educatorId) throw notFound('The educator profile linked to this account');
  if (requested && requested !== actor.educatorId) throw notFound('Educator', requested);
  return actor.educatorId;
}

function stateOf(e: EvidenceEntity) {
  return { verificationStatus: e.verificationStatus, verifiedBy: e.verifiedBy, verifiedAt: e.verifiedAt };
}
