package routing

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDocHas checks docInfo.has against a plain binary search.
func TestDocHas(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for k := 0; k < 2000; k++ {
		var d docInfo
		for n := rng.IntN(40); n > 0; n-- {
			d.terms = append(d.terms, int32(rng.IntN(100)))
		}
		slices.Sort(d.terms)
		d.terms = slices.Compact(d.terms)
		for id := int32(-2); id < 102; id++ {
			_, want := slices.BinarySearch(d.terms, id)
			if got := d.has(id); got != want {
				t.Fatalf("terms %v has(%d) = %v", d.terms, id, got)
			}
		}
	}
}
