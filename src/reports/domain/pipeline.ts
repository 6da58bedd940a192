import {
  evidenceKindOf,
  maxLevelShownBy,
  SCORING_KINDS,
  type EvidenceKind,
  type EvidenceRules,
  type PilotPart,
  type ScoringKind,
} from '../../matching/domain/evidence-rules.js';

/**
 * The development pipeline: who is exactly one level short of a target, and what would get them there.
 * The level an evidence kind can show comes from the matching rules (`maxLevelShownBy`), so attendance
 * can never be advised for a target above the policy's attendance cap.
 */

export interface PipelineCounts {
  /** Educators already at or above the target. */
  atOrAboveTarget: number;
  /** Educators at exactly target - 1 (for target 1: those with nothing that counts). */
  oneLevelShort: number;
  /** Educators two or more levels short. */
  furtherShort: number;
}

/**
 * Splits a building's (or the district's) staff by distance to the target, from the number of educators
 * at each exact demonstrated level >= 1; everyone on staff not in the map is at level 0.
 */
export function pipelineCounts(countsByLevel: ReadonlyMap<number, number>, staff: number, targetLevel: number): PipelineCounts {
  let atOrAboveTarget = 0;
  let oneLevelShort = 0;
  let withEvidence = 0;
  for (const [level, n] of countsByLevel) {
    withEvidence += n;
    if (level >= targetLevel) atOrAboveTarget += n;
    else if (level === targetLevel - 1) oneLevelShort += n;
  }
  const levelZero = staff - withEvidence;
  if (levelZero < 0) throw new RangeError(`More educators with evidence (${withEvidence}) than on staff (${staff})`);
  if (targetLevel === 1) oneLevelShort += levelZero;
  return { atOrAboveTarget, oneLevelShort, furtherShort: staff - atOrAboveTarget - oneLevelShort };
}

export interface ClosingEvidence {
  scoringKind: ScoringKind;
  kind: EvidenceKind;
  pilotPart: PilotPart | null;
  /** The level the new evidence must claim (the target). */
  level: number;
}

/**
 * The evidence that would close a one-level gap to `targetLevel`: a new item of a kind able to show the
 * target, claiming it. Strongest kinds first (the scoring policy's order). Empty only if no kind can.
 */
export function closingEvidence(targetLevel: number, rules: EvidenceRules): ClosingEvidence[] {
  return SCORING_KINDS.filter((k) => maxLevelShownBy(k, rules) >= targetLevel).map((scoringKind) => ({
    scoringKind,
    ...evidenceKindOf(scoringKind),
    level: targetLevel,
  }));
}
