import { Persona } from '../../src/access/persona.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { LeaverSweepService } from '../../src/leavers/leaver-sweep.service.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { insertBuilding, insertEducator } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const LEAVE = `mutation($input: RecordLeavingInput!) { recordLeaving(input: $input) { id leavingDate version } }`;
const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) { totalCount nodes { educatorId } } }`;

describe('leavers drop out of rankings from their leaving date, and their account stops', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    roleId = await postOpenRole(t, w);
  });
  afterAll(() => t.close());

  const version = async (id: string) => (await t.ds.query('SELECT version FROM educator WHERE id = $1', [id]))[0].version as number;
  const ranked = async () => ok(await t.gql(RANKING, { roleId }, w.hr)).roleRanking;

  it('refuses a leaving date before the hire date, and a stale version, with nothing changed', async () => {
    const before = await t.ds.query('SELECT id, leaving_date, version FROM educator ORDER BY id');
    const early = await t.gql(
      LEAVE,
      { input: { id: w.bea.educatorId, version: await version(w.bea.educatorId), leavingDate: '1990-01-01' } },
      w.hr,
    );
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toMatch(/before the hire date/);
    expect(codeOf(await t.gql(LEAVE, { input: { id: w.bea.educatorId, version: 99, leavingDate: daysFromNow(0) } }, w.hr))).toBe(
      'CONFLICT',
    );
    expect(await t.ds.query('SELECT id, leaving_date, version FROM educator ORDER BY id')).toEqual(before);
  });

  it('a leaver leaving today leaves the ranking and their session ends on the next request', async () => {
    const start = await ranked();
    expect(start.nodes.map((n: { educatorId: string }) => n.educatorId)).toContain(w.bea.educatorId);
    ok(await t.gql(`{ viewer { accountId } }`, {}, w.bea.token));
    const left = ok(
      await t.gql(LEAVE, { input: { id: w.bea.educatorId, version: await version(w.bea.educatorId), leavingDate: daysFromNow(0) } }, w.hr),
    ).recordLeaving;
    expect(left.leavingDate).toBe(daysFromNow(0));
    const after = await ranked();
    expect(after.nodes.map((n: { educatorId: string }) => n.educatorId)).not.toContain(w.bea.educatorId);
    expect(after.totalCount).toBe(start.totalCount - 1);
    expect(codeOf(await t.gql(`{ viewer { accountId } }`, {}, w.bea.token))).toBe('UNAUTHENTICATED');
    const [account] = await t.ds.query('SELECT disabled_at FROM account WHERE educator_id = $1', [w.bea.educatorId]);
    expect(account.disabled_at).not.toBeNull();
    // Re-enabling the account of someone who has left is refused (it could not sign in anyway), nothing changed.
    const [acc] = await t.ds.query('SELECT id, version FROM account WHERE educator_id = $1', [w.bea.educatorId]);
    const enable = await t.gql(
      `mutation($input: AccountRefInput!) { enableAccount(input: $input) { id } }`,
      { input: { id: acc.id, version: acc.version } },
      w.hr,
    );
    expect(codeOf(enable)).toBe('BAD_USER_INPUT');
    expect(enable.errors![0].message).toMatch(/left the district on .*correct the leaving date first/);
    expect((await t.ds.query('SELECT disabled_at IS NOT NULL AS d, version FROM account WHERE id = $1', [acc.id]))[0]).toEqual({
      d: true,
      version: acc.version,
    });
    // History stays: the educator and their evidence are still there.
    expect((await t.ds.query('SELECT count(*)::int AS n FROM evidence WHERE educator_id = $1', [w.bea.educatorId]))[0].n).toBe(3);
  });

  it('a future leaving date keeps the person ranked and signed in until then', async () => {
    ok(await t.gql(LEAVE, { input: { id: w.cy.educatorId, version: await version(w.cy.educatorId), leavingDate: daysFromNow(30) } }, w.hr));
    expect((await ranked()).nodes.map((n: { educatorId: string }) => n.educatorId)).toContain(w.cy.educatorId);
    ok(await t.gql(`{ viewer { accountId } }`, {}, w.cy.token));
  });
});

describe('leavers drop out of capacity from their leaving date and stay in reports before it', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildCapacityDistrict(t.ds);
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  const HEAT = `query($ids: [ID!], $asOf: String) { capacityHeatMap(competencyIds: $ids, asOf: $asOf) { rows { building { code } educators } total { educators } } }`;
  const north = async (asOf: string) =>
    ok(await t.gql(HEAT, { ids: [d.competencies.T], asOf }, hr)).capacityHeatMap.rows.find(
      (r: { building: { code: string } }) => r.building.code === 'NORTH',
    ).educators;

  it('counts the leaver before the date and not from it', async () => {
    const n1 = d.educators.n1;
    const [{ version }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [n1]);
    ok(await t.gql(LEAVE, { input: { id: n1, version, leavingDate: '2025-03-01' } }, hr));
    expect(await north('2025-02-28')).toBe(4);
    expect(await north('2025-03-01')).toBe(3);
  });
});

describe('from the leaving date a leaver holds no standing or explanation, and their open applications and offers close with a reason', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    roleId = await postOpenRole(t, w);
  });
  afterAll(() => t.close());

  const version = async (id: string) => (await t.ds.query('SELECT version FROM educator WHERE id = $1', [id]))[0].version as number;
  const STANDING = `query($id: ID!) { educatorStanding(educatorId: $id) { educatorId leftOn qualifiedCount roles { roleId } } }`;
  const EXPLAIN = `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { educatorId score } }`;
  const OFFERS = `query($roleId: ID!) { roleOffers(roleId: $roleId) { id educatorId status closedReason } }`;
  const apply = async (p: { token: string }) =>
    ok(await t.gql(Q.apply, { input: { roleId, statement: 'I would like this role' } }, p.token)).applyToRole;
  const move = async (id: string, to: string) => ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: 'next step' } }, w.hr));
  const appRow = async (id: string) => (await t.ds.query('SELECT status FROM application WHERE id = $1', [id]))[0].status as string;

  it("closes a leaver's open application and pending offer from today, with a reason HR reads, and ends their standing and explanation", async () => {
    const bea = await apply(w.bea);
    for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW']) await move(bea.id, to);
    const offer = ok(await t.gql(Q.makeOffer, { input: { applicationId: bea.id, startsOn: daysFromNow(20) } }, w.hr)).makeOffer;
    expect(offer.status).toBe('PENDING');
    expect(ok(await t.gql(STANDING, { id: w.bea.educatorId }, w.hr)).educatorStanding.roles.length).toBeGreaterThan(0);

    ok(
      await t.gql(LEAVE, { input: { id: w.bea.educatorId, version: await version(w.bea.educatorId), leavingDate: daysFromNow(0) } }, w.hr),
    );

    expect(await appRow(bea.id)).toBe('WITHDRAWN');
    const [transition] = await t.ds.query(
      `SELECT from_status, to_status, reason FROM application_transition WHERE application_id = $1 ORDER BY at DESC, id DESC LIMIT 1`,
      [bea.id],
    );
    expect(transition).toMatchObject({ from_status: 'OFFERED', to_status: 'WITHDRAWN' });
    expect(transition.reason).toMatch(new RegExp(`left the district on ${daysFromNow(0)}`));
    const offers = ok(await t.gql(OFFERS, { roleId }, w.hr)).roleOffers;
    expect(offers).toEqual([
      expect.objectContaining({ id: offer.id, status: 'WITHDRAWN', closedReason: expect.stringMatching(/left the district/) }),
    ]);
    const history = ok(await t.gql(Q.roleApplications, { roleId }, w.hr)).roleApplications.nodes.find(
      (n: { id: string }) => n.id === bea.id,
    );
    expect(history.status).toBe('WITHDRAWN');
    const audits = await t.ds.query(
      `SELECT action, changes FROM audit_entry WHERE target_id IN ($1, $2) AND changes->>'cause' = 'EDUCATOR_LEFT' ORDER BY id`,
      [bea.id, offer.id],
    );
    expect(audits.map((a: { action: string }) => a.action).sort()).toEqual(['APPLICATION_STATUS_CHANGED', 'OFFER_WITHDRAWN']);
    const [accountAudit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'ACCOUNT_DISABLED' AND target_id = $1`, [
      w.bea.accountId,
    ]);
    expect(accountAudit.changes).toMatchObject({ before: { disabled: false }, after: { disabled: true }, cause: 'EDUCATOR_LEFT' });

    const standing = ok(await t.gql(STANDING, { id: w.bea.educatorId }, w.hr)).educatorStanding;
    expect(standing).toEqual({ educatorId: w.bea.educatorId, leftOn: daysFromNow(0), qualifiedCount: 0, roles: [] });
    const explained = await t.gql(EXPLAIN, { r: roleId, e: w.bea.educatorId }, w.hr);
    expect(codeOf(explained)).toBe('BAD_USER_INPUT');
    expect(explained.errors![0].extensions!.reason).toBe('EDUCATOR_LEFT');
    expect(explained.errors![0].message).toMatch(/left the district on/);
    // Someone still on staff keeps both.
    expect(ok(await t.gql(STANDING, { id: w.cy.educatorId }, w.hr)).educatorStanding.leftOn).toBeNull();
    ok(await t.gql(EXPLAIN, { r: roleId, e: w.cy.educatorId }, w.hr));
  });

  it('from the leaving date nothing new starts for a leaver: no invitation, no offer or forward move, no commitment; each refused with nothing changed', async () => {
    const al = await apply(w.al);
    await move(al.id, 'SCREENED');
    // Recorded straight in the table as the CSV import would: the sweep has not run yet, so the application is still open.
    await t.ds.query(`UPDATE educator SET leaving_date = $2 WHERE id = $1`, [w.al.educatorId, daysFromNow(0)]);
    const secondRole = await postOpenRole(t, w, { title: 'Second role' });
    const state = () =>
      t.ds.query(`SELECT (SELECT count(*)::int FROM invitation) AS i, (SELECT count(*)::int FROM offer) AS o,
      (SELECT count(*)::int FROM hybrid_commitment) AS c, (SELECT count(*)::int FROM application_transition) AS tr, (SELECT count(*)::int FROM audit_entry) AS a`);
    const before = await state();
    const invite = await t.gql(Q.invite, { input: { roleId: secondRole, educatorId: w.al.educatorId, message: 'Apply?' } }, w.hr);
    expect(codeOf(invite)).toBe('BAD_USER_INPUT');
    expect(invite.errors![0].extensions!.reason).toBe('EDUCATOR_LEFT');
    expect(invite.errors![0].message).toMatch(/left the district on/);
    const forward = await t.gql(Q.move, { input: { applicationId: al.id, to: 'SHORTLISTED', reason: 'next' } }, w.hr);
    expect(forward.errors![0].extensions!.reason).toBe('EDUCATOR_LEFT');
    const commitment = await t.gql(
      `mutation($input: RecordCommitmentInput!) { recordCommitment(input: $input) { id } }`,
      { input: { educatorId: w.al.educatorId, roleTitle: 'Coach', roleFte: 0.2, startsOn: daysFromNow(1) } },
      w.hr,
    );
    expect(codeOf(commitment)).toBe('BAD_USER_INPUT');
    expect(commitment.errors![0].message).toMatch(/leaves on|left/);
    expect(await state()).toEqual(before);
    // Rejecting is still possible, and the sweep closes what remains.
    expect((await t.app.get(LeaverSweepService).runOnce()).closed).toBe(1);
    expect(await appRow(al.id)).toBe('WITHDRAWN');
  });

  it('a future leaving date closes nothing now; the sweep closes the application on the leaving date, once, whichever instance runs it', async () => {
    const cy = await apply(w.cy);
    const leaving = daysFromNow(10);
    ok(await t.gql(LEAVE, { input: { id: w.cy.educatorId, version: await version(w.cy.educatorId), leavingDate: leaving } }, w.hr));
    expect(await appRow(cy.id)).toBe('SUBMITTED');
    const sweeper = t.app.get(LeaverSweepService);
    expect(await sweeper.runOnce(daysFromNow(9))).toEqual({ ran: true, disabled: 0, closed: 0, invitationsClosed: 0 });
    expect(await appRow(cy.id)).toBe('SUBMITTED');
    expect((await t.ds.query('SELECT disabled_at FROM account WHERE id = $1', [w.cy.accountId]))[0].disabled_at).toBeNull();
    expect(ok(await t.gql(STANDING, { id: w.cy.educatorId }, w.hr)).educatorStanding.leftOn).toBeNull();

    // Two instances wake at once on the leaving date: the application closes exactly once.
    const runs = await Promise.all([sweeper.runOnce(leaving), sweeper.runOnce(leaving)]);
    expect(runs.reduce((n, r) => n + r.closed, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.disabled, 0)).toBe(1);
    // The account is disabled on the day, as an audited account change (the sweep is the actor: none).
    expect((await t.ds.query('SELECT disabled_at FROM account WHERE id = $1', [w.cy.accountId]))[0].disabled_at).not.toBeNull();
    const [disabledAudit] = await t.ds.query(
      `SELECT actor_account_id, changes FROM audit_entry WHERE action = 'ACCOUNT_DISABLED' AND target_id = $1`,
      [w.cy.accountId],
    );
    expect(disabledAudit).toMatchObject({
      actor_account_id: null,
      changes: { before: { disabled: false }, after: { disabled: true }, cause: 'EDUCATOR_LEFT', leavingDate: leaving },
    });
    expect(await appRow(cy.id)).toBe('WITHDRAWN');
    const transitions = await t.ds.query(
      `SELECT to_status, reason FROM application_transition WHERE application_id = $1 AND to_status = 'WITHDRAWN'`,
      [cy.id],
    );
    expect(transitions).toHaveLength(1);
    expect(transitions[0].reason).toMatch(new RegExp(`left the district on ${leaving}`));
    expect(await sweeper.runOnce(daysFromNow(11))).toEqual({ ran: true, disabled: 0, closed: 0, invitationsClosed: 0 });
  });
});

describe('a leaving date never locks the district out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses to record the leaving of the educator whose account is the last enabled HR, today or later, with nothing changed; with another HR it is recorded', async () => {
    const buildingId = await insertBuilding(t.ds, 'Central office');
    const educatorId = await insertEducator(t.ds, { buildingId, hireDate: '2015-08-15' });
    const { token } = await t.signInAs([Persona.HR, Persona.EDUCATOR], { educatorId });
    const state = () =>
      t.ds.query(
        `SELECT (SELECT leaving_date FROM educator WHERE id = $1) AS leaving, (SELECT json_agg(json_build_object('d', disabled_at, 'v', version)) FROM account) AS accounts,
      (SELECT count(*)::int FROM audit_entry) AS audits`,
        [educatorId],
      );
    const before = await state();
    for (const leavingDate of [daysFromNow(0), daysFromNow(30)]) {
      const [{ version }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [educatorId]);
      const refused = await t.gql(LEAVE, { input: { id: educatorId, version, leavingDate } }, token);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toMatch(/last enabled HR account.*give HR to another account first/);
    }
    expect(await state()).toEqual(before);
    ok(await t.gql(`{ viewer { accountId } }`, {}, token));

    const other = await t.signInAs([Persona.HR]);
    const [{ version }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [educatorId]);
    ok(await t.gql(LEAVE, { input: { id: educatorId, version, leavingDate: daysFromNow(0) } }, other.token));
    expect(codeOf(await t.gql(`{ viewer { accountId } }`, {}, token))).toBe('UNAUTHENTICATED');
  });
});
