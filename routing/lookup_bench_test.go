package routing

import "testing"

// The per-word look-ups of the readers that see every message, one
// benchmark each, on the English benchmark mail (benchMail): small enough
// to compare builds on a busy machine, where BenchmarkRoute10k's spread
// hides a change of a microsecond.

// BenchmarkPlainEnglish is the language detector's first check.
func BenchmarkPlainEnglish(b *testing.B) {
	for b.Loop() {
		if !plainEnglish(benchMail) {
			b.Fatal("benchMail not plain English")
		}
	}
}
