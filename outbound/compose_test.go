package outbound

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/mailparse"
)

func TestExpected(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	now := time.Date(2023, 10, 16, 9, 30, 0, 0, loc) // a Monday
	for _, tc := range []struct {
		due  time.Time
		want string
	}{
		{now.Add(75 * time.Minute), "by 10:45 today"},
		{time.Date(2023, 10, 17, 9, 15, 0, 0, loc), "by 09:15 tomorrow (Tuesday)"},
		{time.Date(2023, 10, 19, 14, 0, 0, 0, loc), "by 14:00 on Thursday"},
		{time.Date(2023, 10, 30, 14, 0, 0, 0, loc), "by 14:00 on Monday 30 October"},
		{time.Date(2024, 1, 3, 8, 0, 0, 0, loc), "by 08:00 on Wednesday 3 January 2024"},
		{time.Date(2023, 10, 16, 9, 0, 0, 0, time.UTC), "by 10:00 today"}, // UTC in, desk time out (BST)
		{now.Add(-time.Minute), "as soon as possible"},
		{time.Time{}, "as soon as possible"},
	} {
		if got := Expected(tc.due, now, loc); got != tc.want {
			t.Errorf("Expected(%v) = %q, want %q", tc.due, got, tc.want)
		}
	}
	// Just before midnight, a due time after midnight is tomorrow.
	late := time.Date(2023, 10, 16, 23, 50, 0, 0, loc)
	if got := Expected(late.Add(30*time.Minute), late, loc); got != "by 00:20 tomorrow (Tuesday)" {
		t.Errorf("across midnight: %q", got)
	}
	// Across the autumn clock change (29 October 2023, 02:00 BST → 01:00 GMT).
	sat := time.Date(2023, 10, 28, 22, 0, 0, 0, loc)
	if got := Expected(sat.Add(26*time.Hour), sat, loc); got != "by 23:00 tomorrow (Sunday)" {
		t.Errorf("across the clock change: %q", got)
	}
}

func TestReplySubject(t *testing.T) {
	for in, want := range map[string]string{
		"Albania returns":                         "[TEST-2023-000001] Re: Albania returns",
		"Re: Albania returns":                     "[TEST-2023-000001] Re: Albania returns",
		"RE: [TEST-2023-000001] Re: AW: Albania":  "[TEST-2023-000001] Re: Albania",
		"Fwd: Re:  [TEST-2023-000001]  Kosovo":    "[TEST-2023-000001] Re: Kosovo",
		"":                                        "[TEST-2023-000001] Re: Your enquiry",
		"Réfugiés — question":                     "[TEST-2023-000001] Re: Réfugiés — question",
		"Reading list":                            "[TEST-2023-000001] Re: Reading list",
		"[TEST-2023-000001] [holding] Re: Kosovo": "[TEST-2023-000001] Re: [holding] Re: Kosovo",
	} {
		if got := ReplySubject("TEST-2023-000001", in); got != want {
			t.Errorf("ReplySubject(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoReplyAddress(t *testing.T) {
	for addr, want := range map[string]bool{
		"noreply@bbc.co.uk": true, "no-reply@x.com": true, "do-not-reply@x.com": true, "donotreply@x.com": true,
		"newsroom-noreply@itv.com": true, "MAILER-DAEMON@x.com": true, "postmaster@x.com": true, "bounces+123@x.com": true,
		"notifications@github.com": true, "jo@bbc.co.uk": false, "noreen@x.com": false, "replyall@x.com": false, "": true,
	} {
		if got := NoReplyAddress(addr); got != want {
			t.Errorf("NoReplyAddress(%q) = %v", addr, got)
		}
	}
}

func TestComposeRoundTrip(t *testing.T) {
	c := &Composer{DeskAddress: DeskAddress}
	long := strings.Repeat("Ünïcödé subject words ", 8)
	raw, id, err := c.Compose(Draft{
		From:    &mailAddress{Name: "Pressestelle Müller", Address: DeskAddress},
		To:      []*mailAddress{{Name: "Dupont, Jean-François", Address: "jf@lemonde.fr"}},
		Subject: long, InReplyTo: []string{"a@b"}, References: []string{"root@b", "<a@b>", "a@b", "bad id"},
		Text: "Line one: café.\n\nA link https://www.gov.uk/x?a=1&b=<2> and <b>not bold</b>.\n.\nA line with a lone dot above.",
		Ref:  "TEST-2023-000001", AutoSubmitted: "auto-replied",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(raw), "\r\n") {
		if len(line) > 998 {
			t.Errorf("line of %d bytes", len(line))
		}
		for _, r := range line {
			if r > 127 {
				t.Fatalf("8-bit byte in the message: %q", line)
			}
		}
	}
	m, err := mailparse.Parse(raw, mailparse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.MessageID != id || m.Subject != strings.TrimSpace(long) || m.From.Name != "Pressestelle Müller" || m.To[0].Name != "Dupont, Jean-François" {
		t.Errorf("round trip: id %q subject %q from %+v to %+v", m.MessageID, m.Subject, m.From, m.To)
	}
	if strings.Join(m.References, " ") != "root@b a@b" || strings.Join(m.InReplyTo, " ") != "a@b" {
		t.Errorf("threading: %v %v", m.InReplyTo, m.References)
	}
	if !strings.Contains(m.Text, "café") || !strings.Contains(m.Text, "\n.\nA line with a lone dot") {
		t.Errorf("text %q", m.Text)
	}
	if strings.Contains(m.HTML, "<b>not bold</b>") || !strings.Contains(m.HTML, "&lt;b&gt;not bold&lt;/b&gt;") {
		t.Errorf("HTML alternative not escaped: %q", m.HTML)
	}
	if !strings.Contains(m.HTML, `<a href="https://www.gov.uk/x?a=1&amp;b=">`) {
		t.Errorf("link: %q", m.HTML)
	}
}

func TestSinkPageEscapes(t *testing.T) {
	s, err := StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	raw, _, _ := (&Composer{DeskAddress: DeskAddress}).Compose(Draft{From: &mailAddress{Address: DeskAddress},
		To: []*mailAddress{{Name: "<img src=x onerror=alert(1)>", Address: "x@example.com"}}, Subject: "<script>alert(1)</script>", Text: "</pre><script>alert(2)</script>"})
	m := &SMTP{Address: s.Addr}
	if _, err := m.Send(t.Context(), DeskAddress, []string{"x@example.com"}, raw, nil); err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/demo/outbox", nil))
	body := w.Body.String()
	if strings.Contains(body, "<script>") || strings.Contains(body, "<img") || !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("page not escaped:\n%s", body)
	}
}
