package routing

import "sync"

// One message's texts are read by several parts of routing: the linker's
// date anchors and queries (the sender's own words, and for a reply the
// quoted history), and the topic matcher. A message holds each text
// tokenised and stemmed once, on first use, so every reader shares the
// same tokens instead of tokenising the text again.

// textPart names one text of a message.
type textPart uint8

const (
	partSubject textPart = iota
	partNew
	partForwarded
	partQuoted
	nParts
)

// msgText is one text of a message, tokenised once.
type msgText struct {
	tz tokenizer
	// terms are the tokens that are not stopwords, in order (what
	// index.termSeq and the topic matcher read): their index term and
	// whether a phrase boundary precedes them. A term is its token's word
	// cut short (most stems), or for a stem ending in a new 'y' a copy in
	// termBuf: the tokens' own words in tz stay as written
	// (tokenizer.term stems in place), so the date anchors and the topic
	// matcher's request words can still read them.
	terms   []msgTerm
	termBuf []byte
	// wordIDs holds, per term, its id in the catalogue index wordIDsOf
	// (index.words) as the linker looked it up (wordIDAbsent: no release
	// uses it; wordIDUnseen: not looked up), so that the topic matcher,
	// which asks the same index about the same stems, need not look them
	// up again in a map that large. wordIDsOf is nil until the linker
	// fills it.
	wordIDs   []int32
	wordIDsOf *index
}

// sameBytes reports whether a and b are the very same bytes (one slice of
// the same memory, as a stem taken from a term is), not merely equal.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// msgTerm is one term of a text.
type msgTerm struct {
	term []byte // in tz's buffer or in termBuf
	tok  int32  // index of its token in tz.toks
	// brk is set when a phrase boundary precedes the term: at its token,
	// or at a stopword dropped since the previous term.
	brk bool
}

// term returns the bytes of term i.
func (t *msgText) term(i int) []byte { return t.terms[i].term }

// analyse tokenises s and computes its terms.
func (t *msgText) analyse(s string) {
	t.tz.tokenize(s)
	t.wordIDsOf = nil
	t.terms = t.terms[:0]
	t.termBuf = t.termBuf[:0]
	brk := false
	for k := range t.tz.toks {
		tk := &t.tz.toks[k]
		if tk.brk {
			brk = true
		}
		// termOf without stemming in place.
		w := t.tz.word(k)
		if !tk.num {
			if len(w) < 2 || isStopword(w) {
				continue
			}
			n, y := stemShape(w)
			switch {
			case y:
				off := len(t.termBuf)
				t.termBuf = append(append(t.termBuf, w[:n]...), 'y')
				w = t.termBuf[off:len(t.termBuf):len(t.termBuf)]
			case n == len(w):
				// unchanged: the word just found not to be a stopword
			default:
				w = w[:n:n]
			}
			if len(w) != len(t.tz.word(k)) && isStopword(w) {
				continue
			}
		}
		t.terms = append(t.terms, msgTerm{term: w, tok: int32(k), brk: brk})
		brk = false
	}
}

// message is the routing view of one Input: its texts, each analysed on
// first use. It is pooled; get one with newMessage and give it back with
// release once the routing that uses it is done.
type message struct {
	in       *Input // &input
	input    Input  // a copy, so the caller's Input need not live on the heap
	texts    [nParts]msgText
	analysed [nParts]bool
	cue      int8 // movesOn: 0 not yet known, 1 yes, -1 no
	// lowNew is the new text lower-cased (for the cue phrases), once
	// lowered is set.
	lowNew  string
	lowered bool
}

var messagePool = sync.Pool{New: func() any { return new(message) }}

// newMessage returns a message for (a copy of) in.
func newMessage(in *Input) *message {
	m := messagePool.Get().(*message)
	m.input = *in
	m.in = &m.input
	m.analysed = [nParts]bool{}
	m.cue = 0
	m.lowNew, m.lowered = "", false
	return m
}

// release returns m to the pool; m must not be used afterwards.
func (m *message) release() {
	m.in, m.input, m.lowNew = nil, Input{}, ""
	messagePool.Put(m)
}

// raw returns the text of part p as written.
func (m *message) raw(p textPart) string {
	switch p {
	case partSubject:
		return m.in.Subject
	case partNew:
		return m.in.NewText
	case partForwarded:
		return m.in.ForwardedText
	default:
		return m.in.QuotedText
	}
}

// text returns part p tokenised.
func (m *message) text(p textPart) *msgText {
	t := &m.texts[p]
	if !m.analysed[p] {
		t.analyse(m.raw(p))
		m.analysed[p] = true
	}
	return t
}

// lowerNewIfAny returns the new text lower-cased when that may contain
// one of keys (lower-case ASCII); ok false means it does not, and the
// text is not lowered for nothing.
func (m *message) lowerNewIfAny(keys []string) (low string, ok bool) {
	if !m.lowered && !mayContainLower(m.in.NewText, keys) {
		return "", false
	}
	return m.lowerNew(), true
}

// lowerNew returns the new text lower-cased.
func (m *message) lowerNew() string {
	if !m.lowered {
		m.lowNew, m.lowered = lowerText(m.in.NewText), true
	}
	return m.lowNew
}

// movesOn reports whether the message is a reply whose new text clearly
// turns to another subject (a shift cue): its thread's subject line and
// history are then set aside.
func (m *message) movesOn() bool {
	if m.cue == 0 {
		m.cue = -1
		if !m.in.IsReply {
			return false
		}
		// (No pre-check: the cues' first letters are most letters.)
		if hasShiftCueLower(m.lowerNew()) {
			m.cue = 1
		}
	}
	return m.cue > 0
}
