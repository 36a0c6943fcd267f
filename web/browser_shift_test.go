package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mediadesk/mediadesk/outbound"
	"github.com/mediadesk/mediadesk/store"
)

// TestBrowserKeyboardShift walks a shift by keyboard only, once signed
// in: from the queue j selects the enquiry and Enter opens it (at 1440 px
// in the reading pane beside the queue); c takes it over (confirmed); h
// starts a holding reply, typed and sent by Tab and Enter; the reply
// reaches the SMTP sink threaded and is recorded as Ann's holding reply
// (the page names her as its sender); e and Enter resolve it.
func TestBrowserKeyboardShift(t *testing.T) {
	k := startDeskWith(t, triageDesk, []string{"ann", "bob", "meg", "ada"})
	b := openTab(t, k)
	k.deliver(enquiryMail("Shift question", "shift-1"))
	ref := k.refBySubject("Shift question")
	b.signIn("ann")
	b.do("queue", chromedp.EmulateViewport(1440, 900), chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	b.waitFor("the row", `document.querySelectorAll('#queue-table tbody tr').length === 1`)

	b.press('j')
	if got := b.eval(selectedRef); got != ref {
		t.Fatalf("j selects %q, want %s", got, ref)
	}
	b.press('\r')
	b.waitFor("Enter opens", `!!document.getElementById('ref') && document.getElementById('ref').textContent === '`+ref+`' && !!document.getElementById('claim')`)
	b.press('c')
	b.waitFor("c takes it over", `!!document.getElementById('officer') && document.getElementById('officer').textContent === 'Ann Officer' && !!document.getElementById('reply-body')`)

	b.press('h')
	if got := b.eval(`document.activeElement.id + ' ' + document.getElementById('kind-holding').checked`); got != "reply-body true" {
		t.Fatalf("h focuses %q", got)
	}
	const text = "Thank you: we are looking into this and will answer before your deadline."
	b.key(text)
	for i := 0; i < 6 && b.eval(`document.activeElement.id`) != "send-reply"; i++ {
		b.press('\t')
	}
	if got := b.eval(`document.activeElement.id`); got != "send-reply" {
		t.Fatalf("Tab from the reply box does not reach Send (focus on %q)", got)
	}
	b.press('\r')
	b.waitFor("sent", `!!document.getElementById('pane-flash') && document.getElementById('pane-flash').textContent.indexOf('Reply queued') === 0`)
	if got := b.eval(`location.pathname`); got != "/queues/open" {
		t.Errorf("the reply was sent from %s, want the queue's reading pane", got)
	}

	var reply *outbound.Received
	eventually(t, "the reply reaches the SMTP sink", func() bool {
		for _, m := range k.sink.Messages() {
			if len(m.To) == 1 && m.To[0] == "jo@bbc.co.uk" && strings.Contains(strings.ReplaceAll(string(m.Data), "\r\n", " "), "we are looking into this") {
				reply = &m
				return true
			}
		}
		return false
	})
	if !strings.Contains(reply.Header("Subject"), ref) || reply.Header("In-Reply-To") != "<shift-1@bbc.co.uk>" {
		t.Errorf("reply subject %q, in-reply-to %q", reply.Header("Subject"), reply.Header("In-Reply-To"))
	}
	eventually(t, "Ann's holding reply recorded", func() bool {
		return k.timelineHas(ref, "response", "ann", "holding") && !k.enquiry(ref).Clocks[store.ClockAcknowledge].Met.IsZero()
	})
	b.do("reload", chromedp.Navigate(k.url+"/enquiries/"+ref), chromedp.WaitVisible(chromedp.ID("thread")))
	if got := b.eval(`[...document.querySelectorAll('.message.out .sent-by')].map(e => e.textContent).join(',')`); !strings.Contains(got, "Ann Officer") {
		t.Errorf("the desk reply's sender shows as %q, want Ann Officer", got)
	}

	b.press('e')
	if got := b.eval(`document.activeElement.id`); got != "resolve-note" {
		t.Fatalf("e focuses %q", got)
	}
	b.key("Holding reply sent; answered by phone.")
	b.press('\r')
	b.waitFor("resolved", `!!document.getElementById('status') && document.getElementById('status').textContent === 'resolved'`)
	if e := k.enquiry(ref); e.Status != store.StatusResolved || e.Officer != "ann" {
		t.Errorf("after e, Enter: status %s, officer %q", e.Status, e.Officer)
	}
}
