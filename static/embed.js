/*
 * OIC-PESNET catalogue widget for member websites.
 *
 *   <div data-pesnet-catalog data-lang="ar" data-area="youth-neet" data-limit="5">
 *     <a href="https://…/ar/activities/">…</a>
 *   </div>
 *   <script src="https://…/embed.js" async></script>
 *
 * Options (attributes of the container): data-lang (fr, ar, en; default
 * fr), data-area (an area id), data-country (an ISO code of a provider
 * country), data-limit (1 to 50; default and most: 50), data-show
 * (upcoming, the default: the activities whose dates are not past,
 * soonest first; past: those past, most recent first; all: the upcoming
 * ones, then the past ones). "Past" is judged in the visitor's browser on
 * the day the page is viewed, not when the site was built. A completed
 * activity is past whatever its dates, and is shown on the days it was
 * held (outcome.held, since version 1.3 of the data), at its actual venue,
 * with the "completed" status.
 *
 * Data: the upcoming list reads the upcoming document of its area, its
 * country or its language (upcoming/areas/<id>.json,
 * upcoming/countries/<CC>.json, upcoming.json; since version 1.5 of the
 * data): the activities not past two days before the site's last review,
 * whose size follows the plans under way, not the catalogue's whole
 * history. The past and all lists read it too, and the recent past
 * document beside it (past/areas/<id>.json, past/countries/<CC>.json,
 * past.json; since version 1.6): the 50 activities that ended last as of
 * the upcoming document's day; those past since are in the upcoming one.
 * No list reads a document of the whole history, and none shows more
 * than 50 activities.
 *
 * Every container of the page is rendered, also those added later (a
 * MutationObserver), and the script may sit in <head>.
 * window.PESNETCatalog.render(element) renders one container again (after
 * its attributes changed); render() renders them all. Until the list is
 * ready, the container's own content (the documented snippet puts a link
 * to the site's list there) stays visible; if anything fails, it stays.
 *
 * The list is built in a Shadow DOM with createElement/textContent only:
 * catalogue text is never parsed as HTML. Its styles come from embed.css
 * beside this script, adopted as a constructed stylesheet, which a host's
 * Content-Security-Policy does not block (an inline <style> would be);
 * browsers without them get a <link> to embed.css. No cookies
 * (credentials: "omit"), no dependencies, one global (PESNETCatalog).
 * The widget runs on other people's pages, so it trusts neither the data
 * nor the attributes: a link is made only to an http(s) address on this
 * script's own origin (anything else shows as text), and an unknown
 * data-lang (even "__proto__") falls back to French.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var base = new URL('./', script && script.src ? script.src : location.href);
  var cssURL = new URL('embed.css', base).href;
  var DEFAULT_LANG = 'fr';
  var LANGS = new Map([['fr', 'ltr'], ['en', 'ltr'], ['ar', 'rtl']]); // language → direction (a Map: no inherited keys)
  var SHOW = ['upcoming', 'past', 'all'];
  var MAX = 50; // the longest list; a recent past document holds as many
  var WORDS = { // status_overdue is the site's own string (i18n/*.toml)
    fr: { error: 'Les activités ne peuvent pas être affichées pour le moment.', upcoming: 'Aucune activité à venir.', empty: 'Aucune activité.', more: 'Toutes les activités sur le site de l’OIC-PESNET', overdue: 'date passée, statut non mis à jour' },
    en: { error: 'The activities cannot be shown at the moment.', upcoming: 'No upcoming activity.', empty: 'No activity.', more: 'All activities on the OIC-PESNET website', overdue: 'date passed, status not yet updated' },
    ar: { error: 'تعذّر عرض الأنشطة في الوقت الحالي.', upcoming: 'لا توجد أنشطة قادمة.', empty: 'لا توجد أنشطة.', more: 'جميع الأنشطة على موقع شبكة OIC-PESNET', overdue: 'انقضى الموعد ولم تُحدَّث الحالة بعد' }
  };

  var requests = new Map();
  function fetchOnce(url, read) {
    if (!requests.has(url)) {
      requests.set(url, fetch(url, { credentials: 'omit', mode: 'cors' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return read(r);
      }));
    }
    return requests.get(url);
  }

  // styles resolves to a function that styles a shadow root: with one
  // constructed stylesheet shared by every widget where the browser has
  // them (CSP does not apply to them), else with a <link> to embed.css.
  var styles = (function () {
    var linkIt = function (root) { root.prepend(el('link', { rel: 'stylesheet', href: cssURL })); };
    if (!('adoptedStyleSheets' in Document.prototype) || !('replaceSync' in CSSStyleSheet.prototype)) return Promise.resolve(linkIt);
    return fetchOnce(cssURL, function (r) { return r.text(); }).then(function (css) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return function (root) { root.adoptedStyleSheets = [sheet]; };
    }, function () { return linkIt; });
  })();

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

  // today is the visitor's date (their time zone) as YYYY-MM-DD, the form
  // of the data's schedule dates, so dates compare as strings.
  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  // options reads and checks the container's attributes; nothing from them
  // reaches a URL unless it matches a strict pattern.
  function options(box) {
    var lang = (box.getAttribute('data-lang') || '').toLowerCase();
    if (!LANGS.has(lang)) lang = DEFAULT_LANG;
    var area = box.getAttribute('data-area') || '';
    var country = (box.getAttribute('data-country') || '').toUpperCase();
    var limit = parseInt(box.getAttribute('data-limit') || '0', 10);
    limit = limit > 0 && limit < MAX ? limit : MAX;
    var show = (box.getAttribute('data-show') || '').toLowerCase();
    if (SHOW.indexOf(show) < 0) show = 'upcoming';
    area = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(area) ? area : '';
    country = !area && /^[A-Z]{2}$/.test(country) ? country : '';
    var docs = show === 'upcoming' ? ['upcoming'] : ['upcoming', 'past'];
    var urls = docs.map(function (kind) {
      var doc = 'api/v1/' + lang + '/' + kind + '.json';
      if (area) doc = 'api/v1/' + lang + '/' + kind + '/areas/' + area + '.json';
      else if (country) doc = 'api/v1/' + lang + '/' + kind + '/countries/' + country + '.json';
      return new URL(doc, base).href;
    });
    return { lang: lang, urls: urls, area: area, country: country, limit: limit, show: show };
  }

  // merge gathers the upcoming document and the recent past one (when
  // read) into one: the first's names, both lists of activities, each
  // activity once.
  function merge(docs) {
    var ids = new Set();
    var acts = [];
    docs.forEach(function (d) {
      (d && Array.isArray(d.activities) ? d.activities : []).forEach(function (a) {
        if (a && !ids.has(a.id)) { ids.add(a.id); acts.push(a); }
      });
    });
    return { areas: docs[0] && docs[0].areas, countries: docs[0] && docs[0].countries, activities: acts };
  }

  // view is what a list shows of the documents read: its heading and
  // activities. They name every area and country: the container's heading
  // is picked there (one they do not name is an error, as a missing
  // document is), and its activities are kept as a check.
  function view(data, opts) {
    var acts = Array.isArray(data.activities) ? data.activities : [];
    var named = function (list, key, value) { return (Array.isArray(list) ? list : []).filter(function (x) { return x && x[key] === value; })[0]; };
    if (opts.area) {
      var area = named(data.areas, 'id', opts.area);
      if (!area) throw new Error('no area ' + opts.area);
      return { heading: area.text && area.text.title, acts: acts.filter(function (a) { return a.area === opts.area; }) };
    }
    if (opts.country) {
      var country = named(data.countries, 'code', opts.country);
      if (!country) throw new Error('no country ' + opts.country);
      return { heading: country.name, acts: acts.filter(function (a) { return named(a.providers, 'country', opts.country); }) };
    }
    return { heading: null, acts: acts };
  }

  // done says whether a took place (status completed).
  function done(a) { return a.status === 'completed'; }

  // when is the schedule an activity is shown on: the days a completed one
  // was held (when the data say), else the schedule planned.
  function when(a) {
    var held = done(a) && a.outcome && a.outcome.held;
    return held && typeof held.earliest === 'string' ? held : (a.schedule || {});
  }

  // select orders and filters the activities for opts.show, as of day.
  // An activity is past when it is completed or its latest date is before
  // day; one without dates (undetermined) is never past and comes last
  // among the upcoming ones. The sorts are stable: ties keep the
  // documents' order.
  function select(acts, opts, day) {
    var key = function (a, f) { return (typeof when(a)[f] === 'string' && when(a)[f]) || '9999-99-99'; };
    var past = function (a) { return done(a) || key(a, 'latest') < day; };
    var ahead = acts.filter(function (a) { return !past(a); }).sort(function (a, b) { return key(a, 'earliest') < key(b, 'earliest') ? -1 : key(a, 'earliest') > key(b, 'earliest') ? 1 : 0; });
    var ended = acts.filter(past).sort(function (a, b) { return key(b, 'latest') < key(a, 'latest') ? -1 : key(b, 'latest') > key(a, 'latest') ? 1 : 0; });
    var shown = opts.show === 'upcoming' ? ahead : opts.show === 'past' ? ended : ahead.concat(ended);
    return shown.slice(0, opts.limit);
  }

  // overdue says what the site says: dates passed, status still ahead.
  // The data's flag describes the day the data were published (as_of);
  // the same rule applied to the visitor's day catches what passed since.
  function overdue(a, day) {
    if (a.overdue === true) return true;
    return (a.status === 'planned' || a.status === 'confirmed') && !!(a.schedule && a.schedule.latest) && a.schedule.latest < day;
  }

  function meta(a, opts, day) {
    var p = el('p', { 'class': 'meta', lang: opts.lang, dir: LANGS.get(opts.lang) });
    var venue = (done(a) && a.labels.held_venue) || a.labels.venue || a.venue.country_name || '';
    p.appendChild(document.createTextNode([when(a).text || a.schedule.text, a.labels.type, venue].join(' · ') + ' · '));
    p.appendChild(el('span', { 'class': 'status status-' + a.status }, a.labels.status));
    if (overdue(a, day)) p.appendChild(el('span', { 'class': 'overdue' }, ' (' + WORDS[opts.lang].overdue + ')'));
    return p;
  }

  function list(data, opts) {
    var words = WORDS[opts.lang];
    var day = today();
    var box = el('section', { 'class': 'pesnet', lang: opts.lang, dir: LANGS.get(opts.lang) });
    var shown = view(data, opts);
    if (shown.heading) box.appendChild(el('h2', {}, shown.heading));
    var acts = select(shown.acts, opts, day);
    if (!acts.length) box.appendChild(el('p', {}, opts.show === 'upcoming' ? words.upcoming : words.empty));
    var ol = el('ol');
    acts.forEach(function (a) {
      var item = el('li', { lang: a.text.lang, dir: LANGS.get(a.text.lang) || 'auto' });
      var href = siteURL(a.urls && a.urls.page);
      item.appendChild(href ? el('a', { href: href, target: '_blank', rel: 'noopener' }, a.text.title) : el('span', {}, a.text.title));
      item.appendChild(meta(a, opts, day));
      ol.appendChild(item);
    });
    if (acts.length) box.appendChild(ol);
    var more = el('p', { 'class': 'more' });
    more.appendChild(el('a', { href: new URL(opts.lang + '/activities/', base).href, target: '_blank', rel: 'noopener' }, words.more));
    box.appendChild(more);
    return box;
  }

  // render (re)draws one container. The shadow root is attached only when
  // the list is ready, so the container's fallback content shows until
  // then, and stays if the data cannot be loaded or shown. A later call
  // wins over an earlier one still loading.
  var latest = new WeakMap();
  function render(box) {
    var opts = options(box);
    var token = {};
    latest.set(box, token);
    var docs = opts.urls.map(function (url) { return fetchOnce(url, function (r) { return r.json(); }); });
    return Promise.all([styles].concat(docs)).then(function (got) {
      return { style: got[0], list: list(merge(got.slice(1)), opts) }; // a throw here is a failure below
    }).then(function (ready) {
      if (latest.get(box) !== token) return;
      var root = box.shadowRoot || box.attachShadow({ mode: 'open' });
      root.replaceChildren(ready.list);
      ready.style(root);
    }, function () {
      if (latest.get(box) !== token || box.firstElementChild) return; // keep the fallback link
      var root = box.shadowRoot || box.attachShadow({ mode: 'open' });
      root.replaceChildren(el('p', { 'class': 'pesnet', lang: opts.lang, dir: LANGS.get(opts.lang), role: 'status' }, WORDS[opts.lang].error));
    });
  }

  var seen = new WeakSet();
  function mountAll(node) {
    var boxes = node.matches && node.matches('[data-pesnet-catalog]') ? [node] : [];
    if (node.querySelectorAll) boxes = boxes.concat(Array.prototype.slice.call(node.querySelectorAll('[data-pesnet-catalog]')));
    boxes.forEach(function (box) {
      if (seen.has(box)) return;
      seen.add(box);
      render(box);
    });
  }

  function start() {
    mountAll(document);
    // Containers added later (single-page applications, CMS blocks).
    new MutationObserver(function (records) {
      records.forEach(function (r) { Array.prototype.forEach.call(r.addedNodes, mountAll); });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  window.PESNETCatalog = {
    // render(element) draws that container again; render() every one.
    render: function (element) {
      if (element) { seen.add(element); return render(element); }
      return Promise.all(Array.prototype.map.call(document.querySelectorAll('[data-pesnet-catalog]'), function (box) { seen.add(box); return render(box); }));
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
