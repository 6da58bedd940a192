import { dayBefore, firstStartFor, planMove, type Assignment } from './assignments.js';

const person = { hireDate: '2015-08-15', leavingDate: null };
const history: Assignment[] = [
  { id: 'a1', buildingId: 'north', startsOn: '2015-08-15', endsOn: '2020-08-31' },
  { id: 'a2', buildingId: 'south', startsOn: '2020-09-01', endsOn: null },
];
const TODAY = '2026-06-01';
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('planning a building move', () => {
  it('ends the open assignment the day before the move and opens one from the move date', () => {
    expect(planMove(person, history, 'east', '2026-09-01', TODAY)).toEqual({
      kind: 'MOVE',
      close: { assignmentId: 'a2', endsOn: '2026-08-31' },
      open: { buildingId: 'east', startsOn: '2026-09-01' },
    });
  });

  it('on the day the open assignment started corrects its building instead of adding a one-day-empty assignment', () => {
    expect(planMove(person, history, 'east', '2020-09-01', TODAY)).toEqual({
      kind: 'REPLACE',
      assignmentId: 'a2',
      buildingId: 'east',
      startsOn: '2020-09-01',
    });
  });

  it('refuses moves out of order, before the hire date, on or after the leaving date, too far ahead, or to the same building', () => {
    expect(codeOf(() => planMove(person, history, 'east', '2019-01-01', TODAY))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => planMove(person, history, 'east', '2010-01-01', TODAY))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => planMove({ ...person, leavingDate: '2026-01-01' }, history, 'east', '2026-01-01', TODAY))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => planMove(person, history, 'east', '2027-06-02', TODAY))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => planMove(person, history, 'south', '2026-09-01', TODAY))).toBe('BAD_USER_INPUT');
    expect(planMove(person, history, 'east', '2027-06-01', TODAY).kind).toBe('MOVE');
  });
});

describe('a corrected hire date', () => {
  it('moves the start of the first assignment, within that assignment', () => {
    expect(firstStartFor(person, history, '2014-08-15')).toBe('2014-08-15');
    expect(firstStartFor(person, history, '2015-08-15')).toBeNull();
    expect(codeOf(() => firstStartFor(person, history, '2020-09-01'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => firstStartFor({ ...person, leavingDate: '2016-01-01' }, history, '2016-02-01'))).toBe('BAD_USER_INPUT');
  });
});

it('dayBefore crosses months and leap days', () => {
  expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  expect(dayBefore('2026-01-01')).toBe('2025-12-31');
});
