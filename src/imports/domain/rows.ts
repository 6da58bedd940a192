import { isEmailAddress, isIsoDate, unescapeCell } from './cells.js';

/** One problem with one cell: `row` counts the header as row 1, as a spreadsheet shows it. */
export interface RowError {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export const BUILDING_LEVELS = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'OTHER'] as const;

export interface BuildingRow {
  code: string;
  name: string;
  level: string;
  version: number | null;
}

export interface EducatorRow {
  employeeId: string;
  fullName: string;
  workEmail: string;
  buildingCode: string;
  currentAssignment: string;
  hireDate: string;
  leavingDate: string | null;
  version: number | null;
}

export type Cells = Record<string, string | undefined>;
export type Parsed<T> = { value: T | null; errors: RowError[] };

export class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    private readonly cells: Cells,
    readonly row: number,
  ) {}

  text(column: string): string {
    return unescapeCell((this.cells[column] ?? '').trim());
  }

  fail(column: string | null, code: string, message: string): void {
    this.errors.push({ row: this.row, column, code, message });
  }

  required(column: string, max: number): string {
    const v = this.text(column);
    if (!v) this.fail(column, 'REQUIRED', `${column} is empty; fill it in`);
    else if (v.length > max) this.fail(column, 'TOO_LONG', `${column} is ${v.length} characters; shorten it to at most ${max}`);
    return v;
  }

  date(column: string, optional: boolean): string | null {
    const v = this.text(column);
    if (!v) {
      if (!optional) this.fail(column, 'REQUIRED', `${column} is empty; give a date as YYYY-MM-DD`);
      return null;
    }
    if (!isIsoDate(v)) this.fail(column, 'INVALID_DATE', dateAdvice(column, v));
    return v;
  }

  version(): number | null {
    const v = this.text('version');
    if (!v) return null;
    if (!/^[1-9]\d{0,8}$/.test(v)) {
      this.fail('version', 'INVALID_VERSION', `version "${v}" is not a positive whole number; leave it empty to skip the check`);
      return null;
    }
    return Number(v);
  }

  done<T>(value: T): Parsed<T> {
    return this.errors.length ? { value: null, errors: this.errors } : { value, errors: [] };
  }
}

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** How to write a date the file gave another way: spreadsheets write 03/15/2021 or 15.03.2021; which one is not guessed. */
export function dateAdvice(column: string, v: string): string {
  const stamped = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(v);
  if (stamped && isIsoDate(stamped[1])) return `${column} "${v}" has a time of day; write the date alone: ${stamped[1]}`;
  const loose = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (loose) {
    const iso = `${loose[1]}-${loose[2].padStart(2, '0')}-${loose[3].padStart(2, '0')}`;
    if (isIsoDate(iso)) return `${column} "${v}" is not written YYYY-MM-DD; write it as ${iso}`;
  }
  const m = SLASHED.exec(v);
  if (m) {
    const [a, b, y] = [+m[1], +m[2], m[3]];
    const iso = (month: number, day: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const monthFirst = isIsoDate(iso(a, b)) ? iso(a, b) : null;
    const dayFirst = isIsoDate(iso(b, a)) ? iso(b, a) : null;
    if (monthFirst && dayFirst && monthFirst !== dayFirst)
      return `${column} "${v}" is not an ISO date; write it as YYYY-MM-DD: ${monthFirst} if it is month/day/year, ${dayFirst} if day/month/year`;
    if (monthFirst ?? dayFirst) return `${column} "${v}" is not an ISO date; write it as YYYY-MM-DD: ${monthFirst ?? dayFirst}`;
  }
  return `${column} "${v}" is not a date; write it as YYYY-MM-DD (e.g. 2019-08-20)`;
}

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;
export const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function parseBuildingRow(cells: Cells, row: number): Parsed<BuildingRow> {
  const r = new RowReader(cells, row);
  const code = r.text('code').toUpperCase();
  if (!CODE.test(code)) r.fail('code', 'INVALID_CODE', `code "${code}" must be 1-32 letters, digits, dots, dashes or underscores`);
  const name = r.required('name', 200);
  const level = r.text('level').toUpperCase();
  if (!(BUILDING_LEVELS as readonly string[]).includes(level)) {
    r.fail(
      'level',
      'INVALID_LEVEL',
      `level "${level}" is not one of ${BUILDING_LEVELS.join(', ')}; write the one that fits (OTHER for a school spanning several, such as K-8)`,
    );
  }
  return r.done({ code, name, level, version: r.version() });
}

export function parseEducatorRow(cells: Cells, row: number, today: Date = new Date()): Parsed<EducatorRow> {
  const r = new RowReader(cells, row);
  const employeeId = r.text('employee_id');
  if (!EMPLOYEE_ID.test(employeeId)) {
    r.fail(
      'employee_id',
      employeeId ? 'INVALID_EMPLOYEE_ID' : 'REQUIRED',
      `employee_id "${employeeId}" must be 1-64 letters, digits, dots, dashes or underscores`,
    );
  }
  const fullName = r.required('full_name', 200);
  // Email addresses are case-insensitive; HR systems often write them in capitals. Stored and compared in lower case.
  const workEmail = r.text('work_email').toLowerCase();
  if (!isEmailAddress(workEmail))
    r.fail('work_email', 'INVALID_EMAIL', `work_email "${workEmail}" is not an email address; write it as name@district.org`);
  const buildingCode = r.text('building_code').toUpperCase();
  if (!buildingCode) r.fail('building_code', 'REQUIRED', 'building_code is empty; give the code of a building (see the buildings export)');
  const currentAssignment = r.text('current_assignment');
  if (currentAssignment.length > 200) r.fail('current_assignment', 'TOO_LONG', 'current_assignment must be at most 200 characters');
  const hireDate = r.date('hire_date', false);
  const leavingDate = r.date('leaving_date', true);
  if (hireDate && isIsoDate(hireDate)) {
    const limit = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
    if (hireDate > limit || hireDate < '1900-01-01')
      r.fail('hire_date', 'DATE_OUT_OF_RANGE', `hire_date ${hireDate} must be after 1900 and at most a year ahead`);
    if (leavingDate && isIsoDate(leavingDate) && leavingDate < hireDate) {
      r.fail('leaving_date', 'LEAVING_BEFORE_HIRE', `leaving_date ${leavingDate} is before hire_date ${hireDate}; correct one of them`);
    }
  }
  return r.done({
    employeeId,
    fullName,
    workEmail,
    buildingCode,
    currentAssignment,
    hireDate: hireDate ?? '',
    leavingDate,
    version: r.version(),
  });
}
