package mailparse

import (
	"strings"
	"testing"
)

// TestSplitBCSGreekOutlook: Outlook's "original message" and "forwarded
// message" separators and its From/Sent/To/Subject block as Croatian,
// Serbian (both scripts), Bosnian and Greek Outlook write them: what
// follows is the earlier mail, not the new text (its deadline is the old
// one).
func TestSplitBCSGreekOutlook(t *testing.T) {
	for _, c := range []struct{ name, text, newText, rest string }{
		{"hr original", "Rok je sada sutra do 12 sati.\n\n-----Izvorna poruka-----\nOd: Ivana <i@example.hr>\nPoslano: srijeda, 18. listopada 2023. 09:00\nZa: newsdesk@example.gov.uk\nPredmet: Upit\n\nTrebam odgovor danas do 16 sati.\n",
			"Rok je sada sutra do 12 sati.", "danas do 16 sati"},
		{"sr original", "Novi rok: sutra do 11.\n\n-----Originalna poruka-----\nOd: Marko <m@example.rs>\nPoslato: sreda, 18. oktobar 2023. 09:00\nZa: newsdesk@example.gov.uk\nPredmet: Upit\n\nOdgovor do 15h.\n",
			"Novi rok: sutra do 11.", "Odgovor do 15h."},
		{"sr cyrillic original", "Нови рок: сутра до 11 часова.\n\n-----Оригинална порука-----\nОд: Марко <m@example.rs>\nПослато: среда, 18. октобар 2023. 09:00\nЗа: newsdesk@example.gov.uk\nПредмет: Упит\n\nОдговор до 15 часова.\n",
			"Нови рок: сутра до 11 часова.", "Одговор до 15 часова."},
		{"greek original", "Τελικά αύριο στις 12:00.\n\n-----Αρχικό μήνυμα-----\nΑπό: Μαρία <m@example.gr>\nΣτάλθηκε: Τετάρτη, 18 Οκτωβρίου 2023 09:00\nΠρος: newsdesk@example.gov.uk\nΘέμα: Ερώτηση\n\nΜέχρι τις 15:00.\n",
			"Τελικά αύριο στις 12:00.", "Μέχρι τις 15:00."},
		{"greek header block alone", "Ευχαριστώ, περιμένω.\n\nΑπό: Μαρία <m@example.gr>\nΣτάλθηκε: Τετάρτη, 18 Οκτωβρίου 2023 09:00\nΠρος: newsdesk@example.gov.uk\nΘέμα: Ερώτηση\n\nΜέχρι τις 15:00.\n",
			"Ευχαριστώ, περιμένω.", "Μέχρι τις 15:00."},
		{"sr header block alone", "Hvala, čekam odgovor.\n\nOd: Marko <m@example.rs>\nPoslato: sreda, 18. oktobar 2023. 09:00\nZa: newsdesk@example.gov.uk\nPredmet: Upit\n\nOdgovor do 15h.\n",
			"Hvala, čekam odgovor.", "Odgovor do 15h."},
		{"bs forwarded", "Prosljeđujem.\n\n-----Proslijeđena poruka-----\nOd: Amra <a@example.ba>\nPoslano: srijeda, 18. oktobra 2023. 09:00\nZa: x@example.ba\nPredmet: Upit\n\nDo 15h.\n",
			"Prosljeđujem.", "Do 15h."},
	} {
		t.Run(c.name, func(t *testing.T) {
			nt, q, f, _ := SplitTextWithSubject(c.text, "")
			if strings.TrimSpace(nt) != c.newText {
				t.Errorf("new text %q, want %q", nt, c.newText)
			}
			if !strings.Contains(q+f, c.rest) {
				t.Errorf("quoted %q forwarded %q: want %q in them", q, f, c.rest)
			}
		})
	}
	// a line of the writer's own that opens with "Za:" or "Predmet:" is
	// no header block without a From line before it
	nt, _, _, _ := SplitTextWithSubject("Predmet: vize.\nZa: ambasadu.\nOdgovor do 15h.\n", "")
	if !strings.Contains(nt, "Odgovor do 15h.") {
		t.Errorf("new text %q lost the writer's line", nt)
	}
}
