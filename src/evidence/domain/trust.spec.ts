import { ErrorCode } from '../../common/app-error.js';
import { VerificationStatus } from './evidence-kind.js';
import { assertRestorable, decideEndorsement, decideRevision, editMessage, editWaitsForReview, restorableUntil } from './trust.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};
const { VERIFIED, ENDORSED, SELF_REPORTED } = VerificationStatus;

describe('trusted evidence rules', () => {
  it('restores archived evidence for 30 days, then answers NOT_FOUND', () => {
    const deleted = new Date('2026-01-01T12:00:00Z');
    expect(restorableUntil(deleted).toISOString()).toBe('2026-01-31T12:00:00.000Z');
    expect(codeOf(() => assertRestorable('x', deleted, new Date('2026-01-31T12:00:00Z')))).toBeNull();
    expect(codeOf(() => assertRestorable('x', deleted, new Date('2026-01-31T12:00:01Z')))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(() => assertRestorable('x', null, deleted))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it("holds an owner's edit of trusted evidence for review; HR's edits and self-reported edits apply", () => {
    expect(editWaitsForReview(VERIFIED, true)).toBe(true);
    expect(editWaitsForReview(ENDORSED, true)).toBe(true);
    expect(editWaitsForReview(SELF_REPORTED, true)).toBe(false);
    expect(editWaitsForReview(VERIFIED, false)).toBe(false);
    expect(editMessage(VERIFIED, ['title'], true)).toMatch(/needs re-verification/);
    expect(editMessage(SELF_REPORTED, ['title'], false)).toMatch(/applies at once/);
  });

  it('endorses self-reported evidence; declining needs a reason; verified evidence is not endorsed', () => {
    expect(decideEndorsement(SELF_REPORTED, 'ENDORSED', null)).toEqual({ reason: '', evidenceStatus: ENDORSED });
    expect(decideEndorsement(SELF_REPORTED, 'DECLINED', ' not seen ')).toEqual({ reason: 'not seen', evidenceStatus: null });
    expect(codeOf(() => decideEndorsement(SELF_REPORTED, 'DECLINED', '  '))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => decideEndorsement(VERIFIED, 'ENDORSED', 'x'))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => decideEndorsement(ENDORSED, 'ENDORSED', 'x'))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  const base = { revisionStatus: 'PENDING', evidenceStatus: ENDORSED, own: false, byHr: true, decision: 'APPROVED' as const, reason: 'ok' };
  it('lets HR decide any revision at the level it chooses, an endorser only endorsed ones, nobody their own', () => {
    expect(decideRevision(base).resultingStatus).toBe(ENDORSED);
    expect(decideRevision({ ...base, requestedStatus: VERIFIED }).resultingStatus).toBe(VERIFIED);
    expect(decideRevision({ ...base, decision: 'REJECTED', requestedStatus: VERIFIED }).resultingStatus).toBe(ENDORSED);
    expect(decideRevision({ ...base, byHr: false }).resultingStatus).toBe(ENDORSED);
    expect(codeOf(() => decideRevision({ ...base, byHr: false, evidenceStatus: VERIFIED }))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => decideRevision({ ...base, byHr: false, requestedStatus: VERIFIED }))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => decideRevision({ ...base, own: true }))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => decideRevision({ ...base, revisionStatus: 'APPROVED' }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => decideRevision({ ...base, reason: ' ' }))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
