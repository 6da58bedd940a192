import { AppError } from '../../common/app-error.js';
import { assertErasable, auditReferenceDocs, erasableFrom } from './erasure.js';
import { assertApplicationDecided, assertCanResolve, assertVerificationDecided, checkText } from './dispute.js';

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return { code: (e as AppError).code, reason: (e as AppError).reason };
  }
  return null;
};

describe('who may be erased, and when', () => {
  it('only a person who has left, from leaving date + retention days', () => {
    expect(refusal(() => assertErasable(null, '2026-11-30', 0))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_LEFT' });
    expect(refusal(() => assertErasable('2026-12-01', '2026-11-30', 0))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_LEFT' });
    expect(refusal(() => assertErasable('2026-11-30', '2026-11-30', 0))).toBeNull();
    expect(refusal(() => assertErasable('2026-11-01', '2026-11-30', 30))).toEqual({ code: 'FORBIDDEN', reason: 'RETENTION_PERIOD' });
    expect(refusal(() => assertErasable('2026-10-31', '2026-11-30', 30))).toBeNull();
    expect(erasableFrom('2026-12-20', 30)).toBe('2027-01-19');
  });
});

describe('dispute rules', () => {
  it('a pending request or an application still in progress holds no decision to dispute', () => {
    expect(refusal(() => assertVerificationDecided('PENDING'))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_DISPUTE' });
    expect(refusal(() => assertVerificationDecided('REJECTED'))).toBeNull();
    expect(refusal(() => assertApplicationDecided('SHORTLISTED', []))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_DISPUTE' });
    expect(refusal(() => assertApplicationDecided('WITHDRAWN', []))).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_DISPUTE' });
    expect(refusal(() => assertApplicationDecided('REJECTED', []))).toBeNull();
    expect(refusal(() => assertApplicationDecided('OFFERED', ['RESCINDED']))).toBeNull();
  });

  it('HR resolves open disputes, never their own', () => {
    expect(refusal(() => assertCanResolve({ status: 'OPEN', resolverEducatorId: 'e1', disputantEducatorId: 'e1' }))?.code).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => assertCanResolve({ status: 'UPHELD', resolverEducatorId: null, disputantEducatorId: 'e1' }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'ALREADY_RESOLVED',
    });
    expect(refusal(() => assertCanResolve({ status: 'OPEN', resolverEducatorId: null, disputantEducatorId: 'e1' }))).toBeNull();
    expect(refusal(() => checkText('  ', 'statement'))?.code).toBe('BAD_USER_INPUT');
    expect(checkText('  why  ', 'statement')).toBe('why');
  });
});

describe('finding a person in the audit log', () => {
  it('builds one containment document per id and key path, nested paths included', () => {
    const docs = auditReferenceDocs({ educator: ['E'], account: [], email: ['a@x'], record: ['R'] });
    expect(docs).toContain('{"educatorId":"E"}');
    expect(docs).toContain('{"after":{"educatorId":"E"}}');
    expect(docs).toContain('{"offeredEducatorId":"E"}');
    expect(docs).toContain('{"before":{"email":"a@x"}}');
    expect(docs).toContain('{"subjectId":"R"}');
    expect(docs).toHaveLength(5 + 3 + 6);
  });
});
