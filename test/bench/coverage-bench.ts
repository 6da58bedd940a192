import type { DataSource } from 'typeorm';
import { bind, buildDemonstratedLevelsSql } from '../../src/matching/sql/demonstrated-levels.repository.js';
import { evidenceRulesOf } from '../../src/matching/domain/scoring-policy.js';
import { assertSameAnswer, coverageFiguresOf, coverageFloorSql } from './floors.js';
import type { ScoringPolicyEntity } from '../../src/matching/scoring-policy.entity.js';
import type { CapacityReportsService } from '../../src/reports/capacity-reports.service.js';
import { DEFAULT_REPORT_STATUSES } from '../../src/reports/domain/report-rules.js';
import type { CoverageArgs } from '../../src/reports/dto/report.args.js';

/**
 * The capacity part of `npm run bench`: the superintendent's coverage question at each size, through the
 * service in-process and through GraphQL over HTTP, beside its SQL floor. Kept apart from the matching
 * benchmark; it only needs a loaded database, the service and (optionally) an HTTP caller.
 */

export const SUPERINTENDENT = {
  frameworkCode: 'DISTRICT-AI-READINESS',
  competencyCodes: ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY'],
  minLevel: 2,
} as const;

export const SUPERINTENDENT_QUERY = `query($asOf: String) {
  capacityCoverage(frameworkCode: "${SUPERINTENDENT.frameworkCode}", competencyCodes: ${JSON.stringify(SUPERINTENDENT.competencyCodes)}, minLevel: ${SUPERINTENDENT.minLevel}, asOf: $asOf) {
    total { educators covered share }
    buildings { building { code name } educators covered share }
  }
}`;

/**
 * A labelled reference, not the floor: one statement counting educators on staff who show all three
 * competencies at the level, from the matching engine's own levels builder (every level first, then the
 * filter), with no per-building breakdown. The floor (floors.ts) gives the report's figures and filters
 * claims by level first.
 */
export function coverageLevelsReferenceSql(
  competencyIds: readonly string[],
  asOf: string,
  policy: ScoringPolicyEntity,
  params: unknown[],
): string {
  const lv = buildDemonstratedLevelsSql(
    { competencyIds, asOf, statuses: DEFAULT_REPORT_STATUSES, policy: evidenceRulesOf(policy) },
    params,
  );
  return `WITH lv AS (${lv})
    SELECT count(*)::int AS covered FROM (
      SELECT lv.educator_id FROM lv JOIN educator ed ON ed.id = lv.educator_id AND ed.hire_date <= ${bind(params, asOf)}::date
       WHERE lv.level >= ${bind(params, SUPERINTENDENT.minLevel)}
       GROUP BY lv.educator_id HAVING count(*) = ${bind(params, competencyIds.length)}
    ) x`;
}

/** Same shape as the matching bench's `Stats`, so the rows drop into its table and JSON. */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export interface CoverageBenchContext {
  ds: DataSource;
  service: CapacityReportsService;
  /** POSTs a GraphQL operation as HR and returns `data`; omit to skip the HTTP path. */
  gql?: (query: string, variables: Record<string, unknown>) => Promise<any>;
  asOf: string;
  runs?: number;
  warmup?: number;
}

export interface CoverageBenchResult {
  /** floor_coverage, coverage_inprocess and (with an HTTP caller) coverage_http. */
  measures: Record<string, Timing>;
  /** measure -> the floor it is compared with */
  floors: Record<string, string>;
  /** Educators answering the question: every path must agree. */
  covered: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Nearest-rank median and 95th percentile. */
export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    runs: sorted.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    minMs: round(sorted[0]),
    maxMs: round(sorted[sorted.length - 1]),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

/**
 * The superintendent's question at one size: the floor, the service in-process and GraphQL over HTTP,
 * taken in turn within each round so a load change on the machine hits all three alike. Throws when the
 * paths disagree on the count (a fast wrong answer is not a result).
 */
export async function measureCapacityCoverage(ctx: CoverageBenchContext): Promise<CoverageBenchResult> {
  const runs = ctx.runs ?? 15;
  const warmup = ctx.warmup ?? 3;
  const ids: Array<{ id: string }> = await ctx.ds.query(
    `SELECT c.id FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE f.code = $1 AND c.code = ANY($2::varchar[]) ORDER BY c.code`,
    [SUPERINTENDENT.frameworkCode, [...SUPERINTENDENT.competencyCodes]],
  );
  const [policy]: ScoringPolicyEntity[] = await ctx.ds.query(
    `SELECT attendance_cap_level AS "attendanceCapLevel" FROM scoring_policy WHERE is_current`,
  );
  const params: unknown[] = [];
  const referenceSql = coverageLevelsReferenceSql(
    ids.map((r) => r.id),
    ctx.asOf,
    policy,
    params,
  );
  const floorParams: unknown[] = [];
  const floorSql = coverageFloorSql(
    ids.map((r) => r.id),
    SUPERINTENDENT.minLevel,
    ctx.asOf,
    policy.attendanceCapLevel,
    DEFAULT_REPORT_STATUSES,
    floorParams,
  );
  const args = {
    ...SUPERINTENDENT,
    competencyCodes: [...SUPERINTENDENT.competencyCodes],
    asOf: ctx.asOf,
    statuses: [...DEFAULT_REPORT_STATUSES],
  } as unknown as CoverageArgs;

  // The floor must give the report's figures, building by building, before it is timed.
  const figures = coverageFiguresOf(await ctx.ds.query(floorSql, floorParams));
  const report = await ctx.service.coverage(args);
  assertSameAnswer('coverage', figures, {
    buildings: report.buildings.map((b) => ({ code: b.building.code, educators: b.educators, covered: b.covered })),
    total: { educators: report.total.educators, covered: report.total.covered },
  });
  const paths: Record<string, () => Promise<number>> = {
    floor_coverage: async () => coverageFiguresOf(await ctx.ds.query(floorSql, floorParams)).total.covered,
    ref_coverage_levels: async () => (await ctx.ds.query(referenceSql, params))[0].covered as number,
    coverage_inprocess: async () => (await ctx.service.coverage(args)).total.covered ?? 0,
  };
  const gql = ctx.gql;
  if (gql) paths.coverage_http = async () => (await gql(SUPERINTENDENT_QUERY, { asOf: ctx.asOf })).capacityCoverage.total.covered as number;

  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(paths).map((k) => [k, []]));
  const answers = new Map<string, number>();
  for (let i = 0; i < warmup + runs; i += 1) {
    for (const [name, run] of Object.entries(paths)) {
      const [ms, covered] = await timed(run);
      answers.set(name, covered);
      if (i >= warmup) samples[name].push(ms);
    }
  }
  const covered = answers.get('floor_coverage') as number;
  if ([...answers.values()].some((n) => n !== covered)) {
    throw new Error(`Coverage paths disagree: ${[...answers].map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  const measures = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)]));
  const floors = Object.fromEntries(
    Object.keys(paths)
      .filter((k) => !k.startsWith('floor_'))
      .map((k) => [k, 'floor_coverage']),
  );
  return { measures, floors, covered };
}
