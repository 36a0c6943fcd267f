package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserBulkClaim: on the queue x selects rows (as in Gmail) and
// "Claim selected" takes them over together; a row's own Claim button
// claims that one; neither reloads the page, and the rows show the new
// officer.
func TestBrowserBulkClaim(t *testing.T) {
	k := startDeskWith(t, triageDesk, []string{"ann", "bob", "meg", "ada"})
	b := openTab(t, k)
	for i, s := range []string{"Bulk one", "Bulk two", "Bulk three"} {
		k.deliver(enquiryMail(s, fmt.Sprintf("bulk-%d", i)))
		k.refBySubject(s)
	}
	b.signIn("ann")
	b.do("queue", chromedp.EmulateViewport(1440, 900), chromedp.Navigate(k.url+"/queues/open"), chromedp.WaitVisible(chromedp.ID("queue-table")))
	b.waitFor("three rows with their checkboxes", `document.querySelectorAll('#queue-table tbody tr input.pick').length === 3`)
	order := strings.Split(b.eval(`[...document.querySelectorAll('#queue-table tbody tr')].map(r => r.dataset.ref).join(' ')`), " ")
	b.eval(`window.notReloaded = true; ''`)

	b.press('j')
	b.press('x')
	b.press('j')
	b.press('x')
	if got := b.eval(`[...document.querySelectorAll('input.pick')].filter(c => c.checked).map(c => c.closest('tr').dataset.ref).join(' ')`); got != order[0]+" "+order[1] {
		t.Fatalf("x picked %q, want %s %s", got, order[0], order[1])
	}
	if got := b.eval(`(b => b.hidden ? 'hidden' : b.textContent)(document.getElementById('claim-selected'))`); got != "Claim selected (2)" {
		t.Fatalf("the bulk button reads %q", got)
	}
	b.do("claim selected", chromedp.Click(chromedp.ID("claim-selected")))
	eventually(t, "both claimed", func() bool {
		return k.enquiry(order[0]).Officer == "ann" && k.enquiry(order[1]).Officer == "ann"
	})
	b.waitFor("the rows show it", `[...document.querySelectorAll('#queue-table tbody tr')].filter(r => r.querySelector('td.officer').textContent === 'Ann Officer').length === 2 && document.getElementById('claim-selected').hidden`)
	if e := k.enquiry(order[2]); e.Officer == "ann" {
		t.Errorf("the unselected %s was claimed too", order[2])
	}

	// The third row's own button.
	b.do("row claim", chromedp.Click(chromedp.CSS(`tr[data-ref="`+order[2]+`"] button.row-claim`)))
	eventually(t, "the row's button claims", func() bool { return k.enquiry(order[2]).Officer == "ann" })
	b.waitFor("its row shows it", `document.querySelector('tr[data-ref="`+order[2]+`"] td.officer').textContent === 'Ann Officer'`)
	if got := b.eval(`String(window.notReloaded === true)`); got != "true" {
		t.Error("the page reloaded")
	}
}
