import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/h19/ud-'), { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 900 }, args: ['--no-sandbox'] });
const page = await ctx.newPage();
page.on('response', async (r) => { if (r.status() >= 400) console.log(r.status(), r.url(), (r.request().postData() ?? '').slice(0, 200), (await r.text().catch(() => '')).slice(0, 300)); });
page.on('console', (m) => m.type() !== 'error' && console.log('console:', m.type(), m.text().slice(0, 300)));
await page.goto('http://127.0.0.1:3119/console');
await page.waitForTimeout(3000);
await ctx.close();
