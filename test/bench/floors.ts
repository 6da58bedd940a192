import {
  ATTENDANCE_KINDS,
  dayOf,
  evidenceKindOf,
  maxLevelShownBy,
  SCORING_KINDS,
  statusesAtLeast,
} from '../../src/matching/domain/evidence-rules.js';
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
import type { EducatorStandingModel } from '../../src/matching/models/ranking.model.js';

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
 * The competencies an exactMatchOf crosswalk makes count for each given one (either direction), as one statement: the
 * ranking floor is given them, as the service reads them before ranking.
 */
export const CROSSWALKS_SQL = `SELECT origin_competency_id::text AS competency, array_agg(DISTINCT destination_competency_id::text) AS equivalents
  FROM (SELECT origin_competency_id, destination_competency_id FROM case_association
        WHERE association_type = 'exactMatchOf' AND destination_competency_id IS NOT NULL AND origin_competency_id IS NOT NULL
        UNION SELECT destination_competency_id, origin_competency_id FROM case_association
        WHERE association_type = 'exactMatchOf' AND destination_competency_id IS NOT NULL AND origin_competency_id IS NOT NULL) a
  WHERE origin_competency_id = ANY($1::uuid[]) GROUP BY origin_competency_id`;

export function crosswalksOf(rows: Array<{ competency: string; equivalents: string[] }>): Map<string, string[]> {
  return new Map(rows.map((r) => [r.competency, r.equivalents]));
}

/**
 * The first `first` candidates of a role with their scores and qualified flags, and the candidate and qualified
 * counts, in one statement. Each requirement reads its competency's claims (and its crosswalked equivalents') in
 * educator order from the (competency, educator) index and groups them without sorting; the requirements are merged
 * in educator order and summed per educator, again without a sort or hash table.
 */
export function rankingFloorSql(
  role: RoleSpec,
  policy: ScoringPolicyValues,
  asOf: string,
  first: number,
  params: unknown[],
  crosswalks: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const reqs = role.requirements;
  const requiredTotal = reqs.filter((r) => r.kind === 'REQUIRED').length;
  const table = ageFactorTable(policy.ageing);
  const asOfDate = `${p(asOf)}::date`;
  // Bound on first use: a placeholder no branch uses (a role without requirements) would have no type.
  const once = (text: () => string) => {
    let bound: string | undefined;
    return () => (bound ??= text());
  };
  const lvl = once(
    () =>
      `CASE WHEN f.kind = ANY(${p([...ATTENDANCE_KINDS])}::varchar[]) THEN least(f.level, ${p(policy.attendanceCapLevel)}::int) ELSE f.level END`,
  );
  const age = once(() => `${p(dayOf(asOf))}::int - f.age_from_day`);
  const trusted = once(() => `f.verification_status = ANY(${p(statusesAtLeast(policy.qualifyingStatus))}::varchar[])`);
  const weights = once(() => `(${p(weightTable(policy))}::float8[])`);
  const ageFactors = once(() => `(${p(`{${table.join(',')}}`)}::float8[])`);
  const service =
    role.minYearsOfService === null ? 'true' : `extract(year FROM age(${asOfDate}, ed.hire_date)) >= ${p(role.minYearsOfService)}::int`;
  const order =
    policy.tieBreak === 'REQUIRED_MET_THEN_EDUCATOR_ID'
      ? 'qualified DESC, score DESC, required_met DESC, met_count DESC, educator_id'
      : 'qualified DESC, score DESC, educator_id';
  // OFFSET 0 keeps each claim's credit computed once for the two aggregates that read it.
  const branch = (r: RoleSpec['requirements'][number]) => {
    const ids = [r.competencyId, ...(crosswalks.get(r.competencyId) ?? [])];
    const minLevel = `${p(r.minLevel)}::int`;
    return `SELECT educator_id, ${r.kind === 'REQUIRED'} AS required, coalesce(max(lvl) FILTER (WHERE trusted), 0) >= ${minLevel} AS met,
        (2 * ${p(maxPointsOf(r.weight))}::int * least(${CREDIT_SCALE}, max(credit) + least(max(credit), (sum(credit) - max(credit)) / ${CORROBORATION_DIVISOR}))::int + ${CREDIT_SCALE}) / ${2 * CREDIT_SCALE} AS points
      FROM (
        SELECT educator_id, lvl, trusted,
          floor(weighted * CASE WHEN age_days IS NULL THEN 1::float8 ELSE ${ageFactors()}[least(greatest(age_days, 0), ${table.length - 1}) + 1] END
            * least(1::float8, lvl::float8 / ${minLevel}::float8) + 0.5::float8)::int AS credit
        FROM (
          SELECT f.educator_id, ${lvl()} AS lvl, ${trusted()} AS trusted, ${weights()}[f.weight_slot] AS weighted, ${age()} AS age_days
          FROM evidence_claim_fact f
          WHERE ${ids.length === 1 ? `f.competency_id = ${p(ids[0])}::uuid` : `f.competency_id = ANY(${p(ids)}::uuid[])`}
            AND (coalesce(f.issued_on, f.started_on) IS NULL OR coalesce(f.issued_on, f.started_on) <= ${asOfDate})
            AND (f.expires_on IS NULL OR f.expires_on >= ${asOfDate})
          ORDER BY f.educator_id OFFSET 0
        ) fact
        ORDER BY educator_id OFFSET 0
      ) claim GROUP BY educator_id`;
  };
  const perRequirement = reqs.length
    ? `${reqs.map(branch).join('\n      UNION ALL\n      ')}\n      ORDER BY educator_id`
    : 'SELECT NULL::uuid AS educator_id, false AS required, false AS met, 0 AS points WHERE false';
  return `WITH per_req AS (
      ${perRequirement}
    ),
    per_educator AS (
      SELECT educator_id, sum(points)::int AS score, count(*) FILTER (WHERE met AND required)::int AS required_met, count(*) FILTER (WHERE met)::int AS met_count
      FROM per_req GROUP BY educator_id
    ),
    ${requiredTotal > 0 ? scoredOnlyRanking() : everyoneRanking()}`;

  // With a required competency, a candidate with no claim on the role is unqualified with nothing met and score 0: the
  // lowest key there is, so all such candidates sort last, by id. Only candidates with claims are ranked; the page
  // takes the first of the others by id, and the candidate count is a count of the staff.
  function scoredOnlyRanking(): string {
    const scored =
      role.minYearsOfService === null
        ? `SELECT educator_id, score, required_met, met_count, required_met = ${requiredTotal} AS qualified FROM per_educator
           WHERE educator_id NOT IN (SELECT id FROM educator WHERE leaving_date <= ${asOfDate})`
        : `SELECT pe.educator_id, pe.score, pe.required_met, pe.met_count, (pe.required_met = ${requiredTotal} AND ${service}) AS qualified
           FROM per_educator pe JOIN educator ed ON ed.id = pe.educator_id WHERE ed.leaving_date IS NULL OR ed.leaving_date > ${asOfDate}`;
    const limit = `${p(first)}::int`;
    return `ranked AS (${scored}),
    counts AS (
      SELECT (SELECT count(*)::int FROM educator WHERE leaving_date IS NULL OR leaving_date > ${asOfDate}) AS total,
        (count(*) FILTER (WHERE qualified))::int AS qualified_count, (count(*) FILTER (WHERE qualified OR score > 0))::int AS ahead
      FROM ranked
    ),
    page AS (
      SELECT * FROM (
        (SELECT * FROM ranked ORDER BY ${order} LIMIT ${limit})
        UNION ALL
        (SELECT ed.id, 0, 0, 0, false FROM educator ed
          WHERE (ed.leaving_date IS NULL OR ed.leaving_date > ${asOfDate}) AND NOT EXISTS (SELECT 1 FROM per_educator pe WHERE pe.educator_id = ed.id)
            -- Read only when the page reaches the lowest key (a test done once, before the branch runs).
            AND (SELECT ahead FROM counts) < ${limit}
          ORDER BY ed.id LIMIT ${limit})
      ) candidate ORDER BY ${order} LIMIT ${limit}
    )
    SELECT page.educator_id, page.score, page.qualified, counts.total, counts.qualified_count
    FROM counts LEFT JOIN page ON true
    ORDER BY ${order.replace(/(qualified|score|required_met|met_count|educator_id)/g, 'page.$1')}`;
  }

  function everyoneRanking(): string {
    return `ranked AS (
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

/** What the bench's standing query shows of one educator's standing page (the gaps' plain sentences left aside). */
export interface StandingAnswer {
  qualifiedCount: number;
  totalCount: number;
  roles: Array<{
    roleId: string;
    roleTitle: string;
    qualified: boolean;
    score: number;
    maxScore: number;
    gaps: Array<{ competencyCode: string; levelHeld: number; levelNeeded: number; remedyIds: string[] }>;
  }>;
  remedies: Array<{ id: string; kind: string; pilotPart: string | null; level: number }>;
}

/**
 * One educator's standing page in one statement: the first `first` OPEN roles in standing order (qualified first,
 * then score, title and id) with qualified, score and maxScore, every unmet requirement with the level held (trusted
 * evidence) and the level needed, the ids of the kinds of evidence that would close it, the page's remedies once each
 * in order of first mention, and the qualified and total counts over every open role. The statement reads the roles,
 * their requirements and competencies, crosswalks, the educator (leavers hold no standing) and their claim facts;
 * from the domain it takes only the policy's numbers: the weight and ageing tables, and which evidence kinds can show
 * which level with their weights (remediesFor's inputs). The age factors are read from `ageTable` (see
 * ageFactorTableSql): as a parameter the table is 14,640 numbers to send and parse on every execution, which would
 * be most of the statement's time.
 */
export function standingFloorSql(
  policy: ScoringPolicyValues,
  asOf: string,
  educatorId: string,
  first: number,
  ageTable: string,
  params: unknown[],
): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const table = ageFactorTable(policy.ageing);
  const asOfDate = `${p(asOf)}::date`;
  const kinds = SCORING_KINDS.map((k, i) => ({ k, i, ...evidenceKindOf(k), w: policy.kindWeights[k], max: maxLevelShownBy(k, policy) }));
  // A remedy list per level needed: the kinds that can show it, strongest-weighted first (the order SCORING_KINDS gives ties).
  const remedy = `SELECT * FROM unnest(${p(kinds.map((x) => x.k))}::text[], ${p(kinds.map((x) => x.kind))}::text[], ${p(kinds.map((x) => x.pilotPart))}::text[],
      ${p(kinds.map((x) => x.w))}::float8[], ${p(kinds.map((x) => (Number.isFinite(x.max) ? x.max : 32767)))}::int[], ${p(kinds.map((x) => x.i))}::int[])
      AS t(scoring_kind, kind, pilot_part, weight, max_level, ord)`;
  return `WITH ed AS (
      SELECT id, hire_date FROM educator WHERE id = ${p(educatorId)}::uuid AND (leaving_date IS NULL OR leaving_date > ${asOfDate})
    ),
    -- The educator's counting claims, each with its level (attendance capped), trust, and credit before the level factor.
    claim AS (
      SELECT f.competency_id, x.lvl, f.verification_status = ANY(${p(statusesAtLeast(policy.qualifyingStatus))}::varchar[]) AS trusted,
        (${p(weightTable(policy))}::float8[])[f.weight_slot] * CASE WHEN f.age_from_day IS NULL THEN 1::float8 ELSE a.factor END AS base
      FROM ed JOIN evidence_claim_fact f ON f.educator_id = ed.id
      CROSS JOIN LATERAL (SELECT CASE WHEN f.kind = ANY(${p([...ATTENDANCE_KINDS])}::varchar[]) THEN least(f.level, ${p(policy.attendanceCapLevel)}::int) ELSE f.level END AS lvl) x
      LEFT JOIN ${ageTable} a ON a.day = least(greatest(${p(dayOf(asOf))}::int - f.age_from_day, 0), ${table.length - 1})
      WHERE (coalesce(f.issued_on, f.started_on) IS NULL OR coalesce(f.issued_on, f.started_on) <= ${asOfDate})
        AND (f.expires_on IS NULL OR f.expires_on >= ${asOfDate})
    ),
    -- Which requirement competency each claimed competency counts for: itself, and exactMatchOf partners either way.
    counts_for AS (
      SELECT competency_id AS claimed, competency_id AS required FROM claim
      UNION
      SELECT a.origin_competency_id, a.destination_competency_id FROM case_association a
      WHERE a.association_type = 'exactMatchOf' AND a.origin_competency_id IN (SELECT competency_id FROM claim) AND a.destination_competency_id IS NOT NULL
      UNION
      SELECT a.destination_competency_id, a.origin_competency_id FROM case_association a
      WHERE a.association_type = 'exactMatchOf' AND a.destination_competency_id IN (SELECT competency_id FROM claim) AND a.origin_competency_id IS NOT NULL
    ),
    -- Per requirement with anything counting for it: the level held on trusted evidence and the points earned.
    credited AS (
      SELECT rr.id, coalesce(max(c.lvl) FILTER (WHERE c.trusted), 0) AS held,
        (2 * floor(rr.weight::text::float8 * 100 + 0.5)::int * least(${CREDIT_SCALE}, max(cr.credit) + least(max(cr.credit), (sum(cr.credit) - max(cr.credit)) / ${CORROBORATION_DIVISOR})) + ${CREDIT_SCALE}) / ${2 * CREDIT_SCALE} AS points
      FROM counts_for cf JOIN claim c ON c.competency_id = cf.claimed JOIN role_requirement rr ON rr.competency_id = cf.required
      CROSS JOIN LATERAL (SELECT floor(c.base * least(1::float8, c.lvl::float8 / rr.min_level::float8) + 0.5::float8)::int AS credit) cr
      GROUP BY rr.id
    ),
    per_role AS (
      SELECT r.id, r.title, coalesce(sum(c.points), 0)::int AS score, coalesce(sum(floor(rr.weight::text::float8 * 100 + 0.5)), 0)::int AS max_score,
        count(rr.id) FILTER (WHERE rr.kind = 'REQUIRED' AND coalesce(c.held, 0) < rr.min_level) = 0
          AND (r.min_years_of_service IS NULL OR greatest(0, extract(year FROM age(${asOfDate}, ed.hire_date))) >= r.min_years_of_service) AS qualified
      FROM ed CROSS JOIN hybrid_role r LEFT JOIN role_requirement rr ON rr.role_id = r.id LEFT JOIN credited c ON c.id = rr.id
      WHERE r.status = 'OPEN'
      GROUP BY r.id, ed.hire_date
    ),
    page AS (
      SELECT pr.*, row_number() OVER (ORDER BY pr.qualified DESC, pr.score DESC, pr.title COLLATE "C", pr.id) AS n,
        count(*) OVER () AS total_count, count(*) FILTER (WHERE pr.qualified) OVER () AS qualified_count
      FROM per_role pr ORDER BY n LIMIT ${p(first)}::int
    ),
    gap AS (
      SELECT pg.n, row_number() OVER (ORDER BY pg.n, rr.position, rr.id) AS gap_n, co.code, coalesce(c.held, 0) AS held, rr.min_level
      FROM page pg JOIN role_requirement rr ON rr.role_id = pg.id LEFT JOIN credited c ON c.id = rr.id JOIN competency co ON co.id = rr.competency_id
      WHERE coalesce(c.held, 0) < rr.min_level
    ),
    -- The remedies of each level the page's gaps need, strongest-weighted first; a level first needed at gap k names them there.
    level_remedy AS (
      SELECT l.level, l.first_gap, rm.scoring_kind || '@' || l.level AS id, rm.kind, rm.pilot_part,
        row_number() OVER (PARTITION BY l.level ORDER BY rm.weight DESC, rm.ord) AS rank
      FROM (SELECT min_level AS level, min(gap_n) AS first_gap FROM gap GROUP BY min_level) l
      JOIN (${remedy}) rm ON rm.max_level >= l.level
    ),
    level_ids AS (SELECT level, string_agg(id, ',' ORDER BY rank) AS ids FROM level_remedy GROUP BY level),
    page_remedies AS (
      SELECT array_agg(id ORDER BY first_gap, rank) AS ids, array_agg(kind ORDER BY first_gap, rank) AS kinds,
        array_agg(pilot_part ORDER BY first_gap, rank) AS parts, array_agg(level ORDER BY first_gap, rank) AS levels
      FROM level_remedy
    ),
    role_gaps AS (
      SELECT g.n, array_agg(g.code ORDER BY g.gap_n) AS codes, array_agg(g.held ORDER BY g.gap_n) AS held,
        array_agg(g.min_level ORDER BY g.gap_n) AS needed, array_agg(li.ids ORDER BY g.gap_n) AS remedy_ids
      FROM gap g JOIN level_ids li ON li.level = g.min_level GROUP BY g.n
    )
    SELECT pg.id AS role_id, pg.title, pg.qualified, pg.score, pg.max_score, pg.total_count::int, pg.qualified_count::int,
      g.codes, g.held, g.needed, g.remedy_ids, pr.ids AS remedy_list, pr.kinds AS remedy_kinds, pr.parts AS remedy_parts, pr.levels AS remedy_levels
    FROM page pg LEFT JOIN role_gaps g ON g.n = pg.n CROSS JOIN page_remedies pr
    ORDER BY pg.n`;
}

export function standingAnswerOf(
  rows: Array<{
    role_id: string;
    title: string;
    qualified: boolean;
    score: number;
    max_score: number;
    total_count: number;
    qualified_count: number;
    codes: string[] | null;
    held: number[] | null;
    needed: number[] | null;
    remedy_ids: string[] | null;
    remedy_list: string[] | null;
    remedy_kinds: string[] | null;
    remedy_parts: Array<string | null> | null;
    remedy_levels: number[] | null;
  }>,
): StandingAnswer {
  const [first] = rows;
  return {
    qualifiedCount: first?.qualified_count ?? 0,
    totalCount: first?.total_count ?? 0,
    roles: rows.map((r) => ({
      roleId: r.role_id,
      roleTitle: r.title,
      qualified: r.qualified,
      score: r.score,
      maxScore: r.max_score,
      gaps: (r.codes ?? []).map((code, i) => ({
        competencyCode: code,
        levelHeld: r.held![i],
        levelNeeded: r.needed![i],
        remedyIds: r.remedy_ids![i] ? r.remedy_ids![i].split(',') : [],
      })),
    })),
    remedies: (first?.remedy_list ?? []).map((id, i) => ({
      id,
      kind: first!.remedy_kinds![i],
      pilotPart: first!.remedy_parts![i],
      level: first!.remedy_levels![i],
    })),
  };
}

/**
 * A table of the policy's age factors by whole days (ageFactorTable: day n holds the factor for age n; older ages
 * take the last row), for floors that look a claim's factor up instead of receiving the whole table as a parameter.
 */
export function ageFactorTableSql(
  name: string,
  policy: ScoringPolicyValues,
): { create: string; fill: { text: string; values: unknown[] } } {
  return {
    create: `DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (day int PRIMARY KEY, factor float8 NOT NULL)`,
    fill: {
      text: `INSERT INTO ${name} SELECT d - 1, f FROM unnest($1::float8[]) WITH ORDINALITY AS t(f, d)`,
      values: [ageFactorTable(policy.ageing)],
    },
  };
}

/** The same fields of the service's answer, to compare with the floor's. */
export function standingAnswerOfService(s: EducatorStandingModel): StandingAnswer {
  return {
    qualifiedCount: s.qualifiedCount,
    totalCount: s.totalCount,
    roles: s.roles.map((r) => ({
      roleId: r.roleId,
      roleTitle: r.roleTitle,
      qualified: r.qualified,
      score: r.score,
      maxScore: r.maxScore,
      gaps: r.gaps.map((g) => ({
        competencyCode: g.competencyCode,
        levelHeld: g.levelHeld,
        levelNeeded: g.levelNeeded,
        remedyIds: g.remedyIds,
      })),
    })),
    remedies: s.remedies.map((m) => ({ id: m.id, kind: m.kind, pilotPart: m.pilotPart, level: m.level })),
  };
}
