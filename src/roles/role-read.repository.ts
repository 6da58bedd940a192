import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RoleReadModel } from './role-read-model.js';

export type RoleLock = 'share' | 'update' | null;

/** Reads the role read model; the roles module owns hybrid_role, so this SQL lives here. */
@Injectable()
export class RoleReadRepository {
  /** One role, in the caller's transaction, optionally locked (FOR SHARE / FOR UPDATE) for the rest of it. */
  async role(m: EntityManager, roleId: string, lock: RoleLock = null): Promise<RoleReadModel | null> {
    const [row] = await m.query(
      `SELECT id, title, status, building_id::text AS "buildingId", role_fte::float8 AS "roleFte", closing_date::text AS "closingDate",
              openings, min_years_of_service AS "minYearsOfService"
         FROM hybrid_role WHERE id = $1 ${lock === 'share' ? 'FOR SHARE' : lock === 'update' ? 'FOR UPDATE' : ''}`,
      [roleId],
    );
    return row ?? null;
  }
}
