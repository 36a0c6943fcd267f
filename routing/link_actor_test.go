package routing

import (
	"testing"
	"time"
)

// TestLinkActor: a release whose title says the UK's own leader acted is
// capped for an enquiry naming another leader by title and name (a name
// the release never uses) and no UK actor; the UK actor named in any
// of the ways writers name it, a leader the release names, a time ("5
// PM Friday") or a release of no UK actor leave it alone.
func TestLinkActor(t *testing.T) {
	day := time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC)
	rels := append([]Release{
		{ID: "call", Published: day, DateOnly: true, Topics: []string{"migration"},
			Title: "PM call with Bordurian Prime Minister Anna Varga: 3 June 2024",
			Body: "The Prime Minister spoke to Prime Minister Anna Varga of Borduria this morning. " +
				"They discussed the returns agreement and joint work against smuggling gangs on the Danube route."},
		{ID: "visit", Published: day, DateOnly: true, Topics: []string{"europe"},
			Title: "UK and Borduria deepen river cooperation (Foreign Secretary visit to Szohod, 3 June 2024)",
			Body:  "The Foreign Secretary visited Szohod today and met Bordurian ministers on river freight."},
		{ID: "joint", Published: day, DateOnly: true, Topics: []string{"trade"},
			Title: "UK and Borduria sign a river trade memorandum",
			Body:  "Officials signed a memorandum on river freight in Szohod."},
	}, fillerReleases(day)...)
	cat := NewCatalogue(rels, time.UTC)
	doc := func(id string) int32 { return int32(cat.byID[id]) }
	for _, c := range []struct {
		subject, text, release string
		want                   bool
	}{
		// another leader's event, no UK part
		{"Syldavia and Borduria", "Syldavia's PM Otto Kral spoke to Anna Varga today about the river patrols. Does the UK have a view on their deal?", "call", true},
		{"Telefonata Kral-Varga", "Oggi il premier Otto Kral ha sentito al telefono Anna Varga sui pattugliamenti del Danubio. Avete un commento?", "call", true},
		{"Kral e Varga", "Kryeministri Kral foli sot me Vargën për patrullat. A keni koment?", "call", true},
		{"Kral auf dem Gipfel", "Bundeskanzler Kral hat heute mit Varga telefoniert. Hat London einen Kommentar?", "call", true},
		{"Kral e Varga", "Oggi il premier sildavo Otto Kral ha sentito Anna Varga. Avete un commento?", "call", true},
		{"Varga", "La premier bordura Anna Varga ha detto che l'accordo è fatto. Potete confermare?", "call", false},
		// the UK's own leader named
		{"Varga call", "Did the PM discuss returns with Prime Minister Varga this morning, and did Syldavia's PM Otto Kral join?", "call", false},
		{"Telefonata Varga", "Il premier britannico ha sentito Varga: c'era anche il premier Otto Kral?", "call", false},
		{"Rozmowa", "Czy premier Starmera rozmawiał z premierem Kralem o powrotach?", "call", false},
		{"Varga", "Did Keir Starmer speak to President Kral as well as to Varga?", "call", false},
		{"Varga", "Was the Foreign Secretary told what President Kral said to Varga?", "call", false},
		// a leader the release names; a time, not a leader
		{"Varga call", "Prime Minister Anna Varga said the returns deal is done. Can you confirm?", "call", false},
		{"Varga call", "Please reply by 5 PM Friday on the returns agreement with Varga.", "call", false},
		// the UK actor named later in the title
		{"Szohod visit", "Syldavian foreign minister Ida Novak met Bordurian ministers in Szohod today. Any UK comment?", "visit", true},
		{"Szohod visit", "Did the Foreign Secretary meet foreign minister Ida Novak in Szohod?", "visit", false},
		// a release of no UK actor
		{"River memorandum", "Syldavia's PM Otto Kral criticised the river memorandum. Any comment?", "joint", false},
	} {
		in := Input{Subject: c.subject, NewText: c.text}
		m := newMessage(&in)
		if got := cat.actorUnmet(m, doc(c.release)); got != c.want {
			t.Errorf("%q on %s: actorUnmet = %v, want %v", c.text, c.release, got, c.want)
		}
		m.release()
	}
}
