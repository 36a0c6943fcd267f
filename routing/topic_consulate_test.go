package routing

import "testing"

// TestTopicConsulateIsWhere checks the consular desk's offices and papers
// (postWords: the consulate, the consul, a visa, a passport) on enquiries
// linked to no release: asked beside the desk's own business — an interview with the
// consul, a new honorary consul taking up the post, a reception at the
// consulate, the UK's own student visas, visa fees or electronic travel
// authorisation for the journalist's compatriots, the ID cards they may no
// longer enter the UK on, the e-gates, passport control — they say where the
// question is, not what it asks, and the fallback takes it, in every
// language. The consular service itself (British nationals detained,
// missing or stranded, consular assistance, travel advice, a lost
// passport) stays consular wherever the consulate is named. The embassy's
// own events (a reception, the King's Birthday Party, an open day) and its
// people's speaking invitations (a panel discussion) are the desk's
// business as its exhibitions and concerts are. Sentences of our
// own, written before the change.
func TestTopicConsulateIsWhere(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	checkTopics(t, r.topics, cat, Link{}, []topicCase{
		{"es", "Entrevista con el cónsul británico en Málaga", "Queremos entrevistar al cónsul británico en Málaga para un reportaje sobre el trabajo diario del consulado. ¿Sería posible grabar la entrevista la semana que viene en el consulado?", "general"},
		{"pt", "Novo cônsul honorário no Algarve", "Quem é o novo cônsul honorário britânico no Algarve e quando assume funções? Podem enviar-nos uma biografia e uma fotografia?", "general"},
		{"en", "Interview with the embassy's consul", "We'd like to interview the British consul in Alicante for our Sunday programme about what a typical week at the consulate looks like. Is she available next week?", "general"},
		{"en", "Consul general appointment", "Can you confirm who has been appointed the new British Consul General in Istanbul, and when does he take up the post?", "general"},
		{"fr", "Interview du consul", "Nous souhaiterions interviewer le consul général britannique à Marseille pour une émission sur le rôle du consulat. Serait-il disponible mardi ?", "general"},
		{"it", "Intervista", "Vorremmo intervistare il console britannico a Milano sul lavoro quotidiano del consolato. Sarebbe disponibile giovedì?", "general"},
		{"tr", "Gazeteci vizesi", "Londra'da çekim yapmak için gazeteci vizesi gerekiyor mu? Başvuru ne kadar sürer ve konsolosluk süreci hızlandırabilir mi?", "general"},
		{"tr", "Türk vatandaşları için vize", "Türk vatandaşları İngiltere'ye gitmek için hâlâ vize almak zorunda. Vize ücretleri neden bu kadar arttı? Vize başvurularının ortalama bekleme süresi ne kadar?", "general"},
		{"es", "Visados de estudiante", "Desde el Brexit, los estudiantes españoles necesitan un visado de estudiante para estudiar en el Reino Unido. ¿Cuántos visados de estudiante se concedieron el año pasado y cuánto cuesta el visado?", "general"},
		{"fr", "Visa pour les Français", "Les Français ont-ils désormais besoin d'un visa ou d'une autorisation de voyage électronique pour se rendre au Royaume-Uni ? Combien de demandes ont été refusées ?", "general"},
		{"pt", "Autorização eletrónica de viagem", "A partir de abril os portugueses precisam de uma autorização eletrónica de viagem para entrar no Reino Unido. Quanto custa e os menores também precisam?", "general"},
		{"el", "Συνέντευξη με τον πρόξενο", "Θα θέλαμε μια συνέντευξη με τον Βρετανό πρόξενο στη Θεσσαλονίκη για τη δουλειά του προξενείου. Είναι διαθέσιμος την Πέμπτη;", "general"},
		{"it", "Ricevimento al consolato", "Il consolato britannico a Milano organizza un ricevimento per il compleanno del Re? Possiamo mandare un fotografo?", "general"},
		{"de", "Visum für Studierende", "Wie viele Visa für Studierende hat Großbritannien deutschen Studenten im letzten Jahr erteilt?", "general"},
		{"de", "Neuer Generalkonsul in München", "Wer wird neuer britischer Generalkonsul in München und wann tritt er sein Amt an?", "general"},
		{"en", "Consulate jobs", "The British Consulate in Barcelona is advertising for local staff. How many posts are there and what is the recruitment process?", "general"},
		{"tr", "Öğrenci vizesi", "İngiltere'ye öğrenci vizesi başvurularında son durum nedir? Öğrenci vizesi ücretleri artacak mı?", "general"},
		{"fr", "Ambassade fermée ?", "L'ambassade britannique à Paris sera-t-elle fermée lundi pour le jour férié ? Le service des visas aussi ?", "general"},
		{"es", "Horario", "¿Cuál es el horario de apertura del consulado británico en Alicante durante el verano?", "general"},
		{"es", "DNI y pasaporte", "Desde octubre los turistas españoles necesitan pasaporte para entrar en el Reino Unido y ya no vale el DNI. ¿Hay excepciones para los viajes escolares?", "general"},
		{"fr", "Carte d'identité", "Les touristes français peuvent-ils encore entrer au Royaume-Uni avec une carte d'identité pour les voyages scolaires ?", "general"},
		{"pt", "E-gates", "Os turistas portugueses podem usar os e-gates nos aeroportos britânicos com o passaporte?", "general"},
		{"tr", "Pasaport ve vize", "Türk turistler İngiltere'ye girerken pasaport kontrolünde ne kadar bekliyor? Vize için hangi belgeler gerekiyor?", "general"},
		{"en", "Panel", "Could the Consul-General in Dubai join our panel discussion on expat life in the Gulf next month?", "general"},
		{"es", "Mesa redonda", "¿Podría el cónsul británico en Barcelona participar en una mesa redonda sobre la comunidad británica?", "general"},
		{"en", "Consulate staff", "How many staff work at the British Consulate-General in Istanbul, and how many are UK-based?", "general"},
		// unchanged: the consular service, with the consulate or a visa named
		{"en", "Magaluf arrest", "Is the consulate aware of the British man arrested in Magaluf overnight, and has anyone visited him?", "consular"},
		{"es", "Pasaporte caducado", "Una familia británica se ha quedado atrapada en Málaga porque el pasaporte de su hijo ha caducado. ¿Puede el consulado emitir un documento de emergencia?", "consular"},
		{"fr", "Conseils aux voyageurs britanniques", "Les voyageurs britanniques ont-ils besoin d'un passeport valable six mois pour venir en France ? Que disent vos conseils aux voyageurs ?", "consular"},
		{"en", "Stranded over the bank holiday", "How many British holidaymakers are stranded at Faro airport over the bank holiday, and is the consulate helping them?", "consular"},
		{"de", "Britin vermisst", "Eine britische Touristin wird seit Sonntag in den bayerischen Alpen vermisst. Ist das Konsulat mit der Familie in Kontakt?", "consular"},
		{"it", "Turista britannico arrestato", "Un turista britannico è stato arrestato a Roma dopo una rissa. Il consolato gli presta assistenza consolare?", "consular"},
		{"en", "Lost passports in Lisbon", "How many British tourists lost their passports in Lisbon this summer and needed emergency travel documents from the consulate?", "consular"},
		{"en", "Visa for Brits", "Will British holidaymakers need a visa to visit Turkey this summer?", "consular"},
		{"en", "British tourist arrested", "A British tourist was arrested in Antalya last night after a fight in a bar. Is the consulate providing assistance? Could we interview the consul?", "consular"},
		{"tr", "İngiliz turist gözaltında", "Dün gece Bodrum'da gözaltına alınan İngiliz turist hakkında bilgi verebilir misiniz? Konsolosluk aileye destek veriyor mu?", "consular"},
		{"es", "Británico desaparecido", "Un ciudadano británico lleva tres días desaparecido en Tenerife. ¿Está el consulado prestando asistencia consular a la familia?", "consular"},
		{"pt", "Turistas britânicos retidos", "Dezenas de turistas britânicos estão retidos no aeroporto de Faro por causa da greve. O consulado está a ajudá-los?", "consular"},
		{"fr", "Britannique détenu", "Un ressortissant britannique est détenu à Paris depuis lundi. A-t-il reçu la visite du consulat ?", "consular"},
		{"es", "Pasaporte robado", "Una turista británica a la que robaron el pasaporte en Barcelona dice que el consulado tardó una semana en darle un documento de viaje de emergencia. ¿Es normal ese plazo?", "consular"},
		{"el", "Βρετανοί τουρίστες", "Βρετανοί τουρίστες συνελήφθησαν στη Ζάκυνθο. Παρέχει το προξενείο βοήθεια;", "consular"},
		{"en", "Visas", "How long does it take to get a visa for Iraq?", "consular"},
		{"en", "Visa", "Will British nationals stranded at the border need a visa to leave?", "consular"},
	})
}

// TestTopicOneWordIsNoPhrase checks that a word another language's
// vocabulary reads as one English word ("voyage", "viagem", "seyahat":
// travel) is that word, not a phrase of the desk's whose other words are
// stopwords ("against all travel"): the travel of a school group or an
// electronic travel authorisation is no consular travel advice. Nor is an
// acronym the enquiry spells out ("Electronic Travel Authorisation (ETA)").
// A phrase the vocabulary writes as the phrase ("seyahat uyarısı", travel
// warning) and the desk's phrase written in full stay consular.
func TestTopicOneWordIsNoPhrase(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	for _, c := range []struct{ lang, text string }{
		{"pt", "A viagem de estudo dos alunos ao Reino Unido custa quanto?"},
		{"fr", "Combien coûte le voyage scolaire des élèves au Royaume-Uni ?"},
		{"es", "¿Cuánto cuesta el viaje de estudios de los alumnos al Reino Unido?"},
		{"en", "From April Europeans need an Electronic Travel Authorisation (ETA) to visit the UK. How much does the ETA cost?"},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		if got := r.topics.Choose(&in, Link{}, cat); got.Topic == "consular" {
			t.Errorf("%s %q: topic consular (%s)", c.lang, c.text, got.Reason)
		}
	}
	for _, c := range []struct{ lang, text string }{
		{"tr", "İngiltere, deprem sonrası Türkiye için seyahat uyarısını güncelledi mi? Bölgede kaç İngiliz vatandaşı var?"},
		{"en", "Is the FCDO advising against all travel to the region?"},
	} {
		in := Input{Subject: "?", Language: c.lang, NewText: c.text}
		if got := r.topics.Choose(&in, Link{}, cat); got.Topic != "consular" {
			t.Errorf("%s %q: topic %q (%s), want consular", c.lang, c.text, got.Topic, got.Reason)
		}
	}
}

// TestTopicNoDeskSubjectsInEveryLanguage checks the subjects no desk
// covers (topiclex.yaml desk_business: the Parthenon Sculptures and the
// British Museum, the royal family's engagements, sport) read in the
// journalist's language: with no release linked, a question on them is
// the fallback's, and the country named beside them (Greece, Athens,
// Albania) says where, not what. The row's Greek, Portuguese and Albanian
// words were missing (Γλυπτά του Παρθενώνα, Ελγίνεια Μάρμαρα, Βασιλιάς
// Κάρολος, mármores do Pártenon, ndeshjen). A question on the region's
// politics or on migration stays the desk's. Sentences of our own,
// written before the change.
func TestTopicNoDeskSubjectsInEveryLanguage(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	checkTopics(t, r.topics, cat, Link{}, []topicCase{
		{"el", "Γλυπτά του Παρθενώνα", "Ποια είναι η θέση της βρετανικής κυβέρνησης για την επιστροφή των Γλυπτών του Παρθενώνα στην Αθήνα;", "general"},
		{"el", "Μάρμαρα", "Συζητά το Βρετανικό Μουσείο με την ελληνική κυβέρνηση για δανεισμό των Μαρμάρων; Θα αλλάξει ο νόμος του 1963;", "general"},
		{"el", "Ελγίνεια", "Ποια είναι η επίσημη θέση του Ηνωμένου Βασιλείου για τα Ελγίνεια Μάρμαρα;", "general"},
		{"el", "Επίσκεψη του Βασιλιά", "Θα επισκεφθεί ο Βασιλιάς Κάρολος την Ελλάδα φέτος; Υπάρχει πρόγραμμα;", "general"},
		{"pt", "Mármores", "Qual é a posição do governo britânico sobre a devolução dos mármores do Pártenon à Grécia?", "general"},
		{"sq", "Ndeshja Angli-Shqipëri", "A do të jetë ambasadori britanik në ndeshjen Angli–Shqipëri në Tiranë? Kush e përfaqëson qeverinë?", "general"},
		{"en", "Parthenon", "Will the Prime Minister meet Mitsotakis about the Parthenon Sculptures, and has the government's position on the 1963 British Museum Act changed?", "general"},
		// unchanged: the desk's own stories
		{"el", "Βαλκάνια", "Ποια είναι η θέση του Λονδίνου για τις εντάσεις μεταξύ Σερβίας και Κοσόβου;", "europe"},
		{"el", "Μετανάστευση", "Συζήτησαν ο Στάρμερ και ο Μητσοτάκης τη συνεργασία για τη μετανάστευση και τις διελεύσεις με βάρκες;", "migration"},
	})
}

// TestTopicBritishHostagesAreNationals checks that a British hostage is
// read as one of the British nationals abroad in the languages whose
// vocabulary lacked it (Turkish, Albanian, Arabic, Russian, Ukrainian,
// Serbian, as German 'britische Geiseln' and French 'otages britanniques'
// already were), and that in English the hostages inside "British
// hostages" are that phrase's (consular), not a second keyword of the
// Middle East: on the PM's call with Netanyahu [middle-east, consular] a
// question on the British hostages' families is the consular desk's. A
// question on the hostages and a ceasefire stays the region's.
func TestTopicBritishHostagesAreNationals(t *testing.T) {
	const call = "2024-08-20-pm-call-with-prime-minister-netanyahu-of-israel" // middle-east, consular
	r, l := sharedLink(t, call, 0.97)
	checkTopics(t, r.topics, r.Catalogue(), l, []topicCase{
		{"en", "?", "Is the UK doing anything for the British hostages?", "consular"},
		{"tr", "?", "Dışişleri, İngiliz rehinenin ailesiyle temasa geçti mi? Gazze'de başka İngiliz rehine var mı?", "consular"},
		{"ar", "?", "هل تواصلت الخارجية مع عائلة الرهينة البريطاني؟ هل هناك رهائن بريطانيون آخرون في غزة؟", "consular"},
		{"ru", "?", "Связался ли МИД с семьёй британского заложника? Есть ли в Газе другие британские заложники?", "consular"},
		{"uk", "?", "Чи зв'язалося МЗС з родиною британського заручника? Чи є в Газі інші британські заручники?", "consular"},
		{"sr", "?", "Da li je Forin ofis u kontaktu sa porodicom britanskog taoca? Ima li još britanskih talaca u Gazi?", "consular"},
		{"el", "?", "Έχει επικοινωνήσει το Φόρεϊν Όφις με την οικογένεια του Βρετανού ομήρου; Υπάρχουν άλλοι Βρετανοί όμηροι στη Γάζα;", "consular"},
		// unchanged: the region's story
		{"en", "?", "Did the PM press Netanyahu on a ceasefire in Gaza and the release of the hostages?", "middle-east"},
	})
}
