// Copy buttons, a progressive enhancement: every element marked data-copy
// (the calendar address field, the code snippets of the embed page) gets a
// button that copies its text. The button's label is data-copy, the words
// announced after copying data-copied, both in the page's language
// (layouts/baseof.html, layouts/embed-docs.html). Without JavaScript there
// is no button: the field and the snippets can still be selected and
// copied by hand. A status region announces the result to screen readers.
(function () {
  'use strict';

  function textOf(el) {
    return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el.value : el.textContent;
  }

  // copyText resolves when the text is on the clipboard: the asynchronous
  // Clipboard API where the page is a secure context, else a selection and
  // execCommand, which older browsers and http previews still allow.
  function copyText(el) {
    var text = textOf(el);
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'copy-scratch';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function enhance(el) {
    var row = document.createElement('span');
    row.className = 'copy-row';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = el.getAttribute('data-copy');
    var status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    row.appendChild(button);
    row.appendChild(status);
    el.insertAdjacentElement('afterend', row);
    var timer = 0;
    button.addEventListener('click', function () {
      copyText(el).then(function () {
        status.textContent = el.getAttribute('data-copied');
        clearTimeout(timer);
        timer = setTimeout(function () { status.textContent = ''; }, 4000);
      }, function () {
        // Refused (permissions): select the text so that one keystroke
        // copies it, and say nothing was copied.
        if (el.select) { el.select(); } else { window.getSelection().selectAllChildren(el); }
        status.textContent = el.getAttribute('data-copy-failed') || '';
      });
    });
  }

  var els = document.querySelectorAll('[data-copy]');
  for (var i = 0; i < els.length; i++) enhance(els[i]);
})();
