package routing

import "testing"

// TestTopicNoReleaseDeskContacts checks that asking who to talk to at the
// press office, to be put on its mailing list, for a translation of what it
// publishes or when an embargo lifts is the desk's own business
// (topiclex.yaml's desk_business, and topiclex_lang.json in each language):
// on an enquiry linked to no release, the country named beside it ("for
// Albanian media", "who handles Serbian media") says who is asking, not what.
// An embargo that is a policy (on arms, on oil) keeps its sentence the
// policy's, as every desk_business word does beside a policy word.
func TestTopicNoReleaseDeskContacts(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	for _, c := range []struct{ lang, subject, text, want string }{
		{"en", "Contact", "I'd like to know who the contact person in your press office is for Albanian media, and whether your statements could also be sent to us in Albanian.", "general"},
		{"en", "Mailing list", "Could you tell me who in the press office handles Serbian media and whether you can add us to your mailing list?", "general"},
		{"en", "Embargo", "Is there an embargo on tomorrow's statement about Kosovo? And could we have a translation in French?", "general"},
		{"sq", "Kontakt për zyrën e shtypit", "Do të doja të dija kush është personi i kontaktit në zyrën tuaj të shtypit për mediat shqiptare dhe nëse njoftimet mund të na dërgohen edhe në shqip.", "general"},
		{"fr", "Contact presse", "Qui est la personne de contact au service de presse pour les médias belges ? Pouvez-vous nous ajouter à votre liste d'envoi ?", "general"},
		{"it", "Ufficio stampa", "Chi è la persona di contatto dell'ufficio stampa per i media italiani? Esiste una traduzione in italiano dei vostri comunicati?", "general"},
		{"pt", "Assessoria de imprensa", "Quem é a pessoa de contacto na vossa assessoria de imprensa para a imprensa portuguesa?", "general"},
		{"es", "Oficina de prensa", "¿Quién es la persona de contacto en su oficina de prensa para los medios españoles?", "general"},
		{"de", "Pressestelle", "Wer ist in Ihrer Pressestelle der Ansprechpartner für deutsche Medien?", "general"},
		{"el", "Γραφείο τύπου", "Ποιος είναι ο υπεύθυνος επικοινωνίας στο γραφείο τύπου για τα ελληνικά μέσα;", "general"},
		{"sr", "Služba za štampu", "Ko je kontakt osoba u vašoj službi za štampu za srpske medije?", "general"},
		// an embargo that is a policy stays the policy's
		{"en", "Arms embargo", "Will the UK back an arms embargo on Israel after the strikes in Gaza?", "security"},
		{"en", "Kosovo", "Does the UK support Kosovo's bid to join the Council of Europe?", "europe"},
	} {
		in := Input{Subject: c.subject, Language: c.lang, NewText: c.text}
		if got := r.topics.Choose(&in, Link{}, cat); got.Topic != c.want {
			t.Errorf("%s %q: topic %q (%s), want %s", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}
