package routing

import "testing"

// TestTopicAlbanianFrenchBalkansWords checks the Albanian (standard and
// Gheg, with and without ë/ç) and French words for the Western Balkans
// releases' policies that the linker's vocabulary lacked: borders and the
// border police ('kufitare', 'policia kufitare', 'contrôles aux
// frontières'), returns and deportations ('kthyer', 'dëbuar', 'deportuar',
// 'ripranim', 'qendra kthimi', 'retour', 'sans droit au séjour'), customs
// and goods ('doganat', 'mallrat', 'douanes', 'marchandises'), organised
// crime in Gheg ('krimi i organizuem'), police cooperation ('bashkëpunimi
// policor', 'coopération policière') and European integration
// ('integrimi evropian'; 'integrim' alone is the EU's in Albanian mail). Each row asks on a release the question's own
// topic; the last rows are the region's questions, which must stay with it.
func TestTopicAlbanianFrenchBalkansWords(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	const (
		call    = "2024-05-10-pm-call-with-albanian-prime-minister-edi-rama-10" // europe, migration
		tirana  = "2024-05-22-uk-and-albania-innovate-to-boost-successful"      // europe, migration
		brussel = "2013-04-19-foreign-secretary-welcomes-agreement-between"     // europe
		transit = "2025-04-02-uk-to-tackle-western-balkan-migrant-transit"      // migration, europe
	)
	for _, c := range []struct{ lang, rel, text, want string }{
		{"fr", call, "Ont-ils discuté du retour des Albanais sans droit au séjour au Royaume-Uni ?", "migration"},
		{"fr", call, "Combien de retours vers l'Albanie cette année, et les vols de retour vont-ils continuer ?", "migration"},
		{"sq", call, "A do të ketë më shumë policë kufitarë dhe kontrolle kufitare në Rinas?", "migration"},
		{"sq", call, "Sa shqiptarë janë dëbuar nga Britania këtë vit dhe sa janë kthyer vullnetarisht?", "migration"},
		{"sq", tirana, "A do të rritet numri i shqiptarëve të deportuar dhe a ka marrëveshje ripranimi?", "migration"},
		{"sq", tirana, "A ka qendra kthimi ne Shqiperi per emigrantet e refuzuar?", "migration"},
		{"sq", call, "A asht tu u diskutu ndonji marrëveshje e re për kthimin e emigrantëve? A ka me u forcu kontrolli i kufinit?", "migration"},
		// the region's own questions stay with it
		{"sq", brussel, "Çfarë ndodh me doganat dhe mallrat në veri të Kosovës?", "europe"},
		{"fr", brussel, "Qu'en est-il des douanes et des marchandises dans le nord du Kosovo ?", "europe"},
		{"sq", tirana, "A e mbështet Britania integrimin evropian të Shqipërisë?", "europe"},
		{"sq", transit, "A ka me u hap negociatat për integrimin në BE për Kosovën?", "europe"},
	} {
		checkOnRelease(t, r.topics, cat, c.rel, topicCase{c.lang, "?", c.text, c.want})
	}
}
