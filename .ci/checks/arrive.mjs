// Browser test of how visitors arrive: language negotiation at "/" and the
// copy buttons.
//
// Runs `pesnet serve` on a copy of the project (it applies netlify.toml and
// the generated _redirects as Netlify does, including the Language
// condition's first-language-only semantics: internal/netlify), then opens
// "/" in headless Chromium (Debian's, driven by playwright-core) started
// with each visitor's languages (--accept-lang sets both the Accept-Language
// header and navigator.languages): the rules send fr/ar/en-first visitors
// home, and the chooser's script (static/js/lang.js) the others to the
// first of their languages the site has; with none, the chooser stays.
// The same cases as TestLanguageNegotiation (internal/netlify).
// Then the copy buttons (static/js/copy.js): present only with JavaScript,
// they put the calendar address and the embed snippets on the clipboard and
// announce it in a status region.
// Usage: node .ci/checks/arrive.mjs   (from the repository root)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const repo = process.cwd();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-arrive-'));
for (const name of ['content', 'layouts', 'static', 'i18n', 'netlify.toml']) {
  fs.cpSync(path.join(repo, name), path.join(tmp, name), { recursive: true });
}
const bin = path.join(tmp, 'pesnet');
execFileSync('go', ['build', '-o', bin, './cmd/pesnet'], { cwd: repo, stdio: 'inherit' });
const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const server = spawn(bin, ['serve', '-C', tmp, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout.on('data', (d) => { log += d; });
server.stderr.on('data', (d) => { log += d; });
const base = `http://127.0.0.1:${port}`;
const failures = [];
const check = (ok, msg) => { if (!ok) failures.push(msg); };
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Each visitor: the browser's languages, and where they must end up ("/":
// the chooser).
const visitors = [
  ['tr-TR,tr,en', '/en/'],
  ['ms-MY,ms,en', '/en/'],
  ['ar-EG,ar', '/ar/'],
  ['fr-CA', '/fr/'],
  ['en-GB,en,fr', '/en/'],
  ['ur-PK,ur,ar,en', '/ar/'],
  ['de-DE,de', '/'],
];

async function browser(extra, options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: [...args, ...extra], ...options });
  return { context, close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

let cases = 0;
try {
  for (let i = 0; i < 100 && !log.includes('serving '); i++) await new Promise((r) => setTimeout(r, 100));
  for (const [langs, want] of visitors) {
    const b = await browser([`--accept-lang=${langs}`]);
    try {
      const page = await b.context.newPage();
      await page.goto(base + '/', { waitUntil: 'load' });
      await page.waitForLoadState('load');
      if (want !== '/') await page.waitForURL((u) => u.pathname === want, { timeout: 5000 }).catch(() => {});
      else await page.waitForTimeout(500); // the script has run, and stayed
      const got = new URL(page.url()).pathname;
      check(got === want, `languages ${langs}: ended on ${got}, want ${want}`);
      if (want === '/') check(await page.locator('.root-choices a[hreflang]').count() === 3, `languages ${langs}: the chooser shows no three choices`);
      // The rules alone (the header a browser makes of these languages):
      // a redirect for a French, Arabic or English first language, else
      // the chooser.
      const header = langs.split(',').map((l, i) => (i ? `${l};q=${(1 - i / 10).toFixed(1)}` : l)).join(',');
      const first = langs.split(/[-,]/)[0];
      const r = await page.request.get(base + '/', { headers: { 'Accept-Language': header }, maxRedirects: 0 });
      const ruled = ['fr', 'ar', 'en'].includes(first) ? `302 /${first}/` : '200 ';
      check(`${r.status()} ${r.headers()['location'] || ''}` === ruled, `Accept-Language ${header}: the rules answer ${r.status()} ${r.headers()['location'] || ''}, want ${ruled}`);
      cases++;
    } finally { await b.close(); }
  }
  // A visitor who follows a link of the site to "/" came to choose: stays.
  {
    const b = await browser(['--accept-lang=tr-TR,tr,en']);
    try {
      const page = await b.context.newPage();
      await page.goto(base + '/en/embed/', { waitUntil: 'load' });
      await page.evaluate(() => { location.href = '/'; });
      await page.waitForLoadState('load');
      await page.waitForTimeout(500);
      check(new URL(page.url()).pathname === '/', `from a page of the site, "/" went on to ${page.url()}`);
      cases++;
    } finally { await b.close(); }
  }
  // Copy buttons, with JavaScript: the calendar address, then a snippet.
  {
    const b = await browser(['--accept-lang=en']);
    try {
      await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const page = await b.context.newPage();
      await page.goto(base + '/en/', { waitUntil: 'load' });
      const field = await page.inputValue('#feed-url');
      const button = page.locator('#feed-url + .copy-row .copy-button');
      check(await button.count() === 1, 'no copy button beside the calendar address');
      if (await button.count() === 1) {
        check((await button.textContent()).trim() === 'Copy the address', `button label: ${await button.textContent()}`);
        await button.click();
        const status = page.locator('#feed-url + .copy-row [role="status"]');
        await page.waitForFunction(() => document.querySelector('#feed-url + .copy-row [role="status"]').textContent !== '', null, { timeout: 3000 }).catch(() => {});
        check((await status.textContent()) === 'Copied to the clipboard', `status after copying: "${await status.textContent()}"`);
        check(await page.evaluate(() => navigator.clipboard.readText()) === field, 'the clipboard does not hold the calendar address');
      }
      await page.goto(base + '/ar/embed/', { waitUntil: 'load' });
      const snippets = page.locator('pre.snippet');
      const buttons = page.locator('pre.snippet + .copy-row .copy-button');
      check(await buttons.count() === await snippets.count() && await buttons.count() >= 3, `embed page: ${await buttons.count()} copy buttons for ${await snippets.count()} snippets`);
      await buttons.first().click();
      await page.waitForTimeout(300);
      const code = (await snippets.first().textContent());
      check(await page.evaluate(() => navigator.clipboard.readText()) === code, 'the clipboard does not hold the first snippet');
      check((await page.locator('pre.snippet + .copy-row [role="status"]').first().textContent()) === 'نُسخ إلى الحافظة', 'the Arabic page does not say it copied, in Arabic');
      check(await page.locator('table.values').count() === 3, 'the embed page lacks its three tables of values');
      cases++;
    } finally { await b.close(); }
  }
  // Without JavaScript: no button, the field is still there to copy by hand.
  {
    const b = await browser([], { javaScriptEnabled: false });
    try {
      const page = await b.context.newPage();
      await page.goto(base + '/fr/', { waitUntil: 'load' });
      check(await page.locator('.copy-button').count() === 0, 'copy buttons without JavaScript');
      check(await page.locator('#feed-url').count() === 1, 'no calendar address field without JavaScript');
      cases++;
    } finally { await b.close(); }
  }
} finally {
  server.kill();
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  console.error('arrive: FAILED\n- ' + failures.join('\n- ') + '\n--- server log ---\n' + log);
  process.exit(1);
}
console.log(`arrive: ${cases} passed, 0 failed (language negotiation at "/" for ${visitors.length} visitors, copy buttons with and without JavaScript)`);
