// Browser test of the embeddable widget, as a member website would use it.
//
// Builds the fixture site internal/build/testdata/site.txtar (it holds an
// activity whose title contains markup) with the project's layouts, serves
// it on one origin (http://127.0.0.1:P1, with CORS headers on the API as in
// production) and a host page on another origin (http://localhost:P2) that
// embeds widgets and tries to restyle them. Both servers send the headers
// netlify.toml gives their paths in production, and the host page a strict
// Content-Security-Policy (script-src and connect-src: the site only;
// style-src 'self'), under which the widget must still be styled. The
// widget script sits in the host's <head>; a container is added 1 s after
// load; a dated fixture (dates computed from today) checks that lists show
// upcoming activities first, as the visitor's browser sees the day.
// Headless Chromium (Debian's) driven by playwright-core then checks the
// rendered lists. A hostile
// activities.json (links to javascript:, data: and other origins) must
// give text, not links, and an unknown data-lang ("__proto__") the default
// language. A completed activity (the fixture's first, made completed
// here, with its outcome, as an editor would write it) shows as
// completed: its status label and style (distinct from confirmed, with a
// check mark), the days it was held and its actual venue; in the dated
// lists a completed activity is past, and placed on its held days, even
// when its planned dates are still to come.
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
// EMBED_DEBUG=1 prints each failure as it is found (a crash later would
// lose the list printed at the end).
const check = (ok, msg) => { if (!ok) { failures.push(msg); if (process.env.EMBED_DEBUG) console.error("FAIL " + msg); } };

// 1. Extract the fixture (txtar: "-- name --" lines) and add the real layouts.
const txtar = fs.readFileSync(path.join(repo, 'internal/build/testdata/site.txtar'), 'utf8');
let current = null;
for (const line of txtar.split('\n')) {
  const m = /^-- (.+) --$/.exec(line);
  if (m) { current = path.join(tmp, m[1]); fs.mkdirSync(path.dirname(current), { recursive: true }); fs.writeFileSync(current, ''); continue; }
  if (current) fs.appendFileSync(current, line + '\n');
}
for (const dir of ['layouts', 'static', 'i18n']) fs.cpSync(path.join(repo, dir), path.join(tmp, dir), { recursive: true });
// The first activity took place: completed, with the outcome an editor
// records (held days, actual venue, participants, an outcome sentence).
const doneYAML = path.join(tmp, 'content/activities/observatories/activity.yaml');
fs.appendFileSync(doneYAML, 'status: completed\nheld: "2025-10-14/2025-10-16"\nheld_venue:\n  mode: on-site\n  country: QA\n  city: Doha\nparticipants: 31\nparticipating_countries: [QA, OM]\nsequence: 1\nupdated: 2025-10-20\n');
for (const [lang, sentence] of [['fr', '31 participants de deux pays.'], ['ar', 'شارك 31 مشاركًا من بلدين.'], ['en', '31 participants from two countries.']]) {
  const file = path.join(tmp, `content/activities/observatories/index.${lang}.md`);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n---\n/, `\noutcome: "${sentence}"\n---\n`));
}

// 2. Serve the site and a host page on two origins. The site's server
// sends the headers netlify.toml gives each path (its [[headers]] rules,
// read here with a small reader: "*" matches anything, ":name" a segment,
// values of several matching rules joined as Netlify does).
const headerRules = fs.readFileSync(path.join(repo, 'netlify.toml'), 'utf8').split(/^\[\[headers\]\]/m).slice(1).map((block) => {
  const values = {};
  for (const m of block.split(/^\[\[/m)[0].matchAll(/^\s*([A-Za-z-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/gm)) if (m[1] !== 'for') values[m[1]] = m[2].replace(/\\"/g, '"');
  const pattern = /^\s*for\s*=\s*"([^"]+)"/m.exec(block)[1];
  const re = new RegExp('^' + pattern.split(/(\*|:[a-z_]+)/).map((p) => (p === '*' ? '.*' : p.startsWith(':') ? '[^/]+' : p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))).join('') + '$', 's');
  return { re, values };
});
function netlifyHeaders(pathname) {
  const out = {};
  for (const rule of headerRules) if (rule.re.test(pathname)) for (const [k, v] of Object.entries(rule.values)) out[k] = out[k] ? out[k] + ', ' + v : v;
  return out;
}
function serve(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ics': 'text/calendar; charset=utf-8' };
const siteServer = await serve((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file = path.join(tmp, 'public', decodeURIComponent(url.pathname));
  if (!file.startsWith(path.join(tmp, 'public'))) { res.writeHead(403).end(); return; }
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', ...netlifyHeaders(url.pathname) }).end(fs.readFileSync(file));
});
const site = `http://127.0.0.1:${siteServer.address().port}/`;
execFileSync('go', ['run', './cmd/pesnet', 'build', '-C', tmp, '--base-url', site, '--quiet'], { cwd: repo, stdio: 'inherit' });

// A hostile document beside the real ones: one activity of the fixture,
// repeated with page URLs that must not become links, and one that must.
const real = JSON.parse(fs.readFileSync(path.join(tmp, 'public/api/v1/en/areas/lmi.json'), 'utf8'));
const badURLs = ["javascript:window.__pwned='plain'", "JaVa\tScRiPt:window.__pwned='tab'", " javascript:window.__pwned='space'",
  'data:text/html,<script>alert(1)</script>', 'https://evil.example/phish', '//evil.example/x', 'http://localhost:1/x', 42];
const hostileDoc = { ...real, activities: [...badURLs, site + 'en/activities/observatories/'].map((page, i) => ({
  ...real.activities[0], id: `hostile-${i}`, area: 'hostile', text: { ...real.activities[0].text, lang: i === 0 ? '__proto__' : 'en', title: `hostile-${i}` }, urls: { page },
})) };
// The lists read an upcoming document and, for past and all, the recent
// past one beside it (since 1.6): the hostile activities are in the first,
// which names the hostile area; the second is empty.
const realUp = JSON.parse(fs.readFileSync(path.join(tmp, 'public/api/v1/en/upcoming/areas/lmi.json'), 'utf8'));
const hostileAreas = [...realUp.areas, { ...realUp.areas[0], id: 'hostile' }];
fs.mkdirSync(path.join(tmp, 'public/api/v1/en/past/areas'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'public/api/v1/en/upcoming/areas/hostile.json'), JSON.stringify({ ...realUp, area: 'hostile', areas: hostileAreas, activities: hostileDoc.activities }));
fs.writeFileSync(path.join(tmp, 'public/api/v1/en/past/areas/hostile.json'), JSON.stringify({ ...realUp, area: 'hostile', areas: hostileAreas, limit: 50, activities: [] }));

// A dated document per language: activities around today (the browser's
// day, computed here on the same machine), listed out of date order.
const day = (offset) => {
  const d = new Date(Date.now() + offset * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const timeline = [ // [title, earliest, latest (days from today), status, held (days from today, completed only)]
  ['future-30', 30, 31, 'planned'], ['past-40', -45, -40, 'planned'], ['future-5', 5, 5, 'confirmed'],
  ['running', -10, 0, 'planned'], ['past-1', -3, -1, 'completed', [-3, -1]], ['future-60', 60, 62, 'planned'], ['undated', null, null, 'planned'],
  ['done-early', 20, 21, 'completed', [-2, -2]], // planned ahead, held already: past, on its held days
];
for (const lang of ['fr', 'ar']) {
  const doc = JSON.parse(fs.readFileSync(path.join(tmp, `public/api/v1/${lang}/areas/lmi.json`), 'utf8'));
  const a0 = doc.activities[0]; // observatories, completed above: its labels are those of a completed activity
  doc.activities = timeline.map(([title, e, l, status, held]) => {
    const a = {
      ...a0, id: title, status, overdue: false, text: { ...a0.text, lang, title }, labels: { ...a0.labels },
      schedule: e === null ? { notation: 'TBD', precision: 'undetermined', tbc: false, text: '?' } : { ...a0.schedule, earliest: day(e), latest: day(l), text: `${day(e)}/${day(l)}` },
    };
    if (held) a.outcome = { ...a0.outcome, held: { ...a0.outcome.held, earliest: day(held[0]), latest: day(held[1]), text: `held ${day(held[0])}/${day(held[1])}` } };
    else { delete a.outcome; delete a.labels.held_venue; }
    return a;
  });
  fs.writeFileSync(path.join(tmp, `public/api/v1/${lang}/areas/timeline.json`), JSON.stringify(doc));
  // The upcoming lists read their area's upcoming document (since 1.5),
  // which names every area. This one is stale, as a document gets while
  // days pass: it still holds the past activities, which the widget must
  // leave out with its own day.
  const up = JSON.parse(fs.readFileSync(path.join(tmp, `public/api/v1/${lang}/upcoming/areas/lmi.json`), 'utf8'));
  up.area = 'timeline';
  up.areas.push({ ...up.areas[0], id: 'timeline', text: { ...up.areas[0].text, title: `timeline-${lang}` } });
  up.activities = doc.activities.map((a) => ({ ...a, area: 'timeline' }));
  fs.writeFileSync(path.join(tmp, `public/api/v1/${lang}/upcoming/areas/timeline.json`), JSON.stringify(up));
  // Its recent past document: the past ones, most recent first. The stale
  // upcoming document holds them too: the widget shows each once.
  const pastOnes = ['past-1', 'done-early', 'past-40'].map((t) => up.activities.find((a) => a.text.title === t));
  fs.writeFileSync(path.join(tmp, `public/api/v1/${lang}/past/areas/timeline.json`), JSON.stringify({ ...up, limit: 50, activities: pastOnes }));
}
// A provider country of the built data, for an upcoming list of a
// country: its upcoming document, given the dated activities (stale too)
// as that country's, is shown under its name, as of the browser's day.
const enAct = JSON.parse(fs.readFileSync(path.join(tmp, 'public/api/v1/en/areas/lmi.json'), 'utf8')).activities[0];
const enUpAll = JSON.parse(fs.readFileSync(path.join(tmp, 'public/api/v1/en/upcoming.json'), 'utf8'));
const country = enUpAll.countries[0];
const countryFile = path.join(tmp, `public/api/v1/en/upcoming/countries/${country.code}.json`);
const countryDoc = JSON.parse(fs.readFileSync(countryFile, 'utf8'));
countryDoc.activities = timeline.map(([title, e, l, status]) => ({
  ...enAct, id: title, status, overdue: false, outcome: undefined, text: { ...enAct.text, title }, providers: [{ country: country.code, name: country.name, tbc: false }],
  schedule: e === null ? { notation: 'TBD', precision: 'undetermined', tbc: false, text: '?' } : { ...enAct.schedule, earliest: day(e), latest: day(l), text: `${day(e)}/${day(l)}` },
}));
fs.writeFileSync(countryFile, JSON.stringify(countryDoc));
const countryWant = ['running', 'future-5', 'future-30', 'future-60', 'undated']; // not past, soonest first, undated last

// The host: a strict CSP (the widget's origin for script and data, its own
// stylesheet only) and CSS that tries to restyle everything.
const csp = `default-src 'none'; script-src ${site}; connect-src ${site}; style-src 'self'`;
const hostCSS = `* { color: rgb(255, 0, 0) !important; font-family: serif !important; text-transform: uppercase !important; letter-spacing: 5px !important; text-align: right !important; word-spacing: 9px !important; line-height: 3 !important; }
li { display: none !important; }`;
const fallback = (lang) => `<a class="fallback" href="${site}${lang}/activities/">OIC-PESNET</a>`;
const hostPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Member PES</title>
<link rel="stylesheet" href="/host.css">
<script src="${site}embed.js"></script></head>
<body><h1>A member's page</h1>
<div id="upcoming-fr" data-pesnet-catalog data-lang="fr" data-area="timeline" data-limit="3">${fallback('fr')}</div>
<div id="upcoming-ar" data-pesnet-catalog data-lang="ar" data-area="timeline" data-limit="3">${fallback('ar')}</div>
<div id="past-ar" data-pesnet-catalog data-lang="ar" data-area="timeline" data-show="past">${fallback('ar')}</div>
<div id="all-fr" data-pesnet-catalog data-lang="fr" data-area="timeline" data-show="all"></div>
<div id="ar" data-pesnet-catalog data-lang="ar" data-area="lmi" data-show="all"></div>
<div id="fr" data-pesnet-catalog data-lang="fr" data-limit="2" data-show="all"></div>
<div id="hostile" data-pesnet-catalog data-lang="en" data-area="hostile" data-show="all"></div>
<div id="proto" data-pesnet-catalog data-lang="__proto__" data-limit="1" data-show="all"></div>
<div id="missing" data-pesnet-catalog data-lang="fr" data-area="no-such-area">${fallback('fr')}</div>
<div id="missing-all" data-pesnet-catalog data-lang="fr" data-area="no-such-area" data-show="all">${fallback('fr')}</div>
<div id="country-en" data-pesnet-catalog data-lang="en" data-country="${country.code}"></div>
</body></html>`;
const hostServer = await serve((req, res) => {
  if (req.url === '/host.css') { res.writeHead(200, { 'Content-Type': 'text/css' }).end(hostCSS); return; }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp }).end(hostPage);
});
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
  const violations = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  const fetched = [];
  page.on('request', (r) => { if (r.url().startsWith(site + 'api/')) fetched.push(r.url().slice(site.length)); });
  await page.goto(host);
  const rendered = (ids) => ids.every((id) => document.getElementById(id).shadowRoot?.querySelector('ol, .pesnet p'));
  await page.waitForFunction(rendered, ['ar', 'fr', 'hostile', 'upcoming-fr', 'upcoming-ar', 'past-ar', 'all-fr', 'country-en']);
  await page.waitForFunction(rendered, ['proto'], { timeout: 5000 }).catch(() => {}); // checked below
  await page.waitForFunction(() => document.getElementById('fr').shadowRoot.querySelector('ol'));
  // A container added after load (as a single-page application would).
  await page.evaluate(() => setTimeout(() => {
    const box = document.createElement('div');
    box.id = 'late';
    box.setAttribute('data-pesnet-catalog', '');
    box.setAttribute('data-lang', 'ar');
    box.setAttribute('data-area', 'timeline');
    box.setAttribute('data-limit', '2');
    document.body.append(box);
  }, 1000));
  await page.waitForFunction(() => document.getElementById('late')?.shadowRoot?.querySelector('ol'), null, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(500); // let the missing document fail
  const got = await page.evaluate(() => {
    const read = (id) => {
      const root = document.getElementById(id).shadowRoot;
      if (!root) return {};
      const box = root.querySelector('section.pesnet');
      const link = root.querySelector('li > a');
      const style = (e) => e && getComputedStyle(e);
      return {
        dir: box?.getAttribute('dir'), lang: box?.getAttribute('lang'),
        heading: root.querySelector('h2')?.textContent,
        titles: [...root.querySelectorAll('li > a')].map((a) => a.textContent),
        hrefs: [...root.querySelectorAll('li > a')].map((a) => a.href),
        overdue: [...root.querySelectorAll('li')].map((li) => li.querySelector('.overdue')?.textContent.trim() || ''),
        metas: [...root.querySelectorAll('li .meta')].map((m) => m.textContent),
        statuses: [...root.querySelectorAll('li .status')].map((st) => ({
          cls: st.className, text: st.textContent, bg: style(st).backgroundColor, color: style(st).color, mark: getComputedStyle(st, '::before').content,
        })),
        injected: root.querySelectorAll('script, img, b').length,
        color: link ? style(link).color : null,
        display: link ? style(root.querySelector('li')).display : null,
        border: box ? style(box).borderTopWidth + ' ' + style(box).borderTopStyle : null,
        weight: link ? style(link).fontWeight : null,
        text: link ? ['textTransform', 'letterSpacing', 'textAlign', 'wordSpacing', 'fontFamily'].map((k) => style(link)[k]) : null,
        sheets: root.adoptedStyleSheets.length + root.querySelectorAll('link[rel=stylesheet]').length,
      };
    };
    const hostile = document.getElementById('hostile').shadowRoot;
    const proto = document.getElementById('proto').shadowRoot;
    const out = { cookies: document.cookie };
    for (const id of ['ar', 'fr', 'upcoming-fr', 'upcoming-ar', 'past-ar', 'all-fr', 'late', 'country-en']) out[id] = read(id);
    out.hostile = {
      items: [...hostile.querySelectorAll('li')].map((li) => li.firstElementChild.textContent),
      hrefs: [...hostile.querySelectorAll('a[href]')].filter((a) => !a.closest('.more')).map((a) => a.getAttribute('href')),
      dirs: [...hostile.querySelectorAll('li')].map((li) => li.getAttribute('dir')),
    };
    out.proto = { lang: proto.querySelector('.pesnet')?.getAttribute('lang'), dir: proto.querySelector('.pesnet')?.getAttribute('dir'), items: proto.querySelectorAll('li').length, text: proto.querySelector('.pesnet')?.textContent };
    const visible = (id) => { const a = document.querySelector(`#${id} > a.fallback`); return !!a && a.getClientRects().length > 0; };
    out.fallback = { rendered: visible('upcoming-fr'), missing: visible('missing'), missingAll: visible('missing-all') };
    return out;
  });
  // Styled under the host's strict CSP, and reset against its CSS.
  for (const id of ['upcoming-fr', 'upcoming-ar']) {
    const w = got[id];
    check(w.border === '1px solid' && w.weight === '600', `${id}: not styled under the host's CSP (border ${w.border}, link weight ${w.weight}, ${w.sheets} stylesheet(s))`);
    check(w.text && w.text[0] === 'none' && w.text[1] === 'normal' && w.text[2] === 'start' && w.text[3] === '0px' && !/^serif$/.test(w.text[4]), `${id}: host CSS leaked in (text-transform, letter-spacing, text-align, word-spacing, font-family = ${JSON.stringify(w.text)})`);
  }
  check(violations.length === 0, `CSP violations on the host page: ${violations.join(' | ')}`);
  // Upcoming first, as of the browser's today.
  check(JSON.stringify(got['upcoming-fr'].titles) === '["running","future-5","future-30"]', `upcoming (fr, limit 3): ${JSON.stringify(got['upcoming-fr'].titles)}`);
  check(JSON.stringify(got['upcoming-ar'].titles) === '["running","future-5","future-30"]' && got['upcoming-ar'].dir === 'rtl', `upcoming (ar, limit 3): ${JSON.stringify(got['upcoming-ar'])}`);
  check(JSON.stringify(got['past-ar'].titles) === '["past-1","done-early","past-40"]', `data-show=past (most recent first, completed ones on their held days): ${JSON.stringify(got['past-ar'].titles)}`);
  check(JSON.stringify(got['all-fr'].titles) === '["running","future-5","future-30","future-60","undated","past-1","done-early","past-40"]', `data-show=all (upcoming soonest first, undated last, then past most recent first, held days for completed ones): ${JSON.stringify(got['all-fr'].titles)}`);
  // The site's words for a past activity still "planned" (computed in the browser).
  check(got['past-ar'].overdue[2] === '(انقضى الموعد ولم تُحدَّث الحالة بعد)' && got['past-ar'].overdue[0] === '' && got['past-ar'].overdue[1] === '', `overdue marks (ar, past): ${JSON.stringify(got['past-ar'].overdue)}`);
  // A completed activity, planned ahead, is shown on its held days, as completed.
  const early = got['all-fr'].titles.indexOf('done-early');
  check(early >= 0 && got['all-fr'].metas[early].startsWith(`held ${day(-2)}/${day(-2)} · `) && got['all-fr'].statuses[early].cls === 'status status-completed',
    `a completed activity in the French list: ${JSON.stringify({ meta: got['all-fr'].metas[early], status: got['all-fr'].statuses[early] })}`);
  check(got['all-fr'].overdue.filter(Boolean).length === 1 && got['all-fr'].overdue[7] === '(date passée, statut non mis à jour)', `overdue marks (fr, all): ${JSON.stringify(got['all-fr'].overdue)}`);
  // Late container, fallback link.
  check(JSON.stringify(got.late.titles) === '["running","future-5"]', `a container added 1 s after load: ${JSON.stringify(got.late)}`);
  check(!got.fallback.rendered, 'the fallback link is still shown beside a rendered list');
  check(got.fallback.missing && got.fallback.missingAll, `the fallback link must stay when the data cannot be loaded or do not name the area (upcoming: ${got.fallback.missing}, all: ${got.fallback.missingAll})`);
  // The lists read the upcoming documents and, for past and all, the
  // recent past ones (since 1.6), each once; never a whole history.
  const want = ['api/v1/ar/past/areas/lmi.json', 'api/v1/ar/past/areas/timeline.json', 'api/v1/ar/upcoming/areas/lmi.json', 'api/v1/ar/upcoming/areas/timeline.json',
    'api/v1/en/past/areas/hostile.json', 'api/v1/en/upcoming/areas/hostile.json', `api/v1/en/upcoming/countries/${country.code}.json`,
    'api/v1/fr/past.json', 'api/v1/fr/past/areas/no-such-area.json', 'api/v1/fr/past/areas/timeline.json',
    'api/v1/fr/upcoming.json', 'api/v1/fr/upcoming/areas/no-such-area.json', 'api/v1/fr/upcoming/areas/timeline.json'];
  check(JSON.stringify([...new Set(fetched)].sort()) === JSON.stringify(want), `the lists fetched ${JSON.stringify([...new Set(fetched)].sort())}, want ${JSON.stringify(want)}`);
  check(fetched.length === new Set(fetched).size, `a document was fetched twice: ${JSON.stringify(fetched)}`);
  check(got['upcoming-fr'].heading === 'timeline-fr' && got['upcoming-ar'].heading === 'timeline-ar', `upcoming headings from the upcoming document's areas: ${got['upcoming-fr'].heading}, ${got['upcoming-ar'].heading}`);
  check(got['country-en'].heading === country.name && JSON.stringify(got['country-en'].titles) === JSON.stringify(countryWant), `upcoming list of ${country.code}: ${JSON.stringify(got['country-en'])}, want ${country.name} ${JSON.stringify(countryWant)}`);
  // The re-render call.
  const again = await page.evaluate(async () => {
    const box = document.getElementById('upcoming-fr');
    box.setAttribute('data-limit', '1');
    await window.PESNETCatalog.render(box);
    return box.shadowRoot.querySelectorAll('li').length;
  });
  check(again === 1, `PESNETCatalog.render(element) after data-limit=1: ${again} items`);

  check(got.ar.dir === 'rtl' && got.ar.lang === 'ar', `Arabic widget: dir=${got.ar.dir} lang=${got.ar.lang}`);
  // The real completed activity, from the built data: its label, held
  // days and actual venue, and a style of its own (not that of confirmed,
  // not the host's red), with a check mark; no overdue mark.
  const arDoc = JSON.parse(fs.readFileSync(path.join(tmp, 'public/api/v1/ar/areas/lmi.json'), 'utf8'));
  const doneData = arDoc.activities.find((a) => a.id === 'observatories');
  const i = got.ar.titles.indexOf('المراصد');
  const st = got.ar.statuses[i] || {};
  const confirmed = got.ar.statuses.find((x) => x.cls === 'status status-confirmed') || {};
  check(doneData?.status === 'completed' && doneData.outcome?.held?.text && doneData.labels.held_venue, `the built data do not give the completed activity's outcome: ${JSON.stringify(doneData?.outcome)}`);
  check(st.cls === 'status status-completed' && st.text === doneData.labels.status && st.text === 'منجَز', `completed status label (ar): ${JSON.stringify(st)}`);
  check(got.ar.metas[i]?.startsWith(doneData.outcome.held.text + ' · ') && got.ar.metas[i].includes(doneData.labels.held_venue), `completed activity (ar) not shown on its held days at its actual venue: ${got.ar.metas[i]} (held ${doneData.outcome.held.text}, ${doneData.labels.held_venue})`);
  check(st.bg && st.bg !== confirmed.bg && st.color === 'rgb(255, 255, 255)' && /\u2713/.test(st.mark || ''), `completed status style (ar): ${JSON.stringify(st)} vs confirmed ${JSON.stringify(confirmed)}`);
  check(got.ar.overdue[i] === '', `the completed activity has an overdue mark: ${got.ar.overdue[i]}`);
  check(got.ar.heading === 'معلومات سوق العمل', `Arabic widget heading: ${got.ar.heading}`);
  check(got.ar.titles.length === 3 && got.ar.titles.includes('المراصد'), `Arabic widget titles (the area's three): ${JSON.stringify(got.ar.titles)}`);
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
  await page.screenshot({ path: path.join(tmp, 'embed.png'), fullPage: true });
  const before = context.pages().length;
  for (let i = 0; i < n; i++) await page.locator('#hostile li').nth(i).locator(':scope > *').first().click();
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => window.__pwned);
  check(pwned === undefined && context.pages().length === before, `clicking hostile items ran script (${pwned}) or opened ${context.pages().length - before} page(s)`);
  check(got.proto.lang === 'fr' && got.proto.dir === 'ltr' && got.proto.items === 1, `data-lang="__proto__" must fall back to French: ${JSON.stringify(got.proto)}`);
  check(errors.length === 0, `page errors: ${errors}`);

  // The site's own preview (/<lang>/embed/) under the site's own CSP.
  const own = await context.newPage();
  const ownViolations = [];
  own.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) ownViolations.push(m.text()); });
  const resp = await own.goto(site + 'en/embed/');
  check(/style-src 'self'/.test(resp.headers()['content-security-policy'] || ''), `the site's own /en/embed/ is served without its CSP: ${resp.headers()['content-security-policy']}`);
  await own.waitForFunction(() => document.querySelector('[data-pesnet-catalog]')?.shadowRoot?.querySelector('section.pesnet'), null, { timeout: 5000 }).catch(() => {});
  const preview = await own.evaluate(() => {
    const box = document.querySelector('[data-pesnet-catalog]')?.shadowRoot?.querySelector('section.pesnet');
    return box ? getComputedStyle(box).borderTopStyle : null;
  });
  check(preview === 'solid', `the preview on /en/embed/ is not styled under the site's CSP (border ${preview})`);
  check(ownViolations.length === 0, `CSP violations on /en/embed/: ${ownViolations.join(' | ')}`);
  await own.screenshot({ path: path.join(tmp, 'embed-docs.png'), fullPage: true });

  console.log(`embed: widgets rendered under a strict host CSP (upcoming fr ${got['upcoming-fr'].titles.length} items, ar ${got['upcoming-ar'].titles.length} items rtl, past ${got['past-ar'].titles.length}, late ${got.late.titles?.length}; hostile ${got.hostile.items.length} items with ${got.hostile.hrefs.length} link, __proto__ → ${got.proto.lang}); screenshots ${path.join(tmp, 'embed.png')}, ${path.join(tmp, 'embed-docs.png')}`);
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
