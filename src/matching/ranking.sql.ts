import {
  AGE_FROM_DAY_SQL, bind, countedLevelSql, countingClaimConditions,
} from './demonstrated-levels.repository.js';
import { dayOf, NON_AGEING_KINDS, SCORING_KINDS, VERIFICATION_STATUSES, evidenceKindOf } from './domain/evidence-rules.js';
import type { ScoringPolicyValues } from './domain/scoring-policy.js';
import { ageFactorTable, CREDIT_SCALE, ITEMS_PER_REQUIREMENT, maxPointsOf, type RoleSpec } from './domain/scoring.js';

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
}

/**
 * Columns: educator_id, score, required_met, met_count, qualified (null on an empty page), total (candidates matching
 * the filters) and qualified_count (qualified candidates in scope, whatever qualifiedOnly says).
 */
export function buildRankingSql(q: RankingQuery, params: unknown[]): string {
  const { role, policy } = q;
  const p = (v: unknown) => bind(params, v);
  const reqs = role.requirements;
  const requiredTotal = reqs.filter((r) => r.kind === 'REQUIRED').length;

  // Kind weight by scoring kind: pilots by part, a pilot without a known part counts as membership (scoringKindOf).
  const kindCases = SCORING_KINDS.filter((k) => k !== 'PILOT_MEMBER').map((k) => {
    const { kind, pilotPart } = evidenceKindOf(k);
    return `WHEN e.kind = '${kind}'${pilotPart ? ` AND e.pilot_part = '${pilotPart}'` : ''} THEN ${p(policy.kindWeights[k])}::float8`;
  });
  kindCases.push(`WHEN e.kind = 'PILOT' THEN ${p(policy.kindWeights.PILOT_MEMBER)}::float8`);
  const kindWeight = `CASE ${kindCases.join(' ')} END`;
  const verification = `CASE e.verification_status ${VERIFICATION_STATUSES.map((s) => `WHEN '${s}' THEN ${p(policy.verificationFactors[s])}::float8`).join(' ')} END`;
  const table = ageFactorTable(policy.ageing);
  const asOfDay = dayOf(q.asOf);
  const age = `CASE WHEN e.kind = ANY(${p([...NON_AGEING_KINDS])}::varchar[]) OR ${AGE_FROM_DAY_SQL} IS NULL THEN 1::float8
    ELSE (${p(table)}::float8[])[least(greatest(${p(asOfDay)}::int - ${AGE_FROM_DAY_SQL}, 0), ${p(table.length - 1)}::int) + 1] END`;

  const competencyIds = reqs.map((r) => r.competencyId);
  const conditions = countingClaimConditions({ competencyIds, asOf: q.asOf }, params);
  const level = countedLevelSql(policy, params);
  const building = q.buildingId ? p(q.buildingId) : null;
  const scale = `${CREDIT_SCALE}::float8`;
  const denominator = `${CREDIT_SCALE ** ITEMS_PER_REQUIREMENT}::bigint`;
  const remaining = Array.from({ length: ITEMS_PER_REQUIREMENT }, (_, i) => `(${CREDIT_SCALE} - coalesce(top[${i + 1}], 0))::bigint`).join(' * ');
  const service = role.minYearsOfService === null
    ? 'true'
    : `extract(year FROM age(${p(q.asOf)}::date, ed.hire_date)) >= ${p(role.minYearsOfService)}::int`;
  const order = policy.tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID'
    ? 'qualified DESC, score DESC, required_met DESC, met_count DESC, educator_id'
    : 'qualified DESC, score DESC, educator_id';

  return `WITH req AS (
      SELECT * FROM unnest(${p(competencyIds)}::uuid[], ${p(reqs.map((r) => r.minLevel))}::int[],
        ${p(reqs.map((r) => maxPointsOf(r.weight)))}::int[], ${p(reqs.map((r) => r.kind === 'REQUIRED'))}::boolean[])
        WITH ORDINALITY AS r(competency_id, min_level, max_points, required, idx)
    ), item AS (
      SELECT e.educator_id, r.idx, r.min_level, r.max_points, r.required, ${level} AS lvl,
        floor(${scale} * ${kindWeight} * ${verification} * ${age} * least(1::float8, (${level})::float8 / r.min_level::float8) + 0.5::float8)::int AS credit
      FROM evidence_claim c
      JOIN evidence e ON e.id = c.evidence_id
      JOIN req r ON r.competency_id = c.competency_id
      ${building ? `JOIN educator eb ON eb.id = e.educator_id AND eb.building_id = ${building}::uuid` : ''}
      WHERE ${conditions.join(' AND ')}
    ), per_requirement AS (
      SELECT educator_id, max(max_points) AS max_points, bool_or(required) AS required, max(lvl) >= max(min_level) AS met,
        (array_agg(credit ORDER BY credit DESC))[1:${ITEMS_PER_REQUIREMENT}] AS top
      FROM item GROUP BY educator_id, idx
    ), per_educator AS (
      SELECT educator_id,
        sum((2 * max_points::bigint * (${denominator} - ${remaining}) + ${denominator}) / (2 * ${denominator}))::int AS score,
        (count(*) FILTER (WHERE met AND required))::int AS required_met,
        (count(*) FILTER (WHERE met))::int AS met_count
      FROM per_requirement GROUP BY educator_id
    ), ranked AS (
      SELECT ed.id AS educator_id, coalesce(pe.score, 0) AS score, coalesce(pe.required_met, 0) AS required_met, coalesce(pe.met_count, 0) AS met_count,
        (coalesce(pe.required_met, 0) = ${p(requiredTotal)}::int AND ${service}) AS qualified
      FROM educator ed LEFT JOIN per_educator pe ON pe.educator_id = ed.id
      ${building ? `WHERE ed.building_id = ${building}::uuid` : ''}
    ), page AS (
      SELECT * FROM ranked ${q.qualifiedOnly ? 'WHERE qualified' : ''} ORDER BY ${order} LIMIT ${p(q.first)}::int OFFSET ${p(q.offset)}::int
    )
    SELECT page.educator_id, page.score, page.required_met, page.met_count, page.qualified, counts.total, counts.qualified_count
    FROM (SELECT (count(*) FILTER (WHERE ${q.qualifiedOnly ? 'qualified' : 'true'}))::int AS total,
            (count(*) FILTER (WHERE qualified))::int AS qualified_count FROM ranked) counts
    LEFT JOIN page ON true
    ORDER BY ${order.replace(/(qualified|score|required_met|met_count|educator_id)/g, 'page.$1')}`;
}
