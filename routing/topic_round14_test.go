package routing

import "testing"

// TestTopicFourteenthRoundWords checks the words a probe of our own
// (questions journalists writing Portuguese, Albanian and Greek ask about
// each of the desk's topics, with and without accents) found the topic
// matcher lacking, each read as English already reads it: Portuguese
// deported, immigrants, the Berlin Process, repatriation flights (the
// consular desk's, not the returns the linker reads in 'repatriamento'),
// fossil fuels, deforestation and a British woman or man who died;
// Albanian migration written 'emigracion-' in every case form, travel
// advice with 'për', a British journalist kidnapped; Greek fossil fuels
// in the nominative and genitive and a British man who died. The last
// rows are what must not change.
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
		// unchanged: the story's own words still decide
		{"pt", "?", "Quantos mortos houve nos bombardeamentos em Gaza?", "middle-east"},
		{"pt", "?", "O Reino Unido vai repatriar migrantes para o Brasil?", "migration"},
		{"sq", "?", "Sa shqiptarë janë kthyer nga Mbretëria e Bashkuar këtë vit?", "europe"},
		{"el", "?", "Πόσοι πέθαναν στους βομβαρδισμούς στη Γάζα;", "middle-east"},
		{"el", "?", "Μπορώ να κλείσω συνέντευξη με τον πρέσβη στην Αθήνα;", "general"},
	})
}
