import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isHr, type Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { badInput, forbidden, notFound, staleVersion } from '../common/app-error.js';
import { checkClaims, type ClaimInput } from './domain/claims.js';
import { applyDetails, NO_DETAILS } from './domain/details.js';
import { VerificationStatus } from './domain/evidence-kind.js';
import { checkCommonFields } from './domain/fields.js';
import { assertRestorable, editMessage, editWaitsForReview } from './domain/trust.js';
import { changeVerification, SELF_REPORTED } from './domain/verification.js';
import type { CreateEvidenceInput, DeleteEvidenceInput, SetEvidenceVerificationInput, UpdateEvidenceInput } from './dto/evidence.input.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceRevisionEntity } from './evidence-revision.entity.js';
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
      const claims = checkClaims(
        input.claims,
        await this.repo.competencyFacts(
          m,
          input.claims.map((c) => c.competencyId),
        ),
      );
      const saved = await m
        .getRepository(EvidenceEntity)
        .save(m.getRepository(EvidenceEntity).create({ educatorId, kind: input.kind, ...common, ...details, ...SELF_REPORTED }));
      await this.repo.insertClaims(m, saved.id, claims);
      await this.audit.record(
        actor,
        {
          action: 'EVIDENCE_CREATED',
          targetType: 'Evidence',
          targetId: saved.id,
          changes: { educatorId, kind: input.kind, title: common.title, claims },
        },
        m,
      );
      return this.reload(m, saved.id);
    });
  }

  /**
   * Kind is fixed at creation: a different kind is a different item (delete and re-create), which keeps
   * verification honest. Details and claims given here are re-checked against the item's kind.
   *
   * An owner's edit of endorsed or verified evidence does not touch the trusted version: it is stored as the
   * item's pending revision (replacing an earlier pending one) until HR or an in-scope endorser decides it, and the
   * item's version moves on so concurrent edits are refused. Edits of self-reported items, and HR's edits, apply.
   */
  async update(actor: Principal, input: UpdateEvidenceInput): Promise<EvidenceEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockOwnOrHr(m, actor, input.id, input.version);
      const { next, changes, claims } = await this.edit(m, current, input);
      if (!Object.keys(changes).length) return current;

      const owner = actor.educatorId === current.educatorId;
      if (editWaitsForReview(current.verificationStatus as VerificationStatus, owner)) {
        await this.proposeRevision(m, actor, current, changes, claims);
        return this.reload(m, current.id);
      }
      const set = Object.fromEntries(
        Object.keys(changes)
          .filter((k) => k !== 'claims')
          .map((k) => [k, next[k]]),
      );
      // update() bumps version and updated_at even when only the claims changed.
      await m.getRepository(EvidenceEntity).update({ id: current.id }, set);
      if (claims) await this.repo.replaceClaims(m, current.id, claims);
      await this.audit.record(actor, { action: 'EVIDENCE_UPDATED', targetType: 'Evidence', targetId: current.id, changes }, m);
      return this.reload(m, current.id);
    });
  }

  /** What `update` would do with this input, without writing anything: the changed fields and whether they wait for review. */
  async preview(
    actor: Principal,
    input: UpdateEvidenceInput,
  ): Promise<{ changedFields: string[]; needsReverification: boolean; currentStatus: VerificationStatus; message: string }> {
    return this.db.transaction(async (m) => {
      const current = await this.readOwnOrHr(m, actor, input.id, input.version, false);
      const { changes } = await this.edit(m, current, input);
      const changedFields = Object.keys(changes);
      const status = current.verificationStatus as VerificationStatus;
      const waits = changedFields.length > 0 && editWaitsForReview(status, actor.educatorId === current.educatorId);
      return { changedFields, needsReverification: waits, currentStatus: status, message: editMessage(status, changedFields, waits) };
    });
  }

  /** The checked new field values and claims of an edit, and what differs from the stored item. */
  private async edit(
    m: EntityManager,
    current: EvidenceEntity,
    input: UpdateEvidenceInput,
  ): Promise<{ next: Record<string, unknown>; changes: Changes; claims?: ClaimInput[] }> {
    const next: Record<string, unknown> = {
      ...checkCommonFields({
        title: pick(input.title, current.title),
        description: pick(input.description, current.description),
        url: pick(input.url, current.url),
        startedOn: pick(input.startedOn, current.startedOn),
        endedOn: pick(input.endedOn, current.endedOn),
      }),
      ...applyDetails(current.kind, detailsOf(current), input),
    };
    const changes: Changes = {};
    for (const [key, to] of Object.entries(next)) {
      const from = (current as unknown as Record<string, unknown>)[key];
      if (from !== to) changes[key] = { from, to };
    }
    const claims = input.claims === undefined ? undefined : await this.checkedClaims(m, current.id, input.claims, changes);
    return { next, changes, claims };
  }

  private async proposeRevision(
    m: EntityManager,
    actor: Principal,
    current: EvidenceEntity,
    changes: Changes,
    claims: ClaimInput[] | undefined,
  ): Promise<void> {
    const repo = m.getRepository(EvidenceRevisionEntity);
    const [pending] = await this.repo.pendingRevisionsByEvidenceIds([current.id], m);
    const values = { changes, claims: changes.claims ? claims! : null, changedFields: Object.keys(changes), proposedByEmail: actor.email };
    let id: string;
    if (pending) {
      await repo.update({ id: pending.id }, { ...values, proposedAt: new Date(), version: pending.version + 1 } as never);
      id = pending.id;
    } else {
      id = (await repo.save(repo.create({ ...values, evidenceId: current.id, educatorId: current.educatorId, status: 'PENDING' }))).id;
    }
    // The trusted item stays as it is; only its version moves, so an edit made from a stale read is refused.
    await m.query('UPDATE evidence SET version = version + 1 WHERE id = $1', [current.id]);
    await this.audit.record(
      actor,
      {
        action: 'EVIDENCE_REVISION_PROPOSED',
        targetType: 'EvidenceRevision',
        targetId: id,
        changes: { evidenceId: current.id, status: current.verificationStatus, replaced: !!pending, changes },
      },
      m,
    );
  }

  /** Archives the item (soft delete): it stops counting everywhere at once; its owner may restore it for 30 days. */
  async delete(actor: Principal, input: DeleteEvidenceInput): Promise<string> {
    return this.db.transaction(async (m) => {
      const current = await this.lockOwnOrHr(m, actor, input.id, input.version);
      await m.getRepository(EvidenceEntity).update({ id: current.id }, { deletedAt: new Date() });
      await this.audit.record(
        actor,
        {
          action: 'EVIDENCE_ARCHIVED',
          targetType: 'Evidence',
          targetId: current.id,
          changes: {
            educatorId: current.educatorId,
            kind: current.kind,
            title: current.title,
            verificationStatus: current.verificationStatus,
          },
        },
        m,
      );
      return current.id;
    });
  }

  /** The owner brings an archived item back within the restore window; after it the item is NOT_FOUND. */
  async restore(actor: Principal, input: { id: string; version: number }): Promise<EvidenceEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.repo.lockForWrite(m, input.id);
      if (!current || actor.educatorId === null || actor.educatorId !== current.educatorId) throw notFound('Evidence', input.id);
      assertRestorable(current.id, current.deletedAt, new Date());
      if (current.version !== input.version) throw staleVersion('This evidence');
      await m.getRepository(EvidenceEntity).update({ id: current.id }, { deletedAt: null });
      await this.audit.record(
        actor,
        {
          action: 'EVIDENCE_RESTORED',
          targetType: 'Evidence',
          targetId: current.id,
          changes: { educatorId: current.educatorId, title: current.title, archivedAt: current.deletedAt },
        },
        m,
      );
      return this.reload(m, current.id);
    });
  }

  async setVerification(actor: Principal, input: SetEvidenceVerificationInput): Promise<EvidenceEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockOwnOrHr(m, actor, input.id, input.version);
      const from = current.verificationStatus;
      await this.applyVerification(m, actor, current, input.status, { note: input.note ?? null });
      if (from !== input.status) {
        await this.outbox.enqueue(
          m,
          { educatorId: current.educatorId },
          { kind: 'EVIDENCE_STATUS_CHANGED', evidenceTitle: current.title, from, to: input.status, note: input.note ?? null },
        );
      }
      return this.reload(m, current.id);
    });
  }

  /** Sets a locked item's verification status in the caller's transaction, audited; never on one's own evidence. */
  async applyVerification(
    m: EntityManager,
    actor: Principal,
    current: EvidenceEntity,
    to: VerificationStatus,
    details: Record<string, unknown>,
  ): Promise<void> {
    if (actor.educatorId === current.educatorId)
      throw forbidden('Nobody can endorse or verify their own evidence; ask another HR colleague');
    const from = current.verificationStatus as VerificationStatus;
    const { action, ...state } = changeVerification(from, to, actor.email, new Date());
    await m.getRepository(EvidenceEntity).update({ id: current.id }, state);
    await this.audit.record(actor, { action, targetType: 'Evidence', targetId: current.id, changes: { from, to, ...details } }, m);
  }

  /** Checks a replacement claim set and notes it in `changes` when it differs from the stored one. */
  private async checkedClaims(m: EntityManager, evidenceId: string, requested: ClaimInput[], changes: Changes): Promise<ClaimInput[]> {
    const stored = await this.repo.claimsByEvidenceIds([evidenceId], m);
    const existing = new Map(stored.map((c) => [c.competencyId, c.level]));
    const claims = checkClaims(
      requested,
      await this.repo.competencyFacts(
        m,
        requested.map((c) => c.competencyId),
      ),
      existing,
    );
    const key = (list: ClaimInput[]) =>
      list
        .map((c) => `${c.competencyId}:${c.level}`)
        .sort()
        .join(',');
    const before = stored.map((c) => ({ competencyId: c.competencyId, level: c.level }));
    if (key(before) !== key(claims)) changes.claims = { from: before, to: claims };
    return claims;
  }

  /**
   * Only HR and the item's owner may write it; to anyone else, and once archived, it does not exist. Then the
   * version must match.
   */
  private lockOwnOrHr(m: EntityManager, actor: Principal, id: string, version: number): Promise<EvidenceEntity> {
    return this.readOwnOrHr(m, actor, id, version, true);
  }

  private async readOwnOrHr(m: EntityManager, actor: Principal, id: string, version: number, lock: boolean): Promise<EvidenceEntity> {
    const current = lock ? await this.repo.lockForWrite(m, id) : await this.repo.byId(id, m);
    if (!current || current.deletedAt || !(isHr(actor) || (actor.educatorId !== null && actor.educatorId === current.educatorId)))
      throw notFound('Evidence', id);
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
