import { Persona } from '../../src/access/persona.js';
import { KEPT_EDUCATOR_TABLES } from '../../src/rights/domain/erasure.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { insertBuilding, insertCommitment, insertEducator, insertEvidence } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const MY_EXPORT = `{ myDataExport }`;
const HR_EXPORT = `query($id: ID!) { personalDataExport(educatorId: $id) }`;
const ERASE = `mutation($i: EraseEducatorInput!) { eraseEducator(input: $i) { educatorId educatorPseudonym erasedAt alreadyErased rows { table action rows } plan { table action what } } }`;
const LEAVE = `mutation($i: RecordLeavingInput!) { recordLeaving(input: $i) { id leavingDate version } }`;
const FILE = `mutation($i: FileDisputeInput!) { fileDispute(input: $i) { id } }`;
const REQUEST = `mutation($i: RequestVerificationInput!) { requestVerification(input: $i) { id version } }`;
const DECIDE = `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { id status } }`;

const reasonOf = (res: GqlResponse): string | undefined => res.errors?.[0]?.extensions?.reason as string | undefined;

/**
 * One educator (Al Novak) goes through a hiring round: applies, is read and scored by the panel, ranked in a saved run,
 * rejected; asks for verification, disputes; holds a commitment. He downloads what is held about him, HR exports it
 * too; he leaves, and HR erases him. Bea is the bystander whose data must not move.
 */
describe('the personal-data export and erasure', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  let alApp: string;
  let runId: string;
  let panelist: { token: string; accountId: string };
  let panelistEmail: string;
  let alItem: string;

  const audits = async () => (await t.ds.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n as number;
  const educatorVersion = async (id: string) => (await t.ds.query('SELECT version FROM educator WHERE id = $1', [id]))[0].version as number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    panelist = w.panel[0];
    [{ email: panelistEmail }] = await t.ds.query('SELECT email FROM account WHERE id = $1', [panelist.accountId]);
    roleId = await postOpenRole(t, w);
    ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: panelist.accountId } }, w.hr));
    alApp = ok(await t.gql(Q.apply, { input: { roleId, statement: 'I ran forty hours of workshops for my team' } }, w.al.token)).applyToRole
      .id;
    ok(await t.gql(Q.apply, { input: { roleId, statement: 'Bea statement' } }, w.bea.token));
    ok(await t.gql(Q.move, { input: { applicationId: alApp, to: 'SCREENED', reason: 'Meets the basics' } }, w.hr));
    ok(await t.gql(Q.move, { input: { applicationId: alApp, to: 'SHORTLISTED', reason: 'Worth a look' } }, w.hr));
    // the panelist reads Al's evidence (audited) and scores him
    ok(await t.gql(`query($id: ID!) { educator(id: $id) { evidence { id } } }`, { id: w.al.educatorId }, panelist.token));
    const reqs: Array<{ id: string }> = await t.ds.query('SELECT id FROM role_requirement WHERE role_id = $1 ORDER BY id', [roleId]);
    ok(
      await t.gql(
        Q.saveScores,
        {
          input: {
            applicationId: alApp,
            scores: reqs.map((r) => ({ requirementId: r.id, score: 2, comment: 'Al Novak knows workshops well' })),
          },
        },
        panelist.token,
      ),
    );
    ok(await t.gql(Q.submitScores, { input: { applicationId: alApp } }, panelist.token));
    runId = ok(await t.gql(Q.saveRun, { input: { roleId } }, w.hr)).saveRankingRun.id;
    ok(await t.gql(Q.move, { input: { applicationId: alApp, to: 'REJECTED', reason: 'Al Novak has workshop hours only' } }, w.hr));
    // verification, a decision, a dispute, a commitment, self-identification
    alItem = await insertEvidence(t.ds, {
      educatorId: w.al.educatorId,
      kind: 'ARTIFACT',
      title: 'Al Novak classroom chatbot rubric',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: w.comps['AI-TOOL-EVAL'], level: 2 }],
    });
    const req = ok(await t.gql(REQUEST, { i: { evidenceId: alItem, note: 'See my drive' } }, w.al.token)).requestVerification;
    ok(await t.gql(DECIDE, { i: { id: req.id, version: req.version, decision: 'VERIFIED', reason: 'Rubric seen in use' } }, w.hr));
    ok(
      await t.gql(
        FILE,
        { i: { kind: 'APPLICATION_DECISION', subjectId: alApp, statement: 'Al Novak disputes: my workshops count' } },
        w.al.token,
      ),
    );
    await insertCommitment(t.ds, { educatorId: w.al.educatorId, roleId, roleFte: 0.2, startsOn: daysFromNow(-100) });
    await t.ds.query(
      `INSERT INTO fairness.self_identification (educator_id, sex, race_ethnicity, version) VALUES ($1, 'MALE', 'WHITE', 1)`,
      [w.al.educatorId],
    );
  });
  afterAll(() => t.close());

  it('the educator downloads everything held about him as one JSON document, and reads who read his evidence', async () => {
    const doc = JSON.parse(ok(await t.gql(MY_EXPORT, {}, w.al.token)).myDataExport);
    expect(doc).toMatchObject({ format: 'pathways.personal-data-export', formatVersion: 1, educatorId: w.al.educatorId });
    expect(doc.sections.map((s: { name: string }) => s.name)).toEqual([
      'account',
      'profile',
      'buildingHistory',
      'evidence',
      'verificationRequests',
      'applications',
      'invitations',
      'offers',
      'panelScores',
      'commitments',
      'disputes',
      'credentials',
      'selfIdentification',
      'notifications',
      'accessTrail',
    ]);
    expect(doc.profile).toMatchObject({ id: w.al.educatorId, fullName: 'Al Novak', buildingName: 'North High' });
    expect(doc.account).toMatchObject({ id: w.al.accountId, personas: ['EDUCATOR'], hasPassword: expect.any(Boolean) });
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/password_?hash|argon2|token_?version/i);
    expect(doc.buildingHistory.length).toBeGreaterThanOrEqual(1);
    const rubric = doc.evidence.find((e: { id: string }) => e.id === alItem);
    expect(rubric).toMatchObject({
      title: 'Al Novak classroom chatbot rubric',
      verificationStatus: 'VERIFIED',
      claims: [expect.objectContaining({ competencyCode: 'AI-TOOL-EVAL', level: 2 })],
    });
    expect(rubric.history.map((h: { action: string }) => h.action)).toEqual(['EVIDENCE_VERIFIED']);
    expect(doc.verificationRequests).toEqual([
      expect.objectContaining({ evidenceId: alItem, status: 'VERIFIED', decisionReason: 'Rubric seen in use' }),
    ]);
    expect(doc.applications).toEqual([
      expect.objectContaining({ id: alApp, status: 'REJECTED', statement: 'I ran forty hours of workshops for my team' }),
    ]);
    expect(doc.applications[0].transitions.map((x: { to: string }) => x.to)).toEqual(['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'REJECTED']);
    // submitted scores about him, now the panel is done with the application, without the panelists' identities
    expect(doc.panelScores.length).toBe(3);
    expect(doc.panelScores[0]).toMatchObject({ panelist: 'Panelist 1', score: 2, comment: 'Al Novak knows workshops well' });
    expect(text).not.toContain(panelist.accountId);
    expect(doc.commitments).toEqual([expect.objectContaining({ roleId, roleFte: 0.2 })]);
    expect(doc.disputes).toEqual([
      expect.objectContaining({ kind: 'APPLICATION_DECISION', status: 'OPEN', statement: 'Al Novak disputes: my workshops count' }),
    ]);
    expect(doc.selfIdentification).toMatchObject({ sex: 'MALE', raceEthnicity: 'WHITE' });
    expect(doc.accessTrail).toEqual([
      expect.objectContaining({ action: 'CANDIDATE_EVIDENCE_READ', persona: 'PANELIST', by: panelistEmail, via: 'Educator.evidence' }),
    ]);
    // nothing of anyone else
    expect(text).not.toContain('Bea statement');
    expect(text).not.toContain(w.bea.educatorId);
  });

  it("downloads as a file with the bearer token; without one 401; another persona's route 403", async () => {
    const res = await fetch(`${t.baseUrl}/me/export.json`, { headers: { authorization: `Bearer ${w.al.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = (await res.json()) as { profile: { fullName: string } };
    expect(doc.profile.fullName).toBe('Al Novak');
    expect((await fetch(`${t.baseUrl}/me/export.json`)).status).toBe(401);
    const hrOwn = await fetch(`${t.baseUrl}/me/export.json`, { headers: { authorization: `Bearer ${w.hr}` } });
    expect(hrOwn.status).toBe(403);
    const other = await fetch(`${t.baseUrl}/educators/${w.al.educatorId}/export.json`, {
      headers: { authorization: `Bearer ${w.bea.token}` },
    });
    expect([other.status, ((await other.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code]).toEqual(
      [403, 'FORBIDDEN'],
    );
  });

  it("HR produces the same export for a person; it is audited and shows in the person's access trail", async () => {
    const before = await audits();
    const doc = JSON.parse(ok(await t.gql(HR_EXPORT, { id: w.al.educatorId }, w.hr)).personalDataExport);
    expect(doc.profile.fullName).toBe('Al Novak');
    expect(doc.generatedFor).toBe('HR');
    expect(await audits()).toBe(before + 1);
    const [entry] = await t.ds.query(
      `SELECT persona, target_type, target_id FROM audit_entry WHERE action = 'PERSONAL_DATA_EXPORTED' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ persona: 'HR', target_type: 'Educator', target_id: w.al.educatorId });
    const file = await fetch(`${t.baseUrl}/educators/${w.al.educatorId}/export.json`, { headers: { authorization: `Bearer ${w.hr}` } });
    expect(file.status).toBe(200);
    const mine = JSON.parse(ok(await t.gql(MY_EXPORT, {}, w.al.token)).myDataExport);
    expect(mine.accessTrail.map((a: { action: string; persona: string }) => `${a.action}:${a.persona}`)).toEqual([
      'CANDIDATE_EVIDENCE_READ:PANELIST',
      'PERSONAL_DATA_EXPORTED:HR',
      'PERSONAL_DATA_EXPORTED:HR',
    ]);
    expect(codeOf(await t.gql(HR_EXPORT, { id: '00000000-0000-4000-8000-000000000000' }, w.hr))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(HR_EXPORT, { id: w.al.educatorId }, w.bea.token))).toBe('FORBIDDEN');
  });

  it('refuses to erase someone who has not left, who leaves later, or inside the retention period, or on a stale version, and writes nothing', async () => {
    const snapshot = async () => ({
      audits: await audits(),
      educator: (await t.ds.query('SELECT full_name, work_email, version, erased_at FROM educator WHERE id = $1', [w.al.educatorId]))[0],
      evidence: (await t.ds.query('SELECT count(*)::int AS n FROM evidence WHERE educator_id = $1', [w.al.educatorId]))[0].n,
    });
    const notLeft = await t.gql(ERASE, { i: { id: w.al.educatorId, version: await educatorVersion(w.al.educatorId) } }, w.hr);
    expect([codeOf(notLeft), reasonOf(notLeft)]).toEqual(['FORBIDDEN', 'NOT_LEFT']);

    ok(
      await t.gql(
        LEAVE,
        { i: { id: w.al.educatorId, version: await educatorVersion(w.al.educatorId), leavingDate: daysFromNow(10) } },
        w.hr,
      ),
    );
    const before = await snapshot();
    const later = await t.gql(ERASE, { i: { id: w.al.educatorId, version: before.educator.version } }, w.hr);
    expect([codeOf(later), reasonOf(later)]).toEqual(['FORBIDDEN', 'NOT_LEFT']);
    expect(await snapshot()).toEqual(before);

    ok(
      await t.gql(
        LEAVE,
        { i: { id: w.al.educatorId, version: await educatorVersion(w.al.educatorId), leavingDate: daysFromNow(-5) } },
        w.hr,
      ),
    );
    const left = await snapshot();
    t.config.erasureRetentionDays = 30;
    try {
      const early = await t.gql(ERASE, { i: { id: w.al.educatorId, version: left.educator.version } }, w.hr);
      expect([codeOf(early), reasonOf(early)]).toEqual(['FORBIDDEN', 'RETENTION_PERIOD']);
      expect(early.errors![0].message).toContain(daysFromNow(25));
    } finally {
      t.config.erasureRetentionDays = 0;
    }
    const stale = await t.gql(ERASE, { i: { id: w.al.educatorId, version: left.educator.version - 1 } }, w.hr);
    expect([codeOf(stale), reasonOf(stale)]).toEqual(['CONFLICT', 'STALE_VERSION']);
    expect(codeOf(await t.gql(ERASE, { i: { id: w.al.educatorId, version: left.educator.version } }, w.bea.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ERASE, { i: { id: '00000000-0000-4000-8000-000000000000', version: 1 } }, w.hr))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(left);
  });

  it('erases a person who left in one transaction: own rows deleted, hiring history anonymised, saved runs and the audit log pseudonymised', async () => {
    const beaBefore = await t.ds.query('SELECT id, title FROM evidence WHERE educator_id = $1 ORDER BY id', [w.bea.educatorId]);
    const [runBefore] = await t.ds.query('SELECT rank, score, qualified FROM ranking_run_result WHERE run_id = $1 AND educator_id = $2', [
      runId,
      w.al.educatorId,
    ]);
    const auditBefore = await audits();
    const [{ email: alAccountEmail }] = await t.ds.query('SELECT email FROM account WHERE id = $1', [w.al.accountId]);
    const [{ work_email: alWorkEmail }] = await t.ds.query('SELECT work_email FROM educator WHERE id = $1', [w.al.educatorId]);
    const mentioned = async (x: string) =>
      (
        await t.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE lower(changes::text || coalesce(actor_email, '')) LIKE $1`, [
          `%${x.toLowerCase()}%`,
        ])
      )[0].n;
    expect(await mentioned(alAccountEmail)).toBeGreaterThan(0); // sign-ins and account creation named him before
    const scoresBefore = await t.ds.query('SELECT score FROM panel_score WHERE application_id = $1 ORDER BY id', [alApp]);

    // a message to HR that names him (as an answered offer would)
    await t.ds.query(
      `INSERT INTO notification (kind, recipient_email, subject, body) VALUES ('OFFER_ANSWERED', 'hr@district.test', 'Offer declined', 'Al Novak declined your offer')`,
    );
    const res = ok(await t.gql(ERASE, { i: { id: w.al.educatorId, version: await educatorVersion(w.al.educatorId) } }, w.hr)).eraseEducator;
    expect(res).toMatchObject({ educatorId: w.al.educatorId, alreadyErased: false });
    expect((await t.ds.query(`SELECT body FROM notification WHERE recipient_email = 'hr@district.test'`))[0].body).toBe(
      'Erased person declined your offer',
    );
    expect(res.educatorPseudonym).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const rows = Object.fromEntries(
      res.rows.map((r: { table: string; action: string; rows: number }) => [`${r.action}:${r.table}`, r.rows]),
    );
    expect(rows['DELETED:evidence']).toBe(4);
    expect(rows['DELETED:hybrid_commitment']).toBe(1);
    expect(rows['ANONYMISED:educator']).toBe(1);
    expect(rows['PSEUDONYMISED:ranking_run_result']).toBe(1);
    expect(rows['PSEUDONYMISED:audit_entry']).toBeGreaterThan(5);

    // own rows are gone: every table with an educator_id column keeps the person only where the plan says so
    const tables: Array<{ table_schema: string; table_name: string }> = await t.ds.query(
      `SELECT table_schema, table_name FROM information_schema.columns WHERE column_name = 'educator_id' AND table_schema IN ('public', 'fairness')`,
    );
    for (const { table_schema, table_name } of tables) {
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM "${table_schema}"."${table_name}" WHERE educator_id = $1`, [
        w.al.educatorId,
      ]);
      if (!KEPT_EDUCATOR_TABLES.includes(table_name)) expect({ table: table_name, rows: n }).toEqual({ table: table_name, rows: 0 });
    }
    expect(
      (
        await t.ds.query('SELECT count(*)::int AS n FROM evidence_claim c LEFT JOIN evidence e ON e.id = c.evidence_id WHERE e.id IS NULL')
      )[0].n,
    ).toBe(0);

    // what stays is anonymous
    const [ed] = await t.ds.query('SELECT full_name, work_email, employee_id, current_assignment, erased_at FROM educator WHERE id = $1', [
      w.al.educatorId,
    ]);
    expect(ed).toMatchObject({ full_name: 'Erased person', employee_id: null, current_assignment: '' });
    expect(ed.work_email).toBe(`erased-${res.educatorPseudonym}@erased.invalid`);
    expect(ed.erased_at).not.toBeNull();
    const [acct] = await t.ds.query(
      'SELECT email, display_name, password_hash, personas, educator_id, disabled_at FROM account WHERE id = $1',
      [w.al.accountId],
    );
    expect(acct).toMatchObject({ display_name: 'Erased person', password_hash: null, personas: [], educator_id: null });
    expect(acct.email).toMatch(/^erased-.*@erased\.invalid$/);
    expect(acct.disabled_at).not.toBeNull();
    expect((await t.ds.query('SELECT status, statement FROM application WHERE id = $1', [alApp]))[0]).toEqual({
      status: 'REJECTED',
      statement: '',
    });
    expect(
      (await t.ds.query('SELECT to_status, reason FROM application_transition WHERE application_id = $1 ORDER BY at, id', [alApp])).map(
        (x: { to_status: string; reason: string }) => `${x.to_status}:${x.reason}`,
      ),
    ).toEqual(['SUBMITTED:', 'SCREENED:', 'SHORTLISTED:', 'REJECTED:']);
    expect(await t.ds.query('SELECT score FROM panel_score WHERE application_id = $1 ORDER BY id', [alApp])).toEqual(scoresBefore);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM panel_score WHERE application_id = $1 AND comment <> ''`, [alApp]))[0].n).toBe(
      0,
    );

    // the saved run reads back with the same rank and score, without the name
    const [runAfter] = await t.ds.query(
      'SELECT rank, score, qualified, candidate FROM ranking_run_result WHERE run_id = $1 AND educator_id = $2',
      [runId, w.al.educatorId],
    );
    expect({ rank: runAfter.rank, score: runAfter.score, qualified: runAfter.qualified }).toEqual(runBefore);
    expect(runAfter.candidate.fullName).toBe('Erased person');
    expect(JSON.stringify(runAfter.candidate)).not.toMatch(/Al Novak|Workshop series/);
    const run = ok(
      await t.gql(
        `query($id: ID!) { rankingRun(id: $id) { id results { nodes { educatorId fullName score rank } } } }`,
        { id: runId },
        w.hr,
      ),
    ).rankingRun;
    expect(run.results.nodes.find((n: { educatorId: string }) => n.educatorId === w.al.educatorId)).toMatchObject({
      fullName: 'Erased person',
      score: runBefore.score,
    });

    // audit entries are all kept, none names the person; their entries carry one stable pseudonym
    expect(await audits()).toBe(auditBefore + 1);
    const needles = [
      w.al.educatorId,
      w.al.accountId,
      alAccountEmail,
      alWorkEmail,
      'al novak',
      'forty hours',
      'chatbot rubric',
      'my workshops count',
      alItem,
    ];
    const [{ n: leaks }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE lower(concat_ws(' ', actor_account_id::text, actor_email, target_id, changes::text)) LIKE ANY($1::text[])`,
      [needles.map((x) => `%${x.toLowerCase()}%`)],
    );
    expect(leaks).toBe(0);
    const about = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY id`, [res.educatorPseudonym]);
    expect(about.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['CANDIDATE_EVIDENCE_READ', 'PERSONAL_DATA_EXPORTED', 'EDUCATOR_LEAVING_RECORDED', 'PERSON_ERASED']),
    );
    const byHim = await t.ds.query(`SELECT action, actor_email FROM audit_entry WHERE actor_account_id = $1::uuid ORDER BY id`, [
      (await t.ds.query(`SELECT actor_account_id FROM audit_entry WHERE action = 'DISPUTE_FILED'`))[0].actor_account_id,
    ]);
    expect(byHim.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['APPLICATION_SUBMITTED', 'VERIFICATION_REQUESTED', 'DISPUTE_FILED']),
    );
    expect(byHim.every((a: { actor_email: string | null }) => a.actor_email === null)).toBe(true);
    const [erased] = await t.ds.query(
      `SELECT actor_account_id, persona, target_type, changes FROM audit_entry WHERE action = 'PERSON_ERASED'`,
    );
    expect(erased).toMatchObject({ persona: 'HR', target_type: 'Educator' });
    expect(JSON.stringify(erased.changes)).not.toContain(w.al.educatorId);
    // a dispute decision's codes survive; its words do not
    const [filed] = await t.ds.query(
      `SELECT changes FROM audit_entry WHERE action = 'APPLICATION_STATUS_CHANGED' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
      [alApp],
    );
    expect(JSON.stringify(filed.changes)).toContain('REJECTED');

    // no message left anywhere names him
    expect(
      (
        await t.ds.query(
          `SELECT count(*)::int AS n FROM notification WHERE body ILIKE '%Al Novak%' OR subject ILIKE '%Al Novak%' OR educator_id = $1`,
          [w.al.educatorId],
        )
      )[0].n,
    ).toBe(0);

    // the bystander is untouched, the audit log still refuses deletion and plain updates
    expect(await t.ds.query('SELECT id, title FROM evidence WHERE educator_id = $1 ORDER BY id', [w.bea.educatorId])).toEqual(beaBefore);
    await expect(t.ds.query('DELETE FROM audit_entry WHERE id = (SELECT min(id) FROM audit_entry)')).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`UPDATE audit_entry SET changes = '{}' WHERE id = (SELECT min(id) FROM audit_entry)`)).rejects.toThrow(
      /append-only/,
    );
    // the erased person can no longer sign in, nor be exported
    expect(codeOf(await t.gql(MY_EXPORT, {}, w.al.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(HR_EXPORT, { id: w.al.educatorId }, w.hr))).toBe('NOT_FOUND');
  });

  it('erasing again answers the first erasure and writes nothing', async () => {
    const before = await audits();
    const [ed] = await t.ds.query('SELECT version, erased_at FROM educator WHERE id = $1', [w.al.educatorId]);
    const again = ok(await t.gql(ERASE, { i: { id: w.al.educatorId, version: ed.version } }, w.hr)).eraseEducator;
    expect(again).toMatchObject({ alreadyErased: true, rows: [] });
    expect(new Date(again.erasedAt).getTime()).toBe(new Date(ed.erased_at).getTime());
    const [first] = await t.ds.query(`SELECT target_id FROM audit_entry WHERE action = 'PERSON_ERASED'`);
    expect(again.educatorPseudonym).toBe(first.target_id);
    expect(await audits()).toBe(before);
    expect((await t.ds.query('SELECT version FROM educator WHERE id = $1', [w.al.educatorId]))[0].version).toBe(ed.version);
  });
});

describe('erasure of a person with no account and nothing but a profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is allowed on the leaving day with the default retention of 0 days', async () => {
    const hr = (await t.signInAs([Persona.HR])).token;
    const b = await insertBuilding(t.ds, 'Solo School');
    const solo = await insertEducator(t.ds, { buildingId: b, name: 'Solo Person', hireDate: '2020-01-01' });
    await t.ds.query('UPDATE educator SET leaving_date = $2 WHERE id = $1', [solo, daysFromNow(0)]);
    const [{ id, version }] = await t.ds.query('SELECT id, version FROM educator WHERE id = $1', [solo]);
    // two HR members at the same moment: one erases, the other is told it is done; one PERSON_ERASED entry
    const both = await Promise.all([1, 2].map(() => t.gql(ERASE, { i: { id, version } }, hr)));
    expect(both.map((r) => ok(r).eraseEducator.alreadyErased).sort()).toEqual([false, true]);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'PERSON_ERASED'`))[0].n).toBe(1);
    expect((await t.ds.query('SELECT full_name FROM educator WHERE id = $1', [id]))[0].full_name).toBe('Erased person');
  });

  it('is one transaction: a failure at the last step leaves evidence, profile and the audit log as they were', async () => {
    const hr = (await t.signInAs([Persona.HR])).token;
    const b = await insertBuilding(t.ds, 'Rollback School');
    const who = await insertEducator(t.ds, { buildingId: b, name: 'Rita Rollback', hireDate: '2019-01-01' });
    const [{ id: comp }] = await t.ds.query(`SELECT id FROM competency ORDER BY code LIMIT 1`);
    await insertEvidence(t.ds, {
      educatorId: who,
      kind: 'ARTIFACT',
      title: 'Rita rubric',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: comp, level: 1 }],
    });
    const [{ version: v0 }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [who]);
    ok(await t.gql(LEAVE, { i: { id: who, version: v0, leavingDate: daysFromNow(-1) } }, hr));
    const state = async () => ({
      educator: (await t.ds.query('SELECT full_name, erased_at, version FROM educator WHERE id = $1', [who]))[0],
      evidence: await t.ds.query('SELECT title FROM evidence WHERE educator_id = $1', [who]),
      audit: await t.ds.query('SELECT id, target_id, changes FROM audit_entry ORDER BY id'),
    });
    const before = await state();
    // the last statement of an erasure (the educator row) fails
    await t.ds.query(`CREATE FUNCTION fail_erasure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.erased_at IS NOT NULL THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`);
    await t.ds.query(`CREATE TRIGGER fail_erasure BEFORE UPDATE ON educator FOR EACH ROW EXECUTE FUNCTION fail_erasure()`);
    try {
      const failed = await t.gql(ERASE, { i: { id: who, version: before.educator.version } }, hr);
      expect(codeOf(failed)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.ds.query('DROP TRIGGER fail_erasure ON educator');
      await t.ds.query('DROP FUNCTION fail_erasure()');
    }
    expect(await state()).toEqual(before);
    expect(ok(await t.gql(ERASE, { i: { id: who, version: before.educator.version } }, hr)).eraseEducator.alreadyErased).toBe(false);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM evidence WHERE educator_id = $1', [who]))[0].n).toBe(0);
  });
});
