import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

describe('request hardening', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '500' });
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  it('refuses a query nested deeper than the limit before running it', async () => {
    expect(codeOf(await t.gql(`{ frameworks { nodes { competencies { code } } } }`, {}, hr))).toBeUndefined();
    const res = await t.gql(`{ frameworks { nodes { competencies { levels { level } } } } }`, {}, hr);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/nested 4 levels deep; the limit is 3/);
  });

  it('refuses a query whose cost is over the limit (many aliases of a large page)', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: frameworks(first: 100) { nodes { code } }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, hr);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/too expensive/);
  });

  it('uses the variables when pricing a page', async () => {
    const q = `query($n: Int!) { a: frameworks(first: $n) { nodes { code title description } } b: frameworks(first: $n) { nodes { code title description } } }`;
    expect(codeOf(await t.gql(q, { n: 100 }, hr))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(q, { n: 5 }, hr))).toBeUndefined();
  });

  it('answers an oversized body with a coded error', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
      body: JSON.stringify({ query: '{ viewer { email } }', variables: { pad: 'x'.repeat(3_000_000) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers malformed JSON with a coded error', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses simple cross-site GET requests (CSRF prevention)', async () => {
    const res = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ viewer { email } }')}`);
    expect(res.status).toBe(400);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const res = await t.gql(`{ __schema { queryType { name } } }`);
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });

  it('masks unexpected failures: no stack trace, no SQL text', async () => {
    const { token } = await t.signInAs([Persona.HR]);
    await t.ds.query('ALTER TABLE competency_framework RENAME COLUMN publisher TO publisher_gone');
    try {
      const res = await t.gql(`{ frameworks { nodes { code } } }`, {}, token);
      expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
      const text = JSON.stringify(res);
      expect(text).not.toMatch(/publisher|SELECT|stacktrace|at \w+ \(/);
      expect(res.errors?.[0].message).toBe('Internal server error');
    } finally {
      await t.ds.query('ALTER TABLE competency_framework RENAME COLUMN publisher_gone TO publisher');
    }
  });
});

describe('variables of the wrong shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('get BAD_USER_INPUT, not an internal error', async () => {
    const { token } = await t.signInAs([Persona.HR]);
    const q = `mutation($input: UpdateCompetencyInput!) { updateCompetency(input: $input) { id } }`;
    const missingField = await t.gql(q, { input: { id: '00000000-0000-4000-8000-000000000000' } }, token);
    expect(codeOf(missingField)).toBe('BAD_USER_INPUT');
    const unknownField = await t.gql(
      q,
      { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, birthDate: '1970-01-01' } },
      token,
    );
    expect(codeOf(unknownField)).toBe('BAD_USER_INPUT');
    expect(unknownField.errors?.[0].message).toMatch(/birthDate/);
  });
});
