import { AuditDimension, type Demographics } from './categories.js';
import { dimensionFigures, type Outcome } from './impact-ratios.js';

const person = (sex: Demographics['sex'], raceEthnicity: Demographics['raceEthnicity']): Demographics => ({ sex, raceEthnicity });
const many = (n: number, d: Demographics, selected: boolean): Outcome[] => Array.from({ length: n }, () => ({ demographics: d, selected }));
const options = { excludeUnderTwoPercent: false, minCategorySize: 5 };

describe('impact ratios (LL144 arithmetic)', () => {
  // 10 women, 6 selected (0.6); 20 men, 8 selected (0.4); 3 unknown, 3 selected.
  const outcomes = [
    ...many(6, person('FEMALE', 'WHITE'), true),
    ...many(4, person('FEMALE', 'ASIAN'), false),
    ...many(8, person('MALE', 'WHITE'), true),
    ...many(12, person('MALE', null), false),
    ...many(3, person(null, 'ASIAN'), true),
  ];

  it('rates each category, takes the highest as reference and divides', () => {
    const sex = dimensionFigures(AuditDimension.SEX, outcomes, options);
    const female = sex.categories.find((c) => c.category === 'FEMALE')!;
    const male = sex.categories.find((c) => c.category === 'MALE')!;
    expect([female.assessed, female.selected, female.rate, female.impactRatio, female.flagged]).toEqual([10, 6, 0.6, 1, false]);
    expect([male.assessed, male.selected, male.rate, male.impactRatio, male.flagged]).toEqual([20, 8, 0.4, (8 * 10) / (20 * 6), true]);
    expect(sex.highestCategory).toBe('FEMALE');
    expect(sex.unknown).toEqual({ assessed: 3, selected: 3, rate: 1 });
  });

  it('counts a person with any unknown part as unknown in the intersection', () => {
    const both = dimensionFigures(AuditDimension.INTERSECTION, outcomes, options);
    expect(both.categories).toHaveLength(14);
    expect(both.unknown.assessed).toBe(15);
    expect(both.categories.find((c) => c.category === 'MALE/WHITE')).toMatchObject({ assessed: 8, selected: 8, rate: 1, impactRatio: 1 });
    expect(both.categories.find((c) => c.category === 'FEMALE/WHITE')).toMatchObject({ assessed: 6, rate: 1, impactRatio: 1 });
    expect(both.categories.find((c) => c.category === 'FEMALE/ASIAN')).toMatchObject({
      assessed: 4,
      rate: 0,
      impactRatio: 0,
      flagged: true,
      tooSmall: true,
    });
  });

  it('leaves categories under 2% of the data out of the ratios only when asked, still reporting them', () => {
    // 1 Asian of 60 (1.7%) at rate 1: the reference without the option, excluded with it.
    const data = [
      ...many(1, person('MALE', 'ASIAN'), true),
      ...many(59, person('MALE', 'WHITE'), false),
      ...many(0, person(null, null), false),
    ];
    data[1] = { demographics: person('MALE', 'WHITE'), selected: true };
    const kept = dimensionFigures(AuditDimension.RACE_ETHNICITY, data, options);
    expect(kept.highestCategory).toBe('ASIAN');
    expect(kept.categories.find((c) => c.category === 'WHITE')!.impactRatio).toBe(1 / 59);
    const dropped = dimensionFigures(AuditDimension.RACE_ETHNICITY, data, { ...options, excludeUnderTwoPercent: true });
    const asian = dropped.categories.find((c) => c.category === 'ASIAN')!;
    expect(asian).toMatchObject({ assessed: 1, rate: 1, excludedFromRatios: true, impactRatio: null, flagged: false, shareOfData: 1 / 60 });
    expect(dropped.highestCategory).toBe('WHITE');
    expect(dropped.categories.find((c) => c.category === 'WHITE')!.impactRatio).toBe(1);
  });

  it('has no ratio when nobody known was selected, and says why', () => {
    const none = dimensionFigures(AuditDimension.SEX, many(4, person('MALE', null), false), options);
    expect(none.highestCategory).toBeNull();
    expect(none.categories.every((c) => c.impactRatio === null && !c.flagged)).toBe(true);
    expect(none.note).toMatch(/Nobody .* was selected/);
    expect(dimensionFigures(AuditDimension.SEX, [], options).note).toMatch(/Nobody was assessed/);
    expect(dimensionFigures(AuditDimension.SEX, many(2, person(null, null), true), options).note).toMatch(/only unknowns/);
  });

  it('flags at 0.8 only strictly below it', () => {
    const d = [...many(5, person('FEMALE', null), true), ...many(4, person('MALE', null), true), ...many(1, person('MALE', null), false)];
    const sex = dimensionFigures(AuditDimension.SEX, d, options);
    expect(sex.categories.find((c) => c.category === 'MALE')).toMatchObject({ impactRatio: 0.8, flagged: false });
  });
});
