package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

const paneRef = `((document.querySelector('#pane:not([hidden]) #ref') || {}).textContent || '')`

// TestBrowserReadingPane: at 1440 px the queue fits its width (the last
// column is not clipped), and Enter shows the selected enquiry in a pane
// beside the queue without leaving it, the focus staying on the row; j
// moves and the pane follows; n, typing and Enter on Add note post the
// note from the pane (its CSRF token intact), the pane shows the
// server's answer and takes the focus; the pane's Take over updates the
// queue row; a reply begun in the pane survives showing another enquiry;
// a colleague's note shows live (a banner over a begun reply, else the
// pane shown again); hostile mail in the pane runs nothing (its scripts are
// dropped, the mail frame stays sandboxed); axe finds nothing serious
// with the pane open; a reload shows it again; Escape closes it and the
// focus goes back to the row; below 1200 px Enter opens the full page as
// before, and u there goes back to the queue (Needs me when none is
// remembered).
func TestBrowserReadingPane(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	k := startDeskWith(t, triageDesk, []string{"ann", "bob", "meg", "ada"})
	b := openTab(t, k)
	for i, s := range []string{"Pane first", "Pane second"} {
		k.deliver(enquiryMail(s, fmt.Sprintf("pane-%d", i)))
		k.refBySubject(s)
	}
	k.deliver(fmt.Sprintf(hostileEnquiry, time.Now().Format(time.RFC1123Z)))
	hostile := k.refBySubject(hostileSubject)
	b.signIn("ann")
	b.do("desktop", chromedp.EmulateViewport(1440, 900))
	b.do("queue", chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	b.waitFor("three rows", `document.querySelectorAll('#queue-table tbody tr').length === 3`)

	// The whole table fits: the Status column is on screen.
	if got := b.eval(`(q => q.scrollWidth <= q.clientWidth ? 'fits' : q.scrollWidth + ' > ' + q.clientWidth)(document.getElementById('queue'))`); got != "fits" {
		t.Errorf("the queue at 1440 px scrolls sideways inside its box: %s", got)
	}
	if got := b.eval(`(r => r.right <= document.documentElement.clientWidth ? 'ok' : String(r.right))(document.querySelector('#queue-table td.status').getBoundingClientRect())`); got != "ok" {
		t.Errorf("the status column ends at %s px", got)
	}

	// Enter on the first row: the pane, not a new page; the focus stays.
	b.press('j')
	first := b.eval(selectedRef)
	b.press('\r')
	b.waitFor("the pane shows the first row", paneRef+` === '`+first+`'`)
	if got := b.eval(`location.pathname + ' ' + (` + focusedRef + `)`); got != "/queues/open "+first {
		t.Errorf("after Enter: %q, want the queue with the focus on %s", got, first)
	}
	if got := b.eval(`(function () { var q = document.getElementById('queue').getBoundingClientRect(), p = document.getElementById('pane').getBoundingClientRect(); return q.right <= p.left && p.top < q.bottom ? 'side by side' : JSON.stringify([q, p]); })()`); got != "side by side" {
		t.Errorf("queue and pane: %s", got)
	}

	// j moves the selection (and the focus); the pane follows.
	b.press('j')
	second := b.eval(selectedRef)
	if second == first || b.eval(focusedRef) != second {
		t.Fatalf("j: selected %q focused %q", second, b.eval(focusedRef))
	}
	b.waitFor("the pane follows j", paneRef+` === '`+second+`'`)

	// n: the note box in the pane; the note is posted from the pane.
	b.press('n')
	if got := b.eval(`document.activeElement.id + ' ' + document.getElementById('pane').contains(document.activeElement)`); got != "note-text true" {
		t.Fatalf("n focuses %q", got)
	}
	b.key("Rang back from the pane")
	b.press('\t')
	if got := b.eval(`document.activeElement.id`); got != "add-note" {
		t.Fatalf("Tab from the note reaches %q", got)
	}
	b.press('\r')
	b.waitFor("the pane shows the answer", `(document.getElementById('pane-flash') || {}).textContent === 'Note added.'`)
	if !k.timelineHas(second, "note", "ann", "Rang back from the pane") {
		t.Error("the note is not on the enquiry's timeline")
	}
	if got := b.eval(`location.pathname + ' ' + document.activeElement.id + ' ' + document.querySelector('#pane #timeline').textContent.includes('Rang back from the pane')`); got != "/queues/open pane-flash true" {
		t.Errorf("after the note: %q", got)
	}
	// u: back on the row.
	b.press('u')
	if got := b.eval(focusedRef); got != second {
		t.Errorf("u from the pane focuses row %q, want %q", got, second)
	}

	// The pane's Take over (Bob has it; the confirmation is accepted):
	// the queue row follows.
	if b.eval(`document.getElementById('claim') ? 'yes' : 'no'`) == "yes" {
		b.do("take over in the pane", chromedp.Click(chromedp.CSS(`#pane #claim`)))
		b.waitFor("the pane says so", `(document.getElementById('pane-flash') || {}).textContent === 'You claimed this enquiry.'`)
		b.waitFor("the row follows", `document.querySelector('#queue-table tr[data-ref="`+second+`"] td.officer').textContent.trim() === 'Ann Officer'`)
		if e := k.enquiry(second); e.Officer != "ann" {
			t.Errorf("after the pane's take over the officer is %q", e.Officer)
		}
	} else if e := k.enquiry(second); e.Officer != "ann" {
		t.Fatalf("no Claim in the pane, and %s is %q's", second, e.Officer)
	}

	b.eval(`window.scrollTo(0, 0); ''`)
	b.shot("queue-pane-1440") // the README's (MEDIADESK_SCREENSHOTS)

	// r: a reply begun in the pane is kept on the server when the pane
	// shows another enquiry at once (before the typing pause that saves
	// it), and is back when the pane shows this one again.
	b.press('r')
	if got := b.eval(`document.activeElement.id + ' ' + document.getElementById('kind-substantive').checked`); got != "reply-body true" {
		t.Fatalf("r focuses %q", got)
	}
	b.key("Half-way through a reply")
	b.press('\u001b')
	b.do("show the first", chromedp.Click(chromedp.CSS(`#queue-table tr[data-ref="`+first+`"] td.subject a`)))
	b.waitFor("the pane shows the first", paneRef+` === '`+first+`'`)
	b.do("back to the second", chromedp.Click(chromedp.CSS(`#queue-table tr[data-ref="`+second+`"] td.subject a`)))
	b.waitFor("the draft is back in the pane", paneRef+` === '`+second+`' && document.getElementById('reply-body').value === 'Half-way through a reply'`)

	// A colleague's note, live: with a reply begun, the pane's banner says
	// what changed and the reply stays; with nothing typed, the pane is
	// simply shown again with the note.
	if _, err := k.st.AddNote(context.Background(), second, "bob", "Bob's note while Ann drafts"); err != nil {
		t.Fatal(err)
	}
	b.waitFor("the banner in the pane", `!document.getElementById('stale').hidden && document.getElementById('stale-what').textContent.includes('note added by Bob Officer')`)
	if got := b.eval(`document.getElementById('reply-body').value`); got != "Half-way through a reply" {
		t.Errorf("the reply box holds %q after the banner", got)
	}
	b.do("show the first again", chromedp.Click(chromedp.CSS(`#queue-table tr[data-ref="`+first+`"] td.subject a`)))
	b.waitFor("the pane shows the first", paneRef+` === '`+first+`'`)
	if _, err := k.st.AddNote(context.Background(), first, "bob", "Bob's note on the first"); err != nil {
		t.Fatal(err)
	}
	b.waitFor("the pane follows the note", paneRef+` === '`+first+`' && document.querySelector('#pane #timeline').textContent.includes("Bob's note on the first")`)
	if got := b.eval(`String(document.getElementById('stale').hidden)`); got != "true" {
		t.Error("the banner shows for a pane nobody typed in")
	}

	// The hostile enquiry in the pane: nothing runs, nothing breaks out.
	b.do("click the hostile row", chromedp.Click(chromedp.CSS(`#queue-table tr[data-ref="`+hostile+`"] td.subject a`)))
	b.waitFor("the pane shows the hostile enquiry", paneRef+` === '`+hostile+`'`)
	b.waitFor("its mail frame", `document.querySelectorAll('#pane iframe.mail-html').length > 0`)
	time.Sleep(300 * time.Millisecond)
	if got := b.eval(`[typeof window.pwned, location.pathname, document.scripts.length, document.querySelectorAll('#pane script, #pane img').length,
		[...document.querySelectorAll('#pane iframe')].filter(f => f.getAttribute('sandbox') !== 'allow-popups allow-popups-to-escape-sandbox' || f.hasAttribute('src')).length].join(' ')`); got != "undefined /queues/open 3 0 0" {
		t.Errorf("pwned, page, scripts, scripts or images in the pane, unsandboxed frames: %q", got)
	}
	if got := b.eval(`document.querySelector('#pane #subject').textContent`); got != hostileSubject {
		t.Errorf("the hostile subject in the pane reads %q", got)
	}
	b.axeCheck("queue with the reading pane", string(script))

	// A reload shows the queue with the same enquiry beside it.
	b.do("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("queue-table")))
	b.waitFor("the pane again after the reload", paneRef+` === '`+hostile+`'`)

	// Escape closes the pane; the focus is on the row again.
	b.do("focus the row", chromedp.Focus(chromedp.CSS(`#queue-table tr[data-ref="`+hostile+`"] td.subject a`)))
	b.press('\u001b')
	if got := b.eval(`document.getElementById('pane').hidden + ' ' + (` + focusedRef + `)`); got != "true "+hostile {
		t.Errorf("after Escape: %q", got)
	}

	// Narrower than 1200 px: Enter opens the full page, as before.
	b.do("narrow", chromedp.EmulateViewport(1100, 900))
	b.press('\r')
	b.waitFor("the full page", `location.pathname === '/enquiries/`+hostile+`' && !!document.getElementById('thread')`)
	if strings.Contains(b.eval(`document.body.className`), "pane") {
		t.Error("the full page has pane classes")
	}
	// u goes back to the queue it came from; with none remembered, to
	// the landing queue (Needs me).
	b.press('u')
	b.waitFor("u: back to the queue", `location.pathname === '/queues/open'`)
	b.eval(`sessionStorage.clear(); ''`)
	b.do("an enquiry opened from elsewhere", chromedp.Navigate(k.url+"/enquiries/"+hostile), chromedp.WaitVisible(chromedp.ID("thread")))
	b.press('u')
	b.waitFor("u: the landing queue", `location.pathname === '/queues/needs'`)
}
