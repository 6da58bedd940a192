import { AppError, badInput, ErrorCode, forbidden } from '../../common/app-error.js';
import { RightsReason } from './rights-reason.js';

/** What an educator can dispute. The subject id names a row of a different table for each kind. */
export enum DisputeKind {
  /** HR's decision on a verification request (VERIFIED, ENDORSED or REJECTED): subject = the request. */
  VERIFICATION_DECISION = 'VERIFICATION_DECISION',
  /** The verification status an evidence item holds (e.g. set or removed by HR directly): subject = the item. */
  EVIDENCE_STATUS = 'EVIDENCE_STATUS',
  /** The explanation of where the educator stands for a role (score, met and unmet requirements): subject = the role. */
  EXPLANATION = 'EXPLANATION',
  /** A decision on an application (rejection, a declined or closed offer): subject = the application. */
  APPLICATION_DECISION = 'APPLICATION_DECISION',
}
export const DISPUTE_KINDS = Object.values(DisputeKind);

export enum DisputeStatus {
  OPEN = 'OPEN',
  /** HR agrees: the outcome says what changes (HR then makes the change through the ordinary operations). */
  UPHELD = 'UPHELD',
  /** HR keeps the decision: the outcome says why. */
  DISMISSED = 'DISMISSED',
}
export const DISPUTE_STATUSES = Object.values(DisputeStatus);
export type DisputeOutcome = DisputeStatus.UPHELD | DisputeStatus.DISMISSED;

export const MAX_STATEMENT = 4000;

/** Application statuses that are someone's decision about the candidate (the candidate's own withdrawal is not). */
export const DISPUTABLE_APPLICATION_STATUSES: readonly string[] = ['REJECTED', 'DECLINED', 'CLOSED'];

export function checkText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw badInput(`${field} must not be empty: say what you dispute and why`);
  if (text.length > MAX_STATEMENT) throw badInput(`${field} is at most ${MAX_STATEMENT} characters`);
  return text;
}

/** A verification request can be disputed once decided. */
export function assertVerificationDecided(status: string): void {
  if (status === 'PENDING')
    throw badInput(
      'This verification request is not decided yet; a dispute is about a decision',
      undefined,
      RightsReason.NOTHING_TO_DISPUTE,
    );
}

/** An application decision can be disputed when someone else decided it: rejected, declined offer, or closed. */
export function assertApplicationDecided(status: string, offerStatuses: readonly string[]): void {
  const offerDecided = offerStatuses.some((s) => s === 'RESCINDED' || s === 'WITHDRAWN' || s === 'DECLINED');
  if (!DISPUTABLE_APPLICATION_STATUSES.includes(status) && !offerDecided) {
    throw badInput(`This application is ${status}: there is no decision on it to dispute yet`, undefined, RightsReason.NOTHING_TO_DISPUTE);
  }
}

/** HR resolves an OPEN dispute, never their own. */
export function assertCanResolve(input: { status: string; resolverEducatorId: string | null; disputantEducatorId: string }): void {
  if (input.resolverEducatorId !== null && input.resolverEducatorId === input.disputantEducatorId) {
    throw forbidden('You cannot resolve your own dispute; another HR member must');
  }
  if (input.status !== DisputeStatus.OPEN) {
    throw badInput(`This dispute is already ${input.status}`, undefined, RightsReason.ALREADY_RESOLVED);
  }
}

export function assertOutcome(value: string): DisputeOutcome {
  if (value !== DisputeStatus.UPHELD && value !== DisputeStatus.DISMISSED) throw badInput('outcome is UPHELD or DISMISSED');
  return value;
}

export const duplicateDispute = () =>
  new AppError(
    ErrorCode.CONFLICT,
    'You already have an open dispute about this; HR will answer it first',
    undefined,
    RightsReason.DUPLICATE_DISPUTE,
  );
