import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Persona } from '../../src/access/persona.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A district's HR office brings its data in as it would: files as its HR system writes them (test/fixtures/district-import:
 * BOM and CRLF, "Last, First" names, capitals in emails, padded cells, a semicolon export of the same roster), each
 * first with the mistakes such files carry. Preview, read the errors, fix, commit, re-import, change one row.
 */
const FIXTURES = join(process.cwd(), 'test/fixtures/district-import');
const file = (name: string): Buffer => readFileSync(join(FIXTURES, name));

type Problem = [number, string | null, string];

describe('a district imports its HR files: preview, fix, commit, re-import', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR], { email: 'import.clerk@pathways-isd.org' })).token;
  });
  afterAll(() => t.close());

  const send = async (method: string, path: string, body?: Buffer | string) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      body,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${hr}` },
    });
    const text = await res.text();
    return { status: res.status, text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
  };
  const preview = (kind: string, body: Buffer | string, query = '') => send('POST', `/imports/${kind}${query}`, body);
  const commit = (id: string) => send('POST', `/imports/jobs/${id}/commit`);
  const problems = (job: { errors: { row: number; column: string | null; code: string }[] }): Problem[] =>
    job.errors.map((e): Problem => [e.row, e.column, e.code]).sort((a, b) => a[0] - b[0] || String(a[1]).localeCompare(String(b[1])));

  /** Rows in every table but the import's own record (the job and its audit entries). */
  const tableCounts = async (): Promise<Record<string, number>> => {
    const tables: { name: string }[] = await t.ds.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('import_job', 'audit_entry') ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await t.ds.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    return counts;
  };
  /** Every imported record with its version. */
  const state = async () => ({
    buildings: await t.ds.query('SELECT code, name, level, version FROM building ORDER BY code'),
    educators: await t.ds.query(`SELECT e.employee_id, e.full_name, e.work_email, b.code AS building, e.current_assignment,
      to_char(e.hire_date, 'YYYY-MM-DD') AS hire, to_char(e.leaving_date, 'YYYY-MM-DD') AS leaving, e.version
      FROM educator e JOIN building b ON b.id = e.building_id ORDER BY e.employee_id`),
    accounts: await t.ds.query(`SELECT a.email, a.display_name, a.personas, e.employee_id, a.version FROM account a
      LEFT JOIN educator e ON e.id = a.educator_id WHERE a.email LIKE '%@pathways-isd.org' ORDER BY a.email`),
    commitments: await t.ds
      .query(`SELECT e.employee_id, c.role_title, c.role_fte::float8 AS fte, to_char(c.starts_on, 'YYYY-MM-DD') AS starts,
      to_char(c.ends_on, 'YYYY-MM-DD') AS ends, c.version FROM hybrid_commitment c JOIN educator e ON e.id = c.educator_id ORDER BY 1, 2`),
    evidence: await t.ds
      .query(`SELECT district_key, kind, title, description, verification_status, deleted_at IS NOT NULL AS archived, version
      FROM evidence ORDER BY district_key`),
    claims: await t.ds.query(`SELECT e.district_key, c.code, ec.level FROM evidence_claim ec JOIN evidence e ON e.id = ec.evidence_id
      JOIN competency c ON c.id = ec.competency_id ORDER BY 1, 2`),
    decisions: await t.ds.query(`SELECT e.district_key, r.status, r.decision_reason FROM verification_request r
      JOIN evidence e ON e.id = r.evidence_id ORDER BY 1, r.decided_at`),
  });

  /** A broken file: refused with exactly these problems, each with a message that says what to do, and nothing written. */
  const refused = async (kind: string, body: Buffer | string, expected: Problem[], query = '') => {
    const before = await tableCounts();
    const p = await preview(kind, body, query);
    expect(p.status).toBe(201);
    expect(p.json.phase).toBe('REJECTED');
    expect(problems(p.json)).toEqual(expected);
    expect(p.json.errorCount).toBe(expected.length);
    for (const e of p.json.errors) expect(e.message).toMatch(/;|\?/); // what is wrong; then how to fix it
    const c = await commit(p.json.id);
    expect([c.status, c.json.errors[0].extensions.code]).toEqual([409, 'CONFLICT']);
    expect(await tableCounts()).toEqual(before);
    return p.json as { errors: { row: number; column: string | null; code: string; message: string }[] };
  };
  const message = (job: { errors: { row: number; code: string; message: string }[] }, row: number, code: string) =>
    job.errors.find((e) => e.row === row && e.code === code)!.message;

  /** A fixed file: previewed with these counts, nothing written by the preview, then committed and audited. */
  const committed = async (kind: string, body: Buffer, counts: { toCreate: number; toUpdate: number; unchanged: number }, query = '') => {
    const before = await state();
    const p = await preview(kind, body, query);
    expect(p.json).toMatchObject({ phase: 'PREVIEWED', errorCount: 0, ...counts });
    expect(await state()).toEqual(before);
    const c = await commit(p.json.id);
    expect(c.json).toMatchObject({ phase: 'COMMITTED', ...counts });
    const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'IMPORT_COMMITTED' AND target_id = $1`, [p.json.id]);
    expect(audit.changes).toMatchObject({
      kind,
      fileSha256: createHash('sha256').update(body).digest('hex'),
      fileBytes: body.length,
      created: counts.toCreate,
      updated: counts.toUpdate,
      unchanged: counts.unchanged,
      errorCount: 0,
    });
    return c.json;
  };

  it('buildings: a level the district does not use and a code twice are named; the fixed file commits', async () => {
    const job = await refused('buildings', file('buildings-with-mistakes.csv'), [
      [6, 'level', 'INVALID_LEVEL'],
      [7, 'code', 'DUPLICATE_KEY'],
    ]);
    // Row numbers are the spreadsheet's: the row of empty cells (row 4) is skipped but counted.
    expect(message(job, 6, 'INVALID_LEVEL')).toContain('OTHER for a school spanning several');
    expect(message(job, 7, 'DUPLICATE_KEY')).toContain('also on row 5');

    await committed('buildings', file('buildings.csv'), { toCreate: 5, toUpdate: 0, unchanged: 0 });
    expect((await state()).buildings.map((b: { code: string; name: string; level: string }) => [b.code, b.name, b.level])).toEqual([
      ['ALT', 'District Alternative Program', 'OTHER'],
      ['LHS', 'Lincoln High School', 'HIGH'],
      ['MLK', 'Martin Luther King, Jr. Elementary', 'ELEMENTARY'],
      ['OAK', 'Oak Street Elementary', 'ELEMENTARY'],
      ['WMS', 'Washington Middle School', 'MIDDLE'],
    ]);
  });

  it('roster: every mistake is named by row and column in one preview; padded cells and capital emails are not mistakes', async () => {
    const job = await refused('educators', file('educators-with-mistakes.csv'), [
      [1, 'Notes', 'UNKNOWN_COLUMN'],
      [8, 'hire_date', 'INVALID_DATE'],
      [13, 'work_email', 'INVALID_EMAIL'],
      [17, 'building_code', 'UNKNOWN_BUILDING'],
      [23, 'full_name', 'INVALID_ENCODING'],
      [31, 'leaving_date', 'LEAVING_BEFORE_HIRE'],
      [35, 'employee_id', 'DUPLICATE_KEY'],
      [42, 'hire_date', 'INVALID_DATE'],
    ]);
    expect(message(job, 1, 'UNKNOWN_COLUMN')).toContain('delete that column');
    expect(message(job, 8, 'INVALID_DATE')).toContain('2019-01-07 if it is month/day/year, 2019-07-01 if day/month/year');
    expect(message(job, 42, 'INVALID_DATE')).toContain('write it as YYYY-MM-DD: 2021-03-15');
    expect(message(job, 13, 'INVALID_EMAIL')).toContain('priya.patel.pathways-isd.org');
    expect(message(job, 17, 'UNKNOWN_BUILDING')).toContain('did you mean WMS?');
    expect(message(job, 23, 'INVALID_ENCODING')).toContain('save the file as "CSV UTF-8"');
    expect(message(job, 35, 'DUPLICATE_KEY')).toContain('also on row 34');

    // The export with semicolons, uploaded as if commas: named, with the parameter to use.
    const semi = await refused('educators', file('educators-semicolon.csv'), [[1, null, 'WRONG_DELIMITER']]);
    expect(semi.errors[0].message).toContain('?delimiter=semicolon');

    await committed('educators', file('educators.csv'), { toCreate: 48, toUpdate: 0, unchanged: 0 });
    const educators = (await state()).educators;
    expect(educators).toHaveLength(48);
    const by = (id: string) => educators.find((e: { employee_id: string }) => e.employee_id === id);
    expect(by('100231')).toMatchObject({ full_name: "O'Brien, Siobhan", work_email: 'siobhan.obrien@pathways-isd.org', building: 'LHS' });
    expect(by('100233').current_assignment).toBe('Algebra II\nDepartment chair, Mathematics');
    expect(by('100235').work_email).toBe('david.okafor@pathways-isd.org');
    expect(by('100240')).toMatchObject({ full_name: 'Chen, Wei', work_email: 'wei.chen@pathways-isd.org', current_assignment: 'Biology' });
    expect(by('100243').full_name).toBe('Brown, James "Jim"');
    expect(by('100252').full_name).toBe('Martin, Zoë');
    expect(by('100238')).toMatchObject({ hire: '2014-08-25', leaving: '2025-06-30', version: 1 });
  });

  it('accounts: bad emails, personas and links named; the fixed file invites everyone it creates', async () => {
    const job = await refused('accounts', file('accounts-with-mistakes.csv'), [
      [3, 'email', 'INVALID_EMAIL'],
      [6, 'personas', 'UNKNOWN_PERSONA'],
      [8, 'employee_id', 'REQUIRED'],
      [9, 'employee_id', 'UNKNOWN_EDUCATOR'],
      [10, 'email', 'DUPLICATE_KEY'],
    ]);
    expect(message(job, 6, 'UNKNOWN_PERSONA')).toContain('TEACHER');
    await committed('accounts', file('accounts.csv'), { toCreate: 8, toUpdate: 0, unchanged: 0 });
    const accounts = (await state()).accounts;
    expect(accounts.map((a: { email: string }) => a.email)).toContain('asst.principal@pathways-isd.org');
    expect(accounts.find((a: { email: string }) => a.email === 'marcus.washington@pathways-isd.org')).toMatchObject({
      personas: expect.arrayContaining(['LEADER', 'EDUCATOR']),
      employee_id: '100233',
    });
    const invited = await t.ds.query(
      `SELECT count(*)::int AS n FROM account_password_link l JOIN account a ON a.id = l.account_id WHERE a.email LIKE '%@pathways-isd.org' AND l.purpose = 'INVITATION'`,
    );
    expect(invited).toEqual([{ n: 8 }]);
  });

  it('commitments: a misspelt header is named with the column meant; once renamed, the rows are checked', async () => {
    const broken = file('commitments-with-mistakes.csv');
    const header = await refused('commitments', broken, [
      [1, 'Employe ID', 'UNKNOWN_COLUMN'],
      [1, 'employee_id', 'MISSING_COLUMN'],
    ]);
    expect(message(header, 1, 'UNKNOWN_COLUMN')).toContain('did you mean "employee_id"?');
    const renamed = Buffer.from(broken.toString('utf8').replace('Employe ID', 'Employee ID'), 'utf8');
    const rows = await refused('commitments', renamed, [[3, 'role_fte', 'INVALID_FTE']]);
    expect(rows.errors[0].message).toContain('(e.g. 0.4 for 40%)');
    await committed('commitments', file('commitments.csv'), { toCreate: 4, toUpdate: 0, unchanged: 0 });
    expect((await state()).commitments).toHaveLength(4);
  });

  it('evidence and its claims: unknown codes, levels, dates and people named; the fixed file commits every item and claim', async () => {
    const job = await refused('evidence', file('evidence-with-mistakes.csv'), [
      [3, 'level', 'LEVEL_OUT_OF_RANGE'],
      [7, 'competency', 'UNKNOWN_COMPETENCY'],
      [11, 'issued_on', 'INVALID_DATE'],
      [12, 'issued_on', 'INVALID_DATE'],
      [17, 'employee_id', 'UNKNOWN_EDUCATOR'],
      [18, 'level', 'INVALID_LEVEL'],
    ]);
    expect(message(job, 3, 'LEVEL_OUT_OF_RANGE')).toContain('(1-4)');
    expect(message(job, 11, 'INVALID_DATE')).toContain('2023-03-02 if it is month/day/year');
    await committed('evidence', file('evidence.csv'), { toCreate: 12, toUpdate: 0, unchanged: 0 });
    const s = await state();
    expect(s.evidence).toHaveLength(12);
    expect(s.claims).toHaveLength(17);
    expect(s.evidence.find((e: { district_key: string }) => e.district_key === 'PD-2022-0107').description).toBe(
      'Six sections, fall semester.\nStudents drafted proofs with AI hints; rubric attached.',
    );
  });

  it('verification decisions: an unknown key, a decision word and a date named; the fixed file decides the items', async () => {
    await refused('verifications', file('verifications-with-mistakes.csv'), [
      [3, 'decision', 'INVALID_DECISION'],
      [4, 'decided_on', 'INVALID_DATE'],
      [6, 'evidence_key', 'UNKNOWN_EVIDENCE'],
      [7, 'evidence_key', 'DUPLICATE_KEY'],
    ]);
    await committed('verifications', file('verifications.csv'), { toCreate: 4, toUpdate: 0, unchanged: 0 });
    const s = await state();
    const status = (key: string) => s.evidence.find((e: { district_key: string }) => e.district_key === key).verification_status;
    expect([status('PD-2021-0041'), status('PD-2023-0058'), status('PD-2024-0003')]).toEqual(['VERIFIED', 'ENDORSED', 'SELF_REPORTED']);
    expect(s.decisions).toHaveLength(4);
  });

  it('re-importing the same files (the roster also as its semicolon export) changes nothing at all', async () => {
    const before = await state();
    const counts = await tableCounts();
    const again: [string, string, number, string?][] = [
      ['buildings', 'buildings.csv', 5],
      ['educators', 'educators.csv', 48],
      ['educators', 'educators-semicolon.csv', 48, '?delimiter=semicolon'],
      ['accounts', 'accounts.csv', 8],
      ['commitments', 'commitments.csv', 4],
      ['evidence', 'evidence.csv', 12],
      ['verifications', 'verifications.csv', 4],
    ];
    for (const [kind, name, n, query] of again) {
      const job = await committed(kind, file(name), { toCreate: 0, toUpdate: 0, unchanged: n }, query);
      expect([name, job.rowsRead >= n]).toEqual([name, true]);
    }
    expect(await state()).toEqual(before);
    expect(await tableCounts()).toEqual(counts);
  });

  it('a changed row updates exactly that record with its version bumped; an edit of a stale export is refused', async () => {
    const exported = await send('GET', '/exports/educators');
    const before = await state();
    const edited = exported.text.replace(
      '100242,"Patel, Priya",priya.patel@pathways-isd.org,LHS,AP Calculus,',
      '100242,"Patel, Priya",priya.patel@pathways-isd.org,LHS,AP Calculus BC,',
    );
    expect(edited).not.toBe(exported.text);
    await committed('educators', Buffer.from(edited), { toCreate: 0, toUpdate: 1, unchanged: 47 });
    const after = await state();
    const changed = after.educators.filter((e: object, i: number) => JSON.stringify(e) !== JSON.stringify(before.educators[i]));
    expect(changed).toEqual([
      {
        ...before.educators.find((e: { employee_id: string }) => e.employee_id === '100242'),
        current_assignment: 'AP Calculus BC',
        version: 2,
      },
    ]);

    // The first export, edited another way after that change: its version 1 is stale now.
    const stale = exported.text.replace('LHS,AP Calculus,', 'LHS,AP Statistics,');
    const job = await refused('educators', stale, [[13, 'version', 'STALE_VERSION']]);
    expect(job.errors[0].message).toContain('at version 2 but the row says 1');
    expect(await state()).toEqual(after);
  });

  it('archived evidence: left out of the export (which still imports back unchanged), refused by key until its owner restores it', async () => {
    const [item] = await t.ds.query(`SELECT id, version, educator_id FROM evidence WHERE district_key = 'PD-2024-0022'`);
    const archive = await t.gql(
      `mutation($i: DeleteEvidenceInput!) { deleteEvidence(input: $i) }`,
      { i: { id: item.id, version: item.version } },
      hr,
    );
    expect(archive.errors).toBeUndefined();
    const before = await state();

    const exported = await send('GET', '/exports/evidence');
    expect(exported.text).not.toContain('PD-2024-0022');
    expect(exported.text).toContain('PD-2024-0035');
    await committed('evidence', Buffer.from(exported.text), { toCreate: 0, toUpdate: 0, unchanged: 11 });
    expect(await state()).toEqual(before);

    const job = await refused('evidence', file('evidence.csv'), [[17, 'evidence_key', 'EVIDENCE_ARCHIVED']]);
    expect(job.errors[0].message).toMatch(
      /archived on \d{4}-\d{2}-\d{2}; a file does not bring it back: its owner can restore it \(restoreEvidence\) until/,
    );
    await refused('verifications', 'evidence_key,decision,reason,decided_on\nPD-2024-0022,VERIFIED,Policy seen,2024-10-02\n', [
      [2, 'evidence_key', 'EVIDENCE_ARCHIVED'],
    ]);
    expect((await send('GET', '/exports/verifications')).text).not.toContain('PD-2024-0022');

    const owner = (await t.signInAs([Persona.EDUCATOR], { educatorId: item.educator_id })).token;
    const [archived] = await t.ds.query(`SELECT version FROM evidence WHERE id = $1`, [item.id]);
    const restored = await t.gql(
      `mutation($i: RestoreEvidenceInput!) { restoreEvidence(input: $i) { id } }`,
      { i: { id: item.id, version: archived.version } },
      owner,
    );
    expect(restored.errors).toBeUndefined();
    await committed('evidence', file('evidence.csv'), { toCreate: 0, toUpdate: 0, unchanged: 12 });
    expect((await send('GET', '/exports/evidence')).text).toContain('PD-2024-0022');
  });
});
