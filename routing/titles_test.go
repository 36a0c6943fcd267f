package routing

import (
	"strings"
	"testing"
)

// TestOfficeTitlesAcrossLanguages: the titles a press office meets —
// Foreign Secretary, Prime Minister, Home Secretary, Defence Secretary,
// Development Minister, the Middle East, ambassador, embassy, consulate,
// Foreign Office — are read through each language's vocabulary as the
// English the catalogue uses, in their common case forms. Each sentence
// is read word by word; want lists every word's reading, "" for a word
// read as nothing. A spokesperson is a request word ("a comment from
// your spokesperson") and is read as nothing in every language whose
// vocabulary ignores it.
func TestOfficeTitlesAcrossLanguages(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		// Turkish: the Home Secretary is named by the ministry's word;
		// a possessive ending is read through its apostrophe. The
		// Foreign Secretary stays "foreign minister": read as "foreign
		// secretary" it linked mldev7 038 (p 0.66 -> 0.83) but made
		// mldev2 045, its release left out, a confident wrong link to
		// the other Foreign Secretary release (p 0.69: leave-one-out)
		{"tr", "Dışişleri Bakanı Cleverly", []string{"foreign", "minister", ""}},
		{"tr", "Dışişleri Bakanı'nın ziyareti", []string{"foreign", "minister", "visit"}},
		{"tr", "İçişleri Bakanı", []string{"home secretary", "minister"}},
		// the Middle East as two words: mldev7 038 ("Dışişleri
		// Bakanı'nın Orta Doğu turu") linked by it, p 0.66 -> 0.76
		{"tr", "Orta Doğu", []string{"middle", "eastern"}},
		{"tr", "Başbakan Sunak", []string{"prime minister", ""}},
		{"tr", "Savunma Bakanı", []string{"defence", "minister"}},
		{"tr", "Kalkınma Bakanı", []string{"development", "minister"}},
		{"tr", "büyükelçi büyükelçiliği konsolosluğu", []string{"ambassador", "embassy", "consulate"}},
		{"tr", "sözcüsü", []string{""}},
		// German
		{"de", "Außenminister Premierminister Innenministerin Verteidigungsminister", []string{"foreign secretary", "prime minister", "home secretary", "defence secretary"}},
		{"de", "Entwicklungsminister Nahostminister", []string{"development minister", "middle east"}},
		{"de", "Botschafter Botschaft Konsulat Außenministerium Innenministerium", []string{"ambassador", "embassy", "consulate", "foreign office", "home office"}},
		// Russian and Ukrainian: the genitive of the ministry's words
		{"ru", "министра иностранных дел", []string{"minister", "foreign", "affair"}},
		{"ru", "министр внутренних дел", []string{"minister", "home secretary", "affair"}},
		{"ru", "премьер-министр МИД посол посольство консульство", []string{"prime minister", "minister", "foreign office", "ambassador", "embassy", "consulate"}},
		{"ru", "министр обороны Ближнего Востока", []string{"minister", "defence", "middle east", ""}},
		{"uk", "міністр внутрішніх справ МЗС", []string{"minister", "home secretary", "affair", "foreign office"}},
		{"uk", "Близького Сходу посольстві", []string{"middle east", "", "embassy"}},
		// Polish
		{"pl", "ministra spraw zagranicznych", []string{"minister", "affair", "foreign"}},
		{"pl", "minister spraw wewnętrznych", []string{"minister", "affair", "home secretary"}},
		{"pl", "MSZ ambasadzie Bliskiego Wschodu premier", []string{"foreign office", "embassy", "middle east", "", "prime minister"}},
		// Serbian (Croatian, Bosnian)
		{"sr", "ministar spoljnih poslova", []string{"minister", "foreign", "affair"}},
		{"sr", "ministar unutrašnjih poslova", []string{"minister", "home secretary", "affair"}},
		{"hr", "premijer ambasador ambasada konzulat", []string{"prime minister", "ambassador", "embassy", "consulate"}},
		// Greek and Italian: the ministry's one word
		{"el", "υπουργός Εξωτερικών", []string{"minister", "foreign secretary"}},
		{"el", "υπουργού Εσωτερικών", []string{"minister", "home secretary"}},
		{"el", "πρωθυπουργός πρέσβης πρεσβεία προξενείο", []string{"prime minister", "ambassador", "embassy", "consulate"}},
		{"it", "ministro degli Esteri", []string{"minister", "", "foreign secretary"}},
		{"it", "ambasciatore ambasciata consolato", []string{"ambassador", "embassy", "consulate"}},
		// Arabic
		{"ar", "وزير الخارجية", []string{"minister", "foreign"}},
		{"ar", "وزير الداخلية", []string{"minister", "home secretary"}},
		{"ar", "رئيس الوزراء السفير السفارة", []string{"president", "prime minister", "ambassador", "embassy"}},
		// the languages that already read them
		{"fr", "ministre des Affaires étrangères", []string{"minister", "", "affair", "foreign"}},
		{"fr", "ambassadeur ambassade consulat", []string{"ambassador", "embassy", "consulate"}},
		{"es", "ministro de Asuntos Exteriores canciller", []string{"minister", "", "affair", "foreign", "foreign secretary"}},
		{"es", "embajador embajada consulado", []string{"ambassador", "embassy", "consulate"}},
		{"pt", "chanceler primeiro-ministro embaixador embaixada consulado", []string{"foreign secretary", "prime", "minister", "ambassador", "embassy", "consulate"}},
		{"nl", "minister van Buitenlandse Zaken premier", []string{"minister", "", "foreign", "affair", "prime minister"}},
		{"nl", "ambassadeur ambassade consulaat Midden-Oosten", []string{"ambassador", "embassy", "consulate", "", "middle east"}},
		{"sq", "ministri i Jashtëm kryeministri", []string{"minister", "", "foreign", "prime minister"}},
		{"sq", "ambasadori ambasada konsullata", []string{"ambassador", "embassy", "consulate"}},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		v := vocabFor(c.lang)
		var got []string
		for k := range tz.toks {
			w := tz.word(k)
			if v.ignores(w) {
				got = append(got, "")
				continue
			}
			got = append(got, strings.Join(v.translate(w), " "))
		}
		if len(got) != len(c.want) {
			t.Errorf("%s %q: %q, want %q", c.lang, c.text, got, c.want)
			continue
		}
		for i := range got {
			// translate gives index terms (stemmed: "defenc", "consulat")
			if want := englishStems(c.want[i]); got[i] != want {
				t.Errorf("%s %q: word %d read %q, want %q (%q)", c.lang, c.text, i, got[i], want, c.want[i])
			}
		}
	}
}

// englishStems is English s as the index writes its terms.
func englishStems(s string) string {
	var tz tokenizer
	return strings.Join(englishTerms(&tz, s), " ")
}
