package routing

import (
	"bytes"
	_ "embed"

	"gopkg.in/yaml.v3"

	"github.com/mediadesk/mediadesk/config"
)

// Related terms for the topic keywords.
//
// A desk lists a few keywords per topic ("troops", "sanctions", "humanitarian
// aid"); journalists ask in many other words ("personnel", "asset freeze",
// "aid funding"). conceptGroups are small families of words that mean the
// same kind of thing in a foreign-affairs press office. A group joins every
// topic that lists one of its words (or a variant of it) among its keywords
// or in its name, written in lower case (a thing, not a name: "KFOR" says
// where, "troops" what), so the lexicon follows the desk's own configuration: a
// desk without a sanctions keyword gets no sanctions vocabulary. Matching is
// on roots (see topicRoot), so "evacuate", "evacuation" and "evacuees"
// meet, as do "invest", "investment" and "investors".
//
// Two groups are special:
//   - deskBusiness is about the desk itself (diaries, appointments,
//     staffing, complaints, interview bids): it belongs to the fallback
//     topic, which the configuration gives no keywords. Its words that
//     name the desk itself (deskSelf: "press office", "duty rota") count
//     wherever they are; the others ("staffing", "planning", "schedule")
//     are also the words of policy questions ("staffing at the processing
//     centres", "is the UK planning further sanctions"), so they count
//     only in a sentence that names no policy — no keyword or related
//     term of another topic — or that also names the desk itself.
//   - diplomacy is the politics of a region (relations, visits, accession,
//     dialogue): it belongs to the regional topics — those whose keywords
//     are mostly names — and counts for one only as far as the enquiry
//     also names that region's places or people.
//
// Families are of three kinds, which say how far their words may take an
// enquiry from the topics of the release it is linked to (see Topics):
//   - functional families are a service one desk gives wherever the story
//     is (help for British nationals abroad, aid money, trade and
//     investment); their specific words are strong enough evidence to send
//     an enquiry to that desk even when the release is not tagged with it;
//   - thematic families are subjects every desk meets in its own territory
//     (armed forces, sanctions): troops or sanctions in a region's story are
//     that region's story, so these words never take an enquiry away from
//     the release's first topic;
//   - policy families (migration, climate) move an enquiry only among the
//     release's own topics.
//
// The words are data: the reference desk's in topiclex.yaml (chosen from
// the domain, what each desk of a foreign-office press desk answers, not
// from particular emails), a desk's own in its topic_vocabulary.
type familyKind uint8

const (
	famThematic familyKind = iota
	famPolicy
	famFunctional
)

// conceptGroup is one family of related terms. specific lists, for a
// functional family, the words that on their own show the question is for
// its desk ("British nationals", "aid", "investment"); words lists the
// others, which count as evidence but cannot alone take an enquiry outside
// the release's topics ("detained", "companies", "programmes").
type conceptGroup struct {
	kind     familyKind
	specific []string
	words    []string
	// contextual are its words only beside another of its words in
	// the same sentence ("returns", "crossings", "boats")
	contextual []string
	// context: words that make its contextual words its own in their
	// sentence ("people", "nationals", "enforced")
	context []string
	// measures: its words are measures against a state (sanctions; see
	// config.TermFamily.Measures)
	measures bool
}

// all lists the family's words, specific ones first, contextual ones
// last.
func (g *conceptGroup) all() []string {
	return append(append(append([]string(nil), g.specific...), g.words...), g.contextual...)
}

// lexicon is the related-term vocabulary topics are decided with: the
// families (conceptGroups), the politics of a region (diplomacy) and the
// desk's own business. The reference desk's is embedded (topiclex.yaml);
// a desk's topic_vocabulary extends or replaces it.
type lexicon struct {
	groups       []conceptGroup
	diplomacy    []string
	deskBusiness []string
	deskSelf     []string
	// regions: the places of each region, names for the regional topics
	// named after it (see NewTopics)
	regions []config.Region
}

//go:embed topiclex.yaml
var defaultLexiconYAML []byte

// defaultLexicon is the embedded lexicon (TestDefaultLexicon checks it).
var defaultLexicon = func() lexicon {
	tv, err := parseLexicon(defaultLexiconYAML)
	if err != nil {
		panic("routing: embedded topiclex.yaml: " + err.Error()) // a build defect, not input
	}
	return lexiconOf(tv)
}()

// parseLexicon decodes and checks a lexicon file (strictly: unknown keys
// are errors).
func parseLexicon(b []byte) (*config.TopicVocabulary, error) {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var tv config.TopicVocabulary
	if err := dec.Decode(&tv); err != nil {
		return nil, err
	}
	if errs := config.CheckTopicVocabulary(&tv, "topiclex"); len(errs) > 0 {
		return nil, config.Errors(errs)
	}
	return &tv, nil
}

var familyKinds = map[string]familyKind{"thematic": famThematic, "policy": famPolicy, "functional": famFunctional}

func lexiconOf(tv *config.TopicVocabulary) lexicon {
	var l lexicon
	for _, f := range tv.Families {
		l.groups = append(l.groups, conceptGroup{kind: familyKinds[f.Kind], specific: f.Specific, words: f.Words, contextual: f.Contextual, context: f.Context, measures: f.Measures})
	}
	l.diplomacy, l.deskBusiness, l.deskSelf = tv.Diplomacy, tv.DeskBusiness, tv.DeskSelf
	l.regions = tv.Regions
	return l
}

// lexiconFor returns the lexicon for a desk's topic_vocabulary (nil: the
// default): its lists after the default's, or alone with replace.
func lexiconFor(tv *config.TopicVocabulary) lexicon {
	if tv == nil {
		return defaultLexicon
	}
	own := lexiconOf(tv)
	if tv.Replace {
		return own
	}
	d := defaultLexicon
	return lexicon{
		groups:       append(append([]conceptGroup(nil), d.groups...), own.groups...),
		diplomacy:    append(append([]string(nil), d.diplomacy...), own.diplomacy...),
		deskBusiness: append(append([]string(nil), d.deskBusiness...), own.deskBusiness...),
		deskSelf:     append(append([]string(nil), d.deskSelf...), own.deskSelf...),
		regions:      append(append([]config.Region(nil), d.regions...), own.regions...),
	}
}
