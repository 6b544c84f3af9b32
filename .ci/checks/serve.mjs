// Browser test of `pesnet serve`, as an editor uses it: open a page, save a
// broken edit, see the error overlay with its file:line:col (the last good
// page still underneath), fix it, see the page reload with the change.
// Usage: node .ci/checks/serve.mjs   (from the repository root)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const repo = process.cwd();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-serve-'));
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
const failures = [];
const check = (ok, msg) => { if (!ok) failures.push(msg); };
const facts = path.join(tmp, 'content/activities/effective-lmis/index.fr.md'); // its front matter holds the facts
const text = path.join(tmp, 'content/activities/effective-lmis/index.en.md');
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-chromium-'));
let context;
try {
  for (let i = 0; i < 100 && !log.includes('serving '); i++) await new Promise((r) => setTimeout(r, 100));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await context.newPage();
  const url = `http://127.0.0.1:${port}/en/activities/effective-lmis/`;
  await page.goto(url);
  const before = await page.textContent('h1');
  await page.waitForTimeout(300); // the live-reload connection opens

  fs.writeFileSync(facts, fs.readFileSync(facts, 'utf8').replace('country: MA', 'country: XX'));
  const overlay = await page.waitForSelector('#pesnet-overlay', { timeout: 10000 }).catch(() => null);
  check(overlay, 'no error overlay after a broken edit');
  const message = overlay ? await overlay.textContent() : '';
  check(/content\/activities\/effective-lmis\/index\.fr\.md:\d+:\d+: error: unknown country code "XX"/.test(message), `overlay text: ${message}`);
  check(await page.textContent('h1') === before, 'the last good page is not shown under the overlay');

  // Edit the title while the build is still broken, then fix the facts:
  // the next good build holds both, and the page reloads once.
  fs.writeFileSync(text, fs.readFileSync(text, 'utf8').replace('title: ', 'title: Edited — '));
  await page.waitForTimeout(800);
  fs.writeFileSync(facts, fs.readFileSync(facts, 'utf8').replace('country: XX', 'country: MA'));
  let reloaded = false;
  for (let i = 0; i < 100 && !reloaded; i++) {
    await page.waitForTimeout(100);
    const h1 = await page.textContent('h1').catch(() => ''); // a reload may be under way
    reloaded = (h1 || '').startsWith('Edited');
  }
  check(reloaded, 'the page did not reload with the edit');
  check(!(await page.$('#pesnet-overlay')), 'the overlay stayed after the fix');
  const csp = (await page.request.get(url)).headers()['content-security-policy'] || '';
  check(csp.includes("frame-ancestors 'none'") && !csp.includes('unsafe-inline'), `CSP while serving: ${csp}`);
  // The build's _redirects applies before netlify.toml, as on Netlify.
  const base = `http://127.0.0.1:${port}`;
  for (const [from, status, to] of [['/embed/en/countries/MA/', 301, '/embed/en/countries/ma/'], ['/en/plans/current/', 302, null]]) {
    const r = await page.request.get(base + from, { maxRedirects: 0 });
    const loc = r.headers()['location'] || '';
    check(r.status() === status && (to ? loc === to : /^\/en\/plans\/\d{4}-\d{4}\/$/.test(loc)), `${from}: ${r.status()} ${loc}`);
  }
} finally {
  if (context) await context.close();
  server.kill();
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  console.error('serve: FAILED\n- ' + failures.join('\n- ') + '\n--- server log ---\n' + log);
  process.exit(1);
}
console.log('serve: 1 passed, 0 failed (overlay on a broken edit, reload on the fix, generated redirects)');
