import type { TieBreakRule } from './scoring-policy.js';

export interface Rankable {
  educatorId: string;
  qualified: boolean;
  score: number;
  requiredMet: number;
  metCount: number;
}

/**
 * The documented order: qualified before unqualified, then higher score; equal scores follow the policy's
 * tie-break rule and finally the educator id (a stable key with no meaning), so the order is total.
 */
export function compareCandidates(tieBreak: TieBreakRule): (a: Rankable, b: Rankable) => number {
  const byRequirements = tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID';
  return (a, b) => {
    if (a.qualified !== b.qualified) return a.qualified ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    if (byRequirements) {
      if (a.requiredMet !== b.requiredMet) return b.requiredMet - a.requiredMet;
      if (a.metCount !== b.metCount) return b.metCount - a.metCount;
    }
    return a.educatorId < b.educatorId ? -1 : a.educatorId > b.educatorId ? 1 : 0;
  };
}

/** Sorts in place and returns the same array. */
export function rankCandidates<T extends Rankable>(candidates: T[], tieBreak: TieBreakRule): T[] {
  return candidates.sort(compareCandidates(tieBreak));
}

/**
 * Overextension: active hybrid commitments at or above the threshold (role FTE, compared in hundredths
 * because FTE is stored with two decimals and float sums would drift).
 */
export function isOverextended(commitmentsFte: number, threshold: number): boolean {
  return Math.round(commitmentsFte * 100) >= Math.round(threshold * 100);
}
