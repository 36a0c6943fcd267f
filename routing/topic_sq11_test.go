package routing

import (
	"slices"
	"testing"
)

// TestVocabAlbanianFamilies checks the Albanian word families of the
// eleventh session's audit, each in its inflections and typed with and
// without ë/ç: the words that were misread (the adverb 'sigurisht',
// certainly, is no security; feminine 'këshilla', advice, is no council
// — 'këshilli' is; the plural 'zhvillimet', a story's developments, is
// no aid and development) and the families that were unread (Serbs,
// recognition, enlargement, joining the EU, munitions, threats, cyber,
// espionage, a military contingent, firms, markets, infrastructure,
// energy, passports, holidaymakers, clandestine migrants, renewables).
func TestVocabAlbanianFamilies(t *testing.T) {
	checkReadings(t, "sq", []readingCase{
		{[]string{"sigurisht", "Sigurisht"}, "certainly", []string{"security"}},
		{[]string{"këshilla", "keshilla", "këshillat", "këshillën", "këshillave"}, "advice", []string{"council"}},
		{[]string{"këshilli", "Këshillit"}, "council", nil},
		{[]string{"zhvillimet", "zhvillimeve", "zhvillimet"}, "events", []string{"development"}},
		{[]string{"zhvillim", "zhvillimi", "zhvillimit"}, "development", nil},
		{[]string{"serbët", "serbet", "serbëve", "serb", "serbe"}, "Serbs", nil},
		{[]string{"njohjen", "njohja", "njohjes", "mosnjohjen", "mosnjohja"}, "recognition", nil},
		{[]string{"zgjerim", "zgjerimit", "zgjerimi"}, "enlargement", nil},
		{[]string{"anëtarësohet", "anetarësohen", "anëtarësohemi"}, "membership", nil},
		{[]string{"Europa", "Europës", "europiane", "europian"}, "european", nil},
		{[]string{"Europol", "Europolit"}, "europol", nil},
		{[]string{"municione", "municionet", "municioneve"}, "munitions", nil},
		{[]string{"armëve", "armeve"}, "weapons", nil},
		{[]string{"Marinës", "marinën"}, "navy", nil},
		{[]string{"kërcënim", "kercenimi", "kërcënimet"}, "threat", nil},
		{[]string{"kibernetike", "kibernetik"}, "cyber", nil},
		{[]string{"spiunazh", "spiunazhit"}, "espionage", nil},
		{[]string{"kontingjenti", "kontingjentit", "kontingjent"}, "troops", nil},
		{[]string{"firmat", "firma", "firmave", "firmës"}, "firms", nil},
		{[]string{"tregun", "tregu", "tregut", "tregjet", "tregjeve"}, "market", nil},
		{[]string{"infrastrukturën", "infrastruktures", "infrastruktura"}, "infrastructure", nil},
		{[]string{"energjetike", "energjetik"}, "energy", nil},
		{[]string{"pasaportë", "pasaporta", "pasaportat", "pasaporten"}, "passport", nil},
		{[]string{"pushuesit", "pushues", "pushuesve"}, "holidaymakers", nil},
		{[]string{"klandestinë", "klandestinet", "klandestin"}, "migrants", nil},
		{[]string{"rinovueshme", "rinovueshëm"}, "renewable", nil},
	})
}

// readingCase is a family's words in one language and the English each
// reads as (want), never as (not).
type readingCase struct {
	words []string
	want  string
	not   []string
}

// checkReadings checks how language code's topic gloss reads each case's
// words, folded as mail is.
func checkReadings(t *testing.T, code string, cases []readingCase) {
	t.Helper()
	g := glossFor(code)
	var tz tokenizer
	for _, c := range cases {
		for _, w := range c.words {
			var got []string
			for _, gt := range g.translate([]byte(foldWord(&tz, w))) {
				got = append(got, string(gt.stem))
			}
			if want := englishTerms(&tz, c.want)[0]; !slices.Contains(got, want) {
				t.Errorf("%s %q reads as %v, want %q among them", code, w, got, c.want)
			}
			for _, n := range c.not {
				if slices.Contains(got, englishTerms(&tz, n)[0]) {
					t.Errorf("%s %q reads as %v, never %q", code, w, got, n)
				}
			}
		}
	}
}

// TestTopicAlbanianFamilies checks the families above in questions of our
// own with no release linked: the embassy's King's Birthday reception at
// the ambassador's residence in Tirana is the desk's own business (the
// capital says where); firms investing in the market, a contingent and
// munitions, Serbs and recognition, 'sigurisht' before a question on the
// dialogue, and travel advice still say what is asked.
func TestTopicAlbanianFamilies(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"sq", "Pritja", "A jam në listën e të ftuarve për pritjen e ditëlindjes së Mbretit në rezidencën e ambasadorit në Tiranë?", "general"},
		{"sq", "Pritja", "A jam ne listen e te ftuarve per pritjen e ditelindjes se Mbretit ne rezidencen e ambasadorit ne Tirane?", "general"},
		{"sq", "Firmat britanike", "Sa firma britanike kanë investuar në tregun shqiptar dhe në infrastrukturën energjetike?", "trade"},
		{"sq", "Kontingjenti", "Sa ushtarë ka kontingjenti britanik në Estoni dhe a do të dërgohen municione të reja?", "security"},
		{"sq", "Serbët në veri", "Si e sheh Britania largimin e serbëve nga institucionet në veri dhe mosnjohjen e Kosovës nga Serbia?", "europe"},
		{"sq", "Kosova", "Sigurisht që Londra e ndjek nga afër situatën. A do të takohet ambasadori me Kurtin për dialogun me Serbinë?", "europe"},
		{"sq", "Udhëtimi", "A ka ndryshuar Ministria e Jashtme këshillat për udhëtim për britanikët që shkojnë në Egjipt?", "consular"},
	})
}

// TestVocabAlbanianPlaceNames checks the region's places as Albanian
// writes them, in their cases, where the tokeniser's spelling of the name
// does not meet the English one: Gaza's 'Gazë/Gazës/Gazën' (not 'gaza*'),
// Skopje's neighbours and the EU's members named the Albanian way
// (Kroaci, Rumani, Zvicër, Çeki, Danimarkë, Suedi, Norvegji, Estoni,
// Letoni, Lituani, Islandë, Maltë, Moldavi, Podgoricë) and the Middle
// East's and North Africa's (Bahrein, Jerusalem, Kajro, Dohë, Teheran,
// the Emirates, Libi, Marok).
func TestVocabAlbanianPlaceNames(t *testing.T) {
	checkReadings(t, "sq", []readingCase{
		{[]string{"Gazë", "Gazës", "Gazën", "Gazes"}, "Gaza", nil},
		{[]string{"Kroacia", "Kroacisë", "Kroacinë"}, "Croatia", nil},
		{[]string{"Rumania", "Rumanisë"}, "Romania", nil},
		{[]string{"Zvicër", "Zvicrës", "zvicrane"}, "Switzerland", nil},
		{[]string{"Çekia", "Çekisë", "Cekise"}, "Czechia", nil},
		{[]string{"Danimarka", "Danimarkës"}, "Denmark", nil},
		{[]string{"Suedia", "Suedisë", "suedeze"}, "Sweden", nil},
		{[]string{"Norvegjia", "Norvegjisë"}, "Norway", nil},
		{[]string{"Estonia", "Estonisë"}, "Estonia", nil},
		{[]string{"Letonia", "Letonisë"}, "Latvia", nil},
		{[]string{"Lituania", "Lituanisë"}, "Lithuania", nil},
		{[]string{"Islandë", "Islandës"}, "Iceland", nil},
		{[]string{"Maltë", "Maltës"}, "Malta", nil},
		{[]string{"Moldavia", "Moldavisë"}, "Moldova", nil},
		{[]string{"Podgorica", "Podgoricës"}, "Podgorica", nil},
		{[]string{"Bahreini", "Bahreinit"}, "Bahrain", nil},
		{[]string{"Jerusalemi", "Jerusalemit"}, "Jerusalem", nil},
		{[]string{"Kajro", "Kajros"}, "Cairo", nil},
		{[]string{"Dohë", "Dohës"}, "Doha", nil},
		{[]string{"Teherani", "Teheranit"}, "Tehran", nil},
		{[]string{"Emiratet", "Emirateve"}, "UAE", nil},
		{[]string{"Libia", "Libisë"}, "Libya", nil},
		{[]string{"Maroku", "Marokut"}, "Morocco", nil},
	})
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		// Gaza read as Gaza, no longer a word the learnt model ties to
		// the Middle East: the aid asked about is aid's
		{"sq", "Ndihma për Gazën", "Sa milionë paund ndihmë humanitare ka dhënë Britania për civilët në Gazë këtë vit? Përmes cilave agjenci të OKB-së?", "development"},
		{"sq", "Pyetje", "Çfarë qëndrimi ka Mbretëria e Bashkuar ndaj zgjedhjeve të fundit në Moldavi dhe në Rumani?", "europe"},
		{"sq", "Pyetje", "Çfarë qëndrimi ka Mbretëria e Bashkuar ndaj zgjedhjeve të fundit në qeverinë e Libisë?", "middle-east"},
	})
}
