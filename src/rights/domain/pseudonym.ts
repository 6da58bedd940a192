import { createHmac } from 'node:crypto';

/**
 * Pseudonymisation of what stays after an erasure. A person's ids are replaced by stable pseudonyms: the same id
 * always gives the same pseudonym (so entries about one person or one evidence item stay linked to each other), a
 * pseudonym is shaped like a uuid (it fits the columns the ids were in), and without the key it cannot be traced back.
 */
export function pseudonymOf(key: string, id: string): string {
  const b = createHmac('sha256', key).update(`pathways.erasure.v1\u0000${id.toLowerCase()}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x80; // version 8: custom
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const ERASED_TEXT = '[erased]';
export const ERASED_NAME = 'Erased person';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * What an audit entry's `changes` keeps once its person is erased. Keys and structure stay; numbers, booleans and
 * nulls stay; the person's own ids (and emails) become their pseudonyms; other ids (a role, another person) and
 * upper-case codes (VERIFIED, SHORTLISTED) stay; every other text (names, titles, notes, reasons, dates) is removed.
 */
export function pseudonymiseValue(value: unknown, pseudonyms: ReadonlyMap<string, string>): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const mapped = pseudonyms.get(value.toLowerCase());
    if (mapped) return mapped;
    if (UUID.test(value) || CODE.test(value)) return value;
    return value === '' ? '' : ERASED_TEXT;
  }
  if (Array.isArray(value)) return value.map((v) => pseudonymiseValue(v, pseudonyms));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, pseudonymiseValue(v, pseudonyms)]));
  }
  return null;
}

/**
 * A saved ranking run's candidate (as the panel was shown it) once the candidate is erased: every number, flag, rank
 * and requirement stays, so the run reads back with the same order and scores; the name becomes "Erased person",
 * evidence titles and plain-word summaries are removed and evidence ids become pseudonyms. The educator id stays, as
 * in the row's own column: it now names the anonymous tombstone.
 */
export function pseudonymiseCandidate(candidate: unknown, pseudonyms: ReadonlyMap<string, string>): unknown {
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      if (key === 'fullName') return ERASED_NAME;
      if (key === 'title' || key === 'summary') return ERASED_TEXT;
      if (key === 'educatorId') return value; // the row's own educator id, kept like its column (the anonymous tombstone)
      return pseudonyms.get(value.toLowerCase()) ?? value;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(candidate, null);
}
