import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/seed/demo-district.js';
import { generateDemoDistrict, todayIso } from '../../src/seed/demo-plan.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Debian's chromium (`.ci/run` installs it). Without it this file is skipped, and says so loudly. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) {
  console.warn(
    `\n!!! SKIPPED: the API console browser test needs Chromium at ${CHROMIUM} (apt-get install -y chromium); nothing was checked in a browser !!!\n`,
  );
}
// Callbacks passed to evaluate run in the page: they reach its document as globalThis.document (this project compiles
// without the DOM library).
const describeInBrowser = haveBrowser ? describe : describe.skip;

describeInBrowser('the API console in a real headless Chromium', () => {
  let t: TestApp;
  let userDataDir: string;
  let browser: BrowserContext;
  let page: Page;
  const offsite: string[] = [];
  const cspViolations: string[] = [];
  const asOf = todayIso();
  let token = '';

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoIfEmpty(t.ds, () => undefined, { asOf });
    // A new, empty profile: no cached assets, no stored tabs or headers.
    userDataDir = mkdtempSync(join(tmpdir(), 'pathways-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1400, height: 900 },
    });
    page = await browser.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(t.baseUrl) && !/^(blob|data):/.test(r.url())) offsite.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  it('signs in as HR, runs the open-roles example and shows the open roles; loads nothing from anywhere else', async () => {
    // A browser opening /graphql is sent on to the console.
    await page.goto(`${t.baseUrl}/graphql`);
    await page.waitForURL(`${t.baseUrl}/console`);
    await page.getByLabel('Email').fill('hr@demo.pathways.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('signed-in').textContent()).toContain('hr@demo.pathways.test (HR)');

    // The token is in the headers editor.
    await page.getByText('Headers', { exact: true }).click();
    const headers = await page.evaluate(() =>
      [...(globalThis as any).document.querySelectorAll('.CodeMirror')].map((e: any) => e.CodeMirror?.getValue() ?? ''),
    );
    token = headers.map((h) => /"Authorization": "Bearer ([\w-]+\.[\w-]+\.[\w-]+)"/.exec(h)?.[1]).find(Boolean) ?? '';
    expect(token).not.toBe('');

    await page.getByRole('tab', { name: 'OpenRoles', exact: true }).click();
    await page.locator('.graphiql-execute-button').click();
    const result = await page.waitForFunction(() => {
      const value: string | undefined = (globalThis as any).document.querySelector('.result-window .CodeMirror')?.CodeMirror?.getValue();
      return value && value.includes('"totalCount"') ? value : null;
    });
    const body = JSON.parse((await result.jsonValue()) as string);
    expect(body.errors).toBeUndefined();
    const open = generateDemoDistrict({ asOf })
      .roles.filter((r) => r.status === 'OPEN')
      .map((r) => r.title)
      .sort();
    expect(body.data.roles.totalCount).toBe(open.length);
    expect(body.data.roles.nodes.map((r: { title: string }) => r.title).sort()).toEqual(open);
    // And the page shows it (the editor draws the lines in view: the first role's).
    expect(await page.locator('.result-window').textContent()).toContain(body.data.roles.nodes[0].title);

    expect(offsite).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('opens the capacity heat map from the console: an SVG with marks, drawn (not blank)', async () => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${t.baseUrl}/charts/capacity-heat-map.svg`)),
      page.getByRole('button', { name: 'Capacity heat map' }).click(),
    ]);
    expect(response.status()).toBe(200);
    const img = page.getByTestId('chart').locator('img');
    await img.waitFor();
    await page.waitForFunction(() => ((globalThis as any).document.querySelector('[data-testid=chart] img')?.naturalWidth ?? 0) > 0);
    const drawn = await img.evaluate((el: any) => {
      const canvas = (globalThis as any).document.createElement('canvas');
      canvas.width = el.naturalWidth;
      canvas.height = el.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(el, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i + 3] > 0 && (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200)) coloured += 1;
      return { coloured, width: el.naturalWidth, height: el.naturalHeight };
    });
    expect(drawn.width).toBeGreaterThan(300);
    // Thousands of non-white pixels: cells, numbers and labels were painted.
    expect(drawn.coloured).toBeGreaterThan(5000);
    const shot = await page.getByTestId('chart').screenshot();
    expect(shot.length).toBeGreaterThan(20_000);

    // The same chart opened as a document with the console's token: an SVG element whose marks are the report's cells.
    const direct = await browser.newPage();
    await direct.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    const res = await direct.goto(`${t.baseUrl}/charts/capacity-heat-map.svg?frameworkCode=DISTRICT-AI-READINESS&level=2`);
    expect(res?.status()).toBe(200);
    const marks = await direct.evaluate(() => ({
      root: (globalThis as any).document.documentElement.tagName,
      cells: (globalThis as any).document.querySelectorAll('[aria-roledescription="rect mark"]').length,
      numbers: (globalThis as any).document.querySelectorAll('[aria-roledescription="text mark"]').length,
      buildings: [...(globalThis as any).document.querySelectorAll('.role-axis-label text')].map((e: any) => e.textContent),
    }));
    await direct.close();
    expect(marks.root).toBe('svg');
    expect(marks.numbers).toBe(10 * 10);
    expect(marks.cells).toBeGreaterThanOrEqual(10 * 10);
    expect(marks.buildings).toEqual(expect.arrayContaining(['Lincoln Middle School', 'Central High School', 'AI-TOOL-EVAL']));
    expect(offsite).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
