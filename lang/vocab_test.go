package lang

import (
	"strings"
	"testing"
)

// TestVocabularies: every embedded vocabulary parses, and every language
// the desk has a file for, English aside, has one.
func TestVocabularies(t *testing.T) {
	vs := Vocabularies()
	// English's file holds the linker's own date words.
	if en := vs["en"]; en == nil || en.Anchors["yesterdays"] != "yesterday" || len(en.DayPrepositions) == 0 || len(en.DeadlineCues) == 0 {
		t.Errorf("data/vocab/en.json: no date words: %+v", en)
	}
	for _, l := range All() {
		if l.Code == "en" || l.Code == "hr" || l.Code == "bs" || l.Code == "me" {
			continue // English has no vocabulary; the linker reads Croatian, Bosnian and Montenegrin through Serbian's
		}
		v, ok := vs[l.Code]
		if !ok {
			t.Errorf("%s (%s): no data/vocab/%s.json", l.Code, l.Name, l.Code)
			continue
		}
		if len(v.Words) < 100 || len(v.Anchors) < 15 {
			t.Errorf("%s: %d words, %d anchors: a press office needs more", l.Code, len(v.Words), len(v.Anchors))
		}
	}
}

// TestParseVocabulary: malformed files are refused with the reason.
func TestParseVocabulary(t *testing.T) {
	for _, c := range []struct{ name, src, err string }{
		{"good", `{"code":"de","words":{"sanktion*":"sanctions","Gipfel":"summit"},"anchors":{"gestern":"yesterday"}}`, ""},
		{"no code", `{"words":{}}`, "no code"},
		{"data after the object", `{"code":"de"}{"code":"fr"}`, "data after the object"},
		{"unknown key", `{"code":"de","phrases":{}}`, "unknown field"},
		{"short prefix", `{"code":"de","words":{"san*":"sanctions"}}`, "four letters"},
		{"star inside", `{"code":"de","words":{"san*ktion":"sanctions"}}`, "one word"},
		{"two words", `{"code":"de","words":{"rotes meer":"red sea"}}`, "one word"},
		{"empty English", `{"code":"de","words":{"gipfel":" "}}`, "empty English"},
		{"anchor not a calendar word", `{"code":"de","anchors":{"gipfel":"summit"}}`, "calendar word"},
		{"anchor of two words", `{"code":"de","anchors":{"vorgestern":"day before"}}`, "calendar word"},
		{"bad JSON", "{\"code\":\"de\",\n\"words\": x}", "line 2"},
	} {
		_, err := ParseVocabulary([]byte(c.src))
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.err)
		}
	}
}
