package routing

import (
	"math/rand/v2"
	"testing"
)

// TestBigramTable: the table answers as the map it is built from, for
// keys it holds and keys it does not (including the pair of word 0 with
// itself and the largest ids), at every size from empty to well past a
// resize.
func TestBigramTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 5, 6, 7, 100, 5000} {
		m := map[uint64]int32{}
		if n > 0 {
			m[bigramKey(0, 0)] = 17
			m[bigramKey(1<<31-1, 1<<31-1)] = 1<<31 - 1
		}
		for len(m) < n {
			m[bigramKey(rng.Int32N(3000), rng.Int32N(3000))] = rng.Int32N(1 << 30)
		}
		tab := newBigramTable(m)
		if 4*len(m) > 3*len(tab.slots) {
			t.Errorf("n=%d: %d keys in %d slots, more than three quarters full", n, len(m), len(tab.slots))
		}
		check := func(a, b int32) {
			want, wok := m[bigramKey(a, b)]
			got, gok := tab.get(a, b)
			if got != want || gok != wok {
				t.Fatalf("n=%d: get(%d, %d) = %d, %v; want %d, %v", n, a, b, got, gok, want, wok)
			}
		}
		for k := range m {
			check(int32(k>>32), int32(uint32(k)))
		}
		for range 20000 {
			check(rng.Int32N(3100), rng.Int32N(3100))
		}
		check(0, 0)
		check(0, 1)
		check(1<<31-1, 1<<31-1)
	}
	var zero bigramTable
	if _, ok := zero.get(0, 0); ok {
		t.Error("the zero table holds a bigram")
	}
}

// TestSameBytes: only the very same bytes are the same, not equal ones.
func TestSameBytes(t *testing.T) {
	buf := []byte("sanctions sanctions")
	a, b, c := buf[0:9], buf[10:19], buf[0:9:9]
	for _, tc := range []struct {
		x, y []byte
		want bool
	}{
		{a, a, true}, {a, c, true}, {a, b, false}, {a, buf[0:8], false}, {nil, nil, true}, {nil, buf[:0], true},
	} {
		if got := sameBytes(tc.x, tc.y); got != tc.want {
			t.Errorf("sameBytes(%q, %q) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
}
