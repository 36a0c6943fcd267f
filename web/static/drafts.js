// mediadesk enquiry page: reply drafts saved on the server as you type
// and restored after any reload (web/drafts.go), the "This enquiry has
// changed" banner saying what changed, and who else has the enquiry open
// (web/presence.go). No inline script (the Content-Security-Policy
// forbids it); text from the server is only ever set as textContent.
//
// It runs on the enquiry page, and for the enquiry shown in the queue's
// reading pane: app.js calls window.mediadeskDrafts({ref, pane: true})
// each time the pane shows an enquiry and stop() before it shows another.
(function () {
  'use strict';

  if (!window.fetch) { return; }
  var body = document.body;
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : '';

  function hhmm(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return ''; }
    return (d.getHours() < 10 ? '0' : '') + d.getHours() + ':' + (d.getMinutes() < 10 ? '0' : '') + d.getMinutes();
  }

  // start wires the drafts, the banner and presence for one enquiry,
  // whose boxes are in the page (ids are unique on a page). In the pane
  // (opts.pane), app.js reloads the pane itself: the banner's Reload is
  // its to handle (after save()). It returns {save, stop}.
  function start(opts) {
    var ref = opts.ref;
    var base = '/enquiries/' + encodeURIComponent(ref);
    var ta = document.getElementById('reply-body');
    var form = document.getElementById('reply-form');
    var status = document.getElementById('draft-status');
    var stopped = false;
    var listeners = [];
    function on(target, type, fn) { target.addEventListener(type, fn); listeners.push([target, type, fn]); }

    function say(text) { if (status) { status.textContent = text; } }
    function kind() {
      var k = form ? form.querySelector('input[name=kind]:checked') : null;
      return k ? k.value : '';
    }

    // ---- Drafts. ----
    var saved = null;   // the text the server holds (null: not known yet)
    var savedKind = '';
    var timer = null;
    var pending = null; // the save in flight
    var sending = false;

    function put(text, keepalive) {
      return fetch(base + '/draft', {
        method: 'PUT', credentials: 'same-origin', keepalive: !!keepalive,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ body: text, kind: kind() })
      });
    }
    // save sends the box's text when it differs from what the server holds;
    // it resolves once the server has it (or said why not).
    function save() {
      clearTimeout(timer);
      timer = null;
      if (!ta || sending || saved === null) { return pending || Promise.resolve(); }
      var text = ta.value, k = kind();
      if (text === saved && k === savedKind) { return pending || Promise.resolve(); }
      var p = (pending || Promise.resolve()).then(function () {
        return put(text).then(function (r) {
          if (r.ok) {
            saved = text;
            savedKind = k;
            say(text ? 'Draft saved.' : '');
            return;
          }
          return r.json().then(function (j) { say('Draft not saved: ' + (j.error || r.status)); },
            function () { say('Draft not saved (' + r.status + ').'); });
        }, function () { say('Draft not saved: the desk did not answer.'); });
      });
      pending = p;
      return p.then(function () { if (pending === p) { pending = null; } });
    }
    function saveSoon() {
      clearTimeout(timer);
      timer = setTimeout(save, 700);
      beat();
    }
    // unsaved sends, without waiting, whatever the server does not have
    // yet (the page or the pane is going away).
    function unsaved() {
      if (ta && !sending && saved !== null && (ta.value !== saved || kind() !== savedKind)) {
        try { put(ta.value, true); } catch (e) {}
      }
    }

    if (ta) {
      fetch(base + '/draft', { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (stopped) { return; }
          if (d && d.body && ta.value.trim() === '') {
            ta.value = d.body;
            if (d.kind) {
              var k = document.getElementById('kind-' + d.kind);
              if (k) { k.checked = true; }
            }
            say('Draft restored' + (d.saved_at ? ' (saved ' + hhmm(d.saved_at) + ').' : '.'));
          }
          saved = d && d.body ? d.body : '';
          savedKind = d && d.body ? (d.kind || kind()) : kind();
          if (ta.value !== saved) { save(); } // a refused send's text, kept
          beat();
        })
        .catch(function () { if (!stopped) { saved = ''; beat(); } });
      ta.addEventListener('input', saveSoon);
      if (form) {
        form.addEventListener('change', function (ev) {
          if (ev.target && ev.target.name === 'kind' && ta.value !== '') { saveSoon(); }
        });
        form.addEventListener('submit', function () { clearTimeout(timer); sending = true; });
      }
      // Leaving the page: whatever is unsaved goes with the page.
      on(window, 'pagehide', unsaved);
    }

    // ---- The change banner: what changed, and Reload keeps the draft. ----
    var what = [];
    on(document, 'mediadesk:change', function (e) {
      var ev = e.detail;
      if (!ev || ev.ref !== ref) { return; }
      var t = ev.text || ev.type;
      if (t && what.indexOf(t) < 0) { what.push(t); }
      var el = document.getElementById('stale-what');
      if (el) {
        el.textContent = ': ' + what.join('; ') + (ta && ta.value.trim() ? ' (your draft reply is saved and will be there after Reload)' : '');
      }
    });
    var reload = document.getElementById('stale-reload');
    if (reload && !opts.pane) {
      reload.addEventListener('click', function (ev) {
        ev.preventDefault();
        var href = reload.href;
        reload.textContent = 'Saving your draft…';
        save().then(function () { window.location.href = href; });
      });
    }

    // ---- Presence. ----
    var every = 15000;
    var beatTimer = null;
    var lastState = '';
    function state() { return ta && ta.value.trim() !== '' ? 'drafting' : 'viewing'; }
    function show(others) {
      var p = document.getElementById('presence');
      if (!p) { return; }
      var texts = (others || []).map(function (o) { return o.text; });
      p.textContent = texts.join(' · ');
      p.hidden = texts.length === 0;
    }
    function presence(st, keepalive) {
      return fetch(base + '/presence', {
        method: 'POST', credentials: 'same-origin', keepalive: !!keepalive,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'X-Mediadesk-Background': '1' },
        body: JSON.stringify({ state: st })
      });
    }
    function beat(force) {
      if (stopped) { return; }
      var st = state();
      if (!force && st === lastState && beatTimer) { return; }
      lastState = st;
      clearTimeout(beatTimer);
      beatTimer = setTimeout(function () { beat(true); }, every);
      presence(st).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (a) {
          if (!a || stopped) { return; }
          if (a.every_ms > 0 && a.every_ms !== every) {
            every = a.every_ms;
            clearTimeout(beatTimer);
            beatTimer = setTimeout(function () { beat(true); }, every);
          }
          show(a.others);
        })
        .catch(function () {});
    }
    // Someone arrived or started drafting: ask now rather than at the
    // next heartbeat (app.js passes the live stream's "presence" events on).
    on(document, 'mediadesk:presence', function (e) {
      if (e.detail && e.detail.ref === ref && lastState) { beat(true); }
    });
    // Closing the page (or reloading it) takes the user off at once; a
    // reload's first heartbeat puts them back.
    function left() {
      clearTimeout(beatTimer);
      try { presence('left', true).catch(function () {}); } catch (e) {}
    }
    on(window, 'pagehide', left);
    if (!ta) { beat(true); }

    return {
      save: save,
      // stop: the pane shows another enquiry (or closes): the draft and
      // presence are settled, the listeners go.
      stop: function () {
        if (stopped) { return; }
        clearTimeout(timer);
        unsaved();
        stopped = true;
        left();
        listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2]); });
        listeners = [];
      }
    };
  }

  window.mediadeskDrafts = start;
  var ref = body.getAttribute('data-ref');
  if (ref && body.getAttribute('data-live') === 'enquiry') { start({ ref: ref }); }
}());
