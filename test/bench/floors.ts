import { ATTENDANCE_KINDS, dayOf, statusesAtLeast } from '../../src/matching/domain/evidence-rules.js';
import type { ScoringPolicyValues } from '../../src/matching/domain/scoring-policy.js';
import {
  ageFactorTable,
  CORROBORATION_DIVISOR,
  CREDIT_SCALE,
  maxPointsOf,
  weightTable,
  type RoleSpec,
} from '../../src/matching/domain/scoring.js';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../../src/matching/domain/evidence-rules.js';

/**
 * The bench's floors: each one statement giving the same answer as the service path it stands beside, written
 * apart from the service's own statement builders (only the policy's numbers, the weight and ageing tables,
 * come from the domain). The bench checks each floor equal to its service before timing it.
 */

export interface RankedRow {
  educatorId: string;
  score: number;
  qualified: boolean;
}

export interface RankingAnswer {
  nodes: RankedRow[];
  totalCount: number;
  qualifiedCount: number;
}

/**
 * The first `first` candidates of a role with their scores and qualified flags, and the candidate and
 * qualified counts, in one pass over the claim facts: every claim on any of the role's competencies is read
 * once, joined to its requirement, and credited; the per-requirement and per-educator sums follow, and the
 * counts ride on every row of the page. Crosswalks are read by the statement itself.
 */
export function rankingFloorSql(role: RoleSpec, policy: ScoringPolicyValues, asOf: string, first: number, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const reqs = role.requirements;
  const requiredTotal = reqs.filter((r) => r.kind === 'REQUIRED').length;
  const table = ageFactorTable(policy.ageing);
  const asOfDate = `${p(asOf)}::date`;
  const req = `SELECT * FROM unnest(${p(reqs.map((r) => r.competencyId))}::uuid[], ${p(reqs.map((r) => r.minLevel))}::int[],
      ${p(reqs.map((r) => maxPointsOf(r.weight)))}::int[], ${p(reqs.map((r) => r.kind === 'REQUIRED'))}::boolean[])
      WITH ORDINALITY AS t(competency_id, min_level, max_points, required, n)`;
  const lvl = `CASE WHEN f.kind = ANY(${p([...ATTENDANCE_KINDS])}::varchar[]) THEN least(f.level, ${p(policy.attendanceCapLevel)}::int) ELSE f.level END`;
  const age = `${p(dayOf(asOf))}::int - f.age_from_day`;
  const service =
    role.minYearsOfService === null ? 'true' : `extract(year FROM age(${asOfDate}, ed.hire_date)) >= ${p(role.minYearsOfService)}::int`;
  const order =
    policy.tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID'
      ? 'qualified DESC, score DESC, required_met DESC, met_count DESC, educator_id'
      : 'qualified DESC, score DESC, educator_id';
  // A requirement counts claims on its competency and on those an exactMatchOf crosswalk maps to it (either direction).
  return `WITH req AS (${req}),
    counted AS (
      SELECT n, competency_id AS counted_id, min_level, max_points, required FROM req
      UNION
      SELECT r.n, a.destination_competency_id, r.min_level, r.max_points, r.required FROM req r JOIN case_association a
        ON a.association_type = 'exactMatchOf' AND a.origin_competency_id = r.competency_id AND a.destination_competency_id IS NOT NULL
      UNION
      SELECT r.n, a.origin_competency_id, r.min_level, r.max_points, r.required FROM req r JOIN case_association a
        ON a.association_type = 'exactMatchOf' AND a.destination_competency_id = r.competency_id AND a.origin_competency_id IS NOT NULL
    ),
    claim AS (
      SELECT f.educator_id, r.n, r.min_level, r.max_points, r.required, x.lvl,
        f.verification_status = ANY(${p(statusesAtLeast(policy.qualifyingStatus))}::varchar[]) AS trusted,
        floor((${p(weightTable(policy))}::float8[])[f.weight_slot]
          * CASE WHEN x.age_days IS NULL THEN 1::float8 ELSE (${p(`{${table.join(',')}}`)}::float8[])[least(greatest(x.age_days, 0), ${table.length - 1}) + 1] END
          * least(1::float8, x.lvl::float8 / r.min_level::float8) + 0.5::float8)::int AS credit
      FROM evidence_claim_fact f
      JOIN counted r ON r.counted_id = f.competency_id
      CROSS JOIN LATERAL (SELECT ${lvl} AS lvl, ${age} AS age_days) x
      WHERE (coalesce(f.issued_on, f.started_on) IS NULL OR coalesce(f.issued_on, f.started_on) <= ${asOfDate})
        AND (f.expires_on IS NULL OR f.expires_on >= ${asOfDate})
    ),
    per_req AS (
      SELECT educator_id, required, coalesce(max(lvl) FILTER (WHERE trusted), 0) >= min(min_level) AS met,
        (2 * min(max_points) * least(${CREDIT_SCALE}, max(credit) + least(max(credit), (sum(credit) - max(credit)) / ${CORROBORATION_DIVISOR}))::int + ${CREDIT_SCALE}) / ${2 * CREDIT_SCALE} AS points
      FROM claim GROUP BY educator_id, n, required
    ),
    per_educator AS (
      SELECT educator_id, sum(points)::int AS score, count(*) FILTER (WHERE met AND required)::int AS required_met, count(*) FILTER (WHERE met)::int AS met_count
      FROM per_req GROUP BY educator_id
    ),
    ranked AS (
      SELECT ed.id AS educator_id, coalesce(pe.score, 0) AS score, coalesce(pe.required_met, 0) AS required_met, coalesce(pe.met_count, 0) AS met_count,
        (coalesce(pe.required_met, 0) = ${requiredTotal} AND ${service}) AS qualified
      FROM educator ed LEFT JOIN per_educator pe ON pe.educator_id = ed.id
      WHERE ed.leaving_date IS NULL OR ed.leaving_date > ${asOfDate}
    )
    SELECT page.educator_id, page.score, page.qualified, counts.total, counts.qualified_count
    FROM (SELECT count(*)::int AS total, (count(*) FILTER (WHERE qualified))::int AS qualified_count FROM ranked) counts
    LEFT JOIN (SELECT * FROM ranked ORDER BY ${order} LIMIT ${p(first)}::int) page ON true
    ORDER BY ${order.replace(/(qualified|score|required_met|met_count|educator_id)/g, 'page.$1')}`;
}

export function rankingAnswerOf(
  rows: Array<{ educator_id: string; score: number; qualified: boolean; total: number; qualified_count: number }>,
): RankingAnswer {
  return {
    nodes: rows
      .filter((r) => r.educator_id !== null)
      .map((r) => ({ educatorId: r.educator_id, score: Number(r.score), qualified: r.qualified })),
    totalCount: rows[0]?.total ?? 0,
    qualifiedCount: rows[0]?.qualified_count ?? 0,
  };
}

export interface CoverageFigures {
  /** Per building, in code order: staff on the day and those covered. */
  buildings: Array<{ code: string; educators: number; covered: number }>;
  total: { educators: number; covered: number };
}

/**
 * The coverage report's figures in one statement that filters claims by their counted level first: only
 * claims at or above the level are read into the grouping, so an educator is covered when distinct
 * competencies among those claims number as many as asked. Totals ride along as window sums.
 */
export function coverageFloorSql(
  competencyIds: readonly string[],
  minLevel: number,
  asOf: string,
  attendanceCapLevel: number,
  statuses: readonly VerificationStatus[],
  params: unknown[],
): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const asOfDate = `${p(asOf)}::date`;
  const status = statuses.length < VERIFICATION_STATUSES.length ? `AND f.verification_status = ANY(${p([...statuses])}::varchar[])` : '';
  // The attendance cap can only lower a level: a capped kind counts at the level only when the cap reaches it.
  const capReaches = attendanceCapLevel >= minLevel;
  const level = capReaches ? '' : `AND NOT (f.kind = ANY(${p([...ATTENDANCE_KINDS])}::varchar[]))`;
  return `WITH covered AS (
      SELECT f.educator_id FROM evidence_claim_fact f
      WHERE f.competency_id = ANY(${p([...competencyIds])}::uuid[]) AND f.level >= ${p(minLevel)}::int ${level} ${status}
        AND (coalesce(f.issued_on, f.started_on) IS NULL OR coalesce(f.issued_on, f.started_on) <= ${asOfDate})
        AND (f.expires_on IS NULL OR f.expires_on >= ${asOfDate})
      GROUP BY f.educator_id HAVING count(DISTINCT f.competency_id) = ${p(competencyIds.length)}::int
    )
    SELECT b.code, count(ed.id)::int AS educators, count(cv.educator_id)::int AS covered,
      (sum(count(ed.id)) OVER ())::int AS total_educators, (sum(count(cv.educator_id)) OVER ())::int AS total_covered
    FROM building b
    LEFT JOIN educator ed ON ed.building_id = b.id AND ed.hire_date <= ${asOfDate} AND (ed.leaving_date IS NULL OR ed.leaving_date > ${asOfDate})
    LEFT JOIN covered cv ON cv.educator_id = ed.id
    GROUP BY b.code ORDER BY b.code`;
}

export function coverageFiguresOf(
  rows: Array<{ code: string; educators: number; covered: number; total_educators: number; total_covered: number }>,
): CoverageFigures {
  return {
    buildings: rows.map((r) => ({ code: r.code, educators: r.educators, covered: r.covered })),
    total: { educators: rows[0]?.total_educators ?? 0, covered: rows[0]?.total_covered ?? 0 },
  };
}

/** Throws with both answers when a floor and its service disagree: a fast wrong answer is not a floor. */
export function assertSameAnswer(what: string, floor: unknown, service: unknown): void {
  const [a, b] = [JSON.stringify(floor), JSON.stringify(service)];
  if (a !== b) throw new Error(`${what}: the floor and the service disagree\n floor:   ${a.slice(0, 600)}\n service: ${b.slice(0, 600)}`);
}
