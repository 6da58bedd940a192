import { AppError, ErrorCode } from '../../common/app-error.js';
import { checkClaims, type CompetencyFacts } from './claims.js';

const BIAS: CompetencyFacts = { id: 'c-bias', code: 'AI-BIAS', name: 'AI bias evaluation', retired: false, levels: [1, 2, 3, 4] };
const OLD: CompetencyFacts = { id: 'c-old', code: 'OLD', name: 'Old skill', retired: true, levels: [1, 2] };
const HUMAN: CompetencyFacts = { id: 'c-human', code: 'HC.1', name: 'Human agency', retired: false, levels: [1, 2, 3] };
const ALL = new Map([BIAS, OLD, HUMAN].map((c) => [c.id, c]));

const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('competency claims on evidence', () => {
  it('accepts distinct competencies at one of their levels', () => {
    expect(
      checkClaims(
        [
          { competencyId: 'c-bias', level: 3 },
          { competencyId: 'c-human', level: 1 },
        ],
        ALL,
      ),
    ).toHaveLength(2);
  });

  it('needs 1 to 20 claims', () => {
    expect(refusal(() => checkClaims([], ALL)).message).toMatch(/between 1 and 20/);
    const many = Array.from({ length: 21 }, (_, i) => ({ competencyId: `c-${i}`, level: 1 }));
    expect(refusal(() => checkClaims(many, ALL)).message).toMatch(/between 1 and 20 competencies \(got 21\)/);
  });

  it('refuses the same competency twice', () => {
    const err = refusal(() =>
      checkClaims(
        [
          { competencyId: 'c-bias', level: 1 },
          { competencyId: 'c-bias', level: 2 },
        ],
        ALL,
      ),
    );
    expect(err.message).toMatch(/AI-BIAS .* claimed more than once/);
  });

  it('refuses a level outside the competency and names the allowed levels', () => {
    const err = refusal(() => checkClaims([{ competencyId: 'c-bias', level: 5 }], ALL));
    expect(err.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(err.message).toBe('Level 5 is not a level of competency AI-BIAS (AI bias evaluation); its levels are 1, 2, 3, 4');
  });

  it('answers an unknown competency with NOT_FOUND', () => {
    expect(refusal(() => checkClaims([{ competencyId: 'c-nope', level: 1 }], ALL)).code).toBe(ErrorCode.NOT_FOUND);
  });

  it('refuses a new claim on a retired competency but lets an item keep the claim it had', () => {
    expect(refusal(() => checkClaims([{ competencyId: 'c-old', level: 1 }], ALL)).message).toMatch(/retired/);
    const existing = new Map([['c-old', 1]]);
    expect(checkClaims([{ competencyId: 'c-old', level: 1 }], ALL, existing)).toHaveLength(1);
    expect(refusal(() => checkClaims([{ competencyId: 'c-old', level: 2 }], ALL, existing)).message).toMatch(/retired/);
  });
});
