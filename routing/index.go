package routing

import (
	"math"
	"sort"
	"time"
)

// BM25F parameters. Titles are short and say what a release is about, so a
// title term counts for titleWeight body terms; body lengths vary a lot (some
// releases are the opening paragraphs only), so body length is normalised
// fully and title length hardly.
const (
	bm25K1      = 1.2
	titleWeight = 3.0
	titleB      = 0.3
	bodyB       = 0.75
)

// posting is one document containing a term, with its precomputed BM25F
// weight (IDF included).
type posting struct {
	doc int32
	w   float32
}

// docInfo is what the linker needs about one release besides its postings.
type docInfo struct {
	day int32 // publication day in the desk's zone (days since 1970-01-01)
	// terms are the distinct term ids (words and phrases) of the release,
	// sorted, for feature checks on the few top candidates.
	terms []int32
	// title holds the distinct word ids of the title, bigrams the distinct
	// phrase ids of the title, for the title-match feature.
	title, titleBigrams []int32
	// titleMass is the summed IDF of title, titleBigramMass of titleBigrams.
	titleMass, titleBigramMass float32
}

// index is an inverted index over the catalogue's words and adjacent-word
// phrases (bigrams), with IDF and per-document BM25F weights precomputed so
// a query only adds up posting weights.
type index struct {
	words   map[string]int32
	bigrams map[uint64]int32
	idf     []float32
	df      []int32
	post    [][]posting
	docs    []docInfo
	nterms  int
	// idfUnique is the IDF of a term found in one release only.
	idfUnique float32
	// topics lists the topic ids the releases carry; centroid[i] is the
	// unit-length mean of the word vectors (BM25F weights) of the releases
	// with topics[i] (their first topic counting double), indexed by term.
	topics   []string
	centroid [][]float32
	// capital and seen count, per word, how often it was written with a
	// capital inside a sentence, and how often inside a sentence at all:
	// names (Albania, Rwanda, Netanyahu) are nearly always capitalised.
	capital, seen map[int32]int32
}

func bigramKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// countCase records how the words of the last tokenised text were written.
func (ix *index) countCase(tz *tokenizer) {
	for k := range tz.toks {
		t := &tz.toks[k]
		if t.brk || t.num {
			continue // sentence-initial capitals say nothing
		}
		w := stem(tz.word(k))
		id, ok := ix.words[string(w)]
		if !ok {
			continue
		}
		ix.seen[id]++
		if t.upper {
			ix.capital[id]++
		}
	}
}

// nameShare is the share of mid-sentence uses of word (a stem) written
// with a capital in the catalogue; ok is false for a word seen fewer than
// twice.
func (ix *index) nameShare(word string) (float64, bool) {
	id, ok := ix.words[word]
	if !ok || ix.seen[id] < 2 {
		return 0, false
	}
	return float64(ix.capital[id]) / float64(ix.seen[id]), true
}

// Ids termSeq gives terms not in the index.
const (
	unknownWord   = -1
	unknownFigure = -2
)

// termSeq tokenises s and returns its term ids (adding new ones when add is
// set; unknown terms are unknownWord or unknownFigure otherwise) and a parallel slice saying whether a
// phrase boundary precedes each term.
func (ix *index) termSeq(tz *tokenizer, s string, add bool, ids []int32, brks []bool) ([]int32, []bool) {
	tz.tokenize(s)
	brk := false
	for k := range tz.toks {
		w, stop := tz.term(k)
		if tz.toks[k].brk {
			brk = true
		}
		if stop {
			continue
		}
		id, ok := ix.words[string(w)]
		if !ok {
			switch {
			case add:
				id = int32(ix.nterms)
				ix.words[string(w)] = id
				ix.nterms++
			case tz.toks[k].num:
				id = unknownFigure
			default:
				id = unknownWord
			}
		}
		ids = append(ids, id)
		brks = append(brks, brk)
		brk = false
	}
	return ids, brks
}

// buildIndex indexes the releases' titles (weighted) and bodies, lines to
// take included.
func buildIndex(rels []Release, loc *time.Location) *index {
	ix := &index{words: map[string]int32{}, bigrams: map[uint64]int32{}, capital: map[int32]int32{}, seen: map[int32]int32{}}
	var tz tokenizer
	type fieldTF map[int32]int
	titleTF := make([]fieldTF, len(rels))
	bodyTF := make([]fieldTF, len(rels))
	titleLen := make([]int, len(rels))
	bodyLen := make([]int, len(rels))
	ix.docs = make([]docInfo, len(rels))
	var ids []int32
	var brks []bool
	count := func(tf fieldTF, ids []int32, brks []bool) int {
		n := 0
		for k, id := range ids {
			tf[id]++
			n++
			if k > 0 && !brks[k] {
				key := bigramKey(ids[k-1], id)
				bid, ok := ix.bigrams[key]
				if !ok {
					bid = int32(ix.nterms)
					ix.bigrams[key] = bid
					ix.nterms++
				}
				tf[bid]++
			}
		}
		return n
	}
	for i := range rels {
		r := &rels[i]
		titleTF[i], bodyTF[i] = fieldTF{}, fieldTF{}
		ids, brks = ix.termSeq(&tz, r.Title, true, ids[:0], brks[:0])
		titleLen[i] = count(titleTF[i], ids, brks)
		d := &ix.docs[i]
		seen := map[int32]bool{}
		for k, id := range ids {
			if !seen[id] {
				seen[id] = true
				d.title = append(d.title, id)
			}
			if k > 0 && !brks[k] {
				bid := ix.bigrams[bigramKey(ids[k-1], id)]
				if !seen[bid] {
					seen[bid] = true
					d.titleBigrams = append(d.titleBigrams, bid)
				}
			}
		}
		n := 0
		for _, part := range append([]string{r.Body}, r.LinesToTake...) {
			ids, brks = ix.termSeq(&tz, part, true, ids[:0], brks[:0])
			n += count(bodyTF[i], ids, brks)
			ix.countCase(&tz)
		}
		bodyLen[i] = n
		d.day = dayNumber(r.Published, r.DateOnly, loc)
	}
	ix.df = make([]int32, ix.nterms)
	for i := range rels {
		for id := range titleTF[i] {
			ix.df[id]++
		}
		for id := range bodyTF[i] {
			if _, inTitle := titleTF[i][id]; !inTitle {
				ix.df[id]++
			}
		}
	}
	N := float64(len(rels))
	ix.idfUnique = float32(math.Log(1 + (N-0.5)/1.5))
	if ix.idfUnique <= 0 {
		ix.idfUnique = 1
	}
	ix.idf = make([]float32, ix.nterms)
	for id, df := range ix.df {
		ix.idf[id] = float32(math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5)))
	}
	avgT, avgB := 1.0, 1.0
	if len(rels) > 0 {
		st, sb := 0, 0
		for i := range rels {
			st += titleLen[i]
			sb += bodyLen[i]
		}
		avgT = math.Max(1, float64(st)/N)
		avgB = math.Max(1, float64(sb)/N)
	}
	ix.post = make([][]posting, ix.nterms)
	for i := range rels {
		nt := 1 - titleB + titleB*float64(titleLen[i])/avgT
		nb := 1 - bodyB + bodyB*float64(bodyLen[i])/avgB
		terms := make([]int32, 0, len(titleTF[i])+len(bodyTF[i]))
		add := func(id int32) {
			tf := titleWeight*float64(titleTF[i][id])/nt + float64(bodyTF[i][id])/nb
			w := float64(ix.idf[id]) * tf / (bm25K1 + tf)
			ix.post[id] = append(ix.post[id], posting{doc: int32(i), w: float32(w)})
			terms = append(terms, id)
		}
		for id := range titleTF[i] {
			add(id)
		}
		for id := range bodyTF[i] {
			if _, inTitle := titleTF[i][id]; !inTitle {
				add(id)
			}
		}
		sort.Slice(terms, func(a, b int) bool { return terms[a] < terms[b] })
		d := &ix.docs[i]
		d.terms = terms
		for _, id := range d.title {
			d.titleMass += ix.idf[id]
		}
		for _, id := range d.titleBigrams {
			d.titleBigramMass += ix.idf[id]
		}
	}
	ix.buildCentroids(rels)
	return ix
}

// buildCentroids computes the topics' word centroids (see index.topics).
func (ix *index) buildCentroids(rels []Release) {
	isWord := make([]bool, ix.nterms)
	for _, id := range ix.words {
		isWord[id] = true
	}
	byTopic := map[string]int{}
	norms := make([]float64, len(rels))
	for id, ps := range ix.post {
		if !isWord[id] {
			continue
		}
		for _, p := range ps {
			norms[p.doc] += float64(p.w) * float64(p.w)
		}
	}
	for i := range rels {
		for k, tp := range rels[i].Topics {
			ti, ok := byTopic[tp]
			if !ok {
				ti = len(ix.topics)
				byTopic[tp] = ti
				ix.topics = append(ix.topics, tp)
				ix.centroid = append(ix.centroid, make([]float32, ix.nterms))
			}
			_ = k
		}
	}
	for id, ps := range ix.post {
		if !isWord[id] {
			continue
		}
		for _, p := range ps {
			if norms[p.doc] == 0 {
				continue
			}
			v := float64(p.w) / math.Sqrt(norms[p.doc])
			for k, tp := range rels[p.doc].Topics {
				w := 1.0
				if k == 0 {
					w = 2
				}
				ix.centroid[byTopic[tp]][id] += float32(w * v)
			}
		}
	}
	for _, c := range ix.centroid {
		var n float64
		for _, v := range c {
			n += float64(v) * float64(v)
		}
		if n == 0 {
			continue
		}
		n = math.Sqrt(n)
		for i := range c {
			c[i] = float32(float64(c[i]) / n)
		}
	}
}

// has reports whether doc contains term id.
func (d *docInfo) has(id int32) bool {
	lo, hi := 0, len(d.terms)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.terms[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(d.terms) && d.terms[lo] == id
}
