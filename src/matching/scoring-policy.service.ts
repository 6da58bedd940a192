import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, notFound } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { policyProblems, type ScoringPolicyValues } from './domain/scoring-policy.js';
import type { PublishScoringPolicyInput } from './dto/scoring-policy.input.js';
import { policyValuesOf } from './scoring-policy.mapper.js';
import { ScoringPolicyEntity } from './scoring-policy.entity.js';

/** The scoring policy in force, read through `manager` (so inside its transaction when it has one). */
export async function currentPolicyIn(manager: EntityManager): Promise<ScoringPolicyEntity> {
  const found = await manager.getRepository(ScoringPolicyEntity).findOne({ where: { isCurrent: true } });
  if (!found) throw notFound('Current scoring policy');
  return found;
}

/** Reads and publishes scoring policy versions. Exported for hiring and reports (`current()`). */
@Injectable()
export class ScoringPolicyService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The version in force (the migration publishes version 1, so there always is one). */
  current(manager: EntityManager = this.db.manager): Promise<ScoringPolicyEntity> {
    return currentPolicyIn(manager);
  }

  async byVersion(version?: number | null): Promise<ScoringPolicyEntity> {
    if (version === undefined || version === null) return this.current();
    const found = await this.db.getRepository(ScoringPolicyEntity).findOne({ where: { version } });
    if (!found) throw notFound('Scoring policy version', String(version));
    return found;
  }

  async byId(id: string, manager: EntityManager = this.db.manager): Promise<ScoringPolicyEntity> {
    const found = await manager.getRepository(ScoringPolicyEntity).findOne({ where: { id } });
    if (!found) throw notFound('Scoring policy', id);
    return found;
  }

  /** Newest first. */
  async list(first: number, after?: string): Promise<Page<ScoringPolicyEntity>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.db.getRepository(ScoringPolicyEntity).findAndCount({ order: { version: 'DESC' }, skip: offset, take: first });
    return toPage(rows, total, offset);
  }

  async publish(actor: Principal, input: PublishScoringPolicyInput): Promise<ScoringPolicyEntity> {
    return this.db.transaction(async (m) => {
      // Locking the current row serialises publishers; a second one waiting here finds no current row left and gets CONFLICT.
      const current = await m.getRepository(ScoringPolicyEntity).findOne({ where: { isCurrent: true }, lock: { mode: 'pessimistic_write' } });
      if (!current || current.version !== input.basedOnVersion) {
        throw conflict(`The scoring policy is at version ${current?.version ?? '?'}, not ${input.basedOnVersion}; reload it and publish again`);
      }
      const next = mergePolicy(policyValuesOf(current), input);
      const problems = policyProblems(next);
      if (problems.length) throw badInput(`The policy is not valid: ${problems.join('; ')}`, { problems });
      await m.getRepository(ScoringPolicyEntity).update({ id: current.id }, { isCurrent: false });
      const saved = await m.getRepository(ScoringPolicyEntity).save(
        m.getRepository(ScoringPolicyEntity).create({
          version: current.version + 1,
          isCurrent: true,
          kindWeights: next.kindWeights,
          verificationFactors: next.verificationFactors,
          ageingHalfLifeYears: next.ageing.halfLifeYears,
          ageingMinimumFactor: next.ageing.minimumFactor,
          attendanceCapLevel: next.attendanceCapLevel,
          overextensionFteThreshold: next.overextensionFteThreshold,
          tieBreak: next.tieBreak,
          qualifyingStatus: next.qualifyingStatus,
          notes: input.notes ?? '',
          publishedByAccountId: actor.accountId,
          publishedByEmail: actor.email,
        }),
      );
      await this.audit.record(actor, {
        action: 'SCORING_POLICY_PUBLISHED',
        targetType: 'ScoringPolicy',
        targetId: saved.id,
        changes: { version: saved.version, basedOnVersion: current.version, from: policyValuesOf(current), to: next },
      }, m);
      return m.getRepository(ScoringPolicyEntity).findOneByOrFail({ id: saved.id });
    });
  }
}

/** The current values with the input's provided fields laid over them (null where null is meaningful). */
export function mergePolicy(base: ScoringPolicyValues, input: PublishScoringPolicyInput): ScoringPolicyValues {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const w = input.kindWeights ?? {};
  const f = input.verificationFactors ?? {};
  const a = input.ageing ?? {};
  const kw = base.kindWeights;
  const vf = base.verificationFactors;
  return {
    kindWeights: {
      PILOT_LEAD: pick(w.pilotLead, kw.PILOT_LEAD),
      PILOT_CO_LEAD: pick(w.pilotCoLead, kw.PILOT_CO_LEAD),
      PILOT_MEMBER: pick(w.pilotMember, kw.PILOT_MEMBER),
      PROFESSIONAL_LEARNING: pick(w.professionalLearning, kw.PROFESSIONAL_LEARNING),
      CERTIFICATION: pick(w.certification, kw.CERTIFICATION),
      PRESENTATION: pick(w.presentation, kw.PRESENTATION),
      ARTIFACT: pick(w.artifact, kw.ARTIFACT),
      COURSE: pick(w.course, kw.COURSE),
    },
    verificationFactors: {
      VERIFIED: pick(f.verified, vf.VERIFIED),
      ENDORSED: pick(f.endorsed, vf.ENDORSED),
      SELF_REPORTED: pick(f.selfReported, vf.SELF_REPORTED),
    },
    ageing: {
      halfLifeYears: pick(a.halfLifeYears, base.ageing.halfLifeYears),
      minimumFactor: pick(a.minimumFactor, base.ageing.minimumFactor),
    },
    attendanceCapLevel: pick(input.attendanceCapLevel ?? undefined, base.attendanceCapLevel),
    overextensionFteThreshold: pick(input.overextensionFteThreshold, base.overextensionFteThreshold),
    tieBreak: pick(input.tieBreak ?? undefined, base.tieBreak),
    qualifyingStatus: pick(input.qualifyingStatus ?? undefined, base.qualifyingStatus),
  };
}
