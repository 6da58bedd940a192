import { AppError, ErrorCode } from '../../common/app-error.js';
import { checkHireDate } from './hire-date.js';

describe('checkHireDate', () => {
  const today = new Date('2026-03-10T12:00:00Z');

  it('accepts past dates, today and dates up to a year ahead', () => {
    expect(() => checkHireDate('2001-08-20', today)).not.toThrow();
    expect(() => checkHireDate('2026-03-10', today)).not.toThrow();
    expect(() => checkHireDate('2027-03-10', today)).not.toThrow();
  });

  it('refuses a date more than a year ahead or before 1900 as bad input', () => {
    for (const date of ['2027-03-11', '1899-12-31']) {
      try {
        checkHireDate(date, today);
        throw new Error(`accepted ${date}`);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe(ErrorCode.BAD_USER_INPUT);
      }
    }
  });
});
