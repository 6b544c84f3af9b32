// The finder of the list of every activity and the home page's "what's
// next" (static/js/find.js), in headless Chromium, on a built site.
//
// What: first, the normalization table internal/search/testdata/
// normalize.json (which the Go test checks against search.Normalize)
// against find.js's normalize, run in Node from both the source and the
// published (minified) script. Then serves PUBLIC_DIR on 127.0.0.1
// (ephemeral port, started and stopped here) and, with the browser's
// clock fixed at TODAY, in every language: the list shows upcoming, then
// under way, then date to be fixed, then past (collapsed, most recent
// first), as computed here from the index's dates; each option of each
// filter gives the activities the index says (computed here, independently
// of find.js) and is written in the address; a shared filtered address
// reloads the same filters and results; text queries without accents,
// hamza, harakat or with Arabic-Indic digits find what is written with
// them; the result count is announced (role=status) in the page's
// language with its plural form; Arabic is laid out right to left. The
// home page's "what's next" lists what is under way, then the next
// activities. With JavaScript disabled, the finder is not shown and the
// chronological list is complete.
// Screenshots of a filtered list at 360 and 1280 px in each language go to
// $PESNET_SHOTS when set.
// Why: "upcoming" must be computed on the day of viewing, and a filter or
// a search that silently drops activities is worse than none.
// Usage: node .ci/checks/find.mjs PUBLIC_DIR   (from the repository root;
// made for the fixture of internal/testproject, PESNET_FIXTURE_OUT)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import vm from 'node:vm';
import { chromium } from 'playwright-core';

const root = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(root)) { console.error('usage: node find.mjs PUBLIC_DIR'); process.exit(2); }
const TODAY = '2025-03-15T10:00:00';
const today = 20250315;
const problems = [];
const check = (ok, msg) => { if (!ok) problems.push(msg); };

// 1. The shared normalization table, against find.js in Node.
const table = JSON.parse(fs.readFileSync('internal/search/testdata/normalize.json', 'utf8'));
const published = fs.readdirSync(path.join(root, 'js')).filter((f) => /^find\.[0-9a-f]+\.js$/.test(f));
check(published.length === 1, `js/: ${published.length} find.<hash>.js files`);
let normalize = null;
for (const file of ['static/js/find.js', ...published.map((f) => path.join(root, 'js', f))]) {
  const sandbox = { module: { exports: {} } };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
  const fn = sandbox.module.exports.normalize;
  for (const [input, want] of table) {
    const got = fn(input);
    check(got === want, `${file}: normalize(${JSON.stringify(input)}) = ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  normalize = fn;
}

// 2. What the index says, computed here.
const langs = ['fr', 'ar', 'en'].filter((l) => fs.existsSync(path.join(root, l, 'search/index.json')));
check(langs.length === 3, `search indexes for ${langs.join(', ')}`);
function load(lang) {
  const h = JSON.parse(fs.readFileSync(path.join(root, lang, 'search/index.json'), 'utf8'));
  const shards = h.shards.map((s) => JSON.parse(fs.readFileSync(path.join(root, s), 'utf8')));
  // Each activity's text, its words gathered back from the inverted index
  // (words.json and the postings: base-36 gaps joined by ",").
  const words = JSON.parse(fs.readFileSync(path.join(root, h.words), 'utf8'));
  const texts = h.acts.map(() => []);
  words.chunks.forEach((group, k) => {
    const post = JSON.parse(fs.readFileSync(path.join(root, words.postings[k]), 'utf8'));
    group.forEach((word, j) => {
      let row = 0;
      for (const gap of post.rows[j].split(',')) { row += parseInt(gap, 36); texts[row].push(word); }
    });
  });
  return h.acts.map((a, i) => {
    const s = shards[Math.floor(i / h.shard)]; const k = i % h.shard;
    return {
      id: s.cards[k][0], text: texts[i].join(' '), area: h.dicts.area[a[0]], type: h.dicts.type[a[1]], venue: h.dicts.mode[a[2]],
      scope: h.dicts.scope[a[3]], status: a[7] ? 'overdue' : h.dicts.status[a[4]], first: a[5], last: a[6],
      lang: `${a[8]} ${a[9]}`.split(' ').filter(Boolean), country: a[10].split(' ').filter(Boolean),
    };
  });
}
function groups(acts) {
  const g = { upcoming: [], ongoing: [], tbd: [], past: [] };
  for (const a of acts) {
    if (!a.first) g.tbd.push(a.id);
    else if (a.first > today) g.upcoming.push(a.id);
    else if (a.last >= today) g.ongoing.push(a.id);
    else g.past.push(a.id);
  }
  g.past.reverse();
  return g;
}
function inPeriod(a, p) {
  if (!a.first) return false;
  const [y, q] = p.split('-q');
  const from = q ? +y * 10000 + (q * 3 - 2) * 100 + 1 : +y * 10000 + 101;
  const to = q ? +y * 10000 + q * 300 + 31 : +y * 10000 + 1231;
  return a.first <= to && a.last >= from;
}
const want = (acts, name, value) => acts.filter((a) => {
  if (name === 'period') return inPeriod(a, value);
  if (name === 'lang' || name === 'country') return a[name].includes(value);
  return a[name] === value;
}).map((a) => a.id).sort();

// 3. The pages in the browser.
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml' };
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
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-find-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args });
const shots = process.env.PESNET_SHOTS;
let filters = 0, queries = 0;

// results reads the finder's groups once the count is announced.
async function results(page) {
  await page.waitForFunction(() => document.querySelector('#find-count')?.textContent.trim() !== '', null, { timeout: 10000 });
  return page.evaluate(() => {
    const ids = (sel) => [...document.querySelectorAll(`${sel} .card-title a`)].map((a) => a.getAttribute('href').split('/').filter(Boolean).pop());
    const past = document.querySelector('#find-results .find-past');
    return {
      upcoming: ids('#find-results .find-upcoming'), ongoing: ids('#find-results .find-ongoing'),
      tbd: ids('#find-results .find-tbd'), past: ids('#find-results .find-past'), pastOpen: past ? past.open : null,
      count: document.querySelector('#find-count').textContent, role: document.querySelector('#find-count').getAttribute('role'),
      search: location.search,
    };
  });
}
const all = (r) => [...r.upcoming, ...r.ongoing, ...r.tbd, ...r.past].sort();
// settle waits for the finder to redraw after a change.
async function change(page, fn) {
  await page.evaluate(() => { document.querySelector('#find-count').textContent = ''; });
  await fn();
  return results(page);
}

try {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  await page.clock.setFixedTime(new Date(TODAY));
  for (const lang of langs) {
    const acts = load(lang);
    const url = `/${lang}/activities/`;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(origin + url, { waitUntil: 'load' });
    let r = await results(page);
    const g = groups(acts);
    for (const k of ['upcoming', 'ongoing', 'tbd', 'past']) {
      check(JSON.stringify(r[k]) === JSON.stringify(g[k]), `${url}: ${k} = ${r[k].join(' ')}, want ${g[k].join(' ')}`);
    }
    check(r.pastOpen === false, `${url}: the past activities are not collapsed`);
    const order = await page.evaluate(() => [...document.querySelectorAll('#find-results > *')].map((e) => e.className));
    check(order[0] && order[0].includes('find-upcoming') && order[order.length - 1].includes('find-past'), `${url}: groups in the order ${order.join(', ')}`);
    check(r.role === 'status', `${url}: the count is not in a status region`);
    check(r.count.includes(String(acts.length)), `${url}: count "${r.count}" does not say ${acts.length}`);
    check(await page.isHidden('#chrono'), `${url}: the chronological list still shows under the finder`);
    if (lang === 'ar') {
      check(await page.evaluate(() => getComputedStyle(document.querySelector('.find-form')).direction) === 'rtl', `${url}: the finder is not right to left`);
      const box = await page.evaluate(() => {
        const card = document.querySelector('#find-results .card').getBoundingClientRect();
        const label = document.querySelector('#find-results .card .card-date').getBoundingClientRect();
        return { card: card.right, label: label.right };
      });
      check(box.card - box.label < 40, `${url}: the card's date does not start on the right (${JSON.stringify(box)})`);
      check(/[\u0600-\u06ff]/.test(r.count), `${url}: the count is not in Arabic: ${r.count}`);
    }

    // Every option of every filter, one at a time.
    const options = await page.evaluate(() => [...document.querySelectorAll('.find-filters select')].map((s) => ({ name: s.name, values: [...s.options].map((o) => o.value).filter(Boolean) })));
    check(options.length === 8, `${url}: ${options.length} filters, want 8`);
    for (const { name, values } of options) {
      for (const value of values) {
        r = await change(page, () => page.selectOption(`#find-${name}`, value));
        const w = want(acts, name, value);
        check(JSON.stringify(all(r)) === JSON.stringify(w), `${url} ${name}=${value}: ${all(r).join(' ')}, want ${w.join(' ')}`);
        check(new URLSearchParams(r.search).get(name) === value, `${url} ${name}=${value}: the address says ${r.search}`);
        filters++;
      }
      await change(page, () => page.selectOption(`#find-${name}`, ''));
    }

    // A shared address with two filters and a query reloads the same view.
    const pick = options.find((o) => o.name === 'type').values[0];
    await change(page, () => page.selectOption('#find-type', pick));
    const before = await change(page, () => page.fill('#find-q', 'a'));
    const shared = before.search;
    check(/type=/.test(shared) && /q=a/.test(shared), `${url}: the address ${shared} lacks the filters`);
    await page.goto(origin + url + shared, { waitUntil: 'load' });
    r = await results(page);
    check(JSON.stringify(all(r)) === JSON.stringify(all(before)), `${url}${shared}: reloaded ${all(r).join(' ')}, before ${all(before).join(' ')}`);
    check(await page.inputValue('#find-type') === pick && await page.inputValue('#find-q') === 'a', `${url}${shared}: the form is not restored`);
    await page.click('.find-form button[type=reset]');
    await page.waitForFunction(() => location.search === '');
    await page.goto(origin + url, { waitUntil: 'load' });
    await results(page);

    // Text queries as visitors type them.
    const typed = {
      fr: [['PREPARATION a l emploi', 'neet-readiness'], ['enquetes', 'lfs-workshop'], ['Türkiye', 'lfs-workshop']],
      ar: [['دوره تدريبيه', 'neet-readiness'], ['الانترنت', 'lmi-webinar'], ['مَرَاصِد', 'lmi-webinar'], ['٢٠٢٣', 'online-counters'], ['تـــدريبية', 'lmis-training']],
      en: [['LABOUR force', 'lfs-workshop'], ['turkiye', 'lfs-workshop'], ['webinar 2025', 'lmi-webinar']],
    }[lang] ?? [];
    for (const [q, id] of typed) {
      r = await change(page, () => page.fill('#find-q', q));
      const words = normalize(q).split(' ').filter(Boolean);
      const w = acts.filter((a) => words.every((x) => a.text.includes(x))).map((a) => a.id).sort();
      check(JSON.stringify(all(r)) === JSON.stringify(w), `${url} q=${q}: ${all(r).join(' ')}, want ${w.join(' ')}`);
      check(all(r).includes(id), `${url} q=${q}: ${id} not found`);
      queries++;
    }
    // One result: the singular form (Arabic: "one", not "few").
    r = await change(page, () => page.fill('#find-q', 'lfs workshop'));
    check(all(r).length === 1, `${url}: "lfs workshop" gives ${all(r).length} results`);
    const one = { fr: /1 activité trouvée/, ar: /نشاط واحد/, en: /1 activity found/ }[lang];
    check(!one || one.test(r.count), `${url}: one result is announced as "${r.count}"`);
    r = await change(page, () => page.fill('#find-q', 'zzzzqqq'));
    check(all(r).length === 0 && await page.isVisible('.find-none'), `${url}: no "no result" message`);

    // On a phone, a shared address with filters keeps them folded (the
    // results come first) and the summary says how many are set; the lead
    // no longer says "from the earliest".
    {
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto(`${origin}${url}?venue=on-site&type=${pick}`, { waitUntil: 'load' });
      await results(page);
      const st = await page.evaluate(() => ({ open: document.querySelector('#find-filters-box').open,
        active: document.querySelector('#find-active').textContent,
        intro: document.querySelector('#list-intro').textContent,
        findIntro: document.querySelector('#list-intro').dataset.findIntro }));
      check(!st.open && st.active === ' (2)', `${url} at 360 px: filters open=${st.open}, summary count "${st.active}"`);
      check(st.intro === st.findIntro && st.intro !== '', `${url}: the lead is "${st.intro}", not the finder's`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // Screenshots of a filtered list.
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      const q = new URLSearchParams({ venue: 'on-site' }).toString();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
        await page.goto(`${origin}${url}?${q}`, { waitUntil: 'load' });
        await results(page);
        await page.screenshot({ path: path.join(shots, `list-${lang}-${width}.png`), fullPage: true });
        if (width === 360) {
          await page.goto(`${origin}${url}`, { waitUntil: 'load' });
          await results(page);
          await page.screenshot({ path: path.join(shots, `list-${lang}-360-first-screen.png`) });
        }
        await page.goto(`${origin}/${lang}/`, { waitUntil: 'load' });
        await page.waitForSelector('#next-results .card, #next-results .next-none');
        await page.screenshot({ path: path.join(shots, `home-${lang}-${width}.png`), fullPage: false });
      }
    }

    // The home page: under way first, then upcoming, at most four.
    await page.goto(`${origin}/${lang}/`, { waitUntil: 'load' });
    await page.waitForSelector('#next-results .card, #next-results .next-none', { timeout: 10000 });
    const next = await page.evaluate(() => [...document.querySelectorAll('#next-results .card-title a')].map((a) => a.getAttribute('href').split('/').filter(Boolean).pop()));
    const live = acts.filter((a) => a.status !== 'cancelled');
    const wnext = [...groups(live).ongoing, ...groups(live).upcoming].slice(0, 4);
    check(JSON.stringify(next) === JSON.stringify(wnext), `/${lang}/: what's next = ${next.join(' ')}, want ${wnext.join(' ')}`);
  }

  // Without JavaScript: no finder, the complete chronological list.
  const nojs = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'pesnet-find-nojs-')), { executablePath: '/usr/bin/chromium', args, javaScriptEnabled: false });
  try {
    const p = await nojs.newPage();
    for (const lang of langs) {
      const acts = load(lang);
      await p.goto(`${origin}/${lang}/activities/`, { waitUntil: 'load' });
      check(await p.isHidden('#finder'), `/${lang}/activities/ without JavaScript: the finder shows`);
      const n = await p.locator('#chrono .card').count();
      check(n === Math.min(acts.length, 50), `/${lang}/activities/ without JavaScript: ${n} cards, want ${Math.min(acts.length, 50)}`);
      await p.goto(`${origin}/${lang}/`, { waitUntil: 'load' });
      check(await p.isVisible('#whats-next a[href$="/activities/#finder"]'), `/${lang}/ without JavaScript: no link to the list`);
    }
  } finally {
    await nojs.close();
  }
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

if (problems.length) {
  console.error(problems.map((p) => `find: ${p}`).join('\n'));
  console.error(`find: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`find: ${table.length} normalization cases × 2 scripts; ${langs.length} languages: groups, ${filters} filter values, ${queries} text queries, shared address, count, no-JavaScript path: all as expected`);
