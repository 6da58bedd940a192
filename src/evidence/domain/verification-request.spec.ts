import { ErrorCode } from '../../common/app-error.js';
import { VerificationStatus } from './evidence-kind.js';
import { assertCanRequest, checkLinks, decide, VerificationRequestStatus } from './verification-request.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('verification requests', () => {
  it('may be made for unverified evidence, one at a time', () => {
    expect(codeOf(() => assertCanRequest(VerificationStatus.SELF_REPORTED, false))).toBeNull();
    expect(codeOf(() => assertCanRequest(VerificationStatus.ENDORSED, false))).toBeNull();
    expect(codeOf(() => assertCanRequest(VerificationStatus.VERIFIED, false))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => assertCanRequest(VerificationStatus.SELF_REPORTED, true))).toBe(ErrorCode.CONFLICT);
  });

  it('accept only a few http(s) links', () => {
    expect(checkLinks([' https://a.example/x ', 'https://a.example/x', 'http://b.example'])).toEqual([
      'https://a.example/x',
      'http://b.example',
    ]);
    expect(codeOf(() => checkLinks(['javascript:alert(1)']))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => checkLinks(['not a link']))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => checkLinks(Array.from({ length: 6 }, (_, i) => `https://x.example/${i}`)))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  const base = {
    status: VerificationRequestStatus.PENDING,
    deciderEducatorId: null,
    ownerEducatorId: 'ed',
    reason: ' Seen the certificate ',
  };
  it('are decided with a reason, and the evidence takes the decided status (REJECTED keeps it)', () => {
    expect(decide({ ...base, decision: VerificationRequestStatus.VERIFIED })).toEqual({
      reason: 'Seen the certificate',
      evidenceStatus: VerificationStatus.VERIFIED,
    });
    expect(decide({ ...base, decision: VerificationRequestStatus.ENDORSED }).evidenceStatus).toBe(VerificationStatus.ENDORSED);
    expect(decide({ ...base, decision: VerificationRequestStatus.REJECTED }).evidenceStatus).toBeNull();
  });

  it("refuse deciding one's own evidence, a decided request, or a blank reason", () => {
    expect(codeOf(() => decide({ ...base, deciderEducatorId: 'ed', decision: VerificationRequestStatus.VERIFIED }))).toBe(
      ErrorCode.FORBIDDEN,
    );
    expect(
      codeOf(() => decide({ ...base, status: VerificationRequestStatus.REJECTED, decision: VerificationRequestStatus.VERIFIED })),
    ).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => decide({ ...base, reason: '  ', decision: VerificationRequestStatus.REJECTED }))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
