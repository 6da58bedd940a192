/**
 * The verification report kept with every imported credential: each step in the order it ran, what it found, and
 * (when it failed) a reason code a client can branch on.
 */
export type VerificationStep = 'PARSE' | 'SHAPE' | 'PROOF' | 'VALIDITY' | 'STATUS' | 'RECIPIENT' | 'ISSUER';

export const STEP_ORDER: readonly VerificationStep[] = ['PARSE', 'SHAPE', 'PROOF', 'VALIDITY', 'STATUS', 'RECIPIENT', 'ISSUER'];

export type StepOutcome = 'PASSED' | 'FAILED' | 'UNKNOWN' | 'SKIPPED';

/** Why a credential was refused or not (yet) verified. */
export type RefusalReason =
  | 'MALFORMED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_FORMAT'
  | 'SCHEMA_INVALID'
  | 'UNKNOWN_CONTEXT'
  | 'ALGORITHM_REFUSED'
  | 'KEY_UNAVAILABLE'
  | 'WRONG_KEY_TYPE'
  | 'ISSUER_MISMATCH'
  | 'PROOF_INVALID'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'STATUS_UNKNOWN'
  | 'STATUS_INVALID'
  | 'RECIPIENT_MISMATCH'
  | 'ISSUER_NOT_TRUSTED';

export interface StepResult {
  step: VerificationStep;
  outcome: StepOutcome;
  reason?: RefusalReason;
  detail: string;
}

export interface VerificationReport {
  checkedAt: string;
  format: 'DATA_INTEGRITY' | 'VC_JWT' | 'UNKNOWN';
  steps: StepResult[];
}

/** A step failed: verification stops here and the step is named. */
export class VerificationFailure extends Error {
  constructor(
    readonly step: VerificationStep,
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'VerificationFailure';
  }
}

export function failedStep(report: VerificationReport): StepResult | undefined {
  return report.steps.find((s) => s.outcome === 'FAILED' || s.outcome === 'UNKNOWN');
}
