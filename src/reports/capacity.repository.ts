import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadSource } from '../common/read-source.js';
import {
  bind,
  buildDemonstratedLevelsSql,
  countedLevelSql,
  countingClaimConditions,
} from '../matching/sql/demonstrated-levels.repository.js';
import type { EvidenceRules, VerificationStatus } from '../matching/domain/evidence-rules.js';
import type { CompetencySelection } from './domain/report-rules.js';

/**
 * Every statement the capacity reports run. Demonstrated levels always come from the matching engine's
 * builder (`buildDemonstratedLevelsSql`, composed here as the CTE `lv`) or its claim conditions, never
 * from a copy of the rules. The population is the same in all of them: educators on staff on the as-of
 * day (hired on or before it, not yet left), each in the building they were assigned to that day
 * (building_assignment). Buildings archived by the as-of day with nobody there that day are left out
 * unless asked for (by id, or with includeArchived).
 */
export interface LevelScope {
  competencyIds: readonly string[];
  asOf: string;
  statuses: readonly VerificationStatus[];
  buildingIds?: readonly string[];
  /** List archived buildings with nobody on the day too (named buildings are always listed). */
  includeArchived?: boolean;
  policy: EvidenceRules;
}

export interface CompetencyRow {
  id: string;
  code: string;
  name: string;
  frameworkCode: string;
}

export interface BuildingStaffRow {
  id: string;
  code: string;
  name: string;
  educators: number;
}

export interface BuildingCoverageRow extends BuildingStaffRow {
  covered: number;
}

export interface LevelDistributionRow {
  buildingId: string;
  competencyId: string;
  level: number;
  educators: number;
}

export interface CommitmentRow {
  educatorId: string;
  fullName: string;
  buildingId: string;
  roleId: string | null;
  roleTitle: string;
  roleFte: number;
  startsOn: string;
  endsOn: string | null;
}

export interface ExpertHoldingRow {
  buildingId: string;
  educatorId: string;
  fullName: string;
  evidence: number;
}

/**
 * Body of the `staff` CTE: (educator_id, building_id, full_name) of everyone on staff on `asOf`, in the building
 * they were assigned to that day, optionally only in the selected buildings.
 */
function staffSql(asOf: string, buildingIds: readonly string[] | undefined, params: unknown[]): string {
  const day = `${bind(params, asOf)}::date`;
  const inBuildings = buildingIds ? `AND ba.building_id = ANY(${bind(params, [...buildingIds])}::uuid[])` : '';
  return `SELECT ba.educator_id, ba.building_id, ed.full_name
      FROM building_assignment ba JOIN educator ed ON ed.id = ba.educator_id
     WHERE ba.starts_on <= ${day} AND (ba.ends_on IS NULL OR ba.ends_on >= ${day})
       AND ed.hire_date <= ${day} AND (ed.leaving_date IS NULL OR ed.leaving_date > ${day}) ${inBuildings}`;
}

/**
 * Which buildings a report lists, over `building b` grouped with the staff joined as `st`: the selected ones, or every
 * building except those archived by the as-of day that had nobody on staff that day.
 */
function buildingScope(
  s: { asOf: string; buildingIds?: readonly string[]; includeArchived?: boolean },
  params: unknown[],
): { where: string; having: string } {
  if (s.buildingIds) return { where: `WHERE b.id = ANY(${bind(params, [...s.buildingIds])}::uuid[])`, having: '' };
  if (s.includeArchived) return { where: '', having: '' };
  return {
    where: '',
    having: `HAVING b.archived_at IS NULL OR (b.archived_at AT TIME ZONE 'UTC')::date > ${bind(params, s.asOf)}::date OR count(st.educator_id) > 0`,
  };
}

/** The matching builder as a CTE body; with one building selected it narrows by that building itself. */
function levelsCte(s: LevelScope, params: unknown[]): string {
  return buildDemonstratedLevelsSql(
    {
      competencyIds: s.competencyIds,
      asOf: s.asOf,
      statuses: s.statuses,
      buildingId: s.buildingIds?.length === 1 ? s.buildingIds[0] : undefined,
      policy: s.policy,
    },
    params,
  );
}

@Injectable()
export class CapacityRepository {
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly reads?: ReadSource,
  ) {}

  /** Report statements run on a replica that has caught up with the primary, when there is one. */
  private async reader(): Promise<DataSource> {
    return this.reads ? (await this.reads.source()).source : this.db;
  }

  /** The competencies selected (unknown ids or codes are simply absent), in framework display order. */
  async competencies(selection: CompetencySelection): Promise<CompetencyRow[]> {
    const params: unknown[] = [];
    let where: string;
    switch (selection.by) {
      case 'ids':
        where = `c.id = ANY(${bind(params, selection.ids)}::uuid[])`;
        break;
      case 'codes':
        where = `f.code = ${bind(params, selection.frameworkCode)} AND c.code = ANY(${bind(params, selection.codes)}::varchar[])`;
        break;
      case 'framework':
        where = `f.code = ${bind(params, selection.frameworkCode)} AND c.retired_at IS NULL`;
        break;
      default:
        where = 'c.retired_at IS NULL';
    }
    const rows: Array<{ id: string; code: string; name: string; framework_code: string }> = await (
      await this.reader()
    ).query(
      `SELECT c.id, c.code, c.name, f.code AS framework_code
         FROM competency c JOIN competency_framework f ON f.id = c.framework_id
        WHERE ${where}
        ORDER BY f.code, c.sort_order, c.code`,
      params,
    );
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, frameworkCode: r.framework_code }));
  }

  async frameworkExists(code: string): Promise<boolean> {
    const rows: unknown[] = await (await this.reader()).query('SELECT 1 FROM competency_framework WHERE code = $1', [code]);
    return rows.length > 0;
  }

  /** Every building a report lists (see buildingScope) with its staff count on `asOf` (zeros included), by code. */
  async buildings(asOf: string, buildingIds?: readonly string[], includeArchived = false): Promise<BuildingStaffRow[]> {
    const params: unknown[] = [];
    const staff = staffSql(asOf, buildingIds, params);
    const scope = buildingScope({ asOf, buildingIds, includeArchived }, params);
    const rows: Array<{ id: string; code: string; name: string; educators: number }> = await (
      await this.reader()
    ).query(
      `WITH staff AS (${staff})
       SELECT b.id, b.code, b.name, count(st.educator_id)::int AS educators
         FROM building b LEFT JOIN staff st ON st.building_id = b.id
         ${scope.where}
        GROUP BY b.id, b.code, b.name, b.archived_at
        ${scope.having}
        ORDER BY b.code`,
      params,
    );
    return rows;
  }

  /**
   * One statement: per selected building, staff on `asOf` and how many of them demonstrate every one of
   * the competencies at or above `minLevel`.
   */
  async coverage(s: LevelScope, minLevel: number): Promise<BuildingCoverageRow[]> {
    const params: unknown[] = [];
    const lv = levelsCte(s, params);
    const min = bind(params, minLevel);
    const n = bind(params, s.competencyIds.length);
    const staff = staffSql(s.asOf, s.buildingIds, params);
    const scope = buildingScope(s, params);
    const rows: BuildingCoverageRow[] = await (
      await this.reader()
    ).query(
      `WITH lv AS (${lv}),
       covered AS (
         SELECT educator_id FROM lv WHERE level >= ${min} GROUP BY educator_id HAVING count(*) = ${n}
       ),
       staff AS (${staff})
       SELECT b.id, b.code, b.name, count(st.educator_id)::int AS educators, count(cv.educator_id)::int AS covered
         FROM building b
         LEFT JOIN staff st ON st.building_id = b.id
         LEFT JOIN covered cv ON cv.educator_id = st.educator_id
         ${scope.where}
        GROUP BY b.id, b.code, b.name, b.archived_at
        ${scope.having}
        ORDER BY b.code`,
      params,
    );
    return rows;
  }

  /** Staff on `asOf` per building x competency x exact demonstrated level (levels >= 1 only). */
  async levelDistribution(s: LevelScope): Promise<LevelDistributionRow[]> {
    const params: unknown[] = [];
    const lv = levelsCte(s, params);
    const staff = staffSql(s.asOf, s.buildingIds, params);
    const rows: Array<{ building_id: string; competency_id: string; level: number; educators: number }> = await (
      await this.reader()
    ).query(
      `WITH lv AS (${lv}), staff AS (${staff})
       SELECT st.building_id, lv.competency_id, lv.level, count(*)::int AS educators
         FROM lv JOIN staff st ON st.educator_id = lv.educator_id
        GROUP BY st.building_id, lv.competency_id, lv.level`,
      params,
    );
    return rows.map((r) => ({ buildingId: r.building_id, competencyId: r.competency_id, level: Number(r.level), educators: r.educators }));
  }

  /** Hybrid commitments active on `asOf` (started, not ended) of educators on staff that day, in their building that day. */
  async activeCommitments(asOf: string, buildingIds?: readonly string[]): Promise<CommitmentRow[]> {
    const params: unknown[] = [];
    const staff = staffSql(asOf, buildingIds, params);
    const day = bind(params, asOf);
    const rows: Array<{
      educator_id: string;
      full_name: string;
      building_id: string;
      role_id: string | null;
      title: string;
      role_fte: string;
      starts_on: string;
      ends_on: string | null;
    }> = await (
      await this.reader()
    ).query(
      `WITH staff AS (${staff})
       SELECT hc.educator_id, st.full_name, st.building_id, hc.role_id, coalesce(r.title, hc.role_title) AS title, hc.role_fte,
              to_char(hc.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(hc.ends_on, 'YYYY-MM-DD') AS ends_on
         FROM hybrid_commitment hc
         JOIN staff st ON st.educator_id = hc.educator_id
         LEFT JOIN hybrid_role r ON r.id = hc.role_id
        WHERE hc.starts_on <= ${day}::date AND (hc.ends_on IS NULL OR hc.ends_on >= ${day}::date)
        ORDER BY hc.educator_id, hc.starts_on, title, hc.id`,
      params,
    );
    return rows.map((r) => ({
      educatorId: r.educator_id,
      fullName: r.full_name,
      buildingId: r.building_id,
      roleId: r.role_id,
      roleTitle: r.title,
      roleFte: Number(r.role_fte),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    }));
  }

  /**
   * Per educator on staff, the evidence items that count on `asOf` (the matching engine's claim
   * conditions and attendance cap) and show at least `minLevel` for one of the competencies.
   */
  async expertHoldings(s: LevelScope, minLevel: number): Promise<ExpertHoldingRow[]> {
    const params: unknown[] = [];
    const conditions = countingClaimConditions({ competencyIds: s.competencyIds, asOf: s.asOf, statuses: s.statuses }, params);
    const level = countedLevelSql(s.policy, params);
    const min = bind(params, minLevel);
    const staff = staffSql(s.asOf, s.buildingIds, params);
    const rows: Array<{ building_id: string; educator_id: string; full_name: string; evidence: number }> = await (
      await this.reader()
    ).query(
      `WITH staff AS (${staff})
       SELECT st.building_id, e.educator_id, st.full_name, count(DISTINCT e.id)::int AS evidence
         FROM evidence_claim c
         JOIN evidence e ON e.id = c.evidence_id
         JOIN staff st ON st.educator_id = e.educator_id
        WHERE ${conditions.join(' AND ')} AND ${level} >= ${min}
        GROUP BY st.building_id, e.educator_id, st.full_name`,
      params,
    );
    return rows.map((r) => ({ buildingId: r.building_id, educatorId: r.educator_id, fullName: r.full_name, evidence: r.evidence }));
  }

  /**
   * One statement: per selected building, staff on `asOf` holding each component of a capability (its
   * competency at or above its level), and (component NULL) how many hold every component.
   */
  async capabilityHolders(
    s: Omit<LevelScope, 'competencyIds'>,
    components: ReadonlyArray<{ competencyId: string; minLevel: number }>,
  ): Promise<{
    holders: Array<{ buildingId: string; competencyId: string; holders: number }>;
    whole: Array<{ buildingId: string; covered: number }>;
  }> {
    const params: unknown[] = [];
    const lv = levelsCte({ ...s, competencyIds: components.map((c) => c.competencyId) }, params);
    const ids = bind(
      params,
      components.map((c) => c.competencyId),
    );
    const levels = bind(
      params,
      components.map((c) => c.minLevel),
    );
    const n = bind(params, components.length);
    const staff = staffSql(s.asOf, s.buildingIds, params);
    const rows: Array<{ building_id: string; competency_id: string | null; holders: number }> = await (
      await this.reader()
    ).query(
      `WITH lv AS (${lv}),
       staff AS (${staff}),
       part AS (SELECT * FROM unnest(${ids}::uuid[], ${levels}::int[]) AS p(competency_id, min_level)),
       held AS (
         SELECT st.building_id, lv.educator_id, lv.competency_id
           FROM lv JOIN part p ON p.competency_id = lv.competency_id AND lv.level >= p.min_level
           JOIN staff st ON st.educator_id = lv.educator_id
       )
       SELECT building_id, competency_id, count(*)::int AS holders FROM held GROUP BY building_id, competency_id
       UNION ALL
       SELECT building_id, NULL, count(*)::int FROM (
         SELECT building_id, educator_id FROM held GROUP BY building_id, educator_id HAVING count(*) = ${n}
       ) whole GROUP BY building_id`,
      params,
    );
    return {
      holders: rows
        .filter((r) => r.competency_id !== null)
        .map((r) => ({ buildingId: r.building_id, competencyId: r.competency_id as string, holders: r.holders })),
      whole: rows.filter((r) => r.competency_id === null).map((r) => ({ buildingId: r.building_id, covered: r.holders })),
    };
  }
}
