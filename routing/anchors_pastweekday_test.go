package routing

import (
	"strings"
	"testing"
	"time"
)

// TestPastClauseWeekday: a weekday alone in Italian or French names the
// last such day when its clause is in a compound past tense ("ha
// annunciato lunedì", "a été adoptée dans la nuit de lundi à mardi");
// in another tense, scheduled, or as a deadline it names no day.
func TestPastClauseWeekday(t *testing.T) {
	// Wednesday 24 April 2024: Monday is the 22nd, Tuesday the 23rd
	d0 := int32(time.Date(2024, 4, 24, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	mon, tue := d0-2, d0-1
	var tz tokenizer
	for _, tc := range []struct {
		lang, text string
		want       []int32 // the days named, in order; nil: none
	}{
		{"it", "Il premier ha annunciato lunedì dieci milioni di sterline.", []int32{mon}},
		{"it", "Lunedì il governo ha già approvato il piano.", []int32{mon}},
		{"it", "La legge è stata approvata martedì dal Parlamento.", []int32{tue}},
		{"it", "Lunedì il premier incontrerà Meloni.", nil},
		{"it", "L'incontro è previsto lunedì a Roma.", nil},
		{"it", "Il ministro ha previsto lunedì un incontro.", nil},
		{"it", "Mi serve entro lunedì, abbiamo chiuso il pezzo.", nil},
		{"it", "Lo stato di diritto e lunedì la riunione.", nil},
		{"fr", "La loi a été adoptée dans la nuit de lundi à mardi par le Parlement.", []int32{mon, tue}},
		{"fr", "Les ministres ont signé lundi un accord.", []int32{mon}},
		{"fr", "Mardi, le ministre n'a pas annoncé de mesures.", []int32{tue}},
		{"fr", "Merci de me faire savoir d'ici vendredi si c'est envisageable.", nil},
		{"fr", "La réunion est prévue lundi à Londres.", nil},
		{"fr", "Le ministre se rendra lundi à la frontière.", nil},
		{"fr", "Pour notre édition de mercredi, une question.", nil},
		{"fr", "Lundi, à la frontière, la police était présente.", nil},
	} {
		tz.tokenize(tc.text)
		got := dateAnchors(&tz, d0, nil, vocabFor(tc.lang))
		var days []int32
		for _, a := range got {
			for d := a.from; d <= a.to; d++ {
				days = append(days, d)
			}
		}
		if len(days) != len(tc.want) {
			t.Errorf("%s %q: days %v, want %v", tc.lang, tc.text, days, tc.want)
			continue
		}
		for i := range days {
			if days[i] != tc.want[i] {
				t.Errorf("%s %q: days %v, want %v", tc.lang, tc.text, days, tc.want)
				break
			}
		}
	}
}

// TestSinceDate: a date named after "after" or "since", in English or the
// message's language, starts the days the subject is in: a release of
// that day fits, one after it up to the email's day is neither a fit nor
// a miss, one before it is put back.
func TestSinceDate(t *testing.T) {
	d0 := int32(time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	may11, may15, may1 := d0-5, d0-1, d0-15
	var tz tokenizer
	for _, tc := range []struct {
		lang, text string
		since      bool
	}{
		{"sq", "Kjo vizitë vjen pak ditë pas zgjedhjeve parlamentare të 11 majit.", true},
		{"it", "Dopo le elezioni dell'11 maggio, il premier è arrivato a Tirana.", true},
		{"fr", "Depuis le 11 mai, le Premier ministre a rencontré trois dirigeants.", true},
		{"en", "A few days after the 11 May elections, the PM arrived in Tirana.", true},
		{"es", "Desde el 11 de mayo, el Gobierno ha firmado dos acuerdos.", true},
		{"it", "Le elezioni dell'11 maggio hanno dato la vittoria a Rama.", false},
		{"fr", "Après cela, la réunion du 11 mai a été annulée.", false}, // another clause
	} {
		tz.tokenize(tc.text)
		got := dateAnchors(&tz, d0, nil, vocabFor(tc.lang))
		if len(got) != 1 || got[0].from != may11 || got[0].since != tc.since || tc.since && got[0].to != d0 {
			t.Errorf("%s %q: %+v, want from %d since %v", tc.lang, tc.text, got, may11, tc.since)
			continue
		}
		if !tc.since {
			continue
		}
		for _, c := range []struct {
			day  int32
			want int8
		}{{may11, 1}, {may15, 0}, {d0, 0}, {may1, -1}} {
			if a, _ := anchorMatch(got, c.day); a != c.want {
				t.Errorf("%s %q: release of day %d: anchor %d, want %d", tc.lang, tc.text, c.day-d0, a, c.want)
			}
		}
	}
}

// BenchmarkPastClauseHostile reads 256 kB of Italian weekdays after a
// past tense, in one sentence: the sentence's tense is read once
// (dateAnchors keeps it), so the time grows with the text, not its square.
func BenchmarkPastClauseHostile(b *testing.B) {
	text := "Il ministro ha annunciato " + strings.Repeat("lunedì ", 256<<10/8) + "."
	var tz tokenizer
	tz.tokenize(text)
	d0 := dayOf(time.Date(2024, 4, 24, 11, 0, 0, 0, time.UTC), time.UTC)
	va := vocabFor("it")
	var out []dayRange
	b.ResetTimer()
	for range b.N {
		out = dateAnchors(&tz, d0, out[:0], va)
	}
	if len(out) == 0 {
		b.Fatal("no anchors, want the Mondays")
	}
}
