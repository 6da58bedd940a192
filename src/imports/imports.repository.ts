import type { EntityManager } from 'typeorm';
import type { BuildingRow, EducatorRow } from './domain/rows.js';

export interface ExistingBuilding {
  id: string;
  code: string;
  name: string;
  level: string;
  archived: boolean;
  version: number;
}

export interface ExistingEducator {
  id: string;
  employeeId: string | null;
  fullName: string;
  workEmail: string;
  buildingId: string;
  currentAssignment: string;
  hireDate: string;
  leavingDate: string | null;
  version: number;
}

const EDUCATOR_COLUMNS = `id, employee_id AS "employeeId", full_name AS "fullName", work_email AS "workEmail", building_id AS "buildingId",
  current_assignment AS "currentAssignment", to_char(hire_date, 'YYYY-MM-DD') AS "hireDate",
  to_char(leaving_date, 'YYYY-MM-DD') AS "leavingDate", version`;

/** The set-based SQL of imports and exports: one statement per batch of rows, never one per row. */
export class ImportsRepository {
  constructor(private readonly m: EntityManager) {}

  async allBuildings(): Promise<ExistingBuilding[]> {
    return this.m.query(`SELECT id, code, name, level, archived_at IS NOT NULL AS archived, version FROM building`);
  }

  async educatorsByEmployeeId(ids: string[]): Promise<ExistingEducator[]> {
    return this.m.query(`SELECT ${EDUCATOR_COLUMNS} FROM educator WHERE employee_id = ANY($1)`, [ids]);
  }

  async educatorsByEmail(emails: string[]): Promise<ExistingEducator[]> {
    return this.m.query(`SELECT ${EDUCATOR_COLUMNS} FROM educator WHERE lower(work_email) = ANY($1)`, [emails.map((e) => e.toLowerCase())]);
  }

  async insertBuildings(rows: BuildingRow[]): Promise<void> {
    if (!rows.length) return;
    await this.m.query(`INSERT INTO building (code, name, level) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[])`, [
      rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level),
    ]);
  }

  /** Returns how many rows matched their expected version; fewer than asked means someone changed one meanwhile. */
  async updateBuildings(rows: { id: string; version: number; row: BuildingRow }[]): Promise<number> {
    if (!rows.length) return 0;
    const res = await this.m.query(
      `UPDATE building b SET name = v.name, level = v.level, version = b.version + 1, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::varchar[]) AS v(id, version, name, level)
       WHERE b.id = v.id AND b.version = v.version`,
      [rows.map((r) => r.id), rows.map((r) => r.version), rows.map((r) => r.row.name), rows.map((r) => r.row.level)],
    );
    return res[1] as number;
  }

  async insertEducators(rows: { buildingId: string; row: EducatorRow }[]): Promise<void> {
    if (!rows.length) return;
    await this.m.query(
      `INSERT INTO educator (employee_id, full_name, work_email, building_id, current_assignment, hire_date, leaving_date, version)
       SELECT *, 1 FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::date[], $7::date[])`,
      educatorArrays(rows),
    );
  }

  async updateEducators(rows: { id: string; version: number; buildingId: string; row: EducatorRow }[]): Promise<number> {
    if (!rows.length) return 0;
    const res = await this.m.query(
      `UPDATE educator e SET employee_id = v.employee_id, full_name = v.full_name, work_email = v.work_email, building_id = v.building_id,
         current_assignment = v.current_assignment, hire_date = v.hire_date, leaving_date = v.leaving_date,
         version = e.version + 1, updated_at = now()
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::uuid[], $5::varchar[], $6::date[], $7::date[], $8::uuid[], $9::int[])
         AS v(employee_id, full_name, work_email, building_id, current_assignment, hire_date, leaving_date, id, version)
       WHERE e.id = v.id AND e.version = v.version`,
      [...educatorArrays(rows), rows.map((r) => r.id), rows.map((r) => r.version)],
    );
    return res[1] as number;
  }

  /** Keyset pages for the streamed export, in key order. */
  async buildingsPage(after: string, limit: number): Promise<ExistingBuilding[]> {
    return this.m.query(`SELECT id, code, name, level, archived_at IS NOT NULL AS archived, version FROM building WHERE code COLLATE "C" > $1 ORDER BY code COLLATE "C" LIMIT $2`, [after, limit]);
  }

  /** Educators without an employee id (entered by hand) come first with an empty key, then by employee id. */
  async educatorsPage(after: { employeeId: string; id: string }, limit: number): Promise<(ExistingEducator & { buildingCode: string })[]> {
    return this.m.query(
      `SELECT e.id, e.employee_id AS "employeeId", e.full_name AS "fullName", e.work_email AS "workEmail", e.building_id AS "buildingId",
         e.current_assignment AS "currentAssignment", to_char(e.hire_date, 'YYYY-MM-DD') AS "hireDate",
         to_char(e.leaving_date, 'YYYY-MM-DD') AS "leavingDate", e.version, b.code AS "buildingCode"
       FROM educator e JOIN building b ON b.id = e.building_id
       WHERE (coalesce(e.employee_id, '') COLLATE "C", e.id) > ($1 COLLATE "C", $2::uuid)
       ORDER BY coalesce(e.employee_id, '') COLLATE "C", e.id LIMIT $3`,
      [after.employeeId, after.id, limit],
    );
  }
}

function educatorArrays(rows: { buildingId: string; row: EducatorRow }[]): unknown[] {
  return [
    rows.map((r) => r.row.employeeId), rows.map((r) => r.row.fullName), rows.map((r) => r.row.workEmail), rows.map((r) => r.buildingId),
    rows.map((r) => r.row.currentAssignment), rows.map((r) => r.row.hireDate), rows.map((r) => r.row.leavingDate),
  ];
}
