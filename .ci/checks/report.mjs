// The printable progress reports, printed to PDF in headless Chromium.
//
// What: serves PUBLIC_DIR from a small HTTP server on 127.0.0.1 (ephemeral
// port, started and stopped here); for every published plan of
// api/v1/catalog.json and every language, opens the plan's report
// (/<lang>/plans/<plan>/report/) with the print media type, checks that
// the report's tables hold one row per activity of the plan (the count
// comes from the open data, not from the page) and that every row is laid
// out (visible, not cut by the print stylesheet), that the site's header,
// breadcrumbs and footer are hidden in print, then prints the page to an
// A4 PDF and checks the file: a PDF, A4 pages, at least one page.
// Why: the secretariat prints this report for the network's biennial
// meetings; a print stylesheet can hide what the screen shows.
// Usage: node .ci/checks/report.mjs PUBLIC_DIR   (from the repository root)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { chromium } from 'playwright-core';

const root = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(root)) { console.error('usage: node report.mjs PUBLIC_DIR'); process.exit(2); }
const catalog = JSON.parse(fs.readFileSync(path.join(root, 'api/v1/catalog.json'), 'utf8'));
const plans = catalog.plans.filter((p) => p.status !== 'draft');

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };
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
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-report-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
let printed = 0, pages = 0, rows = 0;
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  await page.emulateMedia({ media: 'print' });
  for (const plan of plans) {
    for (const { code: lang } of catalog.languages) {
      const url = `/${lang}/plans/${plan.id}/report/`;
      const resp = await page.goto(origin + url, { waitUntil: 'load' });
      if (!resp || resp.status() !== 200) { problems.push(`${url}: HTTP ${resp?.status()}`); continue; }
      const seen = await page.evaluate(() => {
        const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
        const trs = [...document.querySelectorAll('.report-table tbody tr')];
        return {
          rows: trs.length,
          hidden: trs.filter((tr) => !shown(tr)).map((tr) => tr.innerText.slice(0, 60)),
          chrome: ['.site-header nav', '.breadcrumbs', '.site-footer'].filter((s) => { const el = document.querySelector(s); return el && shown(el); }),
        };
      });
      if (seen.rows !== plan.activity_count) problems.push(`${url}: ${seen.rows} activity rows, but the plan has ${plan.activity_count} activities (api/v1/catalog.json)`);
      for (const h of seen.hidden) problems.push(`${url}: a row is not laid out in print: ${h}`);
      for (const s of seen.chrome) problems.push(`${url}: ${s} is printed`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const text = pdf.toString('latin1');
      const n = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      const a4 = /\/MediaBox\s*\[\s*0\s+0\s+595\.\d+\s+841\.\d+\s*\]/.test(text) || /\/MediaBox\s*\[\s*0\s+0\s+59[45](\.\d+)?\s+84[12](\.\d+)?\s*\]/.test(text);
      if (!text.startsWith('%PDF-') || n < 1) problems.push(`${url}: the PDF is not a PDF with pages`);
      if (!a4) problems.push(`${url}: the PDF's pages are not A4`);
      printed++; pages += n; rows += seen.rows;
    }
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
for (const p of problems) console.error(p);
console.log(`report: ${printed} progress reports printed to A4 PDF (${pages} pages, ${rows} activity rows), ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
