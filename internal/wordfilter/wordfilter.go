// Package wordfilter is a quick pre-check for a fixed set of words, asked
// before a map lookup on every word of a text (the linker's stopwords and
// date anchors, the deadline reader's vocabulary).
package wordfilter

// Filter answers "maybe" for every word of its set and "no" for nearly all
// others, from a hash of a word's length and first, second and last bytes
// into 16,384 bits (2 KB). It is exact in the only way that matters: a "no"
// is always right. The zero Filter is the empty set.
type Filter [1 << 14 / 64]uint64

func bit[W string | []byte](w W) uint {
	n := len(w)
	x := uint32(min(n, 15)) | uint32(w[0])<<4 | uint32(w[n-1])<<12
	if n > 1 {
		x |= uint32(w[1]) << 20
	}
	return uint((x * 0x9e3779b1) >> (32 - 14))
}

// Add puts w in the set.
func (f *Filter) Add(w string) {
	if w != "" {
		b := bit(w)
		f[b/64] |= 1 << (b % 64)
	}
}

// MayHave reports whether w may be in the set (false: it is not). The
// empty word is always "maybe".
func (f *Filter) MayHave(w []byte) bool {
	if len(w) == 0 {
		return true
	}
	b := bit(w)
	return f[b/64]&(1<<(b%64)) != 0
}
