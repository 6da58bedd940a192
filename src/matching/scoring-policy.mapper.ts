import { NON_AGEING_KINDS, SCORING_VARIANTS } from './domain/evidence-rules.js';
import { effectiveOverextensionThreshold, storedKindWeights, type ScoringPolicyValues } from './domain/scoring-policy.js';
import type { EvidenceKindWeightsModel, RankingTieBreak, ScoringPolicyModel } from './models/scoring-policy.model.js';
import type { VerificationStatus as VerificationStatusEnum } from '../evidence/models/evidence-enums.js';
import type { ScoringPolicyEntity } from './scoring-policy.entity.js';

export function policyValuesOf(p: ScoringPolicyEntity): ScoringPolicyValues {
  return {
    kindWeights: storedKindWeights(p.kindWeights),
    verificationFactors: { ...p.verificationFactors },
    ageing: { halfLifeYears: p.ageingHalfLifeYears, minimumFactor: p.ageingMinimumFactor },
    attendanceCapLevel: p.attendanceCapLevel,
    overextensionFteThreshold: p.overextensionFteThreshold,
    tieBreak: p.tieBreak,
    qualifyingStatus: p.qualifyingStatus,
  };
}

export function toScoringPolicyModel(p: ScoringPolicyEntity, deploymentThreshold: number): ScoringPolicyModel {
  const w = storedKindWeights(p.kindWeights);
  const f = p.verificationFactors;
  return {
    id: p.id,
    version: p.version,
    current: p.isCurrent,
    kindWeights: Object.fromEntries(SCORING_VARIANTS.map((v) => [v.weightField, w[v.scoringKind]])) as unknown as EvidenceKindWeightsModel,
    verificationFactors: { verified: f.VERIFIED, endorsed: f.ENDORSED, selfReported: f.SELF_REPORTED },
    ageing: { halfLifeYears: p.ageingHalfLifeYears, minimumFactor: p.ageingMinimumFactor, exemptKinds: [...NON_AGEING_KINDS] },
    attendanceCapLevel: p.attendanceCapLevel,
    overextensionFteThreshold: p.overextensionFteThreshold,
    effectiveOverextensionFteThreshold: effectiveOverextensionThreshold(p, deploymentThreshold),
    tieBreak: p.tieBreak as RankingTieBreak,
    qualifyingStatus: p.qualifyingStatus as VerificationStatusEnum,
    notes: p.notes,
    publishedAt: p.publishedAt,
    publishedBy: p.publishedByEmail,
  };
}
