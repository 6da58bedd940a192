import { ErrorCode } from '../../common/app-error.js';
import { assertOfferDates, assertSeatLeft, decideOverride, expectedCandidate, fillsRole, type RankedEntry } from './offer-override.js';

const run: RankedEntry[] = [
  { educatorId: 'b', rank: 1, qualified: true },
  { educatorId: 'c', rank: 2, qualified: true },
  { educatorId: 'a', rank: 3, qualified: false },
];

describe('the candidate the ranking points to', () => {
  it('is the best-ranked qualified candidate', () => {
    expect(expectedCandidate(run, new Set())?.educatorId).toBe('b');
    expect(expectedCandidate([...run].reverse(), new Set())?.educatorId).toBe('b');
  });

  it('skips candidates who ruled themselves out or already hold an offer', () => {
    expect(expectedCandidate(run, new Set(['b']))?.educatorId).toBe('c');
    expect(expectedCandidate(run, new Set(['b', 'c']))).toBeNull();
  });

  it('is nobody without a run or without a qualified candidate', () => {
    expect(expectedCandidate(null, new Set())).toBeNull();
    expect(expectedCandidate([{ educatorId: 'a', rank: 1, qualified: false }], new Set())).toBeNull();
  });
});

describe('the override rule', () => {
  const top = run[0];

  it('needs no reason to offer to the top-ranked qualified candidate', () => {
    expect(decideOverride('b', top, undefined)).toEqual({ override: false, expected: top, reason: null });
  });

  it('refuses an offer to anyone else without a reason', () => {
    try {
      decideOverride('a', top, '   ');
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as { code: string }).code).toBe(ErrorCode.BAD_USER_INPUT);
      expect((e as Error).message).toMatch(/not the top-ranked qualified candidate.*overrideReason/);
    }
  });

  it('records the override and its reason when one is given', () => {
    expect(decideOverride('a', top, ' Strongest interview; pilot results verified since the run ')).toEqual({
      override: true, expected: top, reason: 'Strongest interview; pilot results verified since the run',
    });
  });

  it('demands nothing without a machine recommendation, but keeps a reason given', () => {
    expect(decideOverride('a', null, undefined)).toEqual({ override: false, expected: null, reason: null });
    expect(decideOverride('a', null, 'only applicant')).toMatchObject({ override: false, reason: 'only applicant' });
  });

  it('limits reasons to 2000 characters', () => {
    expect(() => decideOverride('a', top, 'x'.repeat(2001))).toThrow(/2001 characters/);
  });
});

describe('offer terms and seats', () => {
  it('needs the end date on or after the start date', () => {
    expect(() => assertOfferDates('2030-08-01', '2031-06-30')).not.toThrow();
    expect(() => assertOfferDates('2030-08-01', null)).not.toThrow();
    expect(() => assertOfferDates('2030-08-01', '2030-07-31')).toThrow(/before the start date/);
    expect(() => assertOfferDates('2030-07-31', null, '2030-08-01')).toThrow(/in the past/);
    expect(() => assertOfferDates('2030-08-01', null, '2030-08-01')).not.toThrow();
  });

  it('never accepts more than the openings, and fills the role on the last one', () => {
    expect(() => assertSeatLeft(0, 1)).not.toThrow();
    expect(() => assertSeatLeft(1, 2)).not.toThrow();
    try {
      assertSeatLeft(1, 1);
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as { code: string }).code).toBe(ErrorCode.CONFLICT);
    }
    expect(fillsRole(1, 2)).toBe(false);
    expect(fillsRole(2, 2)).toBe(true);
  });
});
