import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { AccountEntity } from '../../src/access/account.entity.js';
import { hashPassword } from '../../src/access/auth.service.js';
import { Persona } from '../../src/access/persona.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createRootLogger } from '../../src/operations/logging.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const PASSWORD = 'Zebra-Orchard-7731-secret';
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

describe('request logs', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  const lines: string[] = [];
  const captured = () => lines.join('');
  const records = () =>
    lines
      .flatMap((l) => l.split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, any>);

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, SEED_DEMO: 'false', LOG_LEVEL: 'info' });
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await createApp(config, db.dataSource, { logger: createRootLogger('info', sink) });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    await db.dataSource.getRepository(AccountEntity).save({
      email: 'hr.logs@district.example',
      displayName: 'HR Logs',
      personas: [Persona.HR],
      passwordHash: await hashPassword(PASSWORD),
    });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('writes one JSON line per request with id, operation, personas, status and duration, and never the password or the token', async () => {
    const signIn = await post(
      { query: SIGN_IN, operationName: 'SignIn', variables: { input: { email: 'hr.logs@district.example', password: PASSWORD } } },
      { 'x-request-id': 'req-sign-in-1' },
    );
    expect(signIn.headers.get('x-request-id')).toBe('req-sign-in-1');
    const token = ((await signIn.json()) as any).data.signIn.accessToken as string;
    expect(token.length).toBeGreaterThan(20);

    const viewer = await post(
      { query: 'query Viewer { viewer { email } }', operationName: 'Viewer' },
      { authorization: `Bearer ${token}` },
    );
    expect(viewer.status).toBe(200);
    const madeId = viewer.headers.get('x-request-id');
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);

    const refused = await post({ query: 'query Refused { buildings(first: 1) { totalCount } }' }, { authorization: `Bearer ${token}x` });
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    await new Promise((r) => setTimeout(r, 50));
    const requestLines = records().filter((r) => r.req?.path === '/graphql');
    expect(requestLines).toHaveLength(3);
    const [first, second, third] = requestLines;
    expect(first).toMatchObject({
      reqId: 'req-sign-in-1',
      operation: 'SignIn',
      personas: [],
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(typeof first.responseTime).toBe('number');
    expect(second).toMatchObject({ reqId: madeId, operation: 'Viewer', personas: ['HR'], res: { statusCode: 200 } });
    expect(second.accountId).toMatch(/^[0-9a-f-]{36}$/);
    expect(third).toMatchObject({ operation: 'Refused', personas: [], errorCodes: ['UNAUTHENTICATED'] });

    const all = captured();
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('.')[1]);
    expect(all.toLowerCase()).not.toContain('bearer');
    expect(all).not.toContain('hr.logs@district.example');
  });

  it('replaces a malformed X-Request-Id instead of logging what the caller sent', async () => {
    const res = await post({ query: '{ __typename }' }, { 'x-request-id': 'evil\r\nline {"level":60}'.replace(/\r\n/g, ' ') });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    expect(captured()).not.toContain('evil');
  });

  it('keeps query strings, variables and SQL parameters out of the log, even for failures', async () => {
    const secret = 'evidence-text-Do-Not-Log-5521';
    await fetch(`${baseUrl}/graphql?query=${encodeURIComponent(`{ building(id: "${secret}") { id } }`)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    await post({ query: `query B($id: ID!) { building(id: $id) { id } }`, variables: { id: secret } });
    await post({
      query: `mutation E($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
      variables: { input: { code: secret, name: secret, level: 'MIDDLE' } },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(captured()).not.toContain(secret);
    expect(records().filter((r) => r.req?.path === '/graphql').length).toBeGreaterThanOrEqual(6);
  });
});
