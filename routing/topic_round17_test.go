package routing

import "testing"

// TestTopicSeventeenthRoundWords checks the words a probe of our own
// (questions in Albanian and French on the releases that name Albania or
// Kosovo, each asked in English too) found missing where English already
// routed the same question: EU accession or membership ('anëtarësimin e
// Shqipërisë në BE', 'l'adhésion de l'Albanie à l'UE') and the Berlin
// Process ('Procesit të Berlinit', 'processus de Berlin') make a question
// on a [migration, europe] release the region's, as in English;
// helicopters ('helikopterët', 'hélicoptères') and armoured vehicles
// ('automjetet e blinduara', 'véhicules blindés') are armed-forces words,
// so questions about the kit on a Kosovo troops release are security's.
// EU enlargement and joining the EU are the region's politics in every
// language ('zgjerimin e BE-së', 't'u anëtarësuar', 'l'élargissement de
// l'UE'), as accession is, and so are tensions between the region's
// capitals ('tensionet mes Beogradit dhe Prishtinës'); tensions among
// migrants in the centres stay migration's.
// The last rows are look-alikes that must not change: troops and
// helicopters in a plain Kosovo question stay with Europe, the migration
// questions on the same releases stay with migration, an enlargement of
// border checks among them.
func TestTopicSeventeenthRoundWords(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	const (
		trilateral = "2023-12-16-pm-trilateral-meeting-with-italy-and-albania-16" // migration, europe
		leaders    = "2023-10-16-foreign-secretary-to-build-on-progress-in"       // migration, europe
		transit    = "2025-04-02-uk-to-tackle-western-balkan-migrant-transit"     // migration, europe
		kfor       = "2023-05-23-extension-of-uk-commitment-to-nato-s-kosovo"     // europe, security
		reinf      = "2023-10-06-uk-reinforcements-arrive-in-kosovo-for-nato"     // europe, security
	)
	for _, c := range []struct{ lang, rel, text, want string }{
		{"sq", trilateral, "A u fol gjatë takimit për anëtarësimin e Shqipërisë në BE?", "europe"},
		{"fr", trilateral, "La réunion a-t-elle abordé l'adhésion de l'Albanie à l'UE ?", "europe"},
		{"sq", transit, "Si e shikon Londra anëtarësimin e Kosovës në Këshillin e Evropës?", "europe"},
		{"fr", transit, "Londres appuie-t-elle l'adhésion du Kosovo au Conseil de l'Europe ?", "europe"},
		{"sq", leaders, "Cilat janë përparësitë e Britanisë në samitin e Procesit të Berlinit?", "europe"},
		{"fr", leaders, "Quelles sont les priorités britanniques pour le sommet du processus de Berlin ?", "europe"},
		{"sq", reinf, "A kanë ushtarët raketa Javelin? A vijnë me ta helikopterët Puma dhe automjetet e blinduara?", "security"},
		{"fr", reinf, "Les soldats ont-ils des missiles Javelin ? Des hélicoptères Puma et des véhicules blindés les accompagnent-ils ?", "security"},
		{"sq", kfor, "Çfarë armësh dhe automjetesh të blinduara do të sjellë kontingjenti, dhe a do të ketë dronë?", "security"},
		{"fr", kfor, "Quelles armes et quels véhicules blindés le contingent apportera-t-il, et y aura-t-il des drones ?", "security"},
		{"en", transit, "Is London backing EU enlargement to Montenegro and Serbia?", "europe"},
		{"en", trilateral, "Would the UK help Albania join the EU by the end of the decade?", "europe"},
		{"sq", transit, "A e mbështet Londra zgjerimin e BE-së drejt Malit të Zi dhe Serbisë?", "europe"},
		{"sq", trilateral, "A do ta ndihmojë Britania Shqipërinë për t'u anëtarësuar në BE deri në fund të dekadës?", "europe"},
		{"fr", transit, "Londres soutient-elle l'élargissement de l'UE au Monténégro et à la Serbie ?", "europe"},
		{"en", leaders, "Is the UK worried about the tensions between Belgrade and Pristina?", "europe"},
		{"sq", leaders, "A shqetësohet Britania për tensionet mes Beogradit dhe Prishtinës?", "europe"},
		{"fr", leaders, "Le Royaume-Uni s'inquiète-t-il des tensions entre Belgrade et Pristina ?", "europe"},
		// unchanged: the look-alikes
		{"sq", reinf, "Sa ushtarë dhe helikopterë britanikë kanë mbërritur në Kosovë?", "europe"},
		{"fr", reinf, "Combien de soldats et d'hélicoptères britanniques sont arrivés au Kosovo ?", "europe"},
		{"sq", trilateral, "Sa emigrantë janë dërguar nga Italia në qendrat në Shqipëri?", "migration"},
		{"fr", transit, "Combien de migrants empruntent encore la route des Balkans ?", "migration"},
		{"sq", transit, "Sa emigrantë kalojnë ende nga rruga e Ballkanit pas zgjerimit të kontrolleve kufitare?", "migration"},
		{"fr", transit, "Combien de migrants passent encore malgré l'élargissement des contrôles aux frontières ?", "migration"},
		{"en", trilateral, "Have there been tensions among the migrants held in the centres?", "migration"},
		{"sq", trilateral, "A ka pasur tensione mes emigrantëve të mbajtur në qendra?", "migration"},
	} {
		checkOnRelease(t, r.topics, cat, c.rel, topicCase{c.lang, "?", c.text, c.want})
	}
}
