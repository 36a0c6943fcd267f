package config

import (
	"fmt"
	"strings"
)

// TopicVocabulary (extension, key topic_vocabulary) is the desk's lexicon
// of related terms for topic decisions: families of words that mean the
// same kind of thing ("troops", "personnel", "armed forces"), joined to
// every topic listing one of them among its keywords. Without it routing
// uses its embedded default, the reference desk's (a foreign ministry's:
// "HMS", "OFSI", "Rwanda", "KFOR"); with it the desk's lists extend the
// default, or replace it when Replace is set.
type TopicVocabulary struct {
	// Replace: the lists below are the whole lexicon (false: they are
	// added to the default's).
	Replace  bool         `yaml:"replace"`
	Families []TermFamily `yaml:"families"`
	// Diplomacy are the politics of a region (relations, visits,
	// accession): evidence for the regional topics, those whose keywords
	// are mostly names.
	Diplomacy []string `yaml:"diplomacy"`
	// DeskBusiness is about the desk itself (diaries, staffing,
	// complaints, interview bids): evidence for the fallback topic.
	DeskBusiness []string `yaml:"desk_business"`
	// DeskSelf names the desk itself (press office, press officers, duty
	// rota): evidence for the fallback topic in any sentence. The words
	// of DeskBusiness count only in a sentence that asks about no policy
	// or that also names the desk itself.
	DeskSelf []string `yaml:"desk_self"`
	// Regions name the places of a region (countries, capitals, bodies):
	// a regional topic whose name holds a region's name ("Europe and the
	// Western Balkans") has them as names besides its keywords.
	Regions []Region `yaml:"regions"`
}

// Region is one region's places, for the regional topics named after it.
type Region struct {
	Name   string   `yaml:"name"`
	Places []string `yaml:"places"`
	// Peoples are its places' peoples and adjectives as English writes
	// them ("Iranian", "Kosovan"): names of the region in an English
	// enquiry (another language's are in its vocabulary).
	Peoples []string `yaml:"peoples"`
}

// TermFamily is one family of related terms.
type TermFamily struct {
	Name string `yaml:"name"`
	// Kind says how far the family's words may take an enquiry from the
	// topics of the release it is linked to: "functional" (a service one
	// desk gives wherever the story is: its Specific words alone can send
	// an enquiry there), "thematic" (a subject every desk meets in its own
	// territory: never away from the release's first topic) or "policy"
	// (only among the release's own topics).
	Kind string `yaml:"kind"`
	// Specific words (functional families only) show on their own that
	// the question is for the family's desk.
	Specific []string `yaml:"specific"`
	Words    []string `yaml:"words"`
	// Contextual words are the family's only beside another of its
	// words in the same sentence ("returns" of migrants beside
	// "asylum", not the return of a museum's sculptures).
	Contextual []string `yaml:"contextual"`
	// Context words (one word each), in the same sentence, make the
	// contextual words the family's too ("enforced returns", "returns
	// of nationals", "how many people").
	Context []string `yaml:"context"`
	// Measures (thematic families): the family's words are measures one
	// state takes against another (sanctions); in a question naming a
	// place of the linked release's region, they are aimed at it and are
	// that region's story ("new sanctions against Iran").
	Measures bool `yaml:"measures"`
}

// TermFamilyKinds are the kinds a TermFamily may have.
var TermFamilyKinds = []string{"thematic", "policy", "functional"}

// maxTermFamilies bounds the lexicon (routing numbers families in a byte).
const maxTermFamilies = 100

// CheckTopicVocabulary checks a lexicon (the desk's topic_vocabulary or
// routing's embedded default) and returns each problem with its key path
// under prefix.
func CheckTopicVocabulary(tv *TopicVocabulary, prefix string) []Error {
	var errs []Error
	bad := func(path, format string, args ...any) {
		errs = append(errs, Error{Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	if len(tv.Families) > maxTermFamilies {
		bad(prefix+".families", "%d families, at most %d", len(tv.Families), maxTermFamilies)
	}
	if tv.Replace && len(tv.Families) == 0 {
		bad(prefix+".replace", "replace: true with no families would leave no related terms")
	}
	names := map[string]bool{}
	words := func(path string, ws []string) {
		for i, w := range ws {
			if strings.TrimSpace(w) == "" {
				bad(fmt.Sprintf("%s[%d]", path, i), "is empty")
			} else if strings.ContainsAny(w, "\n\r\t") {
				bad(fmt.Sprintf("%s[%d]", path, i), "%q: one line of words", w)
			}
		}
	}
	for i, f := range tv.Families {
		p := fmt.Sprintf("%s.families[%d]", prefix, i)
		switch {
		case strings.TrimSpace(f.Name) == "":
			bad(p+".name", "is required")
		case names[f.Name]:
			bad(p+".name", "%q is used by another family", f.Name)
		}
		names[f.Name] = true
		kindOK := false
		for _, k := range TermFamilyKinds {
			kindOK = kindOK || f.Kind == k
		}
		if !kindOK {
			bad(p+".kind", "%q must be one of %s", f.Kind, strings.Join(TermFamilyKinds, ", "))
		}
		if len(f.Specific) > 0 && f.Kind != "functional" {
			bad(p+".specific", "only a functional family has specific words")
		}
		if len(f.Specific)+len(f.Words) == 0 {
			bad(p, "a family needs words")
		}
		words(p+".specific", f.Specific)
		words(p+".words", f.Words)
		words(p+".contextual", f.Contextual)
		words(p+".context", f.Context)
	}
	words(prefix+".diplomacy", tv.Diplomacy)
	words(prefix+".desk_business", tv.DeskBusiness)
	words(prefix+".desk_self", tv.DeskSelf)
	for i, r := range tv.Regions {
		p := fmt.Sprintf("%s.regions[%d]", prefix, i)
		if strings.TrimSpace(r.Name) == "" {
			bad(p+".name", "is required")
		}
		if len(r.Places) == 0 {
			bad(p+".places", "a region needs places")
		}
		words(p+".places", r.Places)
		words(p+".peoples", r.Peoples)
	}
	return errs
}

// topicVocabulary checks the desk's topic_vocabulary, with line numbers.
func (v *validator) topicVocabulary() {
	if v.cfg.TopicVocabulary == nil {
		return
	}
	for _, e := range CheckTopicVocabulary(v.cfg.TopicVocabulary, "topic_vocabulary") {
		v.errorf(e.Path, "%s", e.Msg)
	}
}
