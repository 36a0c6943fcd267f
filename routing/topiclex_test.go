package routing

import (
	"strings"
	"testing"

	"github.com/mediadesk/mediadesk/config"
)

// TestDefaultLexicon: the embedded reference-desk lexicon loads and holds
// the families routing was tuned with.
func TestDefaultLexicon(t *testing.T) {
	tv, err := parseLexicon(defaultLexiconYAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(tv.Families) != 7 || len(defaultLexicon.groups) != 7 || len(defaultLexicon.diplomacy) == 0 || len(defaultLexicon.deskBusiness) == 0 || len(defaultLexicon.deskSelf) == 0 {
		t.Fatalf("default lexicon: %d families, %d diplomacy, %d desk business, %d desk self", len(tv.Families), len(defaultLexicon.diplomacy), len(defaultLexicon.deskBusiness), len(defaultLexicon.deskSelf))
	}
	if len(tv.Regions) == 0 || len(defaultLexicon.regions) != len(tv.Regions) {
		t.Fatalf("default lexicon: %d regions", len(tv.Regions))
	}
	for _, bad := range []string{"families: [{name: x, kind: regional, words: [a]}]\n", "familes: []\n", "families: [\n",
		"regions: [{name: Europe}]\n", "regions: [{places: [Spain]}]\n"} {
		if _, err := parseLexicon([]byte(bad)); err == nil {
			t.Errorf("parseLexicon(%q) accepted", bad)
		}
	}
}

// relatedOf returns the related terms topic id got, by text.
func relatedOf(tp *Topics, id string) map[string]bool {
	m := map[string]bool{}
	for _, r := range tp.topics {
		if r.id == id {
			for _, p := range r.phrases {
				if p.kind == evRelated || p.kind == evDesk {
					m[p.text] = true
				}
			}
		}
	}
	return m
}

// TestDeskTopicVocabulary: a desk's topic_vocabulary extends the default
// lexicon (a new family joins the topic listing one of its words; the
// desk's own business grows) or, with replace, is the whole of it.
func TestDeskTopicVocabulary(t *testing.T) {
	cfg := testDesk(t)
	base := relatedOf(NewTopics(cfg), "security")
	if !base["KFOR"] || !base["asset freeze"] {
		t.Fatalf("default: security lacks KFOR / asset freeze: %v", base)
	}

	cfg.TopicVocabulary = &config.TopicVocabulary{
		Families:     []config.TermFamily{{Name: "cyber", Kind: "thematic", Words: []string{"troops", "cyber attack", "ransomware"}}},
		DeskBusiness: []string{"press pass"},
	}
	ext := NewTopics(cfg)
	if got := relatedOf(ext, "security"); !got["ransomware"] || !got["KFOR"] {
		t.Errorf("extend: security should have ransomware and keep KFOR: %v", got)
	}
	if got := relatedOf(ext, "general"); !got["press pass"] || !got["staffing"] {
		t.Errorf("extend: the fallback's desk business: %v", got)
	}

	cfg.TopicVocabulary.Replace = true
	rep := NewTopics(cfg)
	got := relatedOf(rep, "security")
	if !got["ransomware"] || got["KFOR"] || got["asset freeze"] {
		t.Errorf("replace: security should have only the desk's family: %v", got)
	}
	if got := relatedOf(rep, "general"); got["staffing"] || !got["press pass"] {
		t.Errorf("replace: the fallback's desk business: %v", got)
	}
	var names []string
	for w := range relatedOf(rep, "migration") {
		names = append(names, w)
	}
	if len(names) != 0 {
		t.Errorf("replace: migration kept default related terms: %s", strings.Join(names, ", "))
	}
}

// TestDeskVocabulary: topiclex_lang.json loads, every English it gives is
// one of the default lexicon's desk or family words (or a word of a
// family's phrase), and bad entries are refused.
func TestDeskVocabulary(t *testing.T) {
	if len(deskVocab) < 10 {
		t.Fatalf("%d languages", len(deskVocab))
	}
	desk := map[string]bool{}
	var tz tokenizer
	all := append(append(append([]string(nil), defaultLexicon.deskBusiness...), defaultLexicon.deskSelf...), defaultLexicon.diplomacy...)
	for _, rg := range defaultLexicon.regions {
		all = append(all, rg.Places...)
	}
	for _, w := range all {
		r, _ := phraseRoots(&tz, w)
		desk[strings.Join(r, " ")] = true
	}
	// the families' words, and the words of their phrases (a pair such
	// as French "avoirs gelés" reads "assets frozen")
	part := map[string]bool{}
	for _, g := range defaultLexicon.groups {
		for _, w := range g.all() {
			r, _ := phraseRoots(&tz, w)
			desk[strings.Join(r, " ")] = true
			for _, x := range r {
				part[x] = true
			}
		}
	}
	// readings that keep a word from a family it is not (a broadcaster's
	// "émission" is no emissions, Polish "statki handlowe" no trade):
	// read as no desk's word at all
	for _, w := range []string{"broadcast", "merchant ship"} {
		r, _ := phraseRoots(&tz, w)
		desk[strings.Join(r, " ")] = true
	}
	for code, d := range deskVocab {
		multi := map[string][]string{}
		for _, ms := range d.multi {
			for _, mg := range ms {
				multi[strings.Join(mg.words, " ")] = mg.en
			}
		}
		maps := []map[string][]string{d.words, d.prefixes, multi}
		if d.over != nil {
			maps = append(maps, d.over.words, d.over.prefixes)
		}
		for _, m := range maps {
			for k, en := range m {
				var roots []string
				for _, e := range en {
					roots = append(roots, topicRoot(e))
				}
				if !desk[strings.Join(roots, " ")] && !(len(roots) == 1 && part[roots[0]]) {
					t.Errorf("%s: %q reads as %v, not a desk or family word of topiclex.yaml", code, k, en)
				}
			}
		}
	}
	for _, bad := range []string{`{"de": {"two words*": "staff"}}`, `{"de": {"eins zwei drei vier fünf": "staff"}}`, `{"de": {"of the": "staff"}}`, `{"de": {"ab*": "staff"}}`, `{"de": {"personal": "the"}}`, `{"de": ["x"]}`, `{`} {
		if _, err := parseDeskVocab([]byte(bad)); err == nil {
			t.Errorf("parseDeskVocab(%s) accepted", bad)
		}
	}
}

// TestTopicRegions: a regional topic named after a region has its places
// (topiclex.yaml regions) as names, so an enquiry with no release about a
// country the desk's keywords do not list finds its region; with a
// release linked the places say nothing (the release's topics do), and a
// desk's own region extends the default.
func TestTopicRegions(t *testing.T) {
	cfg, cat := sharedDesk(t)
	topics := NewTopics(cfg)
	for _, c := range []struct {
		in   Input
		link Link
		want string
	}{
		{Input{Subject: "Gibraltar deal", NewText: "Did the Foreign Secretary travel to Brussels for the talks with Spain on Gibraltar, and when will the treaty text be published?"}, Link{}, "europe"},
		{Input{Subject: "Lammy in Warsaw", NewText: "Is the Foreign Secretary visiting Warsaw next week, and will he discuss relations with Poland?"}, Link{}, "europe"},
		{Input{Subject: "Lebanon", NewText: "What is the UK's assessment of the situation in Beirut, and has the UK spoken to the government of Lebanon?"}, Link{}, "middle-east"},
	} {
		got := topics.Choose(&c.in, c.link, cat)
		if got.Topic != c.want || !strings.Contains(got.Reason, "(name)") {
			t.Errorf("%q → %s (%s), want %s on a place's name", c.in.NewText, got.Topic, got.Reason, c.want)
		}
	}
	// a capital that names a treaty is no place of the lists
	if got := topics.Choose(&Input{Subject: "Paris Agreement", NewText: "Will the UK still meet its Paris Agreement commitments?"}, Link{}, cat); got.Topic == "europe" {
		t.Errorf("Paris Agreement → %s (%s)", got.Topic, got.Reason)
	}
	// linked to a migration release, the places of Europe add nothing
	l := Link{Release: "2022-11-14-uk-france-joint-statement-enhancing-co-operation", Score: 0.97}
	if _, ok := cat.Release(l.Release); !ok {
		t.Fatalf("no release %s", l.Release)
	}
	got := topics.Choose(&Input{Subject: "UK-France", NewText: "How much will the UK pay France for the extra officers on the beaches near Paris?"}, l, cat)
	if got.Topic != "migration" || strings.Contains(got.Reason, "France") {
		t.Errorf("linked: %s (%s), want migration without the places", got.Topic, got.Reason)
	}

	desk := testDesk(t) // its europe topic: "Europe", keywords Ruritania, Valdoria, Western Balkans
	desk.TopicVocabulary = &config.TopicVocabulary{Regions: []config.Region{{Name: "Europe", Places: []string{"Freedonia"}}}}
	places := map[string]bool{}
	for _, r := range NewTopics(desk).topics {
		for _, p := range r.phrases {
			if p.region {
				places[r.id+":"+p.text] = true
			}
		}
	}
	if !places["europe:Freedonia"] || !places["europe:Spain"] || places["middle-east:Spain"] {
		t.Errorf("desk regions: %v", places)
	}
}

// TestDeskPhraseLongestFirst: of two desk phrases on the same word, the
// longer written one is read, on every parse of the JSON (its keys come
// in map order: mldev11 022's subject read "new ambassador" on one run
// and "new British ambassador" on the next).
func TestDeskPhraseLongestFirst(t *testing.T) {
	const js = `{"sq": {"ambasadori i ri": "new ambassador", "ambasadori i ri britanik": "new British ambassador", "ambasadori britanik": "British ambassador"}}`
	var tz tokenizer
	tz.tokenize("Kush do të jetë ambasadori i ri britanik në Tiranë?")
	k := -1
	for i := range tz.toks {
		if string(tz.word(i)) == "ambasadori" {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("no token 'ambasadori'")
	}
	for range 50 {
		v, err := parseDeskVocab([]byte(js))
		if err != nil {
			t.Fatal(err)
		}
		en, start, end := topicGloss{desk: v["sq"]}.phrase(&tz, k)
		if got := strings.Join(en, " "); got != "new british ambassador" || end-start != 4 {
			t.Fatalf("phrase = %q over %d tokens, want the four-word phrase's", got, end-start)
		}
	}
}
