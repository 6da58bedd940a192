import {
  claimStateOn,
  countedLevel,
  isAttendance,
  isTrustedAs,
  NON_AGEING_KINDS,
  SCORING_KINDS,
  scoringKindOf,
  VERIFICATION_STATUSES,
  weightSlotOf,
  type ClaimFact,
  type ClaimState,
  type ScoringKind,
} from './evidence-rules.js';
import type { ScoringPolicyValues } from './scoring-policy.js';

/**
 * THE REFERENCE MODEL of scoring. Production ranks in SQL (src/matching/sql/ranking.sql.ts, written from the
 * tables exported here); this TypeScript is what the SQL is tested against (test/integration/ranking-sql.spec.ts,
 * test/integration/demonstrated-levels.spec.ts, test/integration/claim-facts.spec.ts) and what explains a
 * candidate's score (scoreCandidate with `explain`). Change the rules here first, then the SQL, until the
 * parity tests agree.
 *
 * Scoring, in whole points so that contributions add up to the score exactly.
 *
 * A requirement is worth `round(weight x 100)` points. Each evidence item that counts for its competency
 * earns a credit between 0 and 1 (kept in thousandths):
 *     credit = kind weight x verification factor x age factor x level factor
 * where the level factor is min(1, level shown / level required). The requirement's credit is a saturating
 * sum: the strongest item counts in full and the others add a quarter of their credits, but corroboration
 * adds at most as much again as the strongest item, and no requirement earns more than full credit:
 *     total = min(1, strongest + min(strongest, (sum of the others) / 4))      (thousandths, rounded down)
 *     points = max points x total, rounded half up
 * Every factor only grows as evidence is added, levels rise or items are verified, and `total` only grows
 * when any credit grows or an item is added, so scores are monotonic. Only the strongest credit and the sum
 * are needed, which is what lets the database rank every candidate with plain aggregates.
 * The candidate's score is the sum of the requirements' points.
 *
 * Meeting a requirement rests on trusted evidence: only items at or above the policy's qualifying status
 * (default ENDORSED) count towards the demonstrated level that meets it. Less trusted items still earn their
 * (reduced) points, so verifying an item raises its credit and may meet a requirement: never the reverse.
 */

export const CREDIT_SCALE = 1000;
/** Each corroborating item adds 1/CORROBORATION_DIVISOR of its credit. */
export const CORROBORATION_DIVISOR = 4;
const SCALE = CREDIT_SCALE;
const DAYS_PER_YEAR = 365.25;

export type RequirementKind = 'REQUIRED' | 'PREFERRED';

export interface RequirementSpec {
  requirementId: string;
  competencyId: string;
  kind: RequirementKind;
  minLevel: number;
  weight: number;
  /**
   * Competencies of other frameworks mapped to this one by an exactMatchOf crosswalk: claims on them count for this
   * requirement as if they claimed it (same level numbers), and explanations say "via crosswalk".
   */
  viaCrosswalk?: readonly string[];
}

/** Every competency whose claims count for a requirement: its own and those crosswalked to it. */
export function countingCompetencies(spec: Pick<RequirementSpec, 'competencyId' | 'viaCrosswalk'>): string[] {
  return spec.viaCrosswalk?.length ? [spec.competencyId, ...spec.viaCrosswalk] : [spec.competencyId];
}

export interface RoleSpec {
  roleId: string;
  minYearsOfService: number | null;
  requirements: RequirementSpec[];
}

export interface ScoringContext {
  policy: ScoringPolicyValues;
  asOfDay: number;
}

export interface ItemFactors {
  scoringKind: ScoringKind;
  countedLevel: number;
  cappedByAttendance: boolean;
  kindWeight: number;
  verificationFactor: number;
  ageFactor: number;
  levelFactor: number;
  /** Thousandths, 0-1000. */
  creditPermille: number;
}

export interface ItemCredit extends ItemFactors {
  fact: ClaimFact;
  state: Exclude<ClaimState, 'NOT_STARTED'>;
  /** This item's marginal share of the requirement's points, strongest first (see shareOutPoints); the shares add up to the points. */
  points: number;
}

export interface RequirementScore {
  spec: RequirementSpec;
  maxPoints: number;
  /** The highest level shown by trusted evidence (at or above the policy's qualifying status). */
  demonstratedLevel: number;
  /** The highest level shown by counting evidence not yet trusted enough (0 with none). */
  untrustedLevel: number;
  met: boolean;
  /** Not met, but verifying (or endorsing) items the candidate already holds would meet it. */
  metOnceVerified: boolean;
  points: number;
  /** Counting and expired items, strongest first (explained scoring only; empty otherwise). */
  items: ItemCredit[];
}

export interface ServiceCheck {
  minYears: number;
  years: number;
  met: boolean;
}

export interface CandidateScore {
  educatorId: string;
  score: number;
  maxScore: number;
  qualified: boolean;
  requiredMet: number;
  requiredTotal: number;
  metCount: number;
  requirements: RequirementScore[];
  service: ServiceCheck | null;
}

export function maxPointsOf(weight: number): number {
  return Math.round(weight * 100);
}

/** Evidence older than this ages no further (keeps the age table the SQL ranking uses bounded). */
export const AGE_CAP_DAYS = 40 * 366;

/** The age factor for an age in whole days: half-life decay with a floor. */
export function ageFactorForDays(days: number, ageing: ScoringPolicyValues['ageing']): number {
  if (ageing.halfLifeYears === null) return 1;
  const d = Math.min(Math.max(0, days), AGE_CAP_DAYS);
  return Math.max(ageing.minimumFactor, Math.pow(0.5, d / DAYS_PER_YEAR / ageing.halfLifeYears));
}

const tables = new Map<string, number[]>();

/**
 * ageFactorForDays for 0..n days, where every older age has the last value (the floor is reached, or the
 * cap). The SQL ranking indexes this table instead of calling its own pow(), so both sides use the same numbers.
 */
export function ageFactorTable(ageing: ScoringPolicyValues['ageing']): number[] {
  const key = `${ageing.halfLifeYears}:${ageing.minimumFactor}`;
  let table = tables.get(key);
  if (!table) {
    table = [ageFactorForDays(0, ageing)];
    for (let d = 1; d <= AGE_CAP_DAYS && table[d - 1] > ageing.minimumFactor && ageing.halfLifeYears !== null; d++)
      table.push(ageFactorForDays(d, ageing));
    tables.set(key, table);
  }
  return table;
}

/**
 * 1000 x kind weight x verification factor for every weight slot (see weightSlotOf), multiplied in the
 * order itemFactors uses, so a credit computed from this table is the same number to the bit.
 */
export function weightTable(policy: Pick<ScoringPolicyValues, 'kindWeights' | 'verificationFactors'>): number[] {
  const table: number[] = [];
  for (const kind of SCORING_KINDS) {
    for (const status of VERIFICATION_STATUSES)
      table[weightSlotOf(kind, status) - 1] = SCALE * policy.kindWeights[kind] * policy.verificationFactors[status];
  }
  return table;
}

export function ageFactor(fact: Pick<ClaimFact, 'kind' | 'ageFromDay'>, ctx: ScoringContext): number {
  if (fact.ageFromDay === null || NON_AGEING_KINDS.includes(fact.kind)) return 1;
  return ageFactorForDays(ctx.asOfDay - fact.ageFromDay, ctx.policy.ageing);
}

/** Round half up to a whole number, written the same way in SQL (floor(x + 0.5)) so both sides agree to the bit. */
export const roundHalfUp = (x: number): number => Math.floor(x + 0.5);

export function itemFactors(fact: ClaimFact, requiredLevel: number, ctx: ScoringContext): ItemFactors {
  const scoringKind = scoringKindOf(fact.kind, fact.pilotPart);
  const level = countedLevel(fact, ctx.policy);
  const kindWeight = ctx.policy.kindWeights[scoringKind];
  const verificationFactor = ctx.policy.verificationFactors[fact.status];
  const age = ageFactor(fact, ctx);
  const levelFactor = Math.min(1, level / requiredLevel);
  return {
    scoringKind,
    countedLevel: level,
    cappedByAttendance: isAttendance(fact.kind) && level < fact.claimedLevel,
    kindWeight,
    verificationFactor,
    ageFactor: age,
    levelFactor,
    creditPermille: roundHalfUp(SCALE * kindWeight * verificationFactor * age * levelFactor),
  };
}

/** The requirement's credit in thousandths from its strongest credit and the sum of all its credits. */
export function totalCredit(strongest: number, sum: number): number {
  return Math.min(SCALE, strongest + Math.min(strongest, Math.floor((sum - strongest) / CORROBORATION_DIVISOR)));
}

/** max points x total / 1000, rounded half up, in integers (the SQL ranking does the same). */
export function pointsFor(maxPoints: number, total: number): number {
  return Math.floor((2 * maxPoints * total + SCALE) / (2 * SCALE));
}

/** Points for a list of credits (thousandths), in any order. */
export function corroboratedPoints(maxPoints: number, credits: readonly number[]): number {
  if (!credits.length) return 0;
  let strongest = 0;
  let sum = 0;
  for (const c of credits) {
    if (c > strongest) strongest = c;
    sum += c;
  }
  return pointsFor(maxPoints, totalCredit(strongest, sum));
}

/** The core loop: demonstrated level and points of one requirement; `onItem` sees every counting or expired item. */
export function tallyRequirement(
  spec: RequirementSpec,
  facts: readonly ClaimFact[],
  ctx: ScoringContext,
  onItem?: (fact: ClaimFact, state: 'COUNTS' | 'EXPIRED', factors: ItemFactors) => void,
): { demonstratedLevel: number; untrustedLevel: number; points: number } {
  let demonstrated = 0;
  let untrusted = 0;
  let strongest = 0;
  let sum = 0;
  for (const fact of facts) {
    const state = claimStateOn(fact, ctx.asOfDay);
    if (state === 'NOT_STARTED') continue;
    const factors = itemFactors(fact, spec.minLevel, ctx);
    if (state === 'EXPIRED') {
      onItem?.(fact, state, { ...factors, creditPermille: 0 });
      continue;
    }
    if (!isTrustedAs(fact.status, ctx.policy.qualifyingStatus)) {
      if (factors.countedLevel > untrusted) untrusted = factors.countedLevel;
    } else if (factors.countedLevel > demonstrated) demonstrated = factors.countedLevel;
    if (factors.creditPermille > strongest) strongest = factors.creditPermille;
    sum += factors.creditPermille;
    onItem?.(fact, state, factors);
  }
  return {
    demonstratedLevel: demonstrated,
    untrustedLevel: untrusted,
    points: pointsFor(maxPointsOf(spec.weight), totalCredit(strongest, sum)),
  };
}

/** One requirement's result; with `explain`, every counting or expired item with its factors and points. */
export function scoreRequirement(
  spec: RequirementSpec,
  facts: readonly ClaimFact[],
  ctx: ScoringContext,
  explain: boolean,
): RequirementScore {
  const maxPoints = maxPointsOf(spec.weight);
  const items: ItemCredit[] = [];
  const tally = tallyRequirement(
    spec,
    facts,
    ctx,
    explain ? (fact, state, factors) => items.push({ fact, state, points: 0, ...factors }) : undefined,
  );
  if (explain) shareOutPoints(items, maxPoints);
  const met = tally.demonstratedLevel >= spec.minLevel;
  return {
    spec,
    maxPoints,
    demonstratedLevel: tally.demonstratedLevel,
    untrustedLevel: tally.untrustedLevel,
    met,
    metOnceVerified: !met && tally.untrustedLevel >= spec.minLevel,
    points: tally.points,
    items,
  };
}

/**
 * Orders items strongest first and gives each its marginal points (the points with it minus the points
 * without it, adding items in that order), so the shares add up to the requirement's points exactly.
 */
function shareOutPoints(items: ItemCredit[], maxPoints: number): void {
  items.sort((a, b) => rankOfState(a) - rankOfState(b) || b.creditPermille - a.creditPermille || cmp(a.fact.evidenceId, b.fact.evidenceId));
  let strongest = 0;
  let sum = 0;
  let before = 0;
  for (const item of items) {
    if (item.state !== 'COUNTS') break;
    if (item.creditPermille > strongest) strongest = item.creditPermille;
    sum += item.creditPermille;
    const after = pointsFor(maxPoints, totalCredit(strongest, sum));
    item.points = after - before;
    before = after;
  }
}

const rankOfState = (i: ItemCredit) => (i.state === 'COUNTS' ? 0 : 1);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whole years from hire date to the as-of day (both ISO dates). */
export function yearsOfService(hireDate: string, asOf: string): number {
  const [hy, hm, hd] = hireDate.split('-').map(Number);
  const [y, m, d] = asOf.split('-').map(Number);
  const years = y - hy - (m < hm || (m === hm && d < hd) ? 1 : 0);
  return Math.max(0, years);
}

export interface CandidateInput {
  educatorId: string;
  /** Needed only when the role asks for years of service; nothing else about the person is read. */
  hireDate: string | null;
  /** The candidate's claims on the role's competencies, grouped by requirement index. */
  factsByRequirement: ReadonlyArray<readonly ClaimFact[] | undefined>;
}

export interface RankingKey {
  educatorId: string;
  score: number;
  qualified: boolean;
  requiredMet: number;
  metCount: number;
}

function serviceCheck(role: RoleSpec, hireDate: string | null, asOf: string): ServiceCheck | null {
  if (role.minYearsOfService === null) return null;
  const years = hireDate ? yearsOfService(hireDate, asOf) : 0;
  return { minYears: role.minYearsOfService, years, met: years >= role.minYearsOfService };
}

/**
 * What ordering needs, without explanations. Reference model only: production orders in SQL (ranking.sql.ts);
 * test/integration/ranking-sql.spec.ts checks the SQL orders exactly as this does.
 */
export function rankingKeyOf(role: RoleSpec, c: CandidateInput, ctx: ScoringContext & { asOf: string }): RankingKey {
  let score = 0;
  let requiredMet = 0;
  let requiredTotal = 0;
  let metCount = 0;
  for (let i = 0; i < role.requirements.length; i++) {
    const spec = role.requirements[i];
    const t = tallyRequirement(spec, c.factsByRequirement[i] ?? [], ctx);
    score += t.points;
    const met = t.demonstratedLevel >= spec.minLevel;
    if (met) metCount++;
    if (spec.kind === 'REQUIRED') {
      requiredTotal++;
      if (met) requiredMet++;
    }
  }
  const service = serviceCheck(role, c.hireDate, ctx.asOf);
  return {
    educatorId: c.educatorId,
    score,
    qualified: requiredMet === requiredTotal && (service === null || service.met),
    requiredMet,
    metCount,
  };
}

export function scoreCandidate(role: RoleSpec, c: CandidateInput, ctx: ScoringContext & { asOf: string }, explain = false): CandidateScore {
  let score = 0;
  let maxScore = 0;
  let requiredMet = 0;
  let requiredTotal = 0;
  let metCount = 0;
  const requirements: RequirementScore[] = [];
  role.requirements.forEach((spec, i) => {
    const r = scoreRequirement(spec, c.factsByRequirement[i] ?? [], ctx, explain);
    requirements.push(r);
    score += r.points;
    maxScore += r.maxPoints;
    if (r.met) metCount++;
    if (spec.kind === 'REQUIRED') {
      requiredTotal++;
      if (r.met) requiredMet++;
    }
  });
  const service = serviceCheck(role, c.hireDate, ctx.asOf);
  const qualified = requiredMet === requiredTotal && (service === null || service.met);
  return { educatorId: c.educatorId, score, maxScore, qualified, requiredMet, requiredTotal, metCount, requirements, service };
}
