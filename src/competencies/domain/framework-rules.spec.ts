import { AppError } from '../../common/app-error.js';
import { checkScaleChange, diff } from './framework-rules.js';

const scale = (n: number) => Array.from({ length: n }, (_, i) => ({ level: i + 1, label: `L${i + 1}`, descriptor: '' }));

describe('framework scale changes', () => {
  it('accepts a contiguous scale at least as long as the highest level in use', () => {
    expect(() => checkScaleChange(scale(3), [{ competencyCode: 'A', level: 3, claims: 2, requirements: 0 }])).not.toThrow();
  });

  it('refuses a gap in the numbering', () => {
    expect(() =>
      checkScaleChange(
        [
          { level: 1, label: 'a', descriptor: '' },
          { level: 3, label: 'c', descriptor: '' },
        ],
        [],
      ),
    ).toThrow(/without gaps/);
  });

  it('refuses fewer levels than a claim or requirement stands on, naming the level, the use and the fix', () => {
    let error: AppError | undefined;
    try {
      checkScaleChange(scale(2), [
        { competencyCode: 'AI-BIAS', level: 4, claims: 1, requirements: 2 },
        { competencyCode: 'PL', level: 3, claims: 0, requirements: 1 },
      ]);
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.message).toMatch(
      /Level 4 is still used.*at least 4 levels: AI-BIAS level 4 \(1 evidence claim and 2 role requirements\), PL level 3 \(1 role requirement\)/,
    );
    expect(error?.reason).toBe('LEVEL_IN_USE');
  });

  it('diffs only the fields that changed', () => {
    expect(diff({ title: 'a', description: 'b' }, { title: 'a', description: 'c' })).toEqual({ description: { from: 'b', to: 'c' } });
  });
});
