package store

import (
	"strings"
	"testing"
)

// TestKeySpace: a key space builds names under its own roots only, and
// the events stream's key is the store's.
func TestKeySpace(t *testing.T) {
	s := New(nil, Options{Prefix: "{t}:"})
	ks := s.Namespace("outbox", "alerts:")
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"outbox", true},
		{"outbox:job:a", true},
		{"alerts:due", true},
		{"outboxes", false},
		{"alerts", false},
		{"enq:FCDO-1", false},
		{"", false},
	} {
		func() {
			defer func() {
				r := recover()
				if (r == nil) != tc.ok {
					t.Errorf("Key(%q): panic %v, want ok %v", tc.name, r, tc.ok)
				}
				if r != nil && !strings.Contains(r.(string), "outside the key space") {
					t.Errorf("Key(%q): panic %v does not say why", tc.name, r)
				}
			}()
			if got := ks.Key(tc.name); got != "{t}:"+tc.name {
				t.Errorf("Key(%q) = %q", tc.name, got)
			}
		}()
	}
	if ks.Prefix() != "{t}:" {
		t.Errorf("Prefix %q", ks.Prefix())
	}
	if _, k := s.EventStream(); k != "{t}:events" {
		t.Errorf("EventStream key %q", k)
	}
}
