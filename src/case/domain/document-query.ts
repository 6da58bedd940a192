import type { Json } from './case-types.js';

/** A provider query failure: the imsx codeMinor value and the HTTP status it answers with. */
export class ProviderQueryError extends Error {
  constructor(
    readonly status: number,
    readonly codeMinor: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DocumentQuery {
  limit?: string;
  offset?: string;
  sort?: string;
  orderBy?: string;
  filter?: string;
  fields?: string;
}

const OPS = ['!=', '>=', '<=', '=', '>', '<', '~'] as const;

/**
 * The CASE 1.1 collection parameters over CFDocuments: limit/offset paging, sort + orderBy, filter
 * (`field op value` joined by AND or OR; ops = != > >= < <= ~) and fields (a comma-separated selection).
 */
export function queryDocuments(
  all: Json[],
  q: DocumentQuery,
  known: readonly string[],
): { page: Json[]; total: number; limit: number; offset: number } {
  const limit = int(q.limit, 100, 'limit');
  const offset = int(q.offset, 0, 'offset');
  if (limit < 1 || limit > 1000) throw new ProviderQueryError(400, 'invalid_data', 'limit must be between 1 and 1000');
  let rows = q.filter ? all.filter(predicate(q.filter, known)) : [...all];
  if (q.sort) {
    if (!known.includes(q.sort))
      throw new ProviderQueryError(400, 'invalid_sort_field', `sort field "${q.sort}" is not a CFDocument field`);
    const dir = (q.orderBy ?? 'asc').toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw new ProviderQueryError(400, 'invalid_data', 'orderBy must be asc or desc');
    const key = q.sort;
    rows.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')) * (dir === 'asc' ? 1 : -1));
  }
  const total = rows.length;
  rows = rows.slice(offset, offset + limit);
  if (q.fields) {
    const fields = q.fields
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const bad = fields.filter((f) => !known.includes(f));
    if (bad.length) throw new ProviderQueryError(400, 'invalid_selection_field', `fields ${bad.join(', ')} are not CFDocument fields`);
    rows = rows.map((r) => Object.fromEntries(fields.filter((f) => r[f] !== undefined).map((f) => [f, r[f]])));
  }
  return { page: rows, total, limit, offset };
}

function int(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ProviderQueryError(400, 'invalid_data', `${name} must be a whole number`);
  return Number(raw);
}

function predicate(filter: string, known: readonly string[]): (r: Json) => boolean {
  const joiner = / OR /.test(filter) ? ' OR ' : ' AND ';
  if (/ OR /.test(filter) && / AND /.test(filter))
    throw new ProviderQueryError(400, 'invalid_filter_field', 'filter may join clauses with AND or with OR, not both');
  const clauses = filter.split(joiner).map((c) => {
    const op = OPS.find((o) => c.includes(o));
    if (!op) throw new ProviderQueryError(400, 'invalid_filter_field', `filter clause "${c}" has no operator`);
    const [field, ...rest] = c.split(op);
    const name = field.trim();
    if (!known.includes(name))
      throw new ProviderQueryError(400, 'invalid_filter_field', `filter field "${name}" is not a CFDocument field`);
    const value = rest
      .join(op)
      .trim()
      .replace(/^'(.*)'$/, '$1');
    return (r: Json) => {
      const v = String(r[name] ?? '');
      switch (op) {
        case '=':
          return v === value;
        case '!=':
          return v !== value;
        case '>':
          return v > value;
        case '>=':
          return v >= value;
        case '<':
          return v < value;
        case '<=':
          return v <= value;
        default:
          return v.toLowerCase().includes(value.toLowerCase());
      }
    };
  });
  return joiner === ' OR ' ? (r) => clauses.some((c) => c(r)) : (r) => clauses.every((c) => c(r));
}
