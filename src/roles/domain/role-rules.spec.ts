import { AppError, ErrorCode } from '../../common/app-error.js';
import {
  checkCanBeOpen,
  checkFte,
  checkRequirements,
  checkRoleTerms,
  type CompetencyFacts,
  type RequirementDraft,
  type RoleTerms,
} from './role-rules.js';

function refusal(fn: () => void, code = ErrorCode.BAD_USER_INPUT): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return (e as AppError).message;
  }
  throw new Error('expected a refusal');
}

describe('FTE split', () => {
  it.each([
    [0.6, 0.4],
    [0.7, 0.3],
    [0, 1],
    [0.8, 0.2],
    [0.5, 0.25],
  ])('accepts %s classroom + %s role', (c, r) => expect(() => checkFte(c, r)).not.toThrow());

  it('refuses a sum over 1.0 with a message naming the rule', () => {
    expect(refusal(() => checkFte(0.8, 0.4))).toBe('classroomFte + roleFte must not exceed 1.0 (got 0.8 + 0.4 = 1.20)');
    expect(refusal(() => checkFte(0.5, 0.51))).toMatch(/must not exceed 1.0/);
  });

  it('refuses a negative classroom FTE, a zero role FTE and more than two decimals', () => {
    expect(refusal(() => checkFte(-0.1, 0.5))).toMatch(/classroomFte must be 0 or more/);
    expect(refusal(() => checkFte(0.5, 0))).toMatch(/roleFte must be more than 0/);
    expect(refusal(() => checkFte(0.333, 0.5))).toMatch(/two decimals/);
    expect(refusal(() => checkFte(Number.NaN, 0.5))).toMatch(/numbers/);
  });
});

describe('role terms', () => {
  const terms: RoleTerms = {
    title: 'AI integration specialist',
    summary: '',
    classroomFte: 0.6,
    roleFte: 0.4,
    stipend: 3000,
    openings: 2,
    minYearsOfService: null,
  };

  it('accepts sensible terms', () => expect(() => checkRoleTerms(terms)).not.toThrow());

  it('refuses each out-of-range term', () => {
    expect(refusal(() => checkRoleTerms({ ...terms, title: 'x'.repeat(201) }))).toMatch(/title must be at most 200/);
    expect(refusal(() => checkRoleTerms({ ...terms, title: '   ' }))).toMatch(/title must not be empty/);
    expect(refusal(() => checkRoleTerms({ ...terms, summary: 'x'.repeat(4001) }))).toMatch(/summary must be at most 4000/);
    expect(refusal(() => checkRoleTerms({ ...terms, stipend: -1 }))).toMatch(/stipend/);
    expect(refusal(() => checkRoleTerms({ ...terms, openings: 0 }))).toMatch(/openings/);
    expect(refusal(() => checkRoleTerms({ ...terms, openings: 51 }))).toMatch(/openings/);
    expect(refusal(() => checkRoleTerms({ ...terms, minYearsOfService: 51 }))).toMatch(/minYearsOfService/);
    expect(refusal(() => checkRoleTerms({ ...terms, minYearsOfService: -1 }))).toMatch(/minYearsOfService/);
  });

  it('accepts the boundaries', () => {
    expect(() =>
      checkRoleTerms({ ...terms, title: 'x'.repeat(200), summary: 'y'.repeat(4000), stipend: 0, openings: 50, minYearsOfService: 50 }),
    ).not.toThrow();
    expect(() => checkRoleTerms({ ...terms, openings: 1, minYearsOfService: 0 })).not.toThrow();
  });
});

describe('requirements', () => {
  const bias: CompetencyFacts = { id: 'c-bias', code: 'AI-BIAS', retired: false, levels: [1, 2, 3, 4] };
  const ethics: CompetencyFacts = { id: 'c-eth', code: 'ETH.1', retired: false, levels: [1] };
  const old: CompetencyFacts = { id: 'c-old', code: 'OLD', retired: true, levels: [1, 2] };
  const known = new Map([bias, ethics, old].map((c) => [c.id, c]));
  const req = (over: Partial<RequirementDraft> = {}): RequirementDraft => ({
    competencyId: 'c-bias',
    minLevel: 2,
    weight: 10,
    kind: 'REQUIRED',
    ...over,
  });

  it('accepts a valid list', () => {
    expect(() =>
      checkRequirements([req(), req({ competencyId: 'c-eth', minLevel: 1, kind: 'PREFERRED', weight: 100 })], known),
    ).not.toThrow();
  });

  it('answers an unknown competency with NOT_FOUND naming it', () => {
    expect(refusal(() => checkRequirements([req({ competencyId: 'c-nope' })], known), ErrorCode.NOT_FOUND)).toBe(
      'Competency c-nope was not found',
    );
  });

  it('refuses a level the competency does not define, naming the allowed levels', () => {
    expect(refusal(() => checkRequirements([req({ minLevel: 5 })], known))).toBe(
      'minLevel 5 is not a level of competency AI-BIAS; allowed levels: 1, 2, 3, 4',
    );
  });

  it('refuses a weight of 0 or over 100, and accepts a small positive one', () => {
    expect(refusal(() => checkRequirements([req({ weight: 0 })], known))).toMatch(/weight must be more than 0 and at most 100/);
    expect(refusal(() => checkRequirements([req({ weight: 100.5 })], known))).toMatch(/weight/);
    expect(() => checkRequirements([req({ weight: 0.01 })], known)).not.toThrow();
  });

  it('refuses a duplicate competency, an unknown kind, and an empty or oversized list', () => {
    expect(refusal(() => checkRequirements([req(), req({ minLevel: 3 })], known))).toMatch(/AI-BIAS appears more than once/);
    expect(refusal(() => checkRequirements([req({ kind: 'NICE' })], known))).toMatch(/kind must be REQUIRED or PREFERRED/);
    expect(refusal(() => checkRequirements([], known))).toMatch(/1 to 30 requirements/);
    const many = new Map(Array.from({ length: 31 }, (_, i) => [`c${i}`, { id: `c${i}`, code: `C${i}`, retired: false, levels: [1] }]));
    expect(
      refusal(() =>
        checkRequirements(
          [...many.keys()].map((id) => req({ competencyId: id, minLevel: 1 })),
          many,
        ),
      ),
    ).toMatch(/got 31/);
  });

  it('refuses a newly added retired competency but keeps one the role already had', () => {
    expect(refusal(() => checkRequirements([req({ competencyId: 'c-old', minLevel: 1 })], known))).toMatch(/OLD is retired/);
    expect(() => checkRequirements([req({ competencyId: 'c-old', minLevel: 1 })], known, new Set(['c-old']))).not.toThrow();
  });
});

describe('opening a role', () => {
  const today = '2026-03-10';

  it('needs at least one REQUIRED competency', () => {
    expect(refusal(() => checkCanBeOpen(null, ['PREFERRED', 'PREFERRED'], today))).toBe(
      'A role cannot open without at least one REQUIRED competency',
    );
    expect(refusal(() => checkCanBeOpen(null, [], today))).toMatch(/at least one REQUIRED/);
    expect(() => checkCanBeOpen(null, ['PREFERRED', 'REQUIRED'], today)).not.toThrow();
  });

  it('refuses a closing date in the past but accepts today and later', () => {
    expect(refusal(() => checkCanBeOpen('2026-03-09', ['REQUIRED'], today))).toMatch(/closing date in the past/);
    expect(() => checkCanBeOpen('2026-03-10', ['REQUIRED'], today)).not.toThrow();
    expect(() => checkCanBeOpen('2026-06-30', ['REQUIRED'], today)).not.toThrow();
  });
});
