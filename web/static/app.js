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

  // tick rewrites every countdown in root (the page, or a fetched
  // fragment before it is compared with the page).
  function tick(root) {
    root = root || document;
    var now = Date.now() + skew;
    var q = root.getElementById ? root.getElementById('queue') : null;
    var warn = q ? parseInt(q.getAttribute('data-warn'), 10) : NaN;
    var els = root.querySelectorAll('[data-due]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var due = parseInt(el.getAttribute('data-due'), 10);
      if (isNaN(due)) { continue; }
      var left = due - now;
      el.textContent = left >= 0 ? 'due in ' + short(left) : 'overdue by ' + short(-left);
      el.classList.toggle('overdue', left < 0);
      if (el.classList.contains('deadline-due') && !isNaN(warn)) {
        el.classList.toggle('soon', left >= 0 && left <= warn);
      }
    }
  }
  tick();
  setInterval(function () { tick(); }, 1000);

  // announce tells screen readers, politely, what changed.
  function announce(text) {
    var a = document.getElementById('announce');
    if (!a || !text) { return; }
    a.textContent = '';
    setTimeout(function () { a.textContent = text; }, 50);
  }

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

  var refreshSoon = function () {};

  // ---- The queue: selection, filter, keyboard, patching in place. ----

  function rows() {
    var t = document.getElementById('queue-table');
    return t ? Array.prototype.slice.call(t.tBodies[0].rows) : [];
  }
  function visibleRows() {
    return rows().filter(function (r) { return !r.hidden; });
  }
  var selKey = 'mediadesk.sel:' + window.location.pathname;
  function selected() {
    var t = document.getElementById('queue-table');
    return t ? t.querySelector('tr.selected') : null;
  }
  // select marks row as the current one; focus moves to its subject link
  // (so Enter opens it and screen readers read it) unless quiet.
  function select(row, quiet) {
    var old = selected();
    if (old && old !== row) { old.classList.remove('selected'); old.removeAttribute('aria-current'); }
    if (!row) { return; }
    row.classList.add('selected');
    row.setAttribute('aria-current', 'true');
    try { sessionStorage.setItem(selKey, row.getAttribute('data-ref')); } catch (e) {}
    if (!quiet) {
      var a = row.querySelector('td.subject a');
      if (a) { a.focus({ preventScroll: true }); }
      row.scrollIntoView({ block: 'nearest' });
    }
  }
  function move(by) {
    var vr = visibleRows();
    if (vr.length === 0) { return; }
    var i = vr.indexOf(selected());
    i = i < 0 ? (by > 0 ? 0 : vr.length - 1) : Math.max(0, Math.min(vr.length - 1, i + by));
    select(vr[i]);
  }
  function rowByRef(ref) {
    var rs = rows();
    for (var i = 0; i < rs.length; i++) { if (rs[i].getAttribute('data-ref') === ref) { return rs[i]; } }
    return null;
  }
  // Restore the selection when the queue is shown again.
  (function () {
    var ref = null;
    try { ref = sessionStorage.getItem(selKey); } catch (e) {}
    var r = ref && rowByRef(ref);
    if (r) { select(r, true); }
  }());
  // Clicking or focusing a row selects it.
  document.addEventListener('focusin', function (ev) {
    var tr = ev.target.closest && ev.target.closest('#queue-table tbody tr');
    if (tr) { select(tr, true); }
  });

  // The filter box: rows that do not contain every word are hidden.
  var filter = document.getElementById('queue-filter');
  function applyFilter() {
    if (!filter) { return; }
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0, all = rows();
    all.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    saveOrder();
    var size = document.getElementById('queue-size');
    if (size) { size.textContent = words.length ? shown + ' of ' + all.length + ' match the filter.' : all.length + ' shown.'; }
    return shown;
  }
  if (filter) {
    var filterTimer = null;
    filter.addEventListener('input', function () {
      var n = applyFilter();
      clearTimeout(filterTimer);
      filterTimer = setTimeout(function () { announce(n + (n === 1 ? ' enquiry matches.' : ' enquiries match.')); }, 600);
    });
    filter.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { filter.value = ''; applyFilter(); filter.blur(); }
      if (ev.key === 'Enter' || ev.key === 'ArrowDown') {
        ev.preventDefault();
        var vr = visibleRows();
        if (vr.length) { select(vr[0]); }
      }
    });
  }

  // saveOrder remembers the queue's visible order, so j/k on an enquiry
  // page go to the next and previous enquiry of the queue it came from.
  function saveOrder() {
    var refs = visibleRows().map(function (r) { return r.getAttribute('data-ref'); });
    try { sessionStorage.setItem('mediadesk.order', refs.join(' ')); } catch (e) {}
  }
  function neighbour(by) {
    var order = [];
    try { order = (sessionStorage.getItem('mediadesk.order') || '').split(' ').filter(Boolean); } catch (e) {}
    var i = order.indexOf(body.getAttribute('data-ref'));
    if (i < 0 || !order[i + by]) { return null; }
    return order[i + by];
  }

  if (document.getElementById('queue-table')) { saveOrder(); }
  // The skip link to the enquiries leads nowhere when there are none.
  var skipQueue = document.getElementById('skip-queue');
  if (skipQueue && !document.getElementById('queue-table')) { skipQueue.hidden = true; }

  // patchQueue brings the page's queue in line with a fresh copy, row by
  // row, keeping the selection, the focus and the scroll position.
  function patchQueue(fresh) {
    var old = document.getElementById('queue');
    if (!old) { return; }
    decorate(fresh);
    var scrollY = window.scrollY;
    var active = document.activeElement;
    var activeRow = active && active.closest ? active.closest('#queue-table tbody tr') : null;
    var activeRef = activeRow ? activeRow.getAttribute('data-ref') : null;
    var activeCell = activeRow ? Array.prototype.indexOf.call(activeRow.cells, active.closest('td')) : -1;
    var activeId = active && active.id && old.contains(active) ? active.id : null;
    var sel = selected();
    var selRef = sel ? sel.getAttribute('data-ref') : null;
    tick(fresh.ownerDocument);
    // Tabs and the hint: small, replaced when different.
    ['nav.tabs', '#queue-hint'].forEach(function (q) {
      var a = old.querySelector(q), b = fresh.querySelector(q);
      if (a && b && a.innerHTML !== b.innerHTML) { a.innerHTML = b.innerHTML; }
    });
    var ot = old.querySelector('#queue-table'), ft = fresh.querySelector('#queue-table');
    var added = [], gone = 0;
    if (!ot || !ft) {
      // From empty to rows or back: the whole fragment.
      var had = ot ? ot.tBodies[0].rows.length : 0;
      var has = ft ? ft.tBodies[0].rows.length : 0;
      old.replaceWith(document.importNode(fresh, true));
      if (skipQueue) { skipQueue.hidden = !document.getElementById('queue-table'); }
      if (has > had) { announce((has - had) + ' new in this queue.'); } else if (had > has) { announce('The queue is now empty.'); }
      applyFilter();
      return;
    }
    var body = ot.tBodies[0];
    var byRef = {};
    rows().forEach(function (r) { byRef[r.getAttribute('data-ref')] = r; });
    var keep = {};
    var frs = Array.prototype.slice.call(ft.tBodies[0].rows);
    frs.forEach(function (fr, i) {
      var ref = fr.getAttribute('data-ref');
      keep[ref] = true;
      var r = byRef[ref];
      if (!r) {
        r = document.importNode(fr, true);
        r.classList.add('fresh');
        added.push(r);
      } else {
        // Attributes (state classes, officer) and only the cells that changed.
        var wasSel = r.classList.contains('selected');
        for (var k = 0; k < fr.attributes.length; k++) {
          var at = fr.attributes[k];
          if (r.getAttribute(at.name) !== at.value) { r.setAttribute(at.name, at.value); }
        }
        if (wasSel) { r.classList.add('selected'); }
        for (var c = 0; c < fr.cells.length; c++) {
          if (r.cells[c] && r.cells[c].innerHTML !== fr.cells[c].innerHTML) {
            r.cells[c].innerHTML = fr.cells[c].innerHTML;
          }
        }
      }
      if (body.rows[i] !== r) { body.insertBefore(r, body.rows[i] || null); }
    });
    rows().forEach(function (r) {
      if (!keep[r.getAttribute('data-ref')]) { r.remove(); gone++; }
    });
    // The note under the table (truncation) follows the fresh copy.
    var on = ot.nextElementSibling, fn = ft.nextElementSibling;
    if (on && on.tagName === 'P' && (!fn || fn.tagName !== 'P')) { on.remove(); }
    if (fn && fn.tagName === 'P') {
      if (on && on.tagName === 'P') { on.innerHTML = fn.innerHTML; } else { ot.after(document.importNode(fn, true)); }
    }
    applyFilter();
    // Selection, then focus, then scroll.
    var s2 = selRef ? rowByRef(selRef) : null;
    if (s2) { select(s2, true); }
    if (activeRef && document.activeElement !== active) {
      var r2 = rowByRef(activeRef);
      var target = r2 && activeCell >= 0 && r2.cells[activeCell] ? r2.cells[activeCell].querySelector('a, button, input') : null;
      if (target) { target.focus({ preventScroll: true }); }
    } else if (activeId && document.activeElement !== active) {
      var e2 = document.getElementById(activeId);
      if (e2) { e2.focus({ preventScroll: true }); }
    }
    if (window.scrollY !== scrollY) { window.scrollTo(window.scrollX, scrollY); }
    var words = [];
    if (added.length) {
      words.push(added.length === 1 ? 'New in this queue: ' + added[0].querySelector('td.subject').textContent.trim() + '.' : added.length + ' new in this queue.');
    }
    if (gone) { words.push(gone + (gone === 1 ? ' enquiry left' : ' enquiries left') + ' this queue.'); }
    announce(words.join(' '));
  }

  // claim takes the selected enquiry (c on the queue) through the same
  // form action as the enquiry page, then patches the queue.
  function claimRow(row) {
    var ref = row.getAttribute('data-ref');
    var me = document.getElementById('me');
    var officer = row.getAttribute('data-officer');
    if (me && officer === me.getAttribute('data-user')) { announce('You already have ' + ref + '.'); return; }
    if (officer && !window.confirm('Take ' + ref + ' over from ' + row.getAttribute('data-officer-name') + '?')) { return; }
    var token = document.querySelector('meta[name="csrf-token"]');
    var form = new URLSearchParams();
    form.set('csrf', token ? token.getAttribute('content') : '');
    form.set('expect', officer || '');
    fetch('/enquiries/' + encodeURIComponent(ref) + '/claim', {
      method: 'POST', credentials: 'same-origin', redirect: 'manual', body: form,
      headers: { 'X-CSRF-Token': token ? token.getAttribute('content') : '' }
    }).then(function (r) {
      if (r.type === 'opaqueredirect' || r.ok && r.redirected) {
        var cell = row.querySelector('td.officer');
        if (cell && me) { cell.textContent = me.textContent; }
        if (me) { row.setAttribute('data-officer', me.getAttribute('data-user')); row.setAttribute('data-officer-name', me.textContent); }
        announce('You claimed ' + ref + '.');
        flashText('You claimed ' + ref + '.', false);
        refreshSoon();
        if (paneOpen() && paneRef === ref) { showInPane(ref, { background: true }); }
        return null;
      }
      return r.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var f = doc.getElementById('flash') || doc.getElementById('error-message');
        var msg = 'Not claimed: ' + (f ? f.textContent.trim() : 'the server said ' + r.status);
        announce(msg);
        flashText(msg, true);
      });
    }).catch(function () { flashText('Not claimed: the desk did not answer.', true); });
  }
  // ---- Row actions and bulk claim (progressive: added by script). ----
  // Each row gets a checkbox (x toggles the current row's, as in Gmail)
  // and a Claim button; "Claim selected" claims the picked rows one by
  // one through the same form action, without reloading the page.
  var picked = {};
  function decorate(root) {
    var t = root.querySelector ? root.querySelector('#queue-table') : null;
    if (!t) { return; }
    var me = document.getElementById('me');
    var meId = me ? me.getAttribute('data-user') : '';
    Array.prototype.forEach.call(t.tBodies[0].rows, function (r) {
      var ref = r.getAttribute('data-ref');
      var cell = r.querySelector('td.ref');
      if (!cell || cell.querySelector('input.pick')) { return; }
      var cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.className = 'pick';
      cb.setAttribute('aria-label', 'Select ' + ref);
      if (picked[ref]) { cb.setAttribute('checked', ''); }
      cell.insertBefore(cb, cell.firstChild);
      cell.insertBefore(document.createTextNode(' '), cb.nextSibling);
      if (r.getAttribute('data-officer') !== meId && r.getAttribute('data-status') !== 'resolved') {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'row-claim link';
        b.textContent = r.getAttribute('data-officer') ? 'Take over' : 'Claim';
        b.setAttribute('aria-label', b.textContent + ' ' + ref);
        var oc = r.querySelector('td.officer') || cell;
        oc.appendChild(document.createTextNode(' '));
        oc.appendChild(b);
      }
    });
  }
  var bulk = null;
  function pickedRefs() {
    return Object.keys(picked).filter(function (ref) { return picked[ref] && rowByRef(ref); });
  }
  function showBulk() {
    if (!bulk) { return; }
    var n = pickedRefs().length;
    bulk.hidden = n === 0;
    bulk.textContent = 'Claim selected (' + n + ')';
  }
  function pick(row, on) {
    var ref = row.getAttribute('data-ref');
    picked[ref] = on;
    var cb = row.querySelector('input.pick');
    if (cb) { cb.checked = on; if (on) { cb.setAttribute('checked', ''); } else { cb.removeAttribute('checked'); } }
    showBulk();
  }
  // postClaim claims row's enquiry; it resolves to true when claimed.
  function postClaim(row) {
    var ref = row.getAttribute('data-ref');
    var me = document.getElementById('me');
    var token = document.querySelector('meta[name="csrf-token"]');
    var form = new URLSearchParams();
    form.set('csrf', token ? token.getAttribute('content') : '');
    form.set('expect', row.getAttribute('data-officer') || '');
    return fetch('/enquiries/' + encodeURIComponent(ref) + '/claim', {
      method: 'POST', credentials: 'same-origin', redirect: 'manual', body: form,
      headers: { 'X-CSRF-Token': token ? token.getAttribute('content') : '' }
    }).then(function (r) {
      if (r.type === 'opaqueredirect' || r.ok && r.redirected) {
        if (me) { row.setAttribute('data-officer', me.getAttribute('data-user')); row.setAttribute('data-officer-name', me.textContent); }
        var cell = row.querySelector('td.officer');
        if (cell && me) { cell.textContent = me.textContent; }
        var b = row.querySelector('button.row-claim');
        if (b) { b.remove(); }
        return true;
      }
      return false;
    }).catch(function () { return false; });
  }
  function claimPicked() {
    var refs = pickedRefs();
    var theirs = refs.filter(function (ref) { return rowByRef(ref).getAttribute('data-officer'); });
    if (theirs.length && !window.confirm('Take over ' + theirs.join(', ') + ' from ' + (theirs.length === 1 ? 'its officer' : 'their officers') + '?')) { return; }
    var ok = [], failed = [];
    refs.reduce(function (p, ref) {
      return p.then(function () {
        var row = rowByRef(ref);
        return row ? postClaim(row).then(function (done) { (done ? ok : failed).push(ref); if (done) { pick(row, false); } }) : null;
      });
    }, Promise.resolve()).then(function () {
      var msg = ok.length ? 'You claimed ' + ok.join(', ') + '.' : '';
      if (failed.length) { msg += (msg ? ' ' : '') + 'Not claimed (someone else has them or they changed): ' + failed.join(', ') + '.'; }
      announce(msg);
      flashText(msg, failed.length > 0);
      showBulk();
      refreshSoon();
    });
  }
  if (document.getElementById('queue-table') || document.getElementById('queue')) {
    decorate(document);
    var tools = document.querySelector('.queue-tools');
    if (tools) {
      bulk = document.createElement('button');
      bulk.type = 'button';
      bulk.id = 'claim-selected';
      bulk.hidden = true;
      tools.appendChild(bulk);
      bulk.addEventListener('click', claimPicked);
    }
    document.addEventListener('change', function (ev) {
      var t = ev.target;
      if (t && t.classList && t.classList.contains('pick')) { var row = t.closest('tr[data-ref]'); if (row) { pick(row, t.checked); } }
    });
    document.addEventListener('click', function (ev) {
      var b = ev.target && ev.target.closest ? ev.target.closest('button.row-claim') : null;
      if (b) { var row = b.closest('tr[data-ref]'); if (row) { select(row, true); claimRow(row); } }
    });
  }

  function flashText(text, error) {
    var main = document.getElementById('main');
    var f = document.getElementById('flash');
    if (!f && main) {
      f = document.createElement('p');
      f.id = 'flash';
      f.setAttribute('role', 'status');
      main.insertBefore(f, main.firstChild);
    }
    if (!f) { return; }
    f.className = 'flash' + (error ? ' error' : '');
    f.textContent = text;
  }

  // ---- Keyboard shortcuts (Gmail and Front conventions). ----
  var help = document.getElementById('keys-help');
  var helpReturn = null;
  function showHelp(on) {
    if (!help) { return; }
    if (on) {
      helpReturn = document.activeElement;
      help.hidden = false;
      var c = document.getElementById('keys-close');
      if (c) { c.focus(); }
    } else {
      help.hidden = true;
      if (helpReturn && helpReturn.focus) { helpReturn.focus({ preventScroll: true }); }
    }
  }
  var showKeys = document.getElementById('show-keys');
  if (showKeys) { showKeys.addEventListener('click', function () { showHelp(true); }); }
  var closeKeys = document.getElementById('keys-close');
  if (closeKeys) { closeKeys.addEventListener('click', function () { showHelp(false); }); }
  if (help) {
    help.addEventListener('click', function (ev) { if (ev.target === help) { showHelp(false); } });
    help.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') { ev.preventDefault(); showHelp(false); }
      if (ev.key === 'Tab') { ev.preventDefault(); } // one control: focus stays in the dialog
    });
  }

  var goto = { n: '/queues/needs', i: '/queues/new', m: '/queues/mine', o: '/queues/open', b: '/queues/breaching', x: '/queues/breached', w: '/queues/waiting', d: '/queues/resolved', r: '/releases', l: '/calls/new' };
  var gPending = 0;
  var onQueue = body.getAttribute('data-live') === 'queue';
  var onEnquiry = body.getAttribute('data-live') === 'enquiry';
  if (onQueue) {
    try { sessionStorage.setItem('mediadesk.queue', window.location.pathname); } catch (e) {}
  }
  var back = document.getElementById('back-to-queue');
  if (back) {
    try {
      var lq = sessionStorage.getItem('mediadesk.queue');
      if (lq && /^\/queues\/[a-z]+$/.test(lq)) {
        back.href = lq;
        // Back in the queue, this enquiry is the selected row.
        if (body.getAttribute('data-ref')) { sessionStorage.setItem('mediadesk.sel:' + lq, body.getAttribute('data-ref')); }
      }
    } catch (e) {}
  }

  function typing(el) {
    if (!el) { return false; }
    var t = el.tagName;
    return t === 'TEXTAREA' || t === 'SELECT' || el.isContentEditable ||
      (t === 'INPUT' && !/^(button|submit|checkbox|radio|reset|hidden)$/i.test(el.type));
  }
  function focusField(id, kind) {
    if (kind) {
      var k = document.getElementById(kind);
      if (k) { k.checked = true; }
    }
    var el = document.getElementById(id);
    if (!el) { return false; }
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    return true;
  }
  function openRow(row, hash) {
    var a = row && row.querySelector('td.subject a');
    if (a) { window.location.href = a.href + (hash || ''); }
  }
  // On the enquiry page a #do-… fragment from the queue's shortcuts asks
  // for the matching box.
  var doKeys = { '#do-holding': ['reply-body', 'kind-holding'], '#do-reply': ['reply-body', 'kind-substantive'],
    '#do-resolve': ['resolve-note'], '#do-assign': ['assign-to'], '#do-note': ['note-text'] };
  if (onEnquiry && doKeys[window.location.hash]) {
    var dk = doKeys[window.location.hash];
    focusField(dk[0], dk[1]);
  }
  function enquiryKey(key) {
    switch (key) {
      case 'c': { var b = document.getElementById('claim'); if (b) { b.click(); } else { announce('Nothing to claim: the enquiry is yours or cannot be claimed.'); } return true; }
      case 'h': return focusField('reply-body', 'kind-holding') || (announce('Claim the enquiry to reply.'), true);
      case 'r': return focusField('reply-body', 'kind-substantive') || (announce('Claim the enquiry to reply.'), true);
      case 'e': return focusField('resolve-note') || (announce('This enquiry cannot be resolved by you now.'), true);
      case 'a': return focusField('assign-to') || (announce('You cannot reassign this enquiry.'), true);
      case 'n': return focusField('note-text');
      case 'u': window.location.href = back ? back.href : '/queues/needs'; return true; // the landing queue
      case 'j': case 'k': {
        var next = neighbour(key === 'j' ? 1 : -1);
        if (next) { window.location.href = '/enquiries/' + encodeURIComponent(next); } else { announce(key === 'j' ? 'This is the last enquiry of the queue.' : 'This is the first enquiry of the queue.'); }
        return true;
      }
    }
    return false;
  }
  // The queue's keys act on the selected row; on a wide screen they open
  // it in the reading pane (and its boxes there) instead of leaving.
  var paneKeys = { h: ['reply-body', 'kind-holding', 'Claim the enquiry to reply.', '#do-holding'],
    r: ['reply-body', 'kind-substantive', 'Claim the enquiry to reply.', '#do-reply'],
    e: ['resolve-note', null, 'This enquiry cannot be resolved by you now.', '#do-resolve'],
    a: ['assign-to', null, 'You cannot reassign this enquiry.', '#do-assign'],
    n: ['note-text', null, 'No note box here.', '#do-note'] };
  function queueKey(key) {
    var row = selected();
    switch (key) {
      case 'j': case 'k':
        move(key === 'j' ? 1 : -1);
        if (paneOpen() && selected() && selected().getAttribute('data-ref') !== paneRef) {
          // The pane follows the selection, once the keys rest.
          clearTimeout(paneTimer);
          paneTimer = setTimeout(function () { var r = selected(); if (r && paneOpen()) { openPane(r, { quiet: true }); } }, 250);
        }
        return true;
      case 'o': case 'Enter': if (row) { if (wide()) { openPane(row); } else { openRow(row); } return true; } return false;
      case '/': if (filter) { filter.focus(); filter.select(); return true; } return false;
      case 'c': if (row) { claimRow(row); return true; } return false;
      case 'x': if (row) { pick(row, !picked[row.getAttribute('data-ref')]); announce((picked[row.getAttribute('data-ref')] ? 'Selected ' : 'Unselected ') + row.getAttribute('data-ref') + '.'); return true; } return false;
      case 'h': case 'r': case 'e': case 'a': case 'n': {
        if (!row) { return false; }
        var pk = paneKeys[key];
        if (wide()) { paneDo(row, pk[0], pk[1], pk[2]); } else { openRow(row, pk[3]); }
        return true;
      }
      case 'u': if (paneOpen() && pane.contains(document.activeElement)) { focusRow(); return true; } return false;
      case 'Escape': if (paneOpen()) { closePane(); focusRow(); return true; } return false;
    }
    return false;
  }
  // ---- The reading pane: on wide screens the queue and the open enquiry
  // side by side. The pane shows the enquiry page's own content (the same
  // templates and escaping, fetched and parsed inertly with DOMParser, its
  // scripts dropped); its forms post exactly as on the page (the same
  // CSRF token) and the answer is shown in the pane. Narrow screens,
  // modified clicks, "Open the full page" and no script keep the link to
  // the full page.
  var layout = document.getElementById('queue-layout');
  var pane = document.getElementById('pane');
  var paneBody = document.getElementById('pane-body');
  var paneFull = document.getElementById('pane-full');
  var wideQuery = pane && window.matchMedia && window.DOMParser ? window.matchMedia('(min-width: 1200px)') : null;
  var paneRef = null, paneDrafts = null, paneSeq = 0, paneTimer = null, panePosting = false;
  var paneKey = 'mediadesk.pane:' + window.location.pathname;
  function wide() { return !!(wideQuery && wideQuery.matches && layout && paneBody); }
  function paneOpen() { return !!(pane && !pane.hidden && paneRef); }
  function parse(html) { return new DOMParser().parseFromString(html, 'text/html'); }

  // adopt moves the main content of an enquiry page (doc, parsed) into
  // the pane; keep is a flash to carry over (a live refresh).
  function adopt(doc, ref, keep) {
    var main = doc.getElementById('main');
    if (!main || doc.body.getAttribute('data-ref') !== ref) { return false; }
    Array.prototype.forEach.call(main.querySelectorAll('script, nav.actionbar'), function (n) { n.remove(); });
    var h1 = main.querySelector('h1');
    if (h1) {
      var h2 = doc.createElement('h2');
      h2.className = 'pane-heading';
      while (h1.firstChild) { h2.appendChild(h1.firstChild); }
      h1.replaceWith(h2);
    }
    var fl = main.querySelector('#flash');
    if (fl) { fl.id = 'pane-flash'; fl.setAttribute('tabindex', '-1'); } else if (keep) { main.insertBefore(keep, main.firstChild); }
    if (paneDrafts) { paneDrafts.stop(); paneDrafts = null; }
    var frag = document.createDocumentFragment();
    Array.prototype.forEach.call(main.childNodes, function (n) { frag.appendChild(document.importNode(n, true)); });
    paneBody.replaceChildren(frag);
    paneRef = ref;
    pane.setAttribute('aria-label', 'Enquiry ' + ref);
    paneFull.href = '/enquiries/' + encodeURIComponent(ref);
    layout.classList.add('pane-open');
    pane.hidden = false;
    tick();
    if (window.mediadeskDrafts) { paneDrafts = window.mediadeskDrafts({ ref: ref, pane: true }); }
    try { sessionStorage.setItem(paneKey, ref); } catch (e) {}
    return true;
  }
  function paneFlash(text, error) {
    var f = document.getElementById('pane-flash');
    if (!f) {
      f = document.createElement('p');
      f.id = 'pane-flash';
      f.setAttribute('role', 'status');
      f.setAttribute('tabindex', '-1');
      paneBody.insertBefore(f, paneBody.firstChild);
    }
    f.className = 'flash' + (error ? ' error' : '');
    f.textContent = text;
    announce(text);
    return f;
  }
  // showInPane fetches ref's page into the pane; the newest request wins.
  function showInPane(ref, opts) {
    opts = opts || {};
    clearTimeout(paneTimer);
    var seq = ++paneSeq;
    pane.setAttribute('aria-busy', 'true');
    return fetch('/enquiries/' + encodeURIComponent(ref), { credentials: 'same-origin', headers: opts.background ? { 'X-Mediadesk-Background': '1' } : {} })
      .then(function (r) { return r.text().then(function (t) { return { status: r.status, html: t }; }); })
      .then(function (x) {
        if (seq !== paneSeq) { return false; }
        var doc = parse(x.html);
        var scroll = pane.scrollTop;
        var focusId = document.activeElement && pane.contains(document.activeElement) ? document.activeElement.id : '';
        if (!adopt(doc, ref, opts.keep)) {
          var m = doc.getElementById('error-message');
          if (!paneOpen()) { return false; }
          paneFlash('Could not show ' + ref + ': ' + (m ? m.textContent.trim() : doc.getElementById('login-form') ? 'you have been signed out; reload the page' : 'the server said ' + x.status), true);
          return false;
        }
        if (opts.background) {
          pane.scrollTop = scroll;
          var f = focusId && document.getElementById(focusId);
          if (f && pane.contains(f)) { f.focus({ preventScroll: true }); }
        } else {
          pane.scrollTop = 0;
          if (!opts.quiet) { announce('Showing ' + ref + ' beside the queue.'); }
        }
        return true;
      }, function () {
        if (seq === paneSeq && paneOpen()) { paneFlash('Could not show ' + ref + ': the desk did not answer.', true); }
        return false;
      })
      .then(function (ok) {
        if (seq === paneSeq) { pane.removeAttribute('aria-busy'); }
        if (ok && opts.then) { opts.then(); }
        return ok;
      });
  }
  function openPane(row, opts) {
    select(row, true);
    return showInPane(row.getAttribute('data-ref'), opts);
  }
  // closePane closes the pane; keep leaves it to be shown again when the
  // window is wide again (or after a reload).
  function closePane(keep) {
    if (!pane) { return; }
    clearTimeout(paneTimer);
    paneSeq++;
    if (paneDrafts) { paneDrafts.stop(); paneDrafts = null; }
    paneRef = null;
    pane.hidden = true;
    paneBody.replaceChildren();
    if (layout) { layout.classList.remove('pane-open'); }
    if (!keep) { try { sessionStorage.removeItem(paneKey); } catch (e) {} }
  }
  // focusRow puts the focus back on the selected row.
  function focusRow() {
    var row = selected();
    if (row) { select(row); } else { move(1); }
  }
  // paneDo opens row's enquiry in the pane (when it is not there yet) and
  // focuses one of its boxes.
  function paneDo(row, id, kind, otherwise) {
    var go = function () { if (!focusField(id, kind)) { announce(otherwise); } };
    if (paneOpen() && paneRef === row.getAttribute('data-ref')) { go(); return; }
    openPane(row, { quiet: true, then: go });
  }
  // paneEdited says the officer has typed in the pane (a live refresh
  // would lose it; the banner is shown instead).
  function paneEdited() {
    var els = paneBody.querySelectorAll('textarea, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.tagName === 'SELECT' ? el.selectedIndex > 0 : el.value !== el.defaultValue) { return true; }
    }
    return typing(document.activeElement) && pane.contains(document.activeElement);
  }
  // paneChanged: the live stream says the pane's enquiry changed. It is
  // shown again, unless the officer is typing there: then the banner says
  // what changed and its Reload (drafts saved first) shows it again.
  function paneChanged() {
    if (!paneOpen() || panePosting) { return; }
    if (paneEdited()) {
      var stale = document.getElementById('stale');
      if (stale) { stale.hidden = false; }
      return;
    }
    var keep = document.getElementById('pane-flash');
    showInPane(paneRef, { background: true, keep: keep ? keep.cloneNode(true) : null });
  }
  if (wideQuery) {
    // Forms in the pane post in the background; the answer (the enquiry
    // with its flash, or the refused form with what went wrong) replaces
    // the pane, and the queue row follows.
    document.addEventListener('submit', function (ev) {
      var f = ev.target;
      if (ev.defaultPrevented || !paneOpen() || !pane.contains(f) || (f.getAttribute('method') || '').toLowerCase() !== 'post') { return; }
      ev.preventDefault();
      var data;
      try { data = new FormData(f, ev.submitter || undefined); } catch (e) { data = new FormData(f); }
      var ref = paneRef;
      var buttons = f.querySelectorAll('button');
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      panePosting = true;
      var seq = ++paneSeq;
      fetch(f.action, { method: 'POST', credentials: 'same-origin', body: new URLSearchParams(data) })
        .then(function (r) { return r.text().then(function (t) { return { status: r.status, html: t }; }); })
        .then(function (x) {
          var doc = parse(x.html);
          var fl = doc.getElementById('flash'), m = doc.getElementById('error-message');
          var why = m ? m.textContent.trim() : doc.getElementById('login-form') ? 'you have been signed out; reload the page' : 'the server said ' + x.status;
          if (seq !== paneSeq) {
            // The pane shows another enquiry by now: say how this went.
            var ok = doc.body.getAttribute('data-ref') === ref && fl;
            flashText(ref + ': ' + (ok ? fl.textContent.trim() : 'not done: ' + why), !ok || fl.classList.contains('error'));
            announce(ref + ': ' + (ok ? fl.textContent.trim() : 'not done: ' + why));
            return;
          }
          if (adopt(doc, ref)) {
            pane.scrollTop = 0;
            var pf = document.getElementById('pane-flash');
            if (pf) { announce(pf.textContent.trim()); pf.focus({ preventScroll: true }); } else { pane.focus({ preventScroll: true }); }
          } else {
            paneFlash('Not done: ' + why, true).focus({ preventScroll: true });
            pane.scrollTop = 0;
          }
        }, function () {
          if (seq === paneSeq) { paneFlash('Not done: the desk did not answer.', true).focus({ preventScroll: true }); } else { flashText(ref + ': not done: the desk did not answer.', true); }
        })
        .then(function () {
          panePosting = false;
          Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
          refreshSoon();
        });
    });
    // A click on a row (its subject or reference, or the row itself)
    // shows it in the pane; other links and controls do what they do.
    document.addEventListener('click', function (ev) {
      if (!wide() || ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) { return; }
      var t = ev.target;
      var tr = t.closest && t.closest('#queue-table tbody tr');
      if (!tr) { return; }
      var a = t.closest('a');
      if (a ? !a.closest('td.subject, td.ref') : t.closest('button, input, label, select, textarea')) { return; }
      ev.preventDefault();
      openPane(tr);
      var link = tr.querySelector('td.subject a');
      if (link && document.activeElement !== link) { link.focus({ preventScroll: true }); }
    });
    document.getElementById('pane-close').addEventListener('click', function () { closePane(); focusRow(); });
    // The banner's Reload in the pane: the draft is saved, then the
    // enquiry is shown again.
    pane.addEventListener('click', function (ev) {
      var a = ev.target.closest && ev.target.closest('#stale-reload');
      if (!a || !paneOpen()) { return; }
      ev.preventDefault();
      a.textContent = 'Saving your draft…';
      var ref = paneRef;
      (paneDrafts ? paneDrafts.save() : Promise.resolve()).then(function () { showInPane(ref, { quiet: true }); });
    });
    // Shown again after a reload, or when the window is wide again.
    var reopen = function () {
      var ref = null;
      try { ref = sessionStorage.getItem(paneKey); } catch (e) {}
      var row = ref && wide() && !paneOpen() ? rowByRef(ref) : null;
      if (row) { openPane(row, { quiet: true }); }
    };
    var onWidth = function () { if (wide()) { reopen(); } else if (paneOpen()) { closePane(true); } };
    if (wideQuery.addEventListener) { wideQuery.addEventListener('change', onWidth); }
    reopen();
  }

  document.addEventListener('keydown', function (ev) {
    if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) { return; }
    if (typing(ev.target)) {
      if (ev.key === 'Escape') {
        ev.target.blur();
        // Out of a box in the reading pane: the pane keeps the focus (u
        // or Escape again go back to the queue).
        if (paneOpen() && pane.contains(ev.target)) { pane.focus({ preventScroll: true }); }
      }
      return;
    }
    if (help && !help.hidden) { return; }
    var key = ev.key;
    if (gPending && Date.now() - gPending < 1500) {
      gPending = 0;
      if (goto[key]) { ev.preventDefault(); window.location.href = goto[key]; }
      return;
    }
    gPending = 0;
    if (key === '?') { ev.preventDefault(); showHelp(true); return; }
    if (key === 'g') { gPending = Date.now(); return; }
    if (key === '/' && !onQueue) {
      var box = document.querySelector('input[type=search]');
      if (box) { ev.preventDefault(); box.focus(); box.select(); }
      return;
    }
    // Enter on a link or button does what it does anyway.
    if (key === 'Enter' && ev.target && ev.target.closest && ev.target.closest('a, button')) { return; }
    var done = onQueue ? queueKey(key) : onEnquiry ? enquiryKey(key) : false;
    if (done) { ev.preventDefault(); }
  });

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
        if (fresh) { patchQueue(fresh); }
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }

  refreshSoon = function () { if (!timer) { timer = setTimeout(refreshQueue, 300); } };

  function changed(ev) {
    // drafts.js (the banner's words, presence) listens for this.
    try { document.dispatchEvent(new CustomEvent('mediadesk:change', { detail: ev })); } catch (err) {}
    if (live === 'queue') {
      if (!timer) { timer = setTimeout(refreshQueue, 1000); }
      if (ev && ev.ref && ev.ref === paneRef) { paneChanged(); }
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
  es.addEventListener('presence', function (e) { // drafts.js: who else is here
    try { document.dispatchEvent(new CustomEvent('mediadesk:presence', { detail: JSON.parse(e.data) })); } catch (err) {}
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
