// Sveltia CMS 0.221.1 carries its interface texts in English only; it
// fetches the others (French, Arabic…) from unpkg.com at run time, which
// the CSP of /admin/* blocks (nothing is loaded from another site), and it
// would then show "Couldn't load the … translation" to every editor whose
// browser is in French or Arabic. So the interface stays in English unless
// the editor chose another language in Sveltia's settings. The content's
// languages (fr, ar, en) are not affected. Runs before Sveltia's script.
try {
  const key = 'sveltia-cms.prefs';
  const prefs = JSON.parse(localStorage.getItem(key) || '{}') || {};
  if (!prefs.locale) localStorage.setItem(key, JSON.stringify({ ...prefs, locale: 'en-US' }));
} catch {
  // No localStorage (private mode, blocked): Sveltia follows the browser.
}
