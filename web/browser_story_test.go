package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mediadesk/mediadesk/releases"
	"github.com/mediadesk/mediadesk/releases/release"
	"github.com/mediadesk/mediadesk/store"
)

// TestBrowserStoryAnswer (the bulk answer of issue 12 item 7): a manager approves a line to take on the release
// page; an officer ticks three enquiries about the release (from three
// journalists) on the same page and sends the line; the SMTP sink gets
// three replies, each In-Reply-To and References its own journalist's
// message, and each enquiry records the reply and meets its clocks.
func TestBrowserStoryAnswer(t *testing.T) {
	k := startDesk(t)
	const rel = "fcdo-2023-10-16-albania"
	line := "The UK and Albania are working closely together to tackle illegal migration."
	key := releases.LineKey(line)
	ids := map[string]string{} // ref → Message-ID of the journalist's mail
	var refs []string
	for _, n := range []string{"one", "two", "three"} {
		m := enquiryMail("Albania story "+n, "story-"+n)
		m = strings.Replace(m, "Jo Reporter <jo@bbc.co.uk>", "Reporter "+n+" <"+n+"@bbc.co.uk>", 1)
		k.deliver(m)
	}
	for _, n := range []string{"one", "two", "three"} {
		ref := k.refBySubject("Albania story " + n)
		eventually(t, ref+" linked to the release", func() bool { return k.enquiry(ref).Release == rel })
		ids[ref] = "story-" + n + "@bbc.co.uk"
		refs = append(refs, ref)
	}

	meg := openTab(t, k)
	meg.signIn("meg")
	meg.do("approve the line", chromedp.Navigate(k.url+"/releases/"+rel), chromedp.WaitVisible(chromedp.ID("line-states")),
		chromedp.Click(chromedp.ID("approve-"+key)), chromedp.WaitVisible(chromedp.ID("line-history")))
	if got := meg.eval(`document.querySelector('[data-line="` + key + `"]').dataset.state`); got != "approved" {
		t.Fatalf("after approval the line is %q", got)
	}

	bob := openTab(t, k) // the duty officer: the enquiries are his
	bob.signIn("bob")
	bob.do("open the release", chromedp.Navigate(k.url+"/releases/"+rel), chromedp.WaitVisible(chromedp.ID("bulk-form")))
	if n := bob.eval(`String(document.querySelectorAll('#bulk-send input[name=line]').length)`); n != "1" {
		t.Fatalf("the officer is offered %s lines, want only the approved one", n)
	}
	// At 390 px the page with its enquiries does not scroll sideways.
	for _, tab := range []*browserTab{bob, meg} {
		tab.do("phone width", chromedp.EmulateViewport(390, 844), chromedp.Navigate(k.url+"/releases/"+rel), chromedp.WaitVisible(chromedp.ID("story-open")))
		if got := tab.eval(`String(document.documentElement.scrollWidth - document.documentElement.clientWidth)`); got != "0" {
			t.Errorf("the release page scrolls sideways at 390 px by %s px", got)
		}
		tab.do("wide", chromedp.EmulateViewport(1440, 900), chromedp.Navigate(k.url+"/releases/"+rel), chromedp.WaitVisible(chromedp.ID("story-open")))
	}
	for _, ref := range refs {
		bob.do("tick "+ref, chromedp.Click(chromedp.ID("pick-"+ref)))
	}
	bob.do("send", chromedp.Click(chromedp.ID("send-line-"+key)), chromedp.Click(chromedp.ID("bulk-submit")))
	// The page before the post has the same panels: wait for the answer's
	// flash itself, not for an element both pages show.
	bob.waitFor("the flash after sending", `!!document.querySelector('.flash')`)
	if flash := bob.eval(`document.querySelector('.flash').textContent`); !strings.Contains(flash, "Replies queued") {
		t.Errorf("flash after sending: %q", flash)
	}

	var replies []string
	eventually(t, "three replies at the SMTP sink", func() bool {
		replies = replies[:0]
		for _, m := range k.sink.Messages() {
			if m.Parsed != nil && strings.Contains(m.Parsed.Text, line) {
				replies = append(replies, m.Parsed.Subject)
			}
		}
		return len(replies) >= 3
	})
	seen := map[string]bool{}
	for _, m := range k.sink.Messages() {
		p := m.Parsed
		if p == nil || !strings.Contains(p.Text, line) {
			continue
		}
		var ref string
		for r := range ids {
			if strings.Contains(p.Subject, r) {
				ref = r
			}
		}
		if ref == "" || seen[ref] || len(p.InReplyTo) != 1 || p.InReplyTo[0] != ids[ref] ||
			len(p.References) == 0 || p.References[len(p.References)-1] != ids[ref] || !strings.Contains(p.Text, "Bob Officer") {
			t.Errorf("reply %q to %v: In-Reply-To %v References %v", p.Subject, m.To, p.InReplyTo, p.References)
		}
		seen[ref] = true
	}
	if len(seen) != 3 {
		t.Fatalf("replies for %v (%d mails)", seen, len(replies))
	}
	// The outbox records a sent reply in two steps (the message on the
	// timeline, then the response that meets the clocks): both are waited for.
	for _, ref := range refs {
		eventually(t, ref+" records bob's reply and meets its first response", func() bool {
			tl, err := k.st.Timeline(context.Background(), ref)
			for _, ev := range tl {
				if err == nil && ev.By == "bob" && strings.Contains(ev.Text, "reply sent to") {
					return !k.enquiry(ref).Clocks[store.ClockFirstResponse].Met.IsZero()
				}
			}
			return false
		})
	}
}

// approveLines approves every line to take of every release, as by, for
// a day.
func (k *liveDesk) approveLines(by string) {
	k.t.Helper()
	ctx := context.Background()
	rel := k.st.Namespace("releases", "release:")
	st := releases.NewStore(rel.Client(), rel.Prefix())
	var all []release.Release
	eventually(k.t, "the release catalogue in Redis", func() bool {
		all, _, _ = st.All(ctx)
		return len(all) > 0
	})
	now := time.Now()
	for _, r := range all {
		for _, l := range r.LinesToTake {
			if _, err := st.ApproveLine(ctx, r.ID, releases.LineKey(l), by, now, now.Add(24*time.Hour)); err != nil {
				k.t.Fatal(err)
			}
		}
	}
}
