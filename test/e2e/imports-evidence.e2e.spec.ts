import { Persona } from '../../src/access/persona.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('evidence, decisions, commitments and accounts by file: preview, fix, commit, re-import, round trip', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    const roster = async (kind: string, body: string) => {
      const p = await preview(kind, body);
      expect(p.json).toMatchObject({ phase: 'PREVIEWED', errorCount: 0 });
      await commit(p.json.id);
    };
    await roster('buildings', 'code,name,level\nLHS,Lincoln High,HIGH\n');
    await roster(
      'educators',
      [
        'employee_id,full_name,work_email,building_code,hire_date',
        'E001,Ari Chen,ari@district.example,LHS,2019-08-20',
        'E002,Bo Diaz,bo@district.example,LHS,2015-08-20',
        'E003,Cy Evans,cy@district.example,LHS,2021-01-04',
      ].join('\n'),
    );
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
  const preview = async (kind: string, body: string | Buffer) => send('POST', `/imports/${kind}`, hr, body);
  const commit = async (id: string) => send('POST', `/imports/jobs/${id}/commit`, hr);
  const importAll = async (kind: string, body: string) => {
    const p = await preview(kind, body);
    expect(p.json).toMatchObject({ phase: 'PREVIEWED', errorCount: 0 });
    const c = await commit(p.json.id);
    expect(c.json).toMatchObject({ phase: 'COMMITTED' });
    return c.json;
  };
  const codes = (p: { json: { errors: { row: number; column: string | null; code: string }[] } }) =>
    p.json.errors.map((e) => [e.row, e.column, e.code]).sort((a, b) => (a[0] as number) - (b[0] as number));
  const evidenceState = async () => ({
    items: await t.ds
      .query(`SELECT district_key, kind, title, issuer, to_char(issued_on, 'YYYY-MM-DD') AS issued, pilot_part, hours::float8 AS hours,
      verification_status, version FROM evidence ORDER BY district_key`),
    claims: await t.ds.query(`SELECT e.district_key, c.code, ec.level FROM evidence_claim ec JOIN evidence e ON e.id = ec.evidence_id
      JOIN competency c ON c.id = ec.competency_id ORDER BY 1, 2`),
    facts: (await t.ds.query('SELECT count(*)::int AS n FROM evidence_claim_fact'))[0].n,
    requests: await t.ds
      .query(`SELECT e.district_key, r.status, r.decision_reason, to_char(r.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS decided
      FROM verification_request r JOIN evidence e ON e.id = r.evidence_id ORDER BY 1, r.decided_at`),
  });

  const HEADER = 'evidence_key,employee_id,kind,title,issuer,issued_on,pilot_part,hours,competency,level';
  const EVIDENCE = [
    HEADER,
    'HR-1,E001,CERTIFICATION,AI Educator Certificate,ISTE,2024-05-01,,,AI-BIAS,2',
    'HR-1,E001,CERTIFICATION,AI Educator Certificate,ISTE,2024-05-01,,,AI-TOOL-EVAL,3',
    'HR-2,E002,PILOT,Feedback pilot,,,LEAD,,AI-FEEDBACK,3',
    'HR-3,E003,COURSE,Intro to AI,,,,7.5,,',
  ].join('\r\n');

  it('imports items with their claims grouped by evidence_key, and the same file again changes nothing', async () => {
    const p = await preview('evidence', EVIDENCE);
    expect(p.json).toMatchObject({ phase: 'PREVIEWED', rowsRead: 4, toCreate: 3, toUpdate: 0, unchanged: 0, errorCount: 0 });
    expect((await evidenceState()).items).toEqual([]);
    await commit(p.json.id);
    const after = await evidenceState();
    expect(
      after.items.map((i: { district_key: string; kind: string; verification_status: string }) => [
        i.district_key,
        i.kind,
        i.verification_status,
      ]),
    ).toEqual([
      ['HR-1', 'CERTIFICATION', 'SELF_REPORTED'],
      ['HR-2', 'PILOT', 'SELF_REPORTED'],
      ['HR-3', 'COURSE', 'SELF_REPORTED'],
    ]);
    expect(after.claims).toEqual([
      { district_key: 'HR-1', code: 'AI-BIAS', level: 2 },
      { district_key: 'HR-1', code: 'AI-TOOL-EVAL', level: 3 },
      { district_key: 'HR-2', code: 'AI-FEEDBACK', level: 3 },
    ]);
    expect(after.facts).toBe(3);
    expect(await importAll('evidence', EVIDENCE)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect(await evidenceState()).toEqual(after);
  });

  it('round trip: the evidence export imports back unchanged; an edited export changes only that item and its claims', async () => {
    const exported = await send('GET', '/exports/evidence', hr);
    expect(exported.text.split('\r\n')[0]).toBe(
      'evidence_key,employee_id,kind,title,description,url,started_on,ended_on,issuer,credential_id,issued_on,expires_on,' +
        'pilot_part,classrooms,teachers,students,outcomes,sessions,attendees,venue,hours,provider,competency,level,version',
    );
    const before = await evidenceState();
    expect(await importAll('evidence', exported.text)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3 });
    expect(await evidenceState()).toEqual(before);

    // Drop the AI-BIAS claim of HR-1 and raise its other claim: one update, the claims become the file's.
    const lines = exported.text.split('\r\n').filter((l) => !(l.startsWith('HR-1,') && l.includes(',AI-BIAS,')));
    const edited = lines.map((l) => (l.startsWith('HR-1,') ? l.replace(',AI-TOOL-EVAL,3,', ',AI-TOOL-EVAL,4,') : l)).join('\r\n');
    expect(await importAll('evidence', edited)).toMatchObject({ toUpdate: 1, unchanged: 2 });
    const now = await evidenceState();
    expect(now.claims.filter((c: { district_key: string }) => c.district_key === 'HR-1')).toEqual([
      { district_key: 'HR-1', code: 'AI-TOOL-EVAL', level: 4 },
    ]);
    expect(now.facts).toBe(2);
    // The same edited export again, after another change: its version is stale now.
    const stale = await preview('evidence', edited.replace('AI Educator Certificate', 'AI Educator Certificate II'));
    expect(codes(stale)).toEqual([[2, 'version', 'STALE_VERSION']]);
  });

  it('codes every bad evidence row with its row and column, and writes nothing', async () => {
    const before = await evidenceState();
    const file = [
      HEADER,
      'X-1,E001,CERTIFICATION,Cert,,2024-05-01,,,AI-BIAS,2',
      'X-2,E001,PILOT,Pilot,,,LEAD,,AI-BIAS,9',
      'X-3,E999,ARTIFACT,Rubric,,,,,AI-BIAS,1',
      'X-4,E001,ARTIFACT,Rubric,,,,,NO-SUCH,1',
      'X-5,E001,ARTIFACT,Rubric,,,,,AI-BIAS,1',
      'X-5,E001,ARTIFACT,Rubric,,,,,AI-BIAS,2',
      'X-6,E001,ARTIFACT,Rubric,,,,,AI-BIAS,1',
      'X-6,E001,ARTIFACT,Rubric v2,,,,,AI-FEEDBACK,1',
      'X-7,E001,COURSE,Course,ISTE,,,3,AI-BIAS,1',
      'X-8,E001,ARTIFACT,Rubric,,,,,AI-BIAS,1',
      'X-9,E001,ARTIFACT,Rubric,,,,,AI-BIAS,1',
      'X-8,E001,ARTIFACT,Rubric,,,,,AI-FEEDBACK,1',
      'X-10,E001,WEBINAR,Talk,,,,,AI-BIAS,1',
    ].join('\n');
    const p = await preview('evidence', file);
    expect(p.json.phase).toBe('REJECTED');
    expect(codes(p)).toEqual(
      expect.arrayContaining([
        [2, 'issuer', 'INVALID_EVIDENCE'],
        [3, 'level', 'LEVEL_OUT_OF_RANGE'],
        [4, 'employee_id', 'UNKNOWN_EDUCATOR'],
        [5, 'competency', 'UNKNOWN_COMPETENCY'],
        [7, 'competency', 'DUPLICATE_KEY'],
        [9, 'title', 'ITEM_ROWS_DISAGREE'],
        [10, 'issuer', 'DETAIL_NOT_FOR_KIND'],
        [13, 'evidence_key', 'ROWS_NOT_TOGETHER'],
        [14, 'kind', 'INVALID_KIND'],
      ]),
    );
    expect(p.json.errors.find((e: { code: string }) => e.code === 'LEVEL_OUT_OF_RANGE').message).toContain('(1-4)');
    expect(await evidenceState()).toEqual(before);
  });

  it('verification decisions by evidence key: recorded, reflected on the item, exported and re-imported unchanged', async () => {
    const file =
      'evidence_key,decision,reason,decided_on\nHR-1,VERIFIED,Certificate checked with ISTE,2025-01-10\nHR-2,REJECTED,No pilot report attached,2025-01-11\n';
    const p = await preview('verifications', file);
    expect(p.json).toMatchObject({ phase: 'PREVIEWED', toCreate: 2, errorCount: 0 });
    await commit(p.json.id);
    const state = await evidenceState();
    expect(state.items.map((i: { district_key: string; verification_status: string }) => [i.district_key, i.verification_status])).toEqual([
      ['HR-1', 'VERIFIED'],
      ['HR-2', 'SELF_REPORTED'],
      ['HR-3', 'SELF_REPORTED'],
    ]);
    expect(state.requests).toEqual([
      { district_key: 'HR-1', status: 'VERIFIED', decision_reason: 'Certificate checked with ISTE', decided: '2025-01-10' },
      { district_key: 'HR-2', status: 'REJECTED', decision_reason: 'No pilot report attached', decided: '2025-01-11' },
    ]);
    const exported = await send('GET', '/exports/verifications', hr);
    expect(exported.text.split('\r\n')[0]).toBe('evidence_key,decision,reason,decided_on,version');
    expect(await importAll('verifications', exported.text)).toMatchObject({ toCreate: 0, unchanged: 2 });
    expect(await evidenceState()).toEqual(state);

    const bad = await preview(
      'verifications',
      'evidence_key,decision,reason,decided_on\nNOPE,VERIFIED,ok,2025-01-10\nHR-3,APPROVED,ok,2025-01-10\nHR-3,VERIFIED,,2999-01-01\n',
    );
    expect(codes(bad)).toEqual([
      [2, 'evidence_key', 'UNKNOWN_EVIDENCE'],
      [3, 'decision', 'INVALID_DECISION'],
      [4, 'reason', 'REQUIRED'],
      [4, 'decided_on', 'DATE_OUT_OF_RANGE'],
    ]);
  });

  it('commitments keyed by employee id, role title and start date: created, then an end date updates, and the export round-trips', async () => {
    const file =
      'employee_id,role_title,role_fte,starts_on,ends_on\nE001,AI coach,0.4,2024-08-20,\nE002,Data ethics lead,0.2,2023-08-20,2025-06-30\n';
    expect(await importAll('commitments', file)).toMatchObject({ toCreate: 2 });
    expect(await importAll('commitments', file)).toMatchObject({ toCreate: 0, unchanged: 2 });
    expect(await importAll('commitments', file.replace('0.4,2024-08-20,', '0.4,2024-08-20,2026-06-30'))).toMatchObject({
      toUpdate: 1,
      unchanged: 1,
    });
    const rows = await t.ds.query(
      `SELECT role_title, role_fte::float8 AS fte, to_char(ends_on, 'YYYY-MM-DD') AS ends, source, version FROM hybrid_commitment ORDER BY role_title`,
    );
    expect(rows).toEqual([
      { role_title: 'AI coach', fte: 0.4, ends: '2026-06-30', source: 'EXTERNAL', version: 2 },
      { role_title: 'Data ethics lead', fte: 0.2, ends: '2025-06-30', source: 'EXTERNAL', version: 1 },
    ]);
    const exported = await send('GET', '/exports/commitments', hr);
    expect(await importAll('commitments', exported.text)).toMatchObject({ unchanged: 2 });
    const bad = await preview(
      'commitments',
      'employee_id,role_title,role_fte,starts_on,ends_on\nE404,Coach,0.4,2024-08-20,\nE001,Coach,1.5,2024-08-20,\nE001,Coach,0.5,2024-08-20,2024-01-01\nE001,AI coach,0.4,2024-08-20,\nE001,AI coach,0.3,2024-08-20,\n',
    );
    expect(codes(bad)).toEqual(
      [
        [2, 'employee_id', 'UNKNOWN_EDUCATOR'],
        [3, 'role_fte', 'INVALID_FTE'],
        [4, 'ends_on', 'END_BEFORE_START'],
        [6, 'role_title', 'DUPLICATE_KEY'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(await t.ds.query('SELECT count(*)::int AS n FROM hybrid_commitment')).toEqual([{ n: 2 }]);
  });

  it('accounts by email: new ones are invited with a set-password link (no passwords in files), changes update, the export round-trips', async () => {
    const file =
      'email,display_name,personas,employee_id\nari@district.example,Ari Chen,EDUCATOR,E001\npanel@district.example,Pat Panel,"PANELIST, LEADER",\n';
    expect(await importAll('accounts', file)).toMatchObject({ toCreate: 2 });
    const accounts = await t.ds
      .query(`SELECT a.email, a.personas, a.password_hash, e.employee_id FROM account a LEFT JOIN educator e ON e.id = a.educator_id
      WHERE a.email LIKE '%@district.example' ORDER BY a.email`);
    expect(accounts).toEqual([
      { email: 'ari@district.example', personas: ['EDUCATOR'], password_hash: null, employee_id: 'E001' },
      { email: 'panel@district.example', personas: ['LEADER', 'PANELIST'], password_hash: null, employee_id: null },
    ]);
    const links = await t.ds.query(
      `SELECT a.email, l.purpose FROM account_password_link l JOIN account a ON a.id = l.account_id WHERE a.email LIKE '%@district.example' ORDER BY 1`,
    );
    expect(links).toEqual([
      { email: 'ari@district.example', purpose: 'INVITATION' },
      { email: 'panel@district.example', purpose: 'INVITATION' },
    ]);
    expect(
      (
        await t.ds.query(
          `SELECT count(*)::int AS n FROM notification WHERE kind = 'ACCOUNT_INVITATION' AND recipient_email LIKE '%@district.example'`,
        )
      )[0].n,
    ).toBe(2);

    const exported = await send('GET', '/exports/accounts', hr);
    expect(exported.text.split('\r\n')[0]).toBe('email,display_name,personas,employee_id,version');
    expect(await importAll('accounts', exported.text)).toMatchObject({ toCreate: 0, toUpdate: 0 });
    expect(await importAll('accounts', 'email,display_name,personas\npanel@district.example,Pat Panel,PANELIST\n')).toMatchObject({
      toUpdate: 1,
    });

    // A password column is refused by name (never dropped silently); the rows are still checked in the same preview.
    const bad = await preview('accounts', 'email,display_name,personas,employee_id,password\nx@district.example,X,HR,,secret\n');
    expect(codes(bad)).toEqual([[1, 'password', 'UNKNOWN_COLUMN']]);
    expect(bad.json.phase).toBe('REJECTED');
    const rows = await preview(
      'accounts',
      'email,display_name,personas,employee_id\nnot-an-email,X,HR,\ncy@district.example,Cy,EDUCATOR,\nbo@district.example,Bo,EDUCATOR,E001\nq@district.example,Q,WIZARD,\n',
    );
    expect(codes(rows)).toEqual([
      [2, 'email', 'INVALID_EMAIL'],
      [3, 'employee_id', 'REQUIRED'],
      [4, 'employee_id', 'EDUCATOR_LINKED'],
      [5, 'personas', 'UNKNOWN_PERSONA'],
    ]);
  });

  it('serves a template for every kind with its documented columns', async () => {
    for (const kind of ['accounts', 'commitments', 'evidence', 'verifications']) {
      const res = await send('GET', `/imports/${kind}/template`, hr);
      expect([kind, res.status]).toEqual([kind, 200]);
      expect(res.text.endsWith('version\r\n')).toBe(true);
    }
  });
});
