import { Persona } from '../../src/access/persona.js';
import { PrincipalCache } from '../../src/access/principal-cache.js';
import { ok } from '../support/hiring-fixtures.js';
import { insertBuilding, insertEducator } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const ACCOUNT = 'id email displayName personas educatorId status disabledAt hasPassword version';
const Q = {
  create: `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { ${ACCOUNT} } setPasswordLink { url token expiresAt } } }`,
  update: `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { ${ACCOUNT} } }`,
  disable: `mutation($input: AccountRefInput!) { disableAccount(input: $input) { ${ACCOUNT} } }`,
  enable: `mutation($input: AccountRefInput!) { enableAccount(input: $input) { ${ACCOUNT} } }`,
  reset: `mutation($input: AccountRefInput!) { forcePasswordReset(input: $input) { account { ${ACCOUNT} } setPasswordLink { url token expiresAt } } }`,
  setPassword: `mutation($input: SetPasswordInput!) { setPassword(input: $input) { accessToken viewer { accountId email personas } } }`,
  signIn: `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
  changePassword: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`,
  signOutEverywhere: `mutation { signOutEverywhere }`,
  viewer: `{ viewer { accountId email personas } }`,
  accounts: `query($email: String, $name: String, $persona: Persona, $status: AccountStatus, $first: Int, $after: String) {
    accounts(email: $email, name: $name, persona: $persona, status: $status, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { ${ACCOUNT} } } }`,
};

const PASSWORD = 'correct horse battery staple';

describe('accounts: HR creates, invites, changes, disables and resets; people manage their own password', () => {
  let t: TestApp;
  let hr: string;
  let hrId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const signed = await t.signInAs([Persona.HR], { email: 'first.hr@district.example' });
    hr = signed.token;
    hrId = signed.account.id;
  });
  afterAll(() => t.close());

  const accountRow = async (id: string) =>
    (
      await t.ds.query(
        'SELECT email, display_name, personas, educator_id, disabled_at, password_hash, token_version, version FROM account WHERE id = $1',
        [id],
      )
    )[0];
  const tableState = async () => ({
    accounts: await t.ds.query('SELECT id, email, personas, disabled_at, password_hash, version, token_version FROM account ORDER BY id'),
    links: await t.ds.query('SELECT id, used_at, expires_at FROM account_password_link ORDER BY id'),
  });
  const invite = async (email: string, personas: Persona[], extra: Record<string, unknown> = {}) =>
    ok(await t.gql(Q.create, { input: { email, displayName: email.split('@')[0], personas, ...extra } }, hr)).createAccount;
  const activate = async (email: string, personas: Persona[], extra: Record<string, unknown> = {}) => {
    const created = await invite(email, personas, extra);
    const session = ok(await t.gql(Q.setPassword, { input: { token: created.setPasswordLink.token, password: PASSWORD } })).setPassword;
    return { id: created.account.id as string, token: session.accessToken as string };
  };

  it('HR creates an account with a one-time link; the person sets a password with it and signs in', async () => {
    const created = await invite('Pat.Panel@District.example', [Persona.PANELIST]);
    expect(created.account).toMatchObject({
      email: 'pat.panel@district.example',
      personas: ['PANELIST'],
      status: 'ENABLED',
      hasPassword: false,
      version: 1,
    });
    expect(created.setPasswordLink.url).toBe(`${t.config.publicBaseUrl}/set-password#token=${created.setPasswordLink.token}`);
    const [link] = await t.ds.query('SELECT token_hash, purpose, used_at FROM account_password_link WHERE account_id = $1', [
      created.account.id,
    ]);
    expect(link).toMatchObject({ purpose: 'INVITATION', used_at: null });
    expect(link.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(link.token_hash).not.toContain(created.setPasswordLink.token);

    const session = ok(await t.gql(Q.setPassword, { input: { token: created.setPasswordLink.token, password: PASSWORD } })).setPassword;
    expect(session.viewer).toMatchObject({ email: 'pat.panel@district.example', personas: ['PANELIST'] });
    expect(ok(await t.gql(Q.viewer, {}, session.accessToken)).viewer.accountId).toBe(created.account.id);
    expect((await accountRow(created.account.id)).password_hash).toMatch(/^\$argon2id\$/);
    ok(await t.gql(Q.signIn, { input: { email: 'PAT.panel@district.example', password: PASSWORD } }));
  });

  it('a reused or expired set-password link is UNAUTHENTICATED and changes nothing', async () => {
    const created = await invite('reuse@district.example', [Persona.PANELIST]);
    ok(await t.gql(Q.setPassword, { input: { token: created.setPasswordLink.token, password: PASSWORD } }));
    const before = await tableState();
    const reused = await t.gql(Q.setPassword, { input: { token: created.setPasswordLink.token, password: 'another long passphrase' } });
    expect(codeOf(reused)).toBe('UNAUTHENTICATED');
    expect(reused.errors![0].message).toMatch(/ask HR for a new one/);
    expect(await tableState()).toEqual(before);

    const expiring = await invite('expired@district.example', [Persona.PANELIST]);
    await t.ds.query(`UPDATE account_password_link SET expires_at = now() - interval '1 minute' WHERE account_id = $1`, [
      expiring.account.id,
    ]);
    const before2 = await tableState();
    expect(codeOf(await t.gql(Q.setPassword, { input: { token: expiring.setPasswordLink.token, password: PASSWORD } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await tableState()).toEqual(before2);
    expect((await accountRow(expiring.account.id)).password_hash).toBeNull();
  });

  it('a short or common password is refused and the link stays usable', async () => {
    const created = await invite('weak@district.example', [Persona.PANELIST]);
    const before = await tableState();
    const short = await t.gql(Q.setPassword, { input: { token: created.setPasswordLink.token, password: 'tooShort1!' } });
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(short.errors![0].message).toMatch(/at least 12 characters/);
    const common = await t.gql(Q.setPassword, { input: { token: created.setPasswordLink.token, password: 'qwerty123456' } });
    expect(codeOf(common)).toBe('BAD_USER_INPUT');
    expect(common.errors![0].message).toMatch(/commonly used/);
    expect(await tableState()).toEqual(before);
    ok(await t.gql(Q.setPassword, { input: { token: created.setPasswordLink.token, password: PASSWORD } }));
  });

  it('bad input is refused with a code and a fix, and no row changes', async () => {
    await invite('dup@district.example', [Persona.PANELIST]);
    const someone = await invite('someone@district.example', [Persona.PANELIST]);
    const before = await tableState();
    const dup = await t.gql(Q.create, { input: { email: 'DUP@district.EXAMPLE', displayName: 'Dup', personas: ['PANELIST'] } }, hr);
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(dup.errors![0].message).toMatch(/already exists/);
    const unknown = await t.gql(Q.create, { input: { email: 'wizard@district.example', displayName: 'W', personas: ['WIZARD'] } }, hr);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toMatch(/Unknown persona "WIZARD": a persona is one of HR, LEADER, COMPLIANCE, PANELIST, EDUCATOR/);
    // The same written into the operation itself, and on a change of personas.
    const literal = await t.gql(
      `mutation { createAccount(input: { email: "wizard@district.example", displayName: "W", personas: [WIZARD] }) { account { id } } }`,
      {},
      hr,
    );
    expect(codeOf(literal)).toBe('BAD_USER_INPUT');
    expect(literal.errors![0].message).toMatch(/Unknown persona "WIZARD"/);
    const changed = await t.gql(
      `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) { id } }`,
      { input: { id: someone.account.id, version: someone.account.version, personas: ['PANELIST', 'BOSS'] } },
      hr,
    );
    expect(codeOf(changed)).toBe('BAD_USER_INPUT');
    expect(changed.errors![0].message).toMatch(/Unknown persona "BOSS"/);
    expect(codeOf(await t.gql(Q.create, { input: { email: 'none@district.example', displayName: 'N', personas: [] } }, hr))).toBe(
      'BAD_USER_INPUT',
    );
    const noEducator = await t.gql(Q.create, { input: { email: 'ed@district.example', displayName: 'E', personas: ['EDUCATOR'] } }, hr);
    expect(codeOf(noEducator)).toBe('BAD_USER_INPUT');
    expect(noEducator.errors![0].message).toMatch(/needs educatorId/);
    expect(codeOf(await t.gql(Q.create, { input: { email: 'not-an-email', displayName: 'X', personas: ['HR'] } }, hr))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await tableState()).toEqual(before);
  });

  it('an EDUCATOR account links to one educator profile that no other account holds', async () => {
    const building = await insertBuilding(t.ds, 'Link High');
    const educatorId = await insertEducator(t.ds, { buildingId: building, name: 'Lin Park' });
    const lin = await activate('lin.park@district.example', [Persona.EDUCATOR], { educatorId });
    expect(ok(await t.gql(`{ viewer { educatorId } }`, {}, lin.token)).viewer.educatorId).toBe(educatorId);
    const before = await tableState();
    expect(
      codeOf(
        await t.gql(Q.create, { input: { email: 'lin2@district.example', displayName: 'L', personas: ['EDUCATOR'], educatorId } }, hr),
      ),
    ).toBe('CONFLICT');
    expect(await tableState()).toEqual(before);
  });

  it('a disabled account is refused on its very next request; re-enabled, it signs in again', async () => {
    const dee = await activate('dee@district.example', [Persona.PANELIST]);
    ok(await t.gql(Q.viewer, {}, dee.token)); // warms the principal cache
    const row = await accountRow(dee.id);
    const disabled = ok(await t.gql(Q.disable, { input: { id: dee.id, version: row.version } }, hr)).disableAccount;
    expect(disabled).toMatchObject({ status: 'DISABLED', version: row.version + 1 });
    const refused = await t.gql(Q.viewer, {}, dee.token);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toMatch(/disabled/);
    expect(codeOf(await t.gql(Q.signIn, { input: { email: 'dee@district.example', password: PASSWORD } }))).toBe('UNAUTHENTICATED');

    ok(await t.gql(Q.enable, { input: { id: dee.id, version: disabled.version } }, hr));
    // The old session stays ended; a new sign-in works.
    expect(codeOf(await t.gql(Q.viewer, {}, dee.token))).toBe('UNAUTHENTICATED');
    const again = ok(await t.gql(Q.signIn, { input: { email: 'dee@district.example', password: PASSWORD } })).signIn.accessToken;
    ok(await t.gql(Q.viewer, {}, again));
  });

  it('a change written straight to the database (another process) reaches the cache through NOTIFY', async () => {
    const eve = await activate('eve@district.example', [Persona.PANELIST]);
    ok(await t.gql(Q.viewer, {}, eve.token));
    const cache = t.app.get(PrincipalCache);
    expect(cache.live).toBe(true);
    expect(cache.byAccountId(eve.id)).toMatchObject({ disabled: false });
    await t.ds.query('UPDATE account SET disabled_at = now() WHERE id = $1', [eve.id]);
    let code: string | undefined;
    for (let i = 0; i < 50 && code !== 'UNAUTHENTICATED'; i++) {
      code = codeOf(await t.gql(Q.viewer, {}, eve.token));
      if (code !== 'UNAUTHENTICATED') await new Promise((r) => setTimeout(r, 20));
    }
    expect(code).toBe('UNAUTHENTICATED');
    expect(cache.byAccountId(eve.id)).toMatchObject({ disabled: true });
  });

  it('persona changes apply on the next request, and a stale version is CONFLICT with nothing changed', async () => {
    const flo = await activate('flo@district.example', [Persona.PANELIST]);
    expect(ok(await t.gql(Q.viewer, {}, flo.token)).viewer.personas).toEqual(['PANELIST']);
    const v = (await accountRow(flo.id)).version;
    ok(await t.gql(Q.update, { input: { id: flo.id, version: v, personas: ['PANELIST', 'HR'], displayName: 'Flo R.' } }, hr));
    expect(ok(await t.gql(Q.viewer, {}, flo.token)).viewer.personas).toEqual(['HR', 'PANELIST']);

    const before = await tableState();
    const stale = await t.gql(Q.update, { input: { id: flo.id, version: v, personas: ['PANELIST'] } }, hr);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].message).toMatch(/reload and try again/);
    expect(codeOf(await t.gql(Q.disable, { input: { id: flo.id, version: v } }, hr))).toBe('CONFLICT');
    expect(await tableState()).toEqual(before);
  });

  it('HR forces a password reset: the old password and sessions stop, the new link works once', async () => {
    const gus = await activate('gus@district.example', [Persona.PANELIST]);
    const reset = ok(await t.gql(Q.reset, { input: { id: gus.id, version: (await accountRow(gus.id)).version } }, hr)).forcePasswordReset;
    expect(reset.account.hasPassword).toBe(false);
    expect(codeOf(await t.gql(Q.viewer, {}, gus.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(Q.signIn, { input: { email: 'gus@district.example', password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    ok(await t.gql(Q.setPassword, { input: { token: reset.setPasswordLink.token, password: 'a brand new passphrase' } }));
    ok(await t.gql(Q.signIn, { input: { email: 'gus@district.example', password: 'a brand new passphrase' } }));
  });

  it('a person changes their own password (current one required) and signs out everywhere', async () => {
    const hal = await activate('hal@district.example', [Persona.PANELIST]);
    const second = ok(await t.gql(Q.signIn, { input: { email: 'hal@district.example', password: PASSWORD } })).signIn.accessToken;
    const hashBefore = (await accountRow(hal.id)).password_hash;
    const wrong = await t.gql(
      Q.changePassword,
      { input: { currentPassword: 'not my password at all', newPassword: 'fresh long passphrase' } },
      hal.token,
    );
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect((await accountRow(hal.id)).password_hash).toBe(hashBefore);

    const fresh = ok(
      await t.gql(Q.changePassword, { input: { currentPassword: PASSWORD, newPassword: 'fresh long passphrase' } }, hal.token),
    ).changePassword.accessToken;
    expect(codeOf(await t.gql(Q.viewer, {}, second))).toBe('UNAUTHENTICATED');
    ok(await t.gql(Q.viewer, {}, fresh));

    expect(ok(await t.gql(Q.signOutEverywhere, {}, fresh)).signOutEverywhere).toBe(true);
    expect(codeOf(await t.gql(Q.viewer, {}, fresh))).toBe('UNAUTHENTICATED');
    ok(await t.gql(Q.signIn, { input: { email: 'hal@district.example', password: 'fresh long passphrase' } }));
  });

  it('audits every account change with actor, before and after, and never a password, hash or token', async () => {
    const rows: Array<{ action: string; actor_account_id: string | null; changes: Record<string, unknown> }> = await t.ds.query(
      `SELECT action, actor_account_id, changes FROM audit_entry WHERE target_type = 'Account' ORDER BY id`,
    );
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'ACCOUNT_CREATED',
      'ACCOUNT_UPDATED',
      'ACCOUNT_DISABLED',
      'ACCOUNT_ENABLED',
      'ACCOUNT_PASSWORD_RESET',
      'PASSWORD_SET',
      'PASSWORD_CHANGED',
      'SIGNED_OUT_EVERYWHERE',
    ]) {
      expect(actions).toContain(a);
    }
    const updated = rows.find((r) => r.action === 'ACCOUNT_UPDATED')!;
    expect(updated.actor_account_id).toBe(hrId);
    expect(updated.changes).toMatchObject({
      before: { personas: ['PANELIST'], displayName: 'flo' },
      after: { personas: ['HR', 'PANELIST'], displayName: 'Flo R.' },
    });
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/argon2|password_?hash|token_?hash|passphrase|battery staple/i);
    const linkTokens: string[] = (await t.ds.query('SELECT token_hash FROM account_password_link')).map(
      (r: { token_hash: string }) => r.token_hash,
    );
    for (const h of linkTokens) expect(text).not.toContain(h);
  });

  it('HR finds accounts by part of the email or name, persona and status, paged', async () => {
    const byEmail = ok(await t.gql(Q.accounts, { email: 'DISTRICT.example', first: 3 }, hr)).accounts;
    expect(byEmail.nodes).toHaveLength(3);
    expect(byEmail.pageInfo.hasNextPage).toBe(true);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM account WHERE email ILIKE '%district.example%'`);
    expect(byEmail.totalCount).toBe(n);
    const next = ok(await t.gql(Q.accounts, { email: 'district.example', first: 3, after: byEmail.pageInfo.endCursor }, hr)).accounts;
    expect(next.nodes.map((a: { id: string }) => a.id)).not.toContain(byEmail.nodes[0].id);

    const flo = ok(await t.gql(Q.accounts, { name: 'flo r', persona: 'HR', status: 'ENABLED' }, hr)).accounts;
    expect(flo.nodes.map((a: { email: string }) => a.email)).toEqual(['flo@district.example']);
    const disabled = ok(await t.gql(Q.accounts, { status: 'DISABLED' }, hr)).accounts.nodes.map((a: { email: string }) => a.email);
    expect(disabled).toContain('eve@district.example');
    expect(disabled).not.toContain('dee@district.example');
    // LIKE wildcards in the search text are literal.
    expect(ok(await t.gql(Q.accounts, { email: '%' }, hr)).accounts.totalCount).toBe(0);
  });
});

describe('the district can never lock itself out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const version = async (id: string) => (await t.ds.query('SELECT version FROM account WHERE id = $1', [id]))[0].version as number;
  const state = async () => t.ds.query('SELECT id, personas, disabled_at, version FROM account ORDER BY id');

  it('two HR disabling each other at once: exactly one succeeds, the other is FORBIDDEN', async () => {
    const a = await t.signInAs([Persona.HR]);
    const b = await t.signInAs([Persona.HR]);
    const [ra, rb] = await Promise.all([
      t.gql(Q.disable, { input: { id: b.account.id, version: await version(b.account.id) } }, a.token),
      t.gql(Q.disable, { input: { id: a.account.id, version: await version(a.account.id) } }, b.token),
    ]);
    const codes = [codeOf(ra), codeOf(rb)].sort();
    // The loser is FORBIDDEN (last HR) or, if the winner's disabling ended its session first, UNAUTHENTICATED.
    expect(codes[1]).toBeUndefined();
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(codes[0]);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM account WHERE disabled_at IS NULL AND 'HR' = ANY(personas)`);
    expect(n).toBe(1);
  });

  it('the last HR can neither disable itself nor drop the HR persona; nothing changes', async () => {
    const [{ id }] = await t.ds.query(`SELECT id FROM account WHERE disabled_at IS NULL AND 'HR' = ANY(personas)`);
    const token = (await t.app.get((await import('../../src/access/token.service.js')).TokenService).issue(id)).token;
    const before = await state();
    const self = await t.gql(Q.disable, { input: { id, version: await version(id) } }, token);
    expect(codeOf(self)).toBe('FORBIDDEN');
    expect(self.errors![0].message).toMatch(/last enabled HR account: give HR to another account first/);
    expect(codeOf(await t.gql(Q.update, { input: { id, version: await version(id), personas: ['PANELIST'] } }, token))).toBe('FORBIDDEN');
    expect(await state()).toEqual(before);
    // Keeping HR while adding another persona is fine.
    ok(await t.gql(Q.update, { input: { id, version: await version(id), personas: ['HR', 'PANELIST'] } }, token));
  });
});
