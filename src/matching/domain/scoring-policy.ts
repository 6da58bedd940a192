import {
  SCORING_KINDS,
  SCORING_VARIANTS,
  VERIFICATION_STATUSES,
  type EvidenceRules,
  type ScoringKind,
  type ScoringVariant,
  type VerificationStatus,
} from './evidence-rules.js';

/**
 * How ties between equal scores are broken (after "qualified first" and "higher score first").
 * REQUIRED_MET_THEN_EDUCATOR_ID: more required requirements met, then more requirements met in all,
 * then the educator id (a stable, meaningless key). EDUCATOR_ID: the educator id alone.
 */
export const TIE_BREAK_RULES = ['REQUIRED_MET_THEN_EDUCATOR_ID', 'EDUCATOR_ID'] as const;
export type TieBreakRule = (typeof TIE_BREAK_RULES)[number];

export interface AgeingRule {
  /** Evidence loses half its weight every this many years; null switches ageing off. */
  halfLifeYears: number | null;
  /** Old evidence never counts for less than this share. */
  minimumFactor: number;
}

export interface ScoringPolicyValues {
  kindWeights: Record<ScoringKind, number>;
  verificationFactors: Record<VerificationStatus, number>;
  ageing: AgeingRule;
  attendanceCapLevel: number;
  /** Null: the deployment's OVEREXTENSION_FTE_THRESHOLD applies; a number here wins over it. */
  overextensionFteThreshold: number | null;
  tieBreak: TieBreakRule;
  /**
   * The lowest verification status that can meet a requirement. Less trusted evidence still earns its
   * (reduced) points and shows in explanations, but alone never meets a requirement, so it never qualifies.
   */
  qualifyingStatus: VerificationStatus;
}

/** A weight for every scoring kind, from the evidence kind registry. */
export function kindWeightsOf(weight: (v: ScoringVariant) => number): Record<ScoringKind, number> {
  return Object.fromEntries(SCORING_VARIANTS.map((v) => [v.scoringKind, weight(v)])) as Record<ScoringKind, number>;
}

/**
 * The weight a published version gives a kind it does not name. Versions are never changed, so a version
 * published before a kind existed does not name it: under that version the kind weighs nothing, which is
 * how the version ranked (no evidence of the kind could exist then), so its saved rankings replay unchanged.
 * The migration that adds a kind publishes the next version with the kind's default weight.
 */
export const WEIGHT_OF_A_KIND_A_VERSION_PREDATES = 0;

/** A stored version's weights, completed for kinds added after it was published. */
export function storedKindWeights(stored: Partial<Record<string, number>>): Record<ScoringKind, number> {
  return kindWeightsOf((v) => stored[v.scoringKind] ?? WEIGHT_OF_A_KIND_A_VERSION_PREDATES);
}

/** The policy the first migration publishes as version 1 (documented in the README in plain words). */
export const DEFAULT_SCORING_POLICY: ScoringPolicyValues = {
  kindWeights: kindWeightsOf((v) => v.defaultWeight),
  verificationFactors: { VERIFIED: 1, ENDORSED: 0.75, SELF_REPORTED: 0.4 },
  ageing: { halfLifeYears: 5, minimumFactor: 0.25 },
  attendanceCapLevel: 1,
  overextensionFteThreshold: null,
  tieBreak: 'REQUIRED_MET_THEN_EDUCATOR_ID',
  qualifyingStatus: 'ENDORSED',
};

const inRange = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** Everything wrong with a policy, as sentences; empty when it may be published. */
export function policyProblems(p: ScoringPolicyValues): string[] {
  const problems: string[] = [];
  for (const kind of SCORING_KINDS) {
    if (!inRange(p.kindWeights?.[kind], 0, 1)) problems.push(`kind weight ${kind} must be between 0 and 1`);
  }
  for (const status of VERIFICATION_STATUSES) {
    const v = p.verificationFactors?.[status];
    if (!inRange(v, 0, 1) || v === 0) problems.push(`verification factor ${status} must be above 0 and at most 1`);
  }
  const f = p.verificationFactors;
  if (f && !(f.VERIFIED > f.ENDORSED && f.ENDORSED > f.SELF_REPORTED)) {
    problems.push('verification factors must rank verified above endorsed above self-reported');
  }
  if (p.ageing?.halfLifeYears !== null && !inRange(p.ageing?.halfLifeYears, 0.5, 100)) {
    problems.push('ageing half-life must be between 0.5 and 100 years, or null for no ageing');
  }
  if (!inRange(p.ageing?.minimumFactor, 0, 1)) problems.push('ageing minimum factor must be between 0 and 1');
  if (!Number.isInteger(p.attendanceCapLevel) || !inRange(p.attendanceCapLevel, 0, 10)) {
    problems.push('attendance cap level must be a whole number from 0 to 10');
  }
  if (p.overextensionFteThreshold !== null && (!inRange(p.overextensionFteThreshold, 0, 1) || p.overextensionFteThreshold === 0)) {
    problems.push('overextension FTE threshold must be above 0 and at most 1, or null for the deployment default');
  }
  if (!VERIFICATION_STATUSES.includes(p.qualifyingStatus))
    problems.push(`qualifying status must be one of ${VERIFICATION_STATUSES.join(', ')}`);
  if (!TIE_BREAK_RULES.includes(p.tieBreak)) problems.push(`tie-break must be one of ${TIE_BREAK_RULES.join(', ')}`);
  return problems;
}

export function evidenceRulesOf(p: Pick<ScoringPolicyValues, 'attendanceCapLevel'>): EvidenceRules {
  return { attendanceCapLevel: p.attendanceCapLevel };
}

export function effectiveOverextensionThreshold(
  p: Pick<ScoringPolicyValues, 'overextensionFteThreshold'>,
  deploymentDefault: number,
): number {
  return p.overextensionFteThreshold ?? deploymentDefault;
}
