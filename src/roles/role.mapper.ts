import type { HybridRoleEntity } from './hybrid-role.entity.js';
import type { RequirementKind, RoleModel, RoleRequirementModel } from './models/role.model.js';
import type { RoleRequirementEntity } from './role-requirement.entity.js';

export function toRoleModel(r: HybridRoleEntity): RoleModel {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    buildingId: r.buildingId,
    districtWide: r.buildingId === null,
    classroomFte: r.classroomFte,
    roleFte: r.roleFte,
    stipend: r.stipend,
    openings: r.openings,
    closingDate: r.closingDate,
    status: r.status,
    internalOnly: r.internalOnly,
    minYearsOfService: r.minYearsOfService,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toRequirementModel(q: RoleRequirementEntity): RoleRequirementModel {
  return {
    id: q.id,
    roleId: q.roleId,
    competencyId: q.competencyId,
    minLevel: q.minLevel,
    weight: q.weight,
    kind: q.kind as RequirementKind,
    position: q.position,
  };
}
