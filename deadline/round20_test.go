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
}

func TestTwentiethRoundForms(t *testing.T) {
	loc := london(t)
	for _, c := range twentiethRoundCases {
		t.Run(c.text, func(t *testing.T) {
			checkExtractAt(t, c.text, mustTime(t, wed1000), loc, c.want)
		})
	}
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
