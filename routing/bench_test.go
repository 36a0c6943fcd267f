package routing

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
)

// synthCatalogue returns n generated releases: titles and bodies drawn from
// a Zipf-distributed vocabulary of made-up words and figures, dated over ten
// years, with the desk's topics.
func synthCatalogue(n int, topics []string) []Release {
	rng := rand.New(rand.NewPCG(1, 2))
	const vocab = 40000
	words := make([]string, vocab)
	syll := []string{"ka", "lo", "mi", "ra", "te", "vu", "sen", "dor", "bel", "qui", "zan", "por", "fre", "gli", "tho", "wen"}
	for i := range words {
		var b strings.Builder
		for k := 0; k < 2+i%3; k++ {
			b.WriteString(syll[(i/(k+1)*7+k*5+i)%len(syll)])
		}
		fmt.Fprintf(&b, "%d", i%97)
		words[i] = b.String()
	}
	zipf := rand.NewZipf(rng, 1.1, 2, vocab-1)
	text := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				if i%18 == 0 {
					b.WriteString(". ")
				} else {
					b.WriteByte(' ')
				}
			}
			if rng.IntN(40) == 0 {
				fmt.Fprintf(&b, "£%dm", rng.IntN(900)+1)
				continue
			}
			b.WriteString(words[zipf.Uint64()])
		}
		return b.String()
	}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]Release, n)
	for i := range out {
		pub := start.AddDate(0, 0, rng.IntN(3650))
		out[i] = Release{
			ID:        fmt.Sprintf("synth-%05d", i),
			Title:     text(6 + rng.IntN(8)),
			URL:       fmt.Sprintf("https://www.gov.uk/government/news/synth-%05d", i),
			Published: pub, DateOnly: true,
			Topics: []string{topics[rng.IntN(len(topics))]},
			Body:   text(150 + rng.IntN(350)),
		}
	}
	return out
}

const benchMail = `Dear FCDO Press Office,

I am covering the Berlin Process Summit in Tirana today for Balkan Insight.

Your press release says Foreign Secretary Cleverly will urge leaders "to preserve peace and stability amidst a growing number of tensions across the region" and refers to the build-up of military along the Serbia-Kosovo border.

1. Will the Foreign Secretary hold bilateral meetings on the margins with President Vucic and Prime Minister Kurti?
2. Is the figure of 600 UK troops in Kosovo the total UK contribution to KFOR now, including the 200 reinforcements from this month?

Our deadline is 15:00 CET.`

func benchRouter(b *testing.B, n int) (*Router, Input) {
	b.Helper()
	cfg, cat := sharedDesk(b)
	var ids []string
	for _, t := range cfg.Topics {
		ids = append(ids, t.ID)
	}
	rels := append(synthCatalogue(n-cat.Len(), ids), cat.releases...)
	big := NewCatalogue(rels, cfg.Location)
	r, err := NewRouter(cfg, big)
	if err != nil {
		b.Fatal(err)
	}
	in := Input{
		From:    "e.dushku@balkaninsight.com",
		Subject: "Query: Cleverly at Berlin Process summit in Tirana",
		NewText: benchMail,
		Date:    time.Date(2023, 10, 16, 10, 47, 3, 0, time.FixedZone("", 2*3600)),
	}
	return r, in
}

// BenchmarkRoute10k routes one enquiry (linking, topic, deadline, officer,
// SLA plan) against a catalogue of 10,000 releases.
func BenchmarkRoute10k(b *testing.B) {
	r, in := benchRouter(b, 10000)
	if d := r.Route(in, in.Date, Load{}); d.Release != "2023-10-16-foreign-secretary-to-build-on-progress-in" {
		b.Fatalf("linked %q (%s)", d.Release, d.ReleaseDetail)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Route(in, in.Date, Load{})
	}
}

// BenchmarkLink10k is the release linking alone.
func BenchmarkLink10k(b *testing.B) {
	r, in := benchRouter(b, 10000)
	cat := r.Catalogue()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cat.Link(&in)
	}
}

// BenchmarkBuildCatalogue10k is the cost of a reload (done aside, never
// blocking routing).
func BenchmarkBuildCatalogue10k(b *testing.B) {
	rels := synthCatalogue(10000, []string{"a", "b", "c", "d", "e", "f", "g", "h"})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		NewCatalogue(rels, time.UTC)
	}
}

// BenchmarkRouteSamples routes each of the shared sample enquiries (parsed
// once) against the shared desk and catalogue; one op is one message.
// It skips when the shared data is absent.
func BenchmarkRouteSamples(b *testing.B) {
	cfg, cat := sharedDesk(b)
	r, err := NewRouter(cfg, cat)
	if err != nil {
		b.Fatal(err)
	}
	dir := sharedData(b, "enquiries")
	files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
	if err != nil || len(files) == 0 {
		b.Skipf("shared samples not available in %s", dir)
	}
	ins := make([]Input, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		m, err := mailparse.Parse(raw, mailparse.Options{})
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		ins = append(ins, InputFromMessage(m))
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		in := ins[i%len(ins)]
		r.Route(in, in.Date, Load{})
		i++
	}
}

// hostileUnits repeated make texts that once made parts of routing
// quadratic (a clause without breaks full of times, weekdays in a row) or
// stress the tokenizers.
var hostileUnits = []string{"a' ", "1,", "?", "- x\n", "\n\n", "x", "1.", "by 4pm ", "today's ", "£1m ",
	"\u0aeb", "https://gov.uk/a?b=c ", "'s ", "Deadline: ", "12:00 ", "Monday ", "1 2 3 ",
	"next Monday 24 ", "evacuation flights British nationals "}

// BenchmarkRouteHostile routes 256 KB of each hostile text (as the new
// text and again as quoted text): the time per message must grow linearly
// with its size, so a hostile email cannot stall ingestion.
func BenchmarkRouteHostile(b *testing.B) {
	r := testRouter(b)
	date := time.Unix(1710230400, 0).UTC()
	for _, unit := range hostileUnits {
		text := strings.Repeat(unit, (1<<18)/len(unit))
		in := Input{From: "jo@wire.example", Subject: "s", NewText: text, QuotedText: text, Date: date}
		b.Run(strings.TrimSpace(strconv.QuoteToASCII(unit)), func(b *testing.B) {
			b.SetBytes(int64(2 * len(text)))
			for b.Loop() {
				r.Route(in, date, Load{})
			}
		})
	}
}

// benchMailDE is benchMail as a German correspondent would write it: the
// linker reads it through the German vocabulary and the names.
const benchMailDE = `Sehr geehrte Damen und Herren,

ich berichte heute für die Deutsche Welle vom Gipfel des Berliner Prozesses in Tirana.

Laut Ihrer Pressemitteilung wird Außenminister Cleverly die Staats- und Regierungschefs auffordern, Frieden und Stabilität zu wahren, und verweist auf die militärische Aufrüstung an der Grenze zwischen Serbien und Kosovo.

1. Trifft der Außenminister am Rande Präsident Vučić und Premierminister Kurti?
2. Sind die 600 britischen Soldaten im Kosovo der gesamte Beitrag zur KFOR, einschließlich der 200 Verstärkungen aus diesem Monat?

Redaktionsschluss ist 15 Uhr MEZ.`

// BenchmarkLinkForeign10k is the release linking of a German enquiry
// (vocabulary, names across spellings, German date words).
func BenchmarkLinkForeign10k(b *testing.B) {
	r, in := benchRouter(b, 10000)
	in.Subject, in.NewText, in.Language = "Anfrage: Cleverly beim Gipfel des Berliner Prozesses in Tirana", benchMailDE, "de"
	cat := r.Catalogue()
	if l := cat.Link(&in); l.Release != "2023-10-16-foreign-secretary-to-build-on-progress-in" {
		b.Fatalf("linked %q (%s)", l.Release, l.Detail)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		cat.Link(&in)
	}
}

// BenchmarkCatalogueMemory10k reports the heap a catalogue of 10,000
// releases holds (the releases, their index, the names' index), in MB.
func BenchmarkCatalogueMemory10k(b *testing.B) {
	rels := synthCatalogue(10000, []string{"a", "b", "c", "d", "e", "f", "g", "h"})
	var before, after runtime.MemStats
	var cat *Catalogue
	for b.Loop() {
		cat = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		cat = NewCatalogue(rels, time.UTC)
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	names := 0
	for _, es := range cat.idx.names {
		names += len(es)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-held")
	b.ReportMetric(float64(names), "names")
	runtime.KeepAlive(cat)
}
