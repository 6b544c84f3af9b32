// Accessibility check of every page of the built site with axe-core.
//
// What: serves PUBLIC_DIR from a small HTTP server on 127.0.0.1 (ephemeral
// port, started and stopped here), opens every .html file (fr, ar, en,
// embed, root, error pages) in headless Chromium (Debian's, driven by
// playwright-core) and runs axe-core with the WCAG 2.0/2.1 A and AA and
// WCAG 2.2 AA rules in the light color scheme, then again after switching
// the page to the dark one (the CSS has no transitions, so the switch is
// immediate; one load per page keeps the check fast). Zero violations are
// required; a script error or a failed request on a page also fails, since
// the page axe saw is then not the page visitors see. "Needs review" results
// (axe could not decide, e.g. contrast over a gradient) are counted, not
// failed. Pages that embed the widget (embed.js) are checked once its lists
// have rendered. Frames are not entered (iframes: false): every framed page
// is one of the pages checked on its own.
// Why: the site serves a public in three languages, one right to left, and
// must meet WCAG 2.2 AA in both color schemes.
// Usage: node .ci/checks/axe.mjs PUBLIC_DIR [--jobs N] [--match REGEXP]   (from the repository root)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const root = path.resolve(args.find((a, i) => !a.startsWith('--') && !['--jobs', '--match'].includes(args[i - 1])) ?? '');
if (!args.length || !fs.existsSync(root)) { console.error('usage: node axe.mjs PUBLIC_DIR [--jobs N] [--match REGEXP]'); process.exit(2); }
const jobs = Number(args[args.indexOf('--jobs') + 1]) || 4; // pages in parallel
// --match: only the files whose path (relative to PUBLIC_DIR) matches, for
// a second site whose other page kinds the first run already covered.
const match = args.includes('--match') ? new RegExp(args[args.indexOf('--match') + 1]) : null;
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const schemes = ['light', 'dark'];
const require = createRequire(import.meta.url);
const axeFile = require.resolve('axe-core/axe.min.js');
const axeVersion = JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
const axeURL = '/.axe-core/axe.min.js'; // served from node_modules, cached by the browser

// 1. The pages: every .html file, by the URL it is served at.
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (!(dir === root && e.name === 'admin')) walk(p); } // admin/: the CMS's own interface (a pinned third-party app), tested by cms.mjs
    else if (e.name.endsWith('.html')) files.push(path.relative(root, p).split(path.sep).join('/'));
  }
})(root);
files.sort();
if (match) files.splice(0, files.length, ...files.filter((f) => match.test(f)));
if (files.length === 0) { console.error('axe: no HTML file found'); process.exit(1); }
const urlPath = (file) => '/' + file.replace(/(^|\/)index\.html$/, '$1');

// 2. A static file server for PUBLIC_DIR.
const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.ics': 'text/calendar; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};
const server = http.createServer((req, res) => {
  if (req.url === axeURL) {
    res.writeHead(200, { 'Content-Type': types['.js'], 'Cache-Control': 'max-age=3600' });
    fs.createReadStream(axeFile).pipe(res);
    return;
  }
  let pathname;
  try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  let file = path.join(root, pathname);
  if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
  let st = fs.statSync(file, { throwIfNoEntry: false });
  if (st?.isDirectory()) {
    if (!pathname.endsWith('/')) { res.writeHead(301, { Location: pathname + '/' }).end(); return; }
    file = path.join(file, 'index.html');
    st = fs.statSync(file, { throwIfNoEntry: false });
  }
  if (!st?.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// 3. One browser, a few pages working through the queue.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-axe-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const queue = [...files];
const violations = []; // { file, scheme, id, impact, help, helpUrl, nodes: [{ target, summary }] }
const failures = []; // page errors, failed requests, crashes
const rulesRun = new Set();
const incomplete = new Map(); // rule id -> node count
let checked = 0;

async function worker() {
  let page = await context.newPage();
  let current = null; // the file being checked
  const listen = (p) => {
    p.on('pageerror', (e) => current && failures.push(`${current}: script error: ${e.message}`));
    p.on('response', (r) => {
      if (current && r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failures.push(`${current}: HTTP ${r.status()} for ${r.url().replace(origin, '')}`);
    });
    p.on('requestfailed', (r) => current && failures.push(`${current}: request failed: ${r.url().replace(origin, '')} (${r.failure()?.errorText})`));
  };
  listen(page);
  for (let file; (file = queue.shift());) {
    current = file;
    try {
      await page.emulateMedia({ colorScheme: schemes[0] });
      await page.goto(origin + urlPath(file), { waitUntil: 'load', timeout: 30000 });
      if (await page.$('[data-pesnet-catalog]')) {
        await page.waitForFunction(() => [...document.querySelectorAll('[data-pesnet-catalog]')]
          .every((el) => el.shadowRoot?.querySelector('section.pesnet')), null, { timeout: 15000 })
          .catch(() => failures.push(`${file}: the embed.js widget did not render its list`));
      }
      // The finder and "what's next" (find.js) draw their results after
      // loading the search index: check the page once they are drawn.
      if (await page.$('#finder, #whats-next')) {
        await page.waitForFunction(() => (document.querySelector('#find-count')?.textContent ?? '') !== '' ||
          (document.querySelector('#next-results')?.childElementCount ?? 0) > 0, null, { timeout: 15000 })
          .catch(() => failures.push(`${file}: find.js did not draw its results`));
      }
      await page.addScriptTag({ url: axeURL });
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme });
        const r = await page.evaluate((runOnly) => window.axe.run(document, { runOnly, iframes: false, resultTypes: ['violations', 'incomplete'] })
          .then((r) => ({
            ids: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id),
            violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html })) })),
            incomplete: r.incomplete.map((v) => [v.id, v.nodes.length]),
          })), { type: 'tag', values: tags });
        r.ids.forEach((id) => rulesRun.add(id));
        for (const [id, n] of r.incomplete) incomplete.set(id, (incomplete.get(id) ?? 0) + n);
        for (const v of r.violations) violations.push({ file, scheme, ...v });
        checked++;
      }
    } catch (e) {
      failures.push(`${file}: could not be checked: ${e.message.split('\n')[0]}`);
      if (page.isClosed()) { page = await context.newPage(); listen(page); }
    }
    current = null;
  }
  await page.close();
}

const started = Date.now();
try {
  await Promise.all(Array.from({ length: jobs }, worker));
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

// 4. Report: violations grouped by rule, so that one template bug reads as
// one problem with the list of places it occurs.
const byRule = violations.reduce((m, v) => m.set(v.id, [...(m.get(v.id) ?? []), v]), new Map());
const nodeCount = violations.reduce((n, v) => n + v.nodes.length, 0);
const shown = 40; // lines per rule
for (const [id, list] of byRule) {
  const places = list.flatMap((v) => v.nodes.map((n) => `  ${v.file} [${v.scheme}] ${n.target}: ${n.html.slice(0, 160)}\n    ${n.summary.replace(/\n\s*/g, ' ')}`));
  console.error(`axe: ${id} (${list[0].impact}): ${list[0].help} — ${places.length} element(s) on ${new Set(list.map((v) => v.file)).size} page(s) ${list[0].helpUrl}`);
  console.error(places.slice(0, shown).join('\n') + (places.length > shown ? `\n  … and ${places.length - shown} more` : ''));
}
for (const f of failures) console.error(`axe: ${f}`);
const review = [...incomplete].map(([id, n]) => `${id} ${n}`).join(', ');
console.log(`axe: ${checked}/${files.length * schemes.length} page views checked (${files.length} pages × ${schemes.join('+')}), ` +
  `axe-core ${axeVersion}, ` +
  `${rulesRun.size} rules (${tags.join(', ')}), ${byRule.size} rule(s) violated on ${nodeCount} element(s), ${failures.length} other failure(s)` +
  (review ? `; needs review (not failed): ${review}` : '') + `; ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(violations.length || failures.length || checked !== files.length * schemes.length ? 1 : 0);
