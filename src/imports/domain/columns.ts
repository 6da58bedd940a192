/**
 * The column sets of each import kind: the same columns are exported, so an export imports back unchanged.
 * `version` is optional in a file: empty means "apply whatever the record's version is now"; a number means
 * "only if the record is still at this version" (an export carries it, so a stale edited export is refused).
 */
export const IMPORT_KINDS = ['buildings', 'educators', 'accounts', 'commitments', 'evidence', 'verifications'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (v: string): v is ImportKind => (IMPORT_KINDS as readonly string[]).includes(v);

interface ColumnSet {
  required: readonly string[];
  optional: readonly string[];
  /** Every column in export (and template) order. */
  order: readonly string[];
}

/** An evidence item's own columns, repeated on each of its claim rows (evidenceSignature compares them in this order). */
export const EVIDENCE_ITEM = [
  'evidence_key',
  'employee_id',
  'kind',
  'title',
  'description',
  'url',
  'started_on',
  'ended_on',
  'issuer',
  'credential_id',
  'issued_on',
  'expires_on',
  'pilot_part',
  'classrooms',
  'teachers',
  'students',
  'outcomes',
  'sessions',
  'attendees',
  'venue',
  'hours',
  'provider',
];

export const COLUMNS: Record<ImportKind, ColumnSet> = {
  buildings: { required: ['code', 'name', 'level'], optional: ['version'], order: ['code', 'name', 'level', 'version'] },
  educators: {
    required: ['employee_id', 'full_name', 'work_email', 'building_code', 'hire_date'],
    optional: ['current_assignment', 'leaving_date', 'version'],
    order: ['employee_id', 'full_name', 'work_email', 'building_code', 'current_assignment', 'hire_date', 'leaving_date', 'version'],
  },
  accounts: {
    required: ['email', 'display_name', 'personas'],
    optional: ['employee_id', 'version'],
    order: ['email', 'display_name', 'personas', 'employee_id', 'version'],
  },
  commitments: {
    required: ['employee_id', 'role_title', 'role_fte', 'starts_on'],
    optional: ['ends_on', 'version'],
    order: ['employee_id', 'role_title', 'role_fte', 'starts_on', 'ends_on', 'version'],
  },
  evidence: {
    required: ['evidence_key', 'employee_id', 'kind', 'title', 'competency', 'level'],
    optional: EVIDENCE_ITEM.filter((c) => !['evidence_key', 'employee_id', 'kind', 'title'].includes(c)).concat('version'),
    order: [...EVIDENCE_ITEM, 'competency', 'level', 'version'],
  },
  verifications: {
    required: ['evidence_key', 'decision', 'reason', 'decided_on'],
    optional: ['version'],
    order: ['evidence_key', 'decision', 'reason', 'decided_on', 'version'],
  },
};

/** Every column in export order. */
export const allColumns = (kind: ImportKind): string[] => [...COLUMNS[kind].order];

export interface HeaderProblem {
  code: 'UNKNOWN_COLUMN' | 'MISSING_COLUMN' | 'DUPLICATE_COLUMN';
  column: string;
  message: string;
}

export const expectedColumns = (kind: ImportKind): string =>
  `expected columns: ${allColumns(kind).join(', ')} (required: ${COLUMNS[kind].required.join(', ')})`;

/** A header cell as matched: trimmed, lower-cased, spaces and dashes as underscores ("Employee ID" is employee_id). */
export const headerName = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Edit distance, to name the column a misspelt header most likely meant. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The expected column a header cell is a near miss of (a typo), if exactly one is close. */
export function nearest(name: string, candidates: readonly string[]): string | null {
  const close = candidates.filter((c) => distance(name, c) <= Math.max(1, Math.floor(c.length / 4)));
  return close.length === 1 ? close[0] : null;
}

/**
 * Header names are matched after `headerName`. Every problem is listed with the header cell it concerns; a column
 * that is not part of the kind is refused rather than dropped (HR would think it was imported).
 */
export function checkHeader(kind: ImportKind, header: readonly string[]): { columns: string[]; problems: HeaderProblem[] } {
  const expected = allColumns(kind);
  const columns = header.map(headerName);
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  const missing = COLUMNS[kind].required.filter((c) => !columns.includes(c));
  columns.forEach((c, i) => {
    if (!expected.includes(c)) {
      const meant = nearest(c, missing.length ? missing : expected.filter((e) => !columns.includes(e)));
      problems.push({
        code: 'UNKNOWN_COLUMN',
        column: header[i].trim(),
        message: meant
          ? `Column "${header[i].trim()}" is not part of a ${kind} file; did you mean "${meant}"? Rename it`
          : `Column "${header[i].trim()}" is not part of a ${kind} file; delete that column (or rename it to one of the expected columns)`,
      });
    } else if (seen.has(c)) problems.push({ code: 'DUPLICATE_COLUMN', column: c, message: `Column "${c}" appears twice; keep one` });
    seen.add(c);
  });
  for (const c of missing)
    problems.push({ code: 'MISSING_COLUMN', column: c, message: `Column "${c}" is missing; add it to the header row` });
  for (const p of problems) p.message += `; ${expectedColumns(kind)}`;
  return { columns, problems };
}
