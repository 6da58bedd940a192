import { SignJWT } from 'jose';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Persona } from '../../src/access/persona.js';
import { DEV_SECRET } from '../../src/config/app-config.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The service configured as `npm start` leaves it: NODE_ENV and JWT_SECRET unset, listening on every
 * interface. A token signed with the public development secret must not get in.
 */
describe('a token forged with the public development secret', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'development',
      JWT_SECRET: '',
      HOST: '0.0.0.0',
      JWT_SECRET_FILE: join(mkdtempSync(join(tmpdir(), 'pathways-forged-')), 'jwt-secret'),
    });
  });
  afterAll(() => t.close());

  const forge = (accountId: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(accountId)
      .setIssuer('pathways')
      .setAudience('pathways-api')
      .setIssuedAt()
      .setExpirationTime('365d')
      .sign(new TextEncoder().encode(DEV_SECRET));

  it('is refused, while a token the service issued works', async () => {
    expect(t.config.jwtSecret).not.toBe(DEV_SECRET);
    const { token, account } = await t.signInAs([Persona.HR]);
    expect((await t.gql('{ viewer { email } }', {}, token)).data?.viewer.email).toBe(account.email);
    const forged = await t.gql('{ viewer { email } }', {}, await forge(account.id));
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
    expect(forged.data?.viewer).toBeFalsy();
  });
});
