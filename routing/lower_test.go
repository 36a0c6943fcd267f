package routing

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLowerText checks lowerText against strings.ToLower on text mixing
// ASCII, curly quotes, accented capitals, the Kelvin sign and invalid
// bytes.
func TestLowerText(t *testing.T) {
	pieces := []string{"a", "Z", "Hello", " ", "\n", "’", "“", "—", "é", "É", "İ", "K", "ß", "Σ", "\xff", "\xe2\x80", "FOI", "Complaint", "�", "9"}
	rng := rand.New(rand.NewPCG(7, 8))
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Fatalf("lowerText(%q) = %q, want %q", s, got, want)
		}
	}
}
