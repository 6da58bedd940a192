import { badInput, notFound } from '../../common/app-error.js';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 4000;
export const OPENINGS_MIN = 1;
export const OPENINGS_MAX = 50;
export const STIPEND_MAX = 1_000_000;
export const YEARS_OF_SERVICE_MAX = 50;
export const REQUIREMENTS_MIN = 1;
export const REQUIREMENTS_MAX = 30;
export const WEIGHT_MAX = 100;

export type RequirementKind = 'REQUIRED' | 'PREFERRED';

/** The terms of a posting as they would be after a create or update. */
export interface RoleTerms {
  title: string;
  summary: string;
  classroomFte: number;
  roleFte: number;
  stipend: number;
  openings: number;
  minYearsOfService: number | null;
}

export interface RequirementDraft {
  competencyId: string;
  minLevel: number;
  weight: number;
  kind: string;
}

/** What the rules need to know about a competency a requirement points at. */
export interface CompetencyFacts {
  id: string;
  code: string;
  retired: boolean;
  levels: readonly number[];
}

/** FTE is stored with two decimals; compare in hundredths so 0.7 + 0.3 is exactly 1.0. */
const hundredths = (x: number) => Math.round(x * 100);
const hasAtMostTwoDecimals = (x: number) => Math.abs(x * 100 - hundredths(x)) < 1e-6;

export function checkFte(classroomFte: number, roleFte: number): void {
  if (!Number.isFinite(classroomFte) || !Number.isFinite(roleFte)) throw badInput('FTE values must be numbers');
  if (!hasAtMostTwoDecimals(classroomFte) || !hasAtMostTwoDecimals(roleFte))
    throw badInput('FTE values have at most two decimals (e.g. 0.25)');
  if (classroomFte < 0) throw badInput('classroomFte must be 0 or more');
  if (roleFte <= 0) throw badInput('roleFte must be more than 0');
  const sum = hundredths(classroomFte) + hundredths(roleFte);
  if (sum > 100)
    throw badInput(`classroomFte + roleFte must not exceed 1.0 (got ${classroomFte} + ${roleFte} = ${(sum / 100).toFixed(2)})`);
}

export function checkRoleTerms(t: RoleTerms): void {
  if (!t.title.trim()) throw badInput('title must not be empty');
  if (t.title.length > TITLE_MAX) throw badInput(`title must be at most ${TITLE_MAX} characters`);
  if (t.summary.length > SUMMARY_MAX) throw badInput(`summary must be at most ${SUMMARY_MAX} characters`);
  checkFte(t.classroomFte, t.roleFte);
  if (!Number.isInteger(t.stipend) || t.stipend < 0 || t.stipend > STIPEND_MAX)
    throw badInput(`stipend must be a whole number from 0 to ${STIPEND_MAX}`);
  if (!Number.isInteger(t.openings) || t.openings < OPENINGS_MIN || t.openings > OPENINGS_MAX) {
    throw badInput(`openings must be a whole number from ${OPENINGS_MIN} to ${OPENINGS_MAX}`);
  }
  const years = t.minYearsOfService;
  if (years !== null && (!Number.isInteger(years) || years < 0 || years > YEARS_OF_SERVICE_MAX)) {
    throw badInput(`minYearsOfService must be a whole number from 0 to ${YEARS_OF_SERVICE_MAX}`);
  }
}

/**
 * A requirement list is valid when every competency exists and is current, every minimum level is one the
 * competency defines, weights are in (0, 100], and no competency appears twice. A retired competency may stay
 * on a role that already required it (`kept`), but cannot be newly added.
 */
export function checkRequirements(
  requirements: readonly RequirementDraft[],
  competencies: ReadonlyMap<string, CompetencyFacts>,
  kept: ReadonlySet<string> = new Set(),
): void {
  if (requirements.length < REQUIREMENTS_MIN || requirements.length > REQUIREMENTS_MAX) {
    throw badInput(`A role has ${REQUIREMENTS_MIN} to ${REQUIREMENTS_MAX} requirements (got ${requirements.length})`);
  }
  const seen = new Set<string>();
  for (const r of requirements) {
    const c = competencies.get(r.competencyId);
    if (!c) throw notFound('Competency', r.competencyId);
    if (seen.has(c.id)) throw badInput(`Competency ${c.code} appears more than once in the requirements`);
    seen.add(c.id);
    if (c.retired && !kept.has(c.id)) throw badInput(`Competency ${c.code} is retired and cannot be added as a requirement`);
    if (!c.levels.includes(r.minLevel)) {
      throw badInput(`minLevel ${r.minLevel} is not a level of competency ${c.code}; allowed levels: ${c.levels.join(', ')}`);
    }
    if (!(r.weight > 0 && r.weight <= WEIGHT_MAX)) throw badInput(`weight must be more than 0 and at most ${WEIGHT_MAX} (got ${r.weight})`);
    if (r.kind !== 'REQUIRED' && r.kind !== 'PREFERRED') throw badInput(`kind must be REQUIRED or PREFERRED (got ${r.kind})`);
  }
}

/** An OPEN role must name at least one REQUIRED competency and must not have closed already. */
export function checkCanBeOpen(closingDate: string | null, kinds: readonly string[], today: string): void {
  if (!kinds.includes('REQUIRED')) throw badInput('A role cannot open without at least one REQUIRED competency');
  checkClosingDateForOpen(closingDate, today);
}

export function checkClosingDateForOpen(closingDate: string | null, today: string): void {
  if (closingDate !== null && closingDate < today) throw badInput(`A role cannot be open with a closing date in the past (${closingDate})`);
}
