import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';

const C = 'id educatorId roleId roleTitle roleFte startsOn endsOn source version';
const RECORD = `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { ${C} } }`;
const UPDATE = `mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { ${C} } }`;
const END = `mutation($input: EndCommitmentInput!) { endCommitment(input: $input) { ${C} } }`;
const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) { nodes { educatorId overextended commitmentsFte } } }`;

/** Commitments made outside Pathways: recorded, corrected and ended early by HR; rankings follow at once. */
describe('hybrid commitments made outside Pathways', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    roleId = await postOpenRole(t, w);
  });
  afterAll(() => t.close());

  const rows = async () =>
    t.ds.query('SELECT id, role_title, role_fte, starts_on::text, ends_on::text, source, version FROM hybrid_commitment ORDER BY id');
  const beaInRanking = async () =>
    ok(await t.gql(RANKING, { roleId }, w.hr)).roleRanking.nodes.find((n: { educatorId: string }) => n.educatorId === w.bea.educatorId);

  it('records one that began before Pathways only when HR says backdated, and the ranking flags overextension at once', async () => {
    expect(await beaInRanking()).toMatchObject({ overextended: false, commitmentsFte: 0 });
    const input = { educatorId: w.bea.educatorId, roleTitle: 'Building AI lead', roleFte: 0.4, startsOn: daysFromNow(-90) };
    const before = await rows();
    const refused = await t.gql(RECORD, { input }, w.hr);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/backdated: true/);
    expect(await rows()).toEqual(before);

    const c = ok(await t.gql(RECORD, { input: { ...input, backdated: true } }, w.hr)).recordCommitment;
    expect(c).toMatchObject({ roleId: null, roleTitle: 'Building AI lead', roleFte: 0.4, source: 'EXTERNAL', endsOn: null, version: 1 });
    expect(await beaInRanking()).toMatchObject({ overextended: true, commitmentsFte: 0.4 });
    const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'COMMITMENT_RECORDED' AND target_id = $1`, [c.id]);
    expect(audit.changes).toMatchObject({ backdated: true, after: { roleTitle: 'Building AI lead', roleFte: 0.4 } });
  });

  it('corrects the FTE, refuses a stale version, and ends early: the ranking follows each change', async () => {
    const [c] = ok(
      await t.gql(`query($id: ID!) { educatorCommitments(educatorId: $id) { ${C} } }`, { id: w.bea.educatorId }, w.hr),
    ).educatorCommitments;
    const lowered = ok(await t.gql(UPDATE, { input: { id: c.id, version: c.version, roleFte: 0.2 } }, w.hr)).updateCommitment;
    expect(lowered).toMatchObject({ roleFte: 0.2, version: 2 });
    expect(await beaInRanking()).toMatchObject({ overextended: false, commitmentsFte: 0.2 });

    const before = await rows();
    expect(codeOf(await t.gql(UPDATE, { input: { id: c.id, version: c.version, roleFte: 0.5 } }, w.hr))).toBe('CONFLICT');
    expect(codeOf(await t.gql(END, { input: { id: c.id, version: 2, endsOn: daysFromNow(-91) } }, w.hr))).toBe('BAD_USER_INPUT');
    expect(await rows()).toEqual(before);

    const ended = ok(await t.gql(END, { input: { id: c.id, version: 2, endsOn: daysFromNow(-1) } }, w.hr)).endCommitment;
    expect(ended).toMatchObject({ endsOn: daysFromNow(-1), version: 3 });
    expect(await beaInRanking()).toMatchObject({ overextended: false, commitmentsFte: 0 });
    expect(codeOf(await t.gql(END, { input: { id: c.id, version: 3, endsOn: daysFromNow(5) } }, w.hr))).toBe('BAD_USER_INPUT');
  });

  it('the overextension report follows at once: listed from the recording, with the role, and gone once ended', async () => {
    const OVER = `{ capacityOverextension { overextendedCount educators { educatorId totalRoleFte commitments { roleId roleTitle roleFte } } } }`;
    const report = async () => ok(await t.gql(OVER, {}, w.hr)).capacityOverextension;
    const cyIn = async () => (await report()).educators.find((e: { educatorId: string }) => e.educatorId === w.cy.educatorId);
    expect(await cyIn()).toBeUndefined();
    const c = ok(
      await t.gql(
        RECORD,
        { input: { educatorId: w.cy.educatorId, roleTitle: 'District data ethics lead', roleFte: 0.5, startsOn: daysFromNow(0) } },
        w.hr,
      ),
    ).recordCommitment;
    expect(await cyIn()).toEqual({
      educatorId: w.cy.educatorId,
      totalRoleFte: 0.5,
      commitments: [{ roleId: null, roleTitle: 'District data ethics lead', roleFte: 0.5 }],
    });
    ok(await t.gql(END, { input: { id: c.id, version: c.version, endsOn: daysFromNow(0) } }, w.hr));
    expect(await cyIn()).toBeDefined(); // the last day still counts
    const again = ok(await t.gql(`query($id: ID!) { educatorCommitments(educatorId: $id) { ${C} } }`, { id: w.cy.educatorId }, w.hr))
      .educatorCommitments[0];
    ok(await t.gql(UPDATE, { input: { id: c.id, version: again.version, roleFte: 0.1 } }, w.hr));
    expect(await cyIn()).toBeUndefined();
  });

  it('refuses bad input with nothing changed: unknown educator, FTE out of range, end before start', async () => {
    const before = await rows();
    const base = { educatorId: w.cy.educatorId, roleTitle: 'Coach', roleFte: 0.2, startsOn: daysFromNow(10) };
    expect(codeOf(await t.gql(RECORD, { input: { ...base, educatorId: '00000000-0000-4000-8000-000000000000' } }, w.hr))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RECORD, { input: { ...base, roleFte: 1.5 } }, w.hr))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RECORD, { input: { ...base, endsOn: daysFromNow(5) } }, w.hr))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RECORD, { input: base }, w.panel[0].token))).toBe('FORBIDDEN');
    expect(await rows()).toEqual(before);
  });

  it('offers refuse a start date in the past', async () => {
    const appId = ok(await t.gql(Q.apply, { input: { roleId } }, w.cy.token)).applyToRole.id;
    for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW'])
      ok(await t.gql(Q.move, { input: { applicationId: appId, to, reason: 'ok' } }, w.hr));
    const res = await t.gql(
      Q.makeOffer,
      { input: { applicationId: appId, startsOn: daysFromNow(-1), overrideReason: 'Only applicant so far' } },
      w.hr,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/in the past/);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM offer'))[0].n).toBe(0);
  });
});
