import { aboveMedian, HiringStep as S, median, stepOutcome } from './hiring-steps.js';

describe('hiring step outcomes from an application history', () => {
  it('counts every application at the first step and only those that reached a step at the later ones', () => {
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED'], S.APPLIED_TO_SHORTLISTED)).toBe('SELECTED');
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED'], S.SHORTLISTED_TO_OFFERED)).toBe('PENDING');
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED'], S.OFFERED_TO_ACCEPTED)).toBeNull();
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'ACCEPTED'], S.OFFERED_TO_ACCEPTED)).toBe(
      'SELECTED',
    );
  });

  it('reads rejection and a declined offer as not selected, withdrawal and open applications apart', () => {
    expect(stepOutcome(['SUBMITTED', 'REJECTED'], S.APPLIED_TO_SHORTLISTED)).toBe('NOT_SELECTED');
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'INTERVIEW', 'REJECTED'], S.SHORTLISTED_TO_OFFERED)).toBe('NOT_SELECTED');
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED', 'DECLINED'], S.OFFERED_TO_ACCEPTED)).toBe(
      'NOT_SELECTED',
    );
    expect(stepOutcome(['SUBMITTED', 'WITHDRAWN'], S.APPLIED_TO_SHORTLISTED)).toBe('WITHDRAWN');
    expect(stepOutcome(['SUBMITTED', 'SCREENED'], S.APPLIED_TO_SHORTLISTED)).toBe('PENDING');
    // Withdrawn after being shortlisted: selected at the first step, apart at the second.
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'WITHDRAWN'], S.APPLIED_TO_SHORTLISTED)).toBe('SELECTED');
    expect(stepOutcome(['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'WITHDRAWN'], S.SHORTLISTED_TO_OFFERED)).toBe('WITHDRAWN');
    expect(stepOutcome([], S.APPLIED_TO_SHORTLISTED)).toBeNull();
  });
});

describe('scoring rate: strictly above the median of the whole sample', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('does not count a score equal to the median as above it', () => {
    const rows = aboveMedian([{ score: 10 }, { score: 20 }, { score: 20 }, { score: 30 }, { score: 40 }]);
    expect(rows.map((r) => r.above)).toEqual([false, false, false, true, true]);
  });
});
