package routing

import "testing"

// TestLinkPartiesAfter: a meeting named just after an "after" word, in any
// configured language, is the time the subject came in, not the subject
// (afterAt): "dopo il trilaterale con l'Albania, ha avuto un bilaterale con
// Giorgia Meloni" asks about the bilateral (mldev4 010 took the same day's
// trilateral at p 1.00). With the bilateral's release missing, such an
// enquiry takes nothing; a trilateral asked about after a bilateral stays
// the trilateral's; "since" is not "after".
func TestLinkPartiesAfter(t *testing.T) {
	date := at3339(t, "2024-03-04T17:40:00Z")
	for _, c := range []struct {
		name, lang, without, subject, text, want string
	}{
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
	} {
		in := Input{Subject: c.subject, NewText: c.text, Date: date, Language: c.lang}
		l := partiesCatalogue(c.without).Link(&in)
		if l.Release != c.want {
			t.Errorf("%s: linked %q (%.2f, %s), want %q", c.name, l.Release, l.Score, l.Detail, c.want)
		}
	}
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
