package routing

import (
	"fmt"
	"testing"
)

// TestTopicFourteenthRoundWords checks the words a probe of our own
// (questions journalists writing Portuguese, Albanian and Greek ask about
// each of the desk's topics, with and without accents) found the topic
// matcher lacking, each read as English already reads it: Portuguese
// deported, immigrants, the Berlin Process, repatriation flights (the
// consular desk's, not the returns the linker reads in 'repatriamento'),
// fossil fuels, deforestation, carbon neutrality (net zero) and a
// British woman or man who died;
// Albanian migration written 'emigracion-' in every case form, travel
// advice with 'për', carbon neutrality, a British journalist kidnapped; Greek fossil fuels
// in the nominative and genitive and a British man who died; a new
// British ambassador, the nationality written between (in English too:
// "in Athens" had made it Europe's). The last rows are what must not
// change.
func TestTopicFourteenthRoundWords(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	checkTopics(t, r.topics, cat, Link{}, []topicCase{
		{"pt", "?", "Quantos brasileiros foram deportados do Reino Unido em 2023?", "migration"},
		{"pt", "?", "O Reino Unido vai devolver os imigrantes irregulares a França?", "migration"},
		{"pt", "?", "O Reino Unido vai participar na cimeira do Processo de Berlim?", "europe"},
		{"pt", "?", "Como é que os britânicos podem sair de Israel? Há voos de repatriamento?", "consular"},
		{"pt", "?", "Qual a posição britânica sobre os combustíveis fósseis?", "climate"},
		{"pt", "?", "O Reino Unido apoia a proteção da Amazônia e o combate ao desmatamento?", "climate"},
		{"pt", "?", "Uma britânica morreu num acidente na Madeira; a família foi informada?", "consular"},
		{"sq", "?", "Çfarë thotë qeveria britanike për emigracionin e paligjshëm nga Shqipëria?", "migration"},
		{"sq", "?", "A ka ndryshuar këshilla për udhëtim për Shqipërinë?", "consular"},
		{"sq", "?", "Nje gazetar britanik u rrembye ne Siri; cfare po ben ministria?", "consular"},
		{"el", "?", "Ποια ειναι η θεση για τα ορυκτα καυσιμα;", "climate"},
		{"el", "?", "Ποια είναι η πολιτική για τη χρήση ορυκτών καυσίμων;", "climate"},
		{"el", "?", "Ενας Βρετανος πεθανε στη Ρόδο· ενημερωθηκε η οικογενεια;", "consular"},
		{"pt", "?", "Quais são as metas de neutralidade carbónica do governo?", "climate"},
		{"pt", "?", "O Brasil vai antecipar a meta de neutralidade carbônica?", "climate"},
		{"sq", "?", "A ka Britania objektiva për neutralitetin karbonik?", "climate"},
		{"en", "?", "Who is the new British ambassador in Athens?", "general"},
		{"pt", "?", "Quem é o novo embaixador britânico em Lisboa?", "general"},
		{"sq", "?", "Kush është ambasadori i ri britanik në Tiranë?", "general"},
		{"el", "?", "Πότε αναλαμβάνει ο νέος Βρετανός πρέσβης στην Αθήνα;", "general"},
		// unchanged: the story's own words still decide
		{"en", "?", "Will the new British ambassador in Belgrade raise the Kosovo dialogue?", "europe"},
		{"pt", "?", "Quantos mortos houve nos bombardeamentos em Gaza?", "middle-east"},
		{"pt", "?", "O Reino Unido vai repatriar migrantes para o Brasil?", "migration"},
		{"sq", "?", "Sa shqiptarë janë kthyer nga Mbretëria e Bashkuar këtë vit?", "europe"},
		{"el", "?", "Πόσοι πέθαναν στους βομβαρδισμούς στη Γάζα;", "middle-east"},
		{"el", "?", "Μπορώ να κλείσω συνέντευξη με τον πρέσβη στην Αθήνα;", "general"},
	})
}

// TestTopicColleaguesForwardedQuestion checks that an editor forwarding
// a colleague's question (the forwarded header's first address is of the
// sender's own newsroom, no webmail's) asks it, as a sender's own earlier
// enquiry forwarded again does: on the £10m aid release [middle-east,
// development], the colleague's question on which agencies the aid goes
// through is development's. Someone of another domain, or of the same
// webmail provider, forwarded is read as forwarded text still.
func TestTopicColleaguesForwardedQuestion(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	const aid = "2023-10-16-uk-announces-10-million-humanitarian-aid-for"
	if _, ok := cat.Release(aid); !ok {
		t.Fatalf("no release %s", aid)
	}
	l := Link{Release: aid, Score: 0.97}
	const fwdEl = "Από: Ελένη Παππά <e.pappa@%s>\nDate: Δευ, 16 Οκτ 2023\nSubject: 10 εκατ. λίρες για τους Παλαιστίνιους\n\n" +
		"Ρώτα το Foreign Office: η ανθρωπιστική βοήθεια για τους αμάχους θα δοθεί μέσω ποιων οργανισμών; Είναι νέα χρήματα;\n"
	const fwdEn = "From: Jane Roe <j.roe@%s>\nDate: Mon, 16 Oct 2023\nSubject: Palestinians\n\n" +
		"Can you ask which organisations will deliver the humanitarian aid to civilians? Is it new money?\n"
	for _, c := range []struct {
		lang, from, fwdDomain, newText, fwd, want string
	}{
		{"el", "g.nikolaou@kathimerini.gr", "kathimerini.gr", "Καλημέρα, σας προωθώ την ερώτηση της συναδέλφου. Την Παρασκευή είναι καλά.", fwdEl, "development"},
		{"en", "sam.doe@news.example.com", "news.example.com", "Forwarding my colleague's question below. Friday is fine.", fwdEn, "development"},
		// not a colleague: read as forwarded text, the release's first topic
		{"el", "g.nikolaou@kathimerini.gr", "ertnews.gr", "Καλημέρα, σας προωθώ το μήνυμα. Την Παρασκευή είναι καλά.", fwdEl, "middle-east"},
		{"en", "sam.doe@gmail.com", "gmail.com", "Forwarding this below. Friday is fine.", fwdEn, "middle-east"},
	} {
		in := Input{From: c.from, Subject: "Fwd: Palestinians", Language: c.lang, NewText: c.newText, ForwardedText: fmt.Sprintf(c.fwd, c.fwdDomain)}
		if got := r.topics.Choose(&in, l, cat); got.Topic != c.want {
			t.Errorf("%s from %s forwarding %s: topic %q (%s), want %s", c.lang, c.from, c.fwdDomain, got.Topic, got.Reason, c.want)
		}
	}
}

// TestTopicAlbanianDeportation checks Albanian deportation in the forms
// a text writes it (u deportua, janë deportuar, Deportimi): as English
// reads 'deported', the question is migration's though it names
// Albanians twice.
func TestTopicAlbanianDeportation(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"sq", "?", "Familja e një 25-vjeçari nga Elbasani thotë se ai u deportua muajin e kaluar nga Mbretëria e Bashkuar. Sa shqiptarë janë deportuar këtë vit?", "migration"},
		{"sq", "Deportimi i një shqiptari", "Cila është procedura për shqiptarët?", "migration"},
		// unchanged: Albanians returned, with no other migration word, stay Europe's as in English
		{"sq", "?", "Sa shqiptarë janë kthyer nga Mbretëria e Bashkuar këtë vit?", "europe"},
	})
}
