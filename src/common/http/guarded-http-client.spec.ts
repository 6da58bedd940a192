import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_GUARDED_HTTP_CONFIG,
  GuardedHttpClient,
  hostAllowed,
  isNonPublicAddress,
  OutboundHttpError,
  type GuardedHttpConfig,
} from './guarded-http-client.js';

/** A local server; loopback is reachable only because each test's configuration says so explicitly. */
let server: Server;
let base: string;
let hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = req.url ?? '/';
    if (url === '/doc') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    if (url === '/text') return res.writeHead(200).end('not json');
    if (url === '/missing') return res.writeHead(404).end('{}');
    if (url === '/big-declared') return res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
    if (url === '/big-chunked') {
      res.writeHead(200);
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      return res.end();
    }
    if (url === '/hang') return; // never answers
    if (url === '/to-doc') return res.writeHead(302, { location: '/doc' }).end();
    if (url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (url === '/to-elsewhere') return res.writeHead(301, { location: 'http://elsewhere.test/doc' }).end();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = [];
});

const loopbackAllowed = (overrides: Partial<GuardedHttpConfig> = {}): GuardedHttpConfig => ({
  ...DEFAULT_GUARDED_HTTP_CONFIG,
  allowedHosts: ['127.0.0.1', 'localhost'],
  allowPrivateAddresses: true,
  allowPlainHttp: true,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OutboundHttpError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('guarded HTTP client', () => {
  it('fetches JSON from an allowed host when loopback is explicitly allowed', async () => {
    const client = new GuardedHttpClient(loopbackAllowed());
    await expect(client.getJson(`${base}/doc`)).resolves.toEqual({ ok: true });
    expect(hits).toEqual(['/doc']);
  });

  it('refuses a host outside the allow-list without connecting', async () => {
    const client = new GuardedHttpClient(loopbackAllowed({ allowedHosts: ['example.org'] }));
    expect(await refusal(client.getJson(`${base}/doc`))).toBe('HOST_NOT_ALLOWED');
    expect(hits).toEqual([]);
  });

  it('refuses loopback by default, by literal address and after DNS resolution', async () => {
    const client = new GuardedHttpClient(loopbackAllowed({ allowPrivateAddresses: false }));
    expect(await refusal(client.getJson(`${base}/doc`))).toBe('PRIVATE_ADDRESS');
    const port = (server.address() as AddressInfo).port;
    expect(await refusal(client.getJson(`http://localhost:${port}/doc`))).toBe('PRIVATE_ADDRESS');
    expect(hits).toEqual([]);
  });

  it('refuses a name that resolves to a private or link-local address (rebinding, metadata endpoints)', async () => {
    const config = { ...DEFAULT_GUARDED_HTTP_CONFIG, allowedHosts: ['issuer.example', '*.example.net'] };
    const toMetadata = new GuardedHttpClient(config, async () => [{ address: '169.254.169.254', family: 4 }]);
    expect(await refusal(toMetadata.getJson('https://issuer.example/.well-known/did.json'))).toBe('PRIVATE_ADDRESS');
    const mixed = new GuardedHttpClient(config, async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ]);
    expect(await refusal(mixed.getJson('https://a.example.net/keys'))).toBe('PRIVATE_ADDRESS');
    const mappedV6 = new GuardedHttpClient(config, async () => [{ address: '::ffff:127.0.0.1', family: 6 }]);
    expect(await refusal(mappedV6.getJson('https://issuer.example/'))).toBe('PRIVATE_ADDRESS');
  });

  it('refuses plain http unless configured, and URLs carrying credentials', async () => {
    const client = new GuardedHttpClient(loopbackAllowed({ allowPlainHttp: false }));
    expect(await refusal(client.getJson(`${base}/doc`))).toBe('BAD_URL');
    const open = new GuardedHttpClient(loopbackAllowed());
    expect(await refusal(open.getJson(`http://user:pw@127.0.0.1/doc`))).toBe('BAD_URL');
    expect(await refusal(open.getJson('not a url'))).toBe('BAD_URL');
    expect(hits).toEqual([]);
  });

  it('stops reading a body over the size limit, declared or streamed', async () => {
    const client = new GuardedHttpClient(loopbackAllowed({ maxResponseBytes: 2048 }));
    expect(await refusal(client.get(`${base}/big-declared`))).toBe('TOO_LARGE');
    expect(await refusal(client.get(`${base}/big-chunked`))).toBe('TOO_LARGE');
  });

  it('lets one call set its own size limit (a CASE package), leaving the configured one for the rest', async () => {
    const client = new GuardedHttpClient(loopbackAllowed({ maxResponseBytes: 2048 }));
    expect((await client.get(`${base}/big-declared`, { maxBytes: 10_000, fresh: true })).body.length).toBe(5000);
    expect(await refusal(client.get(`${base}/big-declared`, { fresh: true }))).toBe('TOO_LARGE');
    expect(await refusal(client.get(`${base}/big-declared`, { maxBytes: 1000, fresh: true }))).toBe('TOO_LARGE');
  });

  it('gives up on a server that never answers within the total timeout', async () => {
    const client = new GuardedHttpClient(loopbackAllowed({ totalTimeoutMs: 200 }));
    const started = Date.now();
    expect(await refusal(client.get(`${base}/hang`))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('follows a redirect within the allow-list and re-checks each hop', async () => {
    const client = new GuardedHttpClient(loopbackAllowed());
    const response = await client.get(`${base}/to-doc`);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${base}/doc`);
    expect(await refusal(client.get(`${base}/to-elsewhere`))).toBe('HOST_NOT_ALLOWED');
    expect(await refusal(client.get(`${base}/loop`))).toBe('REDIRECT_REFUSED');
    expect(hits.filter((h) => h === '/loop')).toHaveLength(4);
  });

  it('refuses every redirect when none are allowed', async () => {
    const client = new GuardedHttpClient(loopbackAllowed({ maxRedirects: 0 }));
    expect(await refusal(client.get(`${base}/to-doc`))).toBe('REDIRECT_REFUSED');
    expect(hits).toEqual(['/to-doc']);
  });

  it('names a non-200 answer and a body that is not JSON', async () => {
    const client = new GuardedHttpClient(loopbackAllowed());
    expect(await refusal(client.getJson(`${base}/missing`))).toBe('BAD_STATUS');
    expect(await refusal(client.getJson(`${base}/text`))).toBe('NOT_JSON');
  });

  it('reuses a successful answer until its time to live runs out, unless asked for a fresh one', async () => {
    let now = 1_000_000;
    const client = new GuardedHttpClient(loopbackAllowed({ cacheTtlMs: 60_000 }), undefined, () => now);
    await client.getJson(`${base}/doc`);
    await client.getJson(`${base}/doc`);
    expect(hits).toEqual(['/doc']);
    await client.getJson(`${base}/doc`, { fresh: true });
    expect(hits).toHaveLength(2);
    now += 61_000;
    await client.getJson(`${base}/doc`);
    expect(hits).toHaveLength(3);
  });

  it('does not cache failures', async () => {
    const client = new GuardedHttpClient(loopbackAllowed());
    await refusal(client.getJson(`${base}/missing`));
    await refusal(client.getJson(`${base}/missing`));
    expect(hits).toEqual(['/missing', '/missing']);
  });
});

describe('address and host rules', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.1', true],
    ['172.16.5.4', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
    ['not-an-ip', true],
  ])('%s is non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });

  it('matches exact hosts and subdomain wildcards only', () => {
    expect(hostAllowed('Issuer.Example.', ['issuer.example'])).toBe(true);
    expect(hostAllowed('a.b.example.org', ['*.example.org'])).toBe(true);
    expect(hostAllowed('example.org', ['*.example.org'])).toBe(false);
    expect(hostAllowed('evilexample.org', ['*.example.org'])).toBe(false);
    expect(hostAllowed('issuer.example.evil', ['issuer.example'])).toBe(false);
  });
});
