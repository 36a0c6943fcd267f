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

// TestMayContainLower checks that mayContainLower never says no when the
// lowered text contains a key.
func TestMayContainLower(t *testing.T) {
	keys := [][]string{foiKeys, complaintKeys, shiftCues, {"on a different note"}}
	pieces := []string{"a", "Z", "FOI", "Foi", "fo", "i", "İ", "K", "complain", "COMPLAIN", "Complaint", "t", "Separately", "On a", " ", "different", "NOTE",
		"freedom of ", "Information", "’", "é", "\xff", "unrelated", "UNRELATED", "\n"}
	rng := rand.New(rand.NewPCG(11, 12))
	for k := 0; k < 50000; k++ {
		var b strings.Builder
		for n := rng.IntN(10); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		low := strings.ToLower(s)
		for _, ks := range keys {
			want := false
			for _, key := range ks {
				want = want || strings.Contains(low, key)
			}
			if got := mayContainLower(s, ks); want && !got {
				t.Fatalf("mayContainLower(%q, %q) = false, but the lowered text contains one", s, ks)
			}
			if !strings.ContainsRune(s, 'İ') && !strings.ContainsRune(s, 'K') && mayContainLower(s, ks) != want {
				t.Fatalf("mayContainLower(%q, %q) = %v without İ or K", s, ks, !want)
			}
		}
	}
}
