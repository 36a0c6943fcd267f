package routing

import (
	"slices"
	"strings"
	"testing"
)

// TestVocabAlbanianFrenchBalkans checks that the Albanian (standard and
// Gheg, with and without ë/ç) and French vocabularies read the Western
// Balkans releases' words in every inflection: borders, visas, returns,
// organised crime, police cooperation, EU integration, customs and goods,
// investing, a leaders' phone call, and the subjects no desk covers.
func TestVocabAlbanianFrenchBalkans(t *testing.T) {
	for _, c := range []struct{ lang, word, want string }{
		{"sq", "kufitare", "border"}, {"sq", "kufitarët", "border"}, {"sq", "kufinit", "border"}, {"sq", "kufirit", "border"},
		{"sq", "vizave", "visa"}, {"sq", "vizën", "visa"}, {"sq", "vizes", "visa"},
		{"sq", "kthyer", "returned"}, {"sq", "kthye", "returned"}, {"sq", "dëbuar", "deported"}, {"sq", "debohen", "deported"},
		{"sq", "deportuar", "deported"}, {"sq", "ripranimit", "readmission"},
		{"sq", "organizuem", "organised"}, {"sq", "organizuara", "organised"}, {"sq", "drogës", "drugs"}, {"sq", "trafikut", "smuggling"},
		{"sq", "europolin", "europol"}, {"sq", "integrimit", "accession"}, {"sq", "integrimin", "accession"},
		{"sq", "doganat", "customs"}, {"sq", "doganore", "customs"}, {"sq", "mallrave", "goods"},
		{"sq", "investojnë", "investment"}, {"sq", "investuar", "investment"}, {"sq", "investue", "investment"},
		{"sq", "telefon", "call"}, {"sq", "folën", "spoke"}, {"sq", "bisedoi", "call"},
		{"sq", "futbollit", "football"}, {"sq", "muzeun", "museum"}, {"sq", "ekspozitë", "exhibition"}, {"sq", "dëborë", "snowfall"}, {"sq", "debore", "snowfall"},
		{"fr", "retour", "returns"}, {"fr", "retours", "returns"}, {"fr", "déboutés", "refused"}, {"fr", "expulsés", "deported"},
		{"fr", "douanes", "customs"}, {"fr", "douanière", "customs"}, {"fr", "frontaliers", "border"}, {"fr", "marchandises", "goods"},
		{"fr", "investir", "investment"}, {"fr", "investisseurs", "investors"}, {"fr", "réadmissions", "readmission"},
		{"fr", "canicule", "heatwave"}, {"fr", "météo", "weather"}, {"fr", "musée", "museum"},
	} {
		got := vocabFor(c.lang).translate(folded(c.word))
		// the reading as the linker keeps it: the English word or its stem
		if !slices.ContainsFunc(got, func(g string) bool { return g != "" && strings.HasPrefix(c.want, g) }) {
			t.Errorf("%s %q reads %q, want %q", c.lang, c.word, got, c.want)
		}
	}
}
