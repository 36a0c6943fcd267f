package web_test

import (
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mediadesk/mediadesk/store"
)

// TestBrowserLogCall: a manager on phone duty logs a call from the header
// link; it opens as an enquiry routed and clocked by the whole desk
// (app.New: the live router), is listed in the open queue, counted in the
// report (by channel: a Phone row drilling down to it) and exported with
// channel "phone", and found by search from a word of its question; the
// form fits a 390 px screen.
func TestBrowserLogCall(t *testing.T) {
	k := startDesk(t)
	b := openTab(t, k)
	b.signIn("meg")
	b.do("open the form", chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("nav-call")),
		chromedp.Click(chromedp.ID("nav-call")), chromedp.WaitVisible(chromedp.ID("call-form")))
	b.do("fill in the call",
		chromedp.SendKeys(chromedp.ID("call-name"), "Sam Caller"),
		chromedp.SendKeys(chromedp.ID("call-phone"), "+44 20 7946 0001"),
		chromedp.SendKeys(chromedp.ID("call-outlet"), "BBC"),
		chromedp.SendKeys(chromedp.ID("call-question"), "What did the Foreign Secretary agree in Albania?"),
		chromedp.Click(chromedp.ID("call-submit")),
		chromedp.WaitVisible(chromedp.ID("ref")))
	ref := b.eval(`document.getElementById('ref').textContent`)
	e := k.enquiry(ref)
	if e.Channel != store.ChannelPhone || e.Outlet != "BBC" || e.Clocks[store.ClockFirstResponse].Due.IsZero() || e.Officer == "" {
		t.Errorf("logged call: channel %q outlet %q officer %q clocks %+v", e.Channel, e.Outlet, e.Officer, e.Clocks)
	}
	if !k.timelineHas(ref, "call-logged", "meg", "logged by Meg Manager") {
		t.Error("the timeline does not say who logged the call")
	}
	b.do("queue", chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	if !strings.Contains(b.eval(`document.getElementById('queue-table').textContent`), ref) {
		t.Errorf("the open queue does not list %s", ref)
	}
	// Search finds it by a word of what the journalist asked.
	b.do("search", chromedp.Click(chromedp.ID("nav-search")), chromedp.WaitVisible(chromedp.ID("search-form")),
		chromedp.SendKeys(chromedp.ID("search-q"), "agree"), chromedp.Click(chromedp.ID("search-submit")),
		chromedp.WaitVisible(chromedp.ID("search-results")))
	if got := b.eval(`document.getElementById('search-results').textContent`); !strings.Contains(got, ref) {
		t.Errorf("search for a word of the body does not list %s: %s", ref, got)
	}
	// The report (rolled up from the events stream) and the export.
	b.waitFor("the report counts the call", `(window.__rep = window.__rep || fetch('/api/reports/summary').then(r => r.json()).then(j => { window.__opened = j.total.opened; window.__rep = null })) && window.__opened >= 1`)
	b.waitFor("the report counts it as a phone call", `(window.__ch = window.__ch || fetch('/api/reports/summary?by=channel').then(r => r.json()).then(j => { window.__phone = ((j.rows || []).find(r => r.key === 'phone') || {}).opened || 0; window.__ch = null })) && window.__phone >= 1`)
	// The reports page shows the phone channel, and its row drills down
	// to the call.
	b.do("reports", chromedp.Navigate(k.url+"/reports"), chromedp.WaitVisible(chromedp.ID("by-channel")))
	phone := b.eval(`(([...document.querySelectorAll('#by-channel table a.drill')].find(a => a.textContent.trim() === 'Phone')) || {href: ''}).href`)
	if !strings.Contains(phone, "channel=phone") {
		t.Fatalf("the report's by-channel table has no Phone row linking to its enquiries: %q in %s", phone, b.eval(`document.getElementById('by-channel').textContent`))
	}
	b.do("drill into the phone calls", chromedp.Navigate(phone), chromedp.WaitVisible(chromedp.ID("drill-count")))
	if what, list := b.eval(`document.getElementById('drill-what').textContent`), b.eval(`document.querySelector('table.drill-list').textContent`); !strings.Contains(what, "channel Phone") || !strings.Contains(list, ref) {
		t.Errorf("the phone row's drill-down: %q lists %q, want %s", what, list, ref)
	}
	b.waitFor("the export has the call", `(window.__exp = window.__exp || fetch('/api/reports/export?format=csv').then(r => r.text()).then(t => { window.__csv = t; window.__exp = null })) && !!window.__csv && window.__csv.includes('`+ref+`')`)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.eval(`window.__csv`), "\uFEFF"))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("export CSV: %v (%d rows)", err, len(rows))
	}
	col := slices.Index(rows[0], "channel")
	for _, row := range rows[1:] {
		if row[0] == ref && (col < 0 || row[col] != "phone") {
			t.Errorf("export: channel column %d, row %q", col, row)
		}
	}
	// At 390 px the form does not scroll sideways.
	b.do("phone width", chromedp.EmulateViewport(390, 844), chromedp.Navigate(k.url+"/calls/new"), chromedp.WaitVisible(chromedp.ID("call-form")))
	var sw, cw int
	fmt.Sscan(b.eval(`document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth`), &sw, &cw)
	if sw > cw {
		t.Errorf("the call form scrolls sideways at 390 px: %d > %d", sw, cw)
	}
}
