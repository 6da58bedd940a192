import { badInput } from '../../common/app-error.js';
import type { VerificationStatus } from '../../matching/domain/evidence-rules.js';

/** The district's level scale (1 aware, 2 practising, 3 leading others, 4 shaping the system). */
export const REPORT_LEVEL_MIN = 1;
export const REPORT_LEVEL_MAX = 4;

/** What the default scoring policy trusts (reports follow the policy in force: see statusesAtLeast). */
export const DEFAULT_REPORT_STATUSES: readonly VerificationStatus[] = ['VERIFIED', 'ENDORSED'];

/** "Level 3+ evidence" in the concentration measure: leading others or shaping the system. */
export const EXPERT_LEVEL = 3;

/** The top group whose share of a building's expertise is measured. */
export const CONCENTRATION_TOP = 3;

/** Above this share held by the top group, a building is flagged: "most" means more than half. */
export const DEFAULT_CONCENTRATION_THRESHOLD = 0.5;

export const MAX_REPORT_COMPETENCIES = 50;
export const MAX_REPORT_BUILDINGS = 200;

export function checkLevel(level: number, name: string): void {
  if (!Number.isInteger(level) || level < REPORT_LEVEL_MIN || level > REPORT_LEVEL_MAX) {
    throw badInput(`${name} must be a whole level from ${REPORT_LEVEL_MIN} to ${REPORT_LEVEL_MAX}, got ${level}`);
  }
}

/** Ids as given, duplicates dropped, first occurrence order kept. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The ids asked for that were not found, in the order asked. */
export function missingIds(asked: readonly string[], found: Iterable<string>): string[] {
  const have = new Set(found);
  return asked.filter((id) => !have.has(id));
}

export type CompetencySelection =
  | { by: 'ids'; ids: string[] }
  | { by: 'codes'; frameworkCode: string; codes: string[] }
  | { by: 'framework'; frameworkCode: string }
  | { by: 'all' };

export interface SelectionInput {
  competencyIds?: readonly string[];
  frameworkCode?: string;
  competencyCodes?: readonly string[];
}

/**
 * Reads which competencies a report is about. Ids, or a framework code with competency codes, or a
 * framework alone (all its competencies not retired); `required` reports refuse an empty selection,
 * the others then cover every competency not retired. Duplicates are dropped.
 */
export function competencySelection(input: SelectionInput, required: boolean): CompetencySelection {
  const { competencyIds, frameworkCode, competencyCodes } = input;
  if (competencyIds && (frameworkCode !== undefined || competencyCodes)) {
    throw badInput('Name competencies either by competencyIds or by frameworkCode and competencyCodes, not both');
  }
  if (competencyIds) return { by: 'ids', ids: distinct(competencyIds) };
  if (competencyCodes && frameworkCode === undefined) throw badInput('competencyCodes need the frameworkCode they belong to');
  if (frameworkCode !== undefined && competencyCodes) return { by: 'codes', frameworkCode, codes: distinct(competencyCodes) };
  if (frameworkCode !== undefined) return { by: 'framework', frameworkCode };
  if (required) throw badInput('Name the competencies: competencyIds, or frameworkCode with competencyCodes');
  return { by: 'all' };
}
