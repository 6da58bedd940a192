import { AppError, ErrorCode } from '../../common/app-error.js';
import { assertCanFill, assertEditable, assertTransition, canTransition, isRoleStatus, nextStatuses, RoleStatus } from './role-status.js';

const { DRAFT, OPEN, CLOSED, FILLED } = RoleStatus;
const ALL = [DRAFT, OPEN, CLOSED, FILLED];

function refusal(fn: () => void): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(ErrorCode.BAD_USER_INPUT);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('role status machine', () => {
  const legal: Array<[RoleStatus, RoleStatus]> = [
    [DRAFT, OPEN],
    [OPEN, CLOSED],
    [CLOSED, OPEN],
    [CLOSED, FILLED],
    [OPEN, FILLED],
  ];

  it.each(legal)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const illegal = ALL.flatMap((from) => ALL.map((to) => [from, to] as [RoleStatus, RoleStatus])).filter(
    ([from, to]) => !legal.some(([f, t]) => f === from && t === to),
  );

  it('refuses every other pair (11 of the 16) with BAD_USER_INPUT', () => {
    expect(illegal).toHaveLength(11);
    for (const [from, to] of illegal) {
      expect(canTransition(from, to)).toBe(false);
      refusal(() => assertTransition(from, to));
    }
  });

  it('explains the refusal with the moves that are allowed', () => {
    expect(refusal(() => assertTransition(DRAFT, CLOSED)).message).toBe('A DRAFT role cannot become CLOSED; it can only become OPEN');
    expect(refusal(() => assertTransition(OPEN, DRAFT)).message).toBe(
      'A OPEN role cannot become DRAFT; it can only become CLOSED or FILLED',
    );
    expect(refusal(() => assertTransition(FILLED, OPEN)).message).toBe('A FILLED role cannot change status any more');
    expect(refusal(() => assertTransition(OPEN, OPEN)).message).toBe('The role is already OPEN');
  });

  it('lets the hiring workflow fill an OPEN or CLOSED role only', () => {
    expect(() => assertCanFill(OPEN)).not.toThrow();
    expect(() => assertCanFill(CLOSED)).not.toThrow();
    refusal(() => assertCanFill(DRAFT));
    refusal(() => assertCanFill(FILLED));
  });

  it('keeps FILLED roles read-only and everything else editable', () => {
    for (const s of [DRAFT, OPEN, CLOSED]) expect(() => assertEditable(s)).not.toThrow();
    expect(refusal(() => assertEditable(FILLED)).message).toMatch(/FILLED role can no longer be edited/);
  });

  it('lists the next statuses and recognises status names', () => {
    expect(nextStatuses(DRAFT)).toEqual([OPEN]);
    expect(nextStatuses(FILLED)).toEqual([]);
    expect(isRoleStatus('CLOSED')).toBe(true);
    expect(isRoleStatus('ARCHIVED')).toBe(false);
  });
});
