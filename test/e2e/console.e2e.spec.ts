import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/app-config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const examplesDir = fileURLToPath(new URL('../../graphql/examples/', import.meta.url));

/** The page's JSON data block, as the page's script reads it. */
function pageData(html: string): any {
  const m = /<script id="console-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no console data block');
  return JSON.parse(m[1]);
}

describe('the offline API console over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves one page that loads only its own two assets, under a strict Content-Security-Policy', async () => {
    const res = await fetch(`${t.baseUrl}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(sources).toEqual([
      'data:,',
      expect.stringMatching(/^console\/console\.css\?v=\w+$/),
      expect.stringMatching(/^console\/console\.js\?v=\w+$/),
    ]);
    // No executable inline script: the only inline <script> is a JSON data block.
    expect([...html.matchAll(/<script(?![^>]*src=)[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script id="console-data" type="application/json">',
    ]);

    for (const asset of sources.slice(1)) {
      const a = await fetch(`${t.baseUrl}/${asset}`);
      expect(a.status).toBe(200);
      expect(a.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await a.text();
      expect(body.length).toBeGreaterThan(10_000);
      // Nothing from a CDN: no host of Apollo's, jsDelivr's, unpkg's or Google's fonts is named anywhere in the bundle.
      expect(body).not.toMatch(/apollographql\.com|cdn\.jsdelivr|unpkg\.com|fonts\.googleapis|esm\.sh/);
    }
    expect((await fetch(`${t.baseUrl}/console/console.js?v=old`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${t.baseUrl}/console/other.js`)).status).toBe(404);
  });

  it('preloads every example operation of graphql/examples (the files the examples test runs) with its variables', async () => {
    const data = pageData(await (await fetch(`${t.baseUrl}/console`)).text());
    const files = readdirSync(examplesDir)
      .filter((f) => f.endsWith('.graphql'))
      .sort();
    expect(data.examples.map((e: { file: string }) => e.file)).toEqual(files);
    for (const e of data.examples) expect(e.query).toBe(readFileSync(`${examplesDir}${e.file}`, 'utf8'));
    const byName = Object.fromEntries(data.examples.map((e: { name: string }) => [e.name, e]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['OpenRoles', 'Viewer', 'SignIn', 'SuperintendentCoverage']));
    expect(JSON.parse(byName.SignIn.variables)).toEqual({ input: { email: 'hr@demo.pathways.test', password: 'pathways-demo' } });
    expect(data.signIn).toMatchObject({ operationName: 'SignIn', query: byName.SignIn.query });
    expect(data.endpoint).toBe('graphql');
    expect(data.charts.map((c: { href: string }) => c.href.split('?')[0])).toEqual([
      'charts/capacity-heat-map.svg',
      'charts/capacity-coverage.svg',
      'charts/fairness-impact-ratios.svg',
    ]);
  });

  it('answers a browser opening /graphql with a page pointing to the console, not a CSRF refusal; a GET without it is still refused', async () => {
    const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<a href="console">');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const bare = await fetch(`${t.baseUrl}/graphql?query=%7B__typename%7D`);
    expect(bare.status).toBe(400);
    expect(JSON.stringify(await bare.json())).toContain('CSRF');
  });

  it('sends what the console sends (a JSON POST with Apollo-Require-Preflight) through CSRF prevention', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('is on by default outside production and off in production unless CONSOLE_ENABLED=true', () => {
    const secret = { JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };
    expect(loadConfig({ NODE_ENV: 'development' }).consoleEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).consoleEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).consoleEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', CONSOLE_ENABLED: 'true', ...secret }).consoleEnabled).toBe(true);
    expect(() => loadConfig({ CONSOLE_ENABLED: 'maybe' })).toThrow('CONSOLE_ENABLED must be true or false');
  });
});

describe('with the console turned off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CONSOLE_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('serves no console, and /graphql in a browser says how to turn it on', async () => {
    expect((await fetch(`${t.baseUrl}/console`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/console/console.js`)).status).toBe(404);
    const html = await (await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('CONSOLE_ENABLED=true');
    expect(html).not.toContain('http-equiv="refresh"');
  });
});
