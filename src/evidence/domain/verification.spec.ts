import { AppError } from '../../common/app-error.js';
import { VerificationStatus } from './evidence-kind.js';
import { changeVerification, isExpired } from './verification.js';

const at = new Date('2025-03-01T10:00:00Z');

describe('evidence verification', () => {
  it('records who and when on verify and endorse, and clears both on going back to self-reported', () => {
    expect(changeVerification(VerificationStatus.SELF_REPORTED, VerificationStatus.VERIFIED, 'hr@x', at)).toEqual({
      verificationStatus: 'VERIFIED',
      verifiedBy: 'hr@x',
      verifiedAt: at,
      action: 'EVIDENCE_VERIFIED',
    });
    expect(changeVerification(VerificationStatus.VERIFIED, VerificationStatus.ENDORSED, 'hr@x', at).action).toBe('EVIDENCE_ENDORSED');
    expect(changeVerification(VerificationStatus.VERIFIED, VerificationStatus.SELF_REPORTED, 'hr@x', at)).toEqual({
      verificationStatus: 'SELF_REPORTED',
      verifiedBy: null,
      verifiedAt: null,
      action: 'EVIDENCE_UNVERIFIED',
    });
  });

  it('refuses setting the status an item already has', () => {
    expect(() => changeVerification(VerificationStatus.ENDORSED, VerificationStatus.ENDORSED, 'hr@x', at)).toThrow(AppError);
  });

  it('calls a certification expired only after its expiry day', () => {
    expect(isExpired('2025-02-28', '2025-03-01')).toBe(true);
    expect(isExpired('2025-03-01', '2025-03-01')).toBe(false);
    expect(isExpired(null, '2025-03-01')).toBe(false);
  });
});
