import { Persona } from '../../src/access/persona.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('roster import and export: preview, fix, commit, re-import', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  const send = async (method: string, path: string, token: string | undefined, body?: string | Buffer) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      body,
      headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const text = await res.text();
    return { status: res.status, text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
  };
  const preview = async (kind: string, body: string | Buffer, query = '') => send('POST', `/imports/${kind}${query}`, hr, body);
  const commit = async (id: string) => send('POST', `/imports/jobs/${id}/commit`, hr);
  const snapshot = async () => ({
    buildings: await t.ds.query('SELECT code, name, level, version FROM building ORDER BY code'),
    educators: await t.ds.query(`SELECT employee_id, full_name, work_email, current_assignment, to_char(hire_date, 'YYYY-MM-DD') AS hire,
      to_char(leaving_date, 'YYYY-MM-DD') AS leaving, version FROM educator ORDER BY employee_id`),
  });
  const importAll = async (kind: string, body: string | Buffer, query = '') => {
    const p = await preview(kind, body, query);
    expect(p.json).toMatchObject({ phase: 'PREVIEWED', errorCount: 0 });
    const c = await commit(p.json.id);
    expect(c.json).toMatchObject({ phase: 'COMMITTED' });
    return c.json;
  };

  const BUILDINGS =
    '\uFEFFcode,name,level\r\nLHS,Lincoln High,HIGH\r\nWMS,"Washington\r\nMiddle",middle\r\nOAK,Oak Elementary,ELEMENTARY\r\n';
  const EDUCATORS = [
    'employee_id;full_name;work_email;building_code;current_assignment;hire_date;leaving_date',
    'E001;Ari Chen;ari@district.example;LHS;Grade 9 Math;2019-08-20;',
    'E002;"Bo ""Coach"" Diaz";bo@district.example;wms;=Team lead;2015-08-20;2027-06-30',
    'E003;Cy Evans;cy@district.example;OAK;;2021-01-04;',
  ].join('\n');

  it('previews without writing, commits in one go, and a second import of the same files changes nothing', async () => {
    const before = await snapshot();
    const p = await preview('buildings', BUILDINGS);
    expect(p.status).toBe(201);
    expect(p.json).toMatchObject({ phase: 'PREVIEWED', rowsRead: 3, rowsValid: 3, toCreate: 3, toUpdate: 0, unchanged: 0, errorCount: 0 });
    expect(p.json.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await snapshot()).toEqual(before);

    const committed = await commit(p.json.id);
    expect(committed.json).toMatchObject({ phase: 'COMMITTED', toCreate: 3 });
    expect((await snapshot()).buildings.map((b: { code: string; name: string; level: string }) => [b.code, b.name, b.level])).toEqual([
      ['LHS', 'Lincoln High', 'HIGH'],
      ['OAK', 'Oak Elementary', 'ELEMENTARY'],
      ['WMS', 'Washington\r\nMiddle', 'MIDDLE'],
    ]);
    const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'IMPORT_COMMITTED' AND target_id = $1`, [p.json.id]);
    expect(audit.changes).toMatchObject({ kind: 'buildings', fileSha256: p.json.fileSha256, created: 3, rowsRead: 3 });

    await importAll('educators', EDUCATORS, '?delimiter=semicolon');
    const after = await snapshot();
    expect(
      after.educators.map((e: { employee_id: string; full_name: string; current_assignment: string }) => [
        e.employee_id,
        e.full_name,
        e.current_assignment,
      ]),
    ).toEqual([
      ['E001', 'Ari Chen', 'Grade 9 Math'],
      ['E002', 'Bo "Coach" Diaz', '=Team lead'],
      ['E003', 'Cy Evans', ''],
    ]);

    const again = await preview('educators', EDUCATORS, '?delimiter=semicolon');
    expect(again.json).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    await commit(again.json.id);
    expect(await snapshot()).toEqual(after);
  });

  it('an imported employee id is on the Educator type and finds the educator in the directory', async () => {
    const q = `query($e: String) { educators(employeeId: $e, first: 10) { nodes { employeeId fullName } } }`;
    const found = await t.gql(q, { e: 'E002' }, hr);
    expect(found.errors).toBeUndefined();
    expect(found.data.educators.nodes).toEqual([{ employeeId: 'E002', fullName: 'Bo "Coach" Diaz' }]);
    expect((await t.gql(q, { e: 'E999' }, hr)).data.educators.nodes).toEqual([]);
  });

  it('round trip: an export imports back with no change, and an edited export updates only the changed row', async () => {
    const exported = await send('GET', '/exports/educators', hr);
    expect(exported.status).toBe(200);
    expect(exported.text.split('\r\n')[0]).toBe(
      'employee_id,full_name,work_email,building_code,current_assignment,hire_date,leaving_date,version',
    );
    expect(exported.text).toContain("'=Team lead");
    const before = await snapshot();
    const same = await importAll('educators', exported.text);
    expect(same).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(before);

    const buildings = await send('GET', '/exports/buildings', hr);
    expect(await importAll('buildings', buildings.text)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });

    const edited = exported.text.replace('Grade 9 Math', 'Grade 10 Math');
    expect(await importAll('educators', edited)).toMatchObject({ toUpdate: 1, unchanged: 2 });
    const [ari] = await t.ds.query(`SELECT current_assignment, version FROM educator WHERE employee_id = 'E001'`);
    expect(ari).toEqual({ current_assignment: 'Grade 10 Math', version: 2 });

    // The same edited export again is stale for another change to that row: refused, nothing written.
    const stale = await preview('educators', edited.replace('Grade 10 Math', 'Grade 11 Math'));
    expect(stale.json).toMatchObject({ phase: 'REJECTED', errorCount: 1 });
    expect(stale.json.errors[0]).toMatchObject({ row: 2, column: 'version', code: 'STALE_VERSION' });
  });

  it('reports every bad row with its row, column and code, and writes nothing when any row fails', async () => {
    const before = await snapshot();
    const file = [
      'employee_id,full_name,work_email,building_code,hire_date,current_assignment',
      'E010,Dee Fox,dee@district.example,LHS,2020-08-20,',
      'E011,Eli Gray,not-an-email,LHS,2020-08-20,',
      'E012,Fay Hu,fay@district.example,NOPE,2020-08-20,',
      'E010,Dee Again,dee2@district.example,LHS,2020-08-20,',
      'E013,Gil Ito,gil@district.example,LHS,20/08/2020,',
      'E014,Hal Jo,ari@district.example,LHS,2020-08-20,',
    ].join('\r\n');
    const p = await preview('educators', file);
    expect(p.json).toMatchObject({ phase: 'REJECTED', rowsRead: 6, errorCount: 5, toCreate: 1 });
    expect(p.json.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]).sort()).toEqual(
      [
        [3, 'work_email', 'INVALID_EMAIL'],
        [4, 'building_code', 'UNKNOWN_BUILDING'],
        [5, 'employee_id', 'DUPLICATE_KEY'],
        [6, 'hire_date', 'INVALID_DATE'],
        [7, 'work_email', 'EMAIL_TAKEN'],
      ].sort(),
    );
    expect(p.json.errors.find((e: { code: string }) => e.code === 'DUPLICATE_KEY').message).toContain('row 2');
    const refused = await commit(p.json.id);
    expect(refused.status).toBe(409);
    expect(refused.json.errors[0].extensions.code).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses whole-file problems with a code: headers, encoding, binary, empty, headers only, a huge field, a bad level', async () => {
    const before = await snapshot();
    const cases: [string, string | Buffer, string, number | null][] = [
      ['buildings', 'code,name,colour\nX,Y,Z\n', 'UNKNOWN_COLUMN', 1],
      ['educators', 'employee_id,full_name\nE1,A\n', 'MISSING_COLUMN', 1],
      [
        'buildings',
        Buffer.concat([Buffer.from('code,name,level\nCAF,Caf'), Buffer.from([0xe9]), Buffer.from(',HIGH\n')]),
        'INVALID_ENCODING',
        2,
      ],
      ['buildings', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'BINARY_FILE', 1],
      ['buildings', '', 'EMPTY_FILE', 0],
      ['buildings', 'code,name,level\r\n', 'NO_ROWS', 2],
      ['buildings', 'code,name,level\r\n,,\r\n\r\n,,\r\n', 'NO_ROWS', 2],
      ['buildings', `code,name,level\nBIG,"${'x'.repeat(10 * 1024 * 1024)}",HIGH\n`, 'FIELD_TOO_LARGE', 2],
      ['buildings', 'code,name,level\nUNI,University,COLLEGE\n', 'INVALID_LEVEL', 2],
      // Excel's "Unicode Text" (UTF-16 with its BOM) and a workbook saved as-is are named for what they are.
      ['buildings', Buffer.from('\uFEFFcode,name,level\r\nU16,Sixteen,HIGH\r\n', 'utf16le'), 'INVALID_ENCODING', 1],
      ['buildings', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'BINARY_FILE', 1],
      ['buildings', 'code;name;level\nSEM;Semicolons;HIGH\n', 'WRONG_DELIMITER', 1],
      ['buildings', 'employee_id,full_name,work_email,building_code,hire_date\nE1,A,a@district.example,LHS,2020-01-01\n', 'WRONG_KIND', 1],
    ];
    for (const [kind, body, code, row] of cases) {
      const p = await preview(kind, body);
      expect([code, p.json.phase]).toEqual([code, 'REJECTED']);
      expect(p.json.errors[0]).toMatchObject({ code, row: row ?? 0 });
      expect(p.json.errors[0].message.length).toBeGreaterThan(20);
    }
    const messages = async (body: string | Buffer) => (await preview('buildings', body)).json.errors[0].message as string;
    expect(await messages(Buffer.from('\uFEFFcode,name,level\r\n', 'utf16le'))).toContain('UTF-16');
    expect(await messages(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toContain('Save As');
    expect(await messages('code;name;level\nSEM;Semicolons;HIGH\n')).toContain('?delimiter=semicolon');
    expect(await messages('employee_id,full_name,work_email,building_code,hire_date\nE1,A,a@district.example,LHS,2020-01-01\n')).toContain(
      'upload it to /imports/educators',
    );
    const header = await preview('buildings', 'code,name,colour\nX,Y,Z\n');
    expect(header.json.errors[0].message).toContain('expected columns: code, name, level, version');
    expect(await snapshot()).toEqual(before);
  });

  it('reports row-level CSV problems row by row: a name with an unquoted comma, Latin-1 bytes; spaces around quotes are fine', async () => {
    const before = await snapshot();
    const file = Buffer.concat([
      Buffer.from('Employee ID, Full Name ,work_email,building_code,hire_date\r\n'),
      Buffer.from('E020, "Ng, Kim" ,kim@district.example , LHS ,2020-08-20\r\n'),
      Buffer.from('E021,Chen, Ari,ari2@district.example,LHS,2020-08-20\r\n'),
      Buffer.from('E022,Ren'),
      Buffer.from([0xe9]),
      Buffer.from('e Roy,renee@district.example,LHS,2020-08-20\r\n'),
      Buffer.from('E023,Sam Ode,sam.district.example,LHS,2020-08-20\r\n'),
    ]);
    const p = await preview('educators', file);
    expect(p.json).toMatchObject({ phase: 'REJECTED', rowsRead: 4, errorCount: 3, toCreate: 1 });
    expect(p.json.errors.map((e: { row: number; column: string | null; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, null, 'WRONG_CELL_COUNT'],
      [4, 'full_name', 'INVALID_ENCODING'],
      [5, 'work_email', 'INVALID_EMAIL'],
    ]);
    expect(p.json.errors[0].message).toContain('in double quotes');
    expect(p.json.errors[1].message).toContain('Ren?e Roy');
    expect(await snapshot()).toEqual(before);
  });

  it('stores work emails lower-cased: a stored address differing only in case is updated once, then unchanged', async () => {
    await t.ds.query(`INSERT INTO educator (employee_id, full_name, work_email, building_id, hire_date, version)
      SELECT 'E050', 'Mo Case', 'Mo.Case@District.example', id, '2020-08-20', 1 FROM building WHERE code = 'LHS'`);
    const file = 'employee_id,full_name,work_email,building_code,hire_date\nE050,Mo Case,MO.CASE@DISTRICT.EXAMPLE,LHS,2020-08-20\n';
    expect(await importAll('educators', file)).toMatchObject({ toUpdate: 1, unchanged: 0 });
    expect(await t.ds.query(`SELECT work_email, version FROM educator WHERE employee_id = 'E050'`)).toEqual([
      { work_email: 'mo.case@district.example', version: 2 },
    ]);
    expect(await importAll('educators', file)).toMatchObject({ toUpdate: 0, unchanged: 1 });
    await t.ds.query(`DELETE FROM educator WHERE employee_id = 'E050'`);
  });

  it('tracks a job: progress readable, cancel before commit, then commit refused; HR only', async () => {
    const p = await preview('buildings', 'code,name,level\nNEW,New School,OTHER\n');
    const status = await send('GET', `/imports/jobs/${p.json.id}`, hr);
    expect(status.json).toMatchObject({ phase: 'PREVIEWED', rowsRead: 1, rowsValid: 1 });
    expect((await send('DELETE', `/imports/jobs/${p.json.id}`, hr)).json).toMatchObject({ phase: 'CANCELLED' });
    const late = await commit(p.json.id);
    expect(late.json.errors[0].extensions.code).toBe('CONFLICT');
    expect(await t.ds.query(`SELECT 1 FROM building WHERE code = 'NEW'`)).toEqual([]);
    expect(
      (await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY id`, [p.json.id])).map(
        (a: { action: string }) => a.action,
      ),
    ).toEqual(['IMPORT_PREVIEWED', 'IMPORT_CANCELLED']);

    const panelist = (await t.signInAs([Persona.PANELIST])).token;
    const denied = await send('POST', '/imports/buildings', panelist, 'code,name,level\nNOT,Not Allowed,OTHER\n');
    expect([denied.status, denied.json.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    expect((await send('GET', '/exports/educators', undefined)).status).toBe(401);
    expect((await send('GET', '/imports/educators/template', hr)).text).toBe(
      'employee_id,full_name,work_email,building_code,current_assignment,hire_date,leaving_date,version\r\n',
    );
  });
});

describe('commit against a database that moved since the preview', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  const post = async (path: string, body?: string): Promise<any> =>
    (
      await fetch(`${t.baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'text/csv', authorization: `Bearer ${hr}` } })
    ).json();

  it('refuses the whole commit when a record it updates was changed meanwhile, with nothing written', async () => {
    const created = await post('/imports/buildings', 'code,name,level\nAAA,Alpha,HIGH\nBBB,Beta,HIGH\n');
    await post(`/imports/jobs/${created.id}/commit`);
    const before = await t.ds.query('SELECT code, name, version FROM building ORDER BY code');

    const p = await post('/imports/buildings', 'code,name,level,version\nAAA,Alpha Renamed,HIGH,1\nBBB,Beta,HIGH,1\nCCC,Gamma,OTHER,\n');
    expect(p).toMatchObject({ phase: 'PREVIEWED', toCreate: 1, toUpdate: 1, unchanged: 1 });
    // Someone renames AAA through the API between the preview and the commit.
    await t.ds.query(`UPDATE building SET name = 'Alpha (by hand)', version = version + 1 WHERE code = 'AAA'`);
    const moved = await t.ds.query('SELECT code, name, version FROM building ORDER BY code');

    const c = await post(`/imports/jobs/${p.id}/commit`);
    expect(c).toMatchObject({ phase: 'REJECTED', errorCount: 1 });
    expect(c.errors[0]).toMatchObject({ row: 2, column: 'version', code: 'STALE_VERSION' });
    expect(await t.ds.query('SELECT code, name, version FROM building ORDER BY code')).toEqual(moved);
    expect(moved).not.toEqual(before);
    expect(await t.ds.query(`SELECT 1 FROM audit_entry WHERE action = 'IMPORT_COMMITTED' AND target_id = $1`, [p.id])).toEqual([]);
  });
});
