import { badInput } from '../../common/app-error.js';

export const MAX_TITLE = 200;
export const MAX_TEXT = 4000;
export const MAX_NAME = 200;
export const MAX_URL = 2000;

/** Calendar dates travel as YYYY-MM-DD; years outside 1900-2099 are typing mistakes, not evidence. */
export const ISO_DATE = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  // Date rolls 2025-02-30 over into March; a real date survives the round trip.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A date or null; throws with the field's name when the value is not a real calendar date. */
export function checkDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isIsoDate(value)) throw badInput(`${field} must be a date written YYYY-MM-DD between 1900 and 2099`);
  return value;
}

/** Trimmed text, or null when absent or blank; too long is refused rather than cut. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(`${field} must be at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

export function requiredText(value: string | null | undefined, field: string, max: number, why: string): string {
  const text = optionalText(value, field, max);
  if (text === null) throw badInput(why);
  return text;
}

/** Links must be web links: other schemes (javascript:, file:, data:) are never shown to a panel. */
export function checkUrl(value: string | null | undefined): string | null {
  const url = optionalText(value, 'url', MAX_URL);
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput('url must be a full web address starting with http:// or https://');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw badInput('url must be a full web address starting with http:// or https://');
  }
  return url;
}

/** ISO dates compare correctly as strings. */
export function checkOrder(first: string | null, then: string | null, firstField: string, thenField: string): void {
  if (first !== null && then !== null && then < first) throw badInput(`${thenField} (${then}) must not be before ${firstField} (${first})`);
}

export function checkInt(value: number | null | undefined, field: string, min: number, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${field} must be a whole number from ${min} to ${max}`);
  return value;
}

export interface CommonFields {
  title: string;
  description: string;
  url: string | null;
  startedOn: string | null;
  endedOn: string | null;
}

/** The fields every kind shares, normalised and checked together (the date order needs both dates). */
export function checkCommonFields(input: {
  title?: string | null;
  description?: string | null;
  url?: string | null;
  startedOn?: string | null;
  endedOn?: string | null;
}): CommonFields {
  const fields: CommonFields = {
    title: requiredText(input.title, 'title', MAX_TITLE, 'Evidence needs a title'),
    description: optionalText(input.description, 'description', MAX_TEXT) ?? '',
    url: checkUrl(input.url),
    startedOn: checkDate(input.startedOn, 'startedOn'),
    endedOn: checkDate(input.endedOn, 'endedOn'),
  };
  checkOrder(fields.startedOn, fields.endedOn, 'startedOn', 'endedOn');
  return fields;
}
