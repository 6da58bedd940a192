/*
 * src/matching/sql/: the scoring rules as SQL, the form production runs. The TypeScript in ../domain/ is the
 * reference model; these files must compute what it computes. Parity tests (run them after any change here):
 *   test/integration/ranking-sql.spec.ts          ranking order and scores equal rankingKeyOf on random districts
 *   test/integration/demonstrated-levels.spec.ts  demonstrated levels equal demonstratedLevel()
 *   test/integration/claim-facts.spec.ts           the claim facts the SQL reads equal claims joined with evidence
 *   src/matching/sql/ranking-example.spec.ts       the committed ranking.example.sql is what is generated today
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ATTENDANCE_KINDS,
  DATE_RULES,
  VERIFICATION_STATUSES,
  type EvidenceDateField,
  type EvidenceRules,
  type VerificationStatus,
} from '../domain/evidence-rules.js';

/**
 * THE computation of "demonstrated level" in SQL. Ranking, standing, the benchmark floor and the reports
 * all call the builders here; the rules themselves (attendance kinds and cap, start and expiry dates)
 * come from `domain/evidence-rules.ts`, which the pure `demonstratedLevel()` reads too.
 */
export interface DemonstratedLevelsQuery {
  /** Competencies to answer for (required; an empty list answers nothing). */
  competencyIds: readonly string[];
  /** 'YYYY-MM-DD': evidence counts when it has started by this day and has not expired before it. */
  asOf: string;
  /** Verification statuses that count; all of them when omitted. */
  statuses?: readonly VerificationStatus[];
  /** Only these educators. */
  educatorIds?: readonly string[];
  /** Only educators assigned to this building on `asOf`. */
  buildingId?: string | null;
  /** The policy's counting rules (a ScoringPolicyValues or ScoringPolicyEntity fits). */
  policy: EvidenceRules;
}

export interface DemonstratedLevelRow {
  educatorId: string;
  competencyId: string;
  /** Always >= 1: pairs with nothing that counts are absent. */
  level: number;
}

/**
 * Where claims are read from. 'facts' is the maintained `evidence_claim_fact` table (alias `f`, live evidence only:
 * archived evidence has no facts): one covering
 * index in (competency, educator) order, so it is what ranking and demonstrated levels use. 'joined' reads
 * the base tables (`c` = evidence_claim joined to `e` = evidence) for callers that need other evidence columns.
 * Both expose the same fields to the rules.
 */
export type ClaimSource = 'facts' | 'joined';

type ClaimField = EvidenceDateField | 'level' | 'competencyId' | 'educatorId' | 'kind' | 'pilotPart' | 'status';

const COLUMNS: Record<ClaimSource, Record<ClaimField, string>> = {
  facts: {
    level: 'f.level',
    competencyId: 'f.competency_id',
    educatorId: 'f.educator_id',
    kind: 'f.kind',
    pilotPart: 'f.pilot_part',
    status: 'f.verification_status',
    issuedOn: 'f.issued_on',
    startedOn: 'f.started_on',
    endedOn: 'f.ended_on',
    recordedOn: 'f.recorded_on',
    expiresOn: 'f.expires_on',
  },
  joined: {
    level: 'c.level',
    competencyId: 'c.competency_id',
    educatorId: 'e.educator_id',
    kind: 'e.kind',
    pilotPart: 'e.pilot_part',
    status: 'e.verification_status',
    issuedOn: 'e.issued_on',
    startedOn: 'e.started_on',
    endedOn: 'e.ended_on',
    recordedOn: `(e.created_at AT TIME ZONE 'UTC')::date`,
    expiresOn: 'e.expires_on',
  },
};

/** The column (or expression) for a claim field in a source. */
export const col = (field: ClaimField, source: ClaimSource = 'joined'): string => COLUMNS[source][field];

/** FROM clause of a source, with its aliases. */
export const CLAIMS_FROM: Record<ClaimSource, string> = {
  facts: 'evidence_claim_fact f',
  joined: 'evidence_claim c JOIN evidence e ON e.id = c.evidence_id',
};

const dateOf = (fields: readonly EvidenceDateField[], source: ClaimSource): string =>
  fields.length === 1 ? col(fields[0], source) : `coalesce(${fields.map((f) => col(f, source)).join(', ')})`;

/** SQL for a date field group as days since 1970-01-01 (what `ClaimFact` carries). */
export const dayNumberSql = (fields: readonly EvidenceDateField[], source: ClaimSource = 'joined'): string =>
  `(${dateOf(fields, source)} - DATE '1970-01-01')`;
export const startDaySql = (source: ClaimSource = 'joined') => dayNumberSql(DATE_RULES.start, source);
export const ageFromDaySql = (source: ClaimSource = 'joined') => dayNumberSql(DATE_RULES.ageFrom, source);
export const expiresDaySql = (source: ClaimSource = 'joined') => dayNumberSql([DATE_RULES.expiry], source);

/** Appends a bind value and returns its placeholder, so builders compose into bigger statements. */
export function bind(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** The level a claim shows (attendance capped). */
export function countedLevelSql(policy: EvidenceRules, params: unknown[], source: ClaimSource = 'joined'): string {
  const [kind, level] = [col('kind', source), col('level', source)];
  return `CASE WHEN ${kind} = ANY(${bind(params, [...ATTENDANCE_KINDS])}::varchar[]) THEN least(${level}, ${bind(params, policy.attendanceCapLevel)}::smallint) ELSE ${level} END`;
}

export interface ClaimFilter {
  /** Omitted: every competency (only sensible together with educatorIds). */
  competencyIds?: readonly string[];
  asOf: string;
  statuses?: readonly VerificationStatus[];
  educatorIds?: readonly string[];
  /** Keep expired claims (explanations list them, marked expired). */
  includeExpired?: boolean;
}

/** WHERE conditions for claims that count on `asOf` (see DATE_RULES), over a claim source's aliases. */
export function countingClaimConditions(f: ClaimFilter, params: unknown[], source: ClaimSource = 'joined'): string[] {
  const asOf = `${bind(params, f.asOf)}::date`;
  const start = dateOf(DATE_RULES.start, source);
  const expiry = col(DATE_RULES.expiry, source);
  const conditions = [`(${start} IS NULL OR ${start} <= ${asOf})`];
  // Archived (soft-deleted) evidence never counts. The facts table holds live evidence only (its triggers drop the
  // facts of archived items); the base tables need the condition.
  if (source === 'joined') conditions.push('e.deleted_at IS NULL');
  if (f.competencyIds) conditions.push(`${col('competencyId', source)} = ANY(${bind(params, [...f.competencyIds])}::uuid[])`);
  const statuses = f.statuses ?? VERIFICATION_STATUSES;
  if (statuses.length < VERIFICATION_STATUSES.length)
    conditions.push(`${col('status', source)} = ANY(${bind(params, [...statuses])}::varchar[])`);
  if (!f.includeExpired) conditions.push(`(${expiry} IS NULL OR ${expiry} >= ${asOf})`);
  if (f.educatorIds) conditions.push(`${col('educatorId', source)} = ANY(${bind(params, [...f.educatorIds])}::uuid[])`);
  return conditions;
}

/**
 * One statement: per educator x competency, the highest demonstrated level on `asOf`.
 * Columns: educator_id, competency_id, level. Compose it as a CTE: placeholders continue `params`.
 */
export function buildDemonstratedLevelsSql(q: DemonstratedLevelsQuery, params: unknown[]): string {
  const level = countedLevelSql(q.policy, params, 'facts');
  const conditions = countingClaimConditions(q, params, 'facts');
  // The building the educator was assigned to on asOf (building_assignment), not the current one.
  const building = q.buildingId
    ? `JOIN building_assignment ba ON ba.educator_id = f.educator_id AND ba.building_id = ${bind(params, q.buildingId)}::uuid
         AND ba.starts_on <= ${bind(params, q.asOf)}::date AND (ba.ends_on IS NULL OR ba.ends_on >= ${bind(params, q.asOf)}::date)`
    : '';
  // Grouped in the covering index's (competency, educator) order, so the database streams the aggregate.
  return `SELECT f.educator_id, f.competency_id, max(${level})::int AS level
    FROM ${CLAIMS_FROM.facts}
    ${building}
    WHERE ${conditions.join(' AND ')}
    GROUP BY f.competency_id, f.educator_id
    HAVING max(${level}) > 0`;
}

@Injectable()
export class DemonstratedLevelsRepository {
  constructor(private readonly db: DataSource) {}

  /** Highest demonstrated level per educator x competency (see `buildDemonstratedLevelsSql`). */
  async demonstratedLevels(q: DemonstratedLevelsQuery, manager: EntityManager = this.db.manager): Promise<DemonstratedLevelRow[]> {
    if (q.competencyIds.length === 0 || q.educatorIds?.length === 0) return [];
    const params: unknown[] = [];
    const rows: Array<{ educator_id: string; competency_id: string; level: number }> = await manager.query(
      buildDemonstratedLevelsSql(q, params),
      params,
    );
    return rows.map((r) => ({ educatorId: r.educator_id, competencyId: r.competency_id, level: Number(r.level) }));
  }
}
