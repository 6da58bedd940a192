import { badInput, conflict, forbidden } from '../../common/app-error.js';
import { VerificationStatus } from './evidence-kind.js';

/** A request's life: PENDING until HR decides VERIFIED, ENDORSED or REJECTED (each with a reason the educator reads). */
export enum VerificationRequestStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  ENDORSED = 'ENDORSED',
  REJECTED = 'REJECTED',
}

export type VerificationDecision = Exclude<VerificationRequestStatus, VerificationRequestStatus.PENDING>;

export const MAX_REQUEST_LINKS = 5;
export const MAX_REQUEST_NOTE = 2000;
export const MAX_DECISION_REASON = 2000;

/** An educator may ask for verification of an item not yet verified, once at a time. */
export function assertCanRequest(status: VerificationStatus, hasPending: boolean): void {
  if (status === VerificationStatus.VERIFIED) throw badInput('This evidence is already verified; there is nothing to request');
  if (hasPending) throw conflict('A verification request for this evidence is already waiting for HR; wait for its decision');
}

/** Links a request points HR to: http(s) only, at most a few, duplicates dropped. */
export function checkLinks(links: readonly string[]): string[] {
  const out = [...new Set(links.map((l) => l.trim()).filter(Boolean))];
  if (out.length > MAX_REQUEST_LINKS) throw badInput(`Give at most ${MAX_REQUEST_LINKS} links`);
  for (const l of out) {
    let url: URL;
    try {
      url = new URL(l);
    } catch {
      throw badInput(`"${l.slice(0, 80)}" is not a link: give a full http or https address`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badInput(`"${l.slice(0, 80)}" is not an http or https link`);
  }
  return out;
}

/**
 * HR's decision: only a PENDING request is decided, never by the owner of the evidence, and always with a
 * reason the educator will read. The evidence takes the decided status; REJECTED leaves its status as it was.
 */
export function decide(input: {
  status: VerificationRequestStatus;
  deciderEducatorId: string | null;
  ownerEducatorId: string;
  decision: VerificationDecision;
  reason: string;
}): { reason: string; evidenceStatus: VerificationStatus | null } {
  if (input.deciderEducatorId !== null && input.deciderEducatorId === input.ownerEducatorId) {
    throw forbidden('Nobody can decide on their own evidence; ask another HR colleague');
  }
  if (input.status !== VerificationRequestStatus.PENDING) throw badInput(`This request was already decided (${input.status})`);
  const reason = input.reason.trim();
  if (!reason) throw badInput('Give a reason: the educator reads it with the decision');
  if (reason.length > MAX_DECISION_REASON) throw badInput(`The reason is ${reason.length} characters; the limit is ${MAX_DECISION_REASON}`);
  const evidenceStatus =
    input.decision === VerificationRequestStatus.REJECTED
      ? null
      : input.decision === VerificationRequestStatus.VERIFIED
        ? VerificationStatus.VERIFIED
        : VerificationStatus.ENDORSED;
  return { reason, evidenceStatus };
}
