/*
 * OIC-PESNET catalogue widget for member websites.
 *
 *   <div data-pesnet-catalog data-lang="ar" data-area="youth-neet" data-limit="5"></div>
 *   <script src="https://…/embed.js" async></script>
 *
 * Options (attributes of the container): data-lang (fr, ar, en; default
 * fr), data-area (an area id), data-country (an ISO code of a provider
 * country), data-limit (a number). Every container of the page is filled;
 * containers added later are filled when the script runs again.
 *
 * The list is built in a Shadow DOM, so the host page's CSS does not leak
 * in, with createElement/textContent only: catalogue text is never parsed
 * as HTML. No cookies (credentials: "omit"), no dependencies, no globals.
 * The data come from the versioned open data (api/v1) beside this script.
 * The widget runs on other people's pages, so it trusts neither the data
 * nor the attributes: a link is made only to an http(s) address on this
 * script's own origin (anything else shows as text), and an unknown
 * data-lang (even "__proto__") falls back to French.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var base = new URL('./', script && script.src ? script.src : location.href);
  var DEFAULT_LANG = 'fr';
  var LANGS = new Map([['fr', 'ltr'], ['en', 'ltr'], ['ar', 'rtl']]); // language → direction (a Map: no inherited keys)
  var WORDS = {
    fr: { loading: 'Chargement des activités…', error: 'Les activités ne peuvent pas être affichées pour le moment.', empty: 'Aucune activité.', more: 'Toutes les activités sur le site de l’OIC-PESNET' },
    en: { loading: 'Loading activities…', error: 'The activities cannot be shown at the moment.', empty: 'No activity.', more: 'All activities on the OIC-PESNET website' },
    ar: { loading: 'جارٍ تحميل الأنشطة…', error: 'تعذّر عرض الأنشطة في الوقت الحالي.', empty: 'لا توجد أنشطة.', more: 'جميع الأنشطة على موقع شبكة OIC-PESNET' }
  };
  var CSS = [
    ':host{display:block;font:inherit;color:inherit}',
    '.pesnet{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.5;color:#1b1f24;background:#fff;border:1px solid #c9d1d9;padding:1rem}',
    '.pesnet:lang(ar){font-family:"Noto Naskh Arabic","Noto Sans Arabic","Segoe UI",Tahoma,sans-serif;line-height:1.8;font-size:1.05em}',
    'h2{font-size:1.1em;margin:0 0 .5rem}',
    'ol{list-style:none;margin:0;padding:0}',
    'li{padding-block:.6rem;border-block-end:1px solid #c9d1d9}',
    'li:last-child{border-block-end:0}',
    'a{color:#0b5a45;font-weight:600}',
    'a:focus-visible{outline:3px solid #ffbf47;outline-offset:0;background:#ffbf47;color:#0b0c0c}',
    '.meta{margin:.25rem 0 0;color:#4a5560;font-size:.9em}',
    '.more{margin:.75rem 0 0}',
    '.status{display:inline-block;padding:0 .4rem;background:#e7eef5;color:#1d3b57;font-size:.85em;font-weight:600}',
    '.status-cancelled{background:#fbe3e3;color:#8a1c1c}',
    '.status-confirmed,.status-completed{background:#dff2e6;color:#0f5131}'
  ].join('');

  var requests = new Map();

  function fetchJSON(url) {
    if (!requests.has(url)) {
      requests.set(url, fetch(url, { credentials: 'omit', mode: 'cors' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      }));
    }
    return requests.get(url);
  }

  // siteURL returns raw as an absolute address when it is http(s) on this
  // script's origin, else null. It judges the parsed URL, as the browser
  // would follow it: parsing drops tabs and line breaks and lowercases the
  // scheme, so "JaVa\tScRiPt:…" is seen as the javascript: it is.
  function siteURL(raw) {
    if (typeof raw !== 'string') return null;
    var u;
    try { u = new URL(raw, base); } catch (e) { return null; }
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === base.origin ? u.href : null;
  }

  function el(name, attrs, text) {
    var e = document.createElement(name);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  // options reads and checks the container's attributes; nothing from them
  // reaches a URL unless it matches a strict pattern.
  function options(box) {
    var lang = (box.getAttribute('data-lang') || '').toLowerCase();
    if (!LANGS.has(lang)) lang = DEFAULT_LANG;
    var area = box.getAttribute('data-area') || '';
    var country = (box.getAttribute('data-country') || '').toUpperCase();
    var limit = parseInt(box.getAttribute('data-limit') || '0', 10);
    var doc = 'api/v1/' + lang + '/activities.json';
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(area)) doc = 'api/v1/' + lang + '/areas/' + area + '.json';
    else if (/^[A-Z]{2}$/.test(country)) doc = 'api/v1/' + lang + '/countries/' + country + '.json';
    return { lang: lang, url: new URL(doc, base).href, limit: limit > 0 ? limit : 0 };
  }

  function heading(data) {
    if (data.area && data.area.text) return data.area.text.title;
    if (data.country) return data.country.name;
    return null;
  }

  function meta(a) {
    var p = el('p', { 'class': 'meta' });
    var venue = a.labels.venue || a.venue.country_name || '';
    p.appendChild(document.createTextNode([a.schedule.text, a.labels.type, venue].join(' · ') + ' · '));
    p.appendChild(el('span', { 'class': 'status status-' + a.status }, a.labels.status));
    return p;
  }

  function render(root, opts, data) {
    var words = WORDS[opts.lang];
    var box = el('section', { 'class': 'pesnet', lang: opts.lang, dir: LANGS.get(opts.lang) });
    var h = heading(data);
    if (h) box.appendChild(el('h2', {}, h));
    var acts = data.activities || [];
    if (opts.limit) acts = acts.slice(0, opts.limit);
    if (!acts.length) box.appendChild(el('p', {}, words.empty));
    var list = el('ol');
    acts.forEach(function (a) {
      var item = el('li', { lang: a.text.lang, dir: LANGS.get(a.text.lang) || 'auto' });
      var href = siteURL(a.urls && a.urls.page);
      item.appendChild(href ? el('a', { href: href, target: '_blank', rel: 'noopener' }, a.text.title) : el('span', {}, a.text.title));
      var m = meta(a);
      m.setAttribute('lang', opts.lang);
      m.setAttribute('dir', LANGS.get(opts.lang));
      item.appendChild(m);
      list.appendChild(item);
    });
    if (acts.length) box.appendChild(list);
    var more = el('p', { 'class': 'more' });
    more.appendChild(el('a', { href: new URL(opts.lang + '/activities/', base).href, target: '_blank', rel: 'noopener' }, words.more));
    box.appendChild(more);
    root.replaceChildren(el('style', {}, CSS), box);
  }

  function mount(box) {
    if (box.getAttribute('data-pesnet-ready')) return;
    box.setAttribute('data-pesnet-ready', '1');
    var opts = options(box);
    var root = box.shadowRoot || box.attachShadow({ mode: 'open' });
    root.replaceChildren(el('style', {}, CSS), el('p', { 'class': 'pesnet', lang: opts.lang, dir: LANGS.get(opts.lang), role: 'status' }, WORDS[opts.lang].loading));
    fetchJSON(opts.url).then(function (data) { render(root, opts, data); }, function () {
      root.replaceChildren(el('style', {}, CSS), el('p', { 'class': 'pesnet', lang: opts.lang, dir: LANGS.get(opts.lang), role: 'status' }, WORDS[opts.lang].error));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-pesnet-catalog]'), mount);
})();
