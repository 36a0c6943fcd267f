package routing

import "testing"

// TestDeadlineInSubject: a deadline in the subject of the journalist's own
// new message is read when the body states none; a reply's or a
// forward's subject ("Re:", In-Reply-To, "Fwd:") repeats an earlier
// message and is not; the body's deadline wins over the subject's.
func TestDeadlineInSubject(t *testing.T) {
	r := testRouter(t)
	sent := at3339(t, "2024-03-13T10:00:00Z") // Wednesday, GMT
	const body = "Which assets of the financier Ottokar Vell were frozen under the new sanctions?"
	for _, c := range []struct {
		name    string
		in      Input
		wantUTC string
	}{
		{"own subject", Input{Subject: "Vell sanctions - DEADLINE 4.30PM", NewText: body}, "2024-03-13T16:30:00Z"},
		{"Re: subject", Input{Subject: "Re: Vell sanctions - DEADLINE 4.30PM", NewText: body}, ""},
		{"a reply", Input{Subject: "Vell sanctions - DEADLINE 4.30PM", NewText: body, IsReply: true}, ""},
		{"Fwd: subject", Input{Subject: "Fwd: Vell sanctions - DEADLINE 4.30PM", NewText: body}, ""},
		{"body wins", Input{Subject: "Vell sanctions - DEADLINE 4.30PM", NewText: body + " Need it by 2pm."}, "2024-03-13T14:00:00Z"},
		{"event time in subject", Input{Subject: "Vell sanctions vote at 3pm", NewText: body}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.in.From, c.in.Date = "reporter@desk.wire.example", sent
			d := r.Classify(c.in, sent)
			got := ""
			if !d.Deadline.IsZero() {
				got = d.Deadline.UTC().Format("2006-01-02T15:04:05Z")
			}
			if got != c.wantUTC {
				t.Errorf("deadline %q (%q), want %q", got, d.DeadlinePhrase, c.wantUTC)
			}
		})
	}
}
