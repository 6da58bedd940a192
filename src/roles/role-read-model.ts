import type { RequirementKind } from './domain/role-rules.js';
import type { RoleStatus } from './domain/role-status.js';

/**
 * The one read model of a hybrid role for the modules above roles: hiring decides on it (status, closing date,
 * openings, FTE), matching ranks against it (with its requirements). Read by RoleReadRepository (one role, with a
 * row lock when a use case needs one) and by matching's cached open-roles statement, which adds the requirements.
 */
export interface RoleReadModel {
  id: string;
  title: string;
  status: RoleStatus;
  buildingId: string | null;
  roleFte: number;
  closingDate: string | null;
  openings: number;
  minYearsOfService: number | null;
}

/** One requirement of a role, in the role's order, with the competency it names. */
export interface RoleRequirementReadModel {
  requirementId: string;
  competencyId: string;
  competencyCode: string;
  competencyName: string;
  kind: RequirementKind;
  minLevel: number;
  weight: number;
}

/** The role read model with its requirements (a module may carry more per requirement, as matching does). */
export interface RoleWithRequirements<R extends RoleRequirementReadModel = RoleRequirementReadModel> extends RoleReadModel {
  requirements: R[];
}
