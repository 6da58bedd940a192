import { ErrorCode } from '../../common/app-error.js';
import { assertOfferDates, assertSeatLeft, decideOverride, expectedCandidates, fillsRole, type RankedEntry } from './offer-override.js';

const run: RankedEntry[] = [
  { educatorId: 'b', rank: 1, qualified: true, score: 90 },
  { educatorId: 'c', rank: 2, qualified: true, score: 80 },
  { educatorId: 'a', rank: 3, qualified: false, score: 95 },
];
const everyone = new Set(['a', 'b', 'c', 'd', 'e']);
const ids = (entries: RankedEntry[]) => entries.map((e) => e.educatorId);

describe('the candidates the ranking points to', () => {
  it('is the best-ranked qualified applicant', () => {
    expect(ids(expectedCandidates(run, everyone, new Set()))).toEqual(['b']);
    expect(ids(expectedCandidates([...run].reverse(), everyone, new Set()))).toEqual(['b']);
  });

  it("compares against the role's applicants, not the whole district", () => {
    expect(ids(expectedCandidates(run, new Set(['c', 'a']), new Set()))).toEqual(['c']);
    expect(expectedCandidates(run, new Set(['a']), new Set())).toEqual([]);
  });

  it('treats every qualified applicant tied at the top as expected', () => {
    const tied: RankedEntry[] = [
      { educatorId: 'd', rank: 1, qualified: true, score: 70 },
      { educatorId: 'e', rank: 2, qualified: true, score: 70 },
      { educatorId: 'c', rank: 3, qualified: true, score: 60 },
    ];
    expect(ids(expectedCandidates(tied, everyone, new Set()))).toEqual(['d', 'e']);
    expect(decideOverride('e', expectedCandidates(tied, everyone, new Set()), undefined)).toEqual({
      override: false,
      expected: tied[1],
      reason: null,
    });
    expect(() => decideOverride('c', expectedCandidates(tied, everyone, new Set()), undefined)).toThrow(/2 applicants tie at the top/);
  });

  it('skips candidates who ruled themselves out or already hold an offer', () => {
    expect(ids(expectedCandidates(run, everyone, new Set(['b'])))).toEqual(['c']);
    expect(expectedCandidates(run, everyone, new Set(['b', 'c']))).toEqual([]);
  });

  it('is nobody without a run or without a qualified applicant', () => {
    expect(expectedCandidates(null, everyone, new Set())).toEqual([]);
    expect(expectedCandidates([{ educatorId: 'a', rank: 1, qualified: false, score: 10 }], everyone, new Set())).toEqual([]);
  });
});

describe('the override rule', () => {
  const top = [run[0]];

  it('needs no reason to offer to the top-ranked qualified applicant', () => {
    expect(decideOverride('b', top, undefined)).toEqual({ override: false, expected: run[0], reason: null });
  });

  it('refuses an offer to anyone else without a reason', () => {
    try {
      decideOverride('a', top, '   ');
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as { code: string }).code).toBe(ErrorCode.BAD_USER_INPUT);
      expect((e as Error).message).toMatch(/not the top-ranked qualified candidate among the role's applicants.*overrideReason/);
    }
  });

  it('records the override and its reason when one is given', () => {
    expect(decideOverride('a', top, ' Strongest interview; pilot results verified since the run ')).toEqual({
      override: true,
      expected: run[0],
      reason: 'Strongest interview; pilot results verified since the run',
    });
  });

  it('demands nothing without a machine recommendation, but keeps a reason given', () => {
    expect(decideOverride('a', [], undefined)).toEqual({ override: false, expected: null, reason: null });
    expect(decideOverride('a', [], 'only applicant')).toMatchObject({ override: false, reason: 'only applicant' });
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
