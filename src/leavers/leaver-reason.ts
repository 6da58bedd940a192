/** `extensions.reason` values of the leavers module's errors (see the README's error table). */
export enum LeaverReason {
  /** Reinstating someone who has no leaving date: they are on staff already. */
  ALREADY_ACTIVE = 'ALREADY_ACTIVE',
  /** Reinstating someone whose personal data was erased: the profile is emptied for good; create a new one. */
  ERASED = 'ERASED',
}
