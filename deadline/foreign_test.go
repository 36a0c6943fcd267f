package deadline

import (
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/lang"
)

const none = ""

// foreignCases are sentences of our own (not from the multilingual set),
// sent Wednesday 18 October 2023 10:00 in London (BST); the fuzzer starts
// from them too.
var foreignCases = []struct {
	lang, text, want string
}{
	// German
	{"de", "Könnten Sie mir bis 14 Uhr antworten?", "2023-10-18T14:00:00+01:00"},
	{"de", "Ich bräuchte die Antwort bis morgen 12 Uhr.", "2023-10-19T12:00:00+01:00"},
	{"de", "Unsere Frist ist 16:00 MEZ.", "2023-10-18T16:00:00+01:00"},
	{"de", "Eine kurze Stellungnahme bis Freitag wäre toll.", "2023-10-20T17:00:00+01:00"},
	{"de", "Die Pressekonferenz beginnt um 15 Uhr.", none},
	// French
	{"fr", "Pourriez-vous me répondre avant 18h ?", "2023-10-18T18:00:00+01:00"},
	{"fr", "Merci de répondre avant 18h heure de Paris.", "2023-10-18T17:00:00+01:00"},
	{"fr", "J'aurais besoin d'une réponse d'ici demain midi.", "2023-10-19T12:00:00+01:00"},
	{"fr", "La conférence de presse est à 15h.", none},
	// Spanish
	{"es", "¿Podrían responder antes de las 15:00?", "2023-10-18T15:00:00+01:00"},
	{"es", "Necesito la respuesta antes de las 15:00 hora de Madrid.", "2023-10-18T14:00:00+01:00"},
	{"es", "Cierro la nota mañana a las 11:00.", none},
	// Italian
	{"it", "Mi servirebbe una risposta entro le 17.", "2023-10-18T17:00:00+01:00"},
	{"it", "Può rispondere entro domani alle 12?", "2023-10-19T12:00:00+01:00"},
	{"it", "Chiudo il pezzo entro le 17 ora italiana.", "2023-10-18T16:00:00+01:00"},
	// Portuguese
	{"pt", "Precisamos de uma resposta até às 17h de hoje.", "2023-10-18T17:00:00+01:00"},
	// Dutch
	{"nl", "Graag een reactie vóór 16.00 uur.", "2023-10-18T16:00:00+01:00"},
	{"nl", "Kunt u uiterlijk morgenochtend reageren?", "2023-10-19T09:00:00+01:00"},
	// Albanian
	{"sq", "Ju lutem përgjigjuni deri në orën 16:00.", "2023-10-18T16:00:00+01:00"},
	{"sq", "Afati ynë është nesër në orën 12:00.", "2023-10-19T12:00:00+01:00"},
	// Serbian/Croatian/Bosnian
	{"sr", "Molim odgovor do 16.00.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Treba nam izjava do petka.", "2023-10-20T17:00:00+01:00"},
	// Polish
	{"pl", "Prosimy o odpowiedź do 16.00.", "2023-10-18T16:00:00+01:00"},
	{"pl", "Potrzebujemy komentarza do piątku.", "2023-10-20T17:00:00+01:00"},
	// Ukrainian, Russian
	{"uk", "Просимо відповісти до 18:00 за київським часом.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Ответ нужен до 18:00 по московскому времени.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Пресс-конференция в 15:00.", none},
	// Turkish
	{"tr", "Lütfen saat 17.00'ye kadar yanıt verin.", "2023-10-18T17:00:00+01:00"},
	{"tr", "Yanıtınızı en geç 17.00 TSİ bekliyoruz.", "2023-10-18T15:00:00+01:00"},
	// Greek
	{"el", "Παρακαλώ απαντήστε έως τις 15:00.", "2023-10-18T15:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση έως τις 15:00 ώρα Ελλάδας.", "2023-10-18T13:00:00+01:00"},
	// Arabic
	{"ar", "نرجو الرد قبل الساعة 4", "2023-10-18T16:00:00+01:00"},
	{"ar", "نرجو الرد قبل الساعة ٤ بتوقيت لندن", "2023-10-18T16:00:00+01:00"},
	// a day before its cue, a zone after a comma or in brackets,
	// request words, spans
	{"pl", "Czekam na komentarz jutro do 15:00.", "2023-10-19T15:00:00+01:00"},
	{"ar", "نحتاج الرد غدا قبل الساعة 3 مساء", "2023-10-19T15:00:00+01:00"},
	{"es", "Necesito una respuesta antes de las 13:00, hora peninsular.", "2023-10-18T12:00:00+01:00"},
	{"tr", "Yorumunuzu yarın saat 11.00'e kadar (TSİ) bekliyoruz.", "2023-10-19T09:00:00+01:00"},
	{"nl", "Ik heb de reactie binnen het uur nodig.", "2023-10-18T11:00:00+01:00"},
	{"de", "Ich brauche die Antwort innerhalb einer Stunde.", "2023-10-18T11:00:00+01:00"},
	{"ru", "Ответ нужен до 17:00 по Лондону.", "2023-10-18T17:00:00+01:00"},
	{"pl", "Odpowiedź proszę do godz. 16.", "2023-10-18T16:00:00+01:00"},
	{"ru", "Комментарий нужен к 18 часам.", "2023-10-18T18:00:00+01:00"},
	{"de", "Bitte bis spätestens 16 Uhr.", "2023-10-18T16:00:00+01:00"},
	{"sr", "Molim odgovor najkasnije do 14 sati.", "2023-10-18T14:00:00+01:00"},
	{"sq", "Përgjigjen na duhet sot deri në orën 17.", "2023-10-18T17:00:00+01:00"},
	{"pt", "Resposta até às 18h00, por favor.", "2023-10-18T18:00:00+01:00"},
	{"es", "La respuesta antes de las 5 de la tarde, por favor.", "2023-10-18T17:00:00+01:00"},
	{"el", "Χρειαζόμαστε απάντηση έως τις 5 το απόγευμα.", "2023-10-18T17:00:00+01:00"},
	{"fr", "Merci de répondre avant la fin de la journée.", "2023-10-18T17:00:00+01:00"},
	{"tr", "Yanıtınızı yarın saat 12:00'ye kadar bekliyoruz.", "2023-10-19T12:00:00+01:00"},
	{"de", "Bitte bis 20.10. antworten.", "2023-10-20T17:00:00+01:00"},
	{"de", "Bitte bis Freitag, 20.10., 12 Uhr.", "2023-10-20T12:00:00+01:00"},
	{"hr", "Odgovor molim do 20.10.2023.", "2023-10-20T17:00:00+01:00"},
	{"tr", "Cevap 17.00'den önce lütfen.", "2023-10-18T17:00:00+01:00"},
	{"uk", "Відповідь потрібна до 18 год.", "2023-10-18T18:00:00+01:00"},
	// not deadlines: events, office hours, signatures
	{"de", "Unser Büro ist Montag bis Freitag von 9 bis 17 Uhr erreichbar.", none},
	{"de", "Pressestelle, Sprechzeiten 9-17 Uhr", none},
	{"fr", "Le point presse aura lieu à 11h.", none},
	{"it", "La conferenza stampa si terrà alle 15.", none},
	{"es", "La rueda de prensa será a las 12:00.", none},
	{"el", "Η συνέντευξη τύπου στις 15:00 θα μεταδοθεί.", none},
	{"tr", "Basın toplantısı saat 14.00'te.", none},
}

// TestExtractForeign reads deadlines written in other languages (issue 11,
// item 4), with the GUIDE section 4 rules: sent is Wednesday 18 October
// 2023 10:00 in London (BST).
func TestExtractForeign(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	cases := foreignCases
	for _, c := range cases {
		t.Run(c.lang+"/"+c.text, func(t *testing.T) {
			d, ok := Extract(c.text, sent, loc)
			got := ""
			if ok {
				got = d.At.Format(rfc3339Offset)
			}
			if got != c.want {
				t.Errorf("Extract(%q) = %q (%q, %s), want %q", c.text, got, d.Phrase, d.Rule, c.want)
			}
		})
	}
}

// TestForeignAliasesAgree checks that a word two languages spell alike
// (after folding) reads the same in both, and that every replacement is
// made of words the English reader knows.
func TestForeignAliasesAgree(t *testing.T) {
	seen := map[string]string{}
	from := map[string]string{}
	for _, l := range lang.All() {
		check := func(key, repl string) {
			for _, w := range strings.Fields(repl) {
				if _, ok := vocab[strings.ToLower(w)]; !ok {
					t.Errorf("%s: %q reads as %q: %q is not a word of the English reader", l.Code, key, repl, w)
				}
			}
		}
		for w, r := range l.Deadline.Aliases {
			f := foldWord(w)
			if prev, ok := seen[f]; ok && prev != r {
				t.Errorf("%q: %s reads it as %q, %s as %q", f, from[f], prev, l.Code, r)
			}
			seen[f], from[f] = r, l.Code
			check(w, r)
		}
		for p, r := range l.Deadline.Phrases {
			check(p, r)
		}
	}
}

// TestForeignKeepsEnglish: the English reading goes first, so an English
// text reads as before even when it holds words of other languages.
func TestForeignKeepsEnglish(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	for _, text := range []string{"Could you do 4pm?", "Hope to hear by 4pm, a demain!"} {
		d1, ok1 := Extract(text, sent, loc)
		sc := new(scanner)
		sc.reset(text, sent, loc)
		sc.tokenize()
		sc.markBreaks()
		sc.parseAtoms()
		sc.buildMentions()
		d2, ok2 := sc.best()
		if ok2 && (!ok1 || !d1.At.Equal(d2.At)) {
			t.Errorf("%q: %v %v, English alone %v %v", text, d1.At, ok1, d2.At, ok2)
		}
	}
}

func TestForeignTranslate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"bis 14 Uhr", "by 14h"}, {"vóór 16.00 uur", "before 16.00"}, {"entro le 17.", "by 17h."},
		{"saat 17.00'ye kadar", "at 17.00 latest"},
		{"قبل الساعة ٤", "before  4"}, {"antes de las 17:00, hora de Madrid", "before   17:00 Madrid time"}, {"17.00'ye kadar (TSİ)", "17.00 (Istanbul time) latest"},
		{"nothing here", "nothing here"},
	} {
		if got, _, _ := foreign.translate(c.in); got != c.want {
			t.Errorf("translate(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	_ = time.Now
}

// BenchmarkExtractNoDeadline measures an English text with no deadline,
// which the reader reads twice (the second time through the aliases).
func BenchmarkExtractNoDeadline(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed0730)
	text := strings.Repeat("The minister met his counterpart in Tirana on Monday to discuss migration and the returns agreement. ", 20)
	if _, ok := Extract(text, sent, loc); ok {
		b.Fatal("a deadline")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text, sent, loc)
	}
}

// BenchmarkExtractForeign measures a German enquiry with a deadline.
func BenchmarkExtractForeign(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed0730)
	text := "Guten Tag,\n\nich schreibe für die Süddeutsche Zeitung über den Besuch des Außenministers in Tirana. " +
		"Ihre Pressemitteilung nennt 20 Mio. Pfund für die Zusammenarbeit mit Albanien. Woher stammt diese Zahl, " +
		"und über welchen Zeitraum wird sie ausgezahlt?\n\nIch bräuchte Ihre Antwort bis morgen 12 Uhr MEZ.\n\n" +
		"Mit freundlichen Grüßen\nAnna Schmidt\n"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Extract(text, sent, loc); !ok {
			b.Fatal("no deadline")
		}
	}
}
