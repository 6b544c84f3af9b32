// Live reload for `pesnet serve` (never part of the published site).
// Reloads the page after a good build that changed it (a save that changes
// nothing, or changes other pages, reloads nothing); after a failed one, shows the
// problems (file:line:col: message) in an overlay built with textContent.
(function () {
  'use strict';
  var seen = null;
  var overlay = null;
  function show(problems) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'pesnet-overlay';
      overlay.setAttribute('role', 'alert');
      overlay.setAttribute('dir', 'ltr');
      overlay.setAttribute('lang', 'en');
      Object.assign(overlay.style, {
        position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto',
        background: 'rgba(20, 20, 20, 0.94)', color: '#fff', padding: '2rem',
        font: '14px/1.5 ui-monospace, Menlo, Consolas, monospace', textAlign: 'left'
      });
      document.body.appendChild(overlay);
    }
    overlay.replaceChildren();
    var h = document.createElement('h2');
    h.textContent = 'Build failed: the last good version of the site is shown underneath';
    Object.assign(h.style, { color: '#ff8a80', font: 'bold 16px/1.4 system-ui, sans-serif', margin: '0 0 1rem' });
    overlay.appendChild(h);
    problems.forEach(function (p) {
      var line = document.createElement('pre');
      line.textContent = p;
      Object.assign(line.style, { whiteSpace: 'pre-wrap', margin: '0 0 0.75rem' });
      overlay.appendChild(line);
    });
  }
  // mine tells whether the page shown is among the changed output files
  // ("fr/activities/x/index.html" for /fr/activities/x/).
  function mine(changed) {
    var p = decodeURIComponent(location.pathname).replace(/^\//, '');
    if (p === '' || p.charAt(p.length - 1) === '/') p += 'index.html';
    return changed.indexOf(p) >= 0;
  }
  var source = new EventSource('/__pesnet/events');
  source.onmessage = function (e) {
    var ev = JSON.parse(e.data);
    if (ev.problems && ev.problems.length) {
      show(ev.problems);
    } else if (seen !== null && ev.version !== seen && (ev.all || mine(ev.changed || []))) {
      location.reload();
      return;
    } else if (overlay) {
      overlay.remove();
      overlay = null;
    }
    seen = ev.version;
  };
})();
