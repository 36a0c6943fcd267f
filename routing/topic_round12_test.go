package routing

import "testing"

// TestVocabSerbianClimateWords checks the climate desk's words Serbian,
// Bosnian and Croatian write that the vocabulary lacked: coal in its cases
// ('ugalj', 'uglja', 'ugljena' …) and renewable ('obnovljivi',
// 'obnovljive', 'obnovljivih').
func TestVocabSerbianClimateWords(t *testing.T) {
	checkReadings(t, "sr", []readingCase{
		{[]string{"ugalj", "uglja", "ugljem", "ugljen", "ugljena", "ugljenom"}, "coal", nil},
		{[]string{"obnovljivi", "obnovljive", "obnovljivih", "obnovljivu", "obnovljiva"}, "renewable", nil},
	})
}

// TestTopicRound12DeskBusiness: with no release linked, the desk's own
// business asked in a question or the subject line — accreditation, the
// spokesperson or contact, a complaint, the full text of a statement, the
// King's Birthday reception, an interview with no theme — is the
// fallback's, when the region has nothing in the sender's words but its
// names and the words of the UK's relations with its countries. An
// interview bid on the UK's relations with a country of the region is
// about that theme, the region's (interviewBid; the shared samples' 068). Written before the change,
// in Albanian and Serbian/Bosnian/Croatian with and without diacritics, in
// Cyrillic, and the same in English and German; the region's own story
// (the Kosovo–Serbia dialogue, elections, accession, the Council of
// Europe) stays Europe's, with an interview asked or not.
func TestTopicRound12DeskBusiness(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"sq", "Akreditimi", "Dua të akreditohem për konferencën për shtyp të ambasadorit në Tiranë. Ku ta dërgoj kërkesën?", "general"},
		{"sq", "Zëdhënësi", "Kush është zëdhënësi i ambasadës britanike në Prishtinë për mediat shqiptare?", "general"},
		{"sq", "Ankesë për përgjigjen", "Përgjigja juaj e djeshme për marrëdhëniet me Shqipërinë nuk iu përgjigj pyetjes sime. Kujt mund t'i drejtohem?", "general"},
		{"sq", "Teksti i deklaratës", "A mund të na dërgoni tekstin e plotë të deklaratës së ambasadorit për Kosovën?", "general"},
		{"sq", "Intervista", "Kerkese per interviste me ambasadorin britanik ne Tirane per marredheniet dypaleshe. A eshte e mundur javen e ardhshme?", "general"},
		{"sq", "Zëdhënësi i samitit", "Kush do të jetë zëdhënësi i FCDO-së për mediat e Ballkanit gjatë samitit në Londër?", "general"},
		{"hr", "Glasnogovornik", "Tko je glasnogovornik britanskog veleposlanstva u Zagrebu za pitanja o Hrvatskoj?", "general"},
		{"bs", "Kontakt", "Ko je osoba za kontakt u ambasadi za medije iz Bosne i Hercegovine?", "general"},
		{"sr", "Akreditacija", "Želimo da akreditujemo snimatelja za konferenciju za štampu ambasadora u Beogradu. Kome šaljemo prijavu?", "general"},
		{"sr", "Žalba", "Vaš odgovor na naš upit o Srbiji stigao je tek posle emitovanja. Kome mogu da uputim žalbu?", "general"},
		{"bs", "Tekst izjave", "Možete li nam poslati puni tekst izjave ambasadora o Bosni i Hercegovini?", "general"},
		{"hr", "Intervju s ministrom", "Bi li britanski ministar mogao dati intervju HRT-u tijekom posjeta Zagrebu?", "general"},
		{"sr", "Portparol", "Ko je portparol ambasade za medije iz Srbije?", "general"},
		{"hr", "Kontakt za migracije", "Radimo seriju o migrantima na granici. Tko je kod vas glasnogovornik ili osoba za kontakt za takve teme?", "general"},
		{"", "Contact", "Who is your press contact for Balkan media?", "general"},
		// an interview bid is about its theme: one on the UK's relations
		// with a country of the region is the region's, as the shared
		// samples label a bid on "the UK's approach to the region" (068);
		// with "interview request" in the subject line as well, the desk's
		// own business still outweighs the region's two words (the
		// fallback's score), as before this round
		{"sq", "Kërkesë për intervistë", "Përshëndetje, jam gazetare nga Prishtina. A mund të realizojmë një intervistë me ambasadorin britanik për marrëdhëniet mes Kosovës dhe Mbretërisë së Bashkuar?", "europe"},
		{"sq", "Kerkese per interviste", "Pershendetje, jam gazetare nga Prishtina. A mund te realizojme nje interviste me ambasadorin britanik per marredheniet mes Kosoves dhe Mbreterise se Bashkuar?", "europe"},
		{"sr", "Zahtev za intervju", "Poštovani, da li bi ambasador bio dostupan za intervju o odnosima Srbije i Velike Britanije?", "general"},
		{"sr", "Zahtev za intervju", "Postovani, da li bi ambasador bio dostupan za intervju o odnosima Srbije i Velike Britanije?", "general"},
		{"sr", "Интервју", "Да ли би амбасадор био доступан за интервју о односима Србије и Велике Британије?", "europe"},
		{"", "Interview", "Can the ambassador give an interview on UK-Serbia relations?", "europe"},
		{"de", "Interview", "Kann der Botschafter ein Interview über die britisch-serbischen Beziehungen geben?", "europe"},
		// the region's own story, with or without an interview asked
		{"sq", "Kosova dhe Serbia", "Si i vlerëson Mbretëria e Bashkuar marrëdhëniet mes Kosovës dhe Serbisë pas sulmit në Banjskë?", "europe"},
		{"sq", "Këshilli i Evropës", "A e mbështet Londra anëtarësimin e Kosovës në Këshillin e Evropës?", "europe"},
		{"sr", "Srbija i Kosovo", "Kako Velika Britanija ocenjuje odnose Srbije i Kosova posle napada u Banjskoj?", "europe"},
		{"hr", "Proširenje EU", "Podržava li London proširenje EU na Zapadni Balkan?", "europe"},
		{"sr", "Dijalog", "Da li će britanski ministar razgovarati sa Vučićem o dijalogu sa Prištinom?", "europe"},
		{"sr", "Izbori", "Kakav je stav Velike Britanije o izborima u Srbiji?", "europe"},
		{"", "Kosovo", "How does the UK view relations between Kosovo and Serbia after Banjska?", "europe"},
		{"", "Interview", "Could we interview the ambassador in Pristina about the dialogue between Kosovo and Serbia?", "europe"},
		{"fr", "Conseil de l'Europe", "Le Royaume-Uni soutient-il l'adhésion du Kosovo au Conseil de l'Europe ?", "europe"},
		// and the policy desks' own words stay theirs
		{"sr", "Readmisija", "Da li Velika Britanija planira sporazum o readmisiji sa Srbijom?", "migration"},
		{"sq", "Azil", "Sa shqiptarë kanë kërkuar azil në Britani këtë vit?", "migration"},
		{"sr", "Uhapšeni", "Koliko je britanskih državljana uhapšeno u Srbiji ove godine?", "consular"},
		{"sq", "Arrestime", "Sa britanikë janë arrestuar në Shqipëri këtë vit?", "consular"},
	})
}

// TestTopicRound12LinkedWords checks, on linked releases, the words this
// round added: the Royal Navy escorting merchant ships as Serbian,
// Croatian and Albanian write it ('pratnju trgovačkih brodova',
// 'shoqëruar anijet tregtare': a naval escort, the armed forces' word, so
// the Houthi seizure release's second topic); coal, renewables and
// deforestation ('ugljena', 'obnovljive izvore', 'sječe šuma') asked with
// the region's countries on the COP28 release are the climate desk's, not
// Europe's by the countries' names. The release's regional matters stay
// its first topic's.
func TestTopicRound12LinkedWords(t *testing.T) {
	_, r := sharedRouter(t)
	const (
		galaxy = "2023-11-21-seizure-of-mv-galaxy-leader-by-the-houthis-uk"
		cop28  = "2023-12-01-pm-to-call-for-era-of-action-at-cop28-climate"
		wbMig  = "2025-04-02-uk-to-tackle-western-balkan-migrant-transit"
		clamp  = "2025-05-15-uk-to-clamp-down-on-criminal-networks-in-western"
	)
	for _, c := range []struct {
		rel string
		topicCase
	}{
		{galaxy, topicCase{"hr", "Crveno more", "Hoće li Kraljevska mornarica poslati dodatne brodove za pratnju trgovačkih brodova u Crvenom moru?", "security"}},
		{galaxy, topicCase{"sq", "Galaxy Leader", "A do të dërgojë Marina Mbretërore anije shtesë për të shoqëruar anijet tregtare në Detin e Kuq?", "security"}},
		{galaxy, topicCase{"sr", "Crveno more", "Da li će britanska mornarica pratiti trgovačke brodove?", "security"}},
		{galaxy, topicCase{"sq", "Galaxy Leader", "Çfarë thotë Londra për kërcënimet e Huthëve ndaj Izraelit?", "middle-east"}},
		{galaxy, topicCase{"bs", "Posada", "Da li Britanija razgovara sa Iranom o oslobađanju posade?", "middle-east"}},
		{cop28, topicCase{"hr", "COP28", "Mogu li Bosna i Hercegovina ili Sjeverna Makedonija računati na dio sredstava za napuštanje ugljena?", "climate"}},
		{cop28, topicCase{"sr", "COP28", "Koliko će od tih sredstava ići za obnovljive izvore energije na Zapadnom Balkanu?", "climate"}},
		{cop28, topicCase{"bs", "COP28", "Da li ce Bosna i Hercegovina dobiti novac za zaustavljanje sjece suma?", "climate"}},
		{cop28, topicCase{"sq", "COP28", "A mund të përfitojë Shqipëria nga këto fonde për energjinë e rinovueshme?", "climate"}},
		{wbMig, topicCase{"hr", "Srbija", "Kako će to utjecati na odnose Velike Britanije i Srbije?", "europe"}},
		{wbMig, topicCase{"bs", "Granica", "Hoće li britanski policajci raditi i na granici BiH sa Srbijom protiv krijumčara?", "migration"}},
		{clamp, topicCase{"sr", "Radna grupa", "Da li će se Zajednička radna grupa za migracije proširiti i na Crnu Goru?", "migration"}},
	} {
		checkOnRelease(t, r.topics, r.Catalogue(), c.rel, c.topicCase)
	}
}

// TestTopicRound12DeskOnlyAsked: with no release linked, questions that
// ask nothing but the desk's own business (who the spokesperson is, whom
// to turn to after a reply that did not answer, accreditation for a
// summit) are the fallback's, whatever story the text tells — a series on
// migrants, student visas for Kosovars, the Berlin Process; the same story
// with a question on it stays its desk's. Written before the change.
func TestTopicRound12DeskOnlyAsked(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"sq", "Akreditimi per samitin", "Si mund te akreditohem per samitin e Procesit te Berlinit ne Londer?", "general"},
		{"sq", "Vizat e studentëve", "Ju pyeta sa studentë nga Kosova kanë marrë viza studimi dhe më dërguat një paragraf për marrëdhëniet. Kujt t'i drejtohem?", "general"},
		{"sr", "Upit", "Vaš odgovor nije odgovorio na naše pitanje o Srbiji. Kome mogu da se obratim?", "general"},
		{"hr", "Serija o migrantima", "Pišemo seriju o krijumčarima migranata na hrvatskoj granici. Tko je vaš glasnogovornik za takve teme?", "general"},
		{"sq", "Seria", "Po përgatisim një seri për emigrantët shqiptarë në Britani. Kush është zëdhënësi juaj për këto tema?", "general"},
		{"", "Series", "We are preparing a series on migrants crossing the Channel. Who is your spokesperson for these subjects?", "general"},
		{"sq", "Seria", "Po përgatisim një seri për emigrantët shqiptarë në Britani. Sa prej tyre janë kthyer këtë vit?", "migration"},
		{"", "Series", "We are preparing a series on migrants crossing the Channel. How many crossed this year?", "migration"},
		{"sq", "Procesi i Berlinit", "Çfarë pret Britania nga samiti i Procesit të Berlinit për integrimin e Ballkanit Perëndimor?", "europe"},
		{"sr", "Berlinski proces", "Šta Velika Britanija očekuje od samita Berlinskog procesa u Londonu za Srbiju?", "europe"},
	})
}

// TestTopicRound12BilateralTrade: "bilateral" inside the trade family's
// "bilateral trade" is that phrase's, no word of a region's politics —
// in English, Serbian/Croatian, Albanian (either word order, 'tregtia
// bilaterale', 'tregtisë dypalëshe') and Italian; bilateral relations and
// a bilateral meeting stay the region's.
func TestTopicRound12BilateralTrade(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"", "Trade", "What is the value of bilateral trade between Serbia and the UK?", "trade"},
		{"sr", "Trgovina", "Kolika je vrednost bilateralne trgovine između Srbije i Velike Britanije?", "trade"},
		{"hr", "Trgovina", "Koliko je porasla bilateralna trgovina Hrvatske i Ujedinjenog Kraljevstva?", "trade"},
		{"sq", "Tregtia", "Sa është rritur tregtia bilaterale mes Shqipërisë dhe Britanisë?", "trade"},
		{"sq", "Tregtia", "Sa është vlera e tregtisë dypalëshe mes Shqipërisë dhe Britanisë?", "trade"},
		{"it", "Commercio", "Qual è il valore dell'interscambio commerciale bilaterale tra Italia e Regno Unito?", "trade"},
		{"", "Relations", "How would you describe bilateral relations between Serbia and the UK?", "europe"},
		{"sr", "Odnosi", "Kako ocenjujete bilateralne odnose Srbije i Velike Britanije?", "europe"},
		{"sq", "Marrëdhëniet", "Si i vlerësoni marrëdhëniet bilaterale mes Shqipërisë dhe Britanisë?", "europe"},
		{"", "Relations", "Will the Foreign Secretary hold a bilateral meeting with Vucic?", "europe"},
	})
}

// TestTopicRound12SerbianApplies: Serbian/Croatian/Bosnian 'odnosi'
// and 'odnose' are the verb "refers, applies" in 'se to odnosi', 'odnosi
// li se', 'odnosi (i) na' — "does it apply to Serbia too?" — no relations
// (the '!' phrases of topiclex_lang.json, read before the desk's others);
// the noun stays relations.
func TestTopicRound12SerbianApplies(t *testing.T) {
	_, r := sharedRouter(t)
	const clamp = "2025-05-15-uk-to-clamp-down-on-criminal-networks-in-western"
	checkOnRelease(t, r.topics, r.Catalogue(), clamp, topicCase{"sr", "Radna grupa", "Da li se to odnosi i na Srbiju i kada bi britanski sluzbenici poceli da rade na granici?", "migration"})
	checkOnRelease(t, r.topics, r.Catalogue(), clamp, topicCase{"sr", "Radna grupa", "Da li se ta mera odnosi na Crnu Goru i luku Bar?", "migration"})
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"hr", "Kontakt", "Odnosi li se vaša ranija izjava i na Hrvatsku? Tko je vaš glasnogovornik?", "general"},
		{"sr", "Odnosi", "Kakvi su odnosi Srbije i Velike Britanije posle izbora?", "europe"},
		{"bs", "Odnosi", "Kako Britanija vidi odnose između Sarajeva i Banje Luke?", "europe"},
	})
}
