import { badInput } from '../../common/app-error.js';
import { RoleReason } from './role-reason.js';

export enum RoleStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  FILLED = 'FILLED',
}

/**
 * The posting lifecycle. CLOSED can reopen (a closing date extended, a search restarted); FILLED is final.
 * Filling normally happens through the hiring workflow once every opening is accepted.
 */
const TRANSITIONS: Readonly<Record<RoleStatus, readonly RoleStatus[]>> = {
  [RoleStatus.DRAFT]: [RoleStatus.OPEN],
  [RoleStatus.OPEN]: [RoleStatus.CLOSED, RoleStatus.FILLED],
  [RoleStatus.CLOSED]: [RoleStatus.OPEN, RoleStatus.FILLED],
  [RoleStatus.FILLED]: [],
};

export function isRoleStatus(value: string): value is RoleStatus {
  return value in TRANSITIONS;
}

export function nextStatuses(from: RoleStatus): readonly RoleStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: RoleStatus, to: RoleStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws BAD_USER_INPUT naming the allowed moves when `from -> to` is not one of them. */
export function assertTransition(from: RoleStatus, to: RoleStatus): void {
  if (canTransition(from, to)) return;
  if (from === to) throw badInput(`The role is already ${from}`, undefined, RoleReason.ILLEGAL_STATUS_CHANGE);
  const allowed = TRANSITIONS[from];
  throw badInput(
    allowed.length
      ? `A ${from} role cannot become ${to}; it can only become ${allowed.join(' or ')}`
      : `A ${from} role cannot change status any more`,
    undefined,
    from === RoleStatus.FILLED ? RoleReason.ROLE_FILLED : RoleReason.ILLEGAL_STATUS_CHANGE,
  );
}

/** For the hiring workflow: the role may be marked FILLED now (all openings accepted). */
export function assertCanFill(from: RoleStatus): void {
  assertTransition(from, RoleStatus.FILLED);
}

/** A filled role is a historical record: its terms and requirements no longer change. */
export function assertEditable(status: RoleStatus): void {
  if (status === RoleStatus.FILLED) throw badInput('A FILLED role can no longer be edited', undefined, RoleReason.ROLE_FILLED);
}
