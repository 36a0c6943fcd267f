package routing

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// modelCatalogue is a small catalogue of our own: Ruritanian releases
// (europe) that name President Zorin and the port of Kelsberg, none of
// them a desk keyword, middle-east releases that name Rafah, and
// migration releases; every name in two releases or more. Prime Minister
// Halvorsen, the desk's own, speaks in every Rafah release and in one
// release of each other desk.
func modelCatalogue() *Catalogue {
	day := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	var rels []Release
	add := func(topics []string, title, body string) {
		n := len(rels)
		rels = append(rels, Release{ID: fmt.Sprintf("r%02d", n), Title: title, Topics: topics,
			URL: fmt.Sprintf("https://example.gov.uk/r%02d", n), Published: day.AddDate(0, 0, n), Body: body})
	}
	for i := range 4 {
		add([]string{"europe"}, fmt.Sprintf("Foreign Secretary meets President Zorin (%d)", i),
			"The Foreign Secretary met President Zorin in the capital. They discussed the port of Kelsberg, where President Zorin opened a new terminal, and the reform agenda.")
	}
	for i := range 3 {
		add([]string{"middle-east"}, fmt.Sprintf("Statement on the Rafah crossing (%d)", i),
			"The UK calls for the Rafah crossing to stay open. Aid must reach civilians through Rafah without delay, Prime Minister Halvorsen said.")
	}
	for i := range 3 {
		add([]string{"migration"}, fmt.Sprintf("Action against small boats (%d)", i),
			"New measures against people smuggling gangs. Crossings of the Channel fell this year.")
	}
	rels[0].Body += " Prime Minister Halvorsen welcomed the talks."
	rels[len(rels)-1].Body += " Prime Minister Halvorsen thanked the Border Force."
	return NewCatalogue(rels, time.UTC)
}

// TestTopicModelLearntFromCatalogue: with no release linked, names the
// catalogue uses under one topic give the enquiry that topic, and the
// reason names them and how many releases the topic was learnt from; in
// another language a name with a case ending meets the catalogue's; an
// English enquiry's common words teach nothing.
func TestTopicModelLearntFromCatalogue(t *testing.T) {
	cfg := testDesk(t)
	cat := modelCatalogue()
	topics := NewTopics(cfg)
	for _, c := range []struct {
		name string
		in   Input
		want string
		why  []string
	}{
		{"a name the catalogue files under europe", Input{Subject: "Question",
			NewText: "What did President Zorin tell the Foreign Secretary about Kelsberg?"},
			"europe", []string{`words `, `"zorin"`, `"kelsberg"`, "learnt from 4 releases"}},
		{"Rafah says middle-east", Input{Subject: "Crossing",
			NewText: "Is the crossing at Rafah open today?"},
			"middle-east", []string{`"rafah"`, "learnt from 3 releases"}},
		{"a Serbian case ending meets the catalogue's name", Input{Subject: "Pitanje", Language: "sr",
			NewText: "Šta je predsednik rekao Zorinu o luci Kelsbergu?"},
			"europe", []string{`"zorin" as "zorinu"`}},
		{"a Russian enquiry: the names in Cyrillic", Input{Subject: "Вопрос", Language: "ru",
			NewText: "Что сказал президент Зорин о порте Кельсберг?"},
			"europe", []string{`"zorin"`, `"kelsberg"`, `"president" as "prezident"`}},
		{"the desk's own Prime Minister, in releases of three desks, says none", Input{Subject: "Question",
			NewText: "Why did Prime Minister Halvorsen cancel his meeting with the Greek Prime Minister?"},
			"general", nil},
		{"an English word is not read as an inflected name", Input{Subject: "Question",
			NewText: "What did Zorinov say about it?"},
			"general", nil},
		{"no English name: the fallback, not a guess", Input{Subject: "Question",
			NewText: "Could you tell me more about the reform agenda and the new terminal?"},
			"general", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := topics.Choose(&c.in, Link{}, cat)
			if got.Topic != c.want {
				t.Errorf("topic %q (%s), want %q", got.Topic, got.Reason, c.want)
			}
			for _, w := range c.why {
				if !strings.Contains(got.Reason, w) {
					t.Errorf("reason %q does not say %q", got.Reason, w)
				}
			}
		})
	}
	// one model per catalogue snapshot, rebuilt for a new one
	m := topics.model(cat)
	if topics.model(cat) != m {
		t.Error("the model was rebuilt for the same catalogue")
	}
	if other := modelCatalogue(); topics.model(other) == m || topics.model(other).cat != other {
		t.Error("a new catalogue kept the old model")
	}
}

// BenchmarkTopicModel10k is the cost of learning the topic model from a
// catalogue of 10,000 releases (once per catalogue snapshot, on its first
// unlinked enquiry), and reports the model's size.
func BenchmarkTopicModel10k(b *testing.B) {
	r, _ := benchRouter(b, 10000)
	cat := r.Catalogue()
	b.ReportAllocs()
	var m *topicModel
	for b.Loop() {
		m = r.topics.buildModel(cat)
	}
	b.ReportMetric(float64(len(m.words)), "words")
	size := 16*len(m.row) + 4*len(m.weight) + len(m.name) + 8*len(m.releases)
	for _, w := range m.words {
		size += 16 + len(w)
	}
	b.ReportMetric(float64(size), "model-bytes")
}

// BenchmarkRouteUnlinked10k routes an enquiry no release fits (the learnt
// model speaks) against 10,000 releases.
func BenchmarkRouteUnlinked10k(b *testing.B) {
	r, in := benchRouter(b, 10000)
	in.Subject = "Rafah crossing"
	in.NewText = "Hello, is the Rafah crossing open today, and how many trucks went through with President Sisi's agreement? Thanks"
	in.Language = "en"
	if d := r.Route(in, in.Date, Load{}); d.Release != "" {
		b.Fatalf("linked %q", d.Release)
	}
	b.ReportAllocs()
	for b.Loop() {
		r.Route(in, in.Date, Load{})
	}
}

// TestTopicModelRegionNames: a name every release of which names a
// region's keyword says where the story is, not what it is about, and
// the model learns no other desk's topic from it — "Rome", "Palazzo
// Chigi", "Starmer" are in the Meloni releases only (migration first, all
// naming Italy, one of Europe's keywords), "the Channel" in small-boats
// releases too that name no region: a question on an unannounced visit
// to Rome is no migration question (mldev5 014), one on the Channel
// still is.
func TestTopicModelRegionNames(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	m := topics.model(cat)
	weight := func(word, topic string) float32 {
		ti := slices.IndexFunc(topics.topics, func(r topicRule) bool { return r.id == topic })
		id, ok := cat.idx.words[word]
		r, known := m.row[id]
		if !ok || !known || ti < 0 {
			return 0
		}
		return m.weight[int(r)*m.nt+ti]
	}
	for _, w := range []string{"rome", "chigi", "palazzo", "starmer", "giorgia"} {
		if v := weight(w, "migration"); v != 0 {
			t.Errorf("%q: migration %.2f, want none (a name of Italy's releases)", w, v)
		}
	}
	if weight("channel", "migration") == 0 {
		t.Error(`"channel": no migration`)
	}
	for _, c := range []struct{ subject, text, want string }{
		{"Lammy in Rome?", "We hear the Foreign Secretary is expected in Rome in the next few days, unannounced, for talks with Tajani and possibly at Palazzo Chigi. Can you confirm? If so, what is on the agenda: Ukraine, the Balkans, bilateral cooperation?", "europe"},
		{"Channel", "How many people crossed the Channel in small boats yesterday?", "migration"},
	} {
		in := Input{Subject: c.subject, NewText: c.text}
		if got := topics.Choose(&in, Link{}, cat); got.Topic != c.want {
			t.Errorf("%q: topic %q (%s), want %q", c.text, got.Topic, got.Reason, c.want)
		}
	}
}
