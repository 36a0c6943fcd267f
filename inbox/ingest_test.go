package inbox

import (
	"context"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/store"
)

// leastLoaded assigns each new message to whichever of a and b has fewer
// open enquiries (a on ties).
type leastLoaded struct{}

func (leastLoaded) Officers() []string       { return []string{"a", "b"} }
func (leastLoaded) Own(string) bool          { return false }
func (leastLoaded) Route(in *store.Incoming) { in.New = &store.NewEnquiry{Topic: "general"} }
func (leastLoaded) Assign(in *store.Incoming, load *store.Load) {
	o := "a"
	if load.Open["b"] < load.Open["a"] {
		o = "b"
	}
	in.New.Officer = o
	load.Open[o]++
}

// TestPreparedBatchesCountInTheLoad prepares a batch while the previous
// one is not committed yet (as the worker's pipeline does): its
// assignments must count, or the next batch would pile onto the same
// officer.
func TestPreparedBatchesCountInTheLoad(t *testing.T) {
	h := newHarness(t, nil)
	ing := &Ingest{Store: h.store, Router: leastLoaded{}, WarnBefore: time.Minute}
	f := Folder{Mailbox: "desk", Name: "INBOX", UIDValidity: 1}
	fetched := func(from, n int) []Fetched {
		var out []Fetched
		for i := from; i < from+n; i++ {
			out = append(out, Fetched{UID: uint32(i), InternalDate: time.Now(), Raw: mail(i, "jo@bbc.co.uk", "q")})
		}
		return out
	}
	ctx := context.Background()
	p1, err := ing.Prepare(ctx, f, fetched(1, 3)) // a, b, a
	if err != nil {
		t.Fatal(err)
	}
	p2, err := ing.Prepare(ctx, f, fetched(4, 1)) // b: a already has 2 pending
	if err != nil {
		t.Fatal(err)
	}
	if got := p2.(*prepared).ins[0].New.Officer; got != "b" {
		t.Errorf("second batch went to %s, want b", got)
	}
	if _, err := ing.Commit(ctx, p1); err != nil {
		t.Fatal(err)
	}
	ing.Discard(p2) // never committed
	if len(ing.pending) != 0 {
		t.Errorf("pending left after commit and discard: %v", ing.pending)
	}
	load, _ := h.store.Load(ctx, []string{"a", "b"})
	if load.Open["a"] != 2 || load.Open["b"] != 1 {
		t.Errorf("committed load %v", load.Open)
	}
}
