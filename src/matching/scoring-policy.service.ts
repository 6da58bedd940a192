import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, CommonReason, conflict } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { kindWeightsOf, policyProblems, type ScoringPolicyValues } from './domain/scoring-policy.js';
import type { PublishScoringPolicyInput } from './dto/scoring-policy.input.js';
import { policyValuesOf } from './scoring-policy.mapper.js';
import type { ScoringPolicyEntity } from './scoring-policy.entity.js';
import { ScoringPolicyRepository } from './scoring-policy.repository.js';

/** Reads and publishes scoring policy versions. Exported for hiring and reports (`current()`). */
@Injectable()
export class ScoringPolicyService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ScoringPolicyRepository,
    private readonly audit: AuditService,
  ) {}

  /** The version in force (the migration publishes version 1, so there always is one). */
  current(manager?: EntityManager): Promise<ScoringPolicyEntity> {
    return this.repo.current(manager);
  }

  async byVersion(version?: number | null): Promise<ScoringPolicyEntity> {
    if (version === undefined || version === null) return this.repo.current();
    return this.repo.byVersion(version);
  }

  byId(id: string, manager?: EntityManager): Promise<ScoringPolicyEntity> {
    return this.repo.byId(id, manager);
  }

  /** Newest first. */
  async list(first: number, after?: string): Promise<Page<ScoringPolicyEntity>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.repo.list(first, offset);
    return toPage(rows, total, offset);
  }

  async publish(actor: Principal, input: PublishScoringPolicyInput): Promise<ScoringPolicyEntity> {
    return this.db.transaction(async (m) => {
      // Locking the current row serialises publishers; a second one waiting here finds no current row left and gets CONFLICT.
      const current = await this.repo.findCurrent(m, true);
      if (!current || current.version !== input.basedOnVersion) {
        throw conflict(
          `The scoring policy is at version ${current?.version ?? '?'}, not ${input.basedOnVersion}; reload it and publish again`,
          CommonReason.STALE_VERSION,
        );
      }
      const next = mergePolicy(policyValuesOf(current), input);
      const problems = policyProblems(next);
      if (problems.length) throw badInput(`The policy is not valid: ${problems.join('; ')}`, { problems });
      const saved = await this.repo.replaceCurrent(m, current, {
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
      });
      await this.audit.record(
        actor,
        {
          action: 'SCORING_POLICY_PUBLISHED',
          targetType: 'ScoringPolicy',
          targetId: saved.id,
          changes: { version: saved.version, basedOnVersion: current.version, from: policyValuesOf(current), to: next },
        },
        m,
      );
      return saved;
    });
  }
}

/** The current values with the input's provided fields laid over them (null where null is meaningful). */
export function mergePolicy(base: ScoringPolicyValues, input: PublishScoringPolicyInput): ScoringPolicyValues {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const w = input.kindWeights ?? {};
  const f = input.verificationFactors ?? {};
  const a = input.ageing ?? {};
  const vf = base.verificationFactors;
  return {
    kindWeights: kindWeightsOf((v) => pick((w as Partial<Record<string, number>>)[v.weightField], base.kindWeights[v.scoringKind])),
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
