package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserNeedsMe: the officer lands on "Needs me"; the tab title
// counts what needs them; after they opt in with the button (a click: a
// user gesture), a new assignment raises a browser notification and its
// row is highlighted as it arrives live. The Notification API is replaced
// by a recorder in the page (headless Chromium shows no notifications):
// what is tested is that the page asks only on the click and notifies
// once per new assignment.
func TestBrowserNeedsMe(t *testing.T) {
	k := startDesk(t)
	k.deliver(enquiryMail("Needs me first", "needs-1"))
	first := k.refBySubject("Needs me first")
	eventually(t, "routed to bob", func() bool { return k.enquiry(first).Officer == "bob" })

	b := openTab(t, k)
	b.signIn("bob")
	b.do("home", chromedp.Navigate(k.url+"/"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	if p := b.eval(`location.pathname`); p != "/queues/needs" {
		t.Fatalf("landed on %s, want /queues/needs", p)
	}
	b.waitFor("the title counts one", `document.title.indexOf('(1) ') === 0`)
	b.waitFor("the opt-in button", `!!document.getElementById('notify-optin')`)
	if got := b.eval(`document.getElementById('notify-optin').textContent`); got != "Notify me" {
		t.Errorf("opt-in button reads %q", got)
	}
	b.eval(`(function () {
		window.__asked = 0; window.__notes = [];
		var N = function (title, o) { window.__notes.push(title + ' | ' + (o && o.body)); };
		N.permission = 'default';
		N.requestPermission = function () { window.__asked++; N.permission = 'granted'; return Promise.resolve('granted'); };
		window.Notification = N;
		return '';
	}())`)
	b.do("opt in", chromedp.Click(chromedp.ID("notify-optin")))
	b.waitFor("opted in", `document.getElementById('notify-optin').textContent === 'Notifications on'`)
	if got := b.eval(`String(window.__asked)`); got != "1" {
		t.Errorf("permission asked %s times", got)
	}

	k.deliver(enquiryMail("Needs me second", "needs-2"))
	second := k.refBySubject("Needs me second")
	b.waitFor("the title counts two", `document.title.indexOf('(2) ') === 0`)
	b.waitFor("a notification for the new assignment", `window.__notes.length > 0`)
	notes := b.eval(`window.__notes.join('\n')`)
	if !strings.Contains(notes, "Assigned to you: "+second+" | Needs me second") || strings.Contains(notes, first) {
		t.Errorf("notifications: %q", notes)
	}
	b.waitFor("the new row is highlighted", `!!document.querySelector('#queue-table tr[data-ref="`+second+`"].fresh')`)

	// The count is the queues' and the enquiries' (attention.js runs
	// there only): an enquiry's title counts, other pages keep theirs.
	b.do("an enquiry", chromedp.Navigate(k.url+"/enquiries/"+second), chromedp.WaitVisible(chromedp.ID("thread")))
	b.waitFor("the enquiry's title counts two", `document.title.indexOf('(2) ') === 0`)
	for _, p := range []struct{ path, wait string }{{"/releases", "releases"}, {"/search?q=needs", "search-form"}, {"/calls/new", "call-form"}} {
		b.do(p.path, chromedp.Navigate(k.url+p.path), chromedp.WaitVisible(chromedp.ID(p.wait)))
		if got := b.eval(`document.querySelectorAll('script[src="/static/attention.js"]').length + ' ' + document.title + ' ' + !!document.getElementById('notify-optin')`); !strings.HasPrefix(got, "0 ") || strings.HasPrefix(got, "0 (") || strings.HasSuffix(got, "true") {
			t.Errorf("%s: attention.js scripts, title, opt-in button: %q", p.path, got)
		}
	}
}
