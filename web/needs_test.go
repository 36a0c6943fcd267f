package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestNeedsMe: everyone lands on "Needs me"; it holds the user's own
// enquiries, the unassigned ones on their desks and those about to breach
// on their desks, and not a colleague's quiet one; /attention gives the
// count for the tab title and the lists notifications are made from.
func TestNeedsMe(t *testing.T) {
	f := newFixture(t)
	mine := f.plain("Mine", "ann")
	unassigned := f.plain("Nobody's", "")
	colleague := f.plain("Bob's quiet one", "bob")
	f.clock.Advance(5 * time.Minute)
	// Bob's second one is created 5 minutes later, so its acknowledge
	// clock is not yet about to breach when the first ones' are.
	later := f.plain("Bob's later one", "bob")
	f.clock.Advance(2 * time.Minute) // the first three are 7 of 15 minutes in: not warning yet

	ann := f.client().loginAs("ann")
	if rec := ann.get("/"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/queues/needs" {
		t.Fatalf("home: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	refsIn := func(html string) map[string]bool {
		got := map[string]bool{}
		for _, ref := range []string{mine, unassigned, colleague, later} {
			if strings.Contains(html, `data-ref="`+ref+`"`) {
				got[ref] = true
			}
		}
		return got
	}
	page := ann.get("/queues/needs")
	if page.Code != 200 {
		t.Fatalf("needs: %d", page.Code)
	}
	got := refsIn(page.Body.String())
	if !got[mine] || !got[unassigned] || got[colleague] || got[later] {
		t.Errorf("needs me before any warning: %v (mine %s, unassigned %s, bob's %s, %s)", got, mine, unassigned, colleague, later)
	}
	if !strings.Contains(page.Body.String(), `id="tab-needs"`) {
		t.Error("no Needs me tab")
	}
	attn := func(c *client) attention {
		t.Helper()
		rec := c.get("/attention")
		if rec.Code != 200 {
			t.Fatalf("attention: %d %s", rec.Code, rec.Body.String())
		}
		var a attention
		if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := attn(ann)
	if a.Count != 2 || len(a.Mine) != 1 || a.Mine[0].Ref != mine || len(a.Warnings) != 0 {
		t.Errorf("attention before any warning: %+v", a)
	}

	// 8 minutes in (of 15, warned 15 before due but not before half-way:
	// from 7.5 minutes), the first three are about to breach: bob's
	// quiet one now needs ann too, bob's later one does not.
	f.clock.Advance(time.Minute)
	got = refsIn(ann.get("/queues/needs").Body.String())
	if !got[mine] || !got[unassigned] || !got[colleague] || got[later] {
		t.Errorf("needs me with warnings: %v", got)
	}
	a = attn(ann)
	if a.Count != 3 || len(a.Warnings) != 3 {
		t.Errorf("attention with warnings: count %d, warnings %+v", a.Count, a.Warnings)
	}
	for _, w := range a.Warnings {
		if w.State != "warning" {
			t.Errorf("warning %s: state %q", w.Ref, w.State)
		}
	}
	// A resolved one leaves.
	if _, err := f.st.Resolve(f.ctx, mine, "ann", "done"); err != nil {
		t.Fatal(err)
	}
	if a := attn(ann); a.Count != 2 || len(a.Mine) != 0 {
		t.Errorf("after resolving: %+v", a)
	}
}

// TestNeedsMeDesks: an officer whose topics do not cover an enquiry's
// topic does not get its unassigned or warning enquiries, unless a shift
// they are on now takes that topic.
func TestNeedsMeDesks(t *testing.T) {
	f := newFixture(t)
	ref := f.plain("Europe, nobody's", "")
	u := &User{ID: "ann"}
	r := f.srv.newRow(f.enquiry(ref), f.clock.Now())
	if !needsMe(u, r, func(string) bool { return true }) {
		t.Error("unassigned on my desk: not needed")
	}
	if needsMe(u, r, func(string) bool { return false }) {
		t.Error("unassigned on another desk: needed")
	}
	// The test desk: ann covers every topic ("*"), and is on the duty desk.
	if !f.srv.desks(u, f.clock.Now())("europe") {
		t.Error("ann's desks do not include europe")
	}
	// An unknown user covers nothing and is on no shift.
	if f.srv.desks(&User{ID: "nobody"}, f.clock.Now())("europe") {
		t.Error("a user with no officer entry has desks")
	}
	// Root (admin, no topics) is not on the rota either.
	if f.srv.desks(&User{ID: "root"}, f.clock.Now())("europe") {
		t.Error("root has desks")
	}
}
