import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ATTENDANCE_KINDS, DATE_RULES, VERIFICATION_STATUSES,
  type EvidenceDateField, type EvidenceRules, type VerificationStatus,
} from './domain/evidence-rules.js';

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
  /** Only educators of this building. */
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

/** Evidence columns behind the rule module's date fields (`e` = evidence). */
const DATE_COLUMNS: Record<EvidenceDateField, string> = {
  issuedOn: 'e.issued_on',
  startedOn: 'e.started_on',
  endedOn: 'e.ended_on',
  recordedOn: `(e.created_at AT TIME ZONE 'UTC')::date`,
  expiresOn: 'e.expires_on',
};

const dateOf = (fields: readonly EvidenceDateField[]): string =>
  fields.length === 1 ? DATE_COLUMNS[fields[0]] : `coalesce(${fields.map((f) => DATE_COLUMNS[f]).join(', ')})`;

/** SQL for a date field group as days since 1970-01-01 (what `ClaimFact` carries). */
export const dayNumberSql = (fields: readonly EvidenceDateField[]): string => `(${dateOf(fields)} - DATE '1970-01-01')`;
export const START_DAY_SQL = dayNumberSql(DATE_RULES.start);
export const AGE_FROM_DAY_SQL = dayNumberSql(DATE_RULES.ageFrom);
export const EXPIRES_DAY_SQL = dayNumberSql([DATE_RULES.expiry]);

/** Appends a bind value and returns its placeholder, so builders compose into bigger statements. */
export function bind(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** The level a claim shows (attendance capped), over `c` = evidence_claim and `e` = evidence. */
export function countedLevelSql(policy: EvidenceRules, params: unknown[]): string {
  return `CASE WHEN e.kind = ANY(${bind(params, [...ATTENDANCE_KINDS])}::varchar[]) THEN least(c.level, ${bind(params, policy.attendanceCapLevel)}::smallint) ELSE c.level END`;
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

/** WHERE conditions over `c` and `e` for claims that count on `asOf` (see DATE_RULES). */
export function countingClaimConditions(f: ClaimFilter, params: unknown[]): string[] {
  const asOf = `${bind(params, f.asOf)}::date`;
  const conditions = [`(${dateOf(DATE_RULES.start)} IS NULL OR ${dateOf(DATE_RULES.start)} <= ${asOf})`];
  if (f.competencyIds) conditions.push(`c.competency_id = ANY(${bind(params, [...f.competencyIds])}::uuid[])`);
  const statuses = f.statuses ?? VERIFICATION_STATUSES;
  if (statuses.length < VERIFICATION_STATUSES.length) conditions.push(`e.verification_status = ANY(${bind(params, [...statuses])}::varchar[])`);
  if (!f.includeExpired) conditions.push(`(${DATE_COLUMNS[DATE_RULES.expiry]} IS NULL OR ${DATE_COLUMNS[DATE_RULES.expiry]} >= ${asOf})`);
  if (f.educatorIds) conditions.push(`e.educator_id = ANY(${bind(params, [...f.educatorIds])}::uuid[])`);
  return conditions;
}

/**
 * One statement: per educator x competency, the highest demonstrated level on `asOf`.
 * Columns: educator_id, competency_id, level. Compose it as a CTE: placeholders continue `params`.
 */
export function buildDemonstratedLevelsSql(q: DemonstratedLevelsQuery, params: unknown[]): string {
  const level = countedLevelSql(q.policy, params);
  const conditions = countingClaimConditions(q, params);
  const building = q.buildingId ? `JOIN educator ed ON ed.id = e.educator_id AND ed.building_id = ${bind(params, q.buildingId)}::uuid` : '';
  return `SELECT e.educator_id, c.competency_id, max(${level})::int AS level
    FROM evidence_claim c
    JOIN evidence e ON e.id = c.evidence_id
    ${building}
    WHERE ${conditions.join(' AND ')}
    GROUP BY e.educator_id, c.competency_id
    HAVING max(${level}) > 0`;
}

@Injectable()
export class DemonstratedLevelsRepository {
  constructor(private readonly db: DataSource) {}

  /** Highest demonstrated level per educator x competency (see `buildDemonstratedLevelsSql`). */
  async demonstratedLevels(q: DemonstratedLevelsQuery, manager: EntityManager = this.db.manager): Promise<DemonstratedLevelRow[]> {
    if (q.competencyIds.length === 0 || q.educatorIds?.length === 0) return [];
    const params: unknown[] = [];
    const rows: Array<{ educator_id: string; competency_id: string; level: number }> = await manager.query(buildDemonstratedLevelsSql(q, params), params);
    return rows.map((r) => ({ educatorId: r.educator_id, competencyId: r.competency_id, level: Number(r.level) }));
  }
}
