package routing

import (
	"math"
	"slices"
	"strconv"
)

// The topic model learnt from the release catalogue (issue 11). Each
// release is a labelled example: its words and the topics the desk tagged
// it with. A word the catalogue uses in several releases, mostly under one
// topic ("Netanyahu", "ceasefire", "Dodik", "tariffs"), says that topic on
// its own, in any enquiry, whether or not the enquiry links to one of
// those releases: this is what lets the topic stand on the enquiry's own
// words when no release is confident enough to link, and what an enquiry
// in another language shares with English releases once its words are
// read through its vocabulary (see topiclexlang.go) and its names folded
// into Latin.
//
// For a word w found in df releases, n_t of them under topic t (a
// release's first topic counts 1, its others ½), the word's confidence in
// t is n_t/df, and its evidence for t is how far that confidence rises
// above what any word of the catalogue would show (the share of releases
// under t), scaled down for words seen in fewer than modelFullDF
// releases, and smoothed towards that share by modelSmooth releases'
// worth: words in one release only teach nothing yet, and words spread
// over the topics ("minister", "UK") fall below modelMinConf. An enquiry's evidence for t is the sum over its distinct words,
// weighted by where they are (question, subject, text …) as the keywords
// are; the reason names the words and how many releases the topic was
// learnt from.
//
// In another language a name often carries a case ending the catalogue
// does not ("Dodiku", "Sarajevu", "Ірану"): for such a message, a word
// the model does not know may meet a model word that it extends by up to
// three letters, or that shares all but its last two letters with it
// (five at least).

const (
	modelMinDF   = 2   // a word must be in this many releases to be learnt
	modelFullDF  = 4   // from this many releases a word counts in full
	modelMinConf = 0.5 // a word counts for a topic from this confidence
	modelSmooth  = 2   // releases' worth of the prior in a word's confidence
	// modelWordWeight weighs a word that is not a name: "boats" or
	// "organised" say less about a topic than "Rafah" or "Kosovo" do.
	modelWordWeight = 0.5
	// A word whose releases fall under modelSpreadTopics first topics or
	// more is learnt for one of them only when modelSpreadShare of its
	// releases are that topic's first: the desk's own Prime Minister
	// meets leaders of every region, and a catalogue of a season's news
	// (most of it one war's) would otherwise tie him to that war's desk.
	modelSpreadTopics = 3
	modelSpreadShare  = 0.75
)

// topicModel is the learnt model of one catalogue snapshot, for one
// desk's topics. It is read off the catalogue's index (the words and the
// releases that use them), so learning it costs one pass over the
// postings of the words in two releases or more.
type topicModel struct {
	cat *Catalogue
	// row maps the index's term ids the model has something to say
	// about to their row in weight (a few hundred of the catalogue's
	// words).
	row map[int32]int32
	// weight[r*nt+t] is row r's evidence for topic t (0: none).
	weight []float32
	nt     int
	// words[r] is row r's term; name[r] is set when the catalogue writes
	// it with a capital mid-sentence (a person, place or body).
	words []string
	name  []bool
	// releases[t] is how many releases carry topic t.
	releases []int
}

// model returns the learnt model for cat, building it on first use of a
// snapshot (a reload gets its own).
func (t *Topics) model(cat *Catalogue) *topicModel {
	if cat == nil || cat.idx == nil {
		return nil
	}
	if m := t.learnt.Load(); m != nil && m.cat == cat {
		return m
	}
	t.learntMu.Lock()
	defer t.learntMu.Unlock()
	if m := t.learnt.Load(); m != nil && m.cat == cat {
		return m
	}
	m := t.buildModel(cat)
	t.learnt.Store(m)
	return m
}

// docTopicT is one of a release's topics the desk knows, with its weight
// in the model: its first 1, the others ½.
type docTopicT struct {
	ti int
	w  float32
}

// buildModel learns the model from cat's index.
func (t *Topics) buildModel(cat *Catalogue) *topicModel {
	ix := cat.idx
	nt := len(t.topics)
	m := &topicModel{cat: cat, nt: nt, releases: make([]int, nt), row: map[int32]int32{}}
	topicOf := map[string]int{}
	for i, tp := range t.topics {
		topicOf[tp.id] = i
	}
	// each release's topics the desk knows, with their weights: its first
	// 1, the others ½
	docTopics := make([][]docTopicT, len(cat.releases))
	total := 0
	for d := range cat.releases {
		for _, id := range cat.releases[d].Topics {
			ti, ok := topicOf[id]
			if !ok || slices.ContainsFunc(docTopics[d], func(x docTopicT) bool { return x.ti == ti }) {
				continue
			}
			w := float32(1)
			if len(docTopics[d]) > 0 {
				w = 0.5
			}
			docTopics[d] = append(docTopics[d], docTopicT{ti, w})
			m.releases[ti]++
		}
		if len(docTopics[d]) > 0 {
			total++
		}
	}
	if total == 0 {
		return m
	}
	prior := make([]float64, nt)
	for ti, n := range m.releases {
		prior[ti] = float64(n) / float64(total)
	}
	regionDocs := t.regionDocs(cat)
	n := make([]float64, nt)
	first := make([]int, nt) // releases with the word under each first topic
	row := make([]float32, nt)
	for term, id := range ix.words {
		if int(id) >= len(ix.df) || ix.df[id] < modelMinDF || len(term) < 3 {
			continue
		}
		clear(n)
		clear(first)
		df, firsts := 0.0, 0
		for _, p := range ix.post[id] {
			if dt := docTopics[p.doc]; len(dt) > 0 {
				df++
				for _, x := range dt {
					n[x.ti] += float64(x.w)
				}
				if first[dt[0].ti]++; first[dt[0].ti] == 1 {
					firsts++
				}
			}
		}
		if df < modelMinDF {
			continue
		}
		share, ok := ix.nameShare(term)
		name := ok && share >= 0.7
		where := -1 // a region every release of this name names
		if name {
			where = regionOf(regionDocs, ix.post[id], docTopics)
		}
		any := false
		for ti := range nt {
			row[ti] = 0
			conf := (n[ti] + modelSmooth*prior[ti]) / (df + modelSmooth)
			if conf < modelMinConf || conf <= prior[ti] || ti == t.fallback {
				continue
			}
			if firsts >= modelSpreadTopics && float64(first[ti]) < modelSpreadShare*df {
				continue // every desk's word: the desk's own Prime Minister, "European"
			}
			row[ti] = float32((conf - prior[ti]) / (1 - prior[ti]) * min(1, df/modelFullDF))
			any = true
		}
		if where >= 0 {
			// A name every release of which names a region's keyword
			// says where the story is, not what it is about: "Rome",
			// "Palazzo Chigi", "Giorgia", "Starmer" in the Meloni
			// releases (migration first, all naming Italy) teach no
			// desk but a region's ("the Channel", in releases of which
			// some name no region, is still migration's).
			for ti := range row {
				if !t.topics[ti].regional {
					row[ti] = 0
				}
			}
			any = slices.ContainsFunc(row, func(w float32) bool { return w > 0 })
		}
		if !any {
			continue
		}
		m.row[id] = int32(len(m.words))
		m.words = append(m.words, term)
		m.name = append(m.name, name)
		if !name {
			for ti := range row {
				row[ti] *= modelWordWeight
			}
		}
		m.weight = append(m.weight, row...)
	}
	return m
}

// regionDocs returns, for each regional topic, which releases of cat name
// one of its keywords that are names ("Italy", "Edi Rama": every word of
// it); nil for the other topics.
func (t *Topics) regionDocs(cat *Catalogue) [][]bool {
	ix := cat.idx
	out := make([][]bool, len(t.topics))
	var tz tokenizer
	var ids []int32
	for ti := range t.topics {
		if !t.topics[ti].regional {
			continue
		}
		docs := make([]bool, len(cat.releases))
		for i := range t.topics[ti].phrases {
			ph := &t.topics[ti].phrases[i]
			if ph.kind != evKeyword || !ph.capitalised || ph.weight != 1 {
				continue
			}
			ids, _ = ix.termSeq(&tz, ph.text, false, ids[:0], nil)
			if len(ids) == 0 || slices.ContainsFunc(ids, func(id int32) bool { return id < 0 }) {
				continue
			}
			for _, p := range ix.post[ids[0]] {
				if !slices.ContainsFunc(ids[1:], func(id int32) bool { return !ix.contains(id, p.doc) }) {
					docs[p.doc] = true
				}
			}
		}
		out[ti] = docs
	}
	return out
}

// regionOf returns the regional topic every release of posts (among those
// with a topic the desk knows) names a keyword of (-1: none).
func regionOf(regionDocs [][]bool, posts []posting, docTopics [][]docTopicT) int {
	for ti, docs := range regionDocs {
		if docs == nil {
			continue
		}
		all, n := true, 0
		for _, p := range posts {
			if len(docTopics[p.doc]) == 0 {
				continue
			}
			n++
			if !docs[p.doc] {
				all = false
				break
			}
		}
		if all && n > 0 {
			return ti
		}
	}
	return -1
}

// lookup returns the model's row for term w (-1: none). With foreign set
// (an enquiry in another language), a word the catalogue does not know
// may be one of its names in another script or with a case ending
// ("Ірану", "Sarajevu", "رفح": index.nameMatch).
// cache is w's slot in a caller's cache of word ids (see wordID).
func (m *topicModel) lookup(w, word []byte, foreign bool, buf *[]byte, cache *int32) int32 {
	ix := m.cat.idx
	id, ok := m.wordID(w, cache)
	if !ok && foreign {
		id, ok = ix.nameMatch(word, buf), true
	}
	if !ok || id < 0 {
		return -1
	}
	if r, ok := m.row[id]; ok {
		return r
	}
	return -1
}

// common reports whether the catalogue uses stem w in modelFullDF
// releases or more ("UK", "British", "Minister"): a word that common is
// not a name an enquiry gives one ship, aircraft or unit.
func (m *topicModel) common(w []byte) bool {
	cache := wordIDUnseen
	return m.commonAt(w, &cache)
}

// commonAt is common with w's slot in a cache of word ids (see wordID).
func (m *topicModel) commonAt(w []byte, cache *int32) bool {
	ix := m.cat.idx
	id, ok := m.wordID(w, cache)
	return ok && int(id) < len(ix.df) && ix.df[id] >= modelFullDF
}

// The topic matcher asks the model about the same stem of a message up to
// three times (lookup for the learnt model's hits, lookup again for the
// names in the questions, common): each a look-up in the catalogue's word
// map, which, for 10,000 releases, is large enough to miss the CPU's
// cache. A caller keeps one int32 slot per stem, set to wordIDUnseen, and
// wordID looks the stem up once: the slot then holds its id, or
// wordIDAbsent for a stem no release uses.
const (
	wordIDUnseen int32 = math.MinInt32
	wordIDAbsent int32 = math.MinInt32 + 1
)

// wordID returns the catalogue's id of stem w (index.words) and whether
// it has one, through w's slot in a cache.
func (m *topicModel) wordID(w []byte, cache *int32) (int32, bool) {
	if *cache == wordIDUnseen {
		if id, ok := m.cat.idx.words[string(w)]; ok {
			*cache = id
		} else {
			*cache = wordIDAbsent
		}
	}
	return *cache, *cache != wordIDAbsent
}

// modelHit is a word of the enquiry the model knows.
type modelHit struct {
	term  int32
	place uint8
	orig  []byte // the enquiry's word, when it differs from the term
}

// addModelHit records model term i found at place p (orig: the word as
// the enquiry writes it, nil when it is the term).
func (sc *topicScan) addModelHit(i int32, p uint8, orig []byte) {
	for h := range sc.model {
		if mh := &sc.model[h]; mh.term == i {
			if p < mh.place {
				mh.place = p
			}
			return
		}
	}
	sc.model = append(sc.model, modelHit{term: i, place: p, orig: orig})
}

// appendModelReason writes the model's evidence for topic ti: 'words
// "Dodik", "Srpska" as "srpske" (learnt from 7 releases)'.
func (m *topicModel) appendModelReason(b []byte, hits []modelHit, ti int) []byte {
	b = append(b, "words "...)
	n := 0
	for _, h := range hits {
		if m.weight[int(h.term)*m.nt+ti] <= 0 {
			continue
		}
		if n == 5 {
			b = append(b, ", …"...)
			break
		}
		if n > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, m.words[h.term])
		if h.orig != nil {
			b = strconv.AppendQuote(append(b, " as "...), string(h.orig))
		}
		n++
	}
	b = append(b, " (learnt from "...)
	b = strconv.AppendInt(b, int64(m.releases[ti]), 10)
	return append(b, " releases)"...)
}
