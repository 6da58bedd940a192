import { badInput } from '../../common/app-error.js';
import { HiringReason } from './hiring-reason.js';

/** The facts about a role that decide whether an application (or an accepted invitation) may be made today. */
export interface RoleForApplying {
  status: string;
  /** ISO date (YYYY-MM-DD) or null for no closing date. */
  closingDate: string | null;
}

export const MAX_STATEMENT_LENGTH = 4000;

/** Applications go only to OPEN roles whose closing date (inclusive) has not passed. */
export function assertAcceptsApplications(role: RoleForApplying, today: string): void {
  if (role.status !== 'OPEN')
    throw badInput(
      `This role is ${role.status}, not open: it does not take applications`,
      undefined,
      role.status === 'FILLED' ? HiringReason.ROLE_FILLED : HiringReason.ROLE_NOT_OPEN,
    );
  if (role.closingDate !== null && role.closingDate < today) {
    throw badInput(`Applications for this role closed on ${role.closingDate}`, undefined, HiringReason.APPLICATIONS_CLOSED);
  }
}

/** A statement is optional; trimmed, and at most 4000 characters. */
export function normaliseStatement(statement: string | null | undefined): string {
  const text = (statement ?? '').trim();
  if (text.length > MAX_STATEMENT_LENGTH)
    throw badInput(`The statement is ${text.length} characters; the limit is ${MAX_STATEMENT_LENGTH}`);
  return text;
}

/** HR sets up panels while a role is being filled; a FILLED role's panel is history. */
export function assertPanelChangeable(roleStatus: string): void {
  if (roleStatus === 'FILLED') throw badInput('The role is FILLED: its panel can no longer change', undefined, HiringReason.ROLE_FILLED);
}

/** A panelist cannot judge a role they applied to (one account may be both an educator and a panelist). */
export function assertNotOwnCandidate(panelistEducatorId: string | null, applicantEducatorIds: ReadonlySet<string>): void {
  if (panelistEducatorId && applicantEducatorIds.has(panelistEducatorId)) {
    throw badInput('This person has applied to the role: they cannot sit on its panel', undefined, HiringReason.PANEL_CONFLICT);
  }
}

/** From the leaving date nothing new starts for an educator (their open applications close that day). */
export function assertNotLeft(leftOn: string | null): void {
  if (leftOn) {
    throw badInput(
      `This educator left the district on ${leftOn}: nothing new starts for them from the leaving date, and their open applications close (reject it, or let the leaver sweep close it)`,
      { leftOn },
      HiringReason.EDUCATOR_LEFT,
    );
  }
}
