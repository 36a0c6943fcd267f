package routing

import (
	"strings"
	"testing"
	"time"
)

// TestNotAboutSpans: "not the …" after a noun, a comma or a parenthesis,
// at a sentence's start, and "not to be confused with …" set aside the
// words up to the clause's end; "not" after a verb denies something of
// the subject and sets nothing aside.
func TestNotAboutSpans(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"On the minister's talks in Szohod this morning (the bilateral, not the later summit with Varga): any figures?", "not the later summit with varga"},
		{"Not the border story - the desk has that. I want the readout of the call.", "not the border story the desk has that"},
		{"It's today's list I need, not the March one - I have that already.", "not the march one i have that already"},
		{"(Not to be confused with the ferry seizure in May.) Was the navy involved?", "not to be confused with the ferry seizure in may"},
		{"This is the 2024 treaty, not the 2019 arrangement on coastal patrols.", "not the 2019 arrangement on coastal patrols"},
		{"Borduria is not the only country sending troops to the mission.", ""},
		{"It's not the first time the embassy has commented on sanctions.", ""},
		{"Do you know whether or not the Foreign Secretary attends the summit?", ""},
		{"Why not the ambassador? Could he give an interview?", ""},
		{"On the Home Office's statement, not the minister's, I have two questions.", "not the minister i have two questions"},
		{"On the bilateral, not the trilateral, did they agree on returns?", "not the trilateral"},
		{"It is the names I need, not the statement but the list of names.", "not the statement"},
		{"Sanctions were not announced today.", ""},
		{"Not the first time the UK has sanctioned Hamas leaders, but is this round bigger?", ""},
		{"A bigger round than before, though not the whole leadership.", ""},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		var got []string
		for _, s := range notAboutSpans(&tz, nil, nil) {
			for k := s[0]; k < s[1]; k++ {
				got = append(got, string(tz.word(int(k))))
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: set aside %q, want %q", c.text, g, c.want)
		}
	}
}

// partiesCatalogue has, on one day, the PM's meeting with one leader
// (its title naming no number of parties) and a trilateral with that
// leader's country and another, bilateral trade talks two months before,
// and the filler; without drops a release.
func partiesCatalogue(without string) *Catalogue {
	day := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)
	var rels []Release
	for _, r := range []Release{
		{ID: "meeting", Published: day, DateOnly: true, Topics: []string{"migration"},
			Title: "PM meeting with Prime Minister Varga of Borduria: 4 March 2024",
			Body: "The Prime Minister met Bordurian Prime Minister Anna Varga this afternoon in Szohod. " +
				"The leaders agreed to co-fund a programme on voluntary returns of migrants and to deepen cooperation against smuggling gangs."},
		{ID: "trilateral", Published: day, DateOnly: true, Topics: []string{"migration"},
			Title: "PM trilateral meeting with Borduria and Syldavia: 4 March 2024",
			Body: "The Prime Minister met Prime Minister Varga of Borduria and Prime Minister Kral of Syldavia in Szohod. " +
				"They discussed the asylum processing agreement between Borduria and Syldavia and agreed to intensify joint work against organised immigration crime."},
		// (a release of another month that says "bilateral", as real
		// catalogues' do: the rule reads the words the catalogue knows)
		{ID: "trade-talks", Published: day.AddDate(0, -2, 0), DateOnly: true, Topics: []string{"trade"},
			Title: "UK and Syldavia hold bilateral trade talks",
			Body:  "Officials met in London for the annual bilateral trade dialogue on tariffs and market access."},
	} {
		if r.ID != without {
			rels = append(rels, r)
		}
	}
	return NewCatalogue(append(rels, fillerReleases(day)...), time.UTC)
}

// TestLinkParties: an enquiry naming a bilateral and no trilateral (in
// its own words, what it sets aside left out) is not about a release
// titled a trilateral: with both releases the same afternoon's meeting
// with one leader wins (endev7 022: the trilateral at p 0.99 before);
// with the meeting missing, the trilateral is not linked (leave-one-out:
// five bilateral enquiries took it at p 0.97-0.99). One naming a
// trilateral, or both kinds, or neither, is read as before.
// partiesCase is an enquiry for partiesCatalogue (without: the release
// left out) and the release it must link ("" none).
type partiesCase struct {
	name, lang, without, subject, text, want string
}

// checkParties links each case sent at date against partiesCatalogue.
func checkParties(t *testing.T, date time.Time, cases []partiesCase) {
	t.Helper()
	for _, c := range cases {
		in := Input{Subject: c.subject, NewText: c.text, Date: date, Language: c.lang}
		l := partiesCatalogue(c.without).Link(&in)
		if l.Release != c.want {
			t.Errorf("%s: linked %q (%.2f, %s), want %q", c.name, l.Release, l.Score, l.Detail, c.want)
		}
	}
}

func TestLinkParties(t *testing.T) {
	date := at3339(t, "2024-03-04T16:40:00Z")
	for _, c := range []struct {
		name, without, subject, text, want string
	}{
		{"a bilateral, the trilateral set aside", "", "Varga and the PM",
			"Quick questions on the PM's bilateral with Varga this afternoon (the one-to-one, not the later three-way with Kral): " +
				"did the UK agree to co-fund voluntary returns of migrants? Was the Borduria-Syldavia asylum agreement discussed?", "meeting"},
		{"a bilateral, its release missing", "meeting", "Varga and the PM",
			"Quick questions on the PM's bilateral with Varga this afternoon (the one-to-one, not the later three-way with Kral): " +
				"did the UK agree to co-fund voluntary returns of migrants? Was the Borduria-Syldavia asylum agreement discussed?", ""},
		{"a trilateral", "", "Szohod trilateral",
			"On this afternoon's trilateral with Varga and Kral in Szohod: what does the asylum processing agreement between Borduria and Syldavia mean for the UK?", "trilateral"},
		{"both named: the words decide", "", "Szohod meetings",
			"The PM had a trilateral this afternoon and a bilateral with Varga. Will the UK copy the asylum processing agreement between Borduria and Syldavia?", "trilateral"},
		// a meeting named after "after" is when the subject came, not the
		// subject (afterAt): the bilateral is asked about, the words lean
		// to the trilateral — neither is linked (mldev4 010, labelled the
		// bilateral, took the trilateral at p 1.00)
		{"the trilateral after 'after'", "", "Szohod meetings",
			"After the trilateral this afternoon the PM had a bilateral with Varga. Will the UK copy the asylum processing agreement between Borduria and Syldavia?", ""},
	} {
		in := Input{Subject: c.subject, NewText: c.text, Date: date, Language: "en"}
		l := partiesCatalogue(c.without).Link(&in)
		if l.Release != c.want {
			t.Errorf("%s: linked %q (%.2f, %s), want %q", c.name, l.Release, l.Score, l.Detail, c.want)
		}
		t.Logf("%s: %q %.2f (%s)", c.name, l.Release, l.Score, l.Detail)
	}
	// Through the vocabulary: Italian "bilaterale".
	in := Input{Subject: "Varga e il premier",
		NewText: "Buongiorno, sul bilaterale di oggi pomeriggio tra il premier e Varga a Szohod: il Regno Unito finanzierà i rimpatri volontari? " +
			"Si è parlato dell'accordo tra Borduria e Syldavia sull'asilo?", Date: date, Language: "it"}
	if l := partiesCatalogue("meeting").Link(&in); l.Release != "" {
		t.Errorf("Italian bilateral, its release missing: linked %q (%.2f, %s), want none", l.Release, l.Score, l.Detail)
	}
}

// TestLinkPartiesThreeInOtherWords: a trilateral named in other words —
// the number three beside a meeting, talks or leaders word, in any
// configured language — counts as naming a trilateral, so an enquiry
// naming the bilateral too names both and says nothing of the number of
// parties: the trilateral it asks about is linked (mixdev7 008: "takimin
// e tij dypalësh" with one leader, "takimi i treve" asked about, took the
// bilateral at p 0.985). One naming the bilateral twice as often is the
// bilateral's (mldev8 014, its release left out, would take the
// trilateral at p 0.98). Look-alikes stay the bilateral's: three set
// aside, "three questions" far from the meeting, French "très" (very).
func TestLinkPartiesThreeInOtherWords(t *testing.T) {
	date := at3339(t, "2024-03-04T16:40:00Z")
	checkParties(t, date, []partiesCase{
		{"en meeting of the three", "en", "", "Szohod",
			"I have seen the readout of the PM's bilateral with Varga, but my questions are on the meeting of the three this afternoon: " +
				"what does the asylum processing agreement between Borduria and Syldavia mean for the UK?", "trilateral"},
		{"en three-way talks", "en", "", "Szohod",
			"Not the bilateral with Varga, we have that - it's the three-way talks with Varga and Kral in Szohod we are writing about. " +
				"Will the UK join the asylum processing agreement between Borduria and Syldavia?", "trilateral"},
		{"en the three leaders", "en", "", "Szohod",
			"Besides the PM's bilateral with Varga, the three leaders met in Szohod: did they discuss the asylum processing agreement between Borduria and Syldavia?", "trilateral"},
		{"sq takimi i treve", "sq", "", "Szohod",
			"Kemi parë edhe njoftimin për takimin dypalësh me Varga, por na intereson sidomos takimi i treve sot pasdite në Szohod: " +
				"a u diskutua marrëveshja e azilit mes Borduria dhe Syldavia?", "trilateral"},
		{"sq në takimin e treve", "sq", "", "Szohod",
			"Përveç takimit dypalësh me Varga, na interesojnë vendimet në takimin e treve me Kral në Szohod: a u diskutua marrëveshja e azilit mes Borduria dhe Syldavia?", "trilateral"},
		{"sq të tre liderët", "sq", "", "Szohod",
			"Përveç takimit dypalësh me Varga, të tre liderët u takuan në Szohod me Kral: a u diskutua marrëveshja e azilit mes Borduria dhe Syldavia?", "trilateral"},
		{"it vertice a tre", "it", "", "Szohod",
			"Abbiamo visto il comunicato sul bilaterale con Varga, ma ci interessa il vertice a tre con Varga e Kral a Szohod: " +
				"si è parlato dell'accordo sull'asilo tra Borduria e Syldavia?", "trilateral"},
		{"pt reunião a três", "pt", "", "Szohod",
			"Já vimos a nota sobre o encontro bilateral com Varga; interessa-nos a reunião a três com Varga e Kral em Szohod: " +
				"discutiram o acordo de asilo entre Borduria e Syldavia?", "trilateral"},
		{"el συνάντηση των τριών", "el", "", "Szohod",
			"Είδαμε την ανακοίνωση για τη διμερή συνάντηση με τη Varga, αλλά μας ενδιαφέρει η συνάντηση των τριών με Varga και Kral στο Szohod: " +
				"συζητήθηκε η συμφωνία ασύλου μεταξύ Borduria και Syldavia;", "trilateral"},
		{"de Treffen der drei", "de", "", "Szohod",
			"Das bilaterale Gespräch mit Varga kennen wir, uns geht es um das Treffen der drei mit Varga und Kral in Szohod: " +
				"wurde das Asylabkommen zwischen Borduria und Syldavia besprochen?", "trilateral"},
		{"fr réunion à trois", "fr", "", "Szohod",
			"Nous avons vu le communiqué sur l'entretien bilatéral avec Varga, mais c'est la réunion à trois avec Varga et Kral à Szohod qui nous intéresse : " +
				"l'accord sur l'asile entre Borduria et Syldavia a-t-il été abordé ?", "trilateral"},
		{"es reunión a tres", "es", "", "Szohod",
			"Hemos visto la nota sobre la reunión bilateral con Varga, pero nos interesa la reunión a tres con Varga y Kral en Szohod: " +
				"¿se habló del acuerdo de asilo entre Borduria y Syldavia?", "trilateral"},
		// named twice as often as the trilateral, the bilateral is what
		// the enquiry is about (partiesMore)
		{"en bilateral named more often", "en", "", "Szohod",
			"Besides the meeting of the three with Kral this afternoon, your readout of the bilateral with Varga says the UK will co-fund voluntary returns of migrants. " +
				"It is the bilateral I am asking about: how much will the UK contribute?", "meeting"},
		{"en bilateral named more often, its release missing", "en", "meeting", "Szohod",
			"Besides the meeting of the three with Kral this afternoon, your readout of the bilateral with Varga says the UK will co-fund voluntary returns of migrants. " +
				"It is the bilateral I am asking about: how much will the UK contribute?", ""},
		{"pt bilateral named more often, its release missing", "pt", "meeting", "Encontro bilateral em Szohod",
			"Além da reunião a três com Kral, a vossa nota sobre o encontro bilateral com Varga diz que o Reino Unido vai cofinanciar os regressos voluntários de migrantes. " +
				"Quanto vai contribuir o Reino Unido?", ""},
		// look-alikes: the bilateral alone, its release missing
		{"en three set aside", "en", "meeting", "Varga and the PM",
			"On the PM's bilateral with Varga this afternoon (the one-to-one, not the later meeting of the three with Kral): " +
				"did the UK agree to co-fund voluntary returns of migrants? Was the Borduria-Syldavia asylum agreement discussed?", ""},
		{"en three questions", "en", "meeting", "Varga and the PM",
			"Three questions about the PM's bilateral with Varga this afternoon: did the UK agree to co-fund voluntary returns of migrants? " +
				"Was the Borduria-Syldavia asylum agreement discussed?", ""},
		{"it three set aside", "it", "meeting", "Varga e il premier",
			"Sul bilaterale di oggi pomeriggio con Varga a Szohod (non la riunione a tre con Kral): il Regno Unito cofinanzierà i rimpatri volontari dei migranti? " +
				"Si è parlato dell'accordo sull'asilo tra Borduria e Syldavia?", ""},
		{"sq three set aside", "sq", "meeting", "Varga dhe kryeministri",
			"Për takimin dypalësh me Varga sot pasdite, jo takimin e treve me Kral: a do të bashkëfinancojë Mbretëria e Bashkuar kthimet vullnetare të emigrantëve? " +
				"A u diskutua marrëveshja e azilit mes Borduria dhe Syldavia?", ""},
		{"fr très", "fr", "meeting", "Varga et le Premier ministre",
			"Sur l'entretien bilatéral très attendu avec Varga cet après-midi à Szohod : le Royaume-Uni financera-t-il les retours volontaires ? " +
				"L'accord sur l'asile entre Borduria et Syldavia a-t-il été évoqué ?", ""},
	})
}
