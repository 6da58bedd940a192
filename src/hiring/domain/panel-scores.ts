import { badInput } from '../../common/app-error.js';
import { HiringReason } from './hiring-reason.js';

export const MIN_SCORE = 1;
export const MAX_SCORE = 4;
export const MAX_COMMENT_LENGTH = 4000;

/** One panelist's score for one requirement of one candidate. */
export interface PanelScore {
  panelistId: string;
  requirementId: string;
  score: number;
  submitted: boolean;
}

export function assertScoreValue(score: number): void {
  if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) {
    throw badInput(`A score is a whole number from ${MIN_SCORE} to ${MAX_SCORE}; got ${score}`);
  }
}

/** Drafts can change; once a panelist submits a candidate's scores they are final. */
export function assertEditable(existing: { submittedAt: Date | null } | null): void {
  if (existing?.submittedAt)
    throw badInput('These scores were submitted and are final; they can no longer change', undefined, HiringReason.SCORES_FINAL);
}

/** Scores must name requirements of this role, each at most once. */
export function assertRequirementsBelong(requirementIds: readonly string[], roleRequirementIds: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const id of requirementIds) {
    if (!roleRequirementIds.has(id)) throw badInput(`Requirement ${id} is not one of this role's requirements`);
    if (seen.has(id)) throw badInput(`Requirement ${id} is scored twice in one request`);
    seen.add(id);
  }
}

/** Submitting needs a score for every requirement of the role, so aggregates compare like with like. */
export function assertCompleteForSubmit(roleRequirementIds: readonly string[], scoredRequirementIds: ReadonlySet<string>): void {
  const missing = roleRequirementIds.filter((id) => !scoredRequirementIds.has(id));
  if (missing.length) throw badInput(`Score every requirement before submitting; ${missing.length} still unscored`);
}

export interface RequirementAggregate {
  requirementId: string;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** max - min of the panel's scores for this requirement (0 when one panelist scored). */
  spread: number | null;
  count: number;
}

export interface PanelAggregate {
  perRequirement: RequirementAggregate[];
  /** Mean of the per-requirement means, so every requirement weighs the same. */
  overallMean: number | null;
  /** max - min of the panelists' own overall means: how far apart the panel is on this candidate. */
  spread: number | null;
  panelistCount: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The panel's view of one candidate, from submitted scores only (drafts can still change).
 * Means and spreads are rounded to two decimals; absent data is null, never 0.
 */
export function aggregatePanel(scores: readonly PanelScore[], requirementIds: readonly string[]): PanelAggregate {
  const final = scores.filter((s) => s.submitted);
  const perRequirement = requirementIds.map((requirementId): RequirementAggregate => {
    const xs = final.filter((s) => s.requirementId === requirementId).map((s) => s.score);
    if (!xs.length) return { requirementId, mean: null, min: null, max: null, spread: null, count: 0 };
    const min = Math.min(...xs);
    const max = Math.max(...xs);
    return { requirementId, mean: round2(mean(xs)), min, max, spread: max - min, count: xs.length };
  });

  const byPanelist = new Map<string, number[]>();
  for (const s of final) {
    if (!requirementIds.includes(s.requirementId)) continue;
    byPanelist.set(s.panelistId, [...(byPanelist.get(s.panelistId) ?? []), s.score]);
  }
  const panelistMeans = [...byPanelist.values()].map(mean);
  const reqMeans = requirementIds
    .map((id) => final.filter((s) => s.requirementId === id).map((s) => s.score))
    .filter((xs) => xs.length)
    .map(mean);
  return {
    perRequirement,
    overallMean: reqMeans.length ? round2(mean(reqMeans)) : null,
    spread: panelistMeans.length ? round2(Math.max(...panelistMeans) - Math.min(...panelistMeans)) : null,
    panelistCount: byPanelist.size,
  };
}
