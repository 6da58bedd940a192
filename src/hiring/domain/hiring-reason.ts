/** `extensions.reason` values of the hiring module's errors (see the README's error table). */
export enum HiringReason {
  /** The educator already applied to this role. */
  DUPLICATE_APPLICATION = 'DUPLICATE_APPLICATION',
  /** The educator was already invited to this role. */
  DUPLICATE_INVITATION = 'DUPLICATE_INVITATION',
  /** The account already sits on the role's panel. */
  ALREADY_ON_PANEL = 'ALREADY_ON_PANEL',
  /** Every opening of the role is accepted, or the role is FILLED: nothing about its hiring can change. */
  ROLE_FILLED = 'ROLE_FILLED',
  /** The role is not OPEN, so it takes no applications. */
  ROLE_NOT_OPEN = 'ROLE_NOT_OPEN',
  /** The role's closing date has passed. */
  APPLICATIONS_CLOSED = 'APPLICATIONS_CLOSED',
  /** Applicants and panelists of one role are kept apart. */
  PANEL_CONFLICT = 'PANEL_CONFLICT',
  /** The application cannot move to that status (from this status, or by this actor). */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  /** Submitted panel scores are final. */
  SCORES_FINAL = 'SCORES_FINAL',
  /** The candidate's leaving date has come: nothing new starts for them, and their open applications close. */
  EDUCATOR_LEFT = 'EDUCATOR_LEFT',
  /** The invitation or offer was already answered. */
  ALREADY_ANSWERED = 'ALREADY_ANSWERED',
}
