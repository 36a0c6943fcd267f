package routing

import (
	"slices"
	"testing"

	"github.com/mediadesk/mediadesk/releases/release"
)

func terms(s string) []string {
	var tz tokenizer
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

func TestTokenizeFigures(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"£1.6bn of climate finance", []string{"1.6bn", "climat", "financ"}},
		{"£1.6 billion", []string{"1.6bn"}},
		{"£10 million and £10m", []string{"10m", "10m"}},
		{"20 Mio. Pfund", []string{"20m", "pfund"}},
		{"1 Mrd. Euro", []string{"1bn", "euro"}},
		{"10 milionë", []string{"10m"}},
		{"20 млн", []string{"20m"}},
		{"Тирана", []string{"tirana"}},
		{"GBP21 billion", []string{"21bn"}},
		{"from over 12,000 to under 1,000", []string{"12000", "1000"}},
		// figures as other languages write them read as English does
		{"mehr als 12.000 Menschen, 1.000.000 Pfund", []string{"mehr", "als", "12000", "menschen", "1000000", "pfund"}},
		{"plus de 12 000 personnes, 3\u00a0500 et 1\u202f000\u202f000", []string{"plus", "12000", "personn", "3500", "1000000"}},
		{"CHF 12'000", []string{"chf", "12000"}},
		{"٢٠ مليون و١٢٬٠٠٠ و٢٫٥", []string{"20m", "12000", "2.5"}},
		{"۲۰ million", []string{"20m"}},
		// one sum, however many zeros: "21.000 millones" is £21bn
		{"21.000 millones de libras, £21bn, £1,500 million", []string{"21bn", "libra", "21bn", "1.5bn"}},
		{"£0.5bn or 500 million", []string{"500m", "500m"}},
		{"61,3 bilhões de libras, 1,6 miliarda, 2 миллиарда фунтов", []string{"61.3bn", "libra", "1.6bn", "2bn", "funtov"}},
		{"20 εκατ. λίρες, 20 εκατομμυρίων λιρών", []string{"20m", "lire", "20m", "liron"}},
		// but not a decimal, a date, a short group or a year
		{"0.125 and £1.125bn", []string{"0.125", "1.125bn"}},
		{"16.10.2023 and 1.5 and 12 34, 2023 500", []string{"16.10.2023", "1.5", "12", "34", "2023", "500"}},
		{"1,5 Mrd. Euro", []string{"1.5bn", "euro"}},
		{"down 36% or 90 per cent", []string{"36pct", "90pct"}},
		{"by 4pm, 11.30am or 15:00", nil},
		{"COP28 and the P8s", []string{"cop28", "p8s"}},
		{"Erdoğan, Çela, Vučić", []string{"erdogan", "cela", "vucic"}},
		// marks inside a word: decomposed accents, Arabic vowel signs,
		// shadda and tatweel
		{"Durre\u0308s and Vuc\u030cic\u0301", []string{"durr", "vucic"}},
		{"عمّان وعُمان وغـزة", []string{"عمان", "وعمان", "وغزة"}},
		{"Sunak's call; today's", []string{"sunak", "call"}},
		{"sanctions sanctioned sanctioning", []string{"sanction", "sanction", "sanction"}},
		{"building build", []string{"build", "build"}},
		{"agreed agreement agree", []string{"agree", "agreement", "agree"}},
	} {
		if got := terms(c.in); !slices.Equal(got, c.want) {
			t.Errorf("%q → %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokenizeQuestions(t *testing.T) {
	var tz tokenizer
	tz.tokenize("The release says 40 officers. Where are they based? Thanks.")
	q := map[string]bool{}
	for k := range tz.toks {
		q[string(tz.word(k))] = tz.toks[k].question
	}
	if q["release"] || !q["where"] || !q["based"] || q["thanks"] {
		t.Errorf("question marks wrong: %v", q)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"PM call with Egypt's President: 12 October 2023":    "pm-call-with-egypts-president-12-october-2023",
		"Rishi Sunak call with President Erdoğan of Türkiye": "rishi-sunak-call-with-president-erdogan-of-turkiye",
		"UK–US sanctions: Hamas leadership":                  "uk-us-sanctions-hamas-leadership",
	} {
		if got := release.Slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTokenizeOtherScriptsDigits: a digit of another script (Gujarati,
// Arabic-Indic, full-width) at a token's start once made the tokenizer
// stand still and grow its buffers until memory ran out; found by FuzzRoute.
func TestTokenizeOtherScriptsDigits(t *testing.T) {
	var tz tokenizer
	for _, s := range []string{"\u0aeb", "x \u0aeb y", "\u0661\u0662\u0663 flights", "\uff11\uff12 pm", "o\xf0i \u0aeb\xbc"} {
		tz.tokenize(s)
		if len(tz.toks) > len(s) {
			t.Errorf("%q: %d tokens from %d bytes", s, len(tz.toks), len(s))
		}
	}
}

// TestTokenizeAbbreviationDots: an abbreviation's dot ends no sentence,
// so a question holding one is a question throughout — dotted initials
// ("the U.S. announced"), Spanish doubled initials ("EE. UU."), a title
// before a name ("Mr. Vučić"); initials followed by a capital, and a
// single capital that ends a sentence, still end it.
func TestTokenizeAbbreviationDots(t *testing.T) {
	var tz tokenizer
	for _, c := range []struct {
		in       string
		question []string // words read as part of a question
		not      []string // words read outside any question
	}{
		{"Is the UK preparing travel bans, as the U.S. announced today? Georgina.", []string{"prepar", "ban", "announc"}, []string{"georgina"}},
		{"¿Prepara el Reino Unido prohibiciones de viaje, como anunció hoy EE. UU.? Gracias.", []string{"prepara", "prohibicion", "anuncio"}, []string{"gracia"}},
		{"Will Mr. Vučić meet the Foreign Secretary? See you.", []string{"vucic", "meet"}, []string{"see"}},
		{"Did the U.K. and the E.U. agree on it? Georgina.", []string{"agree"}, []string{"georgina"}},
		{"We read the statement from the U.S. The PM said nothing. Why not?", []string{"why"}, []string{"statement", "said"}},
		{"We will go with Plan B. Is that right?", []string{"right"}, []string{"plan", "go"}},
	} {
		tz.tokenize(c.in)
		q := map[string]bool{}
		seen := map[string]bool{}
		for k := range tz.toks {
			w, _ := tz.term(k)
			q[string(w)] = tz.toks[k].question
			seen[string(w)] = true
		}
		for _, w := range c.question {
			if !seen[w] || !q[w] {
				t.Errorf("%q: %q not read in a question (seen %v)", c.in, w, seen[w])
			}
		}
		for _, w := range c.not {
			if !seen[w] || q[w] {
				t.Errorf("%q: %q read in a question (seen %v)", c.in, w, seen[w])
			}
		}
	}
}
