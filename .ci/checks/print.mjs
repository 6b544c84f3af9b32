// Printing, in headless Chromium, to A4 PDF read back with poppler's
// pdftotext.
//
// What: serves PUBLIC_DIR from a small HTTP server on 127.0.0.1 (ephemeral
// port, started and stopped here) and, for every language of
// api/v1/catalog.json:
//  1. prints each plan's full text (/<lang>/plans/<plan>/document/) to PDF
//     (page.pdf with preferCSSPageSize) and checks that pdftotext finds the
//     title of every activity of the plan (the titles come from the open
//     data, not from the page), that the pages are A4 and that their number
//     is sane (at least one; at most two for the plan's texts plus one per
//     area and per activity, as each area starts a page);
//  2. prints one page of each page kind (home, plans, plan, area, activity,
//     all activities, progress, report, embed and open data documentation,
//     404, the plan's document) and checks that no printed page is empty or
//     holds only the footer (pdftotext page by page), and that in print the
//     navigation, language switcher, skip link, forms and buttons are
//     hidden and the header is a dark line on white (not white on white).
// With PESNET_PRINT_PNG=DIR, saves a PNG of the first printed page of each
// (the first two of a document) in DIR, for people to look at.
// Why: the secretariat prints the plan for the network's meetings, and
// visitors print any page; a print stylesheet can hide, split or strand
// what the screen shows.
// Usage: [PESNET_PRINT_PNG=DIR] node .ci/checks/print.mjs PUBLIC_DIR
// Needs poppler-utils (pdftotext, pdfinfo, pdftoppm).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const root = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(root)) { console.error('usage: node print.mjs PUBLIC_DIR'); process.exit(2); }
const pngDir = process.env.PESNET_PRINT_PNG ? path.resolve(process.env.PESNET_PRINT_PNG) : '';
if (pngDir) fs.mkdirSync(pngDir, { recursive: true });
const catalog = JSON.parse(fs.readFileSync(path.join(root, 'api/v1/catalog.json'), 'utf8'));
const current = catalog.plans.find((p) => p.status === 'current') ?? catalog.plans[0];
const area = catalog.areas.find((a) => a.plan === current.id) ?? catalog.areas[0];
const activity = catalog.activities.find((a) => a.plan === current.id) ?? catalog.activities[0];

// The page kinds printed in each language.
const kinds = (lang) => [
  ['home', `/${lang}/`],
  ['plans', `/${lang}/plans/`],
  ['plan', `/${lang}/plans/${current.id}/`],
  ['area', `/${lang}/areas/${area.id}/`],
  ['activity', `/${lang}/activities/${activity.id}/`],
  ['activities', `/${lang}/activities/`],
  ['progress', `/${lang}/plans/${current.id}/progress/`],
  ['report', `/${lang}/plans/${current.id}/report/`],
  ['embed-docs', `/${lang}/embed/`],
  ['open-data', `/${lang}/open-data/`],
  ['404', `/${lang}/404.html`],
];

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  let pathname;
  try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  let file = path.join(root, pathname);
  if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, 'index.html');
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-print-'));
const context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const problems = [];
let printed = 0, sheets = 0, titles = 0;
// squash keeps only letters and digits: pdftotext breaks lines anywhere
// in a table cell, may drop or split Arabic diacritics and tatweel, and
// places brackets and quotation marks around a Latin run inside Arabic in
// visual order; NFKC folds presentation forms and ligatures. A title is
// then found whatever the lines it was laid out on.
const squash = (s) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]|\u0640/gu, '');
// found reports whether title is in text as pdftotext gives it: in a
// table, the lines of a cell come in order but interleaved with those of
// the cells beside it, so the title is looked for as a sequence of lines
// (the first may begin with something else, the last go on).
function found(text, title) {
  const t = squash(title);
  const lines = text.split('\n').map(squash).filter(Boolean);
  if (lines.some((l) => l.includes(t))) return true;
  for (let i = 0; i < lines.length; i++) {
    for (let p = 0; p < lines[i].length; p++) {
      const head = lines[i].slice(p);
      if (!t.startsWith(head)) continue;
      let rest = t.slice(head.length);
      for (let j = i + 1; rest && j < lines.length && j < i + 120; j++) {
        if (rest.startsWith(lines[j])) rest = rest.slice(lines[j].length);
        else if (lines[j].startsWith(rest)) rest = '';
      }
      if (!rest) return true;
      break;
    }
  }
  return false;
}
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const pageCount = (pdf) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1] ?? 0);
const pageText = (pdf, n) => run('pdftotext', ['-q', '-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf, '-']);

// printPage opens url in print media, checks what print must hide, prints
// it and checks every page of the PDF. It returns the PDF's file and text.
async function printPage(page, url, name, pngPages) {
  const resp = await page.goto(origin + url, { waitUntil: 'load' });
  if (!resp || resp.status() !== 200) { problems.push(`${url}: HTTP ${resp?.status()}`); return null; }
  const seen = await page.evaluate(() => {
    const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    const printed = (sel) => [...document.querySelectorAll(sel)].filter(shown).map((el) => sel);
    const brand = document.querySelector('.brand');
    const lum = (c) => { const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0]; return (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255; };
    return {
      controls: [...new Set(['.main-nav', '.lang-switch', '.skip-link', '.breadcrumbs', '.subscribe-actions', 'form', 'button', 'select', 'textarea', 'input:not(.feed-url)'].flatMap(printed))],
      brand: brand && shown(brand) ? lum(getComputedStyle(brand).color) : -1,
      footer: document.querySelector('.site-footer')?.innerText ?? '',
      areas: document.querySelectorAll('.document-area').length,
      rows: document.querySelectorAll('.document-table tbody tr').length,
    };
  });
  for (const c of seen.controls) problems.push(`${url}: ${c} is printed`);
  if (seen.brand < 0) problems.push(`${url}: the site's name is not printed in the header`);
  else if (seen.brand > 0.4) problems.push(`${url}: the header's text prints light (white on white?)`);
  const file = path.join(tmp, `${name}.pdf`);
  fs.writeFileSync(file, await page.pdf({ printBackground: false, preferCSSPageSize: true }));
  const n = pageCount(file);
  const box = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [file]));
  if (!box || Math.abs(Number(box[1]) - 595.3) > 2 || Math.abs(Number(box[2]) - 841.9) > 2) problems.push(`${url}: the pages are not A4 (${box?.[1]} x ${box?.[2]} pts)`);
  if (n < 1) problems.push(`${url}: the PDF has no page`);
  const footer = new Set(seen.footer.split('\n').map(squash).filter(Boolean));
  let text = '';
  for (let i = 1; i <= n; i++) {
    const t = pageText(file, i);
    text += t + '\n';
    const body = t.split('\n').map(squash).filter((l) => l && !footer.has(l));
    if (body.length === 0) problems.push(`${url}: printed page ${i} of ${n} is ${t.trim() ? 'only the footer' : 'empty'}`);
  }
  if (pngDir) run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(Math.min(pngPages, n)), file, path.join(pngDir, name)]);
  printed++; sheets += n;
  return { file, n, text, areas: seen.areas, rows: seen.rows };
}

try {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  for (const { code: lang } of catalog.languages) {
    for (const plan of catalog.plans) {
      const url = `/${lang}/plans/${plan.id}/document/`;
      const got = await printPage(page, url, `${lang}-document-${plan.id}`, 2);
      if (!got) continue;
      const acts = catalog.activities.filter((a) => a.plan === plan.id);
      for (const a of acts) {
        const title = a.texts[lang]?.title;
        if (!title) continue;
        titles++;
        if (!found(got.text, title)) problems.push(`${url}: pdftotext does not find the title of ${a.id}: ${title}`);
      }
      // The plan's texts, then each area from a new page: a page or two
      // for the texts and at most a page per area and per activity (a
      // draft's are not in the open data: counted on the page).
      if (got.n > 2 + got.areas + got.rows) problems.push(`${url}: ${got.n} printed pages for ${got.areas} areas and ${got.rows} activities`);
      if (acts.length && got.rows !== acts.length) problems.push(`${url}: ${got.rows} activity rows, but the plan has ${acts.length} activities (api/v1/catalog.json)`);
    }
    for (const [kind, url] of kinds(lang)) await printPage(page, url, `${lang}-${kind}`, 1);
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
for (const p of problems) console.error(p);
console.log(`print: ${printed} pages printed to A4 PDF (${sheets} sheets), ${titles} activity titles found by pdftotext${pngDir ? `, PNGs in ${pngDir}` : ''}, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
