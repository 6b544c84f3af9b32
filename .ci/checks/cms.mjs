// Browser test of the editors' CMS (Sveltia CMS, static/admin/).
//
// 1. The vendored files in static/admin/ are byte for byte those of the npm
//    packages pinned in .ci/package.json (.ci/vendor-cms copies them).
// 2. /admin/ is served on 127.0.0.1 with the Content-Security-Policy that
//    netlify.toml gives /admin/* in production, and opened in headless
//    Chromium (Debian's, driven by playwright-core). Sveltia's "Work with
//    Local Repository" gets, through a stubbed window.showDirectoryPicker, a
//    folder of the browser's private file system (OPFS) filled with a copy
//    of content/ and an empty .git/.
//    (a) A new activity is created through the form: facts and texts in
//        French, then the texts in Arabic (typed, and checked to run right
//        to left), then in English; saved; the files Sveltia wrote are read
//        back into a copy of the project, checked against the layout
//        (facts in index.fr.md only, no empty values), and
//        `pesnet check --strict` must pass on it.
//    (b) An existing activity's status and schedule are changed through the
//        form; the written index.fr.md must have them, and pass the check.
//    No request may leave 127.0.0.1: any that is not blocked by the CSP
//    fails the test (and is aborted); CSP violations other than the known
//    ones (Sveltia's update check on unpkg.com, GitHub's status page, the
//    CDN copies of the fonts we serve ourselves) fail it too.
//    (c) The areas' texts (a files collection) open, Arabic right to left.
//    The browser runs in French (--lang=fr): Sveltia's interface must come
//    in French, then in Arabic (right to left) once chosen, its texts
//    served from /admin/locales/ (never from unpkg.com); the rest of the
//    test runs the interface in English, the language of its selectors.
// 3. Screenshots of the form (French and Arabic panes, English pane) go to
//    /tmp/cms-shots/ (CMS_SHOTS to change) for a person to look at.
// Usage: node .ci/checks/cms.mjs   (from the repository root; needs
// .ci/node_modules, Go and /usr/bin/chromium)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { execFileSync, spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const repo = process.cwd();
const failures = [];
const check = (ok, msg) => { if (!ok) { failures.push(msg); console.log(`FAIL: ${msg}`); } return ok; };
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const shots = process.env.CMS_SHOTS || '/tmp/cms-shots';
const admin = path.join(repo, 'static', 'admin');
const nm = path.join(repo, '.ci', 'node_modules');

// --- 1. The vendored copies --------------------------------------------
const pkg = JSON.parse(fs.readFileSync(path.join(repo, '.ci', 'package.json'), 'utf8'));
const version = pkg.devDependencies['@sveltia/cms'];
const vendored = [
  [`sveltia-cms-${version}.js`, '@sveltia/cms/dist/sveltia-cms.js'],
  ['sveltia-cms.LICENSE.txt', '@sveltia/cms/LICENSE.txt'],
  ['fonts/material-symbols-outlined-latin-wght-normal.woff2', '@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2'],
  ['fonts/LICENSE-material-symbols-outlined', '@fontsource-variable/material-symbols-outlined/LICENSE'],
  ['fonts/source-sans-3-latin-wght-normal.woff2', '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2'],
  ['fonts/source-sans-3-latin-ext-wght-normal.woff2', '@fontsource-variable/source-sans-3/files/source-sans-3-latin-ext-wght-normal.woff2'],
  ['fonts/LICENSE-source-sans-3', '@fontsource-variable/source-sans-3/LICENSE'],
];
for (const name of fs.readdirSync(path.join(nm, '@sveltia/cms/locales'))) {
  vendored.push([`locales/${name}`, `@sveltia/cms/locales/${name}`]);
}
check(fs.readdirSync(path.join(admin, 'locales')).length === vendored.filter(([m]) => m.startsWith('locales/')).length, 'static/admin/locales/ holds other files than the package\'s locales: run bash .ci/vendor-cms');
// The one patch .ci/vendor-cms applies (see there): the interface texts
// come from ./locales, not from unpkg.com.
const patch = (mine, data) => (mine.startsWith('sveltia-cms-') ? Buffer.from(data.toString('utf8').replace('`${iP}@${rP}/locales`', '`./locales`')) : data);
for (const [mine, theirs] of vendored) {
  const a = path.join(admin, mine);
  const b = path.join(nm, theirs);
  if (!check(fs.existsSync(a), `static/admin/${mine} is missing: run bash .ci/vendor-cms`)) continue;
  if (!check(fs.existsSync(b), `.ci/node_modules/${theirs} is missing: run npm ci --ignore-scripts in .ci/`)) continue;
  check(fs.readFileSync(a).equals(patch(mine, fs.readFileSync(b))), `static/admin/${mine} differs from the npm package's ${theirs} (patched as .ci/vendor-cms does): run bash .ci/vendor-cms`);
}
check(JSON.parse(fs.readFileSync(path.join(nm, '@sveltia/cms/package.json'), 'utf8')).version === version, `.ci/node_modules has another @sveltia/cms than ${version}: npm ci --ignore-scripts in .ci/`);
const page0 = fs.readFileSync(path.join(admin, 'index.html'), 'utf8');
check(page0.includes(`src="sveltia-cms-${version}.js"`), `static/admin/index.html does not load sveltia-cms-${version}.js`);
check(!/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/i.test(page0.replace(/<!--[\s\S]*?-->/g, '')), 'static/admin/index.html has an inline script or style');
check(/<meta name="robots" content="noindex">/.test(page0), 'static/admin/index.html lacks <meta name="robots" content="noindex">');

// --- The production headers of /admin/*, from netlify.toml -----------------
const toml = fs.readFileSync(path.join(repo, 'netlify.toml'), 'utf8');
const block = toml.split('[[headers]]').find((b) => /for\s*=\s*"\/admin\/\*"/.test(b)) || '';
const csp = (block.match(/Content-Security-Policy\s*=\s*"([^"]*)"/) || [])[1];
check(csp, 'netlify.toml has no [[headers]] for "/admin/*" with a Content-Security-Policy');
for (const [name, value] of [['X-Robots-Tag', 'noindex'], ['X-Frame-Options', 'DENY'], ['Cache-Control', 'no-cache']]) {
  check(block.includes(`${name} = "${value}"`), `netlify.toml: /admin/* lacks ${name} = "${value}"`);
}

// --- 2. Serve static/admin on 127.0.0.1 with those headers -----------------
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.yml': 'text/yaml; charset=utf-8', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8' };
const served = [];
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  served.push(p);
  if (!p.startsWith('/admin/')) { res.writeHead(404); res.end('not found'); return; }
  let f = path.join(admin, p.slice('/admin/'.length));
  if (p.endsWith('/')) f = path.join(f, 'index.html');
  if (!f.startsWith(admin) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404); res.end('not found'); return; }
  res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream', 'cache-control': 'no-cache', 'x-frame-options': 'DENY', ...(csp ? { 'content-security-policy': csp } : {}) });
  fs.createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// The project copy the CMS's files are written back into, and pesnet.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-cms-'));
for (const name of ['content', 'layouts', 'static', 'i18n', 'netlify.toml']) {
  fs.cpSync(path.join(repo, name), path.join(tmp, name), { recursive: true });
}
const pesnet = path.join(tmp, 'pesnet');
execFileSync('go', ['build', '-o', pesnet, './cmd/pesnet'], { cwd: repo, stdio: 'inherit', env: { ...process.env, GOFLAGS: '-buildvcs=false' } });

const contentFiles = [];
(function walk(d) {
  for (const e of fs.readdirSync(path.join(repo, d), { withFileTypes: true })) {
    const r = `${d}/${e.name}`;
    if (e.isDirectory()) walk(r); else contentFiles.push([r, fs.readFileSync(path.join(repo, r), 'utf8')]);
  }
}('content'));

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  // --lang=fr: an editor's browser in French (also the date inputs' format).
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=fr'],
  viewport: { width: 1400, height: 1000 },
  // Playwright's own default (en-US) would override --lang: the page's
  // navigator.languages is what Sveltia reads.
  locale: 'fr-FR',

});
const foreign = [];
// Nothing leaves the machine: a request the CSP let through is recorded (a
// failure) and aborted.
if (!process.env.NOROUTE) await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => { foreign.push(route.request().url()); route.abort(); });
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(20000);
const violations = [];
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => {
  const t = m.text();
  if (t.startsWith('CSP ')) violations.push(t.slice(4));
});
await page.addInitScript(() => {
  document.addEventListener('securitypolicyviolation', (e) => console.log(`CSP ${e.effectiveDirective} ${e.blockedURI}`));
  // The folder picker returns a folder of the origin's private file system.
  window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
});

const readOPFS = () => page.evaluate(async () => {
  const out = {};
  const walk = async (d, pre) => {
    for await (const [name, h] of d.entries()) {
      const p = pre ? `${pre}/${name}` : name;
      if (h.kind === 'directory') await walk(h, p); else out[p] = await (await h.getFile()).text();
    }
  };
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
  return out;
});

// Sveltia draws the fields of a long form only as they come near the
// viewport: scroll the pane until the field's section exists.
const panes = { fr: 'first-pane-body', other: 'second-pane-body' };
async function field(pane, key) {
  const body = page.locator(`#${panes[pane]}`);
  for (let i = 0; i < 120; i++) {
    const section = body.locator(`section[data-key-path="${key}"]`).first();
    // Scrolling waits for the section to stand still; on a busy machine the
    // form may still be sliding in: the actions that follow scroll anyway.
    if (await section.count()) { await section.scrollIntoViewIfNeeded({ timeout: 10000 }).catch(() => {}); return section; }
    // Move on as a person would: the wheel over the pane, and the Tab key
    // (from the last field drawn), which brings the next field into view.
    const box = await body.boundingBox();
    if (box) { await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height, 800) / 2); await page.mouse.wheel(0, 400); }
    if (i % 2) {
      const inPane = await page.evaluate((id) => document.getElementById(id)?.contains(document.activeElement), panes[pane]);
      if (!inPane) await body.locator('section[data-key-path] input, section[data-key-path] [role="radio"], section[data-key-path] [role="switch"]').last().focus().catch(() => {});
      await page.keyboard.press('Tab');
    }
    await page.waitForTimeout(150);
  }
  throw new Error(`the field "${key}" never appeared in the ${pane} pane`);
}
async function choose(pane, key, label) {
  const f = await field(pane, key);
  const radio = f.getByRole('radio', { name: label, exact: true });
  if (await radio.count()) { await radio.click(); return; }
  // More options than dropdown_threshold: a combobox and its listbox.
  const option = page.getByRole('option', { name: label, exact: true });
  for (let i = 0; i < 3 && !(await option.isVisible()); i++) { await f.getByRole('combobox').click(); await page.waitForTimeout(200); }
  await option.click();
  await page.waitForTimeout(200);
}
const fill = async (pane, key, text) => (await field(pane, key)).getByRole(key === 'number' || key === 'sequence' ? 'spinbutton' : 'textbox').fill(text);
const toggle = async (pane, key) => (await field(pane, key)).getByRole('switch').click();
async function typeBody(pane, text) {
  const editor = (await field(pane, 'body')).locator('[contenteditable="true"]');
  await editor.click();
  await page.keyboard.type(text);
  return editor;
}
async function switchOtherPane(label) {
  await page.locator(`#${panes.other}`).locator('xpath=ancestor::*[.//*[@role="radio"]][1]').getByRole('radio', { name: label }).first().click();
  await page.waitForTimeout(300);
}
async function step(name, fn) {
  try { await fn(); return true; } catch (e) {
    check(false, `${name}: ${e.message.split('\n')[0]}`);
    await page.screenshot({ path: path.join(shots, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    return false;
  }
}
async function saveAndWait() {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // Saved: the editor closes, or says so.
  await page.waitForFunction(() => !location.hash.endsWith('/new') || document.body.innerText.includes('saved'), null, { timeout: 20000 }).catch(() => {});
  await page.waitForTimeout(1500);
}

// Files written under content/ compared to the copy given to the CMS.
const given = Object.fromEntries(contentFiles);
function writeBack(files) {
  const changed = [];
  for (const [p, text] of Object.entries(files)) {
    if (!p.startsWith('content/') || given[p] === text) continue;
    changed.push(p);
    fs.mkdirSync(path.dirname(path.join(tmp, p)), { recursive: true });
    fs.writeFileSync(path.join(tmp, p), text);
  }
  return changed;
}
function pesnetCheck(what) {
  const r = spawnSync(pesnet, ['check', '--strict', '-C', tmp], { encoding: 'utf8' });
  const out = (r.stdout || '') + (r.stderr || '');
  if (!check(r.status === 0, `${what}: pesnet check --strict fails on the files the CMS wrote:\n${out.split('\n').filter((l) => l.trim() && !l.includes('note:')).slice(0, 40).join('\n')}`)) return;
  log(`${what}: pesnet check --strict passes`);
}
const frontMatter = (text) => (text.match(/^---\n([\s\S]*?)\n---\n/) || [])[1] ?? null;
const keysOf = (fm) => (fm || '').split('\n').filter((l) => /^[a-z_]+:/.test(l)).map((l) => l.split(':')[0]);

fs.mkdirSync(shots, { recursive: true });
try {
  log(`open ${base}/admin/ (CSP: ${csp})`);
  await page.goto(`${base}/admin/`, { timeout: 60000, waitUntil: 'domcontentloaded' });
  // The interface in the editor's language: French for this French
  // browser, then Arabic (right to left) as chosen in Sveltia's settings,
  // its texts served from /admin/locales/ (the patch of .ci/vendor-cms).
  for (const [lang, text, dir] of [['fr', 'Travailler avec un dépôt local', 'ltr'], ['ar', 'العمل مع مستودع محلي', 'rtl']]) {
    await step(`interface in ${lang}`, async () => {
      if (lang !== 'fr') {
        await page.evaluate((l) => localStorage.setItem('sveltia-cms.prefs', JSON.stringify({ locale: l })), lang);
        await page.reload({ waitUntil: 'domcontentloaded' });
      }
      await page.getByText(text).first().waitFor({ timeout: 60000 });
      check(await page.evaluate(() => document.documentElement.dir || getComputedStyle(document.body).direction) === dir, `the ${lang} interface does not run ${dir}`);
      check(!(await page.getByText(/Couldn.t load|Impossible de charger|تعذر تحميل/).count()), `the ${lang} interface reports a translation it could not load`);
      await page.screenshot({ path: path.join(shots, `ui-${lang}.png`) });
    });
  }
  // The rest in English, the language of this test's selectors.
  await page.evaluate(() => localStorage.setItem('sveltia-cms.prefs', JSON.stringify({ locale: 'en-US' })));
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    try { await root.removeEntry('repo', { recursive: true }); } catch { /* first run */ }
    const top = await root.getDirectoryHandle('repo', { create: true });
    await top.getDirectoryHandle('.git', { create: true });
    for (const [p, text] of files) {
      const parts = p.split('/');
      let d = top;
      for (const part of parts.slice(0, -1)) d = await d.getDirectoryHandle(part, { create: true });
      const w = await (await d.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
  }, contentFiles);
  const local = page.getByRole('button', { name: /Local Repository/i });
  await local.or(page.getByText('errors in the CMS configuration')).first().waitFor({ timeout: 60000 });
  if (!(await local.count())) throw new Error(`Sveltia rejects static/admin/config.yml:\n${await page.locator('body').innerText()}`);
  await local.click();
  const nActivities = fs.readdirSync(path.join(repo, 'content', 'activities')).length;
  await page.getByText('Activités', { exact: true }).first().waitFor();
  log(`local repository open; ${nActivities} activities in content/`);
  await page.screenshot({ path: path.join(shots, 'list.png') });

  // --- (a) A new activity, in three languages ---
  const id = 'cms-test-workshop';
  await page.getByRole('button', { name: 'Create New Entry' }).first().click();
  await (await field('fr', 'id')).waitFor();
  const fr = [
    ['id', () => fill('fr', 'id', id)],
    ['plan', () => choose('fr', 'plan', '2024-2026 (En vigueur)')],
    ['area', () => choose('fr', 'area', "Technologies numériques pour l'emploi et le développement des compétences (digital-technologies)")],
    ['number', () => fill('fr', 'number', '9')],
    ['type', () => choose('fr', 'type', 'Atelier')],
    ['schedule', () => fill('fr', 'schedule', '2026-12-08/2026-12-10')],
    ['schedule_tbc', () => toggle('fr', 'schedule_tbc')],
    ['venue.mode', () => choose('fr', 'venue.mode', 'Sur place')],
    ['venue.country', () => choose('fr', 'venue.country', 'Maroc (MA)')],
    ['venue.city', () => fill('fr', 'venue.city', 'Rabat')],
    ['languages', async () => { await choose('fr', 'languages', 'français (fr)'); await choose('fr', 'languages', 'arabe (ar)'); }],
    ['providers', async () => {
      await (await field('fr', 'providers')).getByRole('button', { name: /prestataire/i }).click();
      await choose('fr', 'providers.0.country', 'Maroc (MA)');
      await toggle('fr', 'providers.0.tbc');
    }],
    ['beneficiaries', () => choose('fr', 'beneficiaries', "Pays francophones membres de l'OCI")],
    ['status', () => choose('fr', 'status', 'Prévue')],
    ['title', () => fill('fr', 'title', 'Atelier d’essai du CMS')],
    ['summary', () => fill('fr', 'summary', 'Un atelier créé dans le navigateur, pour tester le formulaire.')],
    ['body', () => typeBody('fr', 'Description en français.')],
  ];
  for (const [name, fn] of fr) await step(`new activity, French: ${name}`, fn);
  await page.screenshot({ path: path.join(shots, 'form-fr-ar-empty.png') });

  // Arabic: the second pane shows Arabic first.
  await step('new activity, Arabic: title', async () => {
    const t = (await field('other', 'title')).getByRole('textbox');
    await t.click();
    await page.keyboard.type('ورشة تجريبية لنظام إدارة المحتوى');
    check(await t.evaluate((e) => getComputedStyle(e).direction) === 'rtl', 'the Arabic title field does not run right to left');
    check(await t.evaluate((e) => e.closest('[lang]')?.lang) === 'ar', 'the Arabic title field is not marked lang="ar"');
  });
  await step('new activity, Arabic: summary', async () => {
    const t = (await field('other', 'summary')).getByRole('textbox');
    await t.fill('ورشة أُنشئت في المتصفح لاختبار النموذج.');
    check(await t.evaluate((e) => getComputedStyle(e).direction) === 'rtl', 'the Arabic summary field does not run right to left');
  });
  await step('new activity, Arabic: body', async () => {
    const editor = await typeBody('other', 'وصف باللغة العربية.');
    const dir = await editor.locator('p').first().evaluate((e) => getComputedStyle(e).direction);
    check(dir === 'rtl', `the Arabic description's paragraph runs ${dir}, not right to left`);
  });
  await page.screenshot({ path: path.join(shots, 'form-fr-ar.png') });
  await step('new activity: switch the second pane to English', () => switchOtherPane('English'));
  await step('new activity, English: title', () => fill('other', 'title', 'CMS test workshop'));
  await step('new activity, English: summary', () => fill('other', 'summary', 'A workshop created in the browser, to test the form.'));
  await step('new activity, English: body', () => typeBody('other', 'Description in English.'));
  await page.screenshot({ path: path.join(shots, 'form-fr-en.png') });
  await step('new activity: save', saveAndWait);

  const afterA = await readOPFS();
  const changedA = writeBack(afterA);
  log(`new activity: the CMS wrote ${changedA.join(', ') || 'nothing'}`);
  const dir = `content/activities/${id}`;
  for (const lang of ['fr', 'ar', 'en']) {
    const p = `${dir}/index.${lang}.md`;
    if (!check(afterA[p], `new activity: ${p} was not written`)) continue;
    console.log(`--- ${p}\n${afterA[p]}`);
    const fm = frontMatter(afterA[p]);
    check(fm !== null, `${p}: no YAML front matter`);
    check(!/:\s*(""|''|\[\])\s*$/m.test(fm || ''), `${p}: an empty value is written ("" or [])`);
    const keys = keysOf(fm);
    if (lang === 'fr') {
      for (const k of ['id', 'plan', 'area', 'number', 'type', 'schedule', 'venue', 'languages', 'providers', 'beneficiaries', 'title', 'summary']) check(keys.includes(k), `${p}: no "${k}"`);
      check(/^venue:\n {2}mode: on-site\n {2}country: MA\n {2}city: Rabat$/m.test(fm), `${p}: venue is not the nested mapping mode/country/city`);
      check(/^id: cms-test-workshop$/m.test(fm) && /^number: 9$/m.test(fm) && /^schedule_tbc: true$/m.test(fm), `${p}: id, number or schedule_tbc not as typed`);
      check(/^providers:\n {2}- country: MA\n {4}tbc: true$/m.test(fm), `${p}: providers is not a list of {country, tbc}`);
    } else {
      const extra = keys.filter((k) => !['title', 'summary', 'unreviewed'].includes(k));
      check(extra.length === 0, `${p}: facts in a translation: ${extra.join(', ')}`);
    }
  }
  check(/[\u0600-\u06FF]/.test(afterA[`${dir}/index.ar.md`] || ''), 'new activity: index.ar.md has no Arabic text');
  pesnetCheck('new activity');

  // --- (b) Edit an existing activity's status and schedule ---
  const existing = 'ai-labour-market-matching';
  const origFr = given[`content/activities/${existing}/index.fr.md`];
  const titleFr = (origFr.match(/^title: "?(.*?)"?$/m) || [])[1];
  await step('edit: open the activity', async () => {
    await page.goto(`${base}/admin/#/collections/activities`, { waitUntil: 'domcontentloaded' });
    await page.getByText(titleFr, { exact: true }).first().click();
    await (await field('fr', 'status')).waitFor();
  });
  await step('edit: status', () => choose('fr', 'status', 'Confirmée'));
  await step('edit: schedule', () => fill('fr', 'schedule', '2026-12'));
  await page.screenshot({ path: path.join(shots, 'edit-fr-ar.png') });
  await step('edit: save', saveAndWait);
  const afterB = await readOPFS();
  const pB = `content/activities/${existing}/index.fr.md`;
  const changedB = writeBack(afterB).filter((p) => !p.startsWith(dir));
  log(`edit: the CMS wrote ${changedB.join(', ') || 'nothing'} (title: ${titleFr})`);
  if (check(afterB[pB] !== origFr, `edit: ${pB} was not rewritten`)) {
    console.log(`--- ${pB}\n${afterB[pB]}`);
    check(/^status: confirmed$/m.test(afterB[pB]), `edit: ${pB} does not say status: confirmed`);
    check(/^schedule: ["']?2026-12["']?$/m.test(afterB[pB]), `edit: ${pB} does not have the schedule 2026-12`);
    check(/^id: ai-labour-market-matching$/m.test(afterB[pB]) && /^ {2}- country: MY\n {4}tbc: true$/m.test(afterB[pB]), `edit: ${pB} lost other facts`);
  }
  for (const p of changedB.filter((p) => p !== pB)) console.log(`(also rewritten: ${p})`);
  pesnetCheck('edit');

  // --- (c) The plans' and areas' texts (a files collection): one area, French and Arabic ---
  await step('area texts', async () => {
    await page.goto(`${base}/admin/#/collections/texts`, { waitUntil: 'domcontentloaded' });
    await page.getByText(/^Plan de travail 2024-2026 · .*\(NEET\)$/).first().click();
    const title = (await field('other', 'title')).getByRole('textbox');
    const arTitle = (given['content/plans/2024-2026/areas/youth-neet/_index.ar.md'].match(/^title: "?(.*?)"?$/m) || [])[1];
    check(await title.inputValue() === arTitle, `area texts: the Arabic pane shows "${await title.inputValue()}", not the Arabic title of youth-neet`);
    check(await title.evaluate((e) => getComputedStyle(e).direction) === 'rtl', 'area texts: the Arabic title does not run right to left');
    await page.screenshot({ path: path.join(shots, 'area-fr-ar.png') });
  });
} catch (e) {
  check(false, `unexpected: ${e.stack}`);
  await page.screenshot({ path: path.join(shots, 'failed.png') }).catch(() => {});
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

// --- Requests: nothing left 127.0.0.1; only the known CSP blocks --------
check(foreign.length === 0, `requests left 127.0.0.1 (the CSP let them through): ${[...new Set(foreign)].join(', ')}`);
const known = [
  /^connect-src https:\/\/unpkg\.com\/@sveltia\/cms\/package\.json$/, // update check
  /^connect-src https:\/\/www\.githubstatus\.com\//, // GitHub status banner
  /^font-src https:\/\/cdn\.jsdelivr\.net\/fontsource\//, // Sveltia's CDN fonts; ours are used
  /^manifest-src blob/, // the web app manifest Sveltia makes up
];
const unexpected = [...new Set(violations)].filter((v) => !known.some((k) => k.test(v)));
check(unexpected.length === 0, `CSP violations: ${unexpected.join('; ')}`);
log(`CSP blocked (known): ${[...new Set(violations)].filter((v) => !unexpected.includes(v)).join('; ') || 'nothing'}`);
log(`served: ${served.slice(0, 10).join(' ')}`);
if (errors.length) log(`page errors: ${errors.slice(0, 5).join(' | ')}`);
if (failures.length) {
  console.log(`\n${failures.length} failure(s); project copy kept in ${tmp}; screenshots in ${shots}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
fs.rmSync(tmp, { recursive: true, force: true });
log(`screenshots in ${shots}`);
console.log('1 passed, 0 failed');
