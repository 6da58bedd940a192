import {
  claimStateOn, countedLevel, isAttendance, NON_AGEING_KINDS, scoringKindOf,
  type ClaimFact, type ClaimState, type ScoringKind,
} from './evidence-rules.js';
import type { ScoringPolicyValues } from './scoring-policy.js';

/**
 * Scoring, in whole points so that contributions add up to the score exactly.
 *
 * A requirement is worth `round(weight x 100)` points. Each evidence item that counts for its competency
 * earns a credit between 0 and 1 (kept in thousandths):
 *     credit = kind weight x verification factor x age factor x level factor
 * where the level factor is min(1, level shown / level required). The requirement's points are a
 * saturating sum of its three strongest credits:  points = max x (1 - (1-c1)(1-c2)(1-c3)), rounded half up.
 * Every factor only grows as evidence is added, levels rise or items are verified, and the saturating sum
 * only grows when a credit grows or a new item enters the top three, so scores are monotonic.
 * The candidate's score is the sum of the requirements' points.
 */

/** How many of the strongest items per requirement earn points. */
export const ITEMS_PER_REQUIREMENT = 3;
export const CREDIT_SCALE = 1000;
const SCALE = CREDIT_SCALE;
const DAYS_PER_YEAR = 365.25;

export type RequirementKind = 'REQUIRED' | 'PREFERRED';

export interface RequirementSpec {
  requirementId: string;
  competencyId: string;
  kind: RequirementKind;
  minLevel: number;
  weight: number;
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
  /** This item's share of the requirement's points (0 unless among the strongest three that count). */
  points: number;
}

export interface RequirementScore {
  spec: RequirementSpec;
  maxPoints: number;
  demonstratedLevel: number;
  met: boolean;
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
    for (let d = 1; d <= AGE_CAP_DAYS && table[d - 1] > ageing.minimumFactor && ageing.halfLifeYears !== null; d++) table.push(ageFactorForDays(d, ageing));
    tables.set(key, table);
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

/**
 * Points for credits (thousandths, strongest first, at most three): max x (1 - prod(1 - c)), rounded half up.
 * Integer arithmetic stays exact: 1000^3 x 10,000 is far below 2^53.
 */
export function saturatedPoints(maxPoints: number, creditsDesc: readonly number[]): number {
  let denominator = 1;
  let remaining = 1;
  for (const c of creditsDesc) {
    denominator *= SCALE;
    remaining *= SCALE - c;
  }
  const numerator = maxPoints * (denominator - remaining);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Keeps the strongest credits, descending, in a small array (cheaper than sorting every item). */
function pushTop(top: number[], credit: number): void {
  if (top.length === ITEMS_PER_REQUIREMENT && credit <= top[top.length - 1]) return;
  let i = top.length;
  top.push(credit);
  while (i > 0 && top[i - 1] < credit) {
    top[i] = top[i - 1];
    i--;
  }
  top[i] = credit;
  if (top.length > ITEMS_PER_REQUIREMENT) top.pop();
}

/** The core loop: demonstrated level and points of one requirement; `onItem` sees every counting or expired item. */
export function tallyRequirement(
  spec: RequirementSpec, facts: readonly ClaimFact[], ctx: ScoringContext,
  onItem?: (fact: ClaimFact, state: 'COUNTS' | 'EXPIRED', factors: ItemFactors) => void,
): { demonstratedLevel: number; points: number } {
  let demonstrated = 0;
  const top: number[] = [];
  for (const fact of facts) {
    const state = claimStateOn(fact, ctx.asOfDay);
    if (state === 'NOT_STARTED') continue;
    const factors = itemFactors(fact, spec.minLevel, ctx);
    if (state === 'EXPIRED') {
      onItem?.(fact, state, { ...factors, creditPermille: 0 });
      continue;
    }
    if (factors.countedLevel > demonstrated) demonstrated = factors.countedLevel;
    pushTop(top, factors.creditPermille);
    onItem?.(fact, state, factors);
  }
  return { demonstratedLevel: demonstrated, points: saturatedPoints(maxPointsOf(spec.weight), top) };
}

/** One requirement's result; with `explain`, every counting or expired item with its factors and points. */
export function scoreRequirement(spec: RequirementSpec, facts: readonly ClaimFact[], ctx: ScoringContext, explain: boolean): RequirementScore {
  const maxPoints = maxPointsOf(spec.weight);
  const items: ItemCredit[] = [];
  const tally = tallyRequirement(spec, facts, ctx, explain ? (fact, state, factors) => items.push({ fact, state, points: 0, ...factors }) : undefined);
  if (explain) shareOutPoints(items, maxPoints);
  return { spec, maxPoints, demonstratedLevel: tally.demonstratedLevel, met: tally.demonstratedLevel >= spec.minLevel, points: tally.points, items };
}

/** Orders items strongest first and gives each of the top three its marginal points; the shares sum to the total exactly. */
function shareOutPoints(items: ItemCredit[], maxPoints: number): void {
  items.sort((a, b) => rankOfState(a) - rankOfState(b) || b.creditPermille - a.creditPermille || cmp(a.fact.evidenceId, b.fact.evidenceId));
  const credits: number[] = [];
  let before = 0;
  for (const item of items) {
    if (item.state !== 'COUNTS' || credits.length === ITEMS_PER_REQUIREMENT) break;
    credits.push(item.creditPermille);
    const after = saturatedPoints(maxPoints, credits);
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

/** What ordering needs, without explanations: the ranking pass over every candidate uses this. */
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
  return { educatorId: c.educatorId, score, qualified: requiredMet === requiredTotal && (service === null || service.met), requiredMet, metCount };
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
