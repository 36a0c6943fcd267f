package web

import (
	"strings"
	"testing"
)

// TestQueueOpenCache: the queue's in-memory open enquiries follow every
// change through the events stream (a resolve leaves, a reassignment
// shows, a new one arrives), and after the stream was trimmed past the
// last event applied they are read again in full.
func TestQueueOpenCache(t *testing.T) {
	f := newFixture(t)
	a, b := f.plain("Cache one", "ann"), f.plain("Cache two", "ann")
	c := f.client().loginAs("ann")
	count := func() string {
		body := c.get("/queues/open").Body.String()
		i := strings.Index(body, `id="tab-open">All open <span class="count">`)
		if i < 0 {
			t.Fatalf("no open tab count in %.300s", body)
		}
		rest := body[i+len(`id="tab-open">All open <span class="count">`):]
		return rest[:strings.Index(rest, "<")]
	}
	if got := count(); got != "2" {
		t.Fatalf("open %s, want 2", got)
	}
	if _, err := f.st.Resolve(f.ctx, a, "ann", "done"); err != nil {
		t.Fatal(err)
	}
	if got := count(); got != "1" {
		t.Errorf("after a resolve: open %s, want 1", got)
	}
	if _, err := f.st.Assign(f.ctx, b, "bob", "ann", "", "cover"); err != nil {
		t.Fatal(err)
	}
	if body := c.get("/queues/open").Body.String(); !strings.Contains(body, `data-ref="`+b+`" data-officer="bob"`) {
		t.Error("the reassignment does not show")
	}
	f.plain("Cache three", "")
	if got := count(); got != "2" {
		t.Errorf("after a new one: open %s, want 2", got)
	}
	// A change whose event was trimmed away before we saw it: the
	// stream no longer reaches our position, so all is read again.
	if _, err := f.st.Resolve(f.ctx, b, "bob", "done"); err != nil {
		t.Fatal(err)
	}
	if err := f.rdb.XTrimMaxLen(f.ctx, f.st.Prefix()+"events", 0).Err(); err != nil {
		t.Fatal(err)
	}
	f.plain("Cache four", "")
	if got := count(); got != "2" {
		t.Errorf("after the stream was trimmed: open %s, want 2 (three and four)", got)
	}
}
