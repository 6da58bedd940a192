import { badInput } from '../../common/app-error.js';
import { VerificationStatus } from './evidence-kind.js';

export interface VerificationState {
  verificationStatus: VerificationStatus;
  verifiedBy: string | null;
  verifiedAt: Date | null;
}

export type VerificationAction = 'EVIDENCE_VERIFIED' | 'EVIDENCE_ENDORSED' | 'EVIDENCE_UNVERIFIED';

const ACTION: Record<VerificationStatus, VerificationAction> = {
  [VerificationStatus.VERIFIED]: 'EVIDENCE_VERIFIED',
  [VerificationStatus.ENDORSED]: 'EVIDENCE_ENDORSED',
  [VerificationStatus.SELF_REPORTED]: 'EVIDENCE_UNVERIFIED',
};

export const SELF_REPORTED: Readonly<VerificationState> = Object.freeze({
  verificationStatus: VerificationStatus.SELF_REPORTED,
  verifiedBy: null,
  verifiedAt: null,
});

/**
 * HR moves an item to any other status. Endorsed and verified record who and when; going back to
 * self-reported clears both. Setting the status it already has is refused so every audit entry is a change.
 */
export function changeVerification(
  from: VerificationStatus,
  to: VerificationStatus,
  by: string,
  at: Date,
): VerificationState & { action: VerificationAction } {
  if (from === to) throw badInput(`The evidence is already ${to}`);
  const state = to === VerificationStatus.SELF_REPORTED ? { ...SELF_REPORTED } : { verificationStatus: to, verifiedBy: by, verifiedAt: at };
  return { ...state, action: ACTION[to] };
}

/** A certification past its expiry date; `today` is an ISO date so the rule is testable without a clock. */
export function isExpired(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && expiresOn < today;
}
