package routing

import "testing"

// TestTopicNoReleaseNamesInPassing checks the fallback on enquiries linked
// to no release: a country or region named only in passing ("the
// ambassador in Tirana", "the press office of the embassy in Sarajevo")
// is no topic when the enquiry asks about the desk's own business
// (interviews, accreditation, contact details, the distribution list,
// photo opportunities): the names say where, not what is asked. The
// region keeps the enquiry when the sender's words hold one of its own
// words (its politics, a keyword that is no name) or a question names a
// leader of the region, and when nothing of the desk's own business is
// asked: a question on Rafah or on the dinar in northern Kosovo is the
// region's story. The subjects no desk covers (culture, sport, the
// royal family's engagements, the weather; topiclex.yaml's desk_business)
// are the fallback's in the same way. "Planned", "plans" and "plan" are what a government
// means to do, as "planning to" is, not the desk's forward planning.
func TestTopicNoReleaseNamesInPassing(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	for _, c := range []struct{ lang, subject, text, want string }{
		{"sq", "Kërkesë për intervistë", "Jam gazetare në Top Channel. Do të donim një intervistë me ambasadorin britanik në Tiranë për jetën e tij në Shqipëri. Me kë duhet të flas?", "general"},
		{"sq", "Kontakti", "A mund të më dërgoni të dhënat e kontaktit të zyrës së shtypit të ambasadës britanike në Prishtinë?", "general"},
		{"sq", "Vizita e Princit", "A do të vijë Princi i Uellsit në Shqipëri këtë vjeshtë? A ka akreditim për gazetarët?", "general"},
		{"fr", "Coordonnées", "Pourriez-vous m'envoyer les coordonnées de l'attaché de presse de l'ambassade à Bruxelles ?", "general"},
		{"fr", "Demande d'interview", "Nous souhaiterions interviewer l'ambassadeur britannique à Paris sur sa carrière. À qui dois-je m'adresser ?", "general"},
		{"en", "Distribution list", "Please add me to your distribution list for press releases. I cover Italy and the Balkans for Reuters.", "general"},
		{"en", "Interview request - ambassador to Albania", "We'd like to interview the British ambassador in Tirana for a feature on the city's food scene. Who should I contact to arrange it?", "general"},
		{"sr", "Kontakt", "Možete li mi poslati kontakt podatke press službe ambasade u Sarajevu?", "general"},
		{"de", "Akkreditierung", "Wie kann ich mich für den Besuch des Königs in Deutschland akkreditieren? Gibt es einen Pressepool?", "general"},
		// subjects no desk covers: culture, sport, the royal family, the weather
		{"en", "Euros final - ambassador", "Will the ambassador to Spain be at the Euros final in Berlin on Sunday, and is there a photo opportunity?", "general"},
		{"en", "Snow in Brussels", "Is the UK mission in Brussels closed today because of the snowfall? Just checking for our live blog.", "general"},
		{"fr", "Canicule", "Avec la canicule en Espagne, l'ambassade à Madrid reste-t-elle ouverte aux horaires habituels ? Question pour notre rubrique météo.", "general"},
		{"fr", "Exposition à Paris", "L'ambassade britannique à Paris organise-t-elle une exposition pour le festival du livre ? Qui contacter pour une visite de presse ?", "general"},
		{"sq", "Ekspozita në Prishtinë", "A ka ndonjë ekspozitë britanike në muzeun e Prishtinës këtë verë? Me kë mund të flas për një reportazh?", "general"},
		{"sq", "Ndeshja e futbollit", "A do te jete ambasadori britanik ne ndeshjen e futbollit Kosove–Angli ne Prishtine? Na duhet nje foto.", "general"},
		{"sq", "Koncerti", "A organizon ambasada britanike në Tiranë një koncert për festën e Krishtlindjeve?", "general"},
		{"sq", "Moti", "A punon zyra e ambasadës në Tiranë kur bie dëborë?", "general"},
		// ... but British fans arrested there are the consular desk's
		{"en", "British fans arrested in Germany", "How many England fans have been arrested in Germany during the Euros, and are they getting consular assistance?", "consular"},
		{"fr", "Supporters britanniques", "Des supporters britanniques ont-ils été arrêtés à Marseille pendant la Coupe du monde de rugby ? Reçoivent-ils une assistance consulaire ?", "consular"},
		// unchanged: the region's own story
		{"en", "PM and Netanyahu - Rafah offensive", "Is the Prime Minister planning to speak to Benjamin Netanyahu tonight about the Israeli operation in Rafah? Has the UK asked Israel to halt it?", "middle-east"},
		{"sq", "Qëndrimi britanik për dinarin", "Sot hyn në fuqi vendimi i Bankës Qendrore të Kosovës për dinarin serb në veri. Cili është qëndrimi i Mbretërisë së Bashkuar?", "europe"},
		{"fr", "Kosovo", "Le Royaume-Uni soutient-il l'adhésion du Kosovo au Conseil de l'Europe ?", "europe"},
		{"sq", "Samiti", "A do të marrë pjesë Kosova në samitin e Procesit të Berlinit në Londër?", "europe"},
		{"en", "Montenegro", "We hear Montenegro is about to close its embassy in London. Is the department aware, and is anything planned?", "europe"},
		{"en", "Interview on Kosovo-Serbia", "Could we interview the ambassador in Pristina about the dialogue between Kosovo and Serbia?", "europe"},
	} {
		in := Input{Subject: c.subject, Language: c.lang, NewText: c.text}
		if got := r.topics.Choose(&in, Link{}, cat); got.Topic != c.want {
			t.Errorf("%s %q: topic %q (%s), want %s", c.lang, c.text, got.Topic, got.Reason, c.want)
		}
	}
}
