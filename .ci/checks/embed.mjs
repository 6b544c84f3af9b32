// Browser test of the embeddable widget, as a member website would use it.
//
// Builds the fixture site internal/build/testdata/site.txtar (it holds an
// activity whose title contains markup) with the project's layouts, serves
// it on one origin (http://127.0.0.1:P1, with CORS headers on the API as in
// production) and a host page on another origin (http://localhost:P2) that
// embeds widgets and tries to restyle them. Headless Chromium (Debian's)
// driven by playwright-core then checks the rendered lists. A hostile
// activities.json (links to javascript:, data: and other origins) must
// give text, not links, and an unknown data-lang ("__proto__") the default
// language.
// Usage: node .ci/checks/embed.mjs   (from the repository root)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const repo = process.cwd();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-embed-'));
const failures = [];
const check = (ok, msg) => { if (!ok) failures.push(msg); };

// 1. Extract the fixture (txtar: "-- name --" lines) and add the real layouts.
const txtar = fs.readFileSync(path.join(repo, 'internal/build/testdata/site.txtar'), 'utf8');
let current = null;
for (const line of txtar.split('\n')) {
  const m = /^-- (.+) --$/.exec(line);
  if (m) { current = path.join(tmp, m[1]); fs.mkdirSync(path.dirname(current), { recursive: true }); fs.writeFileSync(current, ''); continue; }
  if (current) fs.appendFileSync(current, line + '\n');
}
for (const dir of ['layouts', 'static', 'i18n']) fs.cpSync(path.join(repo, dir), path.join(tmp, dir), { recursive: true });

// 2. Serve the site and a host page on two origins.
function serve(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ics': 'text/calendar; charset=utf-8' };
let site;
const siteServer = await serve((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file = path.join(tmp, 'public', decodeURIComponent(url.pathname));
  if (!file.startsWith(path.join(tmp, 'public'))) { res.writeHead(403).end(); return; }
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
  const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' };
  if (url.pathname.startsWith('/api/') || file.endsWith('.ics')) headers['Access-Control-Allow-Origin'] = '*';
  res.writeHead(200, headers).end(fs.readFileSync(file));
});
site = `http://127.0.0.1:${siteServer.address().port}/`;
execFileSync('go', ['run', './cmd/pesnet', 'build', '-C', tmp, '--base-url', site, '--quiet'], { cwd: repo, stdio: 'inherit' });

// A hostile document beside the real ones: one activity of the fixture,
// repeated with page URLs that must not become links, and one that must.
const real = JSON.parse(fs.readFileSync(path.join(tmp, 'public/api/v1/en/areas/lmi.json'), 'utf8'));
const badURLs = ["javascript:window.__pwned='plain'", "JaVa\tScRiPt:window.__pwned='tab'", " javascript:window.__pwned='space'",
  'data:text/html,<script>alert(1)</script>', 'https://evil.example/phish', '//evil.example/x', 'http://localhost:1/x', 42];
const hostileDoc = { ...real, activities: [...badURLs, site + 'en/activities/observatories/'].map((page, i) => ({
  ...real.activities[0], text: { ...real.activities[0].text, lang: i === 0 ? '__proto__' : 'en', title: `hostile-${i}` }, urls: { page },
})) };
fs.writeFileSync(path.join(tmp, 'public/api/v1/en/areas/hostile.json'), JSON.stringify(hostileDoc));

const hostPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Member PES</title>
<style>* { color: rgb(255, 0, 0) !important; font-family: serif !important; } li { display: none !important; }</style></head>
<body><h1>A member's page</h1>
<div id="ar" data-pesnet-catalog data-lang="ar" data-area="lmi"></div>
<div id="fr" data-pesnet-catalog data-lang="fr" data-limit="2"></div>
<div id="hostile" data-pesnet-catalog data-lang="en" data-area="hostile"></div>
<div id="proto" data-pesnet-catalog data-lang="__proto__" data-limit="1"></div>
<script src="${site}embed.js" async></script></body></html>`;
const hostServer = await serve((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage));
const host = `http://localhost:${hostServer.address().port}/`;

// 3. Load the host page in Chromium.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host);
  const rendered = (ids) => ids.every((id) => document.getElementById(id).shadowRoot?.querySelector('ol, .pesnet p'));
  await page.waitForFunction(rendered, ['ar', 'fr', 'hostile']);
  await page.waitForFunction(rendered, ['proto'], { timeout: 5000 }).catch(() => {}); // checked below
  await page.waitForFunction(() => document.getElementById('fr').shadowRoot.querySelector('ol'));
  const got = await page.evaluate(() => {
    const read = (id) => {
      const root = document.getElementById(id).shadowRoot;
      const box = root.querySelector('section.pesnet');
      return {
        dir: box?.getAttribute('dir'), lang: box?.getAttribute('lang'),
        heading: root.querySelector('h2')?.textContent,
        titles: [...root.querySelectorAll('li > a')].map((a) => a.textContent),
        hrefs: [...root.querySelectorAll('li > a')].map((a) => a.href),
        injected: root.querySelectorAll('script, img, b').length,
        color: box ? getComputedStyle(root.querySelector('li > a')).color : null,
        display: box ? getComputedStyle(root.querySelector('li')).display : null,
      };
    };
    const hostile = document.getElementById('hostile').shadowRoot;
    const proto = document.getElementById('proto').shadowRoot;
    return {
      ar: read('ar'), fr: read('fr'), cookies: document.cookie,
      hostile: {
        items: [...hostile.querySelectorAll('li')].map((li) => li.firstElementChild.textContent),
        hrefs: [...hostile.querySelectorAll('a[href]')].filter((a) => !a.closest('.more')).map((a) => a.getAttribute('href')),
        dirs: [...hostile.querySelectorAll('li')].map((li) => li.getAttribute('dir')),
      },
      proto: { lang: proto.querySelector('.pesnet')?.getAttribute('lang'), dir: proto.querySelector('.pesnet')?.getAttribute('dir'), items: proto.querySelectorAll('li').length, text: proto.querySelector('.pesnet')?.textContent },
    };
  });
  check(got.ar.dir === 'rtl' && got.ar.lang === 'ar', `Arabic widget: dir=${got.ar.dir} lang=${got.ar.lang}`);
  check(got.ar.heading === 'معلومات سوق العمل', `Arabic widget heading: ${got.ar.heading}`);
  check(got.ar.titles.length === 3 && got.ar.titles[0] === 'المراصد', `Arabic widget titles: ${JSON.stringify(got.ar.titles)}`);
  check(got.fr.dir === 'ltr' && got.fr.titles.length === 2, `French widget (limit 2): ${JSON.stringify(got.fr)}`);
  check(got.ar.hrefs.every((h) => h.startsWith(site + 'ar/activities/')), `links: ${got.ar.hrefs}`);
  const hostile = got.ar.titles.find((t) => t.startsWith('Titre '));
  check(hostile && hostile.includes('</script><script>alert(1)</script>'), `markup in a title must show as text: ${hostile}`);
  check(got.ar.injected === 0 && got.fr.injected === 0, 'catalog markup became elements');
  check(got.ar.color !== 'rgb(255, 0, 0)' && got.ar.display !== 'none', `host CSS leaked into the widget: color ${got.ar.color}, display ${got.ar.display}`);
  check(got.cookies === '', 'the widget set cookies');
  const n = badURLs.length;
  check(got.hostile.items.length === n + 1 && got.hostile.items.every((t, i) => t === `hostile-${i}`), `hostile document: titles ${JSON.stringify(got.hostile.items)}`);
  check(got.hostile.hrefs.length === 1 && got.hostile.hrefs[0] === site + 'en/activities/observatories/', `hostile document: only the same-origin page may be a link, got ${JSON.stringify(got.hostile.hrefs)}`);
  check(got.hostile.dirs[0] === 'auto', `text.lang "__proto__" gives dir ${got.hostile.dirs[0]}`);
  const before = context.pages().length;
  for (let i = 0; i < n; i++) await page.locator('#hostile li').nth(i).locator(':scope > *').first().click();
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined && context.pages().length === before, `clicking hostile items ran script (${pwned}) or opened ${context.pages().length - before} page(s)`);
  check(got.proto.lang === 'fr' && got.proto.dir === 'ltr' && got.proto.items === 1, `data-lang="__proto__" must fall back to French: ${JSON.stringify(got.proto)}`);
  check(errors.length === 0, `page errors: ${errors}`);
  await page.screenshot({ path: path.join(tmp, 'embed.png'), fullPage: true });
  console.log(`embed: widgets rendered (ar ${got.ar.titles.length} items rtl, fr ${got.fr.titles.length} items, hostile ${got.hostile.items.length} items with ${got.hostile.hrefs.length} link, __proto__ → ${got.proto.lang}); screenshot ${path.join(tmp, 'embed.png')}`);
} finally {
  await context.close();
  siteServer.close();
  hostServer.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
if (failures.length) {
  console.error('embed: FAILED\n- ' + failures.join('\n- '));
  process.exit(1);
}
console.log('embed: 1 passed, 0 failed');
