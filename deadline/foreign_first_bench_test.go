package deadline

import (
	"testing"
	"time"
)

// firstBenchMail is an English enquiry as the router's benchmark routes it:
// foreign.first's cheap pass reads it until English is clear.
const firstBenchMail = `Dear FCDO Press Office,

I am covering the Berlin Process Summit in Tirana today for Balkan Insight.

Your press release says Foreign Secretary Cleverly will urge leaders "to preserve peace and stability amidst a growing number of tensions across the region" and refers to the build-up of military along the Serbia-Kosovo border.

1. Will the Foreign Secretary hold bilateral meetings on the margins with President Vucic and Prime Minister Kurti?

Our deadline is 15:00 CET.`

// BenchmarkForeignFirst is the deadline reader's check, on every message,
// whether a text is clearly in another language.
func BenchmarkForeignFirst(b *testing.B) {
	for b.Loop() {
		if foreign.first(firstBenchMail) {
			b.Fatal("English read as foreign")
		}
	}
}

// BenchmarkExtractBenchMail is the deadline reader on the same mail, as
// the router calls it.
func BenchmarkExtractBenchMail(b *testing.B) {
	sent := time.Date(2023, 10, 16, 10, 47, 3, 0, time.FixedZone("", 2*3600))
	for b.Loop() {
		if _, ok := ExtractWithSubject("Query: Cleverly at Berlin Process summit in Tirana", firstBenchMail, sent, time.UTC); !ok {
			b.Fatal("no deadline")
		}
	}
}
