/**
 * How an application's recorded history becomes an outcome at each hiring step. The pipeline is
 * SUBMITTED -> SCREENED -> SHORTLISTED -> INTERVIEW -> OFFERED -> ACCEPTED | DECLINED, with REJECTED (HR)
 * and WITHDRAWN (the candidate) from any open state, and every move is an application_transition row.
 *
 * A step from F to T (applied -> shortlisted, shortlisted -> offered, offered -> accepted):
 * - entered: every application (applied), or one with a transition to F by the as-of time;
 * - SELECTED: it has a transition to T by then;
 * - NOT_SELECTED: it entered, never reached T, and ended REJECTED by HR or DECLINED (an offer turned down);
 * - WITHDRAWN: it ended WITHDRAWN by the candidate before reaching T (not a decision about them; apart);
 * - PENDING: still open at the as-of time (no decision yet; apart).
 * Only SELECTED and NOT_SELECTED are "assessed" in the rates.
 */
export enum HiringStep {
  APPLIED_TO_SHORTLISTED = 'APPLIED_TO_SHORTLISTED',
  SHORTLISTED_TO_OFFERED = 'SHORTLISTED_TO_OFFERED',
  OFFERED_TO_ACCEPTED = 'OFFERED_TO_ACCEPTED',
}

export const HIRING_STEPS: ReadonlyArray<{ step: HiringStep; from: string | null; to: string }> = [
  { step: HiringStep.APPLIED_TO_SHORTLISTED, from: null, to: 'SHORTLISTED' },
  { step: HiringStep.SHORTLISTED_TO_OFFERED, from: 'SHORTLISTED', to: 'OFFERED' },
  { step: HiringStep.OFFERED_TO_ACCEPTED, from: 'OFFERED', to: 'ACCEPTED' },
];

export type StepOutcome = 'SELECTED' | 'NOT_SELECTED' | 'WITHDRAWN' | 'PENDING';

const NOT_SELECTED_ENDS = new Set(['REJECTED', 'DECLINED']);

/** `statuses`: the to-statuses of the application's transitions recorded by the as-of time, oldest first. */
export function stepOutcome(statuses: readonly string[], step: HiringStep): StepOutcome | null {
  const def = HIRING_STEPS.find((s) => s.step === step) as (typeof HIRING_STEPS)[number];
  if (!statuses.length) return null;
  if (def.from !== null && !statuses.includes(def.from)) return null;
  if (statuses.includes(def.to)) return 'SELECTED';
  const last = statuses[statuses.length - 1];
  if (NOT_SELECTED_ENDS.has(last)) return 'NOT_SELECTED';
  if (last === 'WITHDRAWN') return 'WITHDRAWN';
  return 'PENDING';
}

/** The median of a whole sample (the mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Scoring outcomes of one ranking: selected = scored strictly above the median of everyone it ranked. */
export function aboveMedian<T extends { score: number }>(ranked: readonly T[]): Array<T & { above: boolean; median: number }> {
  const m = median(ranked.map((r) => r.score));
  return ranked.map((r) => ({ ...r, above: r.score > (m as number), median: m as number }));
}
