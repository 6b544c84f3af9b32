// Browser test and measure of `pesnet serve`'s fast paths, as an editor
// meets them: with an activity page open, save a new paragraph in its
// text, then a new title in its front matter; the page must show each
// after one reload, the background build of the rest of the site must not
// reload it again, and an idle server must not use the processor.
//
// Usage (from the repository root):
//   node .ci/checks/serve-edit.mjs                 # a copy of the repository's project (CI)
//   node .ci/checks/serve-edit.mjs PROJECT [ID]    # another project, e.g. one written by
//                                                  # go run ./cmd/pesnet-bench -n 10000 -write DIR
// With PROJECT the edited file is restored at the end. It prints, in
// milliseconds: the server's own time to make the pages again (its log),
// and the time from the save to the first paint of the page with the new
// text (the reloaded document's first-contentful-paint).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const repo = process.cwd();
const [given, givenID] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-serve-edit-'));
let project = given;
if (!project) {
  project = path.join(tmp, 'project');
  for (const name of ['content', 'layouts', 'static', 'i18n', 'netlify.toml']) {
    fs.cpSync(path.join(repo, name), path.join(project, name), { recursive: true });
  }
}
const id = givenID || fs.readdirSync(path.join(project, 'content/activities')).sort()[0];
const file = path.join(project, 'content/activities', id, 'index.en.md');
const original = fs.readFileSync(file, 'utf8');
const bin = path.join(tmp, 'pesnet');
execFileSync('go', ['build', '-o', bin, './cmd/pesnet'], { cwd: repo, stdio: 'inherit' });

const port = await new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const server = spawn(bin, ['serve', '-C', project, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout.on('data', (d) => { log += d; });
server.stderr.on('data', (d) => { log += d; });
const failures = [];
const check = (ok, msg) => { if (!ok) failures.push(msg); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// now is the time since the epoch in milliseconds, as precise as the
// page's performance.timeOrigin, against which painted is measured.
const now = () => performance.timeOrigin + performance.now();
// painted is when the document shown by page first painted content (its
// first-contentful-paint, since the epoch), or null. That is when the
// editor sees the page; the test's own polling of the page sees it later
// (tens of milliseconds of round trips to the browser).
const painted = (page) => page.evaluate(() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return fcp ? performance.timeOrigin + fcp.startTime : null;
});
// shownAfter is the time from since (from now()) to the first paint of the
// page shown, in whole milliseconds; failing that, to seen.
const shownAfter = async (page, since, seen) => {
  const at = await painted(page);
  return Math.round((at ?? seen) - since);
};
const waitLog = async (re, from, ms) => {
  for (let t = 0; t < ms; t += 20) {
    const m = log.slice(from).match(re);
    if (m) return m;
    await sleep(20);
  }
  return null;
};
// cpu is the server's user + system time so far, in clock ticks.
const cpu = () => fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-chromium-'));
let context;
const figures = {};
try {
  check(await waitLog(/serving /, 0, 600000), 'the server did not start');
  check(await waitLog(/built \d+ files/, 0, 600000), 'the first build did not finish');
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/en/activities/${id}/`);
  await page.waitForTimeout(500); // the live-reload connection opens
  // The browser's own reload of the page, without an edit, for comparison.
  const t0 = now();
  await page.reload();
  await page.waitForFunction(() => document.body && document.body.innerText.length > 0, null, { polling: 5 });
  figures.plainReloadMs = await shownAfter(page, t0, now());
  await page.waitForTimeout(500);
  let loads = 0;
  let asked = null; // when the reload's request left
  page.on('load', () => { loads++; });
  page.on('request', (r) => { if (asked === null && r.isNavigationRequest()) asked = now(); });

  const marker = `Fast path check ${Date.now()}`;
  const from = log.length;
  const saved = now();
  fs.writeFileSync(file, original.replace(/\n---\n/, `\n---\n${marker}.\n\n`));
  const seen = await page.waitForFunction((m) => document.body && document.body.innerText.includes(m), marker, { timeout: 600000, polling: 5 })
    .then(() => now()).catch(() => null);
  check(seen !== null, 'the edit never showed in the page');
  figures.shownMs = seen && await shownAfter(page, saved, seen);
  figures.reloadAskedMs = asked && Math.round(asked - saved);
  const made = await waitLog(/text edit: \d+ page\(s\) made again in ([\d.]+)(µs|ms|s)/, from, 5000);
  check(made, 'the server did not take the fast path (no "text edit" line in its log)');
  if (made) figures.madeMs = Number(made[1]) * { 'µs': 0.001, ms: 1, s: 1000 }[made[2]];
  check(await waitLog(/built \d+ files/, from, 600000), 'the background build did not finish');
  await page.waitForTimeout(1000);
  check(loads === 1, `the page loaded ${loads} times after the edit: want one reload, none from the background build`);

  // A front matter edit: the content is loaded again, and the page made
  // from it, before the background build.
  const title = `Edited ${Date.now()}`;
  const before = fs.readFileSync(file, 'utf8');
  check(/^title: "/m.test(before), `no title: "…" line in ${file}`);
  const fromTitle = log.length;
  loads = 0;
  asked = null;
  const savedTitle = now();
  fs.writeFileSync(file, before.replace(/^title: "/m, `title: "${title} `));
  const seenTitle = await page.waitForFunction((m) => document.querySelector('h1')?.textContent.includes(m), title, { timeout: 600000, polling: 5 })
    .then(() => now()).catch(() => null);
  check(seenTitle !== null, 'the new title never showed in the page');
  figures.titleShownMs = seenTitle && await shownAfter(page, savedTitle, seenTitle);
  const madeTitle = await waitLog(/activity edit: \d+ page\(s\) made again in ([\d.]+)(µs|ms|s)/, fromTitle, 5000);
  check(madeTitle, 'the server did not take the activity edit path (no "activity edit" line in its log)');
  if (madeTitle) figures.titleMadeMs = Math.round(Number(madeTitle[1]) * { 'µs': 0.001, ms: 1, s: 1000 }[madeTitle[2]]);
  check(await waitLog(/built \d+ files/, fromTitle, 600000), 'the background build after the title did not finish');
  await page.waitForTimeout(1000);
  check(loads === 1, `the page loaded ${loads} times after the title edit: want one reload, none from the background build`);

  const idleFrom = cpu();
  await sleep(10000);
  figures.idleCpuPercent = Math.round(((cpu() - idleFrom) / 100 / 10) * 1000) / 10; // ticks of 10 ms over 10 s
  check(figures.idleCpuPercent < 1, `an idle server used ${figures.idleCpuPercent} % of a core`);
} finally {
  if (context) await context.close();
  server.kill();
  fs.writeFileSync(file, original);
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
}
if (failures.length) {
  console.error('serve-edit: FAILED\n- ' + failures.join('\n- ') + '\n--- server log ---\n' + log.slice(-4000));
  process.exit(1);
}
console.log(`serve-edit: 1 passed, 0 failed (a body edit shown after one reload; made again in ${figures.madeMs} ms, the tab asked for it ${figures.reloadAskedMs} ms and showed it ${figures.shownMs} ms after the save (a reload without edit: ${figures.plainReloadMs} ms); a title edit made again in ${figures.titleMadeMs} ms and shown ${figures.titleShownMs} ms after the save; idle ${figures.idleCpuPercent} % of a core)`);
