// mediadesk dashboard: live countdowns, live queue updates over
// Server-Sent Events, confirmations, and inserting lines to take into a
// reply. No inline script anywhere (the Content-Security-Policy forbids
// it); everything the server renders is already escaped.
(function () {
  'use strict';

  var body = document.body;
  var skew = 0; // server clock minus browser clock, ms
  var serverNow = parseInt(body.getAttribute('data-now'), 10);
  if (!isNaN(serverNow)) {
    skew = serverNow - Date.now();
  }

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  // short mirrors the server's shortDuration: 45s, 4m 12s, 1h 03m, 2d 4h.
  function short(ms) {
    var s = Math.floor(ms / 1000);
    if (s < 60) { return s + 's'; }
    if (s < 3600) { return Math.floor(s / 60) + 'm ' + pad(s % 60) + 's'; }
    if (s < 86400) { return Math.floor(s / 3600) + 'h ' + pad(Math.floor((s % 3600) / 60)) + 'm'; }
    return Math.floor(s / 86400) + 'd ' + Math.floor((s % 86400) / 3600) + 'h';
  }

  function tick() {
    var now = Date.now() + skew;
    var els = document.querySelectorAll('[data-due]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var due = parseInt(el.getAttribute('data-due'), 10);
      if (isNaN(due)) { continue; }
      var left = due - now;
      el.textContent = left >= 0 ? 'due in ' + short(left) : 'overdue by ' + short(-left);
      el.classList.toggle('overdue', left < 0);
    }
  }
  tick();
  setInterval(tick, 1000);

  function notice(text) {
    var n = document.getElementById('notice');
    if (!n) { return; }
    n.textContent = text;
    n.hidden = false;
  }

  // Confirm before taking an enquiry over from a colleague.
  document.addEventListener('submit', function (ev) {
    var f = ev.target;
    var q = f.getAttribute && f.getAttribute('data-confirm');
    if (q && !window.confirm(q)) {
      ev.preventDefault();
    }
  });

  // Insert the linked release's lines to take into the reply.
  var insert = document.getElementById('insert-lines');
  if (insert) {
    insert.addEventListener('click', function () {
      var ta = document.getElementById('reply-body');
      var items = document.querySelectorAll('#lines-to-take li');
      var lines = [];
      for (var i = 0; i < items.length; i++) { lines.push(items[i].textContent.trim()); }
      if (!ta || lines.length === 0) { return; }
      var cur = ta.value.replace(/\s+$/, '');
      ta.value = (cur ? cur + '\n\n' : '') + lines.join('\n\n') + '\n';
      ta.focus();
    });
  }

  // Live updates.
  var live = body.getAttribute('data-live');
  if (!live || !window.EventSource) { return; }
  var ref = body.getAttribute('data-ref');
  var timer = null;
  var busy = false;

  function refreshQueue() {
    timer = null;
    if (busy) { timer = setTimeout(refreshQueue, 500); return; }
    busy = true;
    var url = new URL(window.location.href);
    url.searchParams.set('partial', '1');
    fetch(url.toString(), { credentials: 'same-origin', headers: { 'X-Mediadesk-Background': '1' } })
      .then(function (r) {
        if (r.status === 401) { notice('You have been signed out. Reload the page to sign in again.'); return null; }
        if (!r.ok) { return null; }
        return r.text();
      })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('queue');
        var old = document.getElementById('queue');
        if (fresh && old) {
          old.replaceWith(document.importNode(fresh, true));
          tick();
        }
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }

  function changed(ev) {
    if (live === 'queue') {
      if (!timer) { timer = setTimeout(refreshQueue, 1000); }
      return;
    }
    if (live === 'enquiry' && ev && ev.ref === ref) {
      var stale = document.getElementById('stale');
      if (stale) { stale.hidden = false; }
    }
  }

  var es = new EventSource('/events');
  var opened = false;
  es.addEventListener('open', function () {
    if (opened && live === 'queue') { changed(null); } // catch up after a reconnect
    opened = true;
  });
  es.addEventListener('change', function (e) {
    var ev = null;
    try { ev = JSON.parse(e.data); } catch (err) { return; }
    changed(ev);
  });
  es.addEventListener('signedout', function () {
    es.close();
    notice('You have been signed out. Reload the page to sign in again.');
  });
  es.addEventListener('error', function () {
    if (es.readyState === EventSource.CLOSED) {
      notice('Live updates stopped. Reload the page.');
    }
  });
}());
