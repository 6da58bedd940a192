/** `extensions.reason` values of the roles module's errors (see the README's error table). */
export enum RoleReason {
  /** The posting cannot move to that status from its current one. */
  ILLEGAL_STATUS_CHANGE = 'ILLEGAL_STATUS_CHANGE',
  /** A FILLED role is a historical record and no longer changes. */
  ROLE_FILLED = 'ROLE_FILLED',
}
