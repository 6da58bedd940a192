import { Persona } from '../../src/access/persona.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { insertEducator, insertEvidence } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const DISPUTE =
  'id educatorId educatorName kind subjectId subjectLabel contextJson statement status outcome resolvedAt resolvedBy filedAt version';
const FILE = `mutation($i: FileDisputeInput!) { fileDispute(input: $i) { ${DISPUTE} } }`;
const RESOLVE = `mutation($i: ResolveDisputeInput!) { resolveDispute(input: $i) { ${DISPUTE} } }`;
const MINE = `{ myDisputes { ${DISPUTE} } }`;
const ONE = `query($id: ID!) { dispute(id: $id) { ${DISPUTE} } }`;
const QUEUE = `query($s: DisputeStatus, $k: DisputeKind, $first: Int) { disputes(status: $s, kind: $k, first: $first) {
  totalCount pageInfo { hasNextPage } countsByStatus { value count } countsByKind { value count } nodes { id kind status educatorName subjectLabel } } }`;
const REQUEST = `mutation($i: RequestVerificationInput!) { requestVerification(input: $i) { id version } }`;
const DECIDE = `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { id status version } }`;

const reasonOf = (res: GqlResponse): string | undefined => res.errors?.[0]?.extensions?.reason as string | undefined;

describe('disputes: an educator disputes a decision, HR resolves it with a written outcome the educator reads', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  let alApp: string;
  let beaApp: string;
  let alRequest: string;
  let beaRequest: string;
  let alCourse: string;

  const disputeRows = () => t.ds.query('SELECT kind, subject_id, status, outcome FROM dispute ORDER BY created_at, id');
  const audits = async () => (await t.ds.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    roleId = await postOpenRole(t, w);
    alApp = ok(await t.gql(Q.apply, { input: { roleId, statement: 'Forty hours of workshops' } }, w.al.token)).applyToRole.id;
    beaApp = ok(await t.gql(Q.apply, { input: { roleId } }, w.bea.token)).applyToRole.id;
    ok(
      await t.gql(
        Q.move,
        { input: { applicationId: alApp, to: 'REJECTED', reason: 'Workshop hours alone do not meet the requirements' } },
        w.hr,
      ),
    );

    alCourse = await insertEvidence(t.ds, {
      educatorId: w.al.educatorId,
      kind: 'COURSE',
      title: 'AI bias workshop',
      hours: 6,
      status: 'SELF_REPORTED',
      claims: [{ competencyId: w.comps['AI-TOOL-EVAL'], level: 1 }],
    });
    const beaItem = await insertEvidence(t.ds, {
      educatorId: w.bea.educatorId,
      kind: 'ARTIFACT',
      title: 'Feedback rubric',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: w.comps['PL-DESIGN'], level: 2 }],
    });
    const alReq = ok(
      await t.gql(REQUEST, { i: { evidenceId: alCourse, note: 'Certificate of attendance attached' } }, w.al.token),
    ).requestVerification;
    alRequest = alReq.id;
    ok(
      await t.gql(
        DECIDE,
        { i: { id: alReq.id, version: alReq.version, decision: 'REJECTED', reason: 'No attendance record from the provider' } },
        w.hr,
      ),
    );
    beaRequest = ok(await t.gql(REQUEST, { i: { evidenceId: beaItem } }, w.bea.token)).requestVerification.id;
  });
  afterAll(() => t.close());

  it("refuses what is not the educator's to dispute, or not decided yet, and writes nothing", async () => {
    const before = await audits();
    const statement = 'I disagree';
    // someone else's subjects answer exactly like missing ones
    expect(codeOf(await t.gql(FILE, { i: { kind: 'APPLICATION_DECISION', subjectId: beaApp, statement } }, w.al.token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(FILE, { i: { kind: 'VERIFICATION_DECISION', subjectId: beaRequest, statement } }, w.al.token))).toBe(
      'NOT_FOUND',
    );
    const [{ id: beaEvidence }] = await t.ds.query('SELECT id FROM evidence WHERE educator_id = $1 LIMIT 1', [w.bea.educatorId]);
    expect(codeOf(await t.gql(FILE, { i: { kind: 'EVIDENCE_STATUS', subjectId: beaEvidence, statement } }, w.al.token))).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.gql(
          FILE,
          { i: { kind: 'APPLICATION_DECISION', subjectId: '00000000-0000-4000-8000-000000000000', statement } },
          w.al.token,
        ),
      ),
    ).toBe('NOT_FOUND');
    // a role that is not open and was never applied to
    const [{ id: draft }] = await t.ds.query(
      `INSERT INTO hybrid_role (title, building_id, classroom_fte, role_fte, openings, closing_date, status, version)
      VALUES ('Draft role', $1, 0.5, 0.5, 1, $2, 'DRAFT', 1) RETURNING id`,
      [w.north, daysFromNow(20)],
    );
    expect(codeOf(await t.gql(FILE, { i: { kind: 'EXPLANATION', subjectId: draft, statement } }, w.al.token))).toBe('NOT_FOUND');
    // nothing decided yet
    const pending = await t.gql(FILE, { i: { kind: 'VERIFICATION_DECISION', subjectId: beaRequest, statement } }, w.bea.token);
    expect([codeOf(pending), reasonOf(pending)]).toEqual(['BAD_USER_INPUT', 'NOTHING_TO_DISPUTE']);
    const inProgress = await t.gql(FILE, { i: { kind: 'APPLICATION_DECISION', subjectId: beaApp, statement } }, w.bea.token);
    expect([codeOf(inProgress), reasonOf(inProgress)]).toEqual(['BAD_USER_INPUT', 'NOTHING_TO_DISPUTE']);
    // empty statement, malformed id, wrong persona
    expect(codeOf(await t.gql(FILE, { i: { kind: 'APPLICATION_DECISION', subjectId: alApp, statement: '   ' } }, w.al.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(FILE, { i: { kind: 'APPLICATION_DECISION', subjectId: 'nope', statement } }, w.al.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(FILE, { i: { kind: 'APPLICATION_DECISION', subjectId: alApp, statement } }, w.hr))).toBe('FORBIDDEN');
    expect(await disputeRows()).toEqual([]);
    expect(await audits()).toBe(before);
  });

  it('files disputes of a rejection, a verification decision and an explanation, each with the decision as it stood; a second open one is CONFLICT', async () => {
    const app = ok(
      await t.gql(
        FILE,
        { i: { kind: 'APPLICATION_DECISION', subjectId: alApp, statement: 'My workshops covered every requirement' } },
        w.al.token,
      ),
    ).fileDispute;
    expect(app).toMatchObject({
      educatorId: w.al.educatorId,
      educatorName: 'Al Novak',
      kind: 'APPLICATION_DECISION',
      status: 'OPEN',
      outcome: null,
      version: 1,
    });
    expect(app.subjectLabel).toBe('Application to "Innovation coach": REJECTED');
    expect(JSON.parse(app.contextJson)).toMatchObject({
      status: 'REJECTED',
      reason: 'Workshop hours alone do not meet the requirements',
      roleId,
    });

    const ver = ok(
      await t.gql(
        FILE,
        { i: { kind: 'VERIFICATION_DECISION', subjectId: alRequest, statement: 'The provider sent the record last week' } },
        w.al.token,
      ),
    ).fileDispute;
    expect(JSON.parse(ver.contextJson)).toMatchObject({
      decision: 'REJECTED',
      reason: 'No attendance record from the provider',
      evidenceId: alCourse,
    });

    const exp = ok(
      await t.gql(FILE, { i: { kind: 'EXPLANATION', subjectId: roleId, statement: 'My hours should count for more' } }, w.al.token),
    ).fileDispute;
    expect(JSON.parse(exp.contextJson)).toMatchObject({
      roleTitle: 'Innovation coach',
      qualified: false,
      policyVersion: expect.any(Number),
      score: expect.any(Number),
    });

    const before = await audits();
    const dup = await t.gql(FILE, { i: { kind: 'APPLICATION_DECISION', subjectId: alApp, statement: 'Again' } }, w.al.token);
    expect([codeOf(dup), reasonOf(dup)]).toEqual(['CONFLICT', 'DUPLICATE_DISPUTE']);
    // two at the same moment: one wins, the other is CONFLICT
    const race = await Promise.all(
      [1, 2].map(() => t.gql(FILE, { i: { kind: 'EVIDENCE_STATUS', subjectId: alCourse, statement: 'Same item' } }, w.al.token)),
    );
    expect(race.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(await audits()).toBe(before + 1);
    expect((await disputeRows()).map((r: { kind: string }) => r.kind)).toEqual([
      'APPLICATION_DECISION',
      'VERIFICATION_DECISION',
      'EXPLANATION',
      'EVIDENCE_STATUS',
    ]);
    const filed = await t.ds.query(
      `SELECT actor_account_id, persona, target_type, changes FROM audit_entry WHERE action = 'DISPUTE_FILED' ORDER BY id`,
    );
    expect(filed).toHaveLength(4);
    expect(filed[0]).toMatchObject({
      actor_account_id: w.al.accountId,
      persona: 'EDUCATOR',
      target_type: 'Dispute',
      changes: { educatorId: w.al.educatorId, kind: 'APPLICATION_DECISION', subjectId: alApp },
    });
  });

  it('HR sees a queue oldest first, filtered by status and kind, with counts; educators cannot', async () => {
    await t.ds.query(`UPDATE dispute SET created_at = now() - interval '3 days' WHERE kind = 'EXPLANATION'`);
    const all = ok(await t.gql(QUEUE, {}, w.hr)).disputes;
    expect(all.totalCount).toBe(4);
    expect(all.nodes.map((n: { kind: string }) => n.kind)).toEqual([
      'EXPLANATION',
      'APPLICATION_DECISION',
      'VERIFICATION_DECISION',
      'EVIDENCE_STATUS',
    ]);
    expect(all.countsByStatus).toEqual([{ value: 'OPEN', count: 4 }]);
    expect(all.countsByKind).toEqual([
      { value: 'APPLICATION_DECISION', count: 1 },
      { value: 'EVIDENCE_STATUS', count: 1 },
      { value: 'EXPLANATION', count: 1 },
      { value: 'VERIFICATION_DECISION', count: 1 },
    ]);
    const page = ok(await t.gql(QUEUE, { first: 2 }, w.hr)).disputes;
    expect([page.nodes.length, page.pageInfo.hasNextPage]).toEqual([2, true]);
    const onlyVer = ok(await t.gql(QUEUE, { k: 'VERIFICATION_DECISION' }, w.hr)).disputes;
    expect(onlyVer.nodes.map((n: { kind: string }) => n.kind)).toEqual(['VERIFICATION_DECISION']);
    expect(onlyVer.countsByKind).toHaveLength(4); // counts by kind ignore the kind filter
    expect(ok(await t.gql(QUEUE, { s: 'UPHELD' }, w.hr)).disputes.totalCount).toBe(0);
    expect(codeOf(await t.gql(QUEUE, {}, w.al.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(QUEUE, { first: 1000 }, w.hr))).toBe('BAD_USER_INPUT');
  });

  it("HR resolves with a written outcome; stale versions, empty outcomes, second resolutions and one's own dispute are refused and write nothing", async () => {
    const [app] = await t.ds.query(`SELECT id, version FROM dispute WHERE kind = 'APPLICATION_DECISION'`);
    const before = await audits();
    const stale = await t.gql(RESOLVE, { i: { id: app.id, version: app.version + 1, outcome: 'UPHELD', response: 'ok' } }, w.hr);
    expect([codeOf(stale), reasonOf(stale)]).toEqual(['CONFLICT', 'STALE_VERSION']);
    expect(codeOf(await t.gql(RESOLVE, { i: { id: app.id, version: app.version, outcome: 'UPHELD', response: '  ' } }, w.hr))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(RESOLVE, { i: { id: app.id, version: app.version, outcome: 'OPEN', response: 'x' } }, w.hr))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      codeOf(
        await t.gql(RESOLVE, { i: { id: '00000000-0000-4000-8000-000000000000', version: 1, outcome: 'UPHELD', response: 'x' } }, w.hr),
      ),
    ).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RESOLVE, { i: { id: app.id, version: app.version, outcome: 'UPHELD', response: 'x' } }, w.al.token))).toBe(
      'FORBIDDEN',
    );
    // an HR member who is also an educator cannot resolve their own dispute
    const hal = await insertEducator(t.ds, { buildingId: w.north, name: 'Hal Ortiz' });
    const halItem = await insertEvidence(t.ds, {
      educatorId: hal,
      kind: 'ARTIFACT',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: w.comps['PL-DESIGN'], level: 2 }],
    });
    const halToken = (await t.signInAs([Persona.HR, Persona.EDUCATOR], { educatorId: hal })).token;
    const own = ok(await t.gql(FILE, { i: { kind: 'EVIDENCE_STATUS', subjectId: halItem, statement: 'Mine' } }, halToken)).fileDispute;
    const afterOwn = await audits();
    expect(
      codeOf(await t.gql(RESOLVE, { i: { id: own.id, version: own.version, outcome: 'UPHELD', response: 'granted' } }, halToken)),
    ).toBe('FORBIDDEN');
    expect(await audits()).toBe(afterOwn);
    expect(afterOwn).toBe(before + 1);
    expect((await t.ds.query('SELECT status, outcome, version FROM dispute WHERE id = $1', [app.id]))[0]).toEqual({
      status: 'OPEN',
      outcome: null,
      version: app.version,
    });

    const resolved = ok(
      await t.gql(
        RESOLVE,
        {
          i: {
            id: app.id,
            version: app.version,
            outcome: 'UPHELD',
            response: 'Agreed: your application returns to screening and the panel will look again',
          },
        },
        w.hr,
      ),
    ).resolveDispute;
    expect(resolved).toMatchObject({
      status: 'UPHELD',
      outcome: 'Agreed: your application returns to screening and the panel will look again',
      version: app.version + 1,
    });
    expect(resolved.resolvedBy).toMatch(/@/);
    expect(resolved.resolvedAt).not.toBeNull();
    const [told] = await t.ds.query(`SELECT educator_id, subject, body FROM notification WHERE kind = 'DISPUTE_UPDATE'`);
    expect(told.educator_id).toBe(w.al.educatorId);
    expect(told.body).toContain('Agreed: your application returns to screening');
    const again = await t.gql(
      RESOLVE,
      { i: { id: app.id, version: resolved.version, outcome: 'DISMISSED', response: 'changed my mind' } },
      w.hr,
    );
    expect([codeOf(again), reasonOf(again)]).toEqual(['BAD_USER_INPUT', 'ALREADY_RESOLVED']);

    const [ver] = await t.ds.query(`SELECT id, version FROM dispute WHERE kind = 'VERIFICATION_DECISION'`);
    ok(
      await t.gql(
        RESOLVE,
        { i: { id: ver.id, version: ver.version, outcome: 'DISMISSED', response: 'The provider confirmed no attendance on those dates' } },
        w.hr,
      ),
    );

    const trail = await t.ds.query(`SELECT target_id, changes FROM audit_entry WHERE action = 'DISPUTE_RESOLVED' ORDER BY id`);
    expect(trail).toEqual([
      { target_id: app.id, changes: expect.objectContaining({ educatorId: w.al.educatorId, status: { from: 'OPEN', to: 'UPHELD' } }) },
      { target_id: ver.id, changes: expect.objectContaining({ status: { from: 'OPEN', to: 'DISMISSED' } }) },
    ]);
  });

  it("the educator reads their own disputes and outcomes; anyone else's is NOT_FOUND; a resolved subject can be disputed again", async () => {
    const mine = ok(await t.gql(MINE, {}, w.al.token)).myDisputes;
    expect(mine.map((d: { kind: string; status: string }) => `${d.kind}:${d.status}`)).toEqual([
      'EXPLANATION:OPEN',
      'APPLICATION_DECISION:UPHELD',
      'VERIFICATION_DECISION:DISMISSED',
      'EVIDENCE_STATUS:OPEN',
    ]);
    expect(mine.find((d: { status: string }) => d.status === 'DISMISSED').outcome).toBe(
      'The provider confirmed no attendance on those dates',
    );
    expect(ok(await t.gql(MINE, {}, w.bea.token)).myDisputes).toEqual([]);
    const one = mine[1];
    expect(ok(await t.gql(ONE, { id: one.id }, w.al.token)).dispute.status).toBe('UPHELD');
    expect(ok(await t.gql(ONE, { id: one.id }, w.hr)).dispute.educatorName).toBe('Al Novak');
    expect(codeOf(await t.gql(ONE, { id: one.id }, w.bea.token))).toBe('NOT_FOUND');
    const renewed = ok(
      await t.gql(
        FILE,
        { i: { kind: 'VERIFICATION_DECISION', subjectId: alRequest, statement: 'New evidence from the provider' } },
        w.al.token,
      ),
    ).fileDispute;
    expect(renewed.status).toBe('OPEN');
  });
});
