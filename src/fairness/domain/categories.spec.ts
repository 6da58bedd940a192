import { ErrorCode } from '../../common/app-error.js';
import { AuditDimension, categoriesOf, categoryIn, demographicsOf, parseSelfIdentification } from './categories.js';

describe('self-identification categories', () => {
  it('accepts the EEO-1 categories and decline to state', () => {
    expect(parseSelfIdentification({ sex: 'FEMALE', raceEthnicity: 'TWO_OR_MORE_RACES' })).toEqual({
      sex: 'FEMALE',
      raceEthnicity: 'TWO_OR_MORE_RACES',
    });
    expect(parseSelfIdentification({ sex: 'DECLINED_TO_STATE', raceEthnicity: 'DECLINED_TO_STATE' }).sex).toBe('DECLINED_TO_STATE');
  });

  it('refuses an unknown category as bad input naming the allowed ones', () => {
    for (const bad of [
      { sex: 'OTHER', raceEthnicity: 'WHITE' },
      { sex: 'MALE', raceEthnicity: 'white' },
    ]) {
      try {
        parseSelfIdentification(bad);
        throw new Error('accepted');
      } catch (e) {
        expect((e as { code: string }).code).toBe(ErrorCode.BAD_USER_INPUT);
        expect((e as Error).message).toMatch(/use one of/);
      }
    }
  });

  it('makes a declined or missing answer unknown, and an intersection unknown when either part is', () => {
    expect(demographicsOf(null)).toEqual({ sex: null, raceEthnicity: null });
    const d = demographicsOf({ sex: 'MALE', raceEthnicity: 'DECLINED_TO_STATE' });
    expect(categoryIn(AuditDimension.SEX, d)).toBe('MALE');
    expect(categoryIn(AuditDimension.RACE_ETHNICITY, d)).toBeNull();
    expect(categoryIn(AuditDimension.INTERSECTION, d)).toBeNull();
    expect(categoriesOf(AuditDimension.INTERSECTION)).toHaveLength(14);
  });
});
