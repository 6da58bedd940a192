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

/** tiedWith for the candidates at positions a and b of columns. */
export const tiedAt = (c: { readonly qualified: ArrayLike<number>; readonly scores: ArrayLike<number> }, a: number, b: number): boolean =>
  !c.qualified[a] === !c.qualified[b] && c.scores[a] === c.scores[b];

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

const POSITION_SCALE = 2 ** 21;
const MAX_PACKED_SCORE = 2 ** 21 - 1;

/**
 * Candidates as columns (position i in each), as a whole ranking arrives from the database: no object per candidate.
 * `compareIds` compares the educator ids at two positions (negative, zero, positive), in the same order as the ids'
 * text (a UUID's lower-case text and its bytes sort alike).
 */
export interface RankingColumns {
  readonly length: number;
  readonly qualified: ArrayLike<number>;
  readonly scores: ArrayLike<number>;
  readonly requiredMet: ArrayLike<number>;
  readonly metCount: ArrayLike<number>;
  compareIds(i: number, j: number): number;
}

/** Positions of `candidates` in ranked order (compareCandidates); see rankedPositionsOf. */
export function rankedPositions(candidates: readonly Rankable[], tieBreak: TieBreakRule): Uint32Array {
  return rankedPositionsOf(
    {
      length: candidates.length,
      qualified: candidates.map((c) => (c.qualified ? 1 : 0)),
      scores: candidates.map((c) => c.score),
      requiredMet: candidates.map((c) => c.requiredMet),
      metCount: candidates.map((c) => c.metCount),
      compareIds: (i, j) => {
        const a = candidates[i].educatorId;
        const b = candidates[j].educatorId;
        return a < b ? -1 : a > b ? 1 : 0;
      },
    },
    tieBreak,
  );
}

/**
 * Positions in ranked order (compareCandidates). When the candidates come in ascending educator id order (the
 * ranking statement returns them so), each packs into one exact number, qualification, score and the tie-break
 * counts first and its position (its id's place) last, and a native numeric sort orders them: no comparator calls
 * and no garbage, several times cheaper than sorting objects (20,000 candidates: a block of the event loop of a few
 * milliseconds instead of tens). Anything outside the packable ranges falls back to a comparator.
 */
export function rankedPositionsOf(c: RankingColumns, tieBreak: TieBreakRule): Uint32Array {
  const n = c.length;
  const byRequirements = tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID';
  let packable = n < POSITION_SCALE;
  const keys = new Float64Array(packable ? n : 0);
  for (let i = 0; packable && i < n; i++) {
    const score = c.scores[i];
    const requiredMet = c.requiredMet[i];
    const metCount = c.metCount[i];
    const countsOk = !byRequirements || (requiredMet >= 0 && requiredMet < 32 && metCount >= 0 && metCount < 32);
    if (!Number.isInteger(score) || score < 0 || score > MAX_PACKED_SCORE || !countsOk || (i > 0 && !(c.compareIds(i - 1, i) < 0))) {
      packable = false;
      break;
    }
    // Larger is better: qualified, then score, then (by the rule) requirements met and competencies met.
    const better = (c.qualified[i] ? 2 ** 31 : 0) + score * 2 ** 10 + (byRequirements ? (requiredMet << 5) | metCount : 0);
    keys[i] = (2 ** 32 - 1 - better) * POSITION_SCALE + i;
  }
  const out = new Uint32Array(n);
  if (packable) {
    keys.sort();
    for (let i = 0; i < n; i++) out[i] = keys[i] % POSITION_SCALE;
    return out;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    if (!c.qualified[a] !== !c.qualified[b]) return c.qualified[a] ? -1 : 1;
    if (c.scores[a] !== c.scores[b]) return c.scores[b] - c.scores[a];
    if (byRequirements) {
      if (c.requiredMet[a] !== c.requiredMet[b]) return c.requiredMet[b] - c.requiredMet[a];
      if (c.metCount[a] !== c.metCount[b]) return c.metCount[b] - c.metCount[a];
    }
    return c.compareIds(a, b);
  });
  out.set(order);
  return out;
}

/**
 * Shared ranks and tie flags of candidates already in ranked order (columns), written into `ranks` and `tied`: a tie is
 * the same qualification and score and shares the rank of its first member (1 + everyone ahead). Only the first
 * `length` candidates are marked; a candidate after them, when present in the columns, still tells whether the last one
 * is tied (a ranking's leading candidates are read with one more for that).
 */
export function markSharedRanks(
  c: { readonly length: number; readonly qualified: ArrayLike<number>; readonly scores: ArrayLike<number> },
  length: number,
  ranks: Int32Array,
  tied: Uint8Array,
): void {
  let tieStart = 0;
  for (let k = 0; k < length; k++) {
    if (k > 0 && !tiedAt(c, k - 1, k)) tieStart = k;
    ranks[k] = tieStart + 1;
    tied[k] = k > tieStart || (k + 1 < c.length && tiedAt(c, k, k + 1)) ? 1 : 0;
  }
}

/**
 * Overextension: active hybrid commitments at or above the threshold (role FTE, compared in hundredths
 * because FTE is stored with two decimals and float sums would drift).
 */
export function isOverextended(commitmentsFte: number, threshold: number): boolean {
  return Math.round(commitmentsFte * 100) >= Math.round(threshold * 100);
}
