import { AppError } from '../../common/app-error.js';
import { checkDetails, NO_DETAILS, type EvidenceDetails } from '../../evidence/domain/details.js';
import { EVIDENCE_KINDS, kindSpec, type EvidenceKind } from '../../evidence/domain/evidence-kind.js';
import { checkCommonFields, type CommonFields } from '../../evidence/domain/fields.js';
import { MAX_DECISION_REASON } from '../../evidence/domain/verification-request.js';
import { EMPLOYEE_ID, RowReader, type Cells, type Parsed, type RowError } from './rows.js';

/** The kind-specific columns of an evidence file, each with the detail it fills. */
export const DETAIL_COLUMNS: Record<string, keyof EvidenceDetails> = {
  issuer: 'issuer',
  credential_id: 'credentialId',
  issued_on: 'issuedOn',
  expires_on: 'expiresOn',
  pilot_part: 'pilotPart',
  classrooms: 'classrooms',
  teachers: 'teachers',
  students: 'students',
  outcomes: 'outcomes',
  sessions: 'sessions',
  attendees: 'attendees',
  venue: 'venue',
  hours: 'hours',
  provider: 'provider',
};

const COLUMN_OF = new Map(Object.entries(DETAIL_COLUMNS).map(([column, field]) => [field, column]));

/** Which detail columns each kind fills (from the evidence kind registry); a value in another kind's column is refused rather than dropped. */
export const KIND_COLUMNS: Record<EvidenceKind, readonly string[]> = Object.fromEntries(
  EVIDENCE_KINDS.map((k) => [k, Object.values(kindSpec(k).details?.columns ?? {}).map((field) => COLUMN_OF.get(field)!)]),
) as unknown as Record<EvidenceKind, readonly string[]>;

const INT_COLUMNS = new Set(['classrooms', 'teachers', 'students', 'sessions', 'attendees']);
const DATE_COLUMNS = new Set(['issued_on', 'expires_on']);

/** The API's field names in the evidence rules' messages ("certification.issuer"), and the file column each one is. */
const FIELD_COLUMNS: [string, string][] = [
  ...EVIDENCE_KINDS.flatMap((k) => {
    const d = kindSpec(k).details;
    return d ? Object.entries(d.columns).map(([input, field]): [string, string] => [`${d.group}.${input}`, COLUMN_OF.get(field)!]) : [];
  }),
  ['startedOn', 'started_on'],
  ['endedOn', 'ended_on'],
  ['description', 'description'],
  ['title', 'title'],
  ['url', 'url'],
];

/** One claim row: the evidence item it belongs to (repeated on each of its rows) and the claim itself. */
export interface EvidenceClaimRow {
  evidenceKey: string;
  employeeId: string;
  kind: EvidenceKind;
  common: CommonFields;
  details: EvidenceDetails;
  /** A code or CASE identifier; null on the single row of an item with no claims. */
  competency: string | null;
  level: number | null;
  version: number | null;
  /** The item's columns in one string: every row of an item must agree on it. */
  signature: string;
}

export const evidenceSignature = (employeeId: string, kind: string, c: CommonFields, d: EvidenceDetails): string =>
  JSON.stringify([
    employeeId,
    kind,
    c.title,
    c.description,
    c.url,
    c.startedOn,
    c.endedOn,
    d.issuer,
    d.credentialId,
    d.issuedOn,
    d.expiresOn,
    d.pilotPart,
    d.classrooms,
    d.teachers,
    d.students,
    d.outcomes,
    d.sessions,
    d.attendees,
    d.venue,
    d.hours,
    d.provider,
  ]);

/** Evidence keys: the district's own ids (or an exported item's id), without spaces. */
export const EVIDENCE_KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

/** Runs one of the evidence module's rules and turns its refusal into a coded error on the column it concerns. */
function rule<T>(r: RowReader, run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    let column: string | null = null;
    let at = Infinity;
    let message = e.message;
    for (const [field, col] of FIELD_COLUMNS) {
      const i = message.indexOf(field);
      if (i !== -1 && i < at) [at, column] = [i, col];
    }
    for (const [field, col] of FIELD_COLUMNS) if (field.includes('.')) message = message.split(field).join(col);
    r.fail(column, 'INVALID_EVIDENCE', message);
    return null;
  }
}

export function parseEvidenceRow(cells: Cells, row: number): Parsed<EvidenceClaimRow> {
  const r = new RowReader(cells, row);
  const evidenceKey = r.text('evidence_key');
  if (!EVIDENCE_KEY.test(evidenceKey)) {
    r.fail(
      'evidence_key',
      evidenceKey ? 'INVALID_EVIDENCE_KEY' : 'REQUIRED',
      `evidence_key "${evidenceKey.slice(0, 40)}" must be 1-100 letters, digits or . _ : / - (the same on every row of one item)`,
    );
  }
  const employeeId = r.text('employee_id');
  if (!EMPLOYEE_ID.test(employeeId)) {
    r.fail(
      'employee_id',
      employeeId ? 'INVALID_EMPLOYEE_ID' : 'REQUIRED',
      `employee_id "${employeeId}" must be 1-64 letters, digits, dots, dashes or underscores`,
    );
  }
  const kind = r.text('kind').toUpperCase() as EvidenceKind;
  const knownKind = (EVIDENCE_KINDS as readonly string[]).includes(kind);
  if (!knownKind) r.fail('kind', 'INVALID_KIND', `kind "${kind}" must be one of ${EVIDENCE_KINDS.join(', ')}`);
  const startedOn = r.date('started_on', true);
  const endedOn = r.date('ended_on', true);
  const common = rule(r, () =>
    checkCommonFields({ title: r.text('title'), description: r.text('description'), url: r.text('url'), startedOn, endedOn }),
  );

  const raw: EvidenceDetails = { ...NO_DETAILS };
  for (const [column, field] of Object.entries(DETAIL_COLUMNS)) {
    const v = r.text(column);
    if (!v) continue;
    if (knownKind && !KIND_COLUMNS[kind].includes(column)) {
      r.fail(column, 'DETAIL_NOT_FOR_KIND', `${column} belongs to ${kindOf(column)} evidence, not ${kind}; leave it empty on this row`);
      continue;
    }
    if (INT_COLUMNS.has(column)) {
      if (!/^\d{1,9}$/.test(v)) r.fail(column, 'INVALID_NUMBER', `${column} "${v}" must be a whole number`);
      else (raw as unknown as Record<string, unknown>)[field] = Number(v);
    } else if (column === 'hours') {
      if (!/^\d{1,6}(\.\d+)?$/.test(v)) r.fail(column, 'INVALID_NUMBER', `hours "${v}" must be a number such as 12 or 7.5`);
      else raw.hours = Number(v);
    } else if (DATE_COLUMNS.has(column)) {
      (raw as unknown as Record<string, unknown>)[field] = r.date(column, true);
    } else if (column === 'pilot_part') {
      raw.pilotPart = v.toUpperCase() as EvidenceDetails['pilotPart'];
    } else {
      (raw as unknown as Record<string, unknown>)[field] = v;
    }
  }
  const details = knownKind && !r.errors.length ? rule(r, () => checkDetails(kind, raw)) : null;

  const competency = r.text('competency') || null;
  const levelText = r.text('level');
  let level: number | null = null;
  if (competency === null && levelText)
    r.fail('competency', 'REQUIRED', 'competency is empty but level is given; name the competency by its code or CASE identifier');
  else if (competency !== null && !/^\d{1,2}$/.test(levelText)) {
    r.fail(
      'level',
      levelText ? 'INVALID_LEVEL' : 'REQUIRED',
      `level "${levelText}" is not a level number; write the level as a whole number within the competency's levels (such as 2)`,
    );
  } else if (competency !== null) level = Number(levelText);
  const version = r.version();
  if (r.errors.length || !common || !details) return r.done(null as unknown as EvidenceClaimRow);
  return r.done({
    evidenceKey,
    employeeId,
    kind,
    common,
    details,
    competency,
    level,
    version,
    signature: evidenceSignature(employeeId, kind, common, details),
  });
}

const kindOf = (column: string): string => Object.entries(KIND_COLUMNS).find(([, cols]) => cols.includes(column))?.[0] ?? 'another';

export const DECISIONS = ['VERIFIED', 'ENDORSED', 'REJECTED'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface VerificationRow {
  evidenceKey: string;
  decision: Decision;
  reason: string;
  decidedOn: string;
  version: number | null;
}

export function parseVerificationRow(cells: Cells, row: number, today: string): Parsed<VerificationRow> {
  const r = new RowReader(cells, row);
  const evidenceKey = r.text('evidence_key');
  if (!EVIDENCE_KEY.test(evidenceKey))
    r.fail(
      'evidence_key',
      evidenceKey ? 'INVALID_EVIDENCE_KEY' : 'REQUIRED',
      `evidence_key "${evidenceKey.slice(0, 40)}" must name an evidence item (its key in the evidence file or export)`,
    );
  const decision = r.text('decision').toUpperCase() as Decision;
  if (!DECISIONS.includes(decision))
    r.fail(
      'decision',
      'INVALID_DECISION',
      `decision "${decision}" is not one of ${DECISIONS.join(', ')}; write the one meant (an approval is VERIFIED)`,
    );
  const reason = r.required('reason', MAX_DECISION_REASON);
  const decidedOn = r.date('decided_on', false);
  if (decidedOn && !r.errors.some((e) => e.column === 'decided_on') && decidedOn > today) {
    r.fail('decided_on', 'DATE_OUT_OF_RANGE', `decided_on ${decidedOn} is in the future; give the day the decision was made`);
  }
  return r.done({ evidenceKey, decision, reason, decidedOn: decidedOn ?? '', version: r.version() });
}

export type { RowError };
