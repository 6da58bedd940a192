import { VerificationFailure } from './report.js';

export interface ValidityWindow {
  validFrom: Date | null;
  validUntil: Date | null;
}

function parseDate(value: unknown, field: string): Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', `${field} must be an XML Schema dateTime with a time zone`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', `${field} is not a real date`);
  return date;
}

/** The validity window of a VC 2.0 (validFrom/validUntil) or VC 1.1 (issuanceDate/expirationDate) credential. */
export function validityWindow(credential: Record<string, unknown>): ValidityWindow {
  return {
    validFrom: parseDate(
      credential.validFrom ?? credential.issuanceDate,
      credential.validFrom !== undefined ? 'validFrom' : 'issuanceDate',
    ),
    validUntil: parseDate(
      credential.validUntil ?? credential.expirationDate,
      credential.validUntil !== undefined ? 'validUntil' : 'expirationDate',
    ),
  };
}

/** Throws the failing reason when `now` lies outside the window; a window with no ends is always valid. */
export function checkValidity(window: ValidityWindow, now: Date): string {
  if (window.validFrom && window.validUntil && window.validUntil < window.validFrom) {
    throw new VerificationFailure('VALIDITY', 'EXPIRED', 'validUntil is before validFrom');
  }
  if (window.validFrom && now < window.validFrom) {
    throw new VerificationFailure('VALIDITY', 'NOT_YET_VALID', `The credential is not valid before ${window.validFrom.toISOString()}`);
  }
  if (window.validUntil && now > window.validUntil) {
    throw new VerificationFailure('VALIDITY', 'EXPIRED', `The credential expired on ${window.validUntil.toISOString()}`);
  }
  return window.validUntil ? `valid until ${window.validUntil.toISOString()}` : 'no expiry';
}
