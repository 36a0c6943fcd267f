package routing

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/mediadesk/mediadesk/config"
)

// Topics chooses the desk that should answer an enquiry. Each topic gets a
// score that adds up
//
//   - the linked release's topics: its first topic (what the release is
//     mainly about) more than the others, scaled by the link's confidence;
//   - the topic's keywords (topics[].keywords, and the phrases of its name
//     at half weight) found as whole words or phrases, case-insensitively,
//     after the same stemming as the linker: each distinct keyword counts
//     once, a little more when repeated, weighted by where it occurs — in a
//     question the journalist asks (a sentence ending in '?') most, then in
//     the subject and the rest of the new text, then forwarded text, then
//     quoted history.
//
// The question can thus outweigh the release: a question about British
// nationals on an evacuation flight goes to consular even when the release
// is a Prime Minister's call about the Middle East. When no topic reaches
// topicMin the fallback topic answers.
type Topics struct {
	topics   []topicRule
	fallback string
	first    map[string][]kwRef // first stem of a keyword → keywords starting with it
}

type topicRule struct {
	id       string
	keywords []keyword
}

type keyword struct {
	text   string
	stems  []string
	weight float64
	// capitalised is set when the desk wrote the keyword with a capital.
	capitalised bool
}

type kwRef struct{ topic, kw int }

// topicParams weigh the topic evidence (see doc.go for how they were set).
type topicParams struct {
	relFirst, relOther float64 // the release's first topic, its others; × link confidence
	question           float64 // keyword in a question the journalist asks
	subject, newText   float64 // in the subject, elsewhere in the new text
	forward, quoted    float64
	nameWord           float64 // phrases of the topic's name, relative to keywords
	name               float64 // a keyword that is a name (where or who) rather than a thing asked about
	near               float64 // with no release linked: topics of the nearest releases, × the share of the enquiry each covers
	centroid           float64 // × the enquiry's similarity with the topic's releases
	min                float64 // below this the fallback topic answers
}

var defaultTopicParams = topicParams{
	relFirst: 2.0, relOther: 1.4, question: 1.0, subject: 0.8, newText: 1.0,
	forward: 0.5, quoted: 0.25, nameWord: 0.5, name: 0.5, near: 1.0, centroid: 2.0, min: 1.0,
}

// TopicChoice is the chosen topic with its score and reason.
type TopicChoice struct {
	Topic  string  `json:"topic"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// NewTopics compiles cfg's topics.
func NewTopics(cfg *config.Config) *Topics {
	t := &Topics{fallback: cfg.FallbackTopic(), first: map[string][]kwRef{}}
	var tz tokenizer
	for _, tp := range cfg.Topics {
		rule := topicRule{id: tp.ID}
		seen := map[string]bool{}
		add := func(text string, w float64) {
			stems := keywordStems(&tz, text)
			key := strings.Join(stems, " ")
			if len(stems) == 0 || seen[key] {
				return
			}
			seen[key] = true
			text = strings.TrimSpace(text)
			rule.keywords = append(rule.keywords, keyword{text: text, stems: stems, weight: w,
				capitalised: strings.ToLower(text) != text})
		}
		for _, k := range tp.Keywords {
			add(k, 1)
		}
		if !tp.Fallback {
			for _, part := range splitName(tp.Name) {
				add(part, defaultTopicParams.nameWord)
			}
		}
		t.topics = append(t.topics, rule)
	}
	for ti := range t.topics {
		for ki, k := range t.topics[ti].keywords {
			t.first[k.stems[0]] = append(t.first[k.stems[0]], kwRef{ti, ki})
		}
	}
	return t
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

// keywordStems tokenises a keyword as the matcher tokenises text.
func keywordStems(tz *tokenizer, s string) []string {
	tz.tokenize(s)
	var out []string
	for k := range tz.toks {
		w, stop := tz.term(k)
		if stop {
			continue
		}
		out = append(out, string(w))
	}
	return out
}

// topicScan holds the reusable buffers of one topic choice.
type topicScan struct {
	tz       tokenizer
	stems    [][]byte
	question []bool
}

var topicScratch = sync.Pool{New: func() any { return new(topicScan) }}

// topicHit accumulates one keyword's evidence.
type topicHit struct {
	count  int
	weight float64 // the best location weight seen
	where  string
}

// Choose picks the topic for an enquiry, given its link (release "" for
// none) in the catalogue cat.
func (t *Topics) Choose(in *Input, l Link, cat *Catalogue) TopicChoice {
	return t.choose(in, l, cat, &defaultTopicParams)
}

// isName reports whether a keyword names a place, person or body rather
// than a thing asked about: every word of it is written with a capital
// inside sentences of the catalogue (most of the time), or, for words the
// catalogue does not know, the desk wrote it with a capital.
func isName(k *keyword, cat *Catalogue) bool {
	if cat == nil || cat.idx == nil {
		return k.capitalised
	}
	for _, s := range k.stems {
		share, ok := cat.idx.nameShare(s)
		if !ok {
			return k.capitalised
		}
		if share < 0.7 {
			return false
		}
	}
	return true
}

func (t *Topics) choose(in *Input, l Link, cat *Catalogue, p *topicParams) TopicChoice {
	var rel *Release
	if l.Release != "" {
		if r, ok := cat.Release(l.Release); ok {
			rel = &r
		}
	}
	scores := make([]float64, len(t.topics))
	hits := map[kwRef]*topicHit{}
	sc := topicScratch.Get().(*topicScan)
	defer topicScratch.Put(sc)
	tz := &sc.tz
	scan := func(text string, base float64, where string, questions bool) {
		if text == "" {
			return
		}
		tz.tokenize(text)
		stems, question := sc.stems[:0], sc.question[:0]
		for k := range tz.toks {
			w, stop := tz.term(k)
			if stop {
				continue
			}
			stems = append(stems, w)
			question = append(question, tz.toks[k].question)
		}
		sc.stems, sc.question = stems, question
		for i, s := range stems {
			for _, ref := range t.first[string(s)] {
				k := &t.topics[ref.topic].keywords[ref.kw]
				if i+len(k.stems) > len(stems) {
					continue
				}
				match := true
				for j := 1; j < len(k.stems); j++ {
					if string(stems[i+j]) != k.stems[j] {
						match = false
						break
					}
				}
				if !match {
					continue
				}
				w, at := base, where
				if questions && question[i] {
					w, at = p.question, "question"
				}
				h := hits[ref]
				if h == nil {
					h = &topicHit{}
					hits[ref] = h
				}
				h.count++
				if w > h.weight {
					h.weight, h.where = w, at
				}
			}
		}
	}
	// A reply that moves to a new subject leaves the thread's subject line
	// and history behind.
	moved := in.IsReply && hasShiftCue(in.NewText)
	if !moved {
		scan(in.Subject, p.subject, "subject", false)
		scan(in.QuotedText, p.quoted, "quoted", false)
	}
	scan(in.NewText, p.newText, "text", true)
	scan(in.ForwardedText, p.forward, "forwarded", false)

	why := make([][]string, len(t.topics))
	refs := make([]kwRef, 0, len(hits))
	for ref := range hits {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].topic != refs[j].topic {
			return refs[i].topic < refs[j].topic
		}
		return refs[i].kw < refs[j].kw
	})
	names := make([]float64, len(t.topics))
	for _, ref := range refs {
		h := hits[ref]
		k := &t.topics[ref.topic].keywords[ref.kw]
		s := k.weight * h.weight * (1 + 0.3*math.Log(float64(h.count)))
		if isName(k, cat) {
			names[ref.topic] += s
			why[ref.topic] = append(why[ref.topic], fmt.Sprintf("%q in %s (name)", k.text, h.where))
			continue
		}
		scores[ref.topic] += s
		why[ref.topic] = append(why[ref.topic], fmt.Sprintf("%q in %s", k.text, h.where))
	}
	// Names say where or who, not what is asked; many of them add up slowly.
	for ti, n := range names {
		if n > 1 {
			n = 1 + math.Log(n)
		}
		scores[ti] += p.name * n
	}
	if rel != nil {
		for i, id := range rel.Topics {
			for ti := range t.topics {
				if t.topics[ti].id != id {
					continue
				}
				w := p.relOther
				if i == 0 {
					w = p.relFirst
				}
				scores[ti] += w * l.Score
				why[ti] = append([]string{"release topic"}, why[ti]...)
			}
		}
	} else {
		// No release fits well enough, but the nearest ones still say
		// which desk's territory the enquiry is in.
		for _, n := range l.near {
			for i, id := range n.rel.Topics {
				for ti := range t.topics {
					if t.topics[ti].id != id {
						continue
					}
					w := p.near * n.cover
					if i > 0 {
						w /= 2
					}
					if w >= 0.05 {
						scores[ti] += w
						why[ti] = append(why[ti], fmt.Sprintf("near release %s", n.rel.ID))
					}
				}
			}
		}
	}
	if p.centroid != 0 {
		for ti := range t.topics {
			if sim := l.topicSim[t.topics[ti].id]; sim > 0 {
				scores[ti] += p.centroid * sim
			}
		}
	}
	best, bestScore := -1, 0.0
	for ti, s := range scores {
		if t.topics[ti].id == t.fallback {
			continue
		}
		if s > bestScore+1e-9 {
			best, bestScore = ti, s
		}
	}
	if best < 0 || bestScore < p.min {
		reason := "no topic's keywords or release fit"
		if best >= 0 {
			reason = fmt.Sprintf("weak evidence for %s (%.2f: %s); fallback", t.topics[best].id, bestScore, strings.Join(why[best], ", "))
		}
		return TopicChoice{Topic: t.fallback, Score: bestScore, Reason: reason}
	}
	return TopicChoice{Topic: t.topics[best].id, Score: bestScore, Reason: strings.Join(why[best], ", ")}
}

// foiCues mark a request under freedom-of-information law, which is
// answered by the FOI team under statute, not by a press officer about a
// release.
var foiCues = []string{"freedom of information act", "freedom of information request", "foi request", "foia request", "under the foia", "under foi"}

// isFOIRequest reports whether text makes a freedom-of-information request.
func isFOIRequest(text string) bool {
	low := strings.ToLower(text)
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

// isComplaint reports whether the journalist complains about the desk's
// handling (their own words, or a subject line saying "complaint" with a
// complaint in the text).
func isComplaint(subject, text string) bool {
	low := strings.ToLower(text)
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
