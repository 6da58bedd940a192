import { checkHeader, expectedColumns } from './columns.js';
import { escapeCell, unescapeCell } from './cells.js';
import { dateAdvice, parseBuildingRow, parseEducatorRow } from './rows.js';

const educator = {
  employee_id: 'E100',
  full_name: 'Ari Chen',
  work_email: 'ari@district.example',
  building_code: 'lhs',
  current_assignment: 'Grade 4',
  hire_date: '2019-08-20',
  leaving_date: '',
  version: '',
};

describe('import rows', () => {
  it('reads a valid educator row, upper-casing the building code and leaving an empty version unchecked', () => {
    expect(parseEducatorRow(educator, 2)).toEqual({
      value: {
        employeeId: 'E100',
        fullName: 'Ari Chen',
        workEmail: 'ari@district.example',
        buildingCode: 'LHS',
        currentAssignment: 'Grade 4',
        hireDate: '2019-08-20',
        leavingDate: null,
        version: null,
      },
      errors: [],
    });
  });

  it('names the row, the column and a code for each bad cell', () => {
    const { value, errors } = parseEducatorRow({ ...educator, work_email: 'not-an-email', hire_date: '2019-02-30', version: 'x' }, 7);
    expect(value).toBeNull();
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'work_email', 'INVALID_EMAIL'],
      [7, 'hire_date', 'INVALID_DATE'],
      [7, 'version', 'INVALID_VERSION'],
    ]);
  });

  it('refuses a leaving date before the hire date and a building level out of range', () => {
    expect(parseEducatorRow({ ...educator, leaving_date: '2018-01-01' }, 3).errors[0].code).toBe('LEAVING_BEFORE_HIRE');
    expect(parseBuildingRow({ code: 'LHS', name: 'Lincoln', level: 'COLLEGE' }, 4).errors[0]).toMatchObject({
      column: 'level',
      code: 'INVALID_LEVEL',
    });
  });

  it('refuses unknown and missing headers, listing the expected set', () => {
    const { problems } = checkHeader('buildings', ['Code', 'name', 'colour']);
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ['UNKNOWN_COLUMN', 'colour'],
      ['MISSING_COLUMN', 'level'],
    ]);
    expect(expectedColumns('buildings')).toBe('expected columns: code, name, level, version (required: code, name, level)');
  });

  it('answers a spreadsheet date with its ISO form, naming both readings when the order is not known', () => {
    expect(dateAdvice('hire_date', '03/15/2021')).toContain('write it as YYYY-MM-DD: 2021-03-15');
    expect(dateAdvice('hire_date', '15.03.2021')).toContain('write it as YYYY-MM-DD: 2021-03-15');
    expect(dateAdvice('hire_date', '01/07/2019')).toContain('2019-01-07 if it is month/day/year, 2019-07-01 if day/month/year');
    expect(dateAdvice('hire_date', 'last May')).toContain('(e.g. 2019-08-20)');
    expect(dateAdvice('hire_date', '2021-03-15 00:00:00')).toContain('write the date alone: 2021-03-15');
    expect(dateAdvice('hire_date', '2021/3/5')).toContain('write it as 2021-03-05');
  });

  it('matches headers as HR systems write them and names the column a typo meant', () => {
    expect(checkHeader('educators', ['Employee ID', 'Full Name', 'work-email', 'BUILDING_CODE', 'Hire Date']).problems).toEqual([]);
    const { problems } = checkHeader('educators', ['Employe ID', 'full_name', 'work_email', 'building_code', 'hire_date', 'Notes']);
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ['UNKNOWN_COLUMN', 'Employe ID'],
      ['UNKNOWN_COLUMN', 'Notes'],
      ['MISSING_COLUMN', 'employee_id'],
    ]);
    expect(problems[0].message).toContain('did you mean "employee_id"?');
    expect(problems[1].message).toContain('delete that column');
  });

  it('lower-cases work emails (HR systems often write them in capitals)', () => {
    expect(parseEducatorRow({ ...educator, work_email: 'ARI@District.Example' }, 2).value?.workEmail).toBe('ari@district.example');
  });

  it('takes off exactly the apostrophe an export put before a formula-leading cell', () => {
    for (const v of ['=SUM(A1)', '-3', "'quoted", 'plain']) expect(unescapeCell(escapeCell(v))).toBe(v);
    expect(escapeCell('=1+1')).toBe("'=1+1");
  });
});
