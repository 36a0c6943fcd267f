package routing

import (
	"strings"
	"testing"
)

// TestTopicWordInsideOtherFamilysPhrase checks, with no release linked,
// that a functional desk's word inside a longer phrase of another family
// is that phrase's, specific word or keyword alike: "exports" in "arms
// exports" and "export" in "arms export licences" are the armed forces',
// no trade; "export controls" are sanctions'; "aid" in "military aid" is
// no aid and development — in English and as Italian, Albanian and
// Serbian write them. Exports on their own, beside tariffs or trade talks,
// stay trade's, and British International Investment stays aid's.
func TestTopicWordInsideOtherFamilysPhrase(t *testing.T) {
	_, r := sharedRouter(t)
	checkTopics(t, r.topics, r.Catalogue(), Link{}, []topicCase{
		{"", "Question", "Has the UK changed its rules on arms exports?", "security"},
		{"", "Question", "How many arms export licences were refused last year?", "security"},
		{"", "Export controls", "Is the government tightening export controls on dual-use goods to Russia?", "security"},
		{"", "Military aid", "Is the UK increasing military aid to Ukraine this year?", "security"},
		{"it", "Domanda", "Il governo britannico ha cambiato le regole sulle esportazioni di armi?", "security"},
		{"sq", "Pyetje", "A ka ndryshuar Britania rregullat për eksportet e armëve?", "security"},
		{"sr", "Pitanje", "Da li je Britanija promenila pravila o izvozu oružja?", "security"},
		// exports asked about as trade stay trade's
		{"", "Exports", "How much have UK exports to India grown since the trade talks began?", "trade"},
		{"", "Steel", "What tariffs apply to British steel exports to the US?", "trade"},
		{"it", "Export", "Quanto sono cresciute le esportazioni britanniche verso l'India?", "trade"},
		{"sq", "Eksportet", "Sa janë rritur eksportet britanike drejt Shqipërisë?", "trade"},
		{"sr", "Izvoz", "Koliko je porastao britanski izvoz u Srbiju?", "trade"},
		{"", "BII", "Will British International Investment fund new projects in Kenya?", "development"},
	})
}

// TestTopicContextualAsWritten checks, with no release linked, that a
// functional family's contextual word meets only its own inflections, no
// derivation of its root: "organised crime" is no aid "organisations"
// (with the money beside it, the two made aid's cluster); the
// organisations and programmes that distribute the money still are.
func TestTopicContextualAsWritten(t *testing.T) {
	_, r := sharedRouter(t)
	cat := r.Catalogue()
	for _, text := range []string{
		"How much money does the UK spend against organised crime in Albania?",
		"Which organisations fight organised crime in the Balkans?",
	} {
		in := Input{Subject: "Question", NewText: text}
		if got := r.topics.Choose(&in, Link{}, cat); strings.Contains(got.Reason, `"organisations"`) {
			t.Errorf("%q: topic %q (%s): 'organised' read as aid's organisations", text, got.Topic, got.Reason)
		}
	}
	checkTopics(t, r.topics, cat, Link{}, []topicCase{
		{"", "Question", "Which organisations will distribute the money, and through which programmes?", "development"},
	})
}
