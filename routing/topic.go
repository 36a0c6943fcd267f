package routing

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/config"
)

// Topics chooses the desk that should answer an enquiry. For an enquiry
// linked to a release, the release's topics are the candidate desks and
// its first topic is the default; the question moves the enquiry to
// another of the release's topics when it is about that (British
// nationals on a PM-call release tagged [middle-east, consular] go to
// consular), and outside the release's topics only to a functional desk
// (consular, aid, trade) on strong, specific evidence: two distinct
// specific words of its family, one of them in a question. Words of
// armed forces and sanctions stay with a release whose first topic is a
// region — they are that region's story — unless the questions are about
// them (questionLed). With no release linked, the question decides.
//
// The enquiry is read in places of decreasing weight: the question focus
// (sentences ending in '?', list items, and sentences that ask the desk
// for something: "could you tell me", "please confirm", "whether …"), the
// subject line, the rest of the new text, forwarded text and quoted
// history. In each place, per topic, it finds
//
//   - the topic's keywords (topics[].keywords, and the phrases of its name
//     at half weight), matched as whole words or phrases on roots, so
//     morphological variants meet ("evacuation"/"evacuees",
//     "sanction"/"sanctioned", "investment"/"investors"); a keyword of a
//     regional topic (one whose keywords are mostly names) that the
//     catalogue writes with a capital (a place, person or body) is a name:
//     it says where, not what is asked, and names add up slowly;
//   - related terms (topiclex.go): small families of words a topic's
//     keywords belong to ("troops" brings "personnel", "battalion";
//     "sanctions" brings "asset freeze", "designations"), each family
//     functional, thematic or a policy area;
//   - for a regional topic (keywords mostly names), the politics of the
//     region ("relations", "accession", "dialogue"), counting only as far
//     as the region is named;
//   - for the fallback topic, the desk's own business (diaries,
//     appointments, staffing, complaints).
//
// Each distinct term counts once at its best place, a little more when
// repeated. To that adds the linked release's topics as a prior (its first
// more than the others, × the link's probability), the enquiry's cosine
// similarity with each topic's releases in the catalogue, and, with no
// release linked, the topics of the nearest releases × the share of the
// enquiry each covers. The highest-scoring candidate wins; below a
// minimum, or when the desk's own business outweighs every topic, the
// fallback topic answers. The reason names the evidence, and the thematic
// words set aside when they would otherwise have won.
type Topics struct {
	topics   []topicRule
	fallback int                 // index of the fallback topic (-1: none)
	first    map[string][]phrRef // first root of a phrase → phrases starting with it
	// firstFilter pre-checks the keys of first (most words start no phrase).
	firstFilter wordFilter
	// pairs holds the two-word phrases in reverse order ("boat small"),
	// for languages that put the adjective after the noun (see
	// topiclexlang.go).
	pairs map[string]bool
	// context holds the roots of the families' context words, each with
	// the families (bits by group) it is context for (see
	// phrase.contextual)
	context map[string]uint64
	// ctxOwn holds the roots of the families' contextual words of one
	// word, with the families they are contextual in: such a word is no
	// context for another of its family's contextual words
	ctxOwn map[string]uint64
	// measures holds the families (bits by group) whose words are
	// measures against a state (sanctions: config.TermFamily.Measures)
	measures uint64
	// learnt is the topic model of the last catalogue snapshot routed
	// with (topicmodel.go), built under learntMu.
	learnt   atomic.Pointer[topicModel]
	learntMu sync.Mutex
	// places files the desk's one-word names by their spelling skeleton
	// (buildPlaces); placeWords are their phrases' roots and stems.
	places     map[string][]nameEntry
	placeWords []placeWord
	// own: the desk's own acronyms (its name's, its reference prefix, its
	// address's domain: "FCDO"), folded; spelt out ("Foreign,
	// Commonwealth & Development Office") they name the desk, not a
	// question's matter (see acronyms)
	own []string
	// visaGroup: the family whose plain word "visa" is (the consular
	// service's paper; -2: none), see foreignVisas
	visaGroup int8
	// ukVisa: the desk's own "UK visas" (desk_self), which a visa other
	// citizens hold is where no regional desk's citizens hold it
	ukVisa phrRef
}

type topicRule struct {
	id       string
	regional bool // its keywords are mostly names: diplomacy counts for it
	phrases  []phrase
	// visaPh: a regional topic's phrase for the UK's visa its citizens
	// hold (foreignVisas), matched by no word of its own (-1: none)
	visaPh int
}

// Kinds of evidence.
const (
	evKeyword   = iota // a desk keyword (or a phrase of the topic's name)
	evRelated          // a related term (conceptGroups)
	evDiplomacy        // politics of a region, for regional topics
	evDesk             // the desk's own business, for the fallback topic
	nEvidence
)

type phrase struct {
	text   string
	roots  []string
	stems  []string // as the catalogue index spells them (for isName)
	kind   uint8
	weight float64 // within its kind: 1, or 0.5 for the phrases of a topic's name
	// capitalised is set when the desk wrote the keyword with a capital.
	capitalised bool
	via         string // for a related term: the keyword that brought it
	// family: the kind of the related-term family the phrase belongs to
	// (also for a keyword that is one of a family's words), when inFamily;
	// specific: a specific word of a functional family (see conceptGroup).
	family   familyKind
	inFamily bool
	specific bool
	group    int8 // the family's index in the lexicon's groups (-1: none)
	// self: a desk-business phrase that names the desk itself ("press
	// office", "duty rota"); it counts in any sentence, the others only
	// in a sentence that asks about no policy (see deskHit).
	self bool
	// region: a place of a region the topic is named after (topiclex.yaml
	// regions), not one of the desk's keywords: it counts only with no
	// release linked, where nothing else says which region the enquiry is
	// in (a linked release's topics say it better).
	region bool
	// people: one of a region's peoples or adjectives as English writes
	// them ("Iranian"), a region's name in an English enquiry only
	// (another language's are in its vocabulary: not spelt-name matched)
	people bool
	// contextual: a family's word that is its evidence only beside
	// another of the topic's words in the same sentence ("returns" of
	// migrants, not of a museum's sculptures; topiclex.yaml contextual)
	contextual bool
	// whole: for a phrase of several words of which one is left once its
	// stopwords are dropped ("out of hours" is "hours", "response time"
	// "response"), every word as written, folded, and lead, how many of
	// them come before that one: the phrase is met only where the text
	// writes them all (see wholeAt), not wherever its one word stands
	// ("an Israeli military response", "within 24 hours").
	whole []wholeForm
	// post: a functional family's word that names the service's offices
	// or papers (the consulate, the consul, a visa): where the service is
	// given, not what is asked of it (see postWords)
	post bool
}

// postWords are the words that name where a functional desk's service is
// given and the papers it is given on — a consulate, its consul, a visa, a
// passport —
// rather than the service: a question about the consulate itself (an
// interview with the consul, the new honorary consul, an event or a job
// there) or about the UK's own visas (a student visa, the visa fees, the
// electronic travel authorisation) asks the desk's own business, or
// nothing a desk covers, with a consular office or paper as its place, as
// "the ambassador in Tirana" does with a country (see postsOnly). The
// service is asked in the family's other words (British nationals
// detained, consular assistance, travel advice), which stay the family's
// wherever the consulate or a visa is named.
var postWords = []string{"consulate", "consulates", "consul", "consuls", "consular", "consul general",
	"consuls general", "consulate general", "consulates general", "honorary consul", "honorary consuls", "vice consul",
	"visa", "visas", "passport", "passports"}

// wholeForm is one way a phrase of several words with one left once its
// stopwords are dropped is written: its words, folded, and how many of
// them come before that one.
type wholeForm struct {
	words []string
	lead  int
}

// thematic reports whether the phrase is a word of a thematic family
// (armed forces, sanctions): it never moves an enquiry off its release's
// first topic.
func (p *phrase) thematic() bool { return p.inFamily && p.family == famThematic }

type phrRef struct{ topic, ph int }

// Places of the text, in decreasing weight.
const (
	plFocus = iota
	plSubject
	plText
	plForward
	plQuoted
	nPlaces
)

var placeNames = [nPlaces]string{"question", "subject", "text", "forwarded", "quoted"}

// topicParams weigh the topic evidence (see doc.go for how they were set).
type topicParams struct {
	place    [nPlaces]float64   // weight of each place of the text
	kind     [nEvidence]float64 // weight of each kind of evidence
	name     float64            // a keyword that is a name, relative to a keyword
	relFirst float64            // the release's first topic, × link confidence
	relOther float64            // its other topics
	near     float64            // with no release linked: topics of the nearest releases × cover
	centroid float64            // × the enquiry's similarity with the topic's releases
	learn    float64            // × the learnt model's evidence (topicmodel.go), at most learnMax
	learnMax float64
	min      float64 // below this the fallback topic answers
}

var defaultTopicParams = topicParams{
	place:    [nPlaces]float64{1.0, 0.6, 0.5, 0.3, 0.1},
	kind:     [nEvidence]float64{1.0, 0.6, 0.5, 0.6},
	name:     0.4,
	relFirst: 0.8, relOther: 0.4, near: 0.6, centroid: 1.0, min: 0.4,
	learn: 1.0, learnMax: 2,
}

// variantWeight discounts a phrase found as a variant of its words
// ("deployed" for the keyword "deployment"): the same root, often another
// sense.
const variantWeight = 0.85

// TopicChoice is the chosen topic with its score and reason.
type TopicChoice struct {
	Topic  string  `json:"topic"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
	// aboutDesk is set when the desk's own business outweighs every topic
	// of the linked release, none of them the fallback: the enquiry asks
	// about the desk (its handling, its staff), not about the release its
	// text names (see Router.Classify)
	aboutDesk bool
}

// rootSuffixes are the derivational endings topicRoot takes off, longest
// first where one ends another.
var rootSuffixes = [...]string{"ation", "ition", "ment", "ion", "ee", "at", "er", "or"}

// topicRootBytes is topicRoot on bytes, returning a subslice of w.
func topicRootBytes(w []byte) []byte {
	// Every suffix leaves four letters and ends in n, t, e or r.
	if len(w) < 6 {
		return w
	}
	switch w[len(w)-1] {
	case 'n', 't', 'e', 'r':
	default:
		return w
	}
	for _, suf := range rootSuffixes {
		if n := len(w) - len(suf); n >= 4 && string(w[n:]) == suf && measure(w[:n]) > 1 {
			return w[:n]
		}
	}
	return w
}

// topicRoot reduces a stemmed word to a root shared by its derivations:
// "evacuation", "evacuat(e)" and "evacuee" → "evacu"; "deployment" →
// "deploy"; "investor" → "invest"; "designat(ed)" → "design". A root keeps
// at least four letters and two syllables' worth of vowel-consonant
// sequences (measure > 1, as Porter's stemmer asks of these endings): a
// shorter one is another word's ("coalition" is not "coal", "mission" not
// "miss", "counter" not "count", "movement" not "move", "statement" not
// "state"), so such a word keeps its own root, or takes a shorter ending
// off ("coalition" → "coalit", "migration" → "migrat" as "migrat(e)").
func topicRoot(w string) string {
	return string(topicRootBytes([]byte(w)))
}

// measure is Porter's measure of a stem: how many vowel-consonant
// sequences it has ("coal", "miss" 1; "deploy", "invest", "evacu" 2). A
// 'y' after a consonant is a vowel; bytes of other scripts are consonants.
func measure(w []byte) int {
	m, vowel := 0, false
	for i, c := range w {
		v := false
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			v = true
		case 'y':
			v = i > 0 && !isVowelAt(w, i-1)
		}
		if !v && vowel {
			m++
		}
		vowel = v
	}
	return m
}

// isVowelAt reports whether w[i] is a vowel for measure.
func isVowelAt(w []byte, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return i > 0 && !isVowelAt(w, i-1)
	}
	return false
}

// NewTopics compiles cfg's topics.
func NewTopics(cfg *config.Config) *Topics {
	t := &Topics{first: map[string][]phrRef{}, pairs: map[string]bool{}, context: map[string]uint64{}, ctxOwn: map[string]uint64{}, fallback: -1}
	ownWords := strings.FieldsFunc(cfg.Desk.Name+" "+cfg.Desk.ReferencePrefix+" "+cfg.Desk.Address, func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	for _, w := range ownWords {
		if len(w) >= 3 && len(w) <= 6 && !slices.Contains(t.own, strings.ToLower(w)) {
			t.own = append(t.own, strings.ToLower(w))
		}
	}
	var tz tokenizer
	fb := cfg.FallbackTopic()
	// the family of every word of the lexicon, by its roots
	type famOf struct {
		kind                 familyKind
		specific, contextual bool
		group                int8
	}
	lex := lexiconFor(cfg.TopicVocabulary)
	families := map[string]famOf{}
	for gi, g := range lex.groups {
		if g.measures && gi < 64 {
			t.measures |= 1 << gi
		}
		for _, w := range g.context {
			if r, _ := phraseRoots(&tz, w); len(r) == 1 && gi < 64 {
				t.context[r[0]] |= 1 << gi
			}
		}
		for _, w := range g.contextual {
			if r, _ := phraseRoots(&tz, w); len(r) == 1 && gi < 64 {
				t.ctxOwn[r[0]] |= 1 << gi
			}
		}
		for i, w := range g.all() {
			r, _ := phraseRoots(&tz, w)
			families[strings.Join(r, " ")] = famOf{g.kind, i < len(g.specific), i >= len(g.specific)+len(g.words), int8(gi)}
		}
	}
	for _, tp := range cfg.Topics {
		rule := topicRule{id: tp.ID}
		seen := map[string]bool{}
		add := func(text string, kind uint8, w float64, via string) bool {
			roots, stems := phraseRoots(&tz, text)
			key := strings.Join(roots, " ")
			if len(roots) == 1 && seen[key] {
				// another way to write a phrase of one word left ("takes
				// up the post" beside "take up the post"); a family's
				// word alone is met wherever it is written, and read as
				// that word ("agencies" beside "UN agencies", whose "UN"
				// is a stopword)
				for i := range rule.phrases {
					if p := &rule.phrases[i]; p.whole != nil && p.roots[0] == roots[0] && p.kind == kind {
						if wf, ok := wholeWords(&tz, text); ok {
							p.whole = append(p.whole, wf)
						} else if kind == evRelated {
							p.whole, p.text, p.capitalised = nil, strings.TrimSpace(text), strings.ToLower(text) != text
						}
					}
				}
			}
			if len(roots) == 0 || seen[key] {
				return false
			}
			seen[key] = true
			text = strings.TrimSpace(text)
			fam, inFam := families[key]
			inFam = inFam && (kind == evKeyword || kind == evRelated)
			rule.phrases = append(rule.phrases, phrase{text: text, roots: roots, stems: stems, kind: kind, weight: w,
				capitalised: strings.ToLower(text) != text, via: via, group: -1,
				family: fam.kind, inFamily: inFam, specific: inFam && fam.specific && fam.kind == famFunctional})
			if wf, ok := wholeWords(&tz, text); ok && len(roots) == 1 {
				rule.phrases[len(rule.phrases)-1].whole = []wholeForm{wf}
			}
			if inFam {
				rule.phrases[len(rule.phrases)-1].group = fam.group
				rule.phrases[len(rule.phrases)-1].contextual = fam.contextual
			}
			return true
		}
		names := 0
		for _, k := range tp.Keywords {
			add(k, evKeyword, 1, "")
			if strings.ToLower(k) != k {
				names++
			}
		}
		if !tp.Fallback {
			for _, part := range splitName(tp.Name) {
				add(part, evKeyword, 0.5, "")
			}
		}
		// related terms: every group one of the topic's keywords belongs to
		keyRoots := map[string]string{}
		for _, p := range rule.phrases {
			if !p.capitalised || p.weight < 1 {
				if !p.capitalised {
					keyRoots[strings.Join(p.roots, " ")] = p.text
				}
			}
		}
		for _, g := range lex.groups {
			via := ""
			words := g.all()
			for _, w := range words {
				r, _ := phraseRoots(&tz, w)
				if k, ok := keyRoots[strings.Join(r, " ")]; ok {
					via = k
					break
				}
			}
			if via == "" {
				continue
			}
			for _, w := range words {
				add(w, evRelated, 1, via)
			}
		}
		rule.regional = len(tp.Keywords) > 0 && 2*names > len(tp.Keywords)
		rule.visaPh = -1
		if rule.regional {
			for _, w := range lex.diplomacy {
				add(w, evDiplomacy, 1, "")
			}
			// the UK's visas for the region's citizens are the region's
			// politics (visa liberalisation, a visa-free regime): read
			// only where a question's visa is theirs (foreignVisas),
			// never by its word alone, so it is left out of t.first
			if add("visa", evDiplomacy, 1, "") {
				rule.visaPh = len(rule.phrases) - 1
			}
			// the places of the regions the topic is named after
			// ("Europe and the Western Balkans": Spain, Warsaw, EU)
			for _, part := range splitName(tp.Name) {
				part = strings.TrimPrefix(strings.TrimPrefix(part, "the "), "The ")
				for _, rg := range lex.regions {
					if strings.EqualFold(rg.Name, part) {
						for _, w := range rg.Places {
							if add(w, evKeyword, 1, "") {
								rule.phrases[len(rule.phrases)-1].region = true
							}
						}
						for _, w := range rg.Peoples {
							if add(w, evKeyword, 1, "") {
								rule.phrases[len(rule.phrases)-1].region = true
								rule.phrases[len(rule.phrases)-1].people = true
							}
						}
					}
				}
			}
		}
		if tp.ID == fb {
			t.fallback = len(t.topics)
			for _, w := range lex.deskSelf {
				if add(w, evDesk, 1, "") {
					rule.phrases[len(rule.phrases)-1].self = true
				}
			}
			for _, w := range lex.deskBusiness {
				add(w, evDesk, 1, "")
			}
		}
		for i := range rule.phrases {
			if p := &rule.phrases[i]; (p.kind == evKeyword || p.kind == evRelated) && !rule.regional &&
				slices.ContainsFunc(postWords, func(w string) bool { return strings.EqualFold(w, p.text) }) {
				p.post = true
			}
		}
		t.topics = append(t.topics, rule)
	}
	t.visaGroup, t.ukVisa = -2, phrRef{-1, -1}
	for ti := range t.topics {
		for pi, p := range t.topics[ti].phrases {
			if p.post && p.inFamily && p.group >= 0 && strings.EqualFold(p.text, "visa") {
				t.visaGroup = p.group
			}
			if ti == t.fallback && p.self && (p.text == "UK visa" || p.text == "UK visas") {
				t.ukVisa = phrRef{ti, pi}
			}
		}
	}
	for ti := range t.topics {
		for pi, p := range t.topics[ti].phrases {
			if pi == t.topics[ti].visaPh {
				continue
			}
			t.first[p.roots[0]] = append(t.first[p.roots[0]], phrRef{ti, pi})
			t.firstFilter.Add(p.roots[0])
			if len(p.roots) == 2 {
				t.pairs[p.roots[1]+" "+p.roots[0]] = true
			}
		}
	}
	t.buildPlaces(&tz)
	return t
}

// placeWord is one of the desk's one-word names (a capitalised keyword or
// a region's place) as its phrases match it.
type placeWord struct {
	key        string // nameKey spelling
	root, stem string
}

// buildPlaces files the desk's one-word names (capitalised keywords,
// regions' places; not acronyms) under their transliteration skeletons
// (nameKey), so that an enquiry in another language naming one in its
// own spelling or with a case ending meets it (see placeMatch).
func (t *Topics) buildPlaces(tz *tokenizer) {
	t.places = map[string][]nameEntry{}
	seen := map[string]bool{}
	for ti := range t.topics {
		for pi := range t.topics[ti].phrases {
			p := &t.topics[ti].phrases[pi]
			if len(p.roots) != 1 || p.kind != evKeyword || !p.capitalised || strings.ToUpper(p.text) == p.text || p.people {
				continue
			}
			tz.tokenize(p.text)
			if len(tz.toks) != 1 {
				continue
			}
			w := string(tz.word(0))
			key, skel := nameKey([]byte(w), nil)
			if seen[w] || len(key) < 4 || len(skel) < 1 {
				continue
			}
			seen[w] = true
			t.places[string(skel)] = append(t.places[string(skel)], nameEntry{id: int32(len(t.placeWords)), key: string(key), word: w})
			t.placeWords = append(t.placeWords, placeWord{key: string(key), root: p.roots[0], stem: p.stems[0]})
		}
	}
}

// placeMatch returns the desk's name that folded word w (written with a
// capital, in a message in another language, and no word of the desk's)
// spells: "Bagdad" Baghdad, "Бейрут" Beirut, "Libyen" Libya, "Podgorici"
// Podgorica; the catalogue's names are matched the same way
// (index.nameMatch). A name of four letters must be met exactly, endings
// aside ("Mann" is not Amman, nor "Rige" Riga).
func (t *Topics) placeMatch(w []byte, buf *[]byte) *placeWord {
	if len(t.places) == 0 {
		return nil
	}
	id, _ := spellMatch(t.places, w, buf, false)
	if id < 0 {
		return nil
	}
	pw := &t.placeWords[id]
	if len(pw.key) < 5 {
		k, _ := nameKey(w, (*buf)[:0])
		if !bytes.HasPrefix(k, []byte(pw.key)) {
			return nil
		}
	}
	return pw
}

// splitName splits a topic name into phrases: "Middle East and North
// Africa" → "Middle East", "North Africa".
func splitName(name string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(name, func(r rune) bool { return r == ',' || r == '&' || r == '/' }) {
		for _, q := range strings.Split(" "+p+" ", " and ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// phraseRoots tokenises a keyword as the matcher tokenises text: its roots
// and its stems.
func phraseRoots(tz *tokenizer, s string) (roots, stems []string) {
	tz.tokenize(s)
	for k := range tz.toks {
		w, stop := tz.term(k)
		if stop {
			continue
		}
		stems = append(stems, string(w))
		roots = append(roots, topicRoot(string(w)))
	}
	return roots, stems
}

// wholeWords returns the folded words of phrase text and how many come
// before its first word that is no stopword, when it has stopwords (ok
// false otherwise).
func wholeWords(tz *tokenizer, text string) (wholeForm, bool) {
	tz.tokenize(text)
	if len(tz.toks) < 2 {
		return wholeForm{}, false
	}
	wf := wholeForm{words: make([]string, len(tz.toks)), lead: -1}
	for k := range tz.toks {
		wf.words[k] = string(tz.word(k))
		if _, stop := tz.term(k); !stop && wf.lead < 0 {
			wf.lead = k
		}
	}
	return wf, wf.lead >= 0
}

// wholeAt reports whether the words of phrase ph (one left once its
// stopwords are dropped: ph.whole) are all written, in one of its forms,
// around token tok of tz, its one word there.
func wholeAt(tz *tokenizer, tok int32, ph *phrase) bool {
	for _, wf := range ph.whole {
		start := int(tok) - wf.lead
		if start < 0 || start+len(wf.words) > len(tz.toks) {
			continue
		}
		ok := true
		for k, w := range wf.words {
			if k != wf.lead && string(tz.word(start+k)) != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// plansTo reports whether the word at token tok is "planning" written as
// a verb ("is the UK planning to attend the summit in Tirana?", "planning
// on"): what a government means to do, not the desk's forward planning
// (TestTopicPlanningTo).
//
// The verb's other forms are the same intention ("is anything planned?",
// "what the UK plans", "is there a plan?"): only "planning" the noun is
// the desk's.
func plansTo(tz *tokenizer, tok int32) bool {
	k := int(tok)
	if k < len(tz.toks) {
		if w := tz.word(k); strings.EqualFold(string(w), "planned") || strings.EqualFold(string(w), "plans") || strings.EqualFold(string(w), "plan") {
			return true
		}
	}
	if k+1 >= len(tz.toks) || tz.toks[k+1].sent != tz.toks[k].sent || !strings.EqualFold(string(tz.word(k)), "planning") {
		return false
	}
	next := string(tz.word(k + 1))
	return strings.EqualFold(next, "to") || strings.EqualFold(next, "on")
}

// selfWritten reports whether a phrase of the desk's own procedures that
// matched at token tok is written there as the desk writes it: in English
// with its stopwords, if any (wholeAt); in another language when the word
// was read from a phrase or word of the desk's own (topiclex_lang.json:
// Serbian "novinarske vize", journalist visa), not from the linker's
// vocabulary.
func selfWritten(tz *tokenizer, tok int32, orig []byte, gl topicGloss, ph *phrase) bool {
	if orig == nil {
		return ph.whole == nil || wholeAt(tz, tok, ph)
	}
	if bytes.IndexByte(orig, ' ') >= 0 {
		return true // a phrase of the language's desk words
	}
	return gl.desk != nil && gl.desk.translate(orig) != nil && gl.vt != nil && gl.vt.translate(orig) == nil
}

// topicScan holds the reusable buffers of one topic choice.
type topicScan struct {
	roots [][]byte // views into the message's term buffers
	stems [][]byte
	place []uint8
	sents []int32 // the sentence of each term
	// units: the question of each term — its sentence, or the part of a
	// sentence after a conjunction that asks again ("…, and did he
	// discuss …?"): see questionUnits
	units   []int32
	unitTok []int32  // questionUnits' per token
	origs   [][]byte // a translated term's word as written (nil: English)
	words   [][]byte // each term's word before stemming
	caps    []bool   // each term's word was written with a capital
	// oneWord: a translated term's vocabulary wrote its English as one
	// word (oneWordTerms), so it meets a phrase of the desk's whose other
	// words are stopwords only where the whole phrase is written
	oneWord []bool
	nameBuf []byte    // index.nameMatch's buffer
	wids    []int32   // the model's word ids of the scan's stems (topicModel.wordID)
	termOf  []int32   // per stem, its term of the text (-1: none; see the scan)
	qtz     tokenizer // markQuestions' tokenizer
	hits    []topicHit
	focus   []bool
	covered []int
	// desk: the desk's own business found in the current text, waiting
	// for policySent and selfSent, the sentences that name a policy
	// (another topic's keyword or related term) or the desk itself.
	desk                 []deskHit
	policySent, selfSent []int32
	// ctx: the contextual words found in the current text, waiting for
	// topicSent, the sentences with another word of a topic
	ctx       []deskHit
	topicSent []topicSent
	// model: the words the learnt topic model knows, at their best place
	model []modelHit
	// matched[i]: term i is part of a phrase of the desk's
	matched []bool
	// qhits: the evidence in each question sentence of the new text
	// (see questionLed)
	qhits []qHit
	// leaderQ: the regional topics a question names a leader of, with
	// a title (see topicFeatures.leaderQ), or whose citizens hold the
	// visa it asks about (foreignVisas)
	leaderQ uint64
	// fvSent: the sentences of the current text whose visa another
	// country's citizens hold (foreignVisas)
	fvSent []int32
	fvRegs []uint64 // the regional topics whose citizens hold it, by fvSent
	fvAny  bool     // a question of the new text asks about such a visa
	fvLead uint64   // the regional topics whose citizens hold it
	// toks: each term's token; them: the thematic topic of the phrase
	// a term is part of (+1; 0: none); bound: names written next to a
	// thematic phrase ("HMS Diamond", "Merlin helicopters"), of that
	// phrase's topic; qnames: unmatched names in question sentences,
	// waiting for bound
	toks   []int32
	them   []int16
	bound  []qHit
	qnames []qHit
	// acros: the acronyms the new text defines (see acronyms)
	acros []acronym
}

// acronym is an acronym an enquiry defines by writing out its words: the
// acronym folded ("gcap") and the desk's phrases (keywords, related
// terms) its words hold ("combat air").
type acronym struct {
	word []byte
	refs []phrRef
}

// acronymStop are the small words an acronym's letters skip ("Ministry of
// Defence", "Department for Business and Trade").
var acronymStop = [...]string{"of", "and", "for", "the", "on", "in"}

// isAcronymStop reports whether w is one of acronymStop, in any case.
func isAcronymStop(w string) bool {
	for _, x := range acronymStop {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// acronyms appends to out the acronyms text defines: a word of three to
// six capital letters whose letters are the initials of a run of
// capitalised words in the same text ("Global Combat Air Programme" and
// "GCAP"), when the run holds a phrase of the desk's. Acronyms the desk
// lists itself ("KFOR", "OFSI") match as they are.
func (t *Topics) acronyms(text string, out []acronym, tz *tokenizer) []acronym {
	// (allocation-free until an acronym is spelt out: most texts have
	// "FCDO" or "NATO" and no spelling out)
	for i := 0; i < len(text); {
		s, e := nextWord(text, i)
		if s < 0 {
			break
		}
		i = e
		a := text[s:e]
		if len(a) < 3 || len(a) > 6 || !allUpperASCII(a) || slices.ContainsFunc(t.own, func(o string) bool { return strings.EqualFold(o, a) }) {
			continue
		}
		if exp := spelledOut(text, a); exp != "" && !slices.ContainsFunc(out, func(x acronym) bool { return strings.EqualFold(string(x.word), a) }) {
			if roots, _ := phraseRoots(tz, a); len(roots) == 1 && len(t.first[roots[0]]) > 0 {
				continue // the desk's own word ("NATO")
			}
			if refs := t.phrasesIn(exp, tz); len(refs) > 0 {
				out = append(out, acronym{word: []byte(strings.ToLower(a)), refs: refs})
			}
		}
	}
	return out
}

// nextWord returns the bounds of the first word (a run of letters) of
// text at or after i (-1: none).
func nextWord(text string, i int) (int, int) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII without decoding (most of any text)
			if isASCIILetter(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return -1, -1
	}
	s := i
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return s, i
}

// allUpperASCII reports whether w is all capital letters A–Z.
func allUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// spelledOut returns the words of text that spell acronym a out: a run
// of capitalised words (not themselves all capitals) whose initials are
// a's letters, small words between them skipped (acronymStop); "" when
// there is none.
func spelledOut(text, a string) string {
	for i := 0; i < len(text); {
		// the next word that starts with a's first letter: a capital
		// (ASCII) not after a letter
		x := strings.IndexByte(text[i:], a[0])
		if x < 0 {
			return ""
		}
		s := i + x
		i = s + 1
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); s > 0 && unicode.IsLetter(r) {
			continue
		}
		// try the run starting at s
		k, end := 0, s
		for j := s; k < len(a); {
			ws, we := nextWord(text, j)
			if ws < 0 {
				break
			}
			w := text[ws:we]
			if k > 0 && isAcronymStop(w) {
				j = we
				continue
			}
			if w[0] != a[k] || allUpperASCII(w) {
				break
			}
			k, end, j = k+1, we, we
		}
		if k == len(a) {
			return text[s:end]
		}
	}
	return ""
}

// phrasesIn returns the desk's keywords and related terms found in s.
// A phrase whose other words are stopwords is met only as written
// ("Electronic Travel Authorisation" holds "travel", not "against all
// travel").
func (t *Topics) phrasesIn(s string, tz *tokenizer) []phrRef {
	roots, _ := phraseRoots(tz, s)
	rb := make([][]byte, len(roots))
	toks := make([]int32, 0, len(roots))
	for i, r := range roots {
		rb[i] = []byte(r)
	}
	for k := range tz.toks {
		if _, stop := tz.term(k); !stop {
			toks = append(toks, int32(k))
		}
	}
	var refs []phrRef
	for i, r := range roots {
		for _, ref := range t.first[r] {
			ph := &t.topics[ref.topic].phrases[ref.ph]
			if ph.whole != nil && !wholeAt(tz, toks[i], ph) {
				continue
			}
			if (ph.kind == evKeyword || ph.kind == evRelated) && t.matchAt(rb, i, ph) && !slices.Contains(refs, ref) {
				refs = append(refs, ref)
			}
		}
	}
	return refs
}

// questionUnits appends to out, for each token of tz, the question it
// belongs to: its sentence, or within a sentence the part that a
// conjunction opens by asking again — English "and"/"or"/"but" before an
// auxiliary or a question word ("how many UK personnel are deployed, and
// did he discuss the north with President Osmani?"), or in another
// language a conjunction before its word that asks (Polish "i czy",
// Serbian "i da li", Greek "και αν"; not the English words, which are
// others' words there: Portuguese "e do Reino Unido", of the). Each part is its own question for
// the rules that weigh what the questions are about (questionLed,
// regionQuestion, regionLed): a question on the region's politics joined
// to one on troop numbers is still a question on the region's politics.
// A unit is the sentence × 32 + its part.
func questionUnits(tz *tokenizer, gl topicGloss, out []int32) []int32 {
	cur, part := int32(-1), int32(0)
	for k := range tz.toks {
		tk := &tz.toks[k]
		if tk.sent != cur {
			cur, part = tk.sent, 0
		} else if part < 31 && k+1 < len(tz.toks) && tz.toks[k+1].sent == cur && questionConjunction(tz.word(k)) {
			next := tz.word(k + 1)
			if gl.vt == nil && questionOpener(next) || gl.asks(next) ||
				k+2 < len(tz.toks) && tz.toks[k+2].sent == cur && (string(next) == "da" && gl.asks(tz.word(k+2)) || gl.particle(tz.word(k+2)) ||
					gl.vt == nil && questionAdverb(next) && questionOpener(tz.word(k+2))) {
				part++
			}
		}
		out = append(out, cur*32+part)
	}
	return out
}

// questionConjunction reports whether folded word w is a conjunction that
// can join two questions ("and", "or", "but"; German "und", "oder";
// French "et", "ou"; Spanish "y", "o"; Italian and Portuguese "e";
// Slavic "i", "a"; Greek "και"; Albanian "dhe"; Turkish "ve"; Dutch "en").
func questionConjunction(w []byte) bool {
	switch string(w) {
	case "and", "or", "but", "und", "oder", "et", "ou", "y", "o", "e", "i", "a", "kai", "dhe", "ve", "en":
		return true
	}
	return false
}

// questionAdverb reports whether folded word w is an English adverb that
// may stand between a conjunction and the question it opens ("and
// roughly how long will they stay?", "and also when").
func questionAdverb(w []byte) bool {
	switch string(w) {
	case "roughly", "approximately", "exactly", "precisely", "also", "separately", "secondly", "finally",
		"broadly", "specifically", "generally", "then":
		return true
	}
	return false
}

// questionOpener reports whether folded word w opens an English question:
// an auxiliary or a question word.
func questionOpener(w []byte) bool {
	switch string(w) {
	case "did", "does", "do", "is", "are", "was", "were", "will", "would", "has", "have", "had",
		"can", "could", "should", "shall", "may", "might", "must",
		"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether", "if":
		return true
	}
	return false
}

// qHit is a piece of evidence in a question sentence of the new text: a
// phrase of topic's (ph), or, with topic −1, a name the learnt model
// knows (term).
type qHit struct {
	sent  int32
	topic int16
	ph    int32  // −1: a name bound to a thematic phrase in the enquiry (word)
	word  []byte // (bound names only: its stem, and as written)
	as    []byte
}

// deskHit is a desk-business phrase found in a sentence.
type deskHit struct {
	ref   phrRef
	place uint8
	exact bool
	sent  int32
	unit  int32 // its question (see topicScan.units)
	orig  []byte
}

// addHit records phrase ref found at place p (exact: as written; spec:
// the place where it is specific evidence, nPlaces for none; orig: the
// word of another language it was read from).
func (sc *topicScan) addHit(ref phrRef, p uint8, exact bool, spec uint8, orig []byte) {
	for h := range sc.hits {
		if hh := &sc.hits[h]; hh.ref == ref {
			hh.count++
			if p < hh.place || p == hh.place && exact {
				hh.place, hh.exact = p, exact
				if orig != nil {
					hh.as = string(orig)
				}
			}
			hh.spec = min(hh.spec, spec)
			return
		}
	}
	h := topicHit{ref: ref, count: 1, place: p, exact: exact, spec: spec}
	if orig != nil {
		h.as = string(orig)
	}
	sc.hits = append(sc.hits, h)
}

var topicScratch = sync.Pool{New: func() any { return new(topicScan) }}

// matchAt reports whether phrase ph starts at roots[i].
func (t *Topics) matchAt(roots [][]byte, i int, ph *phrase) bool {
	if i+len(ph.roots) > len(roots) {
		return false
	}
	for j := 1; j < len(ph.roots); j++ {
		if string(roots[i+j]) != ph.roots[j] {
			return false
		}
	}
	return true
}

// stemsEqual reports whether the text's stems start with a phrase's
// stems (a match as written, not a variant).
func stemsEqual(text [][]byte, phrase []string) bool {
	if len(text) < len(phrase) {
		return false
	}
	for j, st := range phrase {
		if string(text[j]) != st {
			return false
		}
	}
	return true
}

// topicHit is one phrase's evidence.
type topicHit struct {
	ref   phrRef
	count int
	place uint8  // the best place seen
	exact bool   // the words as written, not a variant ("deployed" for "deployment")
	spec  uint8  // the best place where it was specific evidence (nPlaces: none)
	as    string // the word of another language it was read from ("": English)
}

// isRequestWord reports whether w is one of the words that open or mark a
// sentence asking the desk for something.
func isRequestWord(w []byte) bool {
	switch string(w) {
	case "confirm", "clarify", "explain", "tell", "whether", "outline",
		"detail", "provide", "share", "comment", "respond", "update":
		return true
	}
	return false
}

// Choose picks the topic for an enquiry, given its link (release "" for
// none) in the catalogue cat.
// An enquiry in another language (in.Language) is also read through that
// language's vocabulary (see topiclexlang.go).
func (t *Topics) Choose(in *Input, l Link, cat *Catalogue) TopicChoice {
	m := newMessage(in)
	defer m.release()
	return t.choose(m, l, cat)
}

// choose is Choose for a message whose texts other parts of routing read
// too.
func (t *Topics) choose(m *message, l Link, cat *Catalogue) TopicChoice {
	f := featuresPool.Get().(*topicFeatures)
	defer featuresPool.Put(f)
	t.messageFeatures(m, l, cat, f)
	if subjectAsks(f) {
		return t.decide(f, &subjectTopicParams)
	}
	return t.decide(f, &defaultTopicParams)
}

// subjectTopicParams weigh the subject line as the question and
// forwarded text as the sender's own: for an enquiry whose own words say
// nothing of any desk (subjectAsks).
var subjectTopicParams = func() topicParams {
	p := defaultTopicParams
	p.place[plSubject] = p.place[plFocus]
	p.place[plForward] = p.place[plText]
	return p
}()

// subjectAsks reports whether an enquiry linked to no release says what
// it is about in its subject line or the text it forwards only: a chaser
// ("Re: Kosovo" over "Just chasing this. Could someone call me back?"),
// a request for comment on a story forwarded below ("Can I get a comment
// on this?"), or a request whose text holds no word of any desk, the
// desk's own business included, while the subject or the forwarded text
// holds some. Its subject is then its question, what it forwards its
// text (TestTopicSubjectAsks); quoted history does not count either way.
func subjectAsks(f *topicFeatures) bool {
	if f.linked {
		return false
	}
	found := false
	for ti := range f.found {
		if !f.found[ti] && f.learnt[ti] == ([nPlaces]float64{}) {
			continue
		}
		for pl := range nPlaces {
			v := f.names[ti][pl] + f.learnt[ti][pl]
			for k := range nEvidence {
				v += f.ev[ti][k][pl]
			}
			switch {
			case v == 0:
			case pl == plFocus || pl == plText:
				return false
			case pl == plSubject || pl == plForward:
				found = true
			}
		}
	}
	return found
}

// featuresPool recycles the features of Topics.choose (nothing of them
// outlives the choice).
var featuresPool = sync.Pool{New: func() any { return new(topicFeatures) }}

// topicFeatures is everything the choice weighs, before the weights.
type topicFeatures struct {
	ev   [][nEvidence][nPlaces]float64 // per topic
	them [][nEvidence][nPlaces]float64 // the part of ev from thematic families
	// specN: distinct specific words of a functional family in the sender's
	// own words (question, subject, text); specQ: one of them in a question
	specN []int
	specQ []bool
	// themN, themQ: the same for the words of thematic families (armed
	// forces, sanctions; see themLed)
	themN []int
	themQ []bool
	// regionAsked: a question names a place of a regional topic (one of
	// its keywords)
	regionAsked bool
	// regionQ: with a release linked, a question sentence is about a
	// regional topic of the release and holds no thematic word (see
	// themLed)
	regionQ bool
	// leaderQ: the regional topics (bits) a question names a person of
	// with a title before the name ("Prime Minister Kurti", "President
	// Vučić"): a question on the region's leaders (see storyNames)
	leaderQ uint64
	names   [][nPlaces]float64
	// found[ti] is set when the text has any evidence for topic ti (ev,
	// them and names are all zero otherwise).
	found []bool
	// linked: the enquiry is linked to a release (rel says its topics)
	// with probability linkScore
	linked    bool
	linkScore float64
	relTopics []string  // the release's topics the desk knows, in order
	firstReg  bool      // the release's first topic is regional
	first     int       // the release's first topic (−1: none linked)
	rel       []float64 // release prior: 1 first topic, 2 other (× score in relScore)
	relSc     []float64
	near      []float64
	cent      []float64
	// learnt[ti][pl]: the learnt model's evidence for topic ti at place
	// pl; model and mhits, its words, for the reason
	learnt [][nPlaces]float64
	model  *topicModel
	mhits  []modelHit
	why    [][]reasonItem
	// led: the topic whose thematic words the questions are about, over
	// the linked release's first topic (-1: none; see questionLed), in
	// ledSents of the nQ question sentences with evidence
	led          int
	ledSents, nQ int
	ledWords     []string
	// regLed: the regional topic outside the release's topics whose
	// places the questions name, when they touch none of the release's
	// topics (-1: none; see regionLed), with the words that name it
	regLed          int
	regWords        []string
	qsents, qsents2 []int32
}

// reset makes f the zero features of n topics, reusing its buffers.
func (f *topicFeatures) reset(n int) {
	f.ev, f.them = zeroed(f.ev, n), zeroed(f.them, n)
	f.specN, f.specQ = zeroed(f.specN, n), zeroed(f.specQ, n)
	f.themN, f.themQ = zeroed(f.themN, n), zeroed(f.themQ, n)
	f.regionAsked, f.regionQ, f.leaderQ = false, false, 0
	f.names = zeroed(f.names, n)
	f.found = zeroed(f.found, n)
	f.rel, f.relSc, f.near, f.cent = zeroed(f.rel, n), zeroed(f.relSc, n), zeroed(f.near, n), zeroed(f.cent, n)
	f.learnt, f.model, f.mhits = zeroed(f.learnt, n), nil, f.mhits[:0]
	if cap(f.why) < n {
		f.why = make([][]reasonItem, n)
	}
	f.why = f.why[:n]
	for i := range f.why {
		f.why[i] = f.why[i][:0]
	}
	f.linked, f.linkScore, f.firstReg, f.first = false, 0, false, -1
	f.relTopics = f.relTopics[:0]
	f.led, f.ledSents, f.nQ, f.ledWords = -1, 0, 0, f.ledWords[:0]
	f.regLed, f.regWords = -1, f.regWords[:0]
}

// zeroed returns s resized to n zero elements, reusing its array when it
// is large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// reasonItem is one piece of evidence, written out only for the winner.
type reasonItem struct {
	ph      *phrase // nil: the release's topic or a near release
	place   uint8
	variant bool
	name    bool
	near    string // a near release's id
	rel     uint8  // the release's topic: 1 its first, 2 another
	as      string // the word of another language read as the phrase
	model   bool   // the learnt model's words (topicModel.appendModelReason)
}

// thematic reports whether the item is a word of a thematic family
// counted as evidence (not as a name).
func (r reasonItem) thematic() bool { return r.ph != nil && !r.name && r.ph.thematic() }

func (r reasonItem) String() string { return string(r.appendTo(nil)) }

// appendTo appends the item as the reason writes it: '"aid" in question
// (like "humanitarian aid")' (quoted as %q does, with strconv.AppendQuote).
func (r reasonItem) appendTo(b []byte) []byte {
	switch {
	case r.ph == nil && r.near != "":
		return append(append(b, "near release "...), r.near...)
	case r.ph == nil && r.rel == 2:
		return append(b, "also a release topic"...)
	case r.ph == nil:
		return append(b, "release topic"...)
	}
	b = strconv.AppendQuote(b, r.ph.text)
	b = append(append(b, " in "...), placeNames[r.place]...)
	if r.as != "" {
		b = strconv.AppendQuote(append(b, ", as "...), r.as)
	}
	if r.variant {
		b = append(b, ", a variant"...)
	}
	switch {
	case r.name:
		b = append(b, " (name)"...)
	case r.ph.kind == evRelated:
		b = append(strconv.AppendQuote(append(b, " (like "...), r.ph.via), ')')
	case r.ph.kind == evDiplomacy:
		b = append(b, " (the region's politics)"...)
	case r.ph.kind == evDesk:
		b = append(b, " (the desk's own business)"...)
	}
	return b
}

// isName reports whether a keyword names a place, person or body rather
// than a thing asked about: every word of it is written with a capital
// inside sentences of the catalogue (most of the time), or, for words the
// catalogue does not know, the desk wrote it with a capital.
func isName(p *phrase, cat *Catalogue) bool {
	if cat == nil || cat.idx == nil {
		return p.capitalised
	}
	for _, s := range p.stems {
		share, ok := cat.idx.nameShare(s)
		if !ok {
			return p.capitalised
		}
		if share < 0.7 {
			return false
		}
	}
	return true
}

func (t *Topics) features(in *Input, l Link, cat *Catalogue, f *topicFeatures) {
	m := newMessage(in)
	defer m.release()
	t.messageFeatures(m, l, cat, f)
}

// messageFeatures is features for a message whose texts other parts of
// routing read too.
func (t *Topics) messageFeatures(m *message, l Link, cat *Catalogue, f *topicFeatures) {
	f.reset(len(t.topics))
	gl := glossFor(m.in.Language)

	sc := topicScratch.Get().(*topicScan)
	defer topicScratch.Put(sc)
	sc.hits, sc.model, sc.qhits = sc.hits[:0], sc.model[:0], sc.qhits[:0]
	sc.leaderQ, sc.fvAny, sc.fvLead = 0, false, 0
	sc.bound, sc.qnames = sc.bound[:0], sc.qnames[:0]
	// The learnt model speaks when no release is linked (a linked
	// release's topics are the better prior); with one linked, its names
	// in the question only say which desk's matter each question is
	// (questionLed).
	var mod, qmod *topicModel
	linked := l.Release != "" && cat.release(l.Release) != nil
	// relTopic marks the linked release's topics: the places of a region
	// (topiclex.yaml regions) count for its regional topic when it is one
	// of them ("Budapest", "Hungary" on a [migration, europe] release)
	var relTopic uint64
	if !linked {
		mod = t.model(cat)
	} else {
		qmod = t.model(cat)
		for _, id := range cat.release(l.Release).Topics {
			for ti := range t.topics {
				if t.topics[ti].id == id && ti < 64 {
					relTopic |= 1 << ti
				}
			}
		}
	}
	// the acronyms the enquiry defines by their words ("the Global Combat
	// Air Programme ... GCAP"): elsewhere they say what their words say
	sc.acros = t.acronyms(m.raw(partNew), sc.acros[:0], &sc.qtz)
	scan := func(part textPart, pl uint8) {
		if m.raw(part) == "" {
			return
		}
		mt := m.text(part)
		tz := &mt.tz
		roots, stems, places, toks := sc.roots[:0], sc.stems[:0], sc.place[:0], sc.toks[:0]
		sents, origs, words, caps := sc.sents[:0], sc.origs[:0], sc.words[:0], sc.caps[:0]
		oneWord := sc.oneWord[:0]
		termOf := sc.termOf[:0] // the term of mt each stem is, as written (-1: read through the vocabulary or the names)
		// the question focus: sentences that ask
		focus := sc.focus[:0]
		if pl == plText {
			var cur int32 = -1
			start := 0
			asks := false
			flush := func(end int) {
				for k := start; k < end; k++ {
					focus[k] = asks
				}
			}
			for k := range tz.toks {
				tk := &tz.toks[k]
				if tk.sent != cur {
					flush(k)
					cur, start, asks = tk.sent, k, tk.item
				}
				focus = append(focus, false)
				if tk.question || isRequestWord(tz.word(k)) || gl.asks(tz.word(k)) {
					asks = true
				}
			}
			flush(len(tz.toks))
			markQuestions(m.raw(part), m.in.Language, focus, &sc.qtz)
			sc.focus = focus
		}
		sc.unitTok = questionUnits(tz, gl, sc.unitTok[:0])
		unitTok := sc.unitTok
		skip := int32(-1) // the last token of a phrase read through the vocabulary
		for i := range mt.terms {
			tok := mt.terms[i].tok
			if tok <= skip {
				continue
			}
			p := pl
			if pl == plText && focus[tok] {
				p = plFocus
			}
			// A phrase of the desk's words in another language, stopwords
			// and all ("jashtë orarit": out of hours).
			if en, start, end := gl.phrase(tz, int(tok)); en != nil {
				orig := append([]byte(nil), tz.word(start)...)
				for k := start + 1; k < end; k++ {
					orig = append(append(orig, ' '), tz.word(k)...)
				}
				for _, e := range en {
					stems = append(stems, []byte(e))
					roots = append(roots, topicRootBytes([]byte(e)))
					places = append(places, p)
					sents = append(sents, tz.toks[tok].sent)
					origs = append(origs, orig)
					words = append(words, []byte(e))
					caps = append(caps, false)
					oneWord = append(oneWord, false)
					termOf = append(termOf, -1)
					toks = append(toks, tok)
				}
				skip = int32(end) - 1
				continue
			}
			// A word of another language is read as the English its
			// vocabulary gives ("Sanktionen" as "sanctions").
			if en := gl.translate(tz.word(int(tok))); en != nil {
				for _, e := range en {
					stems = append(stems, e.stem)
					roots = append(roots, e.root)
					places = append(places, p)
					sents = append(sents, tz.toks[tok].sent)
					origs = append(origs, tz.word(int(tok)))
					words = append(words, e.stem)
					caps = append(caps, false)
					oneWord = append(oneWord, e.word)
					termOf = append(termOf, -1)
					toks = append(toks, tok)
				}
				continue
			}
			w := mt.term(i)
			root := topicRootBytes(w)
			// a name of the desk's in the language's own spelling
			// (written with a capital: an Arabic word, with few vowels
			// and no capital, is too often another word, "الطيران",
			// aviation, two letters from Tirana; nor a word the
			// language's vocabulary ignores, capitalised at a sentence's
			// start: Portuguese "Seria possível …", would it be, is no
			// "Syria")
			if wd := tz.word(int(tok)); gl.vt != nil && tz.toks[tok].upper &&
				!(t.firstFilter.MayHave(root) && len(t.first[string(root)]) > 0) && !gl.vt.ignores(wd) {
				if pw := t.placeMatch(wd, &sc.nameBuf); pw != nil {
					stems = append(stems, []byte(pw.stem))
					roots = append(roots, []byte(pw.root))
					places = append(places, p)
					sents = append(sents, tz.toks[tok].sent)
					origs = append(origs, wd)
					words = append(words, []byte(pw.stem))
					caps = append(caps, true)
					oneWord = append(oneWord, false)
					termOf = append(termOf, -1)
					toks = append(toks, tok)
					continue
				}
			}
			stems = append(stems, w)
			roots = append(roots, root)
			places = append(places, p)
			sents = append(sents, tz.toks[tok].sent)
			origs = append(origs, nil)
			words = append(words, tz.word(int(tok)))
			caps = append(caps, tz.toks[tok].upper)
			oneWord = append(oneWord, false)
			termOf = append(termOf, int32(i))
			toks = append(toks, tok)
		}
		sc.roots, sc.stems, sc.place, sc.sents, sc.origs, sc.words, sc.caps = roots, stems, places, sents, origs, words, caps
		sc.oneWord = oneWord
		sc.termOf = termOf
		sc.toks = toks
		if gl.vt != nil {
			t.reorderPairs(sc, tz, gl)
		}
		units := sc.units[:0]
		for _, tok := range toks {
			units = append(units, unitTok[tok])
		}
		sc.units = units
		// The sentences whose visa is held by another country's citizens
		// (see foreignVisas): the UK's visa for them, no consular matter.
		sc.fvSent, sc.fvRegs = t.foreignVisas(sc, roots, stems, sents, places, sc.fvSent[:0], sc.fvRegs[:0])
		// covered[topic]: the end of the longest phrase of the topic found
		// so far; a phrase inside it adds nothing ("aid" in "aid convoys").
		covered := sc.covered[:0]
		for range t.topics {
			covered = append(covered, 0)
		}
		sc.covered = covered
		matched := zeroed(sc.matched, len(roots))
		sc.matched = matched
		them := zeroed(sc.them, len(roots))
		sc.them = them
		// The desk's own business words wait for the end of the text: they
		// count only in a sentence that names no policy, or that names the
		// desk itself.
		sc.desk, sc.policySent, sc.selfSent = sc.desk[:0], sc.policySent[:0], sc.selfSent[:0]
		sc.ctx, sc.topicSent = sc.ctx[:0], sc.topicSent[:0]
		// outerEnd, outerGroup: the end and family of the longest phrase of
		// any topic that started before the current word; a functional
		// family's word inside a longer phrase of another family, specific
		// or not, is that phrase's and adds nothing ("aid" in "military
		// aid", "exports" in "arms exports", "export" in "arms export
		// licences", "investment" in "British International Investment").
		outerEnd, outerGroup := 0, int8(-1)
		// selfEnd: the end of a phrase of the desk's own procedures of
		// two words or more, written so ("journalist visa"): a word of
		// another family inside it is the desk's ("visa" is then no
		// consular visa but the press's own, like its accreditation).
		selfEnd := 0
		// specStart, specEnd, specTopic: the last specific phrase of a
		// functional family of two words or more ("British hostages",
		// "British aid worker") and its topic: a keyword or related term
		// of another topic inside it, after its first word, is that
		// phrase's ("hostages" there are British nationals, consular's,
		// as other languages' vocabularies read "britische Geiseln",
		// "otages britanniques" whole)
		specStart, specEnd, specTopic := 0, 0, -1
		for i, r := range roots {
			var refs []phrRef
			if t.firstFilter.MayHave(r) {
				refs = t.first[string(r)]
			}
			for _, ref := range refs {
				if ph := &t.topics[ref.topic].phrases[ref.ph]; ph.kind == evDesk && ph.self && (len(ph.roots) > 1 || ph.whole != nil) &&
					t.matchAt(roots, i, ph) && stemsEqual(stems[i:], ph.stems) && selfWritten(tz, toks[i], origs[i], gl, ph) {
					selfEnd = max(selfEnd, i+len(ph.roots))
				}
			}
			endHere, groupHere := 0, int8(-1)
			// sameStart: the longest phrase of a family starting here, and
			// its family: a word of a functional family (plain or
			// specific: a desk's keyword too) inside a longer phrase of
			// another family, from the same first word or an earlier one,
			// is that phrase's ("visa" and "humanitarian" in "humanitarian
			// visas" are migration's, no consular visa nor aid; "exports"
			// in "arms exports" the armed forces', no trade)
			sameEnd, sameGroup := 0, int8(-1)
			if len(refs) > 1 {
				for _, ref := range refs {
					if ph := &t.topics[ref.topic].phrases[ref.ph]; ph.group >= 0 && len(ph.roots) > 1 && i+len(ph.roots) > sameEnd && t.matchAt(roots, i, ph) {
						sameEnd, sameGroup = i+len(ph.roots), ph.group
					}
				}
			}
			for x, ref := range refs {
				ph := &t.topics[ref.topic].phrases[ref.ph]
				if !t.matchAt(roots, i, ph) || ph.region && linked && relTopic&(1<<ref.topic) == 0 {
					continue
				}
				// (the consular family's plain words — the visa, its
				// travellers — in a sentence whose visa other citizens
				// hold: the UK's visa for them, see foreignVisas)
				if len(sc.fvSent) > 0 && ph.inFamily && ph.family == famFunctional && !ph.specific && ph.group >= 0 &&
					ph.group == t.visaGroup && ph.kind != evKeyword {
					if fv := slices.Index(sc.fvSent, sents[i]); fv >= 0 {
						// ... a visa the region's citizens hold is the
						// region's politics
						if ph.post && sc.fvRegs[fv] == 0 && t.ukVisa.topic >= 0 {
							// ... and anyone else's the UK's own visa,
							// the desk's business
							sc.selfSent = append(sc.selfSent, sents[i])
							sc.addHit(t.ukVisa, places[i], true, nPlaces, spanOrig(origs, i, len(ph.roots)))
						}
						if ph.post {
							for ti := range t.topics {
								if sc.fvRegs[fv]&(1<<ti) != 0 && t.topics[ti].visaPh >= 0 {
									vr := phrRef{ti, t.topics[ti].visaPh}
									sc.topicSent = append(sc.topicSent, topicSent{topic: int16(ti), sent: sents[i]})
									sc.addHit(vr, places[i], true, nPlaces, spanOrig(origs, i, len(ph.roots)))
									if places[i] == plFocus {
										sc.qhits = append(sc.qhits, qHit{sent: units[i], topic: int16(ti), ph: int32(vr.ph)})
									}
								}
							}
						}
						continue
					}
				}
				// (a word of a region's politics inside a longer phrase of
				// a family is that phrase's too: "bilateral" in "bilateral
				// trade" is trade's, no question on relations)
				if ph.kind == evDiplomacy && !ph.inFamily &&
					(sameEnd > i+len(ph.roots) && sameGroup >= 0 || outerEnd >= i+len(ph.roots) && outerGroup >= 0) {
					continue
				}
				if ph.inFamily && ph.family == famFunctional && ph.group >= 0 &&
					(sameEnd > i+len(ph.roots) && sameGroup != ph.group || outerEnd >= i+len(ph.roots) && outerGroup >= 0 && outerGroup != ph.group) {
					continue
				}
				if i < selfEnd && i+len(ph.roots) <= selfEnd && !(ph.kind == evDesk && ph.self) {
					continue
				}
				if i > specStart && i+len(ph.roots) <= specEnd && ref.topic != specTopic && (ph.kind == evKeyword || ph.kind == evRelated) {
					continue
				}
				// ("out of hours" only as written; a word the vocabulary
				// gave is the phrase as its author meant it, where the
				// author wrote its English as the phrase: French
				// "voyage", travel, is no "against all travel")
				if ph.whole != nil && (origs[i] == nil || oneWord[i]) && !wholeAt(tz, toks[i], ph) {
					continue
				}
				// The desk's own business matches as written (its
				// lists give the variants): its roots are common words
				// ("success" is not "successor", "moved" not
				// "movements").
				if ph.kind == evDesk && !stemsEqual(stems[i:], ph.stems) {
					continue
				}
				// A functional family's contextual word is a common word
				// too: only its own inflections are it, no derivation of
				// its root ("organised crime" is no aid "organisations").
				if ph.contextual && ph.inFamily && ph.family == famFunctional && !stemsEqual(stems[i:], ph.stems) {
					continue
				}
				if e := i + len(ph.roots); e > endHere {
					endHere, groupHere = e, ph.group
				}
				if ph.specific && len(ph.roots) > 1 && i+len(ph.roots) > specEnd {
					specStart, specEnd, specTopic = i, i+len(ph.roots), ref.topic
				}
				if i+len(ph.roots) <= covered[ref.topic] {
					continue
				}
				longer := false
				for _, o := range refs[x+1:] {
					if o.topic == ref.topic {
						if q := &t.topics[o.topic].phrases[o.ph]; len(q.roots) > len(ph.roots) && t.matchAt(roots, i, q) {
							longer = true
							break
						}
					}
				}
				if longer {
					continue
				}
				covered[ref.topic] = i + len(ph.roots)
				for k := i; k < i+len(ph.roots); k++ {
					matched[k] = true
					if ph.thematic() {
						them[k] = int16(ref.topic) + 1
					}
				}
				p := places[i]
				exact := stemsEqual(stems[i:], ph.stems)
				spec := uint8(nPlaces)
				if ph.specific && !(outerEnd >= i+len(ph.roots) && outerGroup >= 0 && outerGroup != ph.group) {
					spec = p
				}
				switch {
				case ph.kind == evDesk && ph.self:
					sc.selfSent = append(sc.selfSent, sents[i])
				case ph.kind == evDesk:
					if plansTo(tz, toks[i]) {
						continue
					}
					sc.desk = append(sc.desk, deskHit{ref: ref, place: p, exact: exact, sent: sents[i], orig: spanOrig(origs, i, len(ph.roots))})
					continue
				case ph.kind == evKeyword || ph.kind == evRelated:
					// (a region's name, or the consulate, is where the
					// sentence's business is, no policy it names)
					if !(t.topics[ref.topic].regional && ph.capitalised) && !ph.post {
						sc.policySent = append(sc.policySent, sents[i])
					}
				}
				if ph.contextual {
					sc.ctx = append(sc.ctx, deskHit{ref: ref, place: p, exact: exact, sent: sents[i], unit: units[i], orig: spanOrig(origs, i, len(ph.roots))})
					continue
				}
				sc.topicSent = append(sc.topicSent, topicSent{topic: int16(ref.topic), sent: sents[i]})
				sc.addHit(ref, p, exact, spec, spanOrig(origs, i, len(ph.roots)))
				if p == plFocus {
					sc.qhits = append(sc.qhits, qHit{sent: units[i], topic: int16(ref.topic), ph: int32(ref.ph)})
					if t.topics[ref.topic].regional && ph.capitalised && i > 0 && sents[i-1] == sents[i] &&
						leaderTitles[string(roots[i-1])] && ref.topic < 64 {
						sc.leaderQ |= 1 << ref.topic
					}
				}
			}
			if endHere > outerEnd {
				outerEnd, outerGroup = endHere, groupHere
			}
		}
		// an acronym the enquiry defined reads as the desk's phrases its
		// words hold
		for i := range roots {
			if len(sc.acros) == 0 {
				break
			}
			if matched[i] || !caps[i] || origs[i] != nil {
				continue
			}
			for _, a := range sc.acros {
				if string(words[i]) != string(a.word) {
					continue
				}
				matched[i] = true
				for _, ref := range a.refs {
					ph := &t.topics[ref.topic].phrases[ref.ph]
					if ph.thematic() {
						them[i] = int16(ref.topic) + 1
					}
					spec := uint8(nPlaces)
					if ph.specific {
						spec = places[i]
					}
					if !(t.topics[ref.topic].regional && ph.capitalised) {
						sc.policySent = append(sc.policySent, sents[i])
					}
					sc.addHit(ref, places[i], true, spec, nil)
					if places[i] == plFocus {
						sc.qhits = append(sc.qhits, qHit{sent: units[i], topic: int16(ref.topic), ph: int32(ref.ph)})
					}
				}
			}
		}
		// a contextual word counts beside another of its topic's words
		// or a context word
		for _, d := range sc.ctx {
			// (the linked release of its topic is context too: "the
			// money" on an aid release is aid money)
			inContext := relTopic&(1<<d.ref.topic) != 0 && d.ref.topic < 64 ||
				slices.Contains(sc.topicSent, topicSent{topic: int16(d.ref.topic), sent: d.sent})
			for i := 0; i < len(roots) && !inContext; i++ {
				// (another of the family's contextual words is none: "new
				// money … existing programmes" is any desk's money)
				bit := ctxBit(t.topics[d.ref.topic].phrases[d.ref.ph].group)
				inContext = sents[i] == d.sent && t.context[string(roots[i])]&bit != 0 && t.ctxOwn[string(roots[i])]&bit == 0
			}
			if !inContext {
				// ... but two others are: a cluster of them says the
				// family ("is UK funding to its partners in Yemen being
				// cut, and which programmes will close?")
				inContext = t.ctxCluster(sc.ctx, d)
			}
			if inContext {
				sc.addHit(d.ref, d.place, d.exact, nPlaces, d.orig)
				if d.place == plFocus {
					sc.qhits = append(sc.qhits, qHit{sent: d.unit, topic: int16(d.ref.topic), ph: int32(d.ref.ph)})
				}
			}
		}
		for _, d := range sc.desk {
			if !slices.Contains(sc.policySent, d.sent) || slices.Contains(sc.selfSent, d.sent) {
				sc.addHit(d.ref, d.place, d.exact, nPlaces, d.orig)
			}
		}
		// wids caches the model's word ids of stems (topicModel.wordID)
		// for the two readings below, starting from those the linker
		// looked up in the same index (msgText.wordIDs) for the stems that
		// are still the text's own terms (reorderPairs may have moved
		// them: a stem is taken only where it is the very term).
		wids := sc.wids[:0]
		var known []int32
		if md := cmp.Or(mod, qmod); md != nil && mt.wordIDsOf == md.cat.idx {
			known = mt.wordIDs
		}
		for k := range stems {
			v := wordIDUnseen
			if j := termOf[k]; known != nil && j >= 0 && sameBytes(stems[k], mt.term(int(j))) {
				v = known[j]
			}
			wids = append(wids, v)
		}
		sc.wids = wids
		// The learnt model reads the words no phrase of the desk's took.
		if mod != nil {
			// In another language a name may carry a case ending.
			inflectNames := m.in.Language != "" && m.in.Language != "en"
			for i, st := range stems {
				if matched[i] {
					continue // the desk's own words say it
				}
				if origs[i] == nil && gl.vt != nil && gl.vt.ignores(words[i]) {
					continue // the language's request and calendar words, as the linker reads them
				}
				// (a name is written with a capital, where the script
				// has capitals: "organisiert" is not "Organised")
				foreign := inflectNames && origs[i] == nil && (caps[i] || unicased(words[i]))
				// Names, and words read through the vocabulary: the
				// catalogue is too small a sample of the language to
				// learn its common words from.
				if x := mod.lookup(st, words[i], foreign, &sc.nameBuf, &wids[i]); x >= 0 && (mod.name[x] || origs[i] != nil) &&
					!(origs[i] == nil && !inflectNames && inUnknownName(tz, toks[i], cat)) &&
					!(origs[i] == nil && numberedName(tz, toks[i])) {
					orig := origs[i]
					if orig == nil && mod.words[x] != string(st) {
						orig = words[i]
					}
					sc.addModelHit(x, places[i], orig)
				}
			}
		}
		// With a release linked, the names in the questions the model
		// knows ("Rafah", "Pristina") say which desk's matter each is;
		// a name the enquiry writes next to a thematic phrase of its own
		// ("HMS Diamond", "three Merlin helicopters") is that theme's
		// where the question names it again ("Is Diamond in the Red
		// Sea?").
		if qmod != nil && pl <= plText {
			inflectNames := m.in.Language != "" && m.in.Language != "en"
			for i, st := range stems {
				if matched[i] || origs[i] != nil && places[i] != plFocus {
					continue
				}
				if origs[i] == nil && gl.vt != nil && gl.vt.ignores(words[i]) {
					continue
				}
				foreign := inflectNames && origs[i] == nil && (caps[i] || unicased(words[i]))
				x := qmod.lookup(st, words[i], foreign, &sc.nameBuf, &wids[i])
				if x >= 0 && qmod.name[x] && places[i] == plFocus && !(origs[i] == nil && numberedName(tz, toks[i])) {
					sc.qhits = append(sc.qhits, qHit{sent: units[i], topic: -1, ph: x})
				}
				if x >= 0 && qmod.name[x] || origs[i] != nil || !caps[i] || t.extendsName(st) || qmod.commonAt(st, &wids[i]) {
					continue
				}
				// (a name before the phrase, or after one written as a
				// title: "HMS Diamond", not "deployment - Kent")
				bound := false
				for _, j := range [2]int{i + 1, i - 1} {
					if j >= 0 && j < len(stems) && them[j] > 0 && origs[j] == nil && sents[j] == sents[i] &&
						(toks[j]-toks[i] == 1 || toks[i]-toks[j] == 1 && caps[j]) {
						sc.bound = append(sc.bound, qHit{topic: them[j] - 1, ph: -1, word: st})
						bound = true
						break
					}
				}
				// a question names it again where it stands alone: the
				// name inside its phrase is part of that phrase ("1st
				// Battalion Princess of Wales's Royal Regiment" is one
				// unit, not a battalion, a regiment and a third word)
				if places[i] == plFocus && !bound {
					sc.qnames = append(sc.qnames, qHit{sent: units[i], ph: -1, word: st, as: words[i]})
				}
			}
		}
	}
	// A reply that moves to a new subject leaves the thread's subject line
	// and history behind.
	if !m.movesOn() {
		scan(partSubject, plSubject)
		scan(partQuoted, plQuoted)
	}
	scan(partNew, plText)
	if ownForward(m.in) {
		// the sender's own earlier enquiry, forwarded again as a chaser:
		// its questions are theirs
		scan(partForwarded, plText)
	} else {
		scan(partForwarded, plForward)
	}

	// A subject line's visa, where a question's visa is other citizens'
	// (foreignVisas), is that question's: its headline ("Visas for
	// Brazilians"), no consular visa.
	if sc.fvAny {
		sc.hits = slices.DeleteFunc(sc.hits, func(h topicHit) bool {
			ph := &t.topics[h.ref.topic].phrases[h.ref.ph]
			return h.place == plSubject && ph.post && ph.inFamily && ph.group == t.visaGroup && !ph.specific && ph.kind != evKeyword
		})
	}
	// A visa a region's citizens hold is the region's politics (visa
	// liberalisation, a visa-free regime, refusals) unless the enquiry
	// names the desk's own procedures for it — its visa centre, waiting
	// times, fees, appointments, a journalist's visa: those are the
	// desk's business whoever applies (mldev8 018, mldev4 036).
	if sc.fvLead != 0 {
		proc := slices.ContainsFunc(sc.hits, func(h topicHit) bool {
			ph := &t.topics[h.ref.topic].phrases[h.ref.ph]
			return ph.kind == evDesk && ph.self && !visaKinds[strings.ToLower(ph.text)]
		})
		if proc {
			sc.hits = slices.DeleteFunc(sc.hits, func(h topicHit) bool { return h.ref.ph == t.topics[h.ref.topic].visaPh })
			sc.qhits = slices.DeleteFunc(sc.qhits, func(h qHit) bool {
				return h.topic >= 0 && int(h.ph) == t.topics[h.topic].visaPh
			})
		} else {
			sc.leaderQ |= sc.fvLead
		}
	}
	// A shorter phrase inside a longer one found at the same place adds
	// nothing ("aid" inside "humanitarian aid"): keep the longest.
	hits := sc.hits
	// (Each phrase has one hit, so the order is total.)
	slices.SortFunc(hits, func(a, b topicHit) int {
		return cmp.Or(cmp.Compare(a.ref.topic, b.ref.topic), cmp.Compare(a.ref.ph, b.ref.ph))
	})
	for i, h := range hits {
		ph := &t.topics[h.ref.topic].phrases[h.ref.ph]
		s := ph.weight * (1 + 0.3*math.Log(float64(h.count)))
		if !h.exact {
			s *= variantWeight
		}
		item := reasonItem{ph: ph, place: h.place, variant: !h.exact, as: h.as}
		ti := h.ref.topic
		f.found[ti] = true
		if h.spec <= plText {
			if !t.sameSpecific(hits[:i], h) {
				f.specN[ti]++
			}
			f.specQ[ti] = f.specQ[ti] || h.spec == plFocus
		}
		if ph.thematic() && h.place <= plText {
			f.themN[ti]++
			f.themQ[ti] = f.themQ[ti] || h.place == plFocus
		}
		switch {
		case ph.kind == evKeyword && t.topics[ti].regional && isName(ph, cat):
			f.names[ti][h.place] += s
			// (one of the desk's own names for it: a place of the
			// regions' lists says where, not whose story)
			f.regionAsked = f.regionAsked || h.place == plFocus && !ph.region
			item.name = true
			f.why[ti] = append(f.why[ti], item)
		case ph.kind == evRelated:
			f.ev[ti][evRelated][h.place] += s
			f.why[ti] = append(f.why[ti], item)
			if ph.thematic() {
				f.them[ti][evRelated][h.place] += s
			}
		case ph.kind == evDiplomacy:
			f.ev[ti][evDiplomacy][h.place] += s
			f.why[ti] = append(f.why[ti], item)
		case ph.kind == evDesk:
			f.ev[ti][evDesk][h.place] += s
			f.why[ti] = append(f.why[ti], item)
		default:
			f.ev[ti][evKeyword][h.place] += s
			f.why[ti] = append(f.why[ti], item)
			if ph.thematic() {
				f.them[ti][evKeyword][h.place] += s
			}
		}
	}

	if mod != nil && len(sc.model) > 0 {
		f.model = mod
		f.mhits = append(f.mhits, sc.model...)
		// One common word alone ("organised") is no evidence: a word
		// that is not a name counts for a topic with other evidence for
		// it (another model word, or the desk's own words).
		var words [16]uint8
		for _, h := range sc.model {
			for ti, w := range mod.weight[int(h.term)*mod.nt : int(h.term+1)*mod.nt] {
				if w > 0 && ti < len(words) && words[ti] < 255 {
					words[ti]++
				}
			}
		}
		for _, h := range sc.model {
			row := mod.weight[int(h.term)*mod.nt : int(h.term+1)*mod.nt]
			for ti, w := range row {
				if w > 0 && (mod.name[h.term] || ti >= len(words) || words[ti] >= 2 || f.found[ti]) {
					if f.learnt[ti] == [nPlaces]float64{} {
						f.why[ti] = append(f.why[ti], reasonItem{model: true})
					}
					f.learnt[ti][h.place] += float64(w)
				}
			}
		}
	}

	var rel *Release
	if l.Release != "" {
		rel = cat.release(l.Release)
	}
	if rel != nil {
		// The first of the release's topics the desk knows is its first.
		f.linked, f.linkScore = true, l.Score
		for _, id := range rel.Topics {
			for ti := range t.topics {
				if t.topics[ti].id == id && f.rel[ti] == 0 {
					f.rel[ti], f.relSc[ti] = float64(min(len(f.relTopics)+1, 2)), l.Score
					if len(f.relTopics) == 0 {
						f.firstReg, f.first = t.topics[ti].regional, ti
					}
					f.relTopics = append(f.relTopics, id)
					f.why[ti] = slices.Insert(f.why[ti], 0, reasonItem{rel: uint8(f.rel[ti])})
				}
			}
		}
	} else {
		// No release fits well enough, but the nearest ones still say
		// which desk's territory the enquiry is in.
		for _, nr := range l.near {
			for i, id := range nr.rel.Topics {
				for ti := range t.topics {
					if t.topics[ti].id != id {
						continue
					}
					w := nr.cover
					if i > 0 {
						w /= 2
					}
					if w >= 0.05 {
						f.near[ti] += w
						f.why[ti] = append(f.why[ti], reasonItem{near: nr.rel.ID})
					}
				}
			}
		}
	}
	for ti := range t.topics {
		f.cent[ti] = l.topicSim.of(t.topics[ti].id)
	}
	for _, q := range sc.qnames {
		for _, b := range sc.bound {
			if string(b.word) == string(q.word) {
				q.topic = b.topic
				sc.qhits = append(sc.qhits, q)
				break
			}
		}
	}
	f.leaderQ = sc.leaderQ
	if f.linked && len(sc.qhits) > 0 {
		rel := cat.release(l.Release)
		t.questionLed(f, sc.qhits, qmod, rel)
		t.regionLed(f, sc.qhits, qmod, rel)
		t.regionQuestion(f, sc.qhits, qmod)
	}
}

// leaderTitles are the roots of the titles a journalist writes before a
// leader's name ("President Vučić", "Prime Minister Kurti", as the
// vocabularies read "predsednik", "premijer", "Kryeministri"): a
// question naming a region's person so is about the region's politics.
var leaderTitles = func() map[string]bool {
	var tz tokenizer
	out := map[string]bool{}
	for _, w := range []string{"president", "minister", "premier", "chancellor"} {
		if r, _ := phraseRoots(&tz, w); len(r) == 1 {
			out[r[0]] = true
		}
	}
	return out
}()

// extendsName reports whether stem w extends a name among the desk's
// keywords ("iranian" from "Iran", "israeli" from "Israel"): a place's
// people or adjective, not a name the enquiry gives a ship or an aircraft.
func (t *Topics) extendsName(w []byte) bool {
	for n := 4; n < len(w); n++ {
		if !t.firstFilter.MayHave(w[:n]) {
			continue
		}
		for _, ref := range t.first[string(w[:n])] {
			if ph := &t.topics[ref.topic].phrases[ref.ph]; len(ph.roots) == 1 && ph.capitalised {
				return true
			}
		}
	}
	return false
}

// Question-led topics (issue 11): thematic words (armed forces,
// sanctions) stay with a regional release's first topic when they are
// part of the region's story, but an enquiry whose questions are all
// about them is that desk's matter ("How many Royal Marines, and from
// which unit?" on a leaders' call readout).
const (
	// ledMinWords distinct thematic words of the topic in the questions
	ledMinWords = 3
	// ledModelMin: a name the learnt model ties to a topic at least this
	// strongly says a question is about that topic ("Rafah" 0.78,
	// "Pristina" 0.45; not "Mediterranean" 0.15)
	ledModelMin = 0.3
)

// questionLed sets f.led to a topic other than the release's first whose
// thematic words clearly lead the questions: at least ledMinWords
// distinct ones in question sentences, in more than half the question
// sentences that have evidence for any desk, and no question sentence
// about the release's first topic (its keywords, names, the region's
// politics, or a name the learnt model ties to it) without them. A
// separate question on the region ("did the PM raise Rafah?") keeps the
// enquiry with the release.
func (t *Topics) questionLed(f *topicFeatures, qh []qHit, mod *topicModel, rel *Release) {
	first := -1
	for ti := range t.topics {
		if f.rel[ti] == 1 {
			first = ti
		}
	}
	if first < 0 {
		return
	}
	// hasTopic reports whether h is evidence for topic ti.
	hasTopic := func(h qHit, ti int) bool {
		if h.topic >= 0 {
			return int(h.topic) == ti
		}
		return mod != nil && mod.weight[int(h.ph)*mod.nt+ti] >= ledModelMin
	}
	all := f.qsents[:0]
	for _, h := range qh {
		if !slices.Contains(all, h.sent) {
			all = append(all, h.sent)
		}
	}
	f.qsents = all
	for ti := range t.topics {
		if ti == first || ti == t.fallback {
			continue
		}
		// distinct thematic words of ti, and their sentences
		words, sents := 0, f.qsents2[:0]
		for k, h := range qh {
			if int(h.topic) != ti || h.ph >= 0 && !t.topics[ti].phrases[h.ph].thematic() || t.aimedAt(h, qh, first, mod, hasTopic) {
				continue
			}
			if !slices.ContainsFunc(qh[:k], func(o qHit) bool {
				return o.topic == h.topic && o.ph == h.ph && string(o.word) == string(h.word)
			}) {
				words++
			}
			if !slices.Contains(sents, h.sent) {
				sents = append(sents, h.sent)
			}
		}
		f.qsents2 = sents
		// Fewer in the questions will do when the sender's own words
		// hold ledMinWords+1 distinct ones and every question sentence
		// with evidence has them ("Which Royal Navy ships are in the Red
		// Sea?" under a subject and text on naval forces).
		// The release must not be about them itself: a title that
		// names one ("UK reinforcements arrive in Kosovo for NATO") makes
		// the troops its story.
		// A topic of the release itself needs fewer: two, in every
		// question sentence with evidence ("Will the Royal Navy escort
		// merchant ships in the Red Sea? How many British warships are
		// there?" on a Houthi seizure release tagged [middle-east,
		// security]): the question picks one of the release's topics.
		every := len(sents) == len(all) && rel != nil && !t.namesThematic(ti, rel.Title)
		enough := words >= ledMinWords || every && (words >= 1 && f.themN[ti] >= ledMinWords+1 || words >= 2 && f.rel[ti] == 2)
		if !enough || 2*len(sents) <= len(all) {
			continue
		}
		// a question sentence with evidence for the first topic is ti's
		// when ti's thematic words there are at least as many; its names
		// count as one, as they say where and not what is asked ("would
		// the UK join an Israeli military response against Iran?")
		alone := false
		for _, h := range qh {
			if !hasTopic(h, first) {
				continue
			}
			nf, nt, names := 0, 0, 0
			for _, o := range qh {
				if o.sent != h.sent {
					continue
				}
				if hasTopic(o, first) {
					if t.nameHit(o, mod) {
						names = 1
					} else {
						nf++
					}
				}
				if int(o.topic) == ti && (o.ph < 0 || t.topics[ti].phrases[o.ph].thematic()) {
					nt++
				}
			}
			if nt < nf+names {
				alone = true
				break
			}
		}
		if !alone {
			f.led, f.ledSents, f.nQ = ti, len(sents), len(all)
			for k, h := range qh {
				if int(h.topic) != ti || h.ph >= 0 && !t.topics[ti].phrases[h.ph].thematic() || t.aimedAt(h, qh, first, mod, hasTopic) ||
					slices.ContainsFunc(qh[:k], func(o qHit) bool {
						return o.topic == h.topic && o.ph == h.ph && string(o.word) == string(h.word)
					}) {
					continue
				}
				w := string(h.as)
				if h.ph >= 0 {
					w = t.topics[ti].phrases[h.ph].text
				}
				f.ledWords = append(f.ledWords, w)
			}
			return
		}
	}
}

// aimedAt reports whether question hit h is a measure against a state
// (a word of a family of measures: sanctions) in a question that names a
// place of the release's first topic, a region: "will the UK back new
// sanctions against Iran?" on the UNSC statement on Iran's attack is a
// question on the region's story, as the DEV sets label it (ten sets:
// dldev 037, mldev8 027 …), where questions on the RAF's part alone are
// security's (tuning 034, endev 011 …); the asset freezes and OFSI's
// licences asked about with no name of the region stay the measures'
// desk's (tuning 016).
func (t *Topics) aimedAt(h qHit, qh []qHit, first int, mod *topicModel, hasTopic func(qHit, int) bool) bool {
	if h.ph < 0 || t.measures == 0 || !t.topics[first].regional {
		return false
	}
	g := t.topics[h.topic].phrases[h.ph].group
	if g < 0 || g >= 64 || t.measures&(1<<g) == 0 {
		return false
	}
	return slices.ContainsFunc(qh, func(o qHit) bool { return o.sent == h.sent && hasTopic(o, first) && t.nameHit(o, mod) })
}

// nameHit reports whether question hit h is a name: a keyword the desk
// writes with a capital, a region's place, or a name of the learnt
// model.
func (t *Topics) nameHit(h qHit, mod *topicModel) bool {
	switch {
	case h.ph < 0:
		return false
	case h.topic < 0:
		return mod != nil && mod.name[h.ph]
	}
	ph := &t.topics[h.topic].phrases[h.ph]
	return ph.capitalised || ph.region
}

// regionQuestion sets f.regionQ when a question sentence has evidence
// for a regional topic of the linked release (its keywords, places, a
// name the learnt model ties to it) and no thematic word of any desk: a
// question on the region's own story ("will the Foreign Secretary raise
// the attack with President Vučić?").
func (t *Topics) regionQuestion(f *topicFeatures, qh []qHit, mod *topicModel) {
	for _, h := range qh {
		reg := false
		for ti := range t.topics {
			if f.rel[ti] == 0 || !t.topics[ti].regional {
				continue
			}
			if h.topic >= 0 && int(h.topic) == ti && h.ph >= 0 && !t.topics[ti].phrases[h.ph].thematic() ||
				h.topic < 0 && mod != nil && mod.weight[int(h.ph)*mod.nt+ti] >= ledModelMin {
				reg = true
				break
			}
		}
		if !reg {
			continue
		}
		if !slices.ContainsFunc(qh, func(o qHit) bool {
			return o.sent == h.sent && o.topic >= 0 && (o.ph < 0 || t.topics[o.topic].phrases[o.ph].thematic())
		}) {
			f.regionQ = true
			return
		}
	}
}

// regionMinWords: distinct words of a region (its names, places, the
// desk's keywords for it, the names the learnt model ties to it) the
// questions need to be that region's desk's matter (regionLed).
const regionMinWords = 2

// regionLed sets f.regLed to a regional topic outside the linked
// release's topics when the questions are about that region and not
// about the release: regionMinWords distinct words of the region in the
// question sentences, and no evidence in them for any of the release's
// topics ("Which leaders is the PM seeing on Gaza, Herzog, Sisi?" on a
// COP28 release). The journalist has taken the release as the occasion
// for a question to another desk. A release whose title names a place of
// the region is that region's story whatever its topics (a migration
// release titled "PM meeting with Prime Minister Meloni of Italy"): the
// questions naming Italy are about the release.
func (t *Topics) regionLed(f *topicFeatures, qh []qHit, mod *topicModel, rel *Release) {
	hasTopic := func(h qHit, ti int) bool {
		if h.topic >= 0 {
			return int(h.topic) == ti
		}
		return h.ph >= 0 && mod != nil && mod.weight[int(h.ph)*mod.nt+ti] >= ledModelMin
	}
	for _, h := range qh {
		for ti := range t.topics {
			if f.rel[ti] > 0 && hasTopic(h, ti) {
				return
			}
		}
	}
	best, bestN := -1, 0
	for ti := range t.topics {
		if f.rel[ti] != 0 || !t.topics[ti].regional || ti == t.fallback {
			continue
		}
		n := 0
		for k, h := range qh {
			if !hasTopic(h, ti) || slices.ContainsFunc(qh[:k], func(o qHit) bool {
				return o.topic == h.topic && o.ph == h.ph && string(o.word) == string(h.word)
			}) {
				continue
			}
			n++
		}
		if n > bestN {
			best, bestN = ti, n
		}
	}
	if bestN < regionMinWords || rel == nil || t.namesPlace(best, rel.Title) {
		return
	}
	f.regLed = best
	for k, h := range qh {
		if !hasTopic(h, best) || slices.ContainsFunc(qh[:k], func(o qHit) bool {
			return o.topic == h.topic && o.ph == h.ph && string(o.word) == string(h.word)
		}) {
			continue
		}
		if h.topic >= 0 {
			f.regWords = append(f.regWords, t.topics[best].phrases[h.ph].text)
		} else {
			f.regWords = append(f.regWords, mod.words[h.ph])
		}
	}
}

// namesThematic reports whether title names one of topic ti's thematic
// words (armed forces, sanctions) as a whole word or phrase.
func (t *Topics) namesThematic(ti int, title string) bool {
	return t.titleNames(ti, title, (*phrase).thematic)
}

// namesPlace reports whether title names one of regional topic ti's
// places (a keyword or region place written with a capital), as a whole
// word or phrase.
func (t *Topics) namesPlace(ti int, title string) bool {
	return t.titleNames(ti, title, func(ph *phrase) bool { return ph.kind == evKeyword && ph.capitalised })
}

// titleNames reports whether title names, as a whole word or phrase, one
// of topic ti's phrases that want accepts.
func (t *Topics) titleNames(ti int, title string, want func(*phrase) bool) bool {
	low := " " + strings.Map(func(r rune) rune {
		if r == '\'' || r == '’' || r == '-' || r == ',' || r == ':' || r == '.' {
			return ' '
		}
		return r
	}, strings.ToLower(title)) + " "
	for i := range t.topics[ti].phrases {
		ph := &t.topics[ti].phrases[i]
		if want(ph) && strings.Contains(low, " "+strings.ToLower(ph.text)+" ") {
			return true
		}
	}
	return false
}

// evidence weighs topic ti's evidence in the text (keywords, related
// terms, names, the region's politics, the desk's own business), without
// the words of thematic families unless thematic is set.
func (t *Topics) evidence(f *topicFeatures, p *topicParams, ti int, thematic bool) float64 {
	if !f.found[ti] {
		return 0 // (what the sums below give for no evidence: +0)
	}
	var s, names, dip float64
	for k := 0; k < nEvidence; k++ {
		if k == evDiplomacy {
			continue
		}
		for pl := 0; pl < nPlaces; pl++ {
			v := f.ev[ti][k][pl]
			if !thematic {
				v -= f.them[ti][k][pl]
			}
			s += p.kind[k] * p.place[pl] * v
		}
	}
	otherReg := f.linked && f.rel[ti] == 2 && !f.firstReg && t.topics[ti].regional
	// ... and its names in the questions alone, with no word of its own
	// (a keyword that is no name, its politics) anywhere in the sender's
	// words, name the countries of the release's story: "what do the
	// agreements with Serbia, North Macedonia and Kosovo provide?" on
	// the [migration, europe] EPC release is migration's, with "the
	// gangs of smugglers" before it (mldev7 014, mixdev2 019) or not
	// (dldev5 036: "are they signed today or only announced?"); "how are
	// relations with Serbia?", "a bilateral with Orban" or "Berlin
	// Process" still make the region's question, and so does a leader of
	// the region named with a title in a question ("will he press Prime
	// Minister Kurti …, see President Vucic?", endev6 035: leaderQ).
	storyNames := otherReg && !t.ownWords(f, ti) && f.leaderQ&(1<<ti) == 0
	for pl := 0; pl < nPlaces; pl++ {
		if pl == plFocus && storyNames {
			continue
		}
		if pl != plFocus && otherReg {
			// A region among a release's other topics is picked by
			// the questions: its names in the subject and text say
			// where the release's story happens ("EPC Budapest -
			// Western Balkans agreements" on a [migration, europe]
			// release), which its first topic already answers.
			continue
		}
		names += p.place[pl] * f.names[ti][pl]
		dip += p.place[pl] * f.ev[ti][evDiplomacy][pl]
	}
	// Names say where or who, not what is asked; many of them add up
	// slowly.
	if names > 1 {
		names = 1 + math.Log(names)
	}
	s += p.name * names
	if t.topics[ti].regional {
		s += p.kind[evDiplomacy] * dip * math.Min(1, names)
	}
	return s
}

// thematicCounts reports whether the words of thematic families count for
// topic ti: always, except for the other topics of a release whose first
// topic is a region (troops or sanctions in a region's story are that
// region's story) and for desks outside the release's topics — unless the
// questions are about them (f.led, f.themLed); with no release, except
// where a question names a region's place (one of the desk's keywords)
// and only one distinct thematic word stands beside it.
func (f *topicFeatures) thematicCounts(ti int) bool {
	if !f.linked {
		// With no release, a question naming a region is that region's
		// story unless two distinct thematic words say otherwise ("UN
		// sanctions on Iran" is Iran's).
		return f.themN[ti] >= 2 || !f.regionAsked
	}
	return f.rel[ti] == 1 || f.rel[ti] == 2 && !f.firstReg || f.led == ti || f.themLed(ti)
}

// strong reports whether the enquiry has strong, specific evidence for
// topic ti's functional desk: two distinct specific words of a functional
// family in the sender's own words, one of them in a question.
func (f *topicFeatures) strong(ti int) bool { return f.specN[ti] >= 2 && f.specQ[ti] }

// themLed reports whether the questions are about topic ti's thematic
// words (armed forces, sanctions) on a release whose first topic is not a
// region: two distinct such words in the sender's own words, one in a
// question. Troops in a region's story are that region's story (they
// stay with a regional first topic unless questionLed), but they are no
// part of a migration, trade or general release's story: asked about
// there, they are the thematic desk's matter — unless another question
// is about the story of a region among the release's topics (regionQ:
// KFOR troop numbers beside the Foreign Secretary's meeting with
// President Vučić, on a [migration, europe] release, are Europe's).
func (f *topicFeatures) themLed(ti int) bool {
	return f.linked && !f.firstReg && f.rel[ti] == 0 && f.themN[ti] >= 2 && f.themQ[ti] && !f.regionQ
}

// scores weighs the features into one score per topic; a topic that is
// not a candidate scores -1.
//
// With no release linked every topic is a candidate, on the evidence in
// the text, the topics of the nearest releases and its similarity with the
// enquiry. With a release linked the candidates are the release's topics —
// its first with all the evidence plus relFirst × the link's probability,
// the others plus relOther × the link's probability (without the words of
// thematic families when the first is a region) — and, outside them, a
// functional desk with strong evidence (see strong), on the same footing
// as the release's other topics but for thematic words, and the fallback
// topic on its own evidence. A topic the questions lead to (questionLed)
// is a candidate with all its evidence + relOther × the link's
// probability.
func (t *Topics) scores(f *topicFeatures, p *topicParams, out []float64) []float64 {
	out = out[:0]
	// With no release linked, the nearest releases' topics say which
	// desk's territory the enquiry is in — for a desk its own words give
	// evidence for, or for any when they give none: a question on Giorgia
	// Meloni's visit to London is Europe's (Meloni is one of its
	// keywords), though the releases nearest it are her meetings on
	// migration.
	own := !f.linked && t.ownEvidence(f, p)
	for ti := range t.topics {
		var s float64
		switch {
		case !f.linked:
			s = t.evidence(f, p, ti, f.thematicCounts(ti))
			if !own || f.found[ti] || learntScore(f, p, ti) > 0 {
				s += p.near * f.near[ti]
			}
		case f.rel[ti] == 1:
			s = t.evidence(f, p, ti, true) + p.relFirst*f.relSc[ti]
		case f.rel[ti] == 2:
			s = t.evidence(f, p, ti, f.thematicCounts(ti)) + p.relOther*f.relSc[ti]
		case ti == t.fallback:
			s = t.evidence(f, p, ti, true)
		case f.led == ti || f.themLed(ti) || f.regLed == ti:
			s = t.evidence(f, p, ti, true) + p.relOther*f.linkScore
		case f.strong(ti):
			s = t.evidence(f, p, ti, false) + p.relOther*f.linkScore
		default:
			out = append(out, -1)
			continue
		}
		if !f.linked {
			s += learntScore(f, p, ti)
		}
		out = append(out, s+p.centroid*f.cent[ti])
	}
	return out
}

// ctxCluster reports whether the sentence of contextual word d holds two
// other distinct contextual words of its family (for d's topic).
func (t *Topics) ctxCluster(ctx []deskHit, d deskHit) bool {
	ph := &t.topics[d.ref.topic].phrases[d.ref.ph]
	var other []string
	for _, o := range ctx {
		if o.sent != d.sent || o.ref.topic != d.ref.topic {
			continue
		}
		op := &t.topics[o.ref.topic].phrases[o.ref.ph]
		if op.group != ph.group || op.roots[0] == ph.roots[0] || slices.Contains(other, op.roots[0]) {
			continue
		}
		if other = append(other, op.roots[0]); len(other) == 2 {
			return true
		}
	}
	return false
}

// ownEvidence reports whether the enquiry's own words (keywords, related
// terms, names, the learnt model's words) give evidence for any desk but
// the fallback.
func (t *Topics) ownEvidence(f *topicFeatures, p *topicParams) bool {
	for ti := range t.topics {
		if ti != t.fallback && (f.found[ti] || learntScore(f, p, ti) > 0) {
			return true
		}
	}
	return false
}

// learntScore weighs the learnt model's evidence for topic ti.
func learntScore(f *topicFeatures, p *topicParams, ti int) float64 {
	var s float64
	for pl, v := range f.learnt[ti] {
		s += p.place[pl] * v
	}
	return p.learn * min(s, p.learnMax)
}

func (t *Topics) decide(f *topicFeatures, p *topicParams) TopicChoice {
	var buf [16]float64
	sc := t.scores(f, p, buf[:0])
	best, bestScore := -1, 0.0
	for ti, s := range sc {
		if ti == t.fallback {
			continue
		}
		if s > bestScore+1e-9 {
			best, bestScore = ti, s
		}
	}
	fb := ""
	if t.fallback >= 0 {
		fb = t.topics[t.fallback].id
	}
	why := func(ti int) string {
		b := make([]byte, 0, 256)
		if f.led == ti {
			// the questions are about security: "RAF", "Royal Marines",
			// "merlin" in 2 of 2 question sentences, over the release's
			// first topic (middle-east)
			b = append(append(append(b, "the questions are about "...), t.topics[ti].id...), ": "...)
			b = appendQuotedWords(b, f.ledWords)
			b = append(b, " in "...)
			b = strconv.AppendInt(b, int64(f.ledSents), 10)
			b = append(b, " of "...)
			b = strconv.AppendInt(b, int64(f.nQ), 10)
			b = append(b, " question sentences, over the release's first topic ("...)
			b = append(append(b, f.relTopics[0]...), "); "...)
		} else if f.linked && f.rel[ti] == 0 && ti != t.fallback {
			b = append(b, "not a topic of the release ("...)
			for i, id := range f.relTopics {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = append(b, id...)
			}
			if f.themLed(ti) && !f.strong(ti) {
				// asked about troops or sanctions on a migration, trade or
				// general release
				b = append(append(append(b, "), but the questions ask about this desk's words, no part of the release's first topic ("...), f.relTopics[0]...), "): "...)
			} else {
				b = append(b, "), but specific words for its desk in the question: "...)
			}
		}
		// The evidence, at most six items, without the thematic words
		// when they do not count.
		skip := func(r reasonItem) bool { return !f.thematicCounts(ti) && r.thematic() }
		items := 0
		for _, r := range f.why[ti] {
			if !skip(r) && !(r.model && f.linked) {
				items++
			}
		}
		i := 0
		for _, r := range f.why[ti] {
			if skip(r) || r.model && f.linked {
				continue
			}
			if i == 6 {
				b = append(strconv.AppendInt(append(b, ", "...), int64(items-6), 10), " more"...)
				break
			}
			if i > 0 {
				b = append(b, ", "...)
			}
			if r.model {
				b = f.model.appendModelReason(b, f.mhits, ti)
			} else {
				b = r.appendTo(b)
			}
			i++
		}
		if f.linked && f.rel[ti] == 1 {
			// name the thematic words set aside, when they would have won
			for o := range t.topics {
				if o == ti || f.thematicCounts(o) {
					continue
				}
				them := t.evidence(f, p, o, true) - t.evidence(f, p, o, false)
				if them <= 0 || max(sc[o], p.centroid*f.cent[o])+them <= sc[ti] {
					continue
				}
				set := 0
				for _, r := range f.why[o] {
					if r.thematic() && set < 3 {
						if set == 0 {
							b = append(b, "; "...)
						} else {
							b = append(b, ", "...)
						}
						b = strconv.AppendQuote(b, r.ph.text)
						set++
					}
				}
				if set > 0 {
					b = append(append(append(b, " ("...), t.topics[o].id...), ") stay with the release's first topic"...)
					break
				}
			}
		}
		if len(b) == 0 && f.cent[ti] > 0 {
			// no word of its own: the enquiry's words are like its
			// releases' (the centroid similarity)
			b = append(b, "words like its releases'"...)
		}
		return string(b)
	}
	if f.regLed >= 0 {
		// the questions are about middle-east: "Gaza", "Sisi", "Herzog"
		// in the questions, none about the release's topics (climate)
		b := append(append(append([]byte(nil), "the questions are about "...), t.topics[f.regLed].id...), ": "...)
		b = appendQuotedWords(b, f.regWords)
		b = append(b, " in the questions, none about the release's topics ("...)
		b = append(append(b, strings.Join(f.relTopics, ", ")...), ')')
		return TopicChoice{Topic: t.topics[f.regLed].id, Score: sc[f.regLed], Reason: string(b)}
	}
	if t.fallback >= 0 && sc[t.fallback] > bestScore && sc[t.fallback] >= p.min {
		return TopicChoice{Topic: fb, Score: sc[t.fallback], Reason: why(t.fallback),
			aboutDesk: f.linked && f.rel[t.fallback] == 0}
	}
	if t.deskOnlyAsked(f) && best >= 0 {
		// With no release linked, questions that ask nothing but the
		// desk's own business (who the spokesperson is, an interview)
		// are the fallback's, whatever story the text tells.
		return TopicChoice{Topic: fb, Score: bestScore,
			Reason: "no release, and the questions ask only the desk's own business; fallback; " + why(t.fallback)}
	}
	if t.namesOnly(f, best) {
		// With no release linked, a region named only in passing is no
		// topic: names say where, not what is asked.
		reason := "no release, and only names of " + t.topics[best].id + " (where, not what is asked); fallback"
		if t.fallback >= 0 && f.found[t.fallback] {
			reason += "; " + why(t.fallback)
		}
		return TopicChoice{Topic: fb, Score: bestScore, Reason: reason}
	}
	if t.postsOnly(f, best) {
		// With no release linked, a consulate or a visa named beside
		// the desk's own business is where it is asked, not what.
		reason := "no release, and only the offices or papers of " + t.topics[best].id + " named (where, not what is asked); fallback; " + why(t.fallback)
		return TopicChoice{Topic: fb, Score: bestScore, Reason: reason}
	}
	if best < 0 || bestScore < p.min {
		reason := "no topic's keywords or release fit"
		if best >= 0 {
			reason = fmt.Sprintf("weak evidence for %s (%.2f: %s); fallback", t.topics[best].id, bestScore, why(best))
		}
		if t.fallback >= 0 && f.found[t.fallback] {
			// the desk's own business found, below the threshold: name it
			// ("filming request" in subject)
			reason += "; " + why(t.fallback)
		}
		return TopicChoice{Topic: fb, Score: bestScore, Reason: reason}
	}
	return TopicChoice{Topic: t.topics[best].id, Score: bestScore, Reason: why(best)}
}

// ownForward reports whether in's forwarded text is a message of the
// sender's own (a chaser that forwards their earlier enquiry): the first
// line of its header block that holds an address holds the sender's
// ("From: Liam Doherty <liam.doherty@…>", in whatever language the mail
// program labels it), or a colleague's forwarded by a sender who asks
// nothing of their own (colleagueAddress). Someone else's message
// forwarded (a release, a colleague's note commented on, the desk's own
// reply) names another address first.
func ownForward(in *Input) bool {
	from := strings.TrimSpace(in.From)
	if in.ForwardedText == "" || from == "" || !strings.Contains(from, "@") {
		return false
	}
	text := in.ForwardedText
	for n := 0; n < 15 && text != ""; n++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		if at := strings.IndexByte(line, '@'); at >= 0 {
			return containsFold(line, from) || !strings.ContainsAny(in.NewText, "?¿？؟;\u037e") && colleagueAddress(line, from)
		}
	}
	return false
}

// webmail are mail providers whose addresses share a domain with no
// newsroom in common.
var webmail = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "outlook.com": true, "hotmail.com": true,
	"live.com": true, "yahoo.com": true, "icloud.com": true, "me.com": true,
	"protonmail.com": true, "proton.me": true, "gmx.de": true, "gmx.net": true,
	"web.de": true, "mail.ru": true, "yandex.ru": true, "aol.com": true,
}

// colleagueAddress reports whether header line names first an address
// of sender from's own newsroom (the same domain, no webmail's): an
// editor who asks nothing of their own (no question mark in any script,
// nor a semicolon, Greek's question mark) and forwards a colleague's
// question asks it ("σας προωθώ την ερώτηση της συναδέλφου", from
// d.…@in.gr, forwarding s.…@in.gr); one who asks "Any comment on this?"
// of a colleague's message forwarded asks their own question.
func colleagueAddress(line, from string) bool {
	_, dom, ok := strings.Cut(from, "@")
	dom = strings.ToLower(strings.Trim(strings.TrimSpace(dom), "<>"))
	if !ok || dom == "" || webmail[dom] {
		return false
	}
	at := strings.IndexByte(line, '@')
	end := at + 1
	for end < len(line) && (line[end] == '.' || line[end] == '-' || line[end] >= '0' && line[end] <= '9' ||
		line[end] >= 'a' && line[end] <= 'z' || line[end] >= 'A' && line[end] <= 'Z') {
		end++
	}
	return strings.EqualFold(strings.TrimSuffix(line[at+1:end], "."), dom)
}

// containsFold reports whether s contains sub, ASCII letters in either
// case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// inUnknownName reports whether token k of tz ends a name the catalogue
// does not know: the word before it, in the same sentence, is written
// with a capital and is no word of the catalogue ("Chatham House", a
// think tank, is not the White House's "House"; "Lancaster House"). For
// English mail only: German writes every noun with a capital
// ("Präsident Sisi").
func inUnknownName(tz *tokenizer, k int32, cat *Catalogue) bool {
	if k < 1 || !tz.toks[k].upper {
		return false
	}
	prev := &tz.toks[k-1]
	if !prev.upper || prev.num || prev.sent != tz.toks[k].sent || tz.toks[k].brk {
		return false
	}
	w, stop := termOf(append([]byte(nil), tz.word(int(k-1))...), false)
	if stop {
		return false
	}
	_, known := cat.idx.words[string(w)]
	return !known
}

// numberedName reports whether token k of tz, written with a capital, is
// followed in its clause by a number of one or two digits that is no day
// of a month: a numbered name ("Channel 4", "Channel 5", "Channel 12" are
// broadcasters, not the Channel the small-boats releases name), not the
// place or body the learnt model knows by that word. A year after a name
// ("Kosovo 1999") and a date ("Brussels 14 November") leave it the name.
func numberedName(tz *tokenizer, k int32) bool {
	if k < 0 || int(k)+1 >= len(tz.toks) || !tz.toks[k].upper {
		return false
	}
	next := &tz.toks[k+1]
	if !next.num || next.brk || next.sent != tz.toks[k].sent {
		return false
	}
	n := tz.word(int(k + 1))
	if len(n) > 2 {
		return false
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return false
		}
	}
	if int(k)+2 < len(tz.toks) && tz.toks[k+2].sent == tz.toks[k].sent {
		if _, ok := anchorMonth(tz.word(int(k + 2))); ok {
			return false
		}
	}
	return true
}

// sameSpecific reports whether the specific phrase of hit h and one of
// the earlier hits of its topic are one word of the family said twice, as
// the subject line heads the question: one of the two is in the subject
// (at best) and holds the other's words ("aid trucks" in the subject,
// "aid" in the question's "aid lorries": one aid word, not two distinct
// ones for the strong-evidence rule; endev5 008). In the question and
// the text, "humanitarian aid" and "aid" still count as two.
func (t *Topics) sameSpecific(earlier []topicHit, h topicHit) bool {
	a := t.topics[h.ref.topic].phrases[h.ref.ph].roots
	for _, e := range earlier {
		if e.ref.topic != h.ref.topic || e.spec > plText || h.spec != plSubject && e.spec != plSubject {
			continue
		}
		b := t.topics[e.ref.topic].phrases[e.ref.ph].roots
		if holdsRoots(a, b) || holdsRoots(b, a) {
			return true
		}
	}
	return false
}

// holdsRoots reports whether the roots sub stand together, in order, in
// long.
func holdsRoots(long, sub []string) bool {
	if len(sub) == 0 || len(sub) > len(long) {
		return false
	}
	for i := 0; i+len(sub) <= len(long); i++ {
		if slices.Equal(long[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// ctxBit is the bit of family group g in Topics.context (none for -1 or
// a group past 63).
func ctxBit(g int8) uint64 {
	if g < 0 || g > 63 {
		return 0
	}
	return 1 << g
}

// foiCues mark a request under freedom-of-information law, which is
// answered by the FOI team under statute, not by a press officer about a
// release.
var foiCues = []string{"freedom of information act", "freedom of information request", "foi request", "foia request", "under the foia", "under foi"}

// isFOIRequest reports whether text makes a freedom-of-information request.
func isFOIRequest(text string) bool {
	return mayContainLower(text, foiKeys) && isFOIRequestLower(lowerText(text))
}

// foiKeys and complaintKeys are words every cue of their kind contains
// (requestCueKeys both).
var (
	foiKeys        = []string{"foi", "freedom of information"}
	complaintKeys  = []string{"complain"}
	requestCueKeys = []string{"foi", "freedom of information", "complain"}
)

// isFOIRequestLower is isFOIRequest for text already lower-cased.
func isFOIRequestLower(low string) bool {
	// Every cue contains one of these: most texts are settled by two
	// searches.
	if !strings.Contains(low, "foi") && !strings.Contains(low, "freedom of information") {
		return false
	}
	for _, c := range foiCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

// complaintCues mark a complaint about how the desk handled something: it
// goes to the fallback desk and is not an enquiry about a release, even
// when it names the statement the earlier enquiry was about.
var complaintCues = []string{
	"formal complaint", "make a complaint", "raise a complaint", "lodge a complaint", "register a complaint",
	"i want to complain", "i wish to complain", "i would like to complain", "i'd like to complain",
	"i am writing to complain", "i'm writing to complain", "complain about how", "complain about the way",
	"complaint about how", "complaint about the way", "complaint about the handling",
}

// isComplaintLower reports whether the journalist complains about the
// desk's handling (their own words, or a subject line saying "complaint"
// with a complaint in the text): low is the new text lower-cased, subject
// as written.
func isComplaintLower(subject, low string) bool {
	// Every cue contains "complain", as must the text for the subject
	// test: most texts are settled by one search.
	if !strings.Contains(low, "complain") {
		return false
	}
	for _, c := range complaintCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return hasSingular(strings.ToLower(subject), "complaint") && hasSingular(low, "complain")
}

// hasSingular reports whether s contains w not followed by "s" or "ts"
// ("complaint" but not "complaints procedure").
func hasSingular(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		rest := s[i+j+len(w):]
		if !strings.HasPrefix(rest, "s") && !strings.HasPrefix(rest, "ts") {
			return true
		}
		i += j + len(w)
	}
}

// topicSent is one sentence with evidence for one topic.
type topicSent struct {
	topic int16
	sent  int32
}

// appendQuotedWords appends the first five words quoted and comma-separated
// ("…" when there are more): the evidence a topic reason names.
func appendQuotedWords(b []byte, words []string) []byte {
	for i, w := range words {
		if i == 5 {
			return append(b, ", …"...)
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, w)
	}
	return b
}

// ownWords reports whether topic ti has evidence of its own words (not
// names: keywords, related terms, its politics) in the sender's own words
// (question, subject, text); false for ti < 0.
func (t *Topics) ownWords(f *topicFeatures, ti int) bool {
	if ti < 0 {
		return false
	}
	for k := 0; k < nEvidence; k++ {
		for pl := 0; pl <= plText; pl++ {
			if f.ev[ti][k][pl] > 0 {
				return true
			}
		}
	}
	return false
}

// namesOnly reports whether an enquiry linked to no release has, for its
// best topic ti, a region, nothing but names: its places and peoples in
// the sender's words, and no keyword that is no name, no word of the
// region's politics and no leader of the region named with a title in a
// question. A country named in passing ("the ambassador in Tirana", "the
// match in Lisbon", "the King's visit to Spain") says where the
// journalist's question is, not what it is about: the desk's own
// business, or nothing a desk covers, is the fallback's.
func (t *Topics) namesOnly(f *topicFeatures, ti int) bool {
	if f.linked || ti < 0 || ti == t.fallback || !t.topics[ti].regional {
		return false
	}
	if f.leaderQ&(1<<ti) != 0 || t.fallback < 0 || !f.found[t.fallback] {
		return false
	}
	return !t.ownWords(f, ti) || t.relationsOnly(f, ti) && t.deskAsked(f)
}

// relationsOnly reports whether the sender's own words hold, for regional
// topic ti, nothing but its names and the words of the UK's relations with
// its countries (relations, a relationship, bilateral, diplomatic): no
// keyword of its own and no other word of its politics (a dialogue,
// tensions, accession, elections — the region's own story).
func (t *Topics) relationsOnly(f *topicFeatures, ti int) bool {
	for _, r := range f.why[ti] {
		if r.ph != nil && !r.name && r.place <= plText && !relationsWord(r.ph.text) {
			return false
		}
	}
	return true
}

// relationsWord reports whether diplomacy phrase text names the relations
// between two states themselves or their meetings (a state visit, a
// bilateral, the Berlin Process summit: an event the desk accredits
// journalists to), not an event of the region's own politics.
func relationsWord(text string) bool {
	switch strings.ToLower(text) {
	case "relations", "relationship", "bilateral", "bilateral relationship", "bilateral relations", "diplomatic", "diplomacy",
		"berlin process", "state visit", "official visit", "bilateral meeting", "bilateral meetings":
		return true
	}
	return false
}

// deskAsked reports whether the desk's own business is what a question or
// the subject line asks: an interview with the ambassador, accreditation,
// who the spokesperson is, a complaint about a reply. The relations or the
// dialogue named beside it are what the interview or the event is about,
// not a question on the region's politics: "can the ambassador give an
// interview on UK–Serbia relations?" is the desk's own business, as the
// region's names alone already are (namesOnly); an interview "about the
// dialogue between Kosovo and Serbia" asks the region's story
// (relationsOnly).
func (t *Topics) deskAsked(f *topicFeatures) bool {
	for _, r := range f.why[t.fallback] {
		if r.ph != nil && (r.place == plFocus || r.place == plSubject) && (r.ph.self || deskRequest(r.ph.text)) && !interviewBid(r.ph.text) {
			return true
		}
	}
	return false
}

// deskOnlyAsked reports whether an enquiry linked to no release asks, in
// its questions, the desk's own business (deskRequest, desk_self) and
// nothing else: no word of any other topic — no keyword, nothing the
// learnt model reads — in a question; a place named there says where
// ("you or the embassy in Zagreb?"), unless it is a leader of the region
// named with a title ("will the new ambassador raise the attack with
// President Vučić?" asks the region's story: leaderQ). Its text and subject say what the
// journalist's story is ("we are writing a series on migrants at the
// Croatian border"), the questions what the desk is asked ("who is your
// spokesperson for such subjects?").
func (t *Topics) deskOnlyAsked(f *topicFeatures) bool {
	if f.linked || t.fallback < 0 || !f.found[t.fallback] || f.leaderQ != 0 {
		return false
	}
	asked := false
	for _, r := range f.why[t.fallback] {
		if r.ph != nil && r.place == plFocus && (r.ph.self || deskRequest(r.ph.text)) && !interviewBid(r.ph.text) {
			asked = true
		}
	}
	if !asked {
		return false
	}
	for ti := range t.topics {
		if ti == t.fallback {
			continue
		}
		if f.learnt[ti][plFocus] > 0 {
			return false
		}
		for k := 0; k < nEvidence; k++ {
			if f.ev[ti][k][plFocus] > 0 {
				return false
			}
		}
	}
	return true
}

// interviewBid reports whether desk phrase text is a request for an
// interview ("interview", "interview request", "interview with the
// ambassador" in any language). An interview bid is about its theme: the
// shared samples label a bid for an interview "on the UK's approach to the
// region" with no release the region's topic (enquiries 068), so for the
// two no-release rules above (deskAsked, deskOnlyAsked) an interview is
// not the desk's own business the way accreditation, a spokesperson, a
// contact, a complaint or the full text of a statement are; a bid with no
// theme of any desk topic still falls to the fallback by namesOnly's first
// test (no word of the region's own).
func interviewBid(text string) bool {
	return len(text) >= 9 && strings.EqualFold(text[:9], "interview")
}

// deskRequest reports whether desk_business phrase text is a request to
// the press office itself — an interview, its spokesperson or contact, an
// event of the embassy's, filming — rather than a minister's business the
// desk also answers for (a diary, an appointment, a post, planning), which
// a question on the region's politics often names ("which subjects are on
// the agenda: the Balkans, bilateral cooperation?").
func deskRequest(text string) bool {
	text = strings.ToLower(text)
	for _, p := range deskRequests {
		if strings.HasPrefix(text, p) {
			return true
		}
	}
	return false
}

var deskRequests = []string{"interview", "spokes", "press contact", "media contact", "contact person", "point of contact",
	"press office", "press team", "media team", "reception", "open day", "panel", "guest speaker", "keynote", "speaking",
	"filming", "request to film", "permission to film", "camera", "gala", "king's birthday", "birthday party", "garden party",
	"translation", "mailing list", "full text", "transcript"}

// postsOnly reports whether an enquiry linked to no release has, for its
// best topic ti, no evidence but the words naming the offices and papers
// of its service (postWords: "the consulate", "the consul", "a visa"),
// and the desk's own business is asked (an interview, an appointment, an
// event, accreditation, the UK's visa fees or student visas): a
// consulate or a visa named so says where the journalist's question is,
// not what it is about (TestTopicConsulateIsWhere).
func (t *Topics) postsOnly(f *topicFeatures, ti int) bool {
	if f.linked || ti < 0 || ti == t.fallback || t.fallback < 0 || !f.found[t.fallback] {
		return false
	}
	posts := false
	for _, r := range f.why[ti] {
		switch {
		case r.model:
			return false
		case r.ph == nil:
			// a near release
		case !r.ph.post:
			return false
		default:
			posts = true
		}
	}
	return posts
}

// visaKinds are the desk_self phrases (topiclex.yaml) that name the UK's
// visa itself, or a kind of it, rather than the desk's procedures for it
// (its centre, fees, appointments, processing, a journalist's visa).
var visaKinds = map[string]bool{"uk visa": true, "uk visas": true, "british visa": true, "british visas": true,
	"student visa": true, "student visas": true, "study visa": true, "study visas": true, "work visa": true,
	"work visas": true, "visitor visa": true, "visitor visas": true, "visa refusal": true, "visa refusals": true,
	"electronic travel authorisation": true, "electronic travel authorisations": true, "electronic travel authorization": true}

// Roots foreignVisas reads: a visa, and the citizens who hold one.
var (
	visaRoots   = []string{topicRoot("visa"), topicRoot("visas")}
	holderRoots = []string{topicRoot("citizens"), topicRoot("citizen"), topicRoot("nationals"), topicRoot("national")}
)

// foreignVisas appends to out the sentences of the current text that ask
// about a visa held by another country's citizens: a visa beside
// citizens or nationals ("visas for Albanian citizens", "za građane
// Srbije", "per i cittadini albanesi") or one of a region's peoples
// ("visa refusals for Kosovars"), with no British holder named (no
// "British", "Britons", "UK citizens": "do British citizens need a visa
// for Serbia?" is consular). The consular service is British nationals
// abroad: the UK's visas for another country's citizens coming to the UK
// — visa liberalisation, a visa-free regime, visa refusals — are no
// consular matter. They are the region's story where the holders are a
// regional desk's country's (the region's topic counts them as asked, as
// it does a question naming its leader: leaderQ), migration where asked
// as immigration (its own words say so), else the desk's fallback. A
// visa whose holder is unnamed ("do I need a visa for Iraq?") stays the
// traveller's, consular.
func (t *Topics) foreignVisas(sc *topicScan, roots, stems [][]byte, sents []int32, places []uint8, out []int32, regOut []uint64) ([]int32, []uint64) {
	if t.visaGroup < 0 {
		return out, regOut
	}
	for i, r := range roots {
		if !slices.Contains(visaRoots, string(r)) || slices.Contains(out, sents[i]) {
			continue
		}
		s := sents[i]
		holder, british := false, false
		var regs uint64
		start := i
		for start > 0 && sents[start-1] == s {
			start--
		}
		for k := start; k < len(roots) && sents[k] == s; k++ {
			if slices.Contains(holderRoots, string(roots[k])) {
				holder = true
				// ("UK citizens", "UK nationals")
				if k > start && bytes.EqualFold(stems[k-1], []byte("uk")) {
					british = true
				}
			}
			if britishWord(stems[k]) {
				british = true
			}
			if !t.firstFilter.MayHave(roots[k]) {
				continue
			}
			for _, ref := range t.first[string(roots[k])] {
				ph := &t.topics[ref.topic].phrases[ref.ph]
				if !t.topics[ref.topic].regional || !ph.capitalised || ref.topic >= 64 || !t.matchAt(roots, k, ph) {
					continue
				}
				if ph.people {
					holder = true
				}
				if places[k] <= plSubject {
					regs |= 1 << ref.topic
				}
			}
		}
		if holder && !british {
			out = append(out, s)
			regOut = append(regOut, regs)
			sc.fvLead |= regs
			sc.fvAny = sc.fvAny || places[i] == plFocus
		}
	}
	return out, regOut
}

// britishWord reports whether stem names British people: British,
// Britons, Brits, a British man (read from another language: "British
// nationals", "UK citizens").
func britishWord(stem []byte) bool {
	w := bytes.ToLower(stem)
	return bytes.HasPrefix(w, []byte("british")) || bytes.HasPrefix(w, []byte("briton")) || bytes.HasPrefix(w, []byte("brits")) ||
		string(w) == "brit" || bytes.HasPrefix(w, []byte("a british")) || bytes.HasPrefix(w, []byte("uk citizen")) ||
		bytes.HasPrefix(w, []byte("uk national"))
}
