package routing

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRoute routes hostile text (any bytes, invalid UTF-8, odd Unicode,
// URLs, figures, dates) through the whole router: linking, topics,
// deadline and rota. Whatever the input, routing must not panic, must give
// a score in [0,1], a known topic, an officer, and the same decision twice
// (Route borrows pooled buffers, so a buffer left dirty would show here).
func FuzzRoute(f *testing.F) {
	for _, s := range []struct{ subject, text, url string }{
		{"Ruritania returns agreement", "Your release says 40 officers. Where will they be based? Deadline 4pm today.", "https://www.gov.uk/government/news/uk-and-ruritania-sign-returns-agreement?utm_source=x"},
		{"Re: [FCDO-2024-000123] flights", "Any update? By 9.30pm Thursday please.", ""},
		{"\xff\xfe\x00", "\u0130\u0131 \u212a \ufb01 ß İSTANBUL £10m 12:00 CET", "http://[::1]:80/%zz"},
		{"", strings.Repeat("evacuation flights British nationals ", 50), "gov.uk/"},
		{"Besuch in Bagdad", "Wird der Außenminister außerhalb der Bürozeiten nach Bagdad reisen? Abschiebung, z.B. Tiranës, الطيران, πολεμικά πλοία, jashtë orarit", ""},
	} {
		f.Add(s.subject, s.text, s.url, int64(1710230400))
	}
	r := testRouter(f)
	valid := map[string]bool{}
	for _, tp := range testDesk(f).Topics {
		valid[tp.ID] = true
	}
	f.Fuzz(func(t *testing.T, subject, text, url string, unix int64) {
		date := time.Unix(unix%(1<<34), 0).UTC()
		// the language as the detector might tell it, so the readings of
		// other languages (vocabularies, phrases, names by spelling) are
		// fuzzed too
		langs := [...]string{"", "en", "de", "el", "ar", "sq", "ru", "tr"}
		in := Input{From: "jo@wire.example", Subject: subject, NewText: text, QuotedText: text[len(text)/2:],
			URLs: []string{url}, Date: date, Language: langs[uint64(unix)%uint64(len(langs))]}
		d := r.Route(in, date, Load{})
		if d.ReleaseScore < 0 || d.ReleaseScore > 1 {
			t.Errorf("score %v outside [0,1]", d.ReleaseScore)
		}
		if !valid[d.Topic] {
			t.Errorf("topic %q is not a desk topic", d.Topic)
		}
		if d.Officer == "" {
			t.Errorf("no officer")
		}
		// The parser hands routing valid UTF-8; from valid text, valid reasons.
		if utf8.ValidString(subject+text) && (!utf8.ValidString(d.DeadlinePhrase) || !utf8.ValidString(d.TopicReason)) {
			t.Errorf("invalid UTF-8 in reasons: %q %q", d.DeadlinePhrase, d.TopicReason)
		}
		if again := r.Route(in, date, Load{}); !reflect.DeepEqual(again, d) {
			t.Errorf("routing twice differs:\n%+v\n%+v", d, again)
		}
	})
}
