package mailparse

import (
	"strings"
	"testing"
)

// TestSplitWriterLineAfterClosing: a line after a closing that carries a
// deadline cue with a time or day, or a question, is what the sender
// wrote (issue 11); names, titles, outlets and contact lines stay the
// signature.
func TestSplitWriterLineAfterClosing(t *testing.T) {
	tests := []struct {
		name, text, newText, sig string
	}{
		{"german deadline after closing",
			"Gibt es eine Stellungnahme zum Besuch?\nVielen Dank!\nFrist: 14 Uhr.",
			"Gibt es eine Stellungnahme zum Besuch?\nVielen Dank!\nFrist: 14 Uhr.", ""},
		{"english deadline after closing",
			"Is there a line on the visit?\nThanks!\nDeadline: 2pm.",
			"Is there a line on the visit?\nThanks!\nDeadline: 2pm.", ""},
		{"english deadline after closing, then a name",
			"Is there a line on the visit?\n\nThanks!\nNeed it by 2pm\nJo",
			"Is there a line on the visit?\n\nThanks!\nNeed it by 2pm\nJo", ""},
		{"albanian deadline after closing",
			"A ka koment ministria?\n\nFaleminderit,\nAfati: ora 16:00",
			"A ka koment ministria?\n\nFaleminderit,\nAfati: ora 16:00", ""},
		{"french deadline after closing",
			"Une réaction du ministère ?\n\nMerci\nDélai : 18h",
			"Une réaction du ministère ?\n\nMerci\nDélai : 18h", ""},
		{"spanish deadline day after closing",
			"¿Hay algún comentario?\n\nGracias,\nPlazo: hoy 15:00",
			"¿Hay algún comentario?\n\nGracias,\nPlazo: hoy 15:00", ""},
		{"dutch closing phrase from data, deadline after it",
			"Is er een reactie?\n\nAlvast bedankt\nUiterlijk morgen",
			"Is er een reactie?\n\nAlvast bedankt\nUiterlijk morgen", ""},
		{"arabic question after closing",
			"نود الحصول على تعليق من الوزارة.\n\nشكرا،\nهل يمكن الرد اليوم؟",
			"نود الحصول على تعليق من الوزارة.\n\nشكرا،\nهل يمكن الرد اليوم؟", ""},
		{"question mark inside a line after closing",
			"One more thing.\n\nCheers\nCan you call? I am at my desk",
			"One more thing.\n\nCheers\nCan you call? I am at my desk", ""},

		// real signatures stay signatures
		{"german signature",
			"Gibt es eine Stellungnahme bis 14 Uhr?\n\nVielen Dank\nMax Muster\nRedaktion Außenpolitik\nTel. +49 30 1234567",
			"Gibt es eine Stellungnahme bis 14 Uhr?", "Vielen Dank\nMax Muster\nRedaktion Außenpolitik\nTel. +49 30 1234567"},
		{"office hours are a time without a cue",
			"Any comment by 4pm?\n\nKind regards,\nJo Bloggs\nNews desk, office hours 9am-5pm",
			"Any comment by 4pm?", "Kind regards,\nJo Bloggs\nNews desk, office hours 9am-5pm"},
		{"regulated by is a cue without a time",
			"Any comment by 4pm?\n\nRegards\nJo Bloggs\nExample Media Ltd, regulated by Ofcom",
			"Any comment by 4pm?", "Regards\nJo Bloggs\nExample Media Ltd, regulated by Ofcom"},
		{"a recurring deadline is the outlet's, not the enquiry's",
			"Any comment by 4pm?\n\nThanks,\nJo Bloggs\nNewsdesk deadline 6pm weekdays",
			"Any comment by 4pm?", "Thanks,\nJo Bloggs\nNewsdesk deadline 6pm weekdays"},
		{"albanian signature",
			"A ka koment deri në orën 16:00?\n\nMe respekt,\nArta Hoxha\nGazetare, Example TV\n+355 69 123 4567",
			"A ka koment deri në orën 16:00?", "Me respekt,\nArta Hoxha\nGazetare, Example TV\n+355 69 123 4567"},
		{"greek closing from data",
			"Υπάρχει σχόλιο;\n\nΕυχαριστώ,\nΜαρία Παπαδοπούλου\nΔημοσιογράφος",
			"Υπάρχει σχόλιο;", "Ευχαριστώ,\nΜαρία Παπαδοπούλου\nΔημοσιογράφος"},
		{"arabic closing with an arabic comma",
			"هل لدى الوزارة تعليق؟\n\nشكرا،\nأحمد علي\nصحفي، قناة المثال",
			"هل لدى الوزارة تعليق؟", "شكرا،\nأحمد علي\nصحفي، قناة المثال"},
		{"ukrainian closing from data",
			"Чи є коментар?\n\nЗ повагою,\nОлена Коваль\nРедакція",
			"Чи є коментар?", "З повагою,\nОлена Коваль\nРедакція"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, _, _, s := SplitTextWithSubject(tc.text, "")
			if n != tc.newText {
				t.Errorf("newText = %q\nwant      %q", n, tc.newText)
			}
			if s != tc.sig {
				t.Errorf("signature = %q\nwant        %q", s, tc.sig)
			}
		})
	}
}

// TestSplitReplyHeadersByLanguage: the reply header ("On … wrote:") of
// each language the desk reads quotes what follows it.
func TestSplitReplyHeadersByLanguage(t *testing.T) {
	tests := []struct{ lang, header string }{
		{"en", "On Thu, 12 Oct 2023 at 18:05, Press Desk <desk@example.org> wrote:"},
		{"de", "Am Do., 12. Okt. 2023 um 18:05 Uhr schrieb Pressestelle <desk@example.org>:"},
		{"fr", "Le jeu. 12 oct. 2023 à 18:05, Service de presse <desk@example.org> a écrit :"},
		{"es", "El jue, 12 oct 2023 a las 18:05, Prensa (<desk@example.org>) escribió:"},
		{"it", "Il giorno gio 12 ott 2023 alle ore 18:05 Ufficio stampa <desk@example.org> ha scritto:"},
		{"pt", "Em qui., 12 de out. de 2023 às 18:05, Imprensa <desk@example.org> escreveu:"},
		{"nl", "Op do 12 okt 2023 om 18:05 schreef Persdienst <desk@example.org>:"},
		{"pl", "W dniu czw., 12.10.2023 o 18:05 Biuro Prasowe <desk@example.org> napisał(a):"},
		{"ru", "12.10.2023 18:05, Пресс-служба <desk@example.org> написал(а):"},
		{"ru gmail, no verb", "чт, 12 окт. 2023 г. в 18:05, Пресс-служба <desk@example.org>:"},
		{"ru gmail wrapped", "чт, 12 окт. 2023 г. в 18:05, Пресс-служба\n<desk@example.org>:"},
		{"ru thunderbird", "12.10.2023 18:05, Пресс-служба пишет:"},
		{"uk", "чт, 12 жовт. 2023 о 18:05 Пресслужба <desk@example.org> написав:"},
		{"uk feminine", "12.10.2023 18:05, Олена Коваль <desk@example.org> написала:"},
		{"uk gmail", "чт, 12 жовт. 2023 р. о 18:05 Пресслужба <desk@example.org> пише:"},
		{"tr", "Basın Ofisi <desk@example.org>, 12 Eki 2023 Per, 18:05 tarihinde şunu yazdı:"},
		{"el", "Στις Πέμ 12 Οκτ 2023 στις 6:05 μ.μ., ο/η Γραφείο Τύπου <desk@example.org> έγραψε:"},
		{"sr", "čet, 12. okt 2023. u 18:05 Služba za medije <desk@example.org> je napisao/la:"},
		{"hr", "Dana 12. 10. 2023. u 18:05 Ured za medije <desk@example.org> napisala je:"},
		{"sr cyrillic", "чет, 12. окт 2023. у 18:05 Служба <desk@example.org> је написао:"},
		{"sq", "Më enj, 12 tet 2023 në 18:05, Zyra e Shtypit <desk@example.org> shkroi:"},
		{"ar", "في الخميس، 12 أكتوبر 2023 في 6:05 م، كتب المكتب الصحفي <desk@example.org>:"},
		{"ar verb first", "كتب المكتب الصحفي <desk@example.org> في 12/10/2023 18:05:"},
	}
	const newText = "Follow-up."
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			for _, body := range []string{"> earlier text\n> by 16:00\n", "earlier text\nby 16:00\n"} {
				n, q, _, _ := SplitTextWithSubject(newText+"\n\n"+tc.header+"\n"+body, "")
				if n != newText {
					t.Errorf("newText = %q, want %q", n, newText)
				}
				if !strings.Contains(q, tc.header) || !strings.Contains(q, "by 16:00") {
					t.Errorf("quoted = %q, want the header and what follows", q)
				}
			}
		})
	}
	// the sender's own sentence naming someone's writing is not a header
	for _, text := range []string{
		"Der Minister schrieb gestern:\nWir handeln.",
		"Ministri shkroi dje:\nDo të veprojmë.",
		"كتب الوزير أمس:\nسنتحرك.",
		"Bitte bis 14:00 an <max@example.de>:\nText folgt.",
	} {
		if n, q, _, _ := SplitTextWithSubject(text, ""); n != text || q != "" {
			t.Errorf("%q: new %q, quoted %q", text, n, q)
		}
	}
}
