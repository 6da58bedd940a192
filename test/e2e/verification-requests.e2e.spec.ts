import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';

const REQUEST = `mutation($i: RequestVerificationInput!) { requestVerification(input: $i) { id evidenceId status note links version evidenceStatus } }`;
const DECIDE = `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { id status decisionReason decidedBy evidenceStatus version } }`;
const QUEUE = `query($b: ID, $k: EvidenceKind, $c: ID, $age: Int) { verificationQueue(buildingId: $b, kind: $k, competencyId: $c, minAgeDays: $age, first: 10) {
  totalCount countsByKind { kind count } nodes { id evidenceId evidenceTitle evidenceKind ageDays note links } } }`;
const MINE = `{ myVerificationRequests { id evidenceId status decisionReason decidedBy } }`;

describe('verification requests: the educator asks, HR works a queue and decides with a reason', () => {
  let t: TestApp;
  let hr: { token: string };
  let comps: Record<string, string>;
  let north: string;
  let south: string;
  let ana: string;
  let ben: string;
  let anaToken: string;
  let benToken: string;
  let anaArtifact: string;
  let anaCourse: string;
  let benPilot: string;

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.signInAs([Persona.HR]);
    comps = await competencyIds(t.ds, ['AI-TOOL-EVAL', 'AI-BIAS']);
    north = await insertBuilding(t.ds, 'North High');
    south = await insertBuilding(t.ds, 'South Middle');
    ana = await insertEducator(t.ds, { buildingId: north, name: 'Ana Reyes' });
    ben = await insertEducator(t.ds, { buildingId: south, name: 'Ben Park' });
    anaArtifact = await insertEvidence(t.ds, {
      educatorId: ana,
      kind: 'ARTIFACT',
      title: 'Tool rubric',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 3 }],
    });
    anaCourse = await insertEvidence(t.ds, {
      educatorId: ana,
      kind: 'COURSE',
      title: 'Bias workshop',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: comps['AI-BIAS'], level: 1 }],
    });
    benPilot = await insertEvidence(t.ds, {
      educatorId: ben,
      kind: 'PILOT',
      pilotPart: 'LEAD',
      title: 'Bias pilot',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: comps['AI-BIAS'], level: 3 }],
    });
    anaToken = (await t.signInAs([Persona.EDUCATOR], { educatorId: ana })).token;
    benToken = (await t.signInAs([Persona.EDUCATOR], { educatorId: ben })).token;
  });
  afterAll(() => t.close());

  const rows = () => t.ds.query('SELECT evidence_id, status, decision_reason FROM verification_request ORDER BY requested_at, id');
  const audits = async () => (await t.ds.query('SELECT count(*)::int AS n FROM audit_entry'))[0].n;

  it('refuses bad requests and leaves nothing written', async () => {
    const before = await audits();
    expect(codeOf(await t.gql(REQUEST, { i: { evidenceId: benPilot } }, anaToken))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REQUEST, { i: { evidenceId: '00000000-0000-4000-8000-000000000000' } }, anaToken))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REQUEST, { i: { evidenceId: anaArtifact, links: ['javascript:alert(1)'] } }, anaToken))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(REQUEST, { i: { evidenceId: 'nope' } }, anaToken))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(REQUEST, { i: { evidenceId: anaArtifact } }, hr.token))).toBe('FORBIDDEN');
    expect(await rows()).toEqual([]);
    expect(await audits()).toBe(before);
  });

  it('queues requests oldest first with filters and counts; a second request for the same item is CONFLICT', async () => {
    const first = (
      await t.gql(
        REQUEST,
        { i: { evidenceId: anaArtifact, note: 'Used in three classrooms', links: ['https://drive.example/rubric'] } },
        anaToken,
      )
    ).data.requestVerification;
    expect(first).toMatchObject({
      evidenceId: anaArtifact,
      status: 'PENDING',
      note: 'Used in three classrooms',
      links: ['https://drive.example/rubric'],
      evidenceStatus: 'SELF_REPORTED',
    });
    expect(codeOf(await t.gql(REQUEST, { i: { evidenceId: anaArtifact } }, anaToken))).toBe('CONFLICT');
    await t.gql(REQUEST, { i: { evidenceId: anaCourse } }, anaToken);
    await t.gql(REQUEST, { i: { evidenceId: benPilot } }, benToken);
    await t.ds.query(`UPDATE verification_request SET requested_at = now() - interval '10 days' WHERE evidence_id = $1`, [benPilot]);

    const all = (await t.gql(QUEUE, {}, hr.token)).data.verificationQueue;
    expect(all.totalCount).toBe(3);
    expect(all.nodes.map((n: { evidenceId: string }) => n.evidenceId)).toEqual([benPilot, anaArtifact, anaCourse]);
    expect(all.nodes[0].ageDays).toBe(10);
    expect(all.countsByKind).toEqual([
      { kind: 'ARTIFACT', count: 1 },
      { kind: 'COURSE', count: 1 },
      { kind: 'PILOT', count: 1 },
    ]);
    const q = async (vars: Record<string, unknown>) =>
      (await t.gql(QUEUE, vars, hr.token)).data.verificationQueue.nodes.map((n: { evidenceId: string }) => n.evidenceId);
    expect(await q({ b: north })).toEqual([anaArtifact, anaCourse]);
    expect(await q({ k: 'PILOT' })).toEqual([benPilot]);
    expect(await q({ c: comps['AI-BIAS'] })).toEqual([benPilot, anaCourse]);
    expect(await q({ age: 7 })).toEqual([benPilot]);
    expect(codeOf(await t.gql(QUEUE, {}, anaToken))).toBe('FORBIDDEN');
  });

  it('HR decides with a reason; the educator reads it; verified evidence then counts for qualification', async () => {
    const [artifactReq] = await t.ds.query('SELECT id, version FROM verification_request WHERE evidence_id = $1', [anaArtifact]);
    const [courseReq] = await t.ds.query('SELECT id, version FROM verification_request WHERE evidence_id = $1', [anaCourse]);
    const before = await audits();
    expect(
      codeOf(
        await t.gql(DECIDE, { i: { id: artifactReq.id, version: artifactReq.version + 1, decision: 'VERIFIED', reason: 'ok' } }, hr.token),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await t.gql(DECIDE, { i: { id: artifactReq.id, version: artifactReq.version, decision: 'VERIFIED', reason: '   ' } }, hr.token),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await t.gql(DECIDE, { i: { id: artifactReq.id, version: artifactReq.version, decision: 'PENDING', reason: 'x' } }, hr.token)),
    ).toBe('BAD_USER_INPUT');
    // HR staff who are educators themselves cannot decide on their own evidence.
    const hal = await insertEducator(t.ds, { buildingId: north, name: 'Hal Ortiz' });
    const halItem = await insertEvidence(t.ds, {
      educatorId: hal,
      kind: 'ARTIFACT',
      status: 'SELF_REPORTED',
      claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
    });
    const halToken = (await t.signInAs([Persona.HR, Persona.EDUCATOR], { educatorId: hal })).token;
    const halReq = (await t.gql(REQUEST, { i: { evidenceId: halItem } }, halToken)).data.requestVerification;
    const beforeOwn = await audits();
    expect(
      codeOf(await t.gql(DECIDE, { i: { id: halReq.id, version: halReq.version, decision: 'VERIFIED', reason: 'mine' } }, halToken)),
    ).toBe('FORBIDDEN');
    expect(await audits()).toBe(beforeOwn);
    expect((await t.ds.query('SELECT status FROM verification_request WHERE id = $1', [halReq.id]))[0].status).toBe('PENDING');
    expect(await audits()).toBe(before + 1);
    expect((await t.ds.query('SELECT verification_status FROM evidence WHERE id = $1', [anaArtifact]))[0].verification_status).toBe(
      'SELF_REPORTED',
    );

    const verified = (
      await t.gql(
        DECIDE,
        { i: { id: artifactReq.id, version: artifactReq.version, decision: 'VERIFIED', reason: 'Rubric seen in use at North High' } },
        hr.token,
      )
    ).data.decideVerification;
    expect(verified).toMatchObject({ status: 'VERIFIED', decisionReason: 'Rubric seen in use at North High', evidenceStatus: 'VERIFIED' });
    const rejected = (
      await t.gql(
        DECIDE,
        { i: { id: courseReq.id, version: courseReq.version, decision: 'REJECTED', reason: 'No attendance record from the provider' } },
        hr.token,
      )
    ).data.decideVerification;
    expect(rejected).toMatchObject({ status: 'REJECTED', evidenceStatus: 'SELF_REPORTED' });
    expect(
      codeOf(
        await t.gql(DECIDE, { i: { id: courseReq.id, version: rejected.version, decision: 'VERIFIED', reason: 'changed mind' } }, hr.token),
      ),
    ).toBe('BAD_USER_INPUT');

    const mine = (await t.gql(MINE, {}, anaToken)).data.myVerificationRequests;
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ evidenceId: anaArtifact, status: 'VERIFIED', decisionReason: 'Rubric seen in use at North High' }),
        expect.objectContaining({ evidenceId: anaCourse, status: 'REJECTED', decisionReason: 'No attendance record from the provider' }),
      ]),
    );
    expect((await t.gql(MINE, {}, benToken)).data.myVerificationRequests.map((r: { evidenceId: string }) => r.evidenceId)).toEqual([
      benPilot,
    ]);
    expect((await t.gql(QUEUE, {}, hr.token)).data.verificationQueue.totalCount).toBe(2); // Ben's and Hal's
    const trail = await t.ds.query(
      `SELECT action FROM audit_entry WHERE action IN ('VERIFICATION_DECIDED', 'EVIDENCE_VERIFIED') ORDER BY id`,
    );
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['EVIDENCE_VERIFIED', 'VERIFICATION_DECIDED', 'VERIFICATION_DECIDED']);

    const roleId = await insertRole(t.ds, { requirements: [{ competencyId: comps['AI-TOOL-EVAL'], minLevel: 3 }] });
    const explained = await t.gql(
      `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { qualified } }`,
      { r: roleId, e: ana },
      anaToken,
    );
    expect(explained.data.explainCandidate.qualified).toBe(true);
  });
});
