package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

func sample() *Index {
	x := New()
	x.Put(Doc{Ref: "FCDO-2026-000001", Subject: "Albania visit", Text: "What was agreed in Tirana?", Journalist: "jo@bbc.co.uk Jo Reporter",
		Outlet: "BBC", Topic: "europe", Officer: "ann", Tier: "broadcast", Status: "open", Lang: "en", Created: t0, Updated: t0})
	x.Put(Doc{Ref: "FCDO-2026-000002", Subject: "Sanctions", Text: "Any comment on the new sanctions?", Journalist: "blerina@example.al Blerina Çela",
		Outlet: "Top Channel", Topic: "europe", Officer: "bob", Tier: "international", Status: "resolved", Channel: "phone", Lang: "sq",
		Created: t0.Add(time.Hour), Updated: t0.Add(3 * time.Hour)})
	x.Put(Doc{Ref: "FCDO-2026-000003", Subject: "Visa backlog", Text: "How many visas are waiting? Tirana office too?", Journalist: "sam@ft.com",
		Outlet: "FT", Topic: "home", Officer: "ann", Tier: "national", Status: "open", Created: t0.Add(2 * time.Hour), Updated: t0.Add(2 * time.Hour)})
	return x
}

func refs(r Result) []string {
	var out []string
	for _, d := range r.Docs {
		out = append(out, d.Ref)
	}
	return out
}

func TestSearch(t *testing.T) {
	x := sample()
	for _, tc := range []struct {
		name string
		q    Query
		want []string
	}{
		{"word in text", Query{Text: "tirana"}, []string{"FCDO-2026-000003", "FCDO-2026-000001"}},
		{"two words, all must match", Query{Text: "Tirana visas"}, []string{"FCDO-2026-000003"}},
		{"reference", Query{Text: "fcdo-2026-000002"}, []string{"FCDO-2026-000002"}},
		{"reference number alone", Query{Text: "000002"}, []string{"FCDO-2026-000002"}},
		{"journalist address", Query{Text: "jo@bbc.co.uk"}, []string{"FCDO-2026-000001"}},
		{"journalist name with accent", Query{Text: "Çela"}, []string{"FCDO-2026-000002"}},
		{"outlet", Query{Text: "FT"}, []string{"FCDO-2026-000003"}},
		{"subject", Query{Text: "backlog"}, []string{"FCDO-2026-000003"}},
		{"no match", Query{Text: "tirana nosuchword"}, nil},
		{"filter only", Query{Officer: "ann"}, []string{"FCDO-2026-000003", "FCDO-2026-000001"}},
		{"channel", Query{Channel: "phone"}, []string{"FCDO-2026-000002"}},
		{"language", Query{Lang: "sq"}, []string{"FCDO-2026-000002"}},
		{"language and word", Query{Text: "tirana", Lang: "en"}, []string{"FCDO-2026-000001"}},
		{"language not told", Query{Lang: LangNone}, []string{"FCDO-2026-000003"}},
		{"language nobody wrote in", Query{Lang: "de"}, nil},
		{"status and topic", Query{Status: "open", Topic: "europe"}, []string{"FCDO-2026-000001"}},
		{"tier", Query{Tier: "national"}, []string{"FCDO-2026-000003"}},
		{"dates", Query{From: t0.Add(30 * time.Minute), To: t0.Add(90 * time.Minute)}, []string{"FCDO-2026-000002"}},
		{"oldest first", Query{Sort: SortOldest}, []string{"FCDO-2026-000001", "FCDO-2026-000002", "FCDO-2026-000003"}},
		{"updated first", Query{Sort: SortUpdated}, []string{"FCDO-2026-000002", "FCDO-2026-000003", "FCDO-2026-000001"}},
		{"limit", Query{Limit: 1}, []string{"FCDO-2026-000003"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := refs(x.Search(tc.q)); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	if r := x.Search(Query{Limit: 1}); r.Total != 3 {
		t.Errorf("total %d with a limit of 1, want 3", r.Total)
	}
}

// TestSearchUpdates: replacing, updating and removing enquiries keeps the
// index exact, through compaction too.
func TestSearchUpdates(t *testing.T) {
	x := sample()
	x.Put(Doc{Ref: "FCDO-2026-000001", Subject: "Albania visit", Text: "Follow-up about Durres", Created: t0})
	if got := refs(x.Search(Query{Text: "tirana"})); !slices.Equal(got, []string{"FCDO-2026-000003"}) {
		t.Errorf("after replacing: %v", got)
	}
	if got := refs(x.Search(Query{Text: "durres"})); !slices.Equal(got, []string{"FCDO-2026-000001"}) {
		t.Errorf("new words: %v", got)
	}
	x.Update("FCDO-2026-000003", func(d *Doc) { d.Status = "resolved" })
	if got := refs(x.Search(Query{Status: "resolved"})); !slices.Equal(got, []string{"FCDO-2026-000003", "FCDO-2026-000002"}) {
		t.Errorf("after update: %v", got)
	}
	x.Remove("FCDO-2026-000002")
	if x.Len() != 2 || len(x.Search(Query{Text: "sanctions"}).Docs) != 0 {
		t.Errorf("after remove: %d docs", x.Len())
	}
	for i := range 5000 { // enough replacements to compact
		x.Put(Doc{Ref: "FCDO-2026-000001", Text: fmt.Sprintf("round %d", i), Created: t0})
	}
	if got := refs(x.Search(Query{Text: "round 4999"})); !slices.Equal(got, []string{"FCDO-2026-000001"}) || x.Len() != 2 {
		t.Errorf("after compaction: %v, %d docs", got, x.Len())
	}
	if got := refs(x.Search(Query{Text: "tirana"})); !slices.Equal(got, []string{"FCDO-2026-000003"}) {
		t.Errorf("after compaction: %v", got)
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("Re: [FCDO-2026-000123] Jo's question, jo@bbc.co.uk — ÇELA çela!", 100)
	want := []string{"re", "fcdo-2026-000123", "fcdo", "2026", "000123", "jo", "s", "question", "jo@bbc.co.uk", "bbc", "co", "uk", "çela"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if n := len(Tokens("a b c d e f", 3)); n != 3 {
		t.Errorf("cap: %d tokens", n)
	}
}

// BenchmarkSearch100k: queries over 100,000 enquiries with ~60 words each
// from a Zipf vocabulary of 20,000 words; reports p50 and p95 per query.
// go test ./internal/search -run '^$' -bench Search100k -benchtime 2000x
func BenchmarkSearch100k(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	z := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	word := func() string { return vocab[z.Uint64()] }
	officers := []string{"ann", "bob", "cat", "dan", "eve", "fay"}
	topics := []string{"europe", "home", "trade", "health", "general"}
	statuses := []string{"open", "open", "answered", "waiting", "resolved", "resolved", "resolved"}
	x := New()
	const n = 100000
	for i := range n {
		text := ""
		for range 60 {
			text += word() + " "
		}
		x.Put(Doc{Ref: fmt.Sprintf("FCDO-2026-%06d", i+1), Subject: word() + " " + word() + " " + word(), Text: text,
			Journalist: fmt.Sprintf("j%d@outlet%d.example", i%5000, i%300), Outlet: fmt.Sprintf("Outlet %d", i%300),
			Topic: topics[i%len(topics)], Officer: officers[i%len(officers)], Tier: "national", Status: statuses[i%len(statuses)],
			Created: t0.Add(time.Duration(i) * time.Minute), Updated: t0.Add(time.Duration(i) * time.Minute)})
	}
	queries := []Query{
		{Text: vocab[0]},                  // the most common word: most of the index
		{Text: vocab[1] + " " + vocab[2]}, // two common words
		{Text: vocab[500]},                // a mid-frequency word
		{Text: vocab[15000]},              // a rare word
		{Text: "FCDO-2026-054321"},        // a reference
		{Text: "outlet17"},                // an outlet's domain part
		{Status: "open", Officer: "ann"},  // filters only: a scan
		{Text: vocab[3], Topic: "europe", Sort: SortOldest},
		{Text: vocab[10], From: t0.Add(24 * time.Hour), To: t0.Add(30 * 24 * time.Hour), Sort: SortUpdated},
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		x.Search(queries[i%len(queries)])
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	if len(times) > 0 {
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
	}
}
