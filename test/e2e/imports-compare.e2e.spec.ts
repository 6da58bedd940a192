import { Persona } from '../../src/access/persona.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The educators import compares each batch with the table in the database: what it finds decides every row. */
describe('educators import compared set-based: only changed rows written, hand-entered educators adopted, conflicts named', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    await t.ds.query(`INSERT INTO building (code, name, level) VALUES ('LHS', 'Lincoln High', 'HIGH'), ('OLD', 'Old School', 'OTHER')`);
    await t.ds.query(`UPDATE building SET archived_at = now() WHERE code = 'OLD'`);
  });
  afterAll(() => t.close());

  interface Job {
    id: string;
    phase: string;
    toCreate: number;
    toUpdate: number;
    unchanged: number;
    errors: { row: number; column: string; code: string }[];
  }
  const send = async (path: string, body?: string): Promise<Job> => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${hr}` },
    });
    return (await res.json()) as Job;
  };
  const HEADER = 'employee_id,full_name,work_email,building_code,current_assignment,hire_date,leaving_date';
  const importFile = async (lines: string[]) => {
    const p = await send('/imports/educators', [HEADER, ...lines].join('\n'));
    return p.phase === 'PREVIEWED' ? { preview: p, commit: await send(`/imports/jobs/${p.id}/commit`) } : { preview: p, commit: null };
  };
  const educators = async () =>
    t.ds.query(
      `SELECT id, employee_id, full_name, work_email, current_assignment, version, updated_at FROM educator ORDER BY work_email`,
    ) as Promise<{ id: string; employee_id: string | null; full_name: string; version: number; updated_at: Date }[]>;

  const FIRST = [
    'E001,Ari Chen,ari@district.example,LHS,Grade 9 Math,2019-08-20,',
    'E002,Bo Diaz,bo@district.example,LHS,,2015-08-20,2027-06-30',
    'E003,Cy Evans,cy@district.example,LHS,,2021-01-04,',
  ];

  it('an unchanged re-import writes nothing; a re-import with one edit moves only that row', async () => {
    expect((await importFile(FIRST)).commit).toMatchObject({ phase: 'COMMITTED', toCreate: 3 });
    const before = await educators();

    const same = await importFile(FIRST);
    expect(same.preview).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect(same.commit).toMatchObject({ phase: 'COMMITTED', toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect(await educators()).toEqual(before);

    // A leaving date removed is a change (NULL against a date), as is a new assignment; the rest stay as they are.
    const edited = await importFile([FIRST[0], 'E002,Bo Diaz,bo@district.example,LHS,,2015-08-20,', FIRST[2]]);
    expect(edited.commit).toMatchObject({ phase: 'COMMITTED', toCreate: 0, toUpdate: 1, unchanged: 2 });
    const after = await educators();
    expect(after.map((e) => [e.employee_id, e.version])).toEqual([
      ['E001', 1],
      ['E002', 2],
      ['E003', 1],
    ]);
    expect(after[0].updated_at).toEqual(before[0].updated_at);
    expect(after[2].updated_at).toEqual(before[2].updated_at);
    expect((await t.ds.query(`SELECT leaving_date FROM educator WHERE employee_id = 'E002'`))[0].leaving_date).toBeNull();
  });

  it('adopts an educator entered by hand (no employee id) by work email, and names the row whose email another educator holds', async () => {
    const [{ id: handId }] = await t.ds.query(
      `INSERT INTO educator (full_name, work_email, building_id, current_assignment, hire_date, version)
       SELECT 'Dee Fox', 'Dee.Fox@district.example', id, '', '2018-08-20', 1 FROM building WHERE code = 'LHS' RETURNING id`,
    );
    const refused = await importFile([
      'E004,Dee Fox,dee.fox@district.example,LHS,,2018-08-20,',
      'E005,Eve Gray,ari@district.example,LHS,,2020-08-20,',
      'E006,Fay Hill,fay@district.example,OLD,,2020-08-20,',
    ]);
    expect(refused.preview.phase).toBe('REJECTED');
    expect(refused.preview.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'work_email', 'EMAIL_TAKEN'],
      [4, 'building_code', 'BUILDING_ARCHIVED'],
    ]);
    expect(await t.ds.query(`SELECT employee_id FROM educator WHERE id = $1`, [handId])).toEqual([{ employee_id: null }]);

    const adopted = await importFile(['E004,Dee Fox,dee.fox@district.example,LHS,,2018-08-20,']);
    expect(adopted.commit).toMatchObject({ phase: 'COMMITTED', toCreate: 0, toUpdate: 1 });
    expect(await t.ds.query(`SELECT id, employee_id, work_email, version FROM educator WHERE employee_id = 'E004'`)).toEqual([
      { id: handId, employee_id: 'E004', work_email: 'dee.fox@district.example', version: 2 },
    ]);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM educator`))[0].n).toBe(4);
  });
});
