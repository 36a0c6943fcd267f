package web

import (
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/mailparse"
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

// TestQueueNamesLanguage: a row's language code carries the language's
// name ("German (de)") for people who do not read codes.
func TestQueueNamesLanguage(t *testing.T) {
	f := newFixture(t)
	m := &mailparse.Message{MessageID: "de@faz.example", From: mailparse.Address{Addr: "k@faz.example"}, Subject: "Besuch in Tirana",
		Date: f.clock.Now(), Text: "Wann?", NewText: "Wann?", Size: 10}
	f.commit(m, &store.NewEnquiry{Topic: "europe", Officer: "ann", Policy: "standard", Lang: "de"})
	page := f.client().loginAs("ann").get("/queues/open").Body.String()
	if !strings.Contains(page, `<span class="lang" title="German (de): the language the journalist wrote in">de</span>`) {
		t.Error("the queue does not name the language of the German enquiry")
	}
}
