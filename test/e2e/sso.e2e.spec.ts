import { AccountEntity } from '../../src/access/account.entity.js';
import { Persona } from '../../src/access/persona.js';
import { insertBuilding } from '../support/matching-fixtures.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/identity-provider.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const VIEWER = `{ viewer { accountId email personas educatorId } }`;

describe('single sign-on: verified emails only, just-in-time educator accounts, one audit entry per session', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    t = await startTestApp({
      ...idp.env,
      OIDC_AUTO_PROVISION_DOMAINS: 'District.example, schools.district.example',
    });
    await t.ds.getRepository(AccountEntity).save({ email: 'known@other.example', displayName: 'Known', personas: [Persona.PANELIST] });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const idToken = (email: string, claims: Record<string, unknown> = {}) =>
    idp.idToken({ email, email_verified: true, sid: 'session-1', ...claims }, { sub: `sub-${email}` });
  const insertEducator = async (buildingId: string, fullName: string, workEmail: string): Promise<string> =>
    (
      await t.ds.query(
        `INSERT INTO educator (full_name, work_email, building_id, hire_date, version) VALUES ($1, $2, $3, '2016-08-15', 1) RETURNING id`,
        [fullName, workEmail, buildingId],
      )
    )[0].id;
  const accounts = async () => t.ds.query('SELECT email, personas, educator_id FROM account ORDER BY email');

  it('refuses an identity token whose email the provider has not verified, creating nothing', async () => {
    const before = await accounts();
    for (const unverified of [false, 'false']) {
      const res = await t.gql(VIEWER, {}, await idToken('known@other.example', { email_verified: unverified }));
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
    }
    const building = await insertBuilding(t.ds, 'Verify High');
    await insertEducator(building, 'Una Verified', 'una@district.example');
    expect(codeOf(await t.gql(VIEWER, {}, await idToken('una@district.example', { email_verified: false })))).toBe('UNAUTHENTICATED');
    expect(await accounts()).toEqual(before);
  });

  it('creates an EDUCATOR account linked by work email on the first sign-in from a configured domain', async () => {
    const building = await insertBuilding(t.ds, 'JIT Middle');
    const educatorId = await insertEducator(building, 'Jo Jit', 'Jo.Jit@District.example');
    const res = await t.gql(VIEWER, {}, await idToken('jo.jit@district.example'));
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toMatchObject({ email: 'jo.jit@district.example', personas: ['EDUCATOR'], educatorId });
    const [row] = await t.ds.query(
      `SELECT personas, educator_id, password_hash, display_name FROM account WHERE email = 'jo.jit@district.example'`,
    );
    expect(row).toEqual({ personas: ['EDUCATOR'], educator_id: educatorId, password_hash: null, display_name: 'Jo Jit' });
    const audit = await t.ds.query(`SELECT changes->>'via' AS via FROM audit_entry WHERE action = 'ACCOUNT_CREATED' AND target_id = $1`, [
      res.data.viewer.accountId,
    ]);
    expect(audit).toEqual([{ via: 'single sign-on auto-provisioning' }]);
  });

  it('refuses with a coded reason when no educator has that work email, or the domain is not configured', async () => {
    const before = await accounts();
    const none = await t.gql(VIEWER, {}, await idToken('stranger@schools.district.example'));
    expect(codeOf(none)).toBe('UNAUTHENTICATED');
    expect(none.errors![0].extensions!.reason).toBe('NO_MATCHING_EDUCATOR');
    expect(none.errors![0].message).toMatch(/ask HR/);
    const other = await t.gql(VIEWER, {}, await idToken('someone@elsewhere.example'));
    expect(codeOf(other)).toBe('UNAUTHENTICATED');
    expect(other.errors![0].extensions!.reason).toBe('NO_ACCOUNT');
    expect(await accounts()).toEqual(before);
  });

  it('audits a single sign-on once per session, not once per request', async () => {
    const count = async () =>
      (
        await t.ds.query(
          `SELECT count(*)::int AS n FROM audit_entry a JOIN account ac ON ac.id::text = a.target_id WHERE a.action = 'SIGN_IN' AND ac.email = 'known@other.example' AND a.changes->>'method' = 'sso'`,
        )
      )[0].n;
    const first = await idToken('known@other.example', { sid: 'morning' });
    for (let i = 0; i < 4; i++) expect((await t.gql(VIEWER, {}, first)).errors).toBeUndefined();
    expect(await count()).toBe(1);
    const second = await idToken('known@other.example', { sid: 'afternoon' });
    for (let i = 0; i < 3; i++) expect((await t.gql(VIEWER, {}, second)).errors).toBeUndefined();
    expect(await count()).toBe(2);
  });

  it('a disabled single sign-on account is refused at once', async () => {
    const token = await idToken('known@other.example', { sid: 'evening' });
    expect((await t.gql(VIEWER, {}, token)).errors).toBeUndefined();
    const hr = await t.signInAs([Persona.HR]);
    const [{ id, version }] = await t.ds.query(`SELECT id, version FROM account WHERE email = 'known@other.example'`);
    const res = await t.gql(
      `mutation($input: AccountRefInput!) { disableAccount(input: $input) { status } }`,
      { input: { id, version } },
      hr.token,
    );
    expect(res.errors).toBeUndefined();
    expect(codeOf(await t.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
  });
});
