import { Injectable } from '@nestjs/common';
import { HotReads } from '../common/hot-read.js';
import type { RoleStatus } from './domain/role-status.js';
import type { HybridRoleEntity } from './hybrid-role.entity.js';
import type { RoleRequirementEntity } from './role-requirement.entity.js';

const ROLE_COLUMNS = `id, title, summary, building_id, classroom_fte::float8 AS classroom_fte, role_fte::float8 AS role_fte, stipend, openings,
  closing_date::text AS closing_date, status, internal_only, min_years_of_service, created_at, updated_at, version`;

interface RoleRow {
  id: string;
  title: string;
  summary: string;
  building_id: string | null;
  classroom_fte: number;
  role_fte: number;
  stipend: number;
  openings: number;
  closing_date: string | null;
  status: string;
  internal_only: boolean;
  min_years_of_service: number | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  total: string;
}

const roleOf = (r: RoleRow): HybridRoleEntity =>
  ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    buildingId: r.building_id,
    classroomFte: r.classroom_fte,
    roleFte: r.role_fte,
    stipend: r.stipend,
    openings: r.openings,
    closingDate: r.closing_date,
    status: r.status as RoleStatus,
    internalOnly: r.internal_only,
    minYearsOfService: r.min_years_of_service,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }) as HybridRoleEntity;

/**
 * The role list and its requirements, the reads every signed-in screen makes: prepared statements through the
 * driver on their own small pool (see HotReads), the same rows and order TypeORM's find gave.
 */
@Injectable()
export class RolesRepository {
  constructor(private readonly hot: HotReads) {}

  /** A page of roles, newest first, and how many match, in one statement (a count alone when the page is empty). */
  async page(
    filter: { status?: RoleStatus | null; buildingId?: string | null },
    offset: number,
    first: number,
  ): Promise<{ rows: HybridRoleEntity[]; total: number }> {
    const values: unknown[] = [];
    const where: string[] = [];
    if (filter.status) where.push(`status = $${values.push(filter.status)}`);
    if (filter.buildingId) where.push(`building_id = $${values.push(filter.buildingId)}::uuid`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const variant = `${filter.status ? 's' : ''}${filter.buildingId ? 'b' : ''}`;
    const n = values.length;
    const rows = await this.hot.rows<RoleRow>({
      name: `roles_page_${variant}`,
      text: `SELECT ${ROLE_COLUMNS}, count(*) OVER () AS total FROM hybrid_role ${clause} ORDER BY created_at DESC, id ASC LIMIT $${n + 1}::int OFFSET $${n + 2}::int`,
      values: [...values, first, offset],
    });
    if (rows.length) return { rows: rows.map(roleOf), total: Number(rows[0].total) };
    const [count] = await this.hot.rows<{ n: number }>({
      name: `roles_count_${variant}`,
      text: `SELECT count(*)::int AS n FROM hybrid_role ${clause}`,
      values,
    });
    return { rows: [], total: count.n };
  }

  /** The requirements of these roles, by role then position. */
  async requirementsOf(roleIds: readonly string[]): Promise<RoleRequirementEntity[]> {
    if (!roleIds.length) return [];
    const rows = await this.hot.rows<{
      id: string;
      role_id: string;
      competency_id: string;
      min_level: number;
      weight: number;
      kind: string;
      position: number;
    }>({
      name: 'roles_requirements',
      text: `SELECT id, role_id, competency_id, min_level, weight, kind, position FROM role_requirement WHERE role_id = ANY($1::uuid[]) ORDER BY role_id, position`,
      values: [roleIds],
    });
    return rows.map(
      (r) =>
        ({
          id: r.id,
          roleId: r.role_id,
          competencyId: r.competency_id,
          minLevel: r.min_level,
          weight: r.weight,
          kind: r.kind,
          position: r.position,
        }) as RoleRequirementEntity,
    );
  }
}
