import { jest } from '@jest/globals';
import pg from 'pg';
import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const CREATE_BUILDING = `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id name } }`;

/** Everything written to the process's output while `run` runs. */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((c: unknown) => (chunks.push(String(c)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((c: unknown) => (chunks.push(String(c)), true)),
    ...(['log', 'error', 'warn', 'info', 'debug'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation((...a: unknown[]) => void chunks.push(a.map(String).join(' '))),
    ),
  ];
  try {
    return { result: await run(), output: chunks.join('\n') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

describe('failures a client can cause answer with codes, and the log never gets SQL or parameters', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  const buildings = async () => Number((await t.ds.query(`SELECT count(*)::int AS n FROM building`))[0].n);

  it('refuses a NUL byte in a variable or a literal as BAD_USER_INPUT before any SQL', async () => {
    const before = await buildings();
    const { result, output } = await captureOutput(async () => [
      await t.gql(CREATE_BUILDING, { input: { code: 'NUL1', name: 'Lincoln\u0000Middle' } }, hr),
      await t.gql(`mutation { createBuilding(input: { code: "NUL2", name: "Lincoln\\u0000Middle" }) { id } }`, {}, hr),
      await t.gql(CREATE_BUILDING, { input: { code: 'NUL3', name: 'ok', ['le\u0000vel']: 'x' } }, hr),
    ]);
    for (const res of result) {
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/NUL/);
    }
    expect(await buildings()).toBe(before);
    expect(output).not.toMatch(/INSERT|SELECT|Lincoln/);
  });

  it('logs an unexpected statement failure without its SQL text or parameters, and masks it for the client', async () => {
    await t.ds.query(`ALTER TABLE building RENAME COLUMN name TO name_gone`);
    try {
      const { result, output } = await captureOutput(() =>
        t.gql(CREATE_BUILDING, { input: { code: 'PRIV', name: 'Dr Private Person' } }, hr),
      );
      expect(codeOf(result)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(result)).not.toMatch(/name_gone|INSERT|Private/);
      expect(output).toMatch(/does not exist/);
      expect(output).not.toMatch(/INSERT INTO|Dr Private Person|PRIV/);
    } finally {
      await t.ds.query(`ALTER TABLE building RENAME COLUMN name_gone TO name`);
    }
  });

  it('answers SERVICE_UNAVAILABLE with a retry hint and HTTP 503 while the database refuses connections, and recovers by itself', async () => {
    const dbName: string = (await t.ds.query(`SELECT current_database() AS d`))[0].d;
    // Maintenance as an operator does it: no new connections to this database, open ones terminated.
    const adminClient = new pg.Client({ connectionString: process.env.PATHWAYS_TEST_SERVER_URL });
    await adminClient.connect();
    const admin = (sql: string) => adminClient.query(sql);
    await admin(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName}' AND pid <> pg_backend_pid()`);
    try {
      const before = Date.now();
      const res = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${hr}` },
        body: JSON.stringify({ query: CREATE_BUILDING, variables: { input: { code: 'DOWN', name: 'While down' } } }),
      });
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      if (res.status !== 503) console.error(JSON.stringify(body));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors[0].extensions.retryAfterSeconds).toEqual(expect.any(Number));
      expect(Date.now() - before).toBeLessThan(5000);
    } finally {
      await admin(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
      await adminClient.end();
    }
    const again = await t.gql(CREATE_BUILDING, { input: { code: 'BACK', name: 'After' } }, hr);
    expect(again.errors).toBeUndefined();
    expect(
      (await t.ds.query(`SELECT code FROM building WHERE code IN ('DOWN', 'BACK') ORDER BY code`)).map((r: { code: string }) => r.code),
    ).toEqual(['BACK']);
  });

  it('sends no X-Powered-By header', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('production error messages do not describe the schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'q'.repeat(40) });
  });
  afterAll(() => t.close());

  it('names no input field, type or suggestion in validation and variable errors', async () => {
    const { token } = await t.signInAs([Persona.HR]);
    const missing = await t.gql(CREATE_BUILDING, { input: { code: 'X' } }, token);
    const unknown = await t.gql(`{ buildingz { id } }`, {}, token);
    const wrongArg = await t.gql(`mutation { createBuilding(input: { code: "X" }) { id } }`, {}, token);
    for (const res of [missing, unknown, wrongArg]) {
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(res));
      expect(JSON.stringify(res.errors)).not.toMatch(/CreateBuildingInput|"name"|\bname\b|buildings|Did you mean|String!/);
    }
  });
});
