// Internal link and anchor check over the built site.
//
// What: for every .html file under PUBLIC_DIR, every URL in an href, src,
// srcset, poster, action or formaction attribute that is relative,
// root-relative or absolute under the site's base URL is resolved against
// the page's own URL; the target file must exist (a path ending in / means
// its index.html) and, for a #fragment in an HTML page, the target page
// must have an element with that id (or an <a name>). Other absolute URLs
// (http:, https: elsewhere, mailto:, webcal:, data:, tel:) are counted and
// skipped, except webcal: on the site's host, checked as https:; any other
// scheme (javascript:, file:, ...) is a failure.
// The base URL is the one the build used: the canonical link of
// PUBLIC_DIR/index.html, else base_url in content/site.yaml.
// Why: pages, translations, feeds and open data link to each other by
// path; a renamed file or a missing id breaks them silently.
// Usage: node .ci/checks/links.mjs PUBLIC_DIR   (from the repository root)
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2];
if (!root) { console.error('usage: node links.mjs PUBLIC_DIR'); process.exit(2); }

// A small HTML tokenizer: enough for generated, well-formed markup. It skips
// comments and the raw text of <script> and <style>.
const tagRe = /<!--[\s\S]*?-->|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/\1\s*>|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s) => s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    : entities[e.toLowerCase()] ?? m);

function* tags(html) {
  for (const m of html.matchAll(tagRe)) {
    if (m[0].startsWith('<!--')) continue;
    const name = (m[1] || m[3]).toLowerCase();
    const attrs = {};
    for (const a of (m[2] ?? m[4] ?? '').matchAll(attrRe)) {
      const k = a[1].toLowerCase();
      if (!(k in attrs)) attrs[k] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    }
    yield { name, attrs };
  }
}

// 1. Read every HTML page: its ids, and its URLs.
const pages = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.html')) pages.push(path.relative(root, p).split(path.sep).join('/'));
  }
})(root);
pages.sort();

const urlAttrs = ['href', 'src', 'poster', 'action', 'formaction'];
const ids = new Map(); // page -> Set of ids
const links = []; // { page, attr, value }
let canonicalOfRoot;
for (const page of pages) {
  const set = new Set();
  for (const { name, attrs } of tags(fs.readFileSync(path.join(root, page), 'utf8'))) {
    if ('id' in attrs) set.add(attrs.id);
    if (name === 'a' && 'name' in attrs) set.add(attrs.name);
    if (page === 'index.html' && name === 'link' && /(^|\s)canonical(\s|$)/i.test(attrs.rel ?? '')) canonicalOfRoot = attrs.href;
    for (const attr of urlAttrs) if (attr in attrs) links.push({ page, attr, value: attrs[attr].trim() });
    if ('srcset' in attrs) {
      for (const candidate of attrs.srcset.split(',')) {
        const u = candidate.trim().split(/\s+/)[0];
        if (u) links.push({ page, attr: 'srcset', value: u });
      }
    }
  }
  ids.set(page, set);
}

// 2. The base URL the build used.
let base = canonicalOfRoot, baseFrom = 'canonical link of index.html';
if (!base) {
  const yaml = fs.readFileSync('content/site.yaml', 'utf8');
  base = /^base_url:\s*["']?([^"'\s#]+)/m.exec(yaml)?.[1];
  baseFrom = 'content/site.yaml';
}
if (!base) { console.error('links: no base URL (no canonical link in index.html, no base_url in content/site.yaml)'); process.exit(1); }
base = new URL(base.endsWith('/') ? base : base + '/');

// 3. Resolve and check every link.
const problems = [];
let checked = 0, external = 0;
const exists = (f) => { try { return fs.statSync(path.join(root, f)); } catch { return null; } };
for (const { page, attr, value } of links) {
  const where = `${page}: ${attr}="${value}"`;
  if (value === '') { problems.push(`${where}: empty URL`); continue; }
  let url;
  try { url = new URL(value, new URL(page, base)); } catch { problems.push(`${where}: not a valid URL`); continue; }
  // webcal://host/path is the feed at https://host/path.
  if (url.protocol === 'webcal:' && url.host === base.host) url = new URL(base.protocol + url.href.slice('webcal:'.length));
  const inside = (url.protocol === 'http:' || url.protocol === 'https:') && url.host === base.host && url.pathname.startsWith(base.pathname);
  if (!inside) {
    if (/^(https?|mailto|webcal|data|tel):$/.test(url.protocol)) {
      // A root-relative link on a site not published at the domain root
      // lands outside it.
      if (url.host === base.host && /^https?:$/.test(url.protocol) && !/^[a-z][a-z0-9+.-]*:/i.test(value)) {
        problems.push(`${where}: resolves to ${url.href}, outside the site (${base.href})`);
      } else external++;
    } else {
      problems.push(`${where}: unexpected URL scheme ${url.protocol}`);
    }
    continue;
  }
  checked++;
  let file;
  try { file = decodeURIComponent(url.pathname.slice(base.pathname.length)); } catch { problems.push(`${where}: bad percent-encoding`); continue; }
  if (file === '' || file.endsWith('/')) file += 'index.html';
  const st = exists(file);
  if (!st) { problems.push(`${where}: ${file} does not exist`); continue; }
  if (st.isDirectory()) { problems.push(`${where}: ${file} is a folder: end the link with /`); continue; }
  if (url.hash.length > 1 && file.endsWith('.html')) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!ids.get(file)?.has(id)) {
      problems.push(`${where}: ${file} has no element with id="${id}"` +
        (id === 'ZgotmplZ' ? ' (#ZgotmplZ is what Go html/template writes when it rejects a URL as unsafe: give the template a template.URL)' : ''));
    }
  }
}

for (const p of problems) console.error(p);
console.log(`links: ${pages.length} pages, ${checked} internal links checked (base ${base.href} from ${baseFrom}), ${external} external skipped, ${problems.length} broken`);
if (pages.length === 0) { console.error('links: no HTML page found'); process.exit(1); }
process.exit(problems.length ? 1 : 0);
