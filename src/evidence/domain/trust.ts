import { badInput, forbidden, notFound } from '../../common/app-error.js';
import { VerificationStatus } from './evidence-kind.js';

/** How long an archived (soft-deleted) item can be restored by its owner. */
export const ARCHIVE_RESTORE_DAYS = 30;
export const MAX_TRUST_REASON = 2000;
const DAY_MS = 86_400_000;

export const restorableUntil = (deletedAt: Date): Date => new Date(deletedAt.getTime() + ARCHIVE_RESTORE_DAYS * DAY_MS);

/** Restoring is for the owner, within the window; after it the item is as good as gone (NOT_FOUND). */
export function assertRestorable(id: string, deletedAt: Date | null, now: Date): void {
  if (deletedAt === null) throw badInput('This evidence is not archived; there is nothing to restore');
  if (now.getTime() > restorableUntil(deletedAt).getTime()) throw notFound('Archived evidence', id);
}

/** Endorsed and verified items are trusted: what was checked keeps counting until someone checks the change. */
export const isTrusted = (status: VerificationStatus): boolean => status !== VerificationStatus.SELF_REPORTED;

/** An owner's edit of a trusted item waits as a pending revision; HR's edits and edits of self-reported items apply. */
export const editWaitsForReview = (status: VerificationStatus, editorIsOwner: boolean): boolean => editorIsOwner && isTrusted(status);

/** What the educator is told before saving an edit. */
export function editMessage(status: VerificationStatus, changedFields: readonly string[], waits: boolean): string {
  if (!changedFields.length) return 'Nothing would change.';
  if (!waits) return `The change to ${changedFields.join(', ')} applies at once.`;
  const who = status === VerificationStatus.VERIFIED ? 'HR' : 'HR or an endorser for your building';
  return (
    `This evidence is ${status}: the change to ${changedFields.join(', ')} needs re-verification. It waits as a pending revision ` +
    `until ${who} approves it; until then the ${status.toLowerCase()} version keeps counting.`
  );
}

function checkedReason(reason: string | null | undefined, required: boolean): string {
  const r = (reason ?? '').trim();
  if (required && !r) throw badInput('Give a reason: the educator reads it with the decision');
  if (r.length > MAX_TRUST_REASON) throw badInput(`The reason is ${r.length} characters; the limit is ${MAX_TRUST_REASON}`);
  return r;
}

export type EndorsementDecision = 'ENDORSED' | 'DECLINED';

/**
 * An endorser's decision on a self-reported item (scope and ownership are checked by the caller, which knows
 * them): endorsing makes it ENDORSED; declining leaves it as it is and needs a reason the educator reads.
 */
export function decideEndorsement(
  status: VerificationStatus,
  decision: EndorsementDecision,
  reason: string | null | undefined,
): { reason: string; evidenceStatus: VerificationStatus | null } {
  const r = checkedReason(reason, decision === 'DECLINED');
  if (status === VerificationStatus.VERIFIED) throw badInput('This evidence is already verified by HR; an endorsement would not add to it');
  if (status === VerificationStatus.ENDORSED && decision === 'ENDORSED') throw badInput('This evidence is already endorsed');
  return { reason: r, evidenceStatus: decision === 'ENDORSED' ? VerificationStatus.ENDORSED : null };
}

export type RevisionDecision = 'APPROVED' | 'REJECTED';

/**
 * Deciding a pending revision: never one's own (FORBIDDEN); HR for any item, at any trust level it chooses
 * (the item's current one by default); an in-scope endorser only for endorsed items, keeping them ENDORSED.
 * Always with a reason the educator reads.
 */
export function decideRevision(input: {
  revisionStatus: string;
  evidenceStatus: VerificationStatus;
  own: boolean;
  byHr: boolean;
  decision: RevisionDecision;
  reason: string;
  requestedStatus?: VerificationStatus | null;
}): { reason: string; resultingStatus: VerificationStatus } {
  if (input.own) throw forbidden('Nobody can decide on their own evidence; ask HR or an endorser for your building');
  if (!input.byHr) {
    if (input.evidenceStatus !== VerificationStatus.ENDORSED) throw forbidden('Only HR decides revisions of verified evidence');
    if (input.requestedStatus && input.requestedStatus !== VerificationStatus.ENDORSED)
      throw forbidden('An endorser approves at the ENDORSED level only');
  }
  if (input.revisionStatus !== 'PENDING') throw badInput(`This revision was already decided (${input.revisionStatus})`);
  const reason = checkedReason(input.reason, true);
  const resultingStatus = input.decision === 'APPROVED' ? (input.requestedStatus ?? input.evidenceStatus) : input.evidenceStatus;
  return { reason, resultingStatus };
}
