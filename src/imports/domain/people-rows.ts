import { ALL_PERSONAS, Persona } from '../../access/persona.js';
import { isEmailAddress } from './cells.js';
import { EMPLOYEE_ID, RowReader, type Cells, type Parsed } from './rows.js';

export interface AccountRow {
  email: string;
  displayName: string;
  /** A set, in the service's stable order. */
  personas: Persona[];
  /** The educator the account is (required with EDUCATOR), by the district's employee id. */
  employeeId: string | null;
  version: number | null;
}

export interface CommitmentRow {
  employeeId: string;
  roleTitle: string;
  roleFte: number;
  startsOn: string;
  endsOn: string | null;
  version: number | null;
}

/** Personas are written as one cell: names separated by spaces (commas, semicolons and pipes are accepted too). */
export const PERSONA_SEPARATOR = ' ';

export function parseAccountRow(cells: Cells, row: number): Parsed<AccountRow> {
  const r = new RowReader(cells, row);
  const email = r.text('email').toLowerCase();
  if (!isEmailAddress(email)) r.fail('email', 'INVALID_EMAIL', `email "${email}" is not an email address; write it as name@district.org`);
  const displayName = r.required('display_name', 200);
  const named = r
    .text('personas')
    .toUpperCase()
    .split(/[\s,;|]+/)
    .filter(Boolean);
  const unknown = named.filter((p) => !ALL_PERSONAS.includes(p as Persona));
  if (!named.length)
    r.fail('personas', 'REQUIRED', `personas is empty; give one or more of ${ALL_PERSONAS.join(', ')}, separated by spaces`);
  else if (unknown.length)
    r.fail('personas', 'UNKNOWN_PERSONA', `personas names ${unknown.join(', ')}; use ${ALL_PERSONAS.join(', ')}, separated by spaces`);
  const personas = ALL_PERSONAS.filter((p) => named.includes(p));
  const employeeId = r.text('employee_id') || null;
  if (employeeId !== null && !EMPLOYEE_ID.test(employeeId)) {
    r.fail('employee_id', 'INVALID_EMPLOYEE_ID', `employee_id "${employeeId}" must be 1-64 letters, digits, dots, dashes or underscores`);
  }
  if (personas.includes(Persona.EDUCATOR) && employeeId === null) {
    r.fail(
      'employee_id',
      'REQUIRED',
      'employee_id is empty but the personas include EDUCATOR; give the employee_id of the educator whose account this is',
    );
  }
  return r.done({ email, displayName, personas, employeeId, version: r.version() });
}

const FTE = /^(0(\.\d{1,2})?|1(\.0{1,2})?|\.\d{1,2})$/;

export function parseCommitmentRow(cells: Cells, row: number): Parsed<CommitmentRow> {
  const r = new RowReader(cells, row);
  const employeeId = r.text('employee_id');
  if (!EMPLOYEE_ID.test(employeeId)) {
    r.fail(
      'employee_id',
      employeeId ? 'INVALID_EMPLOYEE_ID' : 'REQUIRED',
      `employee_id "${employeeId}" must be 1-64 letters, digits, dots, dashes or underscores`,
    );
  }
  const roleTitle = r.required('role_title', 200);
  const fteText = r.text('role_fte');
  const roleFte = Number(fteText);
  if (!FTE.test(fteText) || !(roleFte > 0))
    r.fail(
      'role_fte',
      'INVALID_FTE',
      `role_fte "${fteText}" is not a share of a full-time post; write it above 0 and at most 1, with up to two decimals (e.g. 0.4 for 40%)`,
    );
  const startsOn = r.date('starts_on', false);
  const endsOn = r.date('ends_on', true);
  if (startsOn && endsOn && r.errors.every((e) => e.column !== 'starts_on' && e.column !== 'ends_on') && endsOn < startsOn) {
    r.fail('ends_on', 'END_BEFORE_START', `ends_on ${endsOn} is before starts_on ${startsOn}; end it on or after the day it starts`);
  }
  return r.done({ employeeId, roleTitle, roleFte, startsOn: startsOn ?? '', endsOn, version: r.version() });
}
