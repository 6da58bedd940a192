import { isHr, type Principal } from '../access/persona.js';
import type { EducatorEntity } from './educator.entity.js';
import type { EducatorModel } from './models/educator.model.js';

/** Contact details and a leaving date only for HR and the educator themself; callers have already checked the profile is visible. */
export function toEducatorModel(e: EducatorEntity, viewer: Principal | null): EducatorModel {
  const mayContact = isHr(viewer) || (!!viewer && viewer.educatorId === e.id);
  return {
    id: e.id,
    employeeId: mayContact ? (e.employeeId ?? null) : null,
    fullName: e.fullName,
    workEmail: mayContact ? e.workEmail : null,
    buildingId: e.buildingId,
    currentAssignment: e.currentAssignment,
    hireDate: e.hireDate,
    leavingDate: mayContact ? (e.leavingDate ?? null) : null,
    version: e.version,
  };
}
