import { AppError } from '../../common/app-error.js';
import { checkLevel, competencySelection, distinct, missingIds } from './report-rules.js';

describe('report levels', () => {
  it('accepts the four district levels and refuses anything else with a coded error', () => {
    for (const ok of [1, 2, 3, 4]) expect(() => checkLevel(ok, 'minLevel')).not.toThrow();
    for (const bad of [0, 5, -1, 2.5, Number.NaN]) {
      expect(() => checkLevel(bad, 'minLevel')).toThrow(AppError);
      expect(() => checkLevel(bad, 'minLevel')).toThrow(/minLevel must be a whole level from 1 to 4/);
    }
  });
});

describe('competency selection', () => {
  const ID_A = '00000000-0000-4000-8000-00000000000a';

  it('takes ids, dropping duplicates and keeping order', () => {
    expect(competencySelection({ competencyIds: [ID_A, 'b', ID_A] }, true)).toEqual({ by: 'ids', ids: [ID_A, 'b'] });
  });

  it('takes a framework with codes, or a framework alone', () => {
    expect(competencySelection({ frameworkCode: 'F', competencyCodes: ['X', 'Y', 'X'] }, true)).toEqual({
      by: 'codes',
      frameworkCode: 'F',
      codes: ['X', 'Y'],
    });
    expect(competencySelection({ frameworkCode: 'F' }, true)).toEqual({ by: 'framework', frameworkCode: 'F' });
  });

  it('refuses mixing ids and codes, and codes without a framework', () => {
    expect(() => competencySelection({ competencyIds: [ID_A], frameworkCode: 'F' }, false)).toThrow(/either/);
    expect(() => competencySelection({ competencyCodes: ['X'] }, false)).toThrow(/frameworkCode/);
  });

  it('requires a selection where the report needs one, and means "all" elsewhere', () => {
    expect(() => competencySelection({}, true)).toThrow(AppError);
    expect(competencySelection({}, false)).toEqual({ by: 'all' });
  });
});

describe('id helpers', () => {
  it('lists what was asked for and not found, in order', () => {
    expect(missingIds(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
    expect(distinct(['x', 'x', 'y'])).toEqual(['x', 'y']);
  });
});
