package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/mediadesk/mediadesk/store"
)

// triageDesk is the browser test desk with an administrator, so every
// page can be walked by one user.
var triageDesk = strings.Replace(browserDesk,
	"  - {id: meg, name: Meg Manager, email: meg@desk.example.gov.uk, role: manager, topics: [\"*\"]}\n",
	"  - {id: meg, name: Meg Manager, email: meg@desk.example.gov.uk, role: manager, topics: [\"*\"]}\n"+
		"  - {id: ada, name: Ada Admin, email: ada@desk.example.gov.uk, role: admin, topics: [\"*\"]}\n", 1)

// enquiryMail is plainEnquiry with its own subject and Message-ID.
func enquiryMail(subject, id string) string {
	m := fmt.Sprintf(plainEnquiry, time.Now().Format(time.RFC1123Z))
	m = strings.ReplaceAll(m, "Albania visit", subject)
	return strings.ReplaceAll(m, "albania-1@", id+"@")
}

// browserTab is a signed-in tab with helpers that fail the test.
type browserTab struct {
	t   *testing.T
	ctx context.Context
	url string

	mu         sync.Mutex
	exceptions []string
}

func openTab(t *testing.T, k *liveDesk) *browserTab {
	b := &browserTab{t: t, ctx: browserContext(t), url: k.url}
	exceptions := chromedp.Events(b.ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.exceptions = append(b.exceptions, ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.URL))
			b.mu.Unlock()
		}
	}()
	// Accept "take over from …?" confirmations.
	dialogs := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	t.Cleanup(func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		if len(b.exceptions) > 0 {
			t.Errorf("script exceptions: %q", b.exceptions)
		}
	})
	return b
}

func (b *browserTab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b *browserTab) eval(expr string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return s
}

// waitFor polls a JavaScript condition, on a loaded page (its script
// running), for up to 20 s (across page loads).
func (b *browserTab) waitFor(what, cond string) {
	b.t.Helper()
	eventually(b.t, what, func() bool {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.readyState === 'complete' && (`+cond+`)`))
		return err == nil && ok
	})
}

// key types keys, to whatever has focus (chromedp's separate char
// events: for text).
func (b *browserTab) key(keys string) {
	b.t.Helper()
	b.do("key "+fmt.Sprintf("%q", keys), chromedp.KeyEvent(keys))
}

// press is one keystroke as a keyboard makes it: a keydown carrying its
// text, so a page that handles the keydown (preventDefault) types
// nothing, as in a real browser.
func (b *browserTab) press(r rune) {
	b.t.Helper()
	k, ok := kb.Keys[r]
	if !ok {
		b.t.Fatalf("press %q: unknown key", r)
	}
	down := input.DispatchKeyEventParams{Type: kb.KeyDown, Key: k.Key, Code: k.Code,
		WindowsVirtualKeyCode: k.Windows, NativeVirtualKeyCode: k.Native, Text: k.Text, UnmodifiedText: k.Unmodified}
	if k.Shift {
		down.Modifiers = int64(kb.ModifierShift)
	}
	up := down
	up.Type, up.Text, up.UnmodifiedText = kb.KeyUp, "", ""
	for _, ev := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Call(b.ctx, input.DispatchKeyEvent, ev); err != nil {
			b.t.Fatalf("press %q: %v", r, err)
		}
	}
}

func (b *browserTab) signIn(user string) {
	b.t.Helper()
	b.do("sign in "+user,
		chromedp.Navigate(b.url+"/login"),
		chromedp.WaitVisible(chromedp.ID("login-form")),
		chromedp.SendKeys(chromedp.ID("user"), user),
		chromedp.SendKeys(chromedp.ID("password"), browserPassword),
		chromedp.Click(chromedp.ID("signin")),
		chromedp.WaitReady(chromedp.ID("me")),
	)
}

// shot saves the viewport as docs-ready PNG in $MEDIADESK_SCREENSHOTS.
func (b *browserTab) shot(name string) {
	dir := os.Getenv("MEDIADESK_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

const selectedRef = `(document.querySelector('#queue-table tr.selected') || {dataset: {}}).dataset.ref || ''`
const focusedRef = `(document.activeElement.closest('tr[data-ref]') || {dataset: {}}).dataset.ref || ''`

// TestBrowserKeyboardTriage walks the queue by keyboard only: j/k move
// the selection (and the focus), a live update keeps selection, focus,
// scroll and the row itself and announces the new enquiry; c claims from
// the queue; / filters; ? lists the shortcuts; g m goes to Mine; Enter
// opens; on the enquiry c claims, h starts a holding reply, e resolves.
func TestBrowserKeyboardTriage(t *testing.T) {
	k := startDeskWith(t, triageDesk, []string{"ann", "bob", "meg", "ada"})
	b := openTab(t, k)
	for i, s := range []string{"First question", "Second question", "Third question"} {
		k.deliver(enquiryMail(s, fmt.Sprintf("kbd-%d", i)))
		k.refBySubject(s)
	}
	b.signIn("ann")
	b.do("queue", chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	b.do("desktop", chromedp.EmulateViewport(1440, 900))
	b.waitFor("three rows", `document.querySelectorAll('#queue-table tbody tr').length === 3`)
	order := strings.Split(b.eval(`[...document.querySelectorAll('#queue-table tbody tr')].map(r => r.dataset.ref).join(' ')`), " ")

	// The first Tab reaches the skip link; it leads to the main content.
	b.press('\t')
	if got := b.eval(`document.activeElement.className + ' ' + document.activeElement.getAttribute('href')`); got != "skip #main" {
		t.Errorf("first Tab reaches %q, want the skip link", got)
	}
	b.press('\r')
	if got := b.eval(`document.activeElement.id`); got != "main" {
		t.Errorf("the skip link leads to %q", got)
	}

	// A second skip link leads to the enquiries: Tab, Tab, Enter, Tab
	// reaches the first row.
	b.do("queue again", chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	b.waitFor("loaded", `true`)
	b.press('\t')
	b.press('\t')
	if got := b.eval(`document.activeElement.getAttribute('href')`); got != "#queue-table" {
		t.Errorf("the second Tab reaches %q, want the skip link to the enquiries", got)
	}
	b.press('\r')
	b.press('\t')
	if got, f := b.eval(selectedRef), b.eval(focusedRef); got != order[0] || f != order[0] {
		t.Errorf("Tab after skipping to the enquiries: selected %q focused %q, want %q", got, f, order[0])
	}

	// j, j, k: the selection and the focus move together.
	b.press('j')
	if got := b.eval(selectedRef); got != order[1] {
		t.Errorf("after j the selection is %q, want %q", got, order[1])
	}
	b.press('j')
	b.press('k')
	if got, f := b.eval(selectedRef), b.eval(focusedRef); got != order[1] || f != order[1] {
		t.Errorf("after j j k: selected %q focused %q, want %q", got, f, order[1])
	}
	// The focus shows; release titles are cut with an ellipsis, the full
	// title in the title attribute.
	if got := b.eval(`(s => s.outlineStyle + ' ' + s.outlineWidth)(getComputedStyle(document.activeElement))`); strings.HasPrefix(got, "none") || strings.HasSuffix(got, " 0px") {
		t.Errorf("the focused row's link has no visible focus: outline %q", got)
	}
	if got := b.eval(`(a => getComputedStyle(a.closest('td')).textOverflow + ' ' + getComputedStyle(a.closest('td')).whiteSpace + ' ' + a.title)(document.querySelector('#queue-table td.release a'))`); got != "ellipsis nowrap Foreign Secretary visits Albania" {
		t.Errorf("release cell: %q", got)
	}

	// A live update: a new enquiry arrives; the row, selection, focus and
	// scroll stay, and the change is announced politely.
	b.eval(`document.querySelector('#queue-table tr.selected').dataset.mark = 'same-node'; window.scrollTo(0, 0); ''`)
	k.deliver(enquiryMail("Fourth question", "kbd-3"))
	b.waitFor("live update", `document.querySelectorAll('#queue-table tbody tr').length === 4`)
	if got := b.eval(selectedRef); got != order[1] {
		t.Errorf("after a live update the selection is %q, want %q", got, order[1])
	}
	if got := b.eval(focusedRef); got != order[1] {
		t.Errorf("after a live update the focus is on %q, want %q", got, order[1])
	}
	if got := b.eval(`document.querySelector('#queue-table tr.selected').dataset.mark || 'replaced'`); got != "same-node" {
		t.Error("the live update replaced the selected row instead of patching it")
	}
	b.waitFor("announced", `document.getElementById('announce').textContent.includes('Fourth question')`)
	if got := b.eval(`document.getElementById('announce').getAttribute('aria-live')`); got != "polite" {
		t.Errorf("announcements are aria-live=%q", got)
	}

	// c claims the selected enquiry from the queue (taking it over from
	// Bob, after the confirmation); the row shows it.
	b.press('c')
	b.waitFor("the claim shows in the row", `document.querySelector('#queue-table tr.selected td.officer').textContent === 'Ann Officer'`)
	if e := k.enquiry(order[1]); e.Officer != "ann" {
		t.Errorf("after c the officer in Redis is %q", e.Officer)
	}
	if got := b.eval(selectedRef); got != order[1] {
		t.Errorf("after the claim the selection is %q", got)
	}

	// Shortcuts are off while typing: / focuses the filter, typed letters
	// filter the rows and move nothing; Escape leaves the box.
	b.press('/')
	if got := b.eval(`document.activeElement.id`); got != "queue-filter" {
		t.Fatalf("/ focuses %q", got)
	}
	b.key("third")
	if got := b.eval(`document.getElementById('queue-filter').value`); got != "third" {
		t.Errorf("the filter box holds %q", got)
	}
	if got := b.eval(`[...document.querySelectorAll('#queue-table tbody tr')].filter(r => !r.hidden).map(r => r.querySelector('td.subject').textContent).join('|')`); got != "Third question" {
		t.Errorf("filtered rows: %q", got)
	}
	if got := b.eval(selectedRef); got != order[1] {
		t.Errorf("typing moved the selection to %q", got)
	}
	b.press('\u001b')
	if got := b.eval(`document.querySelectorAll('#queue-table tbody tr[hidden]').length + ' ' + document.activeElement.tagName`); got != "0 BODY" {
		t.Errorf("after Escape: %q", got)
	}

	// ? lists the shortcuts; Escape closes the list.
	b.press('?')
	if got := b.eval(`document.getElementById('keys-help').hidden + ' ' + document.activeElement.id`); got != "false keys-close" {
		t.Errorf("? shows %q", got)
	}
	b.shot("keyboard-help")
	b.press('\u001b')
	if got := b.eval(`String(document.getElementById('keys-help').hidden)`); got != "true" {
		t.Error("Escape does not close the shortcut list")
	}

	// g m goes to Mine, where the claimed enquiry is; the screenshots.
	b.press('g')
	b.press('m')
	eventually(t, "g m goes to Mine", func() bool {
		s, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`location.pathname === '/queues/mine' && !!document.querySelector('#queue-table tr[data-ref="`+order[1]+`"]')`))
		return err == nil && s
	})
	b.do("all open", chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	if got := b.eval(selectedRef); got != order[1] {
		t.Errorf("coming back, the selection is %q, want %q", got, order[1])
	}
	b.shot("queue-1440")
	b.do("phone", chromedp.EmulateViewport(390, 844))
	b.shot("queue-390")
	b.do("desktop", chromedp.EmulateViewport(1440, 900))

	// Select Bob's third enquiry and open it with Enter; c takes it over.
	// Below 1200 px Enter opens the full page (wider, it shows beside the
	// queue: TestBrowserReadingPane).
	b.do("below the reading pane", chromedp.EmulateViewport(1100, 900))
	b.press('j')
	for b.eval(selectedRef) != order[2] {
		b.press('j')
	}
	b.press('\r')
	b.waitFor("Enter opens", `!!document.getElementById('thread')`)
	if got := b.eval(`document.getElementById('ref').textContent`); got != order[2] {
		t.Fatalf("Enter opened %q, want %q", got, order[2])
	}
	// k and j on an enquiry go to the previous and next of the queue, in
	// the order the queue page showed (the live update added a fourth
	// enquiry, which may sort anywhere).
	seq := strings.Fields(b.eval(`sessionStorage.getItem('mediadesk.order') || ''`))
	i := slices.Index(seq, order[2])
	if i < 0 || len(seq) < 2 {
		t.Fatalf("the remembered queue order %q lacks %s", seq, order[2])
	}
	away, back, other := 'k', 'j', ""
	if i > 0 {
		other = seq[i-1]
	} else {
		away, back, other = 'j', 'k', seq[i+1]
	}
	b.press(away)
	b.waitFor(string(away)+": the neighbouring enquiry", `!!document.getElementById('ref') && document.getElementById('ref').textContent === '`+other+`'`)
	b.press(back)
	b.waitFor(string(back)+": back again", `!!document.getElementById('ref') && document.getElementById('ref').textContent === '`+order[2]+`' && !!document.getElementById('claim')`)
	b.press('c')
	b.waitFor("c claims", `!!document.getElementById('officer') && document.getElementById('officer').textContent === 'Ann Officer' && !!document.getElementById('reply-body')`)
	if e := k.enquiry(order[2]); e.Officer != "ann" {
		t.Errorf("after c on the enquiry the officer is %q", e.Officer)
	}
	// h: a holding reply, under the thread, full width.
	b.press('h')
	if got := b.eval(`document.activeElement.id + ' ' + document.getElementById('kind-holding').checked`); got != "reply-body true" {
		t.Errorf("h focuses %q", got)
	}
	if got := b.eval(`String(document.getElementById('reply').closest('.col-main') !== null && document.getElementById('thread').compareDocumentPosition(document.getElementById('reply')) === Node.DOCUMENT_POSITION_FOLLOWING)`); got != "true" {
		t.Error("the reply box is not under the thread")
	}
	b.key("jk") // typing, not moving
	if got := b.eval(`document.getElementById('reply-body').value`); got != "jk" {
		t.Errorf("the reply box holds %q", got)
	}
	b.eval(`window.scrollTo(0, 0); ''`)
	b.do("phone", chromedp.EmulateViewport(390, 844))
	b.shot("enquiry-390")
	b.do("desktop", chromedp.EmulateViewport(1440, 900))
	b.eval(`window.scrollTo(0, 0); ''`)
	b.shot("enquiry-1440")
	// e: the resolution note, Enter resolves.
	b.press('\u001b')
	b.press('e')
	if got := b.eval(`document.activeElement.id`); got != "resolve-note" {
		t.Fatalf("e focuses %q", got)
	}
	b.key("Answered by phone.")
	b.press('\r')
	b.waitFor("resolved", `!!document.getElementById('status') && document.getElementById('status').textContent === 'resolved'`)
	if e := k.enquiry(order[2]); e.Status != store.StatusResolved {
		t.Errorf("after e, Enter the status is %s", e.Status)
	}
}

// TestBrowserPhoneWidth: at 390×844 no page scrolls sideways (every page:
// sign-in, the queues, an enquiry, a hostile one, releases, a release,
// reports, admin, search, log a call, an error page), Sign out is
// on screen, the queue and the report tables are cards (no report cell
// cut or outside its panel), the enquiry has its sticky action bar;
// every page has a skip link and a label for every control.
func TestBrowserPhoneWidth(t *testing.T) {
	k := startDeskWith(t, triageDesk, []string{"ann", "bob", "meg", "ada"})
	b := openTab(t, k)
	k.deliver(enquiryMail("A question with a long subject line that a phone cannot show on one line at all", "phone-1"))
	k.deliver(fmt.Sprintf(hostileEnquiry, time.Now().Format(time.RFC1123Z)))
	ref := k.refBySubject("A question with a long subject line that a phone cannot show on one line at all")
	k.refBySubject(hostileSubject)
	b.do("phone", chromedp.EmulateViewport(390, 844))

	check := func(name string, signedIn bool) {
		t.Helper()
		dims := b.eval(`document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth`)
		var sw, cw int
		fmt.Sscan(dims, &sw, &cw)
		if cw != 390 || sw > cw {
			wide := b.eval(`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')`)
			t.Errorf("%s scrolls sideways at 390 px: scrollWidth %d, clientWidth %d; too wide: %s", name, sw, cw, wide)
		}
		if got := b.eval(`document.querySelector('a.skip[href="#main"]') && document.getElementById('main') ? 'ok' : 'missing'`); got != "ok" {
			t.Errorf("%s: skip link %s", name, got)
		}
		unlabelled := b.eval(`[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')).map(e => e.name || e.id).join(' ')`)
		if unlabelled != "" {
			t.Errorf("%s: controls without a label: %s", name, unlabelled)
		}
		if signedIn {
			r := b.eval(`(r => r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth && r.top >= 0 ? 'visible' : JSON.stringify(r))(document.getElementById('logout').getBoundingClientRect())`)
			if r != "visible" {
				t.Errorf("%s: Sign out is not on screen: %s", name, r)
			}
		}
	}

	b.do("login", chromedp.Navigate(k.url+"/login"), chromedp.WaitVisible(chromedp.ID("login-form")))
	check("login", false)
	b.signIn("ada")
	pages := []struct{ name, path, wait string }{
		{"needs me", "/queues/needs", "main"},
		{"queue", "/queues/open", "queue-table"},
		{"enquiry", "/enquiries/" + ref, "thread"},
		{"hostile enquiry", "/enquiries/" + k.refBySubject(hostileSubject), "thread"},
		{"releases", "/releases", "releases"},
		{"release", "/releases/fcdo-2023-10-16-albania", "lines"},
		{"reports", "/reports", "report-form"},
		{"admin", "/admin", "ingest"},
		{"search", "/search?q=question", "search-form"},
		{"log a call", "/calls/new", "call-form"},
		{"error", "/enquiries/XX-0000-000000", "error-message"},
	}
	for _, p := range pages {
		b.do(p.name, chromedp.Navigate(k.url+p.path), chromedp.WaitVisible(chromedp.ID(p.wait)))
		check(p.name, true)
		b.shot("390-" + strings.ReplaceAll(p.name, " ", "-"))
		switch p.name {
		case "queue":
			if got := b.eval(`getComputedStyle(document.querySelector('#queue-table tbody tr')).display`); got != "grid" {
				t.Errorf("queue rows at 390 px are display %q, want cards (grid)", got)
			}
			if got := b.eval(`(r => r.right <= 390 && r.width > 0 ? 'ok' : JSON.stringify(r))(document.querySelector('#queue-table tr td.next .due').getBoundingClientRect())`); got != "ok" {
				t.Errorf("the countdown is off screen: %s", got)
			}
		case "enquiry":
			b.eval(`window.scrollTo(0, document.body.scrollHeight / 2); ''`)
			if got := b.eval(`(r => r.bottom <= window.innerHeight + 1 && r.top >= 0 ? 'ok' : JSON.stringify(r))(document.querySelector('nav.actionbar').getBoundingClientRect())`); got != "ok" {
				t.Errorf("the action bar is not on screen half-way down: %s", got)
			}
			// Its Take over button claims from anywhere on the page.
			b.do("take over from the bar", chromedp.Click(chromedp.ID("bar-claim")))
			b.waitFor("claimed from the bar", `!!document.getElementById('officer') && document.getElementById('officer').textContent === 'Ada Admin'`)
			check("enquiry after claiming", true)
		case "reports":
			if got := b.eval(`String(Math.min(...[...document.querySelectorAll('svg.chart text')].map(e => e.getBoundingClientRect().height).filter(h => h > 0)))`); got != "Infinity" {
				var h float64
				fmt.Sscan(got, &h)
				if h < 10 {
					t.Errorf("chart text is %s px high at 390 px", got)
				}
			}
			// No label or value is cut at the chart's edges.
			if cut := b.eval(`[...document.querySelectorAll('svg.chart')].flatMap(s => { const c = s.getBoundingClientRect(); return [...s.querySelectorAll('text')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < c.left - 0.5 || r.right > c.right + 0.5); }).map(e => JSON.stringify(e.textContent) + ' ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right) + ' in ' + Math.round(c.left) + '..' + Math.round(c.right)); }).join('; ')`); cut != "" {
				t.Errorf("chart text cut at 390 px: %s", cut)
			}
			// The report tables are cards: no cell sticks out of its panel or is
			// cut inside it, and no panel scrolls sideways.
			if got := b.eval(`String(document.querySelectorAll('section.panel table.cards tbody tr').length)`); got == "0" {
				t.Errorf("no report table rows to check")
			}
			if got := b.eval(`getComputedStyle(document.querySelector('#by-topic table.cards tbody tr')).display`); got != "block" {
				t.Errorf("report rows at 390 px are display %q, want cards (block)", got)
			}
			if cut := b.eval(`[...document.querySelectorAll('section.panel')].flatMap(p => { const b = p.getBoundingClientRect(), l = b.left + p.clientLeft, r = l + p.clientWidth; const bad = [...p.querySelectorAll('table tbody th, table tbody td')].filter(c => { const x = c.getBoundingClientRect(); return x.width > 0 && (x.left < l - 0.5 || x.right > r + 0.5 || c.scrollWidth > c.clientWidth + 1); }).map(c => '#' + p.id + ' ' + JSON.stringify(c.textContent.trim().slice(0, 40)) + ' ' + Math.round(c.getBoundingClientRect().left) + '..' + Math.round(c.getBoundingClientRect().right) + ' (scroll ' + c.scrollWidth + '/' + c.clientWidth + ') in ' + Math.round(l) + '..' + Math.round(r)); if (p.scrollWidth > p.clientWidth + 1) bad.push('#' + p.id + ' scrolls sideways: ' + p.scrollWidth + '/' + p.clientWidth); return bad; }).slice(0, 8).join('; ')`); cut != "" {
				t.Errorf("report table cells cut or overflowing at 390 px: %s", cut)
			}
		}
	}
}
