// mediadesk: what needs me (web/needs.go). The tab title shows how many
// enquiries need the signed-in officer ("(3) Needs me · desk"), kept up
// to date from GET /attention on every live change and every 30 s; and,
// only after the officer opts in with the "Notify me" button (a user
// gesture, as browsers require), a browser notification for an enquiry
// newly assigned to them or one of theirs newly about to breach or
// breached. What was already seen is kept in localStorage, so several
// open tabs notify once.
(function () {
  'use strict';

  var meEl = document.getElementById('me');
  if (!window.fetch || !meEl) { return; }
  var me = meEl.getAttribute('data-user');
  var base = document.title.replace(/^\(\d+\) /, '');
  var seenKey = 'mediadesk.attention.seen:' + me;
  var optKey = 'mediadesk.notify:' + me;
  var canNotify = 'Notification' in window;

  function store(k, v) { try { window.localStorage.setItem(k, v); } catch (e) {} }
  function load(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function optedIn() { return canNotify && Notification.permission === 'granted' && load(optKey) === '1'; }

  // ---- The opt-in button, in the header beside the user's name. ----
  var btn = null;
  function label() {
    if (!btn) { return; }
    if (Notification.permission === 'denied') {
      btn.textContent = 'Notifications blocked';
      btn.title = 'The browser blocks notifications from this desk; allow them in its site settings.';
      btn.disabled = true;
      return;
    }
    var on = optedIn();
    btn.textContent = on ? 'Notifications on' : 'Notify me';
    btn.setAttribute('aria-pressed', on ? 'true' : 'false');
    btn.title = on ? 'Stop browser notifications' : 'Browser notifications for new assignments to you and warnings on your enquiries';
  }
  if (canNotify) {
    btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'link notify';
    btn.id = 'notify-optin';
    meEl.parentNode.insertBefore(btn, meEl);
    meEl.parentNode.insertBefore(document.createTextNode(' '), meEl);
    label();
    btn.addEventListener('click', function () {
      if (optedIn()) { store(optKey, '0'); label(); return; }
      var ask = Notification.requestPermission(function () {}); // older browsers: callback
      Promise.resolve(ask).then(function (p) {
        p = p || Notification.permission;
        store(optKey, p === 'granted' ? '1' : '0');
        label();
      });
    });
  }

  function notify(title, text, ref) {
    try {
      var n = new Notification(title, { body: text, tag: 'mediadesk-' + ref });
      n.onclick = function () { window.focus(); window.location.href = '/enquiries/' + encodeURIComponent(ref); };
    } catch (e) {}
  }

  // ---- The count and what is new. ----
  function update(a) {
    document.title = (a.count > 0 ? '(' + a.count + ') ' : '') + base;
    var prev = null;
    try { prev = JSON.parse(load(seenKey) || 'null'); } catch (e) {}
    var mine = a.mine.map(function (x) { return x.ref; });
    var warn = a.warnings.filter(function (x) { return x.officer === me; })
      .map(function (x) { return x.ref + ' ' + x.state; });
    if (prev && optedIn()) {
      a.mine.forEach(function (x) {
        if (prev.mine.indexOf(x.ref) < 0) { notify('Assigned to you: ' + x.ref, x.subject || '(no subject)', x.ref); }
      });
      a.warnings.forEach(function (x) {
        if (x.officer === me && prev.warn.indexOf(x.ref + ' ' + x.state) < 0) {
          notify((x.state === 'breached' ? 'Breached: ' : 'About to breach: ') + x.ref, x.subject || '(no subject)', x.ref);
        }
      });
    }
    store(seenKey, JSON.stringify({ mine: mine, warn: warn }));
  }
  var busy = false;
  function refresh() {
    if (busy) { return; }
    busy = true;
    fetch('/attention', { credentials: 'same-origin', headers: { 'X-Mediadesk-Background': '1' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (a) { if (a) { update(a); } })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  var soon = null;
  document.addEventListener('mediadesk:change', function () {
    if (!soon) { soon = setTimeout(function () { soon = null; refresh(); }, 1500); }
  });
  setInterval(refresh, 30000);
  refresh();
}());
