package outbound

import (
	"bytes"
	"strings"
	"testing"
	"text/template"
	"time"
)

// TestAckDeadline: an acknowledgement cites the journalist's deadline as
// noted only while it is ahead; a deadline passed by the time of writing
// (or on arrival) is said to have passed, never "noted" as if it could be
// met.
func TestAckDeadline(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 12, 6, 20, 59, 0, 0, loc)
	tmpl := template.Must(template.New("ack").Option("missingkey=error").Parse(DefaultAckTemplate))
	for _, tc := range []struct {
		name     string
		deadline time.Time
		want     []string
		not      []string
	}{
		{"none", time.Time{}, nil, []string{"deadline"}},
		{"ahead", now.Add(2 * time.Hour), []string{"We have noted your deadline of 22:59 today."}, []string{"had already passed"}},
		{"passed today", time.Date(2026, 12, 6, 18, 0, 0, 0, loc),
			[]string{"Your deadline of 18:00 today had already passed when your enquiry reached us"}, []string{"noted your deadline"}},
		{"passed last year", time.Date(2025, 2, 23, 18, 0, 0, 0, loc),
			[]string{"Your deadline of 18:00 on Sunday 23 February 2025 had already passed"}, []string{"noted your deadline"}},
		{"at this minute", now, []string{"had already passed"}, []string{"noted your deadline"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := AckData{Ref: "R-1", Desk: "Desk", Team: "the desk", Expected: "by 21:30 today"}
			d.Deadline, d.DeadlinePassed = ackDeadline(tc.deadline, now, loc)
			var b bytes.Buffer
			if err := tmpl.Execute(&b, d); err != nil {
				t.Fatal(err)
			}
			body := strings.Join(strings.Fields(b.String()), " ")
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("missing %q in %q", w, body)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(body, n) {
					t.Errorf("unexpected %q in %q", n, body)
				}
			}
		})
	}
}
