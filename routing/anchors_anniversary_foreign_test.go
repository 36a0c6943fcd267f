package routing

import (
	"slices"
	"testing"
	"time"
)

// TestDateAnchorsForeignAnniversary: "n years since" and "the n-th
// anniversary" in Albanian, Portuguese and Greek name the days around the
// day n years before the email, as in English (mldev9 020, Albanian: "Për
// 10-vjetorin e marrëveshjes", subject "10 vjet nga Marrëveshja", asked on
// the anniversary of the 2013 agreement, p 0.004 -> 0.99); look-alikes
// name none.
func TestDateAnchorsForeignAnniversary(t *testing.T) {
	d0 := dayOf(time.Date(2024, 6, 5, 9, 0, 0, 0, time.UTC), time.UTC)
	around := func(y int) []dayRange {
		c := dayOf(time.Date(y, 6, 5, 0, 0, 0, 0, time.UTC), time.UTC)
		return []dayRange{{from: c - anniversaryWindow, to: c + anniversaryWindow, anniversary: true}}
	}
	for _, c := range []struct {
		lang, text string
		want       []dayRange
	}{
		{"sq", "Po shkruajmë për 5-vjetorin e takimit në Ohër.", around(2019)},
		{"sq", "Kanë kaluar 5 vjet nga nënshkrimi i deklaratës.", around(2019)},
		{"sq", "Raporti vjetor doli dje, me 5 faqe.", nil},
		{"sq", "Ai u dënua me 5 vjet burg.", nil},
		{"pt", "Passaram 5 anos desde a assinatura do acordo de Ohrid.", around(2019)},
		{"pt", "Preparamos uma peça sobre o 5.º aniversário da declaração.", around(2019)},
		{"pt", "Foi condenado a 5 anos de prisão.", nil},
		{"el", "Συμπληρώνονται 5 χρόνια από την υπογραφή της συμφωνίας.", around(2019)},
		{"el", "Ετοιμάζουμε αφιέρωμα για την 5η επέτειο της διακήρυξης.", around(2019)},
		{"el", "Ο πρέσβης υπηρέτησε 5 χρόνια στην Αθήνα.", nil},
	} {
		var tz tokenizer
		tz.tokenize(c.text)
		got := dateAnchors(&tz, d0, nil, vocabFor(c.lang))
		var ann []dayRange
		for _, a := range got {
			if a.anniversary {
				ann = append(ann, a)
			}
		}
		if !slices.Equal(ann, c.want) {
			t.Errorf("%s %q: anniversary anchors %v, want %v (all %v)", c.lang, c.text, ann, c.want, got)
		}
	}
}

// TestLinkForeignAnniversary: an Albanian anniversary piece on the
// agreement the Foreign Secretary welcomed ten years before, which also
// asks how the UK sees it "today", is about that release.
func TestLinkForeignAnniversary(t *testing.T) {
	in := Input{Subject: "10 vjet nga marrëveshja Borduria–Syldavia", Language: "sq",
		NewText: "Për 10-vjetorin e marrëveshjes së Brukselit mes Bordurisë dhe Syldavisë, të cilën Sekretari i Jashtëm e përshëndeti, " +
			"a mund të na jepni një koment si e sheh sot Mbretëria e Bashkuar zbatimin e saj?",
		Date: at3339(t, "2023-04-19T09:05:00Z")}
	if l := agreementCatalogue().Link(&in); l.Release != "welcome" {
		t.Errorf("linked %q (%.2f, %s), want welcome", l.Release, l.Score, l.Detail)
	}
}
