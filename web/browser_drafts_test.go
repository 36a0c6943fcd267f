package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDraftSurvivesNoteAndReload: Bob (who has the enquiry) is
// half-way through a reply; Ann, in a second browser, sees that he is
// drafting and adds a note; Bob's banner says what changed, and Reload
// brings the page back with his draft in the reply box (saved on the
// server, not in the browser). Ann is shown to Bob as viewing.
func TestBrowserDraftSurvivesNoteAndReload(t *testing.T) {
	k := startDesk(t)
	k.deliver(enquiryMail("Draft survives", "draft-1"))
	ref := k.refBySubject("Draft survives")
	// The rota gives it to bob.
	eventually(t, "routed to bob", func() bool { return k.enquiry(ref).Officer == "bob" })

	bob := openTab(t, k)
	bob.signIn("bob")
	bob.do("bob opens the enquiry", chromedp.Navigate(k.url+"/enquiries/"+ref), chromedp.WaitVisible(chromedp.ID("reply-body")))
	const draft = "Dear Jo, the Foreign Secretary agreed"
	bob.do("bob types", chromedp.Click(chromedp.ID("kind-substantive")), chromedp.SendKeys(chromedp.ID("reply-body"), draft))
	bob.waitFor("the draft is saved", `document.getElementById('draft-status').textContent === 'Draft saved.'`)

	ann := openTab(t, k)
	ann.signIn("ann")
	ann.do("ann opens the enquiry", chromedp.Navigate(k.url+"/enquiries/"+ref), chromedp.WaitVisible(chromedp.ID("note-text")))
	ann.waitFor("ann sees bob drafting", `!document.getElementById('presence').hidden && document.getElementById('presence').textContent === 'Bob Officer is drafting a reply'`)
	bob.waitFor("bob sees ann arrive (live)", `document.getElementById('presence').textContent === 'Ann Officer is viewing'`)
	ann.do("ann adds a note", chromedp.SendKeys(chromedp.ID("note-text"), "Jo rang as well"), chromedp.Click(chromedp.ID("add-note")),
		chromedp.WaitVisible(chromedp.ID("flash")))

	bob.waitFor("the banner says what changed", `!document.getElementById('stale').hidden && document.getElementById('stale-what').textContent.indexOf('note added by Ann Officer') >= 0`)
	if s := bob.eval(`document.getElementById('stale').textContent`); !strings.Contains(s, "draft reply is saved") {
		t.Errorf("the banner does not say the draft is kept: %q", s)
	}
	// Bob types a little more just before reloading: Reload saves it first.
	bob.do("bob types more", chromedp.SendKeys(chromedp.ID("reply-body"), " to work together"))
	bob.do("bob reloads", chromedp.Click(chromedp.ID("stale-reload")))
	bob.waitFor("the page reloaded with the note", `document.getElementById('stale') && document.getElementById('stale').hidden && document.querySelector('#timeline').textContent.indexOf('Jo rang as well') >= 0`)
	bob.waitFor("the draft is back", `document.getElementById('reply-body').value === `+jsString(draft+" to work together"))
	if got := bob.eval(`document.getElementById('kind-substantive').checked ? 'substantive' : 'holding'`); got != "substantive" {
		t.Errorf("the kind of reply came back as %s", got)
	}
	if got := bob.eval(`document.getElementById('draft-status').textContent`); !strings.HasPrefix(got, "Draft restored") {
		t.Errorf("draft status after reload: %q", got)
	}
	bob.waitFor("bob sees ann viewing", `document.getElementById('presence').textContent === 'Ann Officer is viewing'`)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`)
	return "'" + r.Replace(s) + "'"
}
