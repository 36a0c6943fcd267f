package routing

import (
	"strings"
	"testing"
	"time"
)

// TestLinkPartiesAfter: a meeting named just after an "after" word, in any
// configured language, is the time the subject came in, not the subject
// (afterAt): "dopo il trilaterale con l'Albania, ha avuto un bilaterale con
// Giorgia Meloni" asks about the bilateral (mldev4 010 took the same day's
// trilateral at p 1.00). With the bilateral's release missing, such an
// enquiry takes nothing; a trilateral asked about after a bilateral stays
// the trilateral's; "since" is not "after".
func TestLinkPartiesAfter(t *testing.T) {
	date := at3339(t, "2024-03-04T17:40:00Z")
	checkParties(t, date, []partiesCase{
		{"it dopo il trilaterale", "it", "", "Szohod",
			"Buonasera, oggi il premier, dopo il trilaterale con Varga e Kral, ha avuto un bilaterale con Varga a Szohod. " +
				"Il Regno Unito cofinanzierà i rimpatri volontari dei migranti?", "meeting"},
		{"it dopo il trilaterale, its release missing", "it", "meeting", "Szohod",
			"Buonasera, oggi il premier, dopo il trilaterale con Varga e Kral, ha avuto un bilaterale con Varga a Szohod. " +
				"Il Regno Unito cofinanzierà i rimpatri volontari dei migranti?", ""},
		{"it dopo il vertice a tre", "it", "meeting", "Szohod",
			"Buonasera, oggi dopo il vertice a tre con Kral il premier ha avuto un incontro bilaterale con Varga. " +
				"Il Regno Unito cofinanzierà i rimpatri volontari dei migranti?", ""},
		{"fr après la réunion à trois", "fr", "", "Szohod",
			"Bonjour, après la réunion à trois avec Varga et Kral, le Premier ministre a eu un entretien bilatéral avec Varga à Szohod. " +
				"Le Royaume-Uni cofinancera-t-il les retours volontaires des migrants ?", "meeting"},
		{"en after the three-way, its release missing", "en", "meeting", "Szohod",
			"After the three-way with Kral this afternoon the PM had a bilateral with Varga: did the UK agree to co-fund voluntary returns of migrants?", ""},
		{"en following the trilateral", "en", "", "Szohod",
			"Following the trilateral in Szohod, the PM held a bilateral with Varga. Did the UK agree to co-fund voluntary returns of migrants?", "meeting"},
		// a meeting named only after "after" is the subject (shared 040:
		// "Following yesterday's bilateral between the Prime Minister and
		// Giorgia Meloni …", its release left out, took the trilateral)
		{"en following the bilateral alone", "en", "", "Szohod",
			"Following this afternoon's bilateral with Varga in Szohod: the readout says the UK will co-fund voluntary returns of migrants. How much?", "meeting"},
		{"en following the bilateral alone, its release missing", "en", "meeting", "Szohod",
			"Following this afternoon's bilateral with Varga in Szohod: the readout says the UK will co-fund voluntary returns of migrants. How much?", ""},
		{"it dopo il vertice a tre alone", "it", "", "Szohod",
			"Buonasera, dopo il vertice a tre di oggi con Varga e Kral: cosa significa per il Regno Unito l'accordo sull'asilo tra Borduria e Syldavia?", "trilateral"},
		// the trilateral asked about, the bilateral before it
		{"en after the bilateral, the trilateral", "en", "", "Szohod",
			"After his bilateral with Varga, the PM met Varga and Kral in a trilateral this afternoon: " +
				"what does the asylum processing agreement between Borduria and Syldavia mean for the UK?", "trilateral"},
		{"it dopo il bilaterale, il vertice a tre", "it", "", "Szohod",
			"Buonasera, dopo il bilaterale con Varga, il premier ha partecipato al trilaterale con Varga e Kral: " +
				"cosa significa per il Regno Unito l'accordo sull'asilo tra Borduria e Syldavia?", "trilateral"},
	})
}

// TestAfterAt: the words an "after" word sets as a time, in English and
// the told language, within three words in the same clause.
func TestAfterAt(t *testing.T) {
	for _, c := range []struct {
		text, lang, word string
		want             bool
	}{
		{"dopo il trilaterale con l'Albania", "it", "trilaterale", true},
		{"after the trilateral", "en", "trilateral", true},
		{"pas takimit trepalësh", "sq", "trepalesh", true},
		{"nach dem trilateralen Treffen", "de", "trilateralen", true},
		{"μετά την τριμερή συνάντηση", "el", "trimeri", true},
		{"nakon trilateralnog sastanka", "sr", "trilateralnog", true},
		{"the trilateral, after which", "en", "trilateral", false},
		{"after the talks. The trilateral", "en", "trilateral", false},
		{"pas la réunion trilatérale", "fr", "trilaterale", false}, // French "pas" is "not"
		{"since the trilateral", "en", "trilateral", false},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		k := -1
		for i := range tz.toks {
			if string(tz.word(i)) == c.word {
				k = i
			}
		}
		if k < 0 {
			t.Fatalf("%q: no word %q", c.text, c.word)
		}
		if got := afterAt(&tz, k, vocabFor(c.lang)); got != c.want {
			t.Errorf("%q (%s): afterAt(%q) = %v, want %v", c.text, c.lang, c.word, got, c.want)
		}
	}
}

// hookCatalogue has, on one day, a High Commissioner's appointment and
// the PM's call with a leader (the release of British hostages
// discussed), the next day a minister's tour whose release also speaks
// of hostages, and the filler.
func hookCatalogue() *Catalogue {
	day := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	return NewCatalogue(append([]Release{
		{ID: "appointment", Published: day, DateOnly: true, Topics: []string{"general"},
			Title: "Change of British High Commissioner to Valdoria: Anna Kovac",
			Body: "Ms Anna Kovac has been appointed British High Commissioner to Valdoria in succession to Mr Peter Lind, " +
				"who will be transferring to another Diplomatic Service appointment. Ms Kovac will take up her appointment in August."},
		{ID: "call", Published: day, DateOnly: true, Topics: []string{"middle-east"},
			Title: "PM call with the Emir of Ruritania: 4 March 2024",
			Body: "The Prime Minister spoke to the Emir of Ruritania this afternoon. They discussed the release of British hostages " +
				"held in Borduria and the Emir's mediation, and agreed to keep in close contact on humanitarian access."},
		{ID: "tour", Published: day.AddDate(0, 0, 1), DateOnly: true, Topics: []string{"middle-east"},
			Title: "Foreign Secretary travels to the region to press for humanitarian access",
			Body: "The Foreign Secretary is travelling to Ruritania and Syldavia to push for humanitarian access, " +
				"the release of British hostages and foreign nationals, and a halt to the fighting."},
	}, fillerReleases(day)...), time.UTC)
}

// TestLinkHooks: a release named as a hook before "but … interests us",
// in any configured language, is not linked when what interests the
// sender is something else (mldev11 022: "we saw you announced the High
// Commissioner to Brunei yesterday, but Tirana interests us" took the
// Brunei release at p 0.99); when the rest of the text alone points to
// the hook's release too, it is linked as sure as the whole text makes
// it; when the rest points to another release, neither is linked.
func TestLinkHooks(t *testing.T) {
	for _, c := range []struct {
		name, lang, date, subject, text, want string
	}{
		{"sq Tirana interests us", "sq", "2024-03-05T10:00:00Z", "Ambasadori i ri britanik në Tiranë?",
			"Përshëndetje, pamë që dje njoftuat emërimin e Anna Kovac si Komisionere e Lartë në Valdoria. Por neve na intereson Tirana: " +
				"qarkullon lajmi se ambasadori britanik në Shqipëri do të largohet para kohe. A është i vërtetë ky lajm?", ""},
		{"it another matter", "it", "2024-03-05T10:00:00Z", "Ambasciata a Roma",
			"Buongiorno, abbiamo letto il comunicato di ieri sulla nomina di Anna Kovac ad Alta Commissaria in Valdoria. " +
				"Ma a noi interessa un'altra cosa: chi sarà il nuovo ambasciatore britannico a Roma?", ""},
		{"fr what interests us", "fr", "2024-03-05T10:00:00Z", "Ambassade à Paris",
			"Bonjour, j'ai vu l'annonce d'hier sur la nomination d'Anna Kovac comme Haute-Commissaire en Valdoria. " +
				"Mais ce qui nous intéresse, c'est l'ambassade à Paris : qui remplacera l'ambassadrice ?", ""},
		{"en but we are interested in", "en", "2024-03-05T10:00:00Z", "Embassy in Rome",
			"I saw yesterday's notice of Anna Kovac's appointment as High Commissioner to Valdoria. " +
				"But we are interested in Rome: is the ambassador there leaving early, and who succeeds her?", ""},
		// the rest asks about the hook's release
		{"pt the hook's release asked about", "pt", "2024-03-05T10:00:00Z", "Nomeação em Valdoria",
			"Bom dia, vimos ontem a nomeação de Anna Kovac como Alta Comissária em Valdoria. " +
				"Mas o que nos interessa é quando Kovac assume o cargo e quem é Peter Lind, o antecessor.", "appointment"},
		// the rest alone points to another release: neither
		{"de the rest points to another release", "de", "2024-03-05T10:00:00Z", "Geiseln",
			"Guten Tag, die Mitteilung zum gestrigen Telefonat des Premierministers mit dem Emir von Ruritania habe ich gelesen, " +
				"aber uns interessiert vor allem, ob die Außenministerin auf ihrer Reise über die Freilassung britischer Geiseln spricht.", ""},
		// no hook: "but" without an interest, an interest without "but"
		{"en no hook", "en", "2024-03-05T10:00:00Z", "Valdoria",
			"I saw yesterday's notice of Anna Kovac's appointment as High Commissioner to Valdoria, but when does she take up the post? " +
				"We are interested in her predecessor Peter Lind too.", "appointment"},
	} {
		in := Input{Subject: c.subject, NewText: c.text, Date: at3339(t, c.date), Language: c.lang}
		l := hookCatalogue().Link(&in)
		if l.Release != c.want {
			t.Errorf("%s: linked %q (%.2f, %s), want %q", c.name, l.Release, l.Score, l.Detail, c.want)
		}
	}
}

// TestHookSpans: what a hook sets aside — the sentence before a "but"
// opening a sentence, the part of a sentence before one inside it, when
// the sender's interest follows within four words; nothing otherwise.
func TestHookSpans(t *testing.T) {
	for _, c := range []struct {
		lang, text, want string
	}{
		{"en", "We saw the Brunei notice. But Tirana interests us: is the ambassador leaving?", "we saw the brunei notice"},
		{"sq", "Kemi parë njoftimin për takimin dypalësh, por na intereson sidomos takimi i treve.", "kemi pare njoftimin per takimin dypalesh"},
		{"it", "Abbiamo letto il comunicato. Ma a noi interessa un'altra cosa.", "abbiamo letto il comunicato"},
		{"fr", "J'ai vu l'annonce, mais ce qui nous intéresse, c'est Paris.", "j ai vu l annonce"},
		{"el", "Είδαμε την ανακοίνωση. Αλλά μας ενδιαφέρει το Κυπριακό.", "eidame tin anakoinosi"},
		{"en", "We saw the notice, but when does she start? We are interested in the date.", ""},
		{"it", "Il comunicato parla di rimpatri. Ma quando?", ""},
		{"en", "There is no interest in the notice.", ""},
		// "but" only in its own language: Greek "μας" (us) folds as
		// Portuguese "mas" (but)
		{"el", "Είδαμε την ανακοίνωση. Μας ενδιαφέρει το Κυπριακό.", ""},
		{"pt", "Vimos a nota. Mas interessa-nos o acordo.", "vimos a nota"},
		{"es", "Vimos la nota. Por lo que nos interesa, el acuerdo.", ""},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		var got []string
		for _, s := range hookSpans(&tz, nil, vocabFor(c.lang)) {
			for k := s[0]; k < s[1]; k++ {
				got = append(got, string(tz.word(int(k))))
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: set aside %q, want %q", c.text, g, c.want)
		}
	}
}

// TestLinkTrilateralSaidIsTheWord: a trilateral said in other words (the
// number three beside a meeting word, in any configured language) is the
// word "trilateral" for the text match, as the vocabulary reads
// "trilaterale": the release titled one wins over the same day's meeting
// with one of its leaders, which shares the other words (our probe
// 'dopo il vertice a tre di oggi a Palazzo Chigi con Rama e Meloni' took
// the Meloni bilateral at p 0.95). One a "not" stands near counts for
// the parties rule only ("I'm not asking about the three-way session":
// mixdev6 045, its release left out, took the trilateral at 0.97 when
// it counted as the word; with it, the one-to-one asked about).
func TestLinkTrilateralSaidIsTheWord(t *testing.T) {
	date := at3339(t, "2024-03-04T17:40:00Z")
	checkParties(t, date, []partiesCase{
		{"it vertice a tre", "it", "", "Il vertice di Szohod",
			"Buonasera, sul vertice a tre di oggi a Szohod con Varga e Kral: quali passi concreti sono stati concordati?", "trilateral"},
		{"sq takimi i treve", "sq", "", "Takimi në Szohod",
			"Përshëndetje, për takimin e treve sot në Szohod me Varga dhe Kral: çfarë hapash konkretë u vendosën?", "trilateral"},
		{"pt reunião a três", "pt", "", "Szohod",
			"Boa tarde, sobre a reunião a três de hoje em Szohod com Varga e Kral: que passos concretos foram acordados?", "trilateral"},
		{"en not asking about the three-way", "en", "", "Szohod",
			"I'm not asking about the three-way session with Kral - it's the PM's one-to-one with Varga in Szohod this afternoon I'm interested in. " +
				"Will the UK co-fund voluntary returns of migrants?", "meeting"},
	})
}
