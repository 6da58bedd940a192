/*
 * src/matching/sql/: the scoring rules as SQL, the form production runs. The TypeScript in ../domain/ is the
 * reference model; these files must compute what it computes. Parity tests (run them after any change here):
 *   test/integration/ranking-sql.spec.ts          ranking order and scores equal rankingKeyOf on random districts
 *   test/integration/demonstrated-levels.spec.ts  demonstrated levels equal demonstratedLevel()
 *   test/integration/claim-facts.spec.ts           the claim facts the SQL reads equal claims joined with evidence
 *   src/matching/sql/ranking-example.spec.ts       the committed ranking.example.sql is what is generated today
 */
import { bind, CLAIMS_FROM, countedLevelSql, countingClaimConditions } from './demonstrated-levels.repository.js';
import { dayOf, statusesAtLeast } from '../domain/evidence-rules.js';
import type { ScoringPolicyValues } from '../domain/scoring-policy.js';
import {
  ageFactorTable,
  CORROBORATION_DIVISOR,
  countingCompetencies,
  CREDIT_SCALE,
  maxPointsOf,
  weightTable,
  type RoleSpec,
} from '../domain/scoring.js';

/**
 * The ranking pass as one statement, so only the requested page leaves the database. It is the domain's
 * scoring (domain/scoring.ts) written in SQL: every number that depends on the policy comes from the domain
 * (`weightTable` for kind weights x verification factors, `ageFactorTable` for ageing), counting and levels
 * come from the demonstrated-levels builders, and the arithmetic is the same IEEE/integer arithmetic in the
 * same order. test/integration/ranking-sql.spec.ts checks the two agree on random districts.
 */
export interface RankingQuery {
  role: RoleSpec;
  policy: ScoringPolicyValues;
  asOf: string;
  buildingId?: string | null;
  qualifiedOnly: boolean;
  first: number;
  offset: number;
  /** Rank only candidates with counting claims (see canRankScoredOnly); the caller checks the page is covered. */
  scoredOnly?: boolean;
  /**
   * Every candidate's key (educator_id, score, required_met, met_count, qualified), unordered and without page or
   * counts: the ranking cache orders them with the domain's rankCandidates. first and offset are not used.
   */
  whole?: boolean;
  /**
   * The first `top` candidates in ranking order (educator_id, score, required_met, met_count, qualified) with the
   * counts and ahead_of_zero, without shared ranks (the caller derives them from the order). first, offset and
   * qualifiedOnly are not used.
   */
  top?: number;
}

/**
 * Columns: educator_id, score, required_met, met_count, qualified, shared_rank, tie_size (null on an empty page), total (candidates matching
 * the filters), qualified_count (qualified candidates in scope, whatever qualifiedOnly says) and ahead_of_zero
 * (how many ranked rows sort ahead of the "nothing counts" tie).
 */
export function buildRankingSql(q: RankingQuery, params: unknown[]): string {
  const { role, policy } = q;
  const p = (v: unknown) => bind(params, v);
  const reqs = role.requirements;
  const requiredTotal = reqs.filter((r) => r.kind === 'REQUIRED').length;

  const building = q.buildingId ? p(q.buildingId) : null;
  // One branch per requirement, so its minimum level, points and kind are constants of the branch and the
  // claims stream out of the (competency, educator) index already grouped by educator.
  const branches = reqs.length
    ? requirementBranches(q, params, building).join('\n      UNION ALL\n      ')
    : 'SELECT NULL::uuid AS educator_id, false AS met, false AS required, 0 AS max_points, 0 AS strongest, 0::bigint AS credit_sum WHERE false';
  // Bound only where used: an unused placeholder would have no type.
  const service = () =>
    role.minYearsOfService === null
      ? 'true'
      : `extract(year FROM age(${p(q.asOf)}::date, ed.hire_date)) >= ${p(role.minYearsOfService)}::int`;
  // Leavers drop out from their leaving date (the day itself included).
  const onStaff = () => `(ed.leaving_date IS NULL OR ed.leaving_date > ${p(q.asOf)}::date)`;
  const order =
    policy.tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID'
      ? 'qualified DESC, score DESC, required_met DESC, met_count DESC, educator_id'
      : 'qualified DESC, score DESC, educator_id';
  // Candidates outside the tie of "nothing counts" (unqualified, score 0): candidates left out of the scored-only
  // statement all belong to that tie, so a page before it has exact ranks and tie sizes without them.
  const zeroKeyNot = '(qualified OR score > 0)';
  const head = `WITH per_requirement AS (
      -- totalCredit(): min(1000, strongest + min(strongest, floor((sum - strongest) / divisor)))
      SELECT educator_id, max_points, required, met,
        least(${CREDIT_SCALE}, strongest + least(strongest, (credit_sum - strongest) / ${CORROBORATION_DIVISOR}))::int AS total
      FROM (
      ${branches}
      ORDER BY educator_id
      ) requirement
    ), per_educator AS (
      -- pointsFor(): max points x total / 1000, rounded half up, in integers
      SELECT educator_id,
        sum((2 * max_points * total + ${CREDIT_SCALE}) / ${2 * CREDIT_SCALE})::int AS score,
        (count(*) FILTER (WHERE met AND required))::int AS required_met,
        (count(*) FILTER (WHERE met))::int AS met_count
      FROM per_requirement GROUP BY educator_id
    ), ranked AS (${
      q.scoredOnly
        ? `
      SELECT educator_id, score, required_met, met_count, (required_met = ${p(requiredTotal)}::int) AS qualified FROM per_educator
      WHERE educator_id NOT IN (SELECT id FROM educator WHERE leaving_date <= ${p(q.asOf)}::date)`
        : `
      SELECT ed.id AS educator_id, coalesce(pe.score, 0) AS score, coalesce(pe.required_met, 0) AS required_met, coalesce(pe.met_count, 0) AS met_count,
        (coalesce(pe.required_met, 0) = ${p(requiredTotal)}::int AND ${service()}) AS qualified
      FROM educator ed LEFT JOIN per_educator pe ON pe.educator_id = ed.id
      WHERE ${onStaff()} ${building ? `AND ed.building_id = ${building}::uuid` : ''}`
    }
    )`;
  if (q.whole)
    return `${head}
    SELECT educator_id, score, required_met, met_count, qualified FROM ranked`;
  const counts = (qualifiedOnly: boolean) => `(SELECT ${
    q.scoredOnly && !qualifiedOnly
      ? `(SELECT count(*) FROM educator ed WHERE ${onStaff()} ${building ? `AND ed.building_id = ${building}::uuid` : ''})::int`
      : `(count(*) FILTER (WHERE ${qualifiedOnly ? 'qualified' : 'true'}))::int`
  } AS total,
            (count(*) FILTER (WHERE qualified))::int AS qualified_count,
            (count(*) FILTER (WHERE ${zeroKeyNot})::int) AS ahead_of_zero FROM ranked) counts`;
  const pageOrder = order.replace(/(qualified|score|required_met|met_count|educator_id)/g, 'page.$1');
  // Ordering only the leading rows is a bounded heap inside the database; the whole ranking is never sorted.
  if (q.top !== undefined)
    return `${head}
    SELECT page.educator_id, page.score, page.required_met, page.met_count, page.qualified, counts.total, counts.qualified_count, counts.ahead_of_zero
    FROM ${counts(false)}
    LEFT JOIN (SELECT * FROM ranked ORDER BY ${order} LIMIT ${p(q.top)}::int) page ON true
    ORDER BY ${pageOrder}`;
  return `${head}, page AS (
      -- A tie is the same qualification and score: it shares a rank (1 + candidates strictly ahead).
      SELECT *, rank() OVER (ORDER BY qualified DESC, score DESC)::int AS shared_rank, (count(*) OVER (PARTITION BY qualified, score))::int AS tie_size
      FROM ranked ${q.qualifiedOnly ? 'WHERE qualified' : ''} ORDER BY ${order} LIMIT ${p(q.first)}::int OFFSET ${p(q.offset)}::int
    )
    SELECT page.educator_id, page.score, page.required_met, page.met_count, page.qualified, page.shared_rank, page.tie_size, counts.total, counts.qualified_count, counts.ahead_of_zero
    FROM ${counts(q.qualifiedOnly)}
    LEFT JOIN page ON true
    ORDER BY ${pageOrder}`;
}

const literals = new WeakMap<readonly number[], string>();

/**
 * A cached table (see ageFactorTable) as a PostgreSQL array literal, made once: the driver would otherwise
 * turn its thousands of numbers into text again on every call. Same digits as the driver writes.
 */
function arrayLiteralOf(table: readonly number[]): string {
  let literal = literals.get(table);
  if (literal === undefined) literals.set(table, (literal = `{${table.map(String).join(',')}}`));
  return literal;
}

/**
 * Per requirement: each candidate's demonstrated level on trusted claims (as met or not), strongest credit and sum of credits.
 * A claim's credit keeps the domain's order of operations: ((1000 x kind weight) x verification) x age x level
 * factor. The policy's values are bound once and shared by every branch.
 * `OFFSET 0` keeps each subquery a step of its own: inlined, PostgreSQL would compute a claim's level and
 * credit again for every aggregate that reads them (measured: a fifth of the whole statement). The ORDER BYs
 * cost nothing (the index delivers claims in educator order) and tell the planner so, which lets it stream:
 * every branch is grouped in educator order and the branches are merged and grouped per educator without a
 * hash table, so memory stays flat and time grows with the claims read.
 */
function requirementBranches(q: RankingQuery, params: unknown[], building: string | null): string[] {
  const { policy } = q;
  const p = (v: unknown) => bind(params, v);
  // The claim's weight slot and age origin are columns of the facts (migration MatchingReadPath).
  const weighted = `(${p(weightTable(policy))}::float8[])[f.weight_slot]`;
  const ageDays = `${p(dayOf(q.asOf))}::int - f.age_from_day`;
  const table = ageFactorTable(policy.ageing);
  const ageFactor = `CASE WHEN age_days IS NULL THEN 1::float8 ELSE (${p(arrayLiteralOf(table))}::float8[])[least(greatest(age_days, 0), ${p(table.length - 1)}::int) + 1] END`;
  const level = countedLevelSql(policy, params, 'facts');
  const conditions = countingClaimConditions({ asOf: q.asOf }, params, 'facts').join(' AND ');
  // Only trusted claims (the policy's qualifying status or above) meet a requirement; every claim earns credit.
  const trusted = `f.verification_status = ANY(${p(statusesAtLeast(policy.qualifyingStatus))}::varchar[])`;
  const inBuilding = building ? `JOIN educator eb ON eb.id = f.educator_id AND eb.building_id = ${building}::uuid` : '';
  return q.role.requirements.map((r) => {
    const minLevel = p(r.minLevel);
    // A crosswalked requirement reads its equivalents' claims too; without one the plan stays a single index range.
    const counted = countingCompetencies(r);
    // Bound where it appears (template order), so a requirement without crosswalks generates the same statement as before.
    const competency = () =>
      counted.length === 1 ? `f.competency_id = ${p(r.competencyId)}::uuid` : `f.competency_id = ANY(${p(counted)}::uuid[])`;
    return `SELECT educator_id, coalesce(max(lvl) FILTER (WHERE trusted), 0) >= ${minLevel}::int AS met, ${p(r.kind === 'REQUIRED')}::boolean AS required,
        ${p(maxPointsOf(r.weight))}::int AS max_points, max(credit) AS strongest, sum(credit) AS credit_sum
      FROM (
        SELECT educator_id, lvl, trusted, floor(weighted * ${ageFactor} * least(1::float8, lvl::float8 / ${minLevel}::float8) + 0.5::float8)::int AS credit
        FROM (
          SELECT f.educator_id, ${level} AS lvl, ${trusted} AS trusted, ${weighted} AS weighted, ${ageDays} AS age_days
          FROM ${CLAIMS_FROM.facts} ${inBuilding}
          WHERE ${competency()} AND ${conditions}
          ORDER BY f.educator_id OFFSET 0
        ) claim
        ORDER BY educator_id OFFSET 0
      ) item
      GROUP BY educator_id`;
  });
}

/**
 * Whether a page can be ranked from scored candidates only: with a required competency and no
 * years-of-service rule, everyone without a counting claim is unqualified with nothing met and score 0,
 * so they all sort together, by id, after every candidate ahead of that key.
 */
export function canRankScoredOnly(role: RoleSpec): boolean {
  return role.minYearsOfService === null && role.requirements.some((r) => r.kind === 'REQUIRED');
}
