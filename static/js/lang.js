// The language chooser at "/" (layouts/root.html), for the visitors that
// Netlify's rules leave there. Those rules (netlify.toml) read only the
// first language of the browser's Accept-Language: a visitor whose first
// language is French, Arabic or English never sees this page. The others
// do, and this script sends them to the first of their preferred languages
// (navigator.languages, in their order) that the site has: a reader of
// Turkish, then English, goes to /en/. With none of the site's languages,
// or without JavaScript, the chooser stays, and works as links.
// A visitor who followed a link of this site to the chooser came to choose:
// the script leaves them there.
(function () {
  'use strict';
  var choices = document.querySelectorAll('.root-choices a[hreflang]');
  var site = {};
  for (var i = 0; i < choices.length; i++) {
    site[choices[i].getAttribute('hreflang').toLowerCase()] = choices[i].href;
  }
  if (document.referrer) {
    try {
      if (new URL(document.referrer).origin === location.origin) return;
    } catch (e) { /* an unreadable referrer: negotiate */ }
  }
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  for (var j = 0; j < wanted.length; j++) {
    var base = String(wanted[j]).toLowerCase().split(/[-_]/)[0];
    if (Object.prototype.hasOwnProperty.call(site, base)) {
      location.replace(site[base]);
      return;
    }
  }
})();
