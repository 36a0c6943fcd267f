package routing

import "testing"

// TestTopicSixteenthRoundWords checks the words a probe of our own
// (questions journalists writing Albanian, Portuguese and Greek ask about
// each of the desk's topics, with and without diacritics) found the topic
// matcher lacking, each read as English already reads the same question:
// Albanian deported as Kosovo and the north write it ('deportu'), travel
// advice and a travel warning in their case forms, a Briton who died or
// went missing, charter flights ('çarter'), explosive substances,
// imports, fossil fuels ('lëndët djegëse fosile'), Dodik in his case
// forms; Portuguese Britons as a noun ('os britânicos'), an emergency
// passport, imports, Brazil's 'refúgio' (asylum), travel recommendations
// and alerts; Greek deported ('απελάθηκαν'), human trafficking (no
// trade), an emergency passport, imports, international development (no
// troop deployment), net zero, Britons in the accusative, staff in the
// accusative. A sentence with the language's word for comment, confirm
// or update asks the desk, as English's do, though it ends in no question
// mark. The last rows are look-alikes that must not change.
func TestTopicSixteenthRoundWords(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	checkTopics(t, r.topics, cat, Link{}, []topicCase{
		{"sq", "?", "Sa shqiptare jane deportu nga Anglia kete muaj?", "migration"},
		{"sq", "?", "A ka ndryshuar këshilla e udhëtimit për Kosovën?", "consular"},
		{"sq", "?", "A ka ndonje paralajmerim udhetimi per Izraelin?", "consular"},
		{"sq", "?", "Një britanik vdiq në një aksident në Sarandë; a është njoftuar familja?", "consular"},
		{"sq", "?", "Nje britanike u zhduk ne Vlore; a po e kerkon policia?", "consular"},
		{"sq", "?", "A do të ketë fluturime çarter nga Tel Avivi?", "consular"},
		{"sq", "?", "Çfarë kufizimesh të reja ka për lëndët shpërthyese?", "security"},
		{"sq", "?", "A do të rriten importet nga Shqipëria?", "trade"},
		{"sq", "?", "A mbështet Britania heqjen dorë nga lëndët djegëse fosile?", "climate"},
		{"sq", "?", "Cfare mendon Britania per Republiken Srpska dhe Dodikun?", "europe"},
		{"sq", "?", "Po pres ende koment për KFOR-in.", "europe"},
		{"pt", "?", "Como os britânicos podem sair do Sudão?", "consular"},
		{"pt", "?", "Há britânicos entre as vítimas do sismo em Marrocos?", "consular"},
		{"pt", "?", "A embaixada emite passaportes de emergência?", "consular"},
		{"pt", "?", "O Reino Unido vai aumentar as importações de Portugal?", "trade"},
		{"pt", "?", "Quantos solicitantes de refúgio brasileiros há no Reino Unido?", "migration"},
		{"pt", "?", "Quais são as recomendações de viagem para quem vai a Israel?", "consular"},
		{"el", "?", "Πόσοι Αλβανοί απελάθηκαν από τη Βρετανία;", "migration"},
		{"el", "?", "Ποια ειναι η θεση για την εμπορια ανθρωπων;", "migration"},
		{"el", "?", "Εκδιδει η πρεσβεια διαβατηρια εκτακτης αναγκης;", "consular"},
		{"el", "?", "Τι μέτρα θα παρθούν για τους Βρετανούς τουρίστες στη Ρόδο μετά τις φωτιές;", "consular"},
		{"el", "?", "Θα αυξήσει η Βρετανία τις εισαγωγές από την Ελλάδα;", "trade"},
		{"el", "?", "Τι προβλέπει η Λευκή Βίβλος για τη διεθνή ανάπτυξη;", "development"},
		{"el", "?", "Θα πετύχει η Βρετανία τους καθαρούς μηδενικούς ρύπους;", "climate"},
		{"el", "?", "Πόσους υπαλλήλους έχει η πρεσβεία στην Αθήνα;", "general"},
		{"sq", "Këshillat e udhëtimit", "Përshëndetje, a planifikon Ministria e Jashtme të ndryshojë këshillat për udhëtim për Libanin pas sulmeve të fundit?", "consular"},
		{"sq", "Ndihma për Sudanin", "Përshëndetje, sa para ka dhënë Britania këtë vit për Sudanin ku miliona njerëz rrezikojnë urinë?", "development"},
		{"sq", "?", "Sa britanikë janë ende në Izrael dhe a po i ndihmon ambasada të largohen?", "consular"},
		{"sq", "?", "A po i ndihmon ambasada britanikët e bllokuar në Liban të largohen?", "consular"},
		{"sq", "?", "Si po e ndihmon Britania Shqipërinë të ulë emetimet?", "climate"},
		{"sq", "?", "Si e ndihmon Britania Kosovën të mbyllë termocentralet me qymyr?", "climate"},
		{"sq", "?", "A do të vendosë Forca Kufitare britanike oficerë në aeroportin e Rinasit?", "migration"},
		{"sq", "?", "A ka pasur sulme kibernetike ruse kundër institucioneve britanike?", "security"},
		{"sq", "?", "Sa investitorë britanikë janë në Shqipëri?", "trade"},
		{"pt", "?", "A embaixada vai ajudar os britânicos retidos no Líbano a sair?", "consular"},
		{"pt", "?", "Como vai o Reino Unido ajudar o Brasil a reduzir as emissões?", "climate"},
		{"el", "?", "Πώς θα βοηθήσει η Βρετανία την Ελλάδα να μειώσει τις εκπομπές;", "climate"},
		{"sq", "?", "Çfarë mendon Britania për zgjedhjet në Mal të Zi?", "europe"},
		{"sq", "?", "A do ta vizitojë ministri Malin e Zi?", "europe"},
		{"sq", "?", "A ka britanikë të lënduar në zjarrin në Koçan?", "consular"},
		{"sq", "?", "Një alpinist britanik u gjet i vdekur në malin e Korabit; a është njoftuar familja?", "consular"},
		{"pt", "?", "Quanto o Reino Unido doou ao Sudão este ano?", "development"},
		{"el", "?", "Πόσα δώρισε η Βρετανία στο Σουδάν φέτος;", "development"},
		{"sq", "?", "Sa ka dhuruar Britania për Sudanin këtë vit?", "development"},
		{"pt", "?", "O Reino Unido vai reduzir as taxas alfandegárias sobre o café brasileiro?", "trade"},
		{"sq", "?", "A do të ulë Britania taksat doganore për produktet shqiptare?", "trade"},
		{"pt", "?", "Quantos caças britânicos estão estacionados no Chipre?", "security"},
		{"pt", "?", "O porta-aviões britânico vai para o Indo-Pacífico?", "security"},
		{"el", "?", "Θα πάει το βρετανικό αεροπλανοφόρο στον Ινδο-Ειρηνικό;", "security"},
		{"sq", "?", "A do të shkojë aeroplanmbajtësja britanike në Indo-Paqësor?", "security"},
		{"sq", "?", "Sa skafe u ndaluan në La Manche?", "migration"},
		{"sq", "?", "Sa kalime të Kanalit të La Manshit ka pasur këtë muaj?", "migration"},
		{"pt", "?", "Como o Reino Unido apoia a descarbonização da indústria?", "climate"},
		{"el", "?", "Πώς στηρίζει η Βρετανία την απανθρακοποίηση της βιομηχανίας;", "climate"},
		{"sq", "?", "Si e mbështet Britania dekarbonizimin e industrisë?", "climate"},
		// unchanged: the look-alikes
		{"el", "?", "Θα υπάρξει ανάπτυξη βρετανικών στρατευμάτων στην Κύπρο;", "security"},
		{"el", "?", "Πώς θα ενισχυθεί η οικονομική ανάπτυξη και οι επενδύσεις;", "trade"},
		{"el", "?", "Συζήτησαν οι Βρετανοί και οι Ισραηλινοί την εκεχειρία στη Γάζα;", "middle-east"},
		{"pt", "?", "Quantos soldados britânicos foram retirados do Kosovo?", "europe"},
		{"pt", "?", "O que pensam os britânicos sobre o cessar-fogo em Gaza?", "middle-east"},
		{"sq", "?", "Çfarë mendojnë britanikët për armëpushimin në Gaza?", "middle-east"},
		{"sq", "?", "Sa ushtarë britanikë janë në Kosovë?", "europe"},
		{"sq", "?", "A do të takohet Ministri i Jashtëm me homologun serb për Kosovën?", "europe"},
		{"sq", "?", "Sa ndihmë humanitare ka dhënë Britania për Gazën?", "development"},
		{"sq", "?", "A ka marrë ndihmë konsullore turisti britanik i arrestuar?", "consular"},
		{"sq", "?", "A do të dërgohen avionë luftarakë britanikë në Qipro?", "security"},
		{"sq", "?", "Mund të rezervojmë një intervistë me ambasadorin për turizmin malor?", "general"},
		{"sq", "?", "Sa është numri i të vdekurve në Gaza pas sulmeve?", "middle-east"},
		{"pt", "?", "Pode ser feita uma entrevista sobre a caça ilegal de aves?", "general"},
		{"pt", "?", "Quanta ajuda humanitária o Reino Unido enviou para Gaza?", "development"},
		{"el", "?", "Πόση ανθρωπιστική βοήθεια έστειλε η Βρετανία στη Γάζα;", "development"},
	})
}

// TestTopicSixteenthRoundLinked checks, on a release linked, words of
// the same probe that decide which of its topics a question is about:
// Greek normalisation ('ομαλοποίηση των σχέσεων') is the region's
// politics, as English's, on the Foreign Secretary's Western Balkans
// release [migration, europe]; its migration questions stay migration.
func TestTopicSixteenthRoundLinked(t *testing.T) {
	r, l := sharedLink(t, "2023-10-16-foreign-secretary-to-build-on-progress-in", 0.9)
	cat := r.Catalogue()
	checkTopics(t, r.topics, cat, l, []topicCase{
		{"el", "Δυτικά Βαλκάνια", "Καλημέρα, συζήτησε ο υπουργός με τους ηγέτες Σερβίας και Κοσόβου για την ομαλοποίηση των σχέσεων;", "europe"},
		{"en", "Western Balkans", "Good morning, did the minister discuss the normalisation of relations with the leaders of Serbia and Kosovo?", "europe"},
		// unchanged
		{"el", "Δυτικά Βαλκάνια", "Πόσοι μετανάστες περνούν από τη βαλκανική οδό;", "migration"},
	})
}

// TestTopicSixteenthRoundShipping checks the protection of shipping and
// the freedom of navigation as Greek, Portuguese and Albanian write them
// ('προστασία της ναυτιλίας', 'ελευθερία της ναυσιπλοΐας', 'liberdade de
// navegação', 'liria e lundrimit'; Greek 'συνοδεία', an escort, had been
// read as a summit): on the Houthi seizure release [middle-east,
// security], questions on the Royal Navy's escorts and its part in the
// operations are security's, as English's; a question on the Houthis
// themselves stays with the release's region. And the
// Amazon Fund and the tropical forests (Portuguese 'Fundo Amazônia',
// 'floresta amazônica'; Greek 'τροπικά δάση'; Albanian 'pyjet tropikale')
// are the rainforests of the climate desk.
func TestTopicSixteenthRoundShipping(t *testing.T) {
	r, l := sharedLink(t, "2023-11-21-seizure-of-mv-galaxy-leader-by-the-houthis-uk", 0.9)
	cat := r.Catalogue()
	checkTopics(t, r.topics, cat, l, []topicCase{
		{"el", "Προστασία της ναυτιλίας", "Θα στείλει το Βασιλικό Ναυτικό επιπλέον πλοία στην Ερυθρά Θάλασσα για τη συνοδεία εμπορικών πλοίων; Ποια είναι η συμμετοχή στις επιχειρήσεις για την ελευθερία της ναυσιπλοΐας;", "security"},
		{"pt", "Proteção da navegação", "A Marinha Real vai enviar mais navios para escoltar navios mercantes no Mar Vermelho? O Reino Unido participa nas operações pela liberdade de navegação?", "security"},
		{"sq", "Mbrojtja e anijeve", "A do të dërgojë Marina Mbretërore më shumë anije në Detin e Kuq? Si merr pjesë Britania në operacionet për lirinë e lundrimit?", "security"},
		{"en", "Protecting shipping", "Will the Royal Navy send more ships to the Red Sea to escort merchant ships? How does the UK take part in the operations for freedom of navigation?", "security"},
		// unchanged
		{"el", "Galaxy Leader", "Ποια είναι η θέση του Λονδίνου για τους Χούθι; Θα υπάρξει απάντηση στην κατάληψη του πλοίου;", "middle-east"},
	})
	checkTopics(t, r.topics, cat, Link{}, []topicCase{
		{"pt", "Fundo Amazônia", "Olá, estou fazendo um levantamento sobre os doadores do Fundo Amazônia. Quanto o Reino Unido já transferiu e quando sai o restante?", "climate"},
		{"pt", "?", "O Reino Unido vai apoiar a proteção da floresta amazônica?", "climate"},
		{"el", "?", "Θα χρηματοδοτήσει η Βρετανία την προστασία των τροπικών δασών;", "climate"},
		{"sq", "?", "A do të financojë Britania mbrojtjen e pyjeve tropikale?", "climate"},
		// unchanged: a summit is still a summit
		{"el", "?", "Ποιος θα συμμετέχει στη σύνοδο κορυφής της Διαδικασίας του Βερολίνου;", "europe"},
	})
}

// TestTopicSixteenthRoundHumanitarianPause checks a humanitarian pause
// and international humanitarian law as Albanian, Portuguese and Greek
// write them ('pauzë humanitare', 'pausa humanitária', 'ανθρωπιστική
// παύση'; 'e drejta humanitare', 'direito internacional humanitário',
// 'διεθνές ανθρωπιστικό δίκαιο'): on the extra £20m aid release
// [middle-east, development] they are the region's politics, as
// English's, not aid ('humanitarian' alone had made them development's);
// a question on the aid's agencies stays development's.
func TestTopicSixteenthRoundHumanitarianPause(t *testing.T) {
	r, l := sharedLink(t, "2023-10-23-extra-20m-in-humanitarian-aid-doubles-uk-support", 0.9)
	cat := r.Catalogue()
	checkTopics(t, r.topics, cat, l, []topicCase{
		{"sq", "Ndihma shtesë", "A bëri Britania thirrje për pauzë humanitare në Gaza?", "middle-east"},
		{"pt", "Ajuda adicional", "O Reino Unido pediu uma pausa humanitária em Gaza?", "middle-east"},
		{"el", "Επιπλέον βοήθεια", "Ζήτησε η Βρετανία ανθρωπιστική παύση στη Γάζα;", "middle-east"},
		{"en", "Additional aid", "Has the UK called for a humanitarian pause in Gaza?", "middle-east"},
		{"sq", "Ndihma shtesë", "A e respekton Izraeli të drejtën humanitare ndërkombëtare?", "middle-east"},
		{"pt", "Ajuda", "Israel está a respeitar o direito internacional humanitário?", "middle-east"},
		{"el", "Βοήθεια", "Σέβεται το Ισραήλ το διεθνές ανθρωπιστικό δίκαιο;", "middle-east"},
		// unchanged
		{"sq", "Ndihma shtesë", "Përmes cilave agjenci shpërndahet ndihma humanitare shtesë?", "development"},
		{"pt", "Ajuda adicional", "Através de que agências será entregue a ajuda humanitária adicional?", "development"},
		{"el", "Επιπλέον βοήθεια", "Μέσω ποιων υπηρεσιών θα δοθεί η επιπλέον ανθρωπιστική βοήθεια;", "development"},
	})
}
