import { Persona } from '../../src/access/persona.js';
import { LeaverSweepService } from '../../src/leavers/leaver-sweep.service.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LEAVE = `mutation($input: RecordLeavingInput!) { recordLeaving(input: $input) { id leavingDate version } }`;
const ROLE_INVITATIONS = `query($roleId: ID!, $status: InvitationStatus) { roleInvitations(roleId: $roleId, status: $status) {
  id educatorId status closedReason respondedAt } }`;

describe("a leaver's outstanding invitations to apply close as WITHDRAWN with a reason", () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleA: string;
  let roleB: string;
  let otherHr: { token: string; accountId: string };
  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    roleA = await postOpenRole(t, w, { title: 'Coach A' });
    roleB = await postOpenRole(t, w, { title: 'Coach B' });
    const hr2 = await t.signInAs([Persona.HR]);
    otherHr = { token: hr2.token, accountId: hr2.account.id };
  });
  afterAll(() => t.close());

  const version = async (id: string) => (await t.ds.query('SELECT version FROM educator WHERE id = $1', [id]))[0].version as number;
  const invite = async (roleId: string, educatorId: string, token: string) =>
    ok(await t.gql(Q.invite, { input: { roleId, educatorId, message: 'Please apply' } }, token)).inviteCandidate.id as string;
  const statusOf = async (id: string) =>
    (await t.ds.query('SELECT status, closed_reason, responded_at FROM invitation WHERE id = $1', [id]))[0] as {
      status: string;
      closed_reason: string | null;
      responded_at: Date | null;
    };

  it('a leaving date that has come closes them at once, audited, with the inviting HR told; others stay open', async () => {
    const cyA = await invite(roleA, w.cy.educatorId, w.hr);
    const cyB = await invite(roleB, w.cy.educatorId, otherHr.token);
    const beaA = await invite(roleA, w.bea.educatorId, w.hr);
    // One of Cy's invitations was already declined: an answered invitation is history and stays as it is.
    const alA = await invite(roleA, w.al.educatorId, w.hr);
    ok(await t.gql(Q.declineInvitation, { input: { invitationId: alA } }, w.al.token));

    ok(await t.gql(LEAVE, { input: { id: w.cy.educatorId, version: await version(w.cy.educatorId), leavingDate: daysFromNow(0) } }, w.hr));

    for (const id of [cyA, cyB]) {
      const row = await statusOf(id);
      expect(row.status).toBe('WITHDRAWN');
      expect(row.closed_reason).toMatch(new RegExp(`left the district on ${daysFromNow(0)}`));
      expect(row.responded_at).not.toBeNull();
    }
    expect((await statusOf(beaA)).status).toBe('INVITED');
    expect((await statusOf(alA)).status).toBe('DECLINED');

    const audits = await t.ds.query(
      `SELECT target_id, actor_account_id, changes FROM audit_entry WHERE action = 'INVITATION_WITHDRAWN' ORDER BY target_id`,
    );
    expect(audits.map((a: { target_id: string }) => a.target_id).sort()).toEqual([cyA, cyB].sort());
    for (const a of audits) {
      expect(a.changes).toMatchObject({ educatorId: w.cy.educatorId, from: 'INVITED', to: 'WITHDRAWN', cause: 'EDUCATOR_LEFT' });
      expect(a.actor_account_id).not.toBeNull();
    }
    const [leaving] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'EDUCATOR_LEAVING_RECORDED' AND target_id = $1`, [
      w.cy.educatorId,
    ]);
    expect(leaving.changes).toMatchObject({ closedInvitations: 2 });

    // The HR account that sent the invitation hears it closed (the one who recorded the leaving already knows).
    const toOther = await t.ds.query(`SELECT subject, body FROM notification WHERE kind = 'INVITATION_WITHDRAWN' AND account_id = $1`, [
      otherHr.accountId,
    ]);
    expect(toOther).toHaveLength(1);
    expect(toOther[0].subject).toBe('Invitation closed: Cy Okafor for Coach B');
    expect(toOther[0].body).toMatch(/left the district/);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'INVITATION_WITHDRAWN'`)).toEqual([{ n: 1 }]);

    // HR's list shows the status and reason, and filters by it.
    const withdrawn = ok(await t.gql(ROLE_INVITATIONS, { roleId: roleA, status: 'WITHDRAWN' }, w.hr)).roleInvitations;
    expect(withdrawn).toEqual([
      expect.objectContaining({ id: cyA, educatorId: w.cy.educatorId, status: 'WITHDRAWN', closedReason: expect.stringMatching(/left/) }),
    ]);
    const invited = ok(await t.gql(ROLE_INVITATIONS, { roleId: roleA, status: 'INVITED' }, w.hr)).roleInvitations;
    expect(invited.map((i: { id: string }) => i.id)).toEqual([beaA]);
    expect(ok(await t.gql(ROLE_INVITATIONS, { roleId: roleA }, w.hr)).roleInvitations).toHaveLength(3);
  });

  it('a later leaving date closes them on the day, by the sweep, once', async () => {
    const beaB = await invite(roleB, w.bea.educatorId, otherHr.token);
    const leaving = daysFromNow(5);
    ok(await t.gql(LEAVE, { input: { id: w.bea.educatorId, version: await version(w.bea.educatorId), leavingDate: leaving } }, w.hr));
    expect((await statusOf(beaB)).status).toBe('INVITED');
    const sweeper = t.app.get(LeaverSweepService);
    expect(await sweeper.runOnce(daysFromNow(4))).toEqual({ ran: true, disabled: 0, closed: 0, invitationsClosed: 0 });
    const runs = await Promise.all([sweeper.runOnce(leaving), sweeper.runOnce(leaving)]);
    expect(runs.reduce((n, r) => n + r.invitationsClosed, 0)).toBe(2); // roleA and roleB
    const row = await statusOf(beaB);
    expect(row.status).toBe('WITHDRAWN');
    expect(row.closed_reason).toMatch(new RegExp(`left the district on ${leaving}`));
    const [audit] = await t.ds.query(`SELECT actor_account_id FROM audit_entry WHERE action = 'INVITATION_WITHDRAWN' AND target_id = $1`, [
      beaB,
    ]);
    expect(audit.actor_account_id).toBeNull();
    // The sweep has no actor: both inviting HR accounts hear of their invitation.
    expect(
      await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'INVITATION_WITHDRAWN' AND subject LIKE '%Bea Lopez%'`),
    ).toEqual([{ n: 2 }]);
  });
});
