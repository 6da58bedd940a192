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
 * Candidates with the same qualification and score are a tie: they share a rank number (see sharedRanks)
 * and the order inside the tie is this deterministic one.
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

/** Candidates tie when they share qualification and score; the tie-break rule orders them but does not part them. */
export const tiedWith = (a: Pick<Rankable, 'qualified' | 'score'>, b: Pick<Rankable, 'qualified' | 'score'>): boolean =>
  a.qualified === b.qualified && a.score === b.score;

export interface SharedRank {
  /** 1 + the number of candidates strictly ahead (qualified before unqualified, then higher score): "1, 2, 2, 4". */
  rank: number;
  /** Another candidate shares this rank. */
  tied: boolean;
}

/** Shared ranks for candidates already in ranked order. */
export function sharedRanks(ranked: readonly Pick<Rankable, 'qualified' | 'score'>[]): SharedRank[] {
  const out: SharedRank[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const rank = i > 0 && tiedWith(ranked[i - 1], ranked[i]) ? out[i - 1].rank : i + 1;
    out.push({
      rank,
      tied: (i > 0 && tiedWith(ranked[i - 1], ranked[i])) || (i + 1 < ranked.length && tiedWith(ranked[i], ranked[i + 1])),
    });
  }
  return out;
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
