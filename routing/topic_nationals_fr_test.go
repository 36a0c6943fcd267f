package routing

import "testing"

// TestTopicLinkedNationalsFrEsDeNlPl checks the French, Spanish, German, Dutch
// and Polish words for British
// nationals caught up abroad, the armed forces and aid money on a linked
// Middle East release that carries a second topic (British nationals ->
// consular, troops -> security, aid money -> development), as the
// Portuguese, Greek and Italian ones are (TestTopicLinkedNationalsLang):
// Britons as a noun ('combien de Britanniques', 'les Britanniques'),
// stranded, trapped and kidnapped in every inflection ('bloqués',
// 'coincée', 'piégés', 'enlevés'), hostages who are British ('otages
// britanniques'), dual nationality with and without accents, passport
// holders; special forces, warships ('bâtiments de guerre'), marines;
// NGOs, the Red Cross and Red Crescent, the World Food Programme,
// contributions disbursed. Questions on the region's own story stay with
// the release's first topic. Spanish and German: 'rehenes británicos', 'cuántos
// británicos', 'atrapados', 'cautiverio', 'fuerzas especiales', 'Cruz Roja',
// 'desembolsado'; 'britische Geiseln', 'sitzen fest', 'Gefangenschaft',
// 'Spezialkräfte', 'Matrosen', 'Rotes Kreuz',
// 'Welternährungsprogramm', 'ausgezahlt'. Dutch and Polish: 'Britse gijzelaar(s)',
// 'gevangenschap', 'speciale eenheden', 'mariniers', 'matrozen', 'Rode Kruis',
// 'uitbetaald'; 'brytyjskich zakładników', 'niewoli', 'siły specjalne',
// 'marynarzy', 'Czerwonego Krzyża', 'organizacji pozarządowych', 'wypłacone'.
func TestTopicLinkedNationalsFrEsDeNlPl(t *testing.T) {
	type group struct {
		rel   string
		cases []topicCase
	}
	for _, g := range []group{
		{"2023-12-01-pm-meeting-with-egyptian-president-abdel-fattah", []topicCase{
			{"es", "Británicos atrapados", "¿Cuántos británicos siguen atrapados en la Franja de Gaza? ¿Cuándo podrán salir por Rafah?", "consular"},
			{"fr", "Britanniques bloqués à Gaza", "Combien de Britanniques sont-ils encore bloqués dans la bande de Gaza ? Quand les ressortissants britanniques qui veulent quitter Gaza pourront-ils passer par Rafah ?", "consular"},
			{"fr", "Double nationalité", "Les Britanniques ayant la double nationalite peuvent-ils quitter Gaza avec leur famille ?", "consular"},
			{"fr", "Trêve", "Le Premier ministre a-t-il parlé avec al-Sissi de la reprise des combats et d'une nouvelle pause humanitaire ?", "middle-east"},
		}},
		{"2023-10-17-pm-call-with-the-amir-of-qatar-sheikh-tamim-bin", []topicCase{
			{"nl", "Britse gijzelaars", "Over het telefoongesprek met de emir van Qatar: worden er Britse gijzelaars vastgehouden door Hamas?", "consular"},
			{"pl", "Brytyjscy zakładnicy", "W sprawie rozmowy z emirem Kataru: czy Hamas przetrzymuje brytyjskich zakładników?", "consular"},
			{"nl", "Bemiddeling Qatar", "Heeft de premier Qatar gevraagd zijn invloed op Hamas te gebruiken voor de vrijlating van de gijzelaars?", "middle-east"},
			{"es", "Rehenes británicos", "Sobre la llamada con el emir de Catar: ¿hay rehenes británicos en manos de Hamás?", "consular"},
			{"de", "Britische Geiseln", "Zum Telefonat mit dem Emir von Katar: Befinden sich britische Geiseln in der Gewalt der Hamas?", "consular"},
			{"es", "Mediación de Catar", "¿Pidió el primer ministro a Catar que use su influencia sobre Hamás para liberar a los rehenes?", "middle-east"},
			{"fr", "Question", "Au sujet de l'entretien avec l'émir du Qatar : y a-t-il des otages britanniques détenus par le Hamas ? Combien de Britanniques sont portés disparus ?", "consular"},
			{"fr", "Médiation du Qatar", "Le Premier ministre a-t-il demandé au Qatar d'user de son influence auprès du Hamas pour la libération des otages ?", "middle-east"},
		}},
		{"2024-08-20-pm-call-with-prime-minister-netanyahu-of-israel", []topicCase{
			{"nl", "Britse gijzelaar", "Na de dood van de Britse gijzelaar: zijn er nog Britse burgers in gevangenschap in Gaza?", "consular"},
			{"pl", "Brytyjski zakładnik", "Po śmierci brytyjskiego zakładnika: czy w niewoli w Gazie są jeszcze obywatele brytyjscy?", "consular"},
			{"es", "Rehén británico", "Tras la muerte del rehén británico, ¿quedan ciudadanos británicos en cautiverio en Gaza?", "consular"},
			{"de", "Britische Geisel", "Nach dem Tod der britischen Geisel: Befinden sich noch britische Staatsbürger in Gefangenschaft in Gaza?", "consular"},
			{"fr", "Otage britannique", "Après la mort de l'otage britannique, reste-t-il des ressortissants britanniques en captivité à Gaza ?", "consular"},
		}},
		{"2023-10-13-rishi-sunak-call-with-prime-minister-netanyahu", []topicCase{
			{"nl", "Speciale eenheden", "Zijn er Britse speciale eenheden naar de regio gestuurd? Hoeveel mariniers en matrozen staan paraat?", "security"},
			{"pl", "Siły specjalne", "Czy do regionu wysłano brytyjskie siły specjalne? Ilu marynarzy jest w gotowości?", "security"},
			{"es", "Fuerzas especiales", "¿Se han enviado fuerzas especiales británicas a la región? ¿Cuántos marineros están en alerta?", "security"},
			{"de", "Spezialkräfte", "Wurden britische Spezialkräfte in die Region entsandt? Wie viele Matrosen sind in Bereitschaft?", "security"},
			{"fr", "Forces spéciales", "Des forces spéciales britanniques ont-elles été envoyées dans la région ? Les marins et les fusiliers marins sont-ils en alerte ?", "security"},
		}},
		{"2023-12-05-pm-call-with-prime-minister-netanyahu-of-israel", []topicCase{
			{"fr", "Présence militaire", "Le ministère de la Défense maintient-il ses bâtiments de guerre et ses moyens aériens dans la région ?", "security"},
		}},
		{"2023-10-16-uk-announces-10-million-humanitarian-aid-for", []topicCase{
			{"pl", "Pomoc", "Ile trafi do Czerwonego Krzyża, Światowego Programu Żywnościowego i organizacji pozarządowych? Czy środki zostały już wypłacone?", "development"},
			{"nl", "Middelen", "Hoeveel gaat naar het Rode Kruis en het Wereldvoedselprogramma? Zijn de middelen al uitbetaald?", "development"},
			{"es", "Fondos", "¿Cuánto irá a la Cruz Roja, al Programa Mundial de Alimentos y a las ONG? ¿Ya se han desembolsado los fondos?", "development"},
			{"de", "Mittel", "Wie viel geht an das Rote Kreuz, das Welternährungsprogramm und Nichtregierungsorganisationen? Wurden die Mittel schon ausgezahlt?", "development"},
			{"fr", "Contribution britannique", "La contribution britannique sera-t-elle décaissée via les agences de l'ONU ou des organisations non gouvernementales ?", "development"},
		}},
		{"2023-10-23-extra-20m-in-humanitarian-aid-doubles-uk-support", []topicCase{
			{"fr", "Dons", "Combien le Royaume-Uni a-t-il déjà déboursé pour Gaza ? Les dons passent-ils par le Croissant-Rouge égyptien ?", "development"},
			{"fr", "Britanniques coincés", "Combien de ressortissants britanniques restent coincés à Gaza et quelle assistance consulaire leur est apportée ?", "consular"},
		}},
	} {
		r, l := sharedLink(t, g.rel, 0.9)
		checkTopics(t, r.topics, r.Catalogue(), l, g.cases)
	}
}
