package routing

import "testing"

// TestTopicAidWordsInEveryLanguage checks the aid family's contextual
// words (partners, programmes, donors, funds: topiclex.yaml's
// development contextual list) read in the languages whose vocabularies
// lacked them: on the £20m humanitarian aid release [middle-east,
// development], how the money reaches Gaza and through which partners is
// the aid desk's question in Arabic as in English (the convention: aid
// money -> development); a question on the strikes stays the region's.
// Sentences of our own, written before the change.
func TestTopicAidWordsInEveryLanguage(t *testing.T) {
	const aid = "2023-10-23-extra-20m-in-humanitarian-aid-doubles-uk-support" // middle-east, development
	r, l := sharedLink(t, aid, 0.97)
	checkTopics(t, r.topics, r.Catalogue(), l, []topicCase{
		{"en", "?", "How will the money be delivered, and through which UN partners?", "development"},
		{"ar", "?", "كيف سيتم إيصال هذه الأموال إلى غزة، ومن خلال أي شركاء في الأمم المتحدة؟", "development"},
		{"fr", "?", "Quelles agences recevront les 20 millions de livres, et quelle part ira à la nourriture et aux médicaments ?", "development"},
		{"tr", "?", "20 milyon sterlin hangi kuruluşlara verilecek ve ne kadarı gıda ve ilaç için?", "development"},
		{"el", "?", "Ποιοι οργανισμοί θα λάβουν τα 20 εκατομμύρια λίρες και πόσα είναι για τρόφιμα και φάρμακα;", "development"},
		{"sq", "?", "Cilat agjenci do të marrin 20 milionë paundët dhe sa prej tyre janë për ushqim dhe ilaçe?", "development"},
		// unchanged: the region's story
		{"en", "?", "Has the Foreign Secretary spoken to Israel about the strikes on Gaza?", "middle-east"},
	})
}
