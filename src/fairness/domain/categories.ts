import { badInput } from '../../common/app-error.js';

/**
 * The EEO-1 categories NYC Local Law 144 audits use, each answer including "decline to state".
 * Stored as these codes; a declined or missing answer is "unknown" to the audit and counted apart.
 */
export const DECLINED = 'DECLINED_TO_STATE';

export const SEX_CATEGORIES = ['MALE', 'FEMALE'] as const;
export const RACE_CATEGORIES = [
  'HISPANIC_OR_LATINO',
  'WHITE',
  'BLACK_OR_AFRICAN_AMERICAN',
  'NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER',
  'ASIAN',
  'NATIVE_AMERICAN_OR_ALASKA_NATIVE',
  'TWO_OR_MORE_RACES',
] as const;

export type SexCategory = (typeof SEX_CATEGORIES)[number];
export type RaceCategory = (typeof RACE_CATEGORIES)[number];
export type SexAnswer = SexCategory | typeof DECLINED;
export type RaceAnswer = RaceCategory | typeof DECLINED;

export const SEX_LABELS: Readonly<Record<SexAnswer, string>> = { MALE: 'Male', FEMALE: 'Female', DECLINED_TO_STATE: 'Decline to state' };
export const RACE_LABELS: Readonly<Record<RaceAnswer, string>> = {
  HISPANIC_OR_LATINO: 'Hispanic or Latino',
  WHITE: 'White',
  BLACK_OR_AFRICAN_AMERICAN: 'Black or African American',
  NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER: 'Native Hawaiian or Pacific Islander',
  ASIAN: 'Asian',
  NATIVE_AMERICAN_OR_ALASKA_NATIVE: 'Native American or Alaska Native',
  TWO_OR_MORE_RACES: 'Two or more races',
  DECLINED_TO_STATE: 'Decline to state',
};

const SEX_ANSWERS: readonly string[] = [...SEX_CATEGORIES, DECLINED];
const RACE_ANSWERS: readonly string[] = [...RACE_CATEGORIES, DECLINED];

/** An educator's answer, checked against the category lists; anything else is BAD_USER_INPUT naming what is allowed. */
export function parseSelfIdentification(input: { sex: string; raceEthnicity: string }): { sex: SexAnswer; raceEthnicity: RaceAnswer } {
  if (!SEX_ANSWERS.includes(input.sex)) {
    throw badInput(`sex "${input.sex}" is not a category; use one of ${SEX_ANSWERS.join(', ')}`, { field: 'sex' });
  }
  if (!RACE_ANSWERS.includes(input.raceEthnicity)) {
    throw badInput(`raceEthnicity "${input.raceEthnicity}" is not a category; use one of ${RACE_ANSWERS.join(', ')}`, {
      field: 'raceEthnicity',
    });
  }
  return { sex: input.sex as SexAnswer, raceEthnicity: input.raceEthnicity as RaceAnswer };
}

/** The three ways the audit groups people. */
export enum AuditDimension {
  SEX = 'SEX',
  RACE_ETHNICITY = 'RACE_ETHNICITY',
  INTERSECTION = 'INTERSECTION',
}

/** What the audit knows of one person: null where they declined or never answered. */
export interface Demographics {
  sex: SexCategory | null;
  raceEthnicity: RaceCategory | null;
}

export const UNKNOWN: Demographics = { sex: null, raceEthnicity: null };

export function demographicsOf(answer: { sex: string; raceEthnicity: string } | null | undefined): Demographics {
  if (!answer) return UNKNOWN;
  return {
    sex: (SEX_CATEGORIES as readonly string[]).includes(answer.sex) ? (answer.sex as SexCategory) : null,
    raceEthnicity: (RACE_CATEGORIES as readonly string[]).includes(answer.raceEthnicity) ? (answer.raceEthnicity as RaceCategory) : null,
  };
}

/** Every category of a dimension, in a fixed reporting order (intersections: sex, then race). */
export function categoriesOf(dimension: AuditDimension): string[] {
  switch (dimension) {
    case AuditDimension.SEX:
      return [...SEX_CATEGORIES];
    case AuditDimension.RACE_ETHNICITY:
      return [...RACE_CATEGORIES];
    case AuditDimension.INTERSECTION:
      return SEX_CATEGORIES.flatMap((s) => RACE_CATEGORIES.map((r) => `${s}/${r}`));
  }
}

/** A person's category in a dimension, or null (unknown) when any part of it is unknown. */
export function categoryIn(dimension: AuditDimension, d: Demographics): string | null {
  switch (dimension) {
    case AuditDimension.SEX:
      return d.sex;
    case AuditDimension.RACE_ETHNICITY:
      return d.raceEthnicity;
    case AuditDimension.INTERSECTION:
      return d.sex && d.raceEthnicity ? `${d.sex}/${d.raceEthnicity}` : null;
  }
}

export function categoryLabel(dimension: AuditDimension, category: string): string {
  if (dimension === AuditDimension.SEX) return SEX_LABELS[category as SexAnswer];
  if (dimension === AuditDimension.RACE_ETHNICITY) return RACE_LABELS[category as RaceAnswer];
  const [s, r] = category.split('/');
  return `${SEX_LABELS[s as SexAnswer]}, ${RACE_LABELS[r as RaceAnswer]}`;
}
