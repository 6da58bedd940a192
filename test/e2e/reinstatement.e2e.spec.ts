import { TokenService } from '../../src/access/token.service.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const LEAVE = `mutation($input: RecordLeavingInput!) { recordLeaving(input: $input) { id leavingDate version } }`;
const REINSTATE = `mutation($input: ReinstateEducatorInput!) { reinstateEducator(input: $input) { id leavingDate version } }`;
const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) { nodes { educatorId } } }`;

/** HR undoes a leaving recorded by mistake: the person is on staff again, and what closed stays closed. */
describe('reinstating an educator whose leaving was recorded by mistake', () => {
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
  const leave = async (educatorId: string, leavingDate = daysFromNow(0)) =>
    ok(await t.gql(LEAVE, { input: { id: educatorId, version: await version(educatorId), leavingDate } }, w.hr));
  const state = async () => ({
    educators: await t.ds.query('SELECT id, leaving_date, version FROM educator ORDER BY id'),
    accounts: await t.ds.query('SELECT id, disabled_at, version FROM account ORDER BY id'),
    audit: await t.ds.query('SELECT count(*)::int AS n FROM audit_entry'),
  });

  it('refuses an unknown educator, one on staff, a stale version, an empty reason and anyone but HR, with nothing changed', async () => {
    const before = await state();
    const missing = await t.gql(
      REINSTATE,
      { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, reason: 'Recorded by mistake' } },
      w.hr,
    );
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const active = await t.gql(
      REINSTATE,
      { input: { id: w.al.educatorId, version: await version(w.al.educatorId), reason: 'Recorded by mistake' } },
      w.hr,
    );
    expect(codeOf(active)).toBe('BAD_USER_INPUT');
    expect(active.errors![0].extensions!.reason).toBe('ALREADY_ACTIVE');
    expect(active.errors![0].message).toMatch(/has no leaving date/);
    expect(await state()).toEqual(before);

    await leave(w.al.educatorId);
    const left = await state();
    const stale = await t.gql(REINSTATE, { input: { id: w.al.educatorId, version: 1, reason: 'Recorded by mistake' } }, w.hr);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.reason).toBe('STALE_VERSION');
    const blank = await t.gql(REINSTATE, { input: { id: w.al.educatorId, version: await version(w.al.educatorId), reason: '  ' } }, w.hr);
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    const panelist = await t.gql(
      REINSTATE,
      { input: { id: w.al.educatorId, version: await version(w.al.educatorId), reason: 'Recorded by mistake' } },
      w.panel[0].token,
    );
    expect(codeOf(panelist)).toBe('FORBIDDEN');
    expect(await state()).toEqual(left);
  });

  it('clears the leaving date and enables the account the leaving disabled; closed applications and invitations stay closed', async () => {
    const app = ok(await t.gql(Q.apply, { input: { roleId } }, w.cy.token)).applyToRole;
    const role2 = await postOpenRole(t, w, { title: 'Second coach' });
    const invitation = ok(await t.gql(Q.invite, { input: { roleId: role2, educatorId: w.cy.educatorId } }, w.hr)).inviteCandidate;
    const left = (await leave(w.cy.educatorId)).recordLeaving;
    const [disabled] = await t.ds.query('SELECT disabled_at, token_version, version FROM account WHERE id = $1', [w.cy.accountId]);
    expect(disabled.disabled_at).not.toBeNull();

    const back = ok(
      await t.gql(
        REINSTATE,
        { input: { id: w.cy.educatorId, version: left.version, reason: 'Leaving recorded for the wrong person' } },
        w.hr,
      ),
    ).reinstateEducator;
    expect(back).toEqual({ id: w.cy.educatorId, leavingDate: null, version: left.version + 1 });

    // The account works again; sessions the leaving ended stay ended (the token version is not turned back).
    const [account] = await t.ds.query('SELECT disabled_at, token_version, version FROM account WHERE id = $1', [w.cy.accountId]);
    expect(account).toEqual({ disabled_at: null, token_version: disabled.token_version, version: disabled.version + 1 });
    expect(codeOf(await t.gql(`{ viewer { accountId } }`, {}, w.cy.token))).toBe('UNAUTHENTICATED');
    const { token } = await t.app.get(TokenService).issue(w.cy.accountId, account.token_version);
    expect(ok(await t.gql(`{ viewer { accountId } }`, {}, token)).viewer.accountId).toBe(w.cy.accountId);
    // Ranked again.
    const ranked = ok(await t.gql(RANKING, { roleId }, w.hr)).roleRanking.nodes.map((n: { educatorId: string }) => n.educatorId);
    expect(ranked).toContain(w.cy.educatorId);

    // Nothing that closed reopens by itself.
    expect((await t.ds.query('SELECT status FROM application WHERE id = $1', [app.id]))[0].status).toBe('WITHDRAWN');
    expect((await t.ds.query('SELECT status FROM invitation WHERE id = $1', [invitation.id]))[0].status).toBe('WITHDRAWN');

    const [audit] = await t.ds.query(
      `SELECT actor_account_id, changes FROM audit_entry WHERE action = 'EDUCATOR_REINSTATED' AND target_id = $1`,
      [w.cy.educatorId],
    );
    expect(audit.changes).toEqual({
      leavingDate: { from: daysFromNow(0), to: null },
      reason: 'Leaving recorded for the wrong person',
      accountId: w.cy.accountId,
      accountEnabled: true,
      notReopened: { applications: 1, offers: 0, invitations: 1 },
    });
    const told = await t.ds.query(`SELECT account_id, subject, body FROM notification WHERE kind = 'EDUCATOR_REINSTATED'`);
    expect(told).toEqual([
      {
        account_id: w.cy.accountId,
        subject: 'Your leaving was withdrawn: you are on staff again',
        body: expect.stringMatching(/stays closed \(1 application\(s\), 1 invitation\(s\)\)/),
      },
    ]);
    const [enabled] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'ACCOUNT_ENABLED' AND target_id = $1`, [
      w.cy.accountId,
    ]);
    expect(enabled.changes).toMatchObject({ before: { disabled: true }, after: { disabled: false }, cause: 'EDUCATOR_REINSTATED' });

    // HR invites again: the withdrawn invitation is sent anew; the educator applies again on their own.
    const again = ok(
      await t.gql(Q.invite, { input: { roleId: role2, educatorId: w.cy.educatorId, message: 'Welcome back' } }, w.hr),
    ).inviteCandidate;
    expect(again).toMatchObject({ id: invitation.id, status: 'INVITED', message: 'Welcome back' });
    expect((await t.ds.query('SELECT closed_reason, responded_at FROM invitation WHERE id = $1', [invitation.id]))[0]).toEqual({
      closed_reason: null,
      responded_at: null,
    });
  });

  it('leaves an account HR had disabled for another reason disabled, and a future leaving date is simply cleared', async () => {
    const [acc] = await t.ds.query('SELECT id, version FROM account WHERE id = $1', [w.bea.accountId]);
    ok(await t.gql(`mutation($input: AccountRefInput!) { disableAccount(input: $input) { id } }`, { input: acc }, w.hr));
    const left = (await leave(w.bea.educatorId)).recordLeaving;
    ok(await t.gql(REINSTATE, { input: { id: w.bea.educatorId, version: left.version, reason: 'Mistake' } }, w.hr));
    expect((await t.ds.query('SELECT disabled_at FROM account WHERE id = $1', [w.bea.accountId]))[0].disabled_at).not.toBeNull();
    const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'EDUCATOR_REINSTATED' AND target_id = $1`, [
      w.bea.educatorId,
    ]);
    expect(audit.changes).toMatchObject({ accountEnabled: false });

    const future = (await leave(w.bea.educatorId, daysFromNow(40))).recordLeaving;
    const cleared = ok(
      await t.gql(REINSTATE, { input: { id: w.bea.educatorId, version: future.version, reason: 'Plans changed' } }, w.hr),
    ).reinstateEducator;
    expect(cleared.leavingDate).toBeNull();
  });
});

describe('reinstating an erased person', () => {
  it('is refused: the profile was emptied, so a new one is created instead', async () => {
    const t = await startTestApp({ ERASURE_RETENTION_DAYS: '0' });
    try {
      const w = await hiringWorld(t, 0);
      const [{ version }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [w.al.educatorId]);
      const left = ok(await t.gql(LEAVE, { input: { id: w.al.educatorId, version, leavingDate: daysFromNow(-1) } }, w.hr)).recordLeaving;
      ok(
        await t.gql(
          `mutation($input: EraseEducatorInput!) { eraseEducator(input: $input) { alreadyErased } }`,
          { input: { id: left.id, version: left.version } },
          w.hr,
        ),
      );
      const [now] = await t.ds.query('SELECT version, leaving_date FROM educator WHERE id = $1', [w.al.educatorId]);
      const res = await t.gql(REINSTATE, { input: { id: w.al.educatorId, version: now.version, reason: 'Mistake' } }, w.hr);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.reason).toBe('ERASED');
      expect((await t.ds.query('SELECT version, leaving_date FROM educator WHERE id = $1', [w.al.educatorId]))[0]).toEqual(now);
    } finally {
      await t.close();
    }
  });
});
