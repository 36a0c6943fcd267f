package routing

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestIndexContains checks index.contains against a plain search of the
// postings.
func TestIndexContains(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	ix := &index{post: make([][]posting, 200)}
	for id := range ix.post {
		var docs []int32
		for n := rng.IntN(40); n > 0; n-- {
			docs = append(docs, int32(rng.IntN(100)))
		}
		slices.Sort(docs)
		for _, d := range slices.Compact(docs) {
			ix.post[id] = append(ix.post[id], posting{doc: d})
		}
	}
	for id := range ix.post {
		for doc := int32(-2); doc < 102; doc++ {
			want := slices.ContainsFunc(ix.post[id], func(p posting) bool { return p.doc == doc })
			if got := ix.contains(int32(id), doc); got != want {
				t.Fatalf("postings %v contains(%d) = %v", ix.post[id], doc, got)
			}
		}
	}
}
