package web

import (
	"testing"

	"github.com/mediadesk/mediadesk/store"
)

// TestFilterLang: the queue's ?lang= filter keeps the enquiries in that
// language; "none" those of unknown language; empty keeps all.
func TestFilterLang(t *testing.T) {
	rows := []row{{E: &store.Enquiry{Ref: "A", Lang: "de"}}, {E: &store.Enquiry{Ref: "B", Lang: "sq"}},
		{E: &store.Enquiry{Ref: "C"}}, {E: &store.Enquiry{Ref: "D", Lang: "de"}}}
	for _, c := range []struct{ lang, want string }{
		{"", "ABCD"}, {"de", "AD"}, {"DE", "AD"}, {"sq", "B"}, {"none", "C"}, {"fr", ""},
	} {
		got := ""
		for _, r := range filterLang(rows, c.lang) {
			got += r.E.Ref
		}
		if got != c.want {
			t.Errorf("lang %q: %q, want %q", c.lang, got, c.want)
		}
	}
	if len(rows) != 4 || rows[1].E.Ref != "B" {
		t.Error("filtering changed the queue's rows")
	}
}
