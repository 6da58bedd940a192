import {
  ageFromDaySql, bind, CLAIMS_FROM, col, countedLevelSql, countingClaimConditions,
} from './demonstrated-levels.repository.js';
import { dayOf, NON_AGEING_KINDS, SCORING_KINDS, VERIFICATION_STATUSES, evidenceKindOf } from './domain/evidence-rules.js';
import type { ScoringPolicyValues } from './domain/scoring-policy.js';
import { ageFactorTable, CORROBORATION_DIVISOR, CREDIT_SCALE, maxPointsOf, type RoleSpec } from './domain/scoring.js';

/**
 * The ranking pass as one statement, so only the requested page leaves the database. It is the domain's
 * scoring (domain/scoring.ts) written in SQL: every number that depends on the policy comes from the domain
 * (weights, verification factors, the age-factor table computed by `ageFactorForDays`), counting and levels
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
}

/**
 * Columns: educator_id, score, required_met, met_count, qualified (null on an empty page), total (candidates matching
 * the filters), qualified_count (qualified candidates in scope, whatever qualifiedOnly says) and ahead_of_zero
 * (how many ranked rows sort ahead of the "nothing counts" key).
 */
export function buildRankingSql(q: RankingQuery, params: unknown[]): string {
  const { role, policy } = q;
  const p = (v: unknown) => bind(params, v);
  const reqs = role.requirements;
  const requiredTotal = reqs.filter((r) => r.kind === 'REQUIRED').length;

  // Kind weight by scoring kind: pilots by part, a pilot without a known part counts as membership (scoringKindOf).
  const pilotCases = SCORING_KINDS.map((k) => ({ k, ...evidenceKindOf(k) }))
    .filter((x) => x.kind === 'PILOT' && x.k !== 'PILOT_MEMBER')
    .map((x) => `WHEN '${x.pilotPart}' THEN ${p(policy.kindWeights[x.k])}::float8`);
  const otherCases = SCORING_KINDS.map((k) => ({ k, ...evidenceKindOf(k) }))
    .filter((x) => x.kind !== 'PILOT')
    .map((x) => `WHEN '${x.kind}' THEN ${p(policy.kindWeights[x.k])}::float8`);
  const kindWeight = `CASE f.kind WHEN 'PILOT' THEN CASE f.pilot_part ${pilotCases.join(' ')} ELSE ${p(policy.kindWeights.PILOT_MEMBER)}::float8 END ${otherCases.join(' ')} END`;
  const verification = `CASE f.verification_status ${VERIFICATION_STATUSES.map((s) => `WHEN '${s}' THEN ${p(policy.verificationFactors[s])}::float8`).join(' ')} END`;
  const table = ageFactorTable(policy.ageing);
  const ageDays = `CASE WHEN f.kind = ANY(${p([...NON_AGEING_KINDS])}::varchar[]) THEN NULL ELSE ${p(dayOf(q.asOf))}::int - ${ageFromDaySql('facts')} END`;

  const competencyIds = reqs.map((r) => r.competencyId);
  const conditions = countingClaimConditions({ competencyIds, asOf: q.asOf }, params, 'facts');
  const [minLevels, maxPoints, required] = [
    p(reqs.map((r) => r.minLevel)), p(reqs.map((r) => maxPointsOf(r.weight))), p(reqs.map((r) => r.kind === 'REQUIRED')),
  ];
  const level = countedLevelSql(policy, params, 'facts');
  const building = q.buildingId ? p(q.buildingId) : null;
  const scale = `${CREDIT_SCALE}::float8`;
  // Bound only where used: an unused placeholder would have no type.
  const service = () => (role.minYearsOfService === null
    ? 'true'
    : `extract(year FROM age(${p(q.asOf)}::date, ed.hire_date)) >= ${p(role.minYearsOfService)}::int`);
  const order = policy.tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID'
    ? 'qualified DESC, score DESC, required_met DESC, met_count DESC, educator_id'
    : 'qualified DESC, score DESC, educator_id';
  // Candidates that sort ahead of "nothing counts" (unqualified, score 0, nothing met) under the tie-break.
  const zeroKeyNot = policy.tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID'
    ? '(qualified OR score > 0 OR required_met > 0 OR met_count > 0)'
    : '(qualified OR score > 0)';
  // Per-claim values are named once in `fact`; the credit keeps the domain's order of operations:
  // ((1000 x kind weight) x verification) x age x level factor.
  const position = (column: string) => `array_position(${p(competencyIds)}::uuid[], ${column})`;
  return `WITH fact AS (
      SELECT f.competency_id, f.educator_id, ${level} AS lvl, (${minLevels}::int[])[${position('f.competency_id')}] AS min_level,
        ${scale} * ${kindWeight} * ${verification} AS weighted, ${ageDays} AS age_days
      FROM ${CLAIMS_FROM.facts}
      ${building ? `JOIN educator eb ON eb.id = f.educator_id AND eb.building_id = ${building}::uuid` : ''}
      WHERE ${conditions.join(' AND ')}
    ), item AS (
      SELECT competency_id, educator_id, lvl,
        floor(weighted * CASE WHEN age_days IS NULL THEN 1::float8
                              ELSE (${p(table)}::float8[])[least(greatest(age_days, 0), ${p(table.length - 1)}::int) + 1] END
              * least(1::float8, lvl::float8 / min_level::float8) + 0.5::float8)::int AS credit
      FROM fact
    ), per_pair AS (
      SELECT competency_id, educator_id, max(lvl) AS lvl, max(credit) AS strongest, sum(credit) AS credit_sum
      FROM item GROUP BY competency_id, educator_id
    ), per_requirement AS (
      -- totalCredit(): min(1000, strongest + min(strongest, floor((sum - strongest) / divisor)))
      SELECT educator_id, r.max_points, r.required, lvl >= r.min_level AS met,
        least(${CREDIT_SCALE}, strongest + least(strongest, (credit_sum - strongest) / ${CORROBORATION_DIVISOR}))::int AS total
      FROM per_pair, LATERAL (SELECT (${minLevels}::int[])[i] AS min_level, (${maxPoints}::int[])[i] AS max_points, (${required}::boolean[])[i] AS required
                              FROM (SELECT ${position('per_pair.competency_id')} AS i) x) r
    ), per_educator AS (
      -- pointsFor(): max points x total / 1000, rounded half up, in integers
      SELECT educator_id,
        sum((2 * max_points * total + ${CREDIT_SCALE}) / ${2 * CREDIT_SCALE})::int AS score,
        (count(*) FILTER (WHERE met AND required))::int AS required_met,
        (count(*) FILTER (WHERE met))::int AS met_count
      FROM per_requirement GROUP BY educator_id
    ), ranked AS (${q.scoredOnly ? `
      SELECT educator_id, score, required_met, met_count, (required_met = ${p(requiredTotal)}::int) AS qualified FROM per_educator` : `
      SELECT ed.id AS educator_id, coalesce(pe.score, 0) AS score, coalesce(pe.required_met, 0) AS required_met, coalesce(pe.met_count, 0) AS met_count,
        (coalesce(pe.required_met, 0) = ${p(requiredTotal)}::int AND ${service()}) AS qualified
      FROM educator ed LEFT JOIN per_educator pe ON pe.educator_id = ed.id
      ${building ? `WHERE ed.building_id = ${building}::uuid` : ''}`}
    ), page AS (
      SELECT * FROM ranked ${q.qualifiedOnly ? 'WHERE qualified' : ''} ORDER BY ${order} LIMIT ${p(q.first)}::int OFFSET ${p(q.offset)}::int
    )
    SELECT page.educator_id, page.score, page.required_met, page.met_count, page.qualified, counts.total, counts.qualified_count, counts.ahead_of_zero
    FROM (SELECT ${q.scoredOnly && !q.qualifiedOnly
        ? `(SELECT count(*) FROM educator ed ${building ? `WHERE ed.building_id = ${building}::uuid` : ''})::int`
        : `(count(*) FILTER (WHERE ${q.qualifiedOnly ? 'qualified' : 'true'}))::int`} AS total,
            (count(*) FILTER (WHERE qualified))::int AS qualified_count,
            (count(*) FILTER (WHERE ${zeroKeyNot})::int) AS ahead_of_zero FROM ranked) counts
    LEFT JOIN page ON true
    ORDER BY ${order.replace(/(qualified|score|required_met|met_count|educator_id)/g, 'page.$1')}`;
}

/**
 * Whether a page can be ranked from scored candidates only: with a required competency and no
 * years-of-service rule, everyone without a counting claim is unqualified with nothing met and score 0,
 * so they all sort together, by id, after every candidate ahead of that key.
 */
export function canRankScoredOnly(role: RoleSpec): boolean {
  return role.minYearsOfService === null && role.requirements.some((r) => r.kind === 'REQUIRED');
}
