package deadline

import (
	"testing"
	"time"
)

// twentiethRoundCases are English ways of stating one's own deadline that
// a probe of our own found unread (63 of 75 after the change, 49
// before), each family with look-alikes that must stay unread:
//   - "Deadline-wise", "Time-wise", "Timewise" opening the sentence, then
//     the time;
//   - the journalist "working to" a time ("We're working to 3pm");
//   - the journalist's own aim ("Could we aim for 3pm?", "We're aiming
//     for 4pm");
//   - "up against" a time ("We're up against 4pm");
//   - the time, then "is the/our cut-off/cutoff/deadline" ending the
//     clause ("3pm is the cut-off.", "5pm is the cutoff for us.");
//   - "The deadline for responses/replies is 2pm";
//   - "DL" for "deadline" (a subject "DL 3pm").
//
// Sent Wednesday 18 October 2023 10:00 in London.
var twentiethRoundCases = []struct{ text, want string }{
	{"Hello, a quick question on the Albania release. Deadline-wise, 3pm.", "2023-10-18T15:00:00+01:00"},
	{"Deadline wise, 4pm today.", "2023-10-18T16:00:00+01:00"},
	{"Timewise, 2pm would be ideal.", "2023-10-18T14:00:00+01:00"},
	{"Time-wise, 2pm.", "2023-10-18T14:00:00+01:00"},
	{"Otherwise, 3pm is when the minister speaks.", none},
	{"We're working to 3pm.", "2023-10-18T15:00:00+01:00"},
	{"I'm working to 5pm on this one.", "2023-10-18T17:00:00+01:00"},
	{"We are working to a deadline of 4pm.", "2023-10-18T16:00:00+01:00"},
	{"Engineers are working to 3pm shifts. Can you comment on the aid?", none},
	{"The embassy is working to a plan agreed at 3pm yesterday. What is the position?", none},
	{"Could we aim for 3pm?", "2023-10-18T15:00:00+01:00"},
	{"We're aiming for 4pm.", "2023-10-18T16:00:00+01:00"},
	{"Can we aim for 2pm for a response?", "2023-10-18T14:00:00+01:00"},
	{"The minister is aiming for 3pm, his office says. Will the UK attend?", none},
	{"We're up against 4pm.", "2023-10-18T16:00:00+01:00"},
	{"We're up against a 4pm deadline.", "2023-10-18T16:00:00+01:00"},
	{"Our troops are up against militias. Can you give casualty figures?", none},
	{"3pm is the cut-off.", "2023-10-18T15:00:00+01:00"},
	{"5pm is the cutoff for us.", "2023-10-18T17:00:00+01:00"},
	{"4pm is our deadline.", "2023-10-18T16:00:00+01:00"},
	{"3pm is when the minister speaks. Will you publish the text?", none},
	{"Midnight is the cut-off for the ceasefire, according to Hamas. What is the UK view?", none},
	{"The deadline for responses is 2pm.", "2023-10-18T14:00:00+01:00"},
	{"The deadline for replies is 2pm.", "2023-10-18T14:00:00+01:00"},
	{"The deadline for comment is 2pm today.", "2023-10-18T14:00:00+01:00"},
	{"The deadline for applications is 2pm Friday. How many Britons have applied?", none},
	{"The deadline for the ceasefire is 2pm. Does the UK support it?", none},
	// a second probe, written after the change (10 -> 22 of 23)
	{"Deadline-wise: 5pm if you can.", "2023-10-18T17:00:00+01:00"},
	{"Timing-wise, 4pm.", "2023-10-18T16:00:00+01:00"},
	{"I'm working to 16:00.", "2023-10-18T16:00:00+01:00"},
	{"I'm aiming for 3pm if that works.", "2023-10-18T15:00:00+01:00"},
	{"I'm up against 3pm here.", "2023-10-18T15:00:00+01:00"},
	{"4.30pm is the cut off.", "2023-10-18T16:30:00+01:00"},
	{"16:00 is my deadline.", "2023-10-18T16:00:00+01:00"},
	{"The cut-off for responses is 3pm.", "2023-10-18T15:00:00+01:00"},
	{"The UN envoy is due at 5pm. Will the ambassador meet him?", none},
	{"Rescue teams are aiming for 3pm to reach the village. How many Britons are there?", none},
	{"The opposition is up against 5pm to register. Any comment?", none},
	{"Noon is the cut-off for nominations, the commission says. Will the UK observe?", none},
	{"Reporters are filing at 5pm from the summit. Will there be a readout?", none},
}

// twentiethRoundOthers: what the enquiry itself is for, opening its
// sentence ("It's for our 6pm edition.") names its time; someone else due,
// filing, holding a hard stop, and "the latest <thing> at 4pm" are none
// (English probe look-alikes 4 of 8 -> 8 of 8).
var twentiethRoundOthers = []struct{ text, want string }{
	{"It's for our 6pm edition.", "2023-10-18T18:00:00+01:00"},
	{"This is for our 6pm bulletin.", "2023-10-18T18:00:00+01:00"},
	{"We need it for the 6pm edition.", "2023-10-18T18:00:00+01:00"},
	{"We are preparing a piece for the 6pm bulletin.", none},
	{"The interview is for the 6pm bulletin. Can the minister do it?", none},
	{"I saw your story in the 6pm edition of the Standard. Is it right?", none},
	{"Copy is due at 4.", "2023-10-18T16:00:00+01:00"},
	{"My copy is due at 4pm.", "2023-10-18T16:00:00+01:00"},
	{"Our piece is due at 3.", "2023-10-18T15:00:00+01:00"},
	{"The minister is due at 4pm in Tirana. Can you send the itinerary?", none},
	{"We file at 4.", "2023-10-18T16:00:00+01:00"},
	{"I'm filing at 4pm.", "2023-10-18T16:00:00+01:00"},
	{"Filing by 4.", "2023-10-18T16:00:00+01:00"},
	{"Lawyers for the family are filing at 4pm. Will the FCDO respond to the claim?", none},
	{"4pm at the very latest.", "2023-10-18T16:00:00+01:00"},
	{"Latest 4pm.", "2023-10-18T16:00:00+01:00"},
	{"The latest figures at 4pm showed 300 arrivals. Can you comment?", none},
	{"The government aims to finish talks by 3pm. Will the UK attend?", none},
	{"The minister is aiming for a deal by Friday, reports say. Can you confirm?", none},
	{"Kyiv plans to respond by Monday. What is the UK view?", none},
	{"The EU intends to decide before 5pm. Will the UK join?", none},
	{"We're aiming to file by 4, so a line by 3pm please.", "2023-10-18T15:00:00+01:00"},
	{"I plan to file by 5pm, could you reply by 4pm?", "2023-10-18T16:00:00+01:00"},
	{"Could you aim to reply by 4pm?", "2023-10-18T16:00:00+01:00"},
	{"Hard stop at 5.", "2023-10-18T17:00:00+01:00"},
	{"I have a hard stop at 4pm.", "2023-10-18T16:00:00+01:00"},
	{"The talks have a hard stop at 5pm, the UN says. Will the UK attend?", none},
}

// twentiethRoundFrSr: the same families in French and in
// Serbian/Bosnian/Croatian (a probe of our own: 18 -> 26 of 26).
var twentiethRoundFrSr = []struct{ text, want string }{
	{"Pouvons-nous viser 15h ?", "2023-10-18T15:00:00+01:00"},
	{"On vise 16h pour la réponse.", "2023-10-18T16:00:00+01:00"},
	{"15h, c'est la limite.", "2023-10-18T15:00:00+01:00"},
	{"L'heure limite est 14h.", "2023-10-18T14:00:00+01:00"},
	{"C'est pour notre édition de 18h.", "2023-10-18T18:00:00+01:00"},
	{"C'est pour le journal de 20h.", "2023-10-18T20:00:00+01:00"},
	{"Le ministre arrive à 15h. Pouvez-vous confirmer ?", none},
	{"La date limite pour les candidatures est 14h. Combien de Britanniques ?", none},
	{"Le gouvernement vise un accord à 15h. Le Royaume-Uni participera-t-il ?", none},
	{"Što se roka tiče, 15 sati.", "2023-10-18T15:00:00+01:00"},
	{"Što se tiče roka, 15 sati.", "2023-10-18T15:00:00+01:00"},
	{"To je za naše izdanje u 18 sati.", "2023-10-18T18:00:00+01:00"},
	{"Ministar stiže u 15 sati. Možete li potvrditi?", none},
	{"Rok za prijave je 14 sati. Koliko Britanaca?", none},
}

func TestTwentiethRoundFrSr(t *testing.T) {
	checkCasesWed(t, twentiethRoundFrSr)
}

func TestTwentiethRoundOthers(t *testing.T) {
	checkCasesWed(t, twentiethRoundOthers)
}

func TestTwentiethRoundForms(t *testing.T) {
	checkCasesWed(t, twentiethRoundCases)
}

// TestDLSubject: "DL" is "deadline" in a subject line.
func TestDLSubject(t *testing.T) {
	loc := london(t)
	sent := mustTime(t, wed1000)
	for _, c := range []struct{ subj, want string }{
		{"DL 3pm", "2023-10-18T15:00:00+01:00"},
		{"Query - DL 3pm", "2023-10-18T15:00:00+01:00"},
		{"DL: 15:00 - Albania", "2023-10-18T15:00:00+01:00"},
		{"DL 3pm today", "2023-10-18T15:00:00+01:00"},
		{"Albania query", none},
	} {
		d, ok := ExtractWithSubject(c.subj, "How many Britons are affected?", sent, loc)
		got := none
		if ok {
			got = d.At.In(loc).Format(time.RFC3339)
		}
		if got != c.want {
			t.Errorf("subject %q: got %q, want %q", c.subj, got, c.want)
		}
	}
}
