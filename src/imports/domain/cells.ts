import { isEmail } from 'class-validator';

/**
 * Cell conventions shared by import and export. Exports put an apostrophe before text a spreadsheet would run as
 * a formula (as the report exports do); an import takes exactly that apostrophe off again, so a round trip is exact.
 */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

export const escapeCell = (value: string): string => (FORMULA_LEAD.test(value) ? `'${value}` : value);

export const unescapeCell = (value: string): string =>
  value.startsWith("'") && FORMULA_LEAD.test(value.slice(1)) ? value.slice(1) : value;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date in ISO form (YYYY-MM-DD) that exists (no 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The same check the educator and account inputs use (class-validator's), so a file accepts what the API accepts. */
export const isEmailAddress = (value: string): boolean => value.length <= 254 && isEmail(value);
