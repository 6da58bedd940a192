import { AccountEntity } from '../../src/access/account.entity.js';
import { hashPassword } from '../../src/access/auth.service.js';
import { Persona } from '../../src/access/persona.js';
import {
  startIdentityProvider,
  strangerKey as otherKey,
  type SigningKey,
  type TestIdentityProvider,
} from '../support/identity-provider.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken expiresAt viewer { email personas } } }`;
const VIEWER = `{ viewer { email personas } }`;

describe('signing in', () => {
  let t: TestApp;
  let idp: TestIdentityProvider;
  let idpKey: SigningKey;
  let strangerKey: SigningKey;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    idpKey = idp.key;
    strangerKey = await otherKey();
    t = await startTestApp({
      ...idp.env,
      SIGNIN_MAX_FAILURES: '3',
      SIGNIN_LOCKOUT_SECONDS: '600',
    });
    const repo = t.ds.getRepository(AccountEntity);
    await repo.save({
      email: 'Rivera@District.example',
      displayName: 'Ana Rivera',
      personas: [Persona.HR],
      passwordHash: await hashPassword('correct horse battery'),
    });
    await repo.save({
      email: 'lock@district.example',
      displayName: 'Lock Test',
      personas: [Persona.EDUCATOR],
      passwordHash: await hashPassword('right password'),
    });
    await repo.save({ email: 'sso.user@district.example', displayName: 'SSO User', personas: [Persona.PANELIST, Persona.EDUCATOR] });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const idToken = (
    key: SigningKey,
    claims: Record<string, unknown> = {},
    opts: { aud?: string; iss?: string; exp?: number | string } = {},
  ) => idp.idToken({ email: 'sso.user@district.example', ...claims }, { ...opts, key });

  it('signs in with a local password (email case-insensitive) and the token works; the password is never echoed or logged', async () => {
    const res = await t.gql(SIGN_IN, { input: { email: 'rivera@district.example', password: 'correct horse battery' } });
    expect(res.errors).toBeUndefined();
    const token = res.data.signIn.accessToken;
    expect(new Date(res.data.signIn.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await t.gql(VIEWER, {}, token)).data.viewer).toEqual({ email: 'Rivera@District.example', personas: ['HR'] });
    const audit = await t.ds.query(`SELECT action, changes::text AS changes FROM audit_entry WHERE action = 'SIGN_IN'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).not.toContain('correct horse');
  });

  it('refuses a wrong password with UNAUTHENTICATED and records the failure', async () => {
    const res = await t.gql(SIGN_IN, { input: { email: 'rivera@district.example', password: 'wrong' } });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    const rows = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'SIGN_IN_FAILED'`);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(rows)).not.toContain('wrong');
  });

  it('locks an account out after repeated failures, even for the right password, with a clear error', async () => {
    for (let i = 0; i < 3; i++) {
      expect(codeOf(await t.gql(SIGN_IN, { input: { email: 'lock@district.example', password: `guess-${i}` } }))).toBe('UNAUTHENTICATED');
    }
    const locked = await t.gql(SIGN_IN, { input: { email: 'lock@district.example', password: 'right password' } });
    expect(codeOf(locked)).toBe('TOO_MANY_REQUESTS');
    expect(locked.errors?.[0].message).toMatch(/Too many failed sign-ins/);
    expect(locked.data).toBeNull();
  });

  it('accepts a token from the district identity provider and maps its email to the account', async () => {
    const res = await t.gql(VIEWER, {}, await idToken(idpKey));
    expect(res.errors).toBeUndefined();
    expect(res.data.viewer).toEqual({ email: 'sso.user@district.example', personas: ['PANELIST', 'EDUCATOR'] });
  });

  it.each([
    ['signed by an unknown key', () => idToken(strangerKey)],
    ['expired', () => idToken(idpKey, {}, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => idToken(idpKey, {}, { aud: 'some-other-app' })],
    ['from another issuer', () => idToken(idpKey, {}, { iss: 'https://evil.example' })],
    ['for an email with no account', () => idToken(idpKey, { email: 'nobody@district.example' })],
  ])('refuses an identity token %s with UNAUTHENTICATED', async (_label, make) => {
    const res = await t.gql(VIEWER, {}, await make());
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeFalsy();
  });

  it('answers a signed-in query with no ETag (no client revalidates a POST; hashing each body is waste)', async () => {
    const { token } = await t.signInAs([Persona.HR]);
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { viewer: { personas: string[] } } }).data.viewer.personas).toEqual(['HR']);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('refuses a tampered or garbage local token', async () => {
    const { token } = await t.signInAs([Persona.HR]);
    const [h, p, s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.${s}`;
    expect(codeOf(await t.gql(VIEWER, {}, forged))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(VIEWER, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
  });
});
