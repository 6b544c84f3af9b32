// find.js: the finder of the list of every activity and the home page's
// "what's next" (issue 11). Plain ES2019, no dependencies, no inline code
// (the site's CSP allows scripts from 'self' only).
//
// It reads the search index the build emits (internal/search: a head file
// with every activity's facts, card shards loaded for the results shown,
// and for a text query the words file and the postings of the words that
// match), and
// splits activities into upcoming, under way, date to be fixed and past
// with the browser's date on the day the page is viewed, so the split
// never freezes at build time. Every word shown comes from the page: the
// filters' options are in the HTML and the other strings in the JSON
// block #find-strings, both written by the build in the page's language.
//
// Without JavaScript nothing here runs: the finder stays hidden and the
// chronological list is the reading path.
(function () {
  'use strict';

  // normalize folds text for matching exactly as internal/search.Normalize
  // does (the table in internal/search/testdata/normalize.json is checked
  // against both): NFD, combining marks removed, Arabic letter variants
  // folded, tatweel removed, œ/æ spelled out, Arabic-Indic digits to 0-9,
  // lower case, and runs of non-letters, non-digits to one space.
  function normalize(s) {
    var d = String(s).normalize('NFD').replace(/\p{Mn}/gu, '');
    var out = '';
    var space = false;
    for (var ch of d) {
      var c = fold(ch).toLowerCase();
      if (c === '\u0640') continue; // tatweel
      if (c === '\u0153') c = 'oe';
      else if (c === '\u00e6') c = 'ae';
      else if (!/^[\p{L}\p{N}]$/u.test(c)) { space = true; continue; }
      if (space && out !== '') out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

  function fold(ch) {
    var r = ch.codePointAt(0);
    if (r === 0x0671) return '\u0627'; // alef wasla → alef
    if (r === 0x0629) return '\u0647'; // teh marbuta → heh
    if (r === 0x0649 || r === 0x06cc) return '\u064a'; // alef maksura, farsi yeh → yeh
    if (r >= 0x0660 && r <= 0x0669) return String.fromCharCode(48 + r - 0x0660);
    if (r >= 0x06f0 && r <= 0x06f9) return String.fromCharCode(48 + r - 0x06f0);
    return ch;
  }

  if (typeof module === 'object' && module && module.exports) module.exports = { normalize: normalize };
  if (typeof document === 'undefined') return;

  var FILTERS = ['area', 'type', 'lang', 'venue', 'country', 'scope', 'period', 'status'];
  var FIRST = 20; // cards a group shows at first
  var MORE = 50; // cards each "show more" adds

  // today is the viewing day as YYYYMMDD, in the visitor's time zone.
  function today() {
    var d = new Date();
    return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  // Index loads the head file and, on demand, the card shards, the words
  // and their postings.
  function Index(url) {
    this.url = url;
    this.shards = [];
    this.postings = [];
  }
  Index.prototype.load = function () {
    var self = this;
    return fetch(this.url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (h) {
      var d = h.dicts;
      self.head = h;
      self.acts = h.acts.map(function (a, i) {
        return {
          i: i, area: d.area[a[0]], type: d.type[a[1]], venue: d.mode[a[2]], scope: d.scope[a[3]],
          status: a[7] ? 'overdue' : d.status[a[4]], first: a[5], last: a[6],
          langs: (a[8] + ' ' + a[9]).split(' ').filter(Boolean), countries: a[10].split(' ').filter(Boolean)
        };
      });
      return self;
    });
  };
  // need resolves once the shards holding the activities of list are
  // loaded; a loaded shard replaces its promise, for synchronous reads.
  Index.prototype.need = function (list) {
    var self = this;
    var wanted = {};
    list.forEach(function (a) { wanted[Math.floor(a.i / self.head.shard)] = true; });
    return Promise.all(Object.keys(wanted).map(function (k) {
      if (!self.shards[k]) {
        self.shards[k] = fetch(self.head.shards[k], { credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(function (v) {
          self.shards[k] = v;
          return v;
        });
      }
      return self.shards[k];
    })).then(function () { return self; });
  };

  // rows decodes a word's rows: base-36 gaps joined by ",".
  function rows(s) {
    var out = [];
    var row = 0;
    s.split(',').forEach(function (gap) { row += parseInt(gap, 36); out.push(row); });
    return out;
  }

  // matching resolves to the rows (activities) whose text holds each of
  // words as a substring of one of its words: it loads the words once,
  // then the postings of the groups where a query word matches a word.
  Index.prototype.matching = function (words) {
    var self = this;
    if (!this.words) this.words = getJSON(this.head.words).catch(function (e) { self.words = null; throw e; });
    return this.words.then(function (w) {
      var hits = words.map(function (q) {
        var found = [];
        w.chunks.forEach(function (group, k) {
          group.forEach(function (word, j) { if (word.indexOf(q) >= 0) found.push([k, j]); });
        });
        return found;
      });
      var groups = {};
      hits.forEach(function (found) { found.forEach(function (h) { groups[h[0]] = true; }); });
      return Promise.all(Object.keys(groups).map(function (k) {
        if (!self.postings[k]) self.postings[k] = getJSON(w.postings[k]).catch(function (e) { self.postings[k] = null; throw e; });
        return self.postings[k];
      })).then(function (loaded) {
        var byGroup = {};
        Object.keys(groups).forEach(function (k, n) { byGroup[k] = loaded[n]; });
        var result = null;
        hits.forEach(function (found) {
          var set = new Set();
          found.forEach(function (h) { rows(byGroup[h[0]].rows[h[1]]).forEach(function (r) { set.add(r); }); });
          result = result === null ? set : new Set(Array.from(result).filter(function (r) { return set.has(r); }));
        });
        return result || new Set();
      });
    });
  };

  function card(index, a, level, strings, brief) {
    var s = index.shards[Math.floor(a.i / index.head.shard)];
    var c = s.cards[a.i % index.head.shard]; // id, label, lang, title, summary, schedule, venue, area
    var li = el('li', 'card');
    li.appendChild(el('p', 'card-label', c[1] + ' · ' + c[7]));
    var h = el('h' + level, 'card-title');
    h.lang = c[2];
    h.dir = /^(ar|fa|ur|he)$/.test(c[2]) ? 'rtl' : 'ltr';
    var link = el('a', null, c[3]);
    link.href = strings.activity + c[0] + '/';
    h.appendChild(link);
    li.appendChild(h);
    var when = el('p', 'card-when');
    when.appendChild(el('strong', 'card-date', c[5]));
    when.appendChild(document.createTextNode(' '));
    when.appendChild(el('span', 'card-venue', c[6]));
    li.appendChild(when);
    var st = el('p', 'card-status');
    st.appendChild(el('span', 'status status-' + a.status, strings.status[a.status] || a.status));
    st.appendChild(document.createTextNode(' '));
    st.appendChild(el('span', 'card-type', strings.type[a.type] || a.type));
    li.appendChild(st);
    if (brief || !c[4]) return li;
    var sum = el('p', 'card-summary', c[4]);
    sum.lang = c[2];
    sum.dir = h.dir;
    li.appendChild(sum);
    return li;
  }

  // split sorts acts (in chronological order) into the groups of the day.
  function split(acts, day) {
    var g = { upcoming: [], ongoing: [], tbd: [], past: [] };
    acts.forEach(function (a) {
      if (!a.first) g.tbd.push(a);
      else if (a.first > day) g.upcoming.push(a);
      else if (a.last >= day) g.ongoing.push(a);
      else g.past.push(a);
    });
    g.past.reverse(); // the most recent first
    return g;
  }

  // countText says "n activities found" with the plural form of n: the
  // build gives the message for sample numbers, and the one whose CLDR
  // category is n's is used.
  function countText(strings, n) {
    var rules = new Intl.PluralRules(strings.lang);
    var cat = rules.select(n);
    var msg = strings.count[strings.count.length - 1][1];
    for (var i = 0; i < strings.count.length; i++) {
      if (rules.select(strings.count[i][0]) === cat) { msg = strings.count[i][1]; break; }
    }
    return msg.replace('{n}', String(n));
  }

  function inPeriod(a, p) {
    if (!a.first) return false;
    var m = /^(\d{4})(?:-q([1-4]))?$/.exec(p);
    if (!m) return true;
    var y = +m[1] * 10000;
    var from = m[2] ? y + (m[2] * 3 - 2) * 100 + 1 : y + 101;
    var to = m[2] ? y + m[2] * 300 + 31 : y + 1231;
    return a.first <= to && a.last >= from;
  }

  function matches(a, f) {
    return (!f.area || a.area === f.area) && (!f.type || a.type === f.type) &&
      (!f.lang || a.langs.indexOf(f.lang) >= 0) && (!f.venue || a.venue === f.venue) &&
      (!f.country || a.countries.indexOf(f.country) >= 0) && (!f.scope || a.scope === f.scope) &&
      (!f.period || inPeriod(a, f.period)) && (!f.status || a.status === f.status);
  }


  // Finder runs the finder section of the list of every activity.
  function Finder(root, strings) {
    this.root = root;
    this.strings = strings;
    this.form = root.querySelector('form');
    this.count = root.querySelector('#find-count');
    this.results = root.querySelector('#find-results');
    this.chrono = document.getElementById('chrono');
    this.index = new Index(root.getAttribute('data-index'));
    this.run = 0;
    this.shown = {};
  }
  Finder.prototype.start = function () {
    var self = this;
    this.fromURL();
    // The filters are folded on a phone (even when the address sets some:
    // the results, not eight menus, must come first on a small screen);
    // their summary says how many are set.
    var box = this.root.querySelector('#find-filters-box');
    if (box) box.open = window.matchMedia('(min-width: 48rem)').matches;
    this.root.hidden = false;
    this.form.addEventListener('submit', function (e) { e.preventDefault(); self.update(); });
    // Typing redraws after a pause, so that the count is announced once
    // per word, not once per letter.
    var timer = 0;
    this.form.addEventListener('input', function (e) {
      clearTimeout(timer);
      if (e.target.type === 'search') timer = setTimeout(function () { self.update(); }, 250);
    });
    this.form.addEventListener('change', function () { self.update(); });
    this.form.addEventListener('reset', function () { setTimeout(function () { self.update(); }, 0); });
    window.addEventListener('popstate', function () { self.fromURL(); self.show(); });
    this.index.load().then(function () {
      if (self.chrono) self.chrono.hidden = true;
      // The lead said "from the earliest to the latest": true of the
      // chronological list, not of the finder's upcoming-first results.
      var intro = document.getElementById('list-intro');
      if (intro && intro.dataset.findIntro) intro.textContent = intro.dataset.findIntro;
      self.show();
    }).catch(function () { self.fail(); });
  };
  Finder.prototype.fail = function () {
    this.form.hidden = true;
    this.results.textContent = '';
    this.count.textContent = this.strings.failed;
    if (this.chrono) this.chrono.hidden = false;
  };
  // fromURL sets the form from the address's query (unknown values ignored).
  Finder.prototype.fromURL = function () {
    var q = new URLSearchParams(window.location.search);
    var form = this.form;
    form.elements.q.value = q.get('q') || '';
    FILTERS.forEach(function (name) {
      var sel = form.elements[name];
      var v = q.get(name) || '';
      sel.value = Array.prototype.some.call(sel.options, function (o) { return o.value === v; }) ? v : '';
    });
  };
  Finder.prototype.state = function () {
    var f = { q: this.form.elements.q.value };
    var form = this.form;
    FILTERS.forEach(function (name) { f[name] = form.elements[name].value; });
    return f;
  };
  // update puts the form in the address (so it can be shared) and shows.
  Finder.prototype.update = function () {
    var f = this.state();
    var q = new URLSearchParams();
    FILTERS.concat(['q']).forEach(function (name) { if (f[name]) q.set(name, f[name]); });
    var s = q.toString();
    var url = window.location.pathname + (s ? '?' + s : '') + window.location.hash;
    window.history.replaceState(null, '', url);
    this.shown = {};
    this.show();
  };
  Finder.prototype.show = function () {
    var self = this;
    var run = ++this.run;
    var f = this.state();
    var active = this.root.querySelector('#find-active');
    var set = FILTERS.filter(function (n) { return f[n]; }).length;
    if (active) active.textContent = set ? ' (' + set + ')' : '';
    var words = normalize(f.q).split(' ').filter(Boolean);
    var list = this.index.acts.filter(function (a) { return matches(a, f); });
    var index = this.index;
    var ready = words.length ? index.matching(words) : Promise.resolve(null);
    ready.then(function (found) {
      if (found) list = list.filter(function (a) { return found.has(a.i); });
      var groups = split(list, today());
      var visible = [];
      ['upcoming', 'ongoing', 'tbd', 'past'].forEach(function (k) {
        visible = visible.concat(groups[k].slice(0, self.shown[k] || FIRST));
      });
      return index.need(visible).then(function () {
        if (run === self.run) self.draw(groups, list.length);
      });
    }).catch(function () { if (run === self.run) self.fail(); });
  };
  Finder.prototype.draw = function (groups, n) {
    var self = this;
    var strings = this.strings;
    this.results.textContent = '';
    var ahead = groups.upcoming.length + groups.ongoing.length + groups.tbd.length;
    // Say so when nothing is ahead, before the past ones.
    if (n && !ahead) this.results.appendChild(el('p', 'find-none', strings.nextNone));
    ['upcoming', 'ongoing', 'tbd', 'past'].forEach(function (k) {
      var acts = groups[k];
      if (!acts.length) return;
      var limit = self.shown[k] || FIRST;
      var sec = el(k === 'past' ? 'details' : 'section', 'find-group find-' + k);
      var h = el('h3', 'find-group-heading', strings[k] + ' (' + acts.length + ')');
      if (k === 'past') {
        var sum = el('summary');
        sum.appendChild(h);
        sec.appendChild(sum);
        sec.open = ahead === 0 || !!self.shown.past;
      } else {
        sec.appendChild(h);
      }
      var ol = el('ol', 'cards');
      acts.slice(0, limit).forEach(function (a) { ol.appendChild(card(self.index, a, 4, strings)); });
      sec.appendChild(ol);
      if (acts.length > limit) {
        var more = el('button', 'button button-secondary find-more', strings.more);
        more.type = 'button';
        more.addEventListener('click', function () {
          self.shown[k] = limit + MORE;
          self.focus = { group: k, at: limit }; // the first card just shown
          self.show();
        });
        sec.appendChild(more);
      }
      self.results.appendChild(sec);
    });
    if (!n) this.results.appendChild(el('p', 'find-none', strings.none));
    this.count.textContent = countText(strings, n);
    if (this.focus) {
      var links = this.results.querySelectorAll('.find-' + this.focus.group + ' .card-title a');
      if (links[this.focus.at]) links[this.focus.at].focus();
      this.focus = null;
    }
  };

  // Next fills the home page's "what's next": the activities under way,
  // then the next ones, as of today.
  function next(root, strings) {
    var index = new Index(root.getAttribute('data-index'));
    var out = root.querySelector('#next-results');
    index.load().then(function () {
      var g = split(index.acts.filter(function (a) { return a.status !== 'cancelled'; }), today());
      var list = g.ongoing.concat(g.upcoming).slice(0, 4);
      return index.need(list).then(function () {
        if (!list.length) {
          out.appendChild(el('p', 'next-none', strings.nextNone));
          return;
        }
        var ol = el('ol', 'cards next-cards');
        list.forEach(function (a) { ol.appendChild(card(index, a, 3, strings, true)); });
        out.appendChild(ol);
      });
    }).catch(function () { /* the link below remains */ });
  }

  function strings() {
    var s = document.getElementById('find-strings');
    return s ? JSON.parse(s.textContent) : null;
  }

  function init() {
    var s = strings();
    if (!s || !window.fetch || !window.URLSearchParams || !window.Intl || !Intl.PluralRules) return;
    var finder = document.getElementById('finder');
    if (finder) new Finder(finder, s).start();
    var home = document.getElementById('whats-next');
    if (home) next(home, s);
  }

  init();
}());
