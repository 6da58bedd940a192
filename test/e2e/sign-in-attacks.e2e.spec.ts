import { AccountEntity } from '../../src/access/account.entity.js';
import { hashPassword } from '../../src/access/auth.service.js';
import { Persona } from '../../src/access/persona.js';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

async function signIn(t: TestApp, email: string, password: string, forwardedFor?: string): Promise<GqlResponse> {
  const res = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  const body = (await res.json()) as GqlResponse;
  return { status: res.status, data: body.data, errors: body.errors };
}
const codes = (answers: GqlResponse[]) =>
  answers.reduce<Record<string, number>>((acc, a) => {
    const c = a.errors?.[0]?.extensions?.code ?? 'OK';
    acc[c] = (acc[c] ?? 0) + 1;
    return acc;
  }, {});
const failedChecks = async (t: TestApp) =>
  Number((await t.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'SIGN_IN_FAILED'`))[0].n);

describe('sign-in under attack', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      SIGNIN_MAX_FAILURES: '3',
      SIGNIN_LOCKOUT_SECONDS: '600',
      SIGNIN_MAX_CONCURRENT_HASHES: '2',
      SIGNIN_MAX_QUEUED_HASHES: '200',
    });
    await t.ds.getRepository(AccountEntity).save({
      email: 'target@district.example',
      displayName: 'Target',
      personas: [Persona.HR],
      passwordHash: await hashPassword('the right one'),
    });
  });
  afterAll(() => t.close());

  it('lets at most the configured number of 100 parallel guesses at one account reach a password check', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn(t, 'target@district.example', `guess-${i}`)));
    expect(codes(answers)).toEqual({ UNAUTHENTICATED: 3, TOO_MANY_REQUESTS: 97 });
    expect(await failedChecks(t)).toBe(3);
    const right = await signIn(t, 'target@district.example', 'the right one');
    expect(right.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(right.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });
});

describe('sign-in from a client that is not a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SIGNIN_MAX_FAILURES: '3', SIGNIN_LOCKOUT_SECONDS: '600' });
  });
  afterAll(() => t.close());

  it('ignores its X-Forwarded-For', async () => {
    // Twelve failures per address (3 x 4); rotating the header must not buy a thirteenth.
    const answers: GqlResponse[] = [];
    for (let i = 0; i < 14; i++) answers.push(await signIn(t, `nobody-${i}@district.example`, 'x', `203.0.113.${i}`));
    expect(answers.slice(0, 12).every((a) => a.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED')).toBe(true);
    expect(answers.at(-1)?.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    const keys: Array<{ key: string }> = await t.ds.query(`SELECT key FROM sign_in_limit WHERE key LIKE 'address%'`);
    expect(keys.map((k) => k.key).some((k) => k.includes('203.0.113'))).toBe(false);
  });
});

describe('sign-in behind a trusted proxy, with bounded hashing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      TRUSTED_PROXIES: 'loopback',
      SIGNIN_MAX_CONCURRENT_HASHES: '1',
      SIGNIN_MAX_QUEUED_HASHES: '1',
      SIGNIN_MAX_FAILURES: '50',
    });
  });
  afterAll(() => t.close());

  it('keys the address limit on the forwarded client address', async () => {
    expect((await signIn(t, 'ghost@district.example', 'x', '198.51.100.7')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const keys: Array<{ key: string }> = await t.ds.query(`SELECT key FROM sign_in_limit WHERE key LIKE 'address%'`);
    expect(keys.map((k) => k.key)).toEqual([expect.stringContaining('198.51.100.7')]);
  });

  it('answers TOO_MANY_REQUESTS instead of queueing password checks without bound', async () => {
    const before = await failedChecks(t);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(t, `burst-${i}@district.example`, 'x', `198.51.100.${20 + i}`)),
    );
    const tally = codes(answers);
    expect(tally.TOO_MANY_REQUESTS).toBeGreaterThan(0);
    expect(tally.INTERNAL_SERVER_ERROR).toBeUndefined();
    expect((await failedChecks(t)) - before).toBe(tally.UNAUTHENTICATED);
    const busy = answers.find((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
    expect(busy?.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  });
});
