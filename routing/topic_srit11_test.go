package routing

import "testing"

// TestVocabSerbianItalianFamilies checks the Serbian/Bosnian/Croatian
// (Latin and Cyrillic, in their cases) and Italian words of the eleventh
// session's audit: the region's politics in Serbian (the EU as 'unija',
// membership, chapters, enlargement, relations, recognition, tensions,
// secession, a political or constitutional crisis, the Serbs), the armed
// forces' and trade's words both languages lacked (a contingent, threats,
// aircraft, deterrence, espionage; imports, investors, tariffs, markets,
// customs) and the settlements of the West Bank in Italian.
func TestVocabSerbianItalianFamilies(t *testing.T) {
	checkReadings(t, "sr", []readingCase{
		{[]string{"unija", "unije", "uniji", "унија", "уније"}, "union", nil},
		{[]string{"članstvo", "clanstva", "чланство"}, "membership", nil},
		{[]string{"poglavlja", "poglavlje"}, "chapter", nil},
		{[]string{"proširenje", "prosirenja"}, "enlargement", nil},
		{[]string{"odnosi", "odnosa", "odnosima", "односи"}, "relations", nil},
		{[]string{"priznanje", "priznanja", "priznavanje"}, "recognition", nil},
		{[]string{"tenzije", "tenzija", "tenzijama"}, "tensions", nil},
		{[]string{"secesija", "secesiji", "сецесија"}, "secession", nil},
		{[]string{"krizu", "kriza", "krize", "кризу"}, "crisis", nil},
		{[]string{"političku", "politicka", "političke"}, "political", nil},
		{[]string{"Srbi", "Srba", "Srbima"}, "Serbs", nil},
		{[]string{"sigurnosne", "sigurnosnih"}, "security", nil},
		{[]string{"zrakoplovi", "zrakoplova"}, "aircraft", nil},
		{[]string{"pretnja", "pretnje", "prijetnja", "претња"}, "threat", nil},
		{[]string{"kontingent", "kontingenta", "контингент"}, "troops", nil},
		{[]string{"uvoz", "uvoza", "увоз"}, "imports", nil},
		{[]string{"investitori", "investitora"}, "investors", nil},
		{[]string{"tarife", "tarifa"}, "tariffs", nil},
		{[]string{"tržište", "trzista", "тржиште"}, "market", nil},
		{[]string{"pasoš", "pasoša", "pasoše"}, "passport", nil},
		{[]string{"deportovani", "deportovano"}, "deported", nil},
	})
	checkReadings(t, "it", []readingCase{
		{[]string{"contingente", "contingenti"}, "troops", nil},
		{[]string{"razzi", "razzo"}, "missiles", nil},
		{[]string{"minaccia", "minacce"}, "threat", nil},
		{[]string{"deterrenza"}, "deterrence", nil},
		{[]string{"spionaggio"}, "espionage", nil},
		{[]string{"investitori", "investitore"}, "investors", nil},
		{[]string{"importazioni"}, "imports", nil},
		{[]string{"mercato"}, "market", nil},
		{[]string{"doganali", "doganale"}, "customs", nil},
		{[]string{"insediamenti", "insediamento"}, "settlements", nil},
		{[]string{"adesione"}, "accession", nil},
		{[]string{"relazioni"}, "relations", nil},
	})
}

// TestTopicSerbianItalianFamilies checks the families above in questions
// of our own with no release linked: sanctions on Dodik after the
// secession law are Bosnia's political crisis, not the sanctions desk's;
// tensions and recognition are Kosovo's; investors, the market and
// imports are trade's; a free trade agreement is trade's; the shadow
// fleet, military spending and deterrence are security's.
func TestTopicSerbianItalianFamilies(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"hr", "BiH", "Podržava li Velika Britanija nove sankcije Dodiku nakon zakona o secesiji Republike Srpske? Kako London vidi političku krizu?", "europe"},
		{"sr", "Kosovo", "Kako London vidi tenzije na severu Kosova i pitanje priznanja Kosova od strane pet članica Evropske unije?", "europe"},
		{"it", "Commercio", "Ci sono nuovi investitori britannici sul mercato italiano e quali sono le importazioni dal Regno Unito?", "trade"},
		{"it", "Accordo", "Quando sarà firmato l'accordo di libero scambio tra Regno Unito e India?", "trade"},
		{"it", "Flotta ombra", "Quante petroliere della flotta ombra russa sono state sanzionate dal Regno Unito?", "security"},
		{"it", "Difesa", "Il governo britannico aumenterà le spese militari e quali minacce giustificano la deterrenza nucleare?", "security"},
	})
}

// TestVocabSerbianItalianPlaceNames checks the region's places as Serbian
// and Italian write them, in their cases, where the name's own spelling
// does not meet the English one (Serbian 'Rumunije', 'Švajcarske',
// 'Češke', 'u Dohi', 'u Abu Dabiju', 'u Tel Avivu'; Italian 'Croazia',
// 'Svizzera', 'Repubblica Ceca', 'Paesi Bassi', 'Atene', 'Zagabria'), and
// Albanian 'Tel Avivit'.
func TestVocabSerbianItalianPlaceNames(t *testing.T) {
	checkReadings(t, "sr", []readingCase{
		{[]string{"Rumunije", "Rumuniji", "Румуније"}, "Romania", nil},
		{[]string{"Švajcarske", "Svajcarskoj"}, "Switzerland", nil},
		{[]string{"Češke", "Češkoj", "Чешке"}, "Czechia", nil},
		{[]string{"Danske", "Danskoj"}, "Denmark", nil},
		{[]string{"Švedske", "Švedskoj"}, "Sweden", nil},
		{[]string{"Norveške", "Norveškoj"}, "Norway", nil},
		{[]string{"Letonije", "Letoniji"}, "Latvia", nil},
		{[]string{"Litvanije", "Litvaniji"}, "Lithuania", nil},
		{[]string{"Islanda", "Islandu"}, "Iceland", nil},
		{[]string{"Moldavije", "Moldaviji"}, "Moldova", nil},
		{[]string{"Bugarske", "Bugarskoj"}, "Bulgaria", nil},
		{[]string{"Irske", "Irskoj"}, "Ireland", nil},
		{[]string{"Belgije", "Belgiji"}, "Belgium", nil},
		{[]string{"Finske", "Finskoj"}, "Finland", nil},
		{[]string{"Emirata", "Emiratima"}, "UAE", nil},
		{[]string{"Maroka", "Maroku"}, "Morocco", nil},
		{[]string{"Alžira", "Alžiru"}, "Algeria", nil},
		{[]string{"Dohi", "Dohe"}, "Doha", nil},
		{[]string{"Dabiju"}, "Dhabi", nil},
		{[]string{"Avivu", "Авиву"}, "Aviv", nil},
	})
	checkReadings(t, "it", []readingCase{
		{[]string{"Croazia", "croato", "croati"}, "Croatia", nil},
		{[]string{"Svizzera", "svizzeri"}, "Switzerland", nil},
		{[]string{"Ceca", "ceche"}, "Czechia", nil},
		{[]string{"Svezia", "svedese"}, "Sweden", nil},
		{[]string{"Norvegia", "norvegese"}, "Norway", nil},
		{[]string{"Lettonia", "lettone"}, "Latvia", nil},
		{[]string{"Islanda"}, "Iceland", nil},
		{[]string{"Belgio", "belga"}, "Belgium", nil},
		{[]string{"Olanda", "olandese"}, "Netherlands", nil},
		{[]string{"Atene"}, "Athens", nil},
		{[]string{"Zagabria"}, "Zagreb", nil},
		{[]string{"Lubiana"}, "Ljubljana", nil},
	})
	checkReadings(t, "sq", []readingCase{{[]string{"Avivit", "Avivin"}, "Aviv", nil}})
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"sr", "Pitanje", "Kakav je stav Velike Britanije prema rezultatima izbora i novoj vladi Rumunije?", "europe"},
		{"sr", "Pitanje", "Kakav je stav Velike Britanije prema rezultatima izbora i novoj vladi Ujedinjenih Arapskih Emirata?", "middle-east"},
		{"it", "Domanda", "Qual è la posizione del Regno Unito sui risultati delle elezioni e sul nuovo governo in Croazia?", "europe"},
		{"it", "Domanda", "Qual è la posizione del Regno Unito sui risultati delle elezioni e sul nuovo governo nei Paesi Bassi?", "europe"},
	})
}

// TestTopicInternationalProtection checks that international protection,
// the asylum systems' own name for asylum, is asylum in Albanian, Serbian
// and Italian ('mbrojtje ndërkombëtare', 'međunarodna zaštita',
// 'protezione internazionale'), in its cases: no longer the defence of
// 'mbrojtje' nor the country named beside it.
func TestTopicInternationalProtection(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"sq", "Pyetje", "Sa shqiptarë kanë kërkuar mbrojtje ndërkombëtare në Britani vitin e kaluar?", "migration"},
		{"sq", "Pyetje", "Sa kosovarë kanë marrë mbrojtjen nderkombetare në Mbretërinë e Bashkuar?", "migration"},
		{"sr", "Pitanje", "Koliko državljana Srbije je zatražilo međunarodnu zaštitu u Britaniji prošle godine?", "migration"},
		{"hr", "Pitanje", "Koliko je osoba dobilo međunarodnu zaštitu u Ujedinjenom Kraljevstvu?", "migration"},
		{"it", "Domanda", "Quanti albanesi hanno chiesto la protezione internazionale nel Regno Unito?", "migration"},
	})
}

// TestTopicTraffickingInPeople checks that trafficking in human beings is
// people smuggling, not trade, though its first word is trade's in each
// language ('trgovina ljudima', 'tregtia e qenieve njerëzore', 'tratta di
// esseri umani'), in its cases; trade in goods stays trade's.
func TestTopicTraffickingInPeople(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"bs", "Pitanje", "Koliko je slučajeva trgovine ljudima otkriveno na ruti prema Britaniji?", "migration"},
		{"sr", "Pitanje", "Kako Britanija sarađuje sa Srbijom u borbi protiv trgovine ljudima i krijumčarenja ljudi?", "migration"},
		{"sq", "Pyetje", "Si po bashkëpunon Britania me Shqipërinë kundër tregtisë së qenieve njerëzore drejt Anglisë?", "migration"},
		{"sq", "Pyetje", "Sa viktima të tregtisë me qenie njerëzore janë identifikuar mes shqiptarëve në Britani?", "migration"},
		{"it", "Tratta", "Come collabora il Regno Unito contro la tratta di esseri umani nel Mediterraneo?", "migration"},
		{"sr", "Trgovina", "Kolika je bila trgovinska razmena Srbije i Britanije prošle godine?", "trade"},
	})
}
