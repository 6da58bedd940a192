import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AGE_FROM_DAY_SQL, countingClaimConditions, EXPIRES_DAY_SQL, START_DAY_SQL, type ClaimFilter,
} from './demonstrated-levels.repository.js';
import type { ClaimFact, EvidenceKind, PilotPart, VerificationStatus } from './domain/evidence-rules.js';
import type { RankingKey, RequirementKind, RequirementSpec } from './domain/scoring.js';
import { buildRankingSql, type RankingQuery } from './ranking.sql.js';

/** The SQL behind ranking, explanations and standing. Counting rules come from the demonstrated-levels builders. */

export interface RequirementRow extends RequirementSpec {
  competencyCode: string;
  competencyName: string;
}

export interface RoleRow {
  id: string;
  title: string;
  status: string;
  buildingId: string | null;
  roleFte: number;
  closingDate: string | null;
  minYearsOfService: number | null;
  requirements: RequirementRow[];
}

export interface EvidenceDetails {
  title: string;
  startedOn: string | null;
  endedOn: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
}

export type DetailedFact = ClaimFact & { educatorId: string; details: EvidenceDetails };

export interface EducatorRow {
  id: string;
  fullName: string;
  buildingId: string;
  hireDate: string;
}

const ROLE_COLUMNS = `r.id, r.title, r.status, r.building_id, r.role_fte::float8 AS role_fte, r.closing_date::text AS closing_date, r.min_years_of_service`;
const REQUIREMENT_COLUMNS = `rr.id AS requirement_id, rr.competency_id, rr.kind AS requirement_kind, rr.min_level, rr.weight::float8 AS weight,
  c.code AS competency_code, c.name AS competency_name`;

@Injectable()
export class MatchingRepository {
  constructor(private readonly db: DataSource) {}

  /** Runs `work` in one read-only REPEATABLE READ transaction so every read sees the same snapshot. */
  snapshot<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return work(m);
    });
  }

  async role(m: EntityManager, roleId: string): Promise<RoleRow | null> {
    return (await this.roles(m, 'r.id = $1', [roleId]))[0] ?? null;
  }

  async openRoles(m: EntityManager): Promise<RoleRow[]> {
    return this.roles(m, `r.status = 'OPEN'`, []);
  }

  private async roles(m: EntityManager, where: string, params: unknown[]): Promise<RoleRow[]> {
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT ${ROLE_COLUMNS}, ${REQUIREMENT_COLUMNS}
       FROM hybrid_role r
       LEFT JOIN role_requirement rr ON rr.role_id = r.id
       LEFT JOIN competency c ON c.id = rr.competency_id
       WHERE ${where}
       ORDER BY r.title, r.id, rr.position, rr.id`,
      params,
    );
    const byId = new Map<string, RoleRow>();
    for (const row of rows) {
      let role = byId.get(row.id);
      if (!role) {
        role = {
          id: row.id, title: row.title, status: row.status, buildingId: row.building_id, roleFte: Number(row.role_fte),
          closingDate: row.closing_date, minYearsOfService: row.min_years_of_service === null ? null : Number(row.min_years_of_service), requirements: [],
        };
        byId.set(row.id, role);
      }
      if (row.requirement_id) {
        role.requirements.push({
          requirementId: row.requirement_id, competencyId: row.competency_id, kind: row.requirement_kind as RequirementKind,
          minLevel: Number(row.min_level), weight: Number(row.weight), competencyCode: row.competency_code, competencyName: row.competency_name,
        });
      }
    }
    return [...byId.values()];
  }

  async buildingExists(m: EntityManager, buildingId: string): Promise<boolean> {
    return (await m.query('SELECT 1 FROM building WHERE id = $1', [buildingId])).length > 0;
  }

  async educator(m: EntityManager, educatorId: string): Promise<EducatorRow | null> {
    return (await this.educators(m, [educatorId]))[0] ?? null;
  }

  async educators(m: EntityManager, ids: readonly string[]): Promise<EducatorRow[]> {
    if (!ids.length) return [];
    const rows: Array<Record<string, string>> = await m.query(
      `SELECT id, full_name, building_id, hire_date::text AS hire_date FROM educator WHERE id = ANY($1::uuid[])`, [[...ids]],
    );
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, buildingId: r.building_id, hireDate: r.hire_date }));
  }

  /** Claims of a few educators on these competencies, expired ones included, with what an explanation shows. */
  async detailedFacts(m: EntityManager, f: ClaimFilter): Promise<DetailedFact[]> {
    if (!f.competencyIds.length || f.educatorIds?.length === 0) return [];
    const params: unknown[] = [];
    const conditions = countingClaimConditions({ ...f, includeExpired: true }, params);
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT e.educator_id, c.competency_id, e.id, e.kind, e.pilot_part, e.verification_status, c.level,
         ${START_DAY_SQL} AS start_day, ${AGE_FROM_DAY_SQL} AS age_day, ${EXPIRES_DAY_SQL} AS expires_day,
         e.title, e.started_on::text AS started_on, e.ended_on::text AS ended_on, e.issued_on::text AS issued_on, e.expires_on::text AS expires_on
       FROM evidence_claim c JOIN evidence e ON e.id = c.evidence_id
       WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return rows.map((r) => ({
      ...factOf([r.educator_id, r.competency_id, r.id, r.kind, r.pilot_part, r.verification_status, r.level, r.start_day, r.age_day, r.expires_day]),
      educatorId: r.educator_id,
      details: { title: r.title, startedOn: r.started_on, endedOn: r.ended_on, issuedOn: r.issued_on, expiresOn: r.expires_on },
    }));
  }

  /** One page of a role's ranking, computed in the database (see ranking.sql.ts), with the counts. */
  async rankPage(m: EntityManager, q: RankingQuery): Promise<{ keys: RankingKey[]; total: number; qualifiedCount: number }> {
    const params: unknown[] = [];
    const rows: Array<{ educator_id: string | null; score: number; required_met: number; met_count: number; qualified: boolean; total: number; qualified_count: number }> =
      await m.query(buildRankingSql(q, params), params);
    return {
      keys: rows.filter((r) => r.educator_id !== null).map((r) => ({
        educatorId: r.educator_id!, score: r.score, requiredMet: r.required_met, metCount: r.met_count, qualified: r.qualified,
      })),
      total: rows[0]?.total ?? 0,
      qualifiedCount: rows[0]?.qualified_count ?? 0,
    };
  }

  /** A saved run's candidates in one statement; `candidate` is stored exactly as it was shown. */
  async insertRunResults(m: EntityManager, runId: string, nodes: ReadonlyArray<{ rank: number; educatorId: string; score: number; qualified: boolean; overextended: boolean }>): Promise<void> {
    if (!nodes.length) return;
    await m.query(
      `INSERT INTO ranking_run_result (run_id, rank, educator_id, score, qualified, overextended, candidate)
       SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::int[], $5::boolean[], $6::boolean[], $7::jsonb[])`,
      [runId, nodes.map((n) => n.rank), nodes.map((n) => n.educatorId), nodes.map((n) => n.score), nodes.map((n) => n.qualified),
        nodes.map((n) => n.overextended), nodes.map((n) => JSON.stringify(n))],
    );
  }

  /** Total role FTE of each educator's hybrid commitments active on `asOf` (educators with none are absent). */
  async commitmentsFte(m: EntityManager, educatorIds: readonly string[], asOf: string): Promise<Map<string, number>> {
    if (!educatorIds.length) return new Map();
    const rows: Array<{ educator_id: string; fte: string }> = await m.query(
      `SELECT educator_id, sum(role_fte)::text AS fte FROM hybrid_commitment
       WHERE educator_id = ANY($1::uuid[]) AND starts_on <= $2::date AND (ends_on IS NULL OR ends_on >= $2::date)
       GROUP BY educator_id`,
      [[...educatorIds], asOf],
    );
    return new Map(rows.map((r) => [r.educator_id, Number(r.fte)]));
  }
}

/** A row of claim columns (educatorId, competencyId, evidenceId, kind, pilotPart, status, level, startDay, ageFromDay, expiresDay) as a ClaimFact. */
export function factOf(t: readonly unknown[]): ClaimFact {
  return {
    competencyId: t[1] as string,
    evidenceId: t[2] as string,
    kind: t[3] as EvidenceKind,
    pilotPart: t[4] as PilotPart | null,
    status: t[5] as VerificationStatus,
    claimedLevel: Number(t[6]),
    startDay: t[7] === null ? null : Number(t[7]),
    ageFromDay: t[8] === null ? null : Number(t[8]),
    expiresDay: t[9] === null ? null : Number(t[9]),
  };
}
