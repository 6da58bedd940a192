import { demographicsOf, type Demographics } from './categories.js';
import { aboveMedian, HIRING_STEPS, HiringStep, median, stepOutcome } from './hiring-steps.js';
import { allDimensions, FOUR_FIFTHS, type DimensionFigures, type Outcome, type RatioOptions } from './impact-ratios.js';

/** Everything an audit reads, gathered by the repository; the audit itself is this pure computation. */
export interface AuditScope extends RatioOptions {
  roleId: string | null;
  roleTitle: string | null;
  /** Period, YYYY-MM-DD, both days included (UTC). */
  from: string;
  to: string;
  /** ISO timestamp: histories and answers are read as they stood at this instant. */
  asOf: string;
}

export interface AuditApplication {
  applicationId: string;
  educatorId: string;
  roleId: string;
  /** To-statuses of its transitions recorded by `asOf`, oldest first. */
  statuses: string[];
}

export interface AuditRankingRun {
  runId: string;
  roleId: string;
  roleTitle: string;
  policyVersion: number;
  asOf: string;
  createdAt: string;
  candidateCount: number;
  results: Array<{ educatorId: string; score: number }>;
}

export interface AuditData {
  scope: AuditScope;
  applications: AuditApplication[];
  rankings: AuditRankingRun[];
  /** Self-identification answers by educator id; absent = never answered. */
  answers: ReadonlyMap<string, { sex: string; raceEthnicity: string }>;
}

export const SCORING = 'SCORING';
export type AuditMeasureKind = HiringStep | typeof SCORING;

export interface AuditMeasure {
  measure: AuditMeasureKind;
  /** People this measure looked at: applications that entered the step, or candidates ranked. */
  entered: number;
  /** Counted in the rates (selected or not selected). */
  assessed: number;
  withdrawn: number;
  pending: number;
  dimensions: DimensionFigures[];
}

export interface AuditRunUsed {
  runId: string;
  roleId: string;
  roleTitle: string;
  policyVersion: number;
  asOf: string;
  createdAt: string;
  ranked: number;
  candidateCount: number;
  median: number | null;
}

export interface AuditResult {
  scope: AuditScope;
  empty: boolean;
  emptyReason: string | null;
  applications: number;
  /** Distinct educators behind the applications and rankings, and how many of them self-identified at all. */
  people: number;
  selfIdentified: number;
  measures: AuditMeasure[];
  rankingRuns: AuditRunUsed[];
  summary: string;
}

/** The audited days: as given, else a year (LL144 audits are yearly) ending `to`, which is today by default. */
export function auditPeriod(from: string | null, to: string | null, today: string): { from: string; to: string } {
  const end = to ?? today;
  if (from) return { from, to: end };
  const [y, m, d] = end.split('-').map(Number);
  // The day after the same date a year earlier; 29 February a year earlier is the 28th, so the period starts 1 March.
  const sameDate = Math.min(d, new Date(Date.UTC(y - 1, m, 0)).getUTCDate());
  const start = new Date(Date.UTC(y - 1, m - 1, sameDate + 1));
  return { from: start.toISOString().slice(0, 10), to: end };
}

export function computeAudit(data: AuditData): AuditResult {
  const { scope } = data;
  const who = (educatorId: string): Demographics => demographicsOf(data.answers.get(educatorId));
  const measures: AuditMeasure[] = HIRING_STEPS.map(({ step }) => {
    const tally = { entered: 0, withdrawn: 0, pending: 0 };
    const outcomes: Outcome[] = [];
    for (const a of data.applications) {
      const outcome = stepOutcome(a.statuses, step);
      if (outcome === null) continue;
      tally.entered += 1;
      if (outcome === 'WITHDRAWN') tally.withdrawn += 1;
      else if (outcome === 'PENDING') tally.pending += 1;
      else outcomes.push({ demographics: who(a.educatorId), selected: outcome === 'SELECTED' });
    }
    return { measure: step, ...tally, assessed: outcomes.length, dimensions: allDimensions(outcomes, scope) };
  });

  const runs: AuditRunUsed[] = [];
  const scored: Outcome[] = [];
  for (const run of data.rankings) {
    const rows = aboveMedian(run.results);
    for (const r of rows) scored.push({ demographics: who(r.educatorId), selected: r.above });
    runs.push({
      runId: run.runId,
      roleId: run.roleId,
      roleTitle: run.roleTitle,
      policyVersion: run.policyVersion,
      asOf: run.asOf,
      createdAt: run.createdAt,
      ranked: run.results.length,
      candidateCount: run.candidateCount,
      median: median(run.results.map((r) => r.score)),
    });
  }
  measures.push({
    measure: SCORING,
    entered: scored.length,
    assessed: scored.length,
    withdrawn: 0,
    pending: 0,
    dimensions: allDimensions(scored, scope),
  });

  const people = new Set([
    ...data.applications.map((a) => a.educatorId),
    ...data.rankings.flatMap((r) => r.results.map((x) => x.educatorId)),
  ]);
  const selfIdentified = [...people].filter((id) => data.answers.has(id)).length;
  const empty = data.applications.length === 0 && data.rankings.length === 0;
  const where = scope.roleTitle ? `the role "${scope.roleTitle}"` : 'any role';
  const result: Omit<AuditResult, 'summary'> = {
    scope,
    empty,
    emptyReason: empty
      ? `No application to ${where} was submitted between ${scope.from} and ${scope.to}, and no ranking of it was saved in that period, so there is nothing to audit.`
      : null,
    applications: data.applications.length,
    people: people.size,
    selfIdentified,
    measures,
    rankingRuns: runs,
  };
  return { ...result, summary: auditSummary(result) };
}

const STEP_WORDS: Record<AuditMeasureKind, string> = {
  APPLIED_TO_SHORTLISTED: 'applied to shortlisted',
  SHORTLISTED_TO_OFFERED: 'shortlisted to offered',
  OFFERED_TO_ACCEPTED: 'offered to accepted',
  SCORING: 'scoring rate of the ranking',
};

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The method in plain words, then what the figures show. */
export function auditSummary(r: Omit<AuditResult, 'summary'>): string {
  const s = r.scope;
  const lines: string[] = [];
  const where = s.roleTitle ? `the role "${s.roleTitle}"` : 'all roles';
  lines.push(`Bias audit of ${where}, period ${s.from} to ${s.to} (UTC, both days included), as of ${s.asOf}.`);
  if (r.empty) {
    lines.push(r.emptyReason as string);
    return lines.join('\n');
  }
  lines.push(
    `What was counted: ${r.applications} application(s) submitted in the period, each one counted once per role applied to, with its hiring history as recorded by the as-of time. ` +
      'Selection rate at a step = applications that reached the next status / applications decided at that step. ' +
      'Applied to shortlisted: every application; shortlisted to offered: applications that were shortlisted; offered to accepted: applications that received an offer. ' +
      'An application that never reached the next status counts as not selected when it ended REJECTED by HR or DECLINED by the candidate; ' +
      'one withdrawn by the candidate, or still open at the as-of time, is reported apart and is not in the rate.',
  );
  if (r.rankingRuns.length) {
    const versions = [...new Set(r.rankingRuns.map((x) => x.policyVersion))].sort((a, b) => a - b).join(', ');
    lines.push(
      `Scoring rate: for each role, the latest ranking saved in the period (${r.rankingRuns.length} run(s), scoring policy version ${versions}); ` +
        'a candidate counts as selected when their score is strictly above the median score of everyone that run ranked (per run, since scores of different roles are not comparable). ' +
        'A saved run holds the candidates it was saved with; where that is fewer than were ranked, only those are counted.',
    );
    for (const run of r.rankingRuns.filter((x) => x.ranked < x.candidateCount)) {
      lines.push(
        `The ranking of "${run.roleTitle}" saved ${run.createdAt} kept ${run.ranked} of the ${run.candidateCount} candidates it ranked; the scoring rate for that role covers those ${run.ranked}.`,
      );
    }
  } else {
    lines.push('Scoring rate: no ranking was saved in the period, so there is none.');
  }
  lines.push(
    `Categories: sex and race/ethnicity as the educators self-identified (voluntarily) at the as-of time, and every intersection of the two. ` +
      `${r.selfIdentified} of the ${r.people} people involved had answered. Declining or not answering makes a person unknown; unknowns are counted and reported apart and take no part in the ratios.`,
  );
  lines.push(
    `Impact ratio = a category's rate / the highest category's rate. Ratios under ${FOUR_FIFTHS} are flagged (the EEOC four-fifths rule). ` +
      (s.excludeUnderTwoPercent
        ? 'Categories under 2% of the people assessed at a step are left out of the ratios and still reported. '
        : 'No category was left out of the ratios for being small. ') +
      `Categories with fewer than ${s.minCategorySize} people assessed are marked too small to read.`,
  );
  const flags: string[] = [];
  for (const m of r.measures) {
    for (const d of m.dimensions) {
      for (const c of d.categories) {
        if (c.flagged)
          flags.push(
            `${STEP_WORDS[m.measure]}: ${c.label} ${(c.impactRatio as number).toFixed(3)} (rate ${pct(c.rate as number)}${c.tooSmall ? ', too small to read' : ''})`,
          );
      }
    }
  }
  lines.push(flags.length ? `Impact ratios under ${FOUR_FIFTHS}:\n- ${flags.join('\n- ')}` : `No impact ratio is under ${FOUR_FIFTHS}.`);
  return lines.join('\n');
}
