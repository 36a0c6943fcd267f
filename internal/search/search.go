// Package search is the dashboard's full-text search over enquiries: an
// in-memory inverted index (whole words, lower-cased, accents kept) with
// filters and sorts, meant to live in the web process, filled from the
// store at start and kept current from the events stream.
//
// Why in memory and not in Redis: the commit script runs thousands of
// times a second and is the only writer of enquiries; maintaining token
// sets there would multiply its writes (one SADD per distinct word of
// every message) and Redis memory, for a feature read a few times a
// minute. An index rebuilt from the store costs the commit nothing, and
// 100,000 enquiries with their first message's words fit in a few tens of
// megabytes.
//
// The index is safe for concurrent use. Pure: no I/O, no clock.
package search

import (
	"container/heap"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Doc is what is searchable about one enquiry.
type Doc struct {
	Ref        string
	Subject    string
	Text       string // what the journalist wrote (the first message, and follow-ups)
	Journalist string // address and name
	Outlet     string

	Topic, Officer, Tier, Status, Channel string
	// Lang is the language the journalist wrote in (ISO 639-1; "" when
	// routing could not tell).
	Lang             string
	Created, Updated time.Time
}

// Query is one search.
type Query struct {
	// Text: every word must occur (in the reference, subject, text,
	// journalist or outlet). Empty matches everything that passes the
	// filters.
	Text string
	// Filters: "" means any.
	Topic, Officer, Tier, Status, Channel string
	// Lang filters by language: a code, or LangNone for enquiries whose
	// language was not told.
	Lang string
	// From, To bound Created (zero: unbounded; To exclusive).
	From, To time.Time
	// Sort is SortNewest (default), SortOldest or SortUpdated.
	Sort  string
	Limit int // default 50, at most 500
}

// LangNone as Query.Lang matches enquiries of unknown language.
const LangNone = "none"

// Sorts.
const (
	SortNewest  = "newest"
	SortOldest  = "oldest"
	SortUpdated = "updated"
)

// Result is one page of matches and how many there are in all.
type Result struct {
	Total int
	Docs  []Doc
}

// maxTokensPerDoc bounds the words indexed per enquiry (a pasted report
// must not bloat the index).
const maxTokensPerDoc = 2000

// Index is the inverted index.
type Index struct {
	mu    sync.RWMutex
	docs  []entry          // by slot; a replaced or removed doc's slot is dead
	byRef map[string]int32 // live slot of each ref
	post  map[string][]int32
	dead  int
}

type entry struct {
	Doc
	live bool
}

// New returns an empty index.
func New() *Index {
	return &Index{byRef: map[string]int32{}, post: map[string][]int32{}}
}

// Len is the number of enquiries indexed.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.byRef)
}

// Put adds or replaces the enquiry d.Ref.
func (x *Index) Put(d Doc) {
	toks := Tokens(d.Ref+" "+d.Subject+" "+d.Journalist+" "+d.Outlet+" "+d.Text, maxTokensPerDoc)
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(d.Ref)
	slot := int32(len(x.docs))
	x.docs = append(x.docs, entry{Doc: d, live: true})
	x.byRef[d.Ref] = slot
	for _, t := range toks {
		x.post[t] = append(x.post[t], slot)
	}
	if x.dead > 1024 && x.dead > len(x.docs)/2 {
		x.compactLocked()
	}
}

// Update changes an indexed enquiry's fields (not its words) in place:
// status, officer and the like after an action. Unknown refs are ignored.
func (x *Index) Update(ref string, f func(d *Doc)) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if slot, ok := x.byRef[ref]; ok {
		d := x.docs[slot].Doc
		f(&d)
		d.Ref = ref
		x.docs[slot].Doc = d
	}
}

// Remove drops an enquiry.
func (x *Index) Remove(ref string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(ref)
}

func (x *Index) removeLocked(ref string) {
	if slot, ok := x.byRef[ref]; ok {
		x.docs[slot].live = false
		x.docs[slot].Doc = Doc{}
		delete(x.byRef, ref)
		x.dead++
	}
}

// compactLocked renumbers the live slots and drops dead postings.
func (x *Index) compactLocked() {
	renum := make([]int32, len(x.docs))
	var docs []entry
	for i, e := range x.docs {
		renum[i] = -1
		if e.live {
			renum[i] = int32(len(docs))
			docs = append(docs, e)
			x.byRef[e.Ref] = renum[i]
		}
	}
	for t, p := range x.post {
		q := p[:0]
		for _, s := range p {
			if renum[s] >= 0 {
				q = append(q, renum[s])
			}
		}
		if len(q) == 0 {
			delete(x.post, t)
		} else {
			x.post[t] = q
		}
	}
	x.docs, x.dead = docs, 0
}

// Search runs q.
func (x *Index) Search(q Query) Result {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	words := Tokens(q.Text, 32)
	x.mu.RLock()
	defer x.mu.RUnlock()
	var cands []int32 // nil with no words: every slot
	if len(words) > 0 {
		lists := make([][]int32, len(words))
		for i, w := range words {
			lists[i] = x.post[w]
			if len(lists[i]) == 0 {
				return Result{}
			}
		}
		slices.SortFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
		cands = intersect(lists)
	}
	less := func(a, b *Doc) bool { return a.Created.After(b.Created) || a.Created.Equal(b.Created) && a.Ref > b.Ref }
	switch q.Sort {
	case SortOldest:
		less = func(a, b *Doc) bool {
			return a.Created.Before(b.Created) || a.Created.Equal(b.Created) && a.Ref < b.Ref
		}
	case SortUpdated:
		less = func(a, b *Doc) bool { return a.Updated.After(b.Updated) || a.Updated.Equal(b.Updated) && a.Ref > b.Ref }
	}
	top := &topK{k: limit, less: less}
	total := 0
	visit := func(s int32) {
		e := &x.docs[s]
		if !e.live || !q.match(&e.Doc) {
			return
		}
		total++
		top.offer(&e.Doc)
	}
	if cands == nil && len(words) == 0 {
		for s := range x.docs {
			visit(int32(s))
		}
	} else {
		for _, s := range cands {
			visit(s)
		}
	}
	return Result{Total: total, Docs: top.sorted()}
}

func (q *Query) match(d *Doc) bool {
	eq := func(want, got string) bool { return want == "" || want == got }
	return eq(q.Topic, d.Topic) && eq(q.Officer, d.Officer) && eq(q.Tier, d.Tier) && eq(q.Status, d.Status) &&
		eq(q.Channel, d.Channel) && (eq(q.Lang, d.Lang) || q.Lang == LangNone && d.Lang == "") &&
		(q.From.IsZero() || !d.Created.Before(q.From)) && (q.To.IsZero() || d.Created.Before(q.To))
}

// intersect intersects sorted posting lists, shortest first. A posting
// list may hold a slot twice (a word repeated across fields is added
// once per Put, so it does not; kept robust anyway).
func intersect(lists [][]int32) []int32 {
	out := slices.Clone(lists[0])
	for _, l := range lists[1:] {
		j, k := 0, 0
		res := out[:0]
		for j < len(out) && k < len(l) {
			switch {
			case out[j] < l[k]:
				j++
			case out[j] > l[k]:
				k++
			default:
				res = append(res, out[j])
				j++
				k++
			}
		}
		out = res
		if len(out) == 0 {
			break
		}
	}
	return out
}

// topK keeps the k best docs by less (a bounded heap whose root is the
// worst kept).
type topK struct {
	k    int
	less func(a, b *Doc) bool
	h    []*Doc
}

func (t *topK) Len() int           { return len(t.h) }
func (t *topK) Less(i, j int) bool { return t.less(t.h[j], t.h[i]) } // worst at the root
func (t *topK) Swap(i, j int)      { t.h[i], t.h[j] = t.h[j], t.h[i] }
func (t *topK) Push(v any)         { t.h = append(t.h, v.(*Doc)) }
func (t *topK) Pop() any           { v := t.h[len(t.h)-1]; t.h = t.h[:len(t.h)-1]; return v }

func (t *topK) offer(d *Doc) {
	if len(t.h) < t.k {
		heap.Push(t, d)
		return
	}
	if t.less(d, t.h[0]) {
		t.h[0] = d
		heap.Fix(t, 0)
	}
}

func (t *topK) sorted() []Doc {
	out := make([]Doc, len(t.h))
	for i := len(t.h) - 1; i >= 0; i-- {
		out[i] = *heap.Pop(t).(*Doc)
	}
	return out
}

// Tokens splits s into distinct lower-cased words (letters and digits;
// '-' joins parts of a reference such as FCDO-2023-000123, and '@' and
// '.' inside an address keep it whole as well as giving its parts), at
// most max of them, in order of first appearance.
func Tokens(s string, max int) []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) bool {
		if t == "" || seen[t] {
			return true
		}
		seen[t] = true
		out = append(out, t)
		return len(out) < max
	}
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '@' || r == '.' || r == '_')
	}) {
		f = strings.Trim(f, "-.@_")
		if f == "" {
			continue
		}
		if !add(f) {
			return out
		}
		if strings.ContainsAny(f, "-.@_") {
			for _, p := range strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '.' || r == '@' || r == '_' }) {
				if !add(p) {
					return out
				}
			}
		}
	}
	return out
}
