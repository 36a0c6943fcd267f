package mailparse

import (
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// rawMail builds a raw message from header lines and a body, with CRLF line
// endings unless lf is set.
func rawMail(headers []string, body string) []byte {
	return []byte(strings.Join(headers, "\r\n") + "\r\n\r\n" + body)
}

func mustParse(t *testing.T, raw []byte, opts Options) *Message {
	t.Helper()
	m, err := Parse(raw, opts)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if !utf8.ValidString(m.Subject) || !utf8.ValidString(m.Text) || !utf8.ValidString(m.NewText) {
		t.Fatalf("invalid UTF-8 in output: %q / %q", m.Subject, m.Text)
	}
	return m
}

func hasWarning(m *Message, sub string) bool {
	for _, w := range m.Warnings {
		if strings.Contains(w, sub) {
			return true
		}
	}
	return false
}

var baseHeaders = []string{
	"From: Jo Reporter <jo@Example.COM>",
	"To: Desk <desk@example.gov.uk>",
	"Subject: Question",
	"Date: Mon, 16 Oct 2023 09:12:44 +0100",
	"Message-ID: <abc123@example.com>",
}

func withHeaders(extra ...string) []string {
	h := append([]string{}, baseHeaders...)
	return append(h, extra...)
}

func TestCharsets(t *testing.T) {
	tests := []struct {
		name     string
		ct, cte  string
		body     string
		want     string
		warnings string // substring of an expected warning, "" for none
	}{
		{"iso-8859-1 qp", "text/plain; charset=iso-8859-1", "quoted-printable", "caf=E9 cr=E8me", "café crème", ""},
		{"iso-8859-1 8bit", "text/plain; charset=ISO-8859-1", "8bit", "caf\xe9", "café", ""},
		{"windows-1252 quotes", "text/plain; charset=windows-1252", "8bit", "\x93quoted\x94 \x96 dash \x80", "“quoted” – dash €", ""},
		{"koi8-r", "text/plain; charset=koi8-r", "8bit", "\xf0\xd2\xc9\xd7\xc5\xd4", "Привет", ""},
		{"utf-8 qp", "text/plain; charset=utf-8", "quoted-printable", "Evening =E2=80=93 Telegraph=\r\n desk", "Evening – Telegraph desk", ""},
		{"utf-8 base64", "text/plain; charset=UTF-8", "base64", base64.StdEncoding.EncodeToString([]byte("Grüße aus Köln")), "Grüße aus Köln", ""},
		{"utf-8 base64 wrapped and garbage", "text/plain; charset=utf-8", "base64", "R3LD\r\nvMOf!!ZQ==\r\n", "Grüße", ""},
		{"unknown charset ascii", "text/plain; charset=x-klingon", "7bit", "plain words", "plain words", "unknown charset"},
		{"unknown charset 8bit", "text/plain; charset=x-klingon", "8bit", "caf\xe9", "café", "unknown charset"},
		{"us-ascii with utf-8 bytes", "text/plain; charset=us-ascii", "8bit", "Çela", "Çela", ""},
		{"no charset latin-1 bytes", "text/plain", "8bit", "na\xefve", "naïve", ""},
		{"utf-8 invalid repaired", "text/plain; charset=utf-8", "8bit", "ok \xff ok", "ok \uFFFD ok", ""},
		{"utf-7", "text/plain; charset=utf-7", "7bit", "Fr+APY-sche +-1", "Frösche +1", ""},
		{"iso-2022-jp", "text/plain; charset=iso-2022-jp", "7bit", "\x1b$B$3$s$K$A$O\x1b(B", "こんにちは", ""},
		{"unknown transfer encoding", "text/plain; charset=utf-8", "x-weird", "raw text", "raw text", "unknown Content-Transfer-Encoding"},
		{"misspelt qp", "text/plain; charset=utf-8", "Quoted Printable;", "a=3Db", "a=b", ""},
		{"qp lenient", "text/plain; charset=utf-8", "quoted-printable", "100% =ZZ sure=", "100% =ZZ sure", ""},
		{"crlf normalised", "text/plain; charset=utf-8", "7bit", "a\r\nb\rc\n", "a\nb\nc", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw := rawMail(withHeaders("Content-Type: "+tc.ct, "Content-Transfer-Encoding: "+tc.cte), tc.body)
			m := mustParse(t, raw, Options{})
			if got := strings.TrimRight(m.Text, "\n"); got != tc.want {
				t.Errorf("Text = %q, want %q", got, tc.want)
			}
			if tc.warnings == "" && len(m.Warnings) > 0 {
				t.Errorf("unexpected warnings %q", m.Warnings)
			}
			if tc.warnings != "" && !hasWarning(m, tc.warnings) {
				t.Errorf("warnings %q lack %q", m.Warnings, tc.warnings)
			}
		})
	}
}

func TestSubjects(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"=?utf-8?Q?caf=C3=A9?=", "café"},
		{"=?ISO-8859-1?Q?Appel_t=E9l=E9phonique_=3A_question?=", "Appel téléphonique : question"},
		{"=?UTF-8?B?UHlldGplIC8gUXVlc3Rpb246IGt0aGltZXQgbsOrIFNocWlww6tyaSDigJMg?=\r\n =?UTF-8?B?Myw1MDAgcmV0dXJucw==?=", "Pyetje / Question: kthimet në Shqipëri – 3,500 returns"},
		{"=?utf-8?B?4oI=?= =?utf-8?B?rA==?= rates", "€ rates"}, // a character split across words
		{"=?utf-8?Q?a?= =?utf-8?Q?b?=", "ab"},
		{"Re: =?utf-8?Q?caf=C3=A9?= ok", "Re: café ok"},
		{"=?utf-8?Q?broken", "=?utf-8?Q?broken"},
		{"=?utf-8?Q?hello world?=", "hello world"},
		{"=?utf-8?Q?a?=b", "ab"},
		{"=?windows-1252?Q?white_paper_=96_questions?=", "white paper – questions"},
		{"=?koi8-r?B?8NLJ18XU?=", "Привет"},
		{"=?ISO-2022-JP?B?GyRCJF4kXyRgJGEkYhsoQg==?=", "まみむめも"},
		{"=?utf-8*en?Q?lang_tag?=", "lang tag"},
		{"=?utf-8?B?SGVsbG8?=", "Hello"}, // unpadded
		{"Hello \t  World", "Hello World"},
		{"Caf\xe9 raw latin-1", "Café raw latin-1"},
		{"Raw UTF-8 Çela", "Raw UTF-8 Çela"},
		{"=?utf-8?X?bad_encoding?=", "=?utf-8?X?bad_encoding?="},
		{"=??Q?empty_charset?=", "=??Q?empty_charset?="},
	}
	for _, tc := range tests {
		m := mustParse(t, rawMail([]string{"From: a@b.c", "Subject: " + tc.raw}, "x"), Options{})
		if m.Subject != tc.want {
			t.Errorf("Subject(%q) = %q, want %q", tc.raw, m.Subject, tc.want)
		}
	}
	// unknown charset: raw bytes kept, warning
	m := mustParse(t, rawMail([]string{"From: a@b.c", "Subject: =?x-klingon?Q?abc_def?="}, "x"), Options{})
	if m.Subject != "abc def" || !hasWarning(m, "unknown charset") {
		t.Errorf("unknown charset subject: %q %q", m.Subject, m.Warnings)
	}
}

func TestParseDate(t *testing.T) {
	bst := time.FixedZone("", 3600)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"Tue, 03 Oct 2023 11:02:13 +0100", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"3 Oct 2023 11:02:13 +0100", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"Tue, 3 Oct 2023 11:02 +0100", time.Date(2023, 10, 3, 11, 2, 0, 0, bst)},
		{"Tue, 03 Oct 23 11:02:13 +0100", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"Tue, 03 Oct 99 11:02:13 +0000", time.Date(1999, 10, 3, 11, 2, 13, 0, time.UTC)},
		{"Tue, 03 Oct 2023 11:02:13 GMT+0100", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"Tue, 03 Oct 2023 11:02:13 +0100 (BST)", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"Mon, 13 Oct 2025 11:22:05 +0100 (BST)", time.Date(2025, 10, 13, 11, 22, 5, 0, bst)},
		{"Tue, 03 Oct 2023 11:02:13 BST", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"Tue, 03 Oct 2023 06:02:13 EDT", time.Date(2023, 10, 3, 10, 2, 13, 0, time.UTC)},
		{"Tue, 03 Oct 2023 11:02:13 GMT", time.Date(2023, 10, 3, 11, 2, 13, 0, time.UTC)},
		{"Tue, 03 Oct 2023 11:02:13 UT", time.Date(2023, 10, 3, 11, 2, 13, 0, time.UTC)},
		{"Tue, 03 Oct 2023 11:02:13 Z", time.Date(2023, 10, 3, 11, 2, 13, 0, time.UTC)},
		{"Tue, 03 Oct 2023 11:02:13", time.Date(2023, 10, 3, 11, 2, 13, 0, time.UTC)},
		{"Tue, 03 Oct 2023 11:02:13 +01:00", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"Tue Oct  3 11:02:13 2023", time.Date(2023, 10, 3, 11, 2, 13, 0, time.UTC)},
		{"2023-10-03T11:02:13+01:00", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"2023-10-03 11:02:13 +0100", time.Date(2023, 10, 3, 11, 2, 13, 0, bst)},
		{"03/10/2023 11:02", time.Date(2023, 10, 3, 11, 2, 0, 0, time.UTC)},
		{"Tuesday, October 3, 2023 6:58:12 PM", time.Date(2023, 10, 3, 18, 58, 12, 0, time.UTC)},
		{"Thu, 12 Oct 2023 16:44:10 +0100 (GMT+01:00)", time.Date(2023, 10, 12, 16, 44, 10, 0, bst)},
		{"Wed,  1 Nov 2023 11:15:00 -0000", time.Date(2023, 11, 1, 11, 15, 0, 0, time.UTC)},
		{"Di, 12 Okt 2023 10:00:00 +0200", time.Date(2023, 10, 12, 8, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		got, ok := ParseDate(tc.in)
		if !ok || !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "<HR>", "yesterday", "Wed, 15 Dec 2010    59:10 -0500", "Mon, 30 Jun 3609 15:33:50 +0600", "31 Jun 2023 10:00", "Pn, 29 paX 2007 21:13:00 +0100"} {
		if got, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) = %v, want failure", bad, got)
		}
	}
}

func TestDateFallbacks(t *testing.T) {
	internal := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	received := []string{
		"Received: from a by b; Mon, 16 Oct 2023 09:10:00 +0100",
		"Received: from c by d; Mon, 16 Oct 2023 09:12:00 +0100",
		"Received: from e by f with local id 1",
	}
	noDate := append([]string{"From: a@b.c", "Subject: x"}, received...)

	m := mustParse(t, rawMail(noDate, "x"), Options{InternalDate: internal})
	if m.DateSource != DateInternal || !m.Date.Equal(internal) {
		t.Errorf("internal: %v %v", m.Date, m.DateSource)
	}
	m = mustParse(t, rawMail(noDate, "x"), Options{})
	want := time.Date(2023, 10, 16, 8, 12, 0, 0, time.UTC)
	if m.DateSource != DateReceived || !m.Date.Equal(want) {
		t.Errorf("received: %v %v", m.Date, m.DateSource)
	}
	m = mustParse(t, rawMail([]string{"From: a@b.c", "Date: not a date"}, "x"), Options{})
	if m.DateSource != DateNone || !m.Date.IsZero() || !hasWarning(m, "unparseable Date") {
		t.Errorf("none: %v %v %q", m.Date, m.DateSource, m.Warnings)
	}
	m = mustParse(t, rawMail(baseHeaders, "x"), Options{InternalDate: internal})
	if m.DateSource != DateHeader {
		t.Errorf("header date not preferred: %v", m.DateSource)
	}
}

func TestMessageID(t *testing.T) {
	tests := []struct{ hdr, want string }{
		{"Message-ID: <abc@def>", "abc@def"},
		{"Message-ID:   <abc@def>  ", "abc@def"},
		{"Message-Id: abc@def", "abc@def"},
		{"Message-ID: <abc@def> (comment)", "abc@def"},
		{"Message-ID: <>", ""},
		{"Message-ID: <no-at-sign>", ""},
		{"Message-ID: 102.10200000000105", ""},
		{"Message-ID: <" + strings.Repeat("x", 1000) + "@y>", ""},
		{"Message-ID:", ""},
	}
	for _, tc := range tests {
		raw := rawMail([]string{"From: a@b.c", "Subject: s", tc.hdr}, "body")
		m := mustParse(t, raw, Options{})
		if tc.want != "" {
			if m.MessageID != tc.want || m.DerivedID {
				t.Errorf("%q: MessageID = %q derived=%v", tc.hdr, m.MessageID, m.DerivedID)
			}
			continue
		}
		if !m.DerivedID || !strings.HasPrefix(m.MessageID, "derived-") || !strings.HasSuffix(m.MessageID, "@mediadesk.invalid") {
			t.Errorf("%q: want derived ID, got %q derived=%v", tc.hdr, m.MessageID, m.DerivedID)
		}
	}
}

func TestDerivedIDStable(t *testing.T) {
	h := []string{"From: Jo <jo@example.com>", "To: desk@example.gov.uk", "Subject: Same", "Date: Mon, 16 Oct 2023 09:12:44 +0100"}
	a := rawMail(h, "Body one\r\n")
	id1 := mustParse(t, a, Options{}).MessageID
	id2 := mustParse(t, append([]byte{}, a...), Options{}).MessageID
	if id1 != id2 {
		t.Fatalf("same bytes, different IDs: %s %s", id1, id2)
	}
	// the same mail with LF line endings and an extra Received header
	// (fetched another way) keeps its ID
	lf := []byte("Received: from x by y; Mon, 16 Oct 2023 09:12:45 +0100\n" + strings.ReplaceAll(string(a), "\r\n", "\n"))
	if id3 := mustParse(t, lf, Options{}).MessageID; id3 != id1 {
		t.Errorf("LF copy got %s, want %s", id3, id1)
	}
	// same From/Subject/Date/To, different body: different ID
	if id4 := mustParse(t, rawMail(h, "Body two\r\n"), Options{}).MessageID; id4 == id1 {
		t.Errorf("different bodies collide: %s", id4)
	}
	// same body, different Cc: different ID
	if id5 := mustParse(t, rawMail(append(h, "Cc: other@example.com"), "Body one\r\n"), Options{}).MessageID; id5 == id1 {
		t.Errorf("different Cc collide: %s", id5)
	}
}

func TestReferences(t *testing.T) {
	raw := rawMail([]string{
		"From: a@b.c",
		"In-Reply-To: <x@y> (Jo's message of Monday)",
		"References: <a@b> <c@d>",
		"  <a@b>\t<e@f>",
	}, "x")
	m := mustParse(t, raw, Options{})
	if got := strings.Join(m.References, " "); got != "a@b c@d e@f" {
		t.Errorf("References = %q", got)
	}
	if got := strings.Join(m.InReplyTo, " "); got != "x@y" {
		t.Errorf("InReplyTo = %q", got)
	}
	m = mustParse(t, rawMail([]string{"From: a@b.c", "References: a@b, c@d a@b"}, "x"), Options{})
	if got := strings.Join(m.References, " "); got != "a@b c@d" {
		t.Errorf("bare References = %q", got)
	}
	m = mustParse(t, rawMail([]string{"From: a@b.c", "In-Reply-To:"}, "x"), Options{})
	if m.InReplyTo != nil {
		t.Errorf("empty In-Reply-To = %q", m.InReplyTo)
	}
}

func TestAddresses(t *testing.T) {
	tests := []struct {
		hdrs     []string
		wantAddr string
		wantName string
	}{
		{[]string{"From: Jo Reporter <jo@Example.COM>"}, "jo@example.com", "Jo Reporter"},
		{[]string{"From: \"Reporter, Jo\" <Jo.R@example.com>"}, "Jo.R@example.com", "Reporter, Jo"},
		{[]string{"From: =?UTF-8?Q?Si=C3=A2n_Pritchard?= <sian@example.com>"}, "sian@example.com", "Siân Pritchard"},
		{[]string{"From: MAILER-DAEMON@mx1.example.org (Mail Delivery System)"}, "MAILER-DAEMON@mx1.example.org", "Mail Delivery System"},
		{[]string{"From: Jo Reporter jo@example.com"}, "jo@example.com", "Jo Reporter"},    // no brackets
		{[]string{"From: Jo [Desk] <jo@example.com"}, "jo@example.com", "Jo [Desk]"},       // unclosed
		{[]string{"From: \"Jo\" <jo@example.com>, extra <x@y.z>"}, "jo@example.com", "Jo"}, // list
		{[]string{"From: Jess Marlowe | Driftcraft <jess@driftcraft.com>"}, "jess@driftcraft.com", "Jess Marlowe | Driftcraft"},
		{[]string{"Sender: s@example.com"}, "s@example.com", ""},                                       // no From
		{[]string{"From: nobody", "Sender: s@example.com"}, "s@example.com", ""},                       // unusable From... bare local part
		{[]string{"Return-Path: <rp@example.com>", "Subject: x"}, "rp@example.com", ""},                // Return-Path fallback
		{[]string{"Reply-To: Jo <rt@example.com>", "Subject: x"}, "rt@example.com", "Jo"},              // Reply-To fallback
		{[]string{"From: undisclosed-recipients:;", "Reply-To: rt@example.com"}, "rt@example.com", ""}, // group, empty
	}
	for _, tc := range tests {
		m := mustParse(t, rawMail(tc.hdrs, "x"), Options{})
		if tc.hdrs[0] == "From: nobody" {
			// a bare word is kept as the From address (lenient)
			if m.From.Addr != "nobody" {
				t.Errorf("%q: From = %+v", tc.hdrs, m.From)
			}
			continue
		}
		if m.From.Addr != tc.wantAddr || m.From.Name != tc.wantName {
			t.Errorf("%q: From = %+v, want %s / %s", tc.hdrs, m.From, tc.wantAddr, tc.wantName)
		}
	}
	m := mustParse(t, rawMail([]string{"From: a@b.c", "To: A <a@x.org>, \"B, b\" <b@x.org>", "Cc: c@x.org; d@x.org", "Return-Path: <>"}, "x"), Options{})
	if len(m.To) != 2 || m.To[1].Name != "B, b" || len(m.Cc) != 2 || m.ReturnPath != "<>" {
		t.Errorf("To %+v Cc %+v ReturnPath %q", m.To, m.Cc, m.ReturnPath)
	}
}

func TestHTMLOnly(t *testing.T) {
	html := `<html><head><title>T</title><style>p{color:red}</style><script>alert("x")</script></head>
<body><div>Hi&nbsp;there,</div><div><br></div>
<p>Your release (<a href="https://www.gov.uk/news/a?x=1&amp;y=2">link</a>) &mdash; says &quot;90%&quot;.</p>
<p>Need by 4pm.</p>
<p>Thanks,<br>Jo</p>
<div class="gmail_quote">On Mon, 16 Oct 2023 at 09:12, Desk &lt;desk@example.gov.uk&gt; wrote:<br>
<blockquote>Earlier <b>quoted</b> text<br>second line</blockquote></div>
</body></html>`
	raw := rawMail(withHeaders("Content-Type: text/html; charset=utf-8"), html)
	m := mustParse(t, raw, Options{})
	if m.HTML != html {
		t.Errorf("HTML not kept raw")
	}
	for _, want := range []string{"Hi there,\n\nYour release (link) — says \"90%\".", "Need by 4pm."} {
		if !strings.Contains(m.NewText, want) {
			t.Errorf("NewText lacks %q:\n%s", want, m.NewText)
		}
	}
	for _, bad := range []string{"alert", "color:red", "quoted", "Thanks"} {
		if strings.Contains(m.NewText, bad) {
			t.Errorf("NewText contains %q:\n%s", bad, m.NewText)
		}
	}
	if !strings.Contains(m.QuotedText, "> Earlier quoted text\n> second line") {
		t.Errorf("QuotedText = %q", m.QuotedText)
	}
	if len(m.URLs) != 1 || m.URLs[0] != "https://www.gov.uk/news/a?x=1&y=2" {
		t.Errorf("URLs = %q", m.URLs)
	}
}

func TestHTMLToTextOutlook(t *testing.T) {
	in := `<p class=MsoNormal>Hi,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>` +
		`<p class=MsoNormal>Line one<o:p></o:p></p><p class=MsoNormal>Line two</p>` +
		`<ul><li>first</li><li>second</li></ul><table><tr><td>a</td><td>b</td></tr></table>`
	got, _ := HTMLToText(in)
	want := "Hi,\n\nLine one\nLine two\n- first\n- second\na b"
	if got != want {
		t.Errorf("HTMLToText = %q, want %q", got, want)
	}
}

const multipartRelated = `--rel
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<p><img src=3D"cid:logo@x"> Hello from the <b>HTML</b> part</p>
--rel
Content-Type: image/png; name="logo.png"
Content-Transfer-Encoding: base64
Content-ID: <logo@x>

iVBORw0KGgo=
--rel--
`

func TestMultipartRelated(t *testing.T) {
	raw := rawMail(withHeaders("MIME-Version: 1.0", `Content-Type: multipart/related; boundary="rel"`), multipartRelated)
	m := mustParse(t, raw, Options{})
	if m.Text != "Hello from the HTML part" {
		t.Errorf("Text = %q", m.Text)
	}
	if len(m.Attachments) != 1 {
		t.Fatalf("Attachments = %+v", m.Attachments)
	}
	a := m.Attachments[0]
	if a.Filename != "logo.png" || a.ContentType != "image/png" || a.Size != 8 || !a.Inline || a.ContentID != "logo@x" || a.Index != 1 {
		t.Errorf("attachment = %+v", a)
	}
}

func TestNestedMultipart(t *testing.T) {
	body := "preamble\r\n--outer\r\n" +
		"Content-Type: multipart/alternative; boundary=alt\r\n\r\n" +
		"--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlain body. By 5pm.\r\n" +
		"--alt\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n" + strings.ReplaceAll(multipartRelated, "\n", "\r\n") + "\r\n" +
		"--alt--\r\n" +
		"--outer\r\nContent-Type: application/pdf; name=\"=?utf-8?Q?r=C3=A9sum=C3=A9.pdf?=\"\r\n" +
		"Content-Disposition: attachment; filename*=utf-8''%E2%82%AC%20rates.pdf\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" + base64.StdEncoding.EncodeToString([]byte("%PDF-1.4 hello")) + "\r\n" +
		"--outer\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"tally.csv\"\r\n\r\na,b\r\n1,2\r\n" +
		"--outer--\r\nepilogue\r\n"
	raw := rawMail(withHeaders(`Content-Type: multipart/mixed; boundary="outer"`), body)
	m := mustParse(t, raw, Options{})
	if m.Text != "Plain body. By 5pm." {
		t.Errorf("Text = %q", m.Text)
	}
	if !strings.Contains(m.HTML, "Hello from the") {
		t.Errorf("HTML = %q", m.HTML)
	}
	want := []Attachment{
		{Filename: "logo.png", ContentType: "image/png", Size: 8, Inline: true, ContentID: "logo@x", Index: 2},
		{Filename: "€ rates.pdf", ContentType: "application/pdf", Size: 14, Index: 3},
		{Filename: "tally.csv", ContentType: "text/csv", Size: 8, Index: 4},
	}
	if len(m.Attachments) != len(want) {
		t.Fatalf("Attachments = %+v", m.Attachments)
	}
	for i := range want {
		if m.Attachments[i] != want[i] {
			t.Errorf("attachment %d = %+v, want %+v", i, m.Attachments[i], want[i])
		}
	}
	if len(m.Warnings) > 0 {
		t.Errorf("warnings: %q", m.Warnings)
	}
}

func TestForwardedRFC822(t *testing.T) {
	inner := "From: GOV.UK Alerts <alerts@example.gov.uk>\r\nSubject: PM call\r\nDate: Tue, 5 Dec 2023 17:31:08 +0000\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"The release text. Time updated: 5:30pm=2E\r\nhttps://www.gov.uk/government/news/pm-call\r\n"
	body := "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nRe the attached readout: what commitments?\r\n\r\nFirst edition deadline 8.45pm.\r\n\r\nThanks,\r\nEd\r\n" +
		"--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n" + inner +
		"--b--\r\n"
	raw := rawMail(withHeaders("Subject: FW: PM call", `Content-Type: multipart/mixed; boundary="b"`), body)
	m := mustParse(t, raw, Options{})
	if strings.Contains(m.NewText, "5:30pm") || !strings.Contains(m.NewText, "8.45pm") {
		t.Errorf("NewText = %q", m.NewText)
	}
	if !strings.HasPrefix(m.ForwardedText, "From: GOV.UK Alerts <alerts@example.gov.uk>\nSubject: PM call\nDate: Tue, 5 Dec 2023 17:31:08 +0000\n\nThe release text. Time updated: 5:30pm.") {
		t.Errorf("ForwardedText = %q", m.ForwardedText)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].ContentType != "message/rfc822" || m.Attachments[0].Index != 1 || m.Attachments[0].Size != int64(len(inner)-2) {
		t.Errorf("Attachments = %+v (inner %d)", m.Attachments, len(inner))
	}
	if len(m.URLs) != 1 || m.URLs[0] != "https://www.gov.uk/government/news/pm-call" {
		t.Errorf("URLs = %q", m.URLs)
	}
	if m.Signature != "Thanks,\nEd" {
		t.Errorf("Signature = %q", m.Signature)
	}
}

func TestSizeCap(t *testing.T) {
	raw := rawMail(withHeaders("Auto-Submitted: auto-replied", "Content-Type: text/plain"), strings.Repeat("body line\r\n", 200))
	m := mustParse(t, raw, Options{MaxSize: 500})
	if !m.TooLarge || m.Text != "" || m.NewText != "" || m.Subject != "Question" || m.From.Addr != "jo@example.com" {
		t.Errorf("TooLarge=%v Text=%q Subject=%q From=%v", m.TooLarge, m.Text, m.Subject, m.From)
	}
	if !hasWarning(m, "only the header was parsed") || m.Size != int64(len(raw)) || m.Automatic != AutoReply {
		t.Errorf("warnings %q size %d auto %q", m.Warnings, m.Size, m.Automatic)
	}
	// under the cap: parsed in full
	if m := mustParse(t, raw, Options{}); m.TooLarge || m.Text == "" {
		t.Errorf("default cap: TooLarge=%v", m.TooLarge)
	}
}

func TestBrokenBodies(t *testing.T) {
	// missing boundary parameter
	m := mustParse(t, rawMail(withHeaders("Content-Type: multipart/mixed"), "just text"), Options{})
	if m.Text != "just text" || !hasWarning(m, "without boundary") {
		t.Errorf("no boundary: %q %q", m.Text, m.Warnings)
	}
	// boundary never appears
	m = mustParse(t, rawMail(withHeaders("Content-Type: multipart/mixed; boundary=zzz"), "just text"), Options{})
	if m.Text != "just text" || !hasWarning(m, "not found") {
		t.Errorf("absent boundary: %q %q", m.Text, m.Warnings)
	}
	// missing closing boundary
	m = mustParse(t, rawMail(withHeaders("Content-Type: multipart/mixed; boundary=b"), "--b\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n"), Options{})
	if strings.TrimSpace(m.Text) != "first part" || !hasWarning(m, "closing boundary") {
		t.Errorf("unclosed: %q %q", m.Text, m.Warnings)
	}
	// header line that is not a field: the body starts there
	m = mustParse(t, []byte("From: a@b.c\r\nSubject: s\r\nthis is body text\r\nmore\r\n"), Options{})
	if m.Text != "this is body text\nmore\n" || !hasWarning(m, "start of the body") {
		t.Errorf("no blank line: %q %q", m.Text, m.Warnings)
	}
	// mbox From_ line and a header without a body
	m = mustParse(t, []byte("From jo@example.com Mon Oct 16 09:12:44 2023\nFrom: jo@example.com\nSubject: only header"), Options{})
	if m.Subject != "only header" || m.Text != "" {
		t.Errorf("mbox: %q %q", m.Subject, m.Text)
	}
	// malformed Content-Type
	m = mustParse(t, rawMail(withHeaders("Content-Type: ;;;=="), "text"), Options{})
	if m.Text != "text" {
		t.Errorf("bad content-type: %q", m.Text)
	}
}

func TestUnrecoverable(t *testing.T) {
	for _, raw := range []string{"", "   \r\n\t ", "\x00\x01\x02 binary junk", "This is a simple message not having headers.\n\nBody", "{\"json\": true}\n", "Foo: bar\nBaz: qux\n\nbody"} {
		m, err := Parse([]byte(raw), Options{})
		if err == nil || m != nil || err.Error() == "" || !errors.Is(err, ErrNotMail) {
			t.Errorf("Parse(%q) = %v, %v; want an ErrNotMail error", raw, m, err)
		}
	}
}

func TestAutomatic(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		ct      string
		body    string
		want    AutoKind
		reason  string
	}{
		{"human", nil, "", "Hi", NotAutomatic, ""},
		{"own loop header", []string{"X-Mediadesk-Loop: desk-1", "Auto-Submitted: auto-replied"}, "", "x", AutoReply, "own loop header"},
		{"auto-submitted replied", []string{"Auto-Submitted: auto-replied"}, "", "x", AutoReply, "Auto-Submitted: auto-replied"},
		{"auto-submitted generated", []string{"Auto-Submitted: auto-generated"}, "", "x", Bulk, "Auto-Submitted: auto-generated"},
		{"auto-submitted notified", []string{"Auto-Submitted: Auto-Notified; owner-email=x"}, "", "x", AutoReply, "Auto-Submitted: auto-notified"},
		{"auto-submitted no", []string{"Auto-Submitted: no"}, "", "x", NotAutomatic, ""},
		{"dsn report", nil, "multipart/report; report-type=delivery-status; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--\r\n", Bounce, "report-type=delivery-status"},
		{"mdn report", nil, "multipart/report; report-type=disposition-notification; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nwas read\r\n--b--\r\n", ReadReceipt, "disposition-notification"},
		{"nested delivery-status", nil, "multipart/mixed; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.0.0\r\n--b--\r\n", Bounce, "message/delivery-status"},
		{"mailer-daemon", []string{"From: MAILER-DAEMON@mx.example.org"}, "", "x", Bounce, "mailer-daemon"},
		{"postmaster", []string{"From: Postmaster <PostMaster@example.org>"}, "", "x", Bounce, "postmaster"},
		{"null return-path", []string{"Return-Path: <>"}, "", "x", Bounce, "Return-Path: <>"},
		{"null return-path read", []string{"Return-Path: <>", "Subject: Read: your message"}, "", "x", ReadReceipt, "Read:"},
		{"precedence bulk", []string{"Precedence: bulk"}, "", "x", Bulk, "Precedence: bulk"},
		{"precedence junk", []string{"Precedence: junk"}, "", "x", Bulk, "Precedence: junk"},
		{"precedence list", []string{"Precedence: list"}, "", "x", Bulk, "Precedence: list"},
		{"precedence auto_reply", []string{"Precedence: auto_reply"}, "", "x", AutoReply, "Precedence: auto_reply"},
		{"precedence first-class", []string{"Precedence: first-class"}, "", "x", NotAutomatic, ""},
		{"x-autoreply", []string{"X-Autoreply: yes"}, "", "x", AutoReply, "X-Autoreply"},
		{"x-autorespond", []string{"X-Autorespond: 1"}, "", "x", AutoReply, "X-Autorespond"},
		{"x-autoresponder", []string{"X-Autoresponder: on"}, "", "x", AutoReply, "X-Autoresponder"},
		{"x-mailer vacation", []string{"X-Mailer: Vacation 1.2"}, "", "x", AutoReply, "X-Mailer"},
		{"x-auto-response-suppress", []string{"X-Auto-Response-Suppress: All"}, "", "x", AutoReply, "X-Auto-Response-Suppress"},
		{"list-id", []string{"List-Id: <news.example.org>"}, "", "x", Bulk, "List-Id"},
		{"list-unsubscribe", []string{"List-Unsubscribe: <mailto:u@example.org>"}, "", "x", Bulk, "List-Unsubscribe"},
		{"subject automatic reply", []string{"Subject: Automatic reply: RE: question"}, "", "x", AutoReply, "Automatic reply:"},
		{"subject AUTO", []string{"Subject: AUTO: Jo is out of the office"}, "", "x", AutoReply, "AUTO:"},
		{"subject out of office", []string{"Subject: Out of Office: back Monday"}, "", "x", AutoReply, "Out of Office:"},
		{"subject abwesenheitsnotiz", []string{"Subject: Abwesenheitsnotiz: Ihre Anfrage"}, "", "x", AutoReply, "Abwesenheitsnotiz"},
		{"subject réponse automatique", []string{"Subject: Réponse automatique : question"}, "", "x", AutoReply, "Réponse automatique"},
		{"subject undeliverable", []string{"Subject: Undeliverable: question"}, "", "x", Bounce, "Undeliverable:"},
		{"subject returned mail", []string{"Subject: Returned mail: see transcript"}, "", "x", Bounce, "Returned mail:"},
		{"subject DSN", []string{"Subject: Delivery Status Notification (Failure)"}, "", "x", Bounce, "Delivery Status Notification"},
		{"subject tag", []string{"Subject: Re: programme [Auto-Reply]"}, "", "x", AutoReply, "[auto-reply]"},
		{"subject mentions out of office", []string{"Subject: Question about out of office hours"}, "", "x", NotAutomatic, ""},
		{"subject read alone", []string{"Subject: Read: the report"}, "", "x", NotAutomatic, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := []string{"To: desk@example.gov.uk", "Message-ID: <m@x>"}
			hasFrom, hasSubj := false, false
			for _, x := range tc.headers {
				hasFrom = hasFrom || strings.HasPrefix(x, "From:")
				hasSubj = hasSubj || strings.HasPrefix(x, "Subject:")
			}
			if !hasFrom {
				h = append(h, "From: Jo <jo@example.com>")
			}
			if !hasSubj {
				h = append(h, "Subject: Question")
			}
			h = append(h, tc.headers...)
			if tc.ct != "" {
				h = append(h, "Content-Type: "+tc.ct)
			}
			m := mustParse(t, rawMail(h, tc.body), Options{})
			if m.Automatic != tc.want {
				t.Fatalf("Automatic = %q (%s), want %q", m.Automatic, m.AutoReason, tc.want)
			}
			if !strings.Contains(strings.ToLower(m.AutoReason), strings.ToLower(tc.reason)) {
				t.Errorf("AutoReason = %q, want it to name %q", m.AutoReason, tc.reason)
			}
		})
	}
}

func TestHeaderMap(t *testing.T) {
	raw := rawMail(withHeaders("X-Mediadesk-Loop: desk", "Precedence: bulk", "Thread-Topic: topic", "X-Mailer: Mutt", "Content-Type: text/plain; charset=utf-8", "X-Other: ignored"), "x")
	m := mustParse(t, raw, Options{})
	for k, v := range map[string]string{"X-Mediadesk-Loop": "desk", "Precedence": "bulk", "Thread-Topic": "topic", "X-Mailer": "Mutt", "Content-Type": "text/plain; charset=utf-8"} {
		if m.Header[k] != v {
			t.Errorf("Header[%s] = %q, want %q", k, m.Header[k], v)
		}
	}
	if _, ok := m.Header["X-Other"]; ok {
		t.Errorf("X-Other kept")
	}
}

func TestURLs(t *testing.T) {
	text := `See https://www.gov.uk/a-b_c?d=1. Also (https://example.org/x(y)) and <https://example.com/very-
long-path> plus "http://quoted.example/q", https://www.gov.uk/a-b_c?d=1 again; xhttps://no.example and https:// bare.`
	// Parse is the entry point: Message.URLs holds what the text names.
	raw := "From: a@example.com\r\nTo: desk@example.gov.uk\r\nSubject: links\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(text, "\n", "\r\n") + "\r\n"
	got := mustParse(t, []byte(raw), Options{}).URLs
	want := []string{"https://www.gov.uk/a-b_c?d=1", "https://example.org/x(y)", "https://example.com/very-long-path", "http://quoted.example/q"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Message.URLs = %q\nwant %q", got, want)
	}
}

func TestNoPanicRecovered(t *testing.T) {
	// Parse's recover must never be needed: run the inner parse directly
	// on a few nasty inputs.
	nasty := []string{
		"From: a@b\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n--a--",
		"From: a@b\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d\r\nContent-Type: message/rfc822\r\n\r\n",
		"From: a@b\r\nSubject: =?\r\n\r\n=?",
		"From: a@b\r\nContent-Type: text/plain; name*0*=x; name*99999999999=y; name*1*=%\r\n\r\n",
		"From: a@b\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 f\r\n" + string([]byte{0x7f, 0x20}) + "\r\nend\r\n",
		"From: a@b\r\nDate: 99:99:99 +9999 -\r\n\r\n",
	}
	for _, s := range nasty {
		if _, err := parse([]byte(s), Options{}); err != nil && strings.Contains(err.Error(), "panic") {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("From: a@b.c\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n")
	for i := 0; i < 100; i++ {
		sb.WriteString("--b" + itoa(i) + "\r\nContent-Type: multipart/mixed; boundary=b" + itoa(i+1) + "\r\n\r\n")
	}
	sb.WriteString("--b100\r\nContent-Type: text/plain\r\n\r\ndeep\r\n")
	m := mustParse(t, []byte(sb.String()), Options{})
	if !hasWarning(m, "nesting deeper") {
		t.Errorf("warnings = %q", m.Warnings)
	}
	// many parts
	sb.Reset()
	sb.WriteString("From: a@b.c\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n")
	for i := 0; i < 3000; i++ {
		sb.WriteString("--b\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n")
	}
	m = mustParse(t, []byte(sb.String()), Options{})
	if !hasWarning(m, "more than") || len(m.Attachments) > maxParts {
		t.Errorf("parts: %d attachments, warnings %q", len(m.Attachments), m.Warnings)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestHostileInputsStayFast(t *testing.T) {
	big := func(unit string, n int) string { return strings.Repeat(unit, n) }
	inputs := []string{
		"From: a@b.c\r\nSubject: " + big("=?a?q?", 150000) + "\r\n\r\nx",
		"From: a@b.c\r\nSubject: " + big("=?utf-8?Q?", 100000) + "\r\n\r\nx",
		"From: a@b.c\r\nContent-Type: text/html\r\n\r\n" + big(`<a href="http://e.x/`+"a\">", 1) + big(`<a href="http://e.x/q">x</a>`, 40000),
		"From: a@b.c\r\nReferences: " + big("<a@b> ", 100000) + "\r\n\r\nx",
		"From: a@b.c\r\nTo: " + big("x@y.z, ", 100000) + "\r\n\r\nx",
		"From: a@b.c\r\n\r\n" + big("Thanks\n\n\n\n", 50000) + "Is this a question?",
		"From: a@b.c\r\n\r\n" + big("https://a.example/", 50000),
		"From: a@b.c\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n" + big("--a\r\n\r\nx\r\n", 50000),
	}
	for i, in := range inputs {
		start := time.Now()
		m, err := parse([]byte(in), Options{})
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("input %d took %v", i, d)
		}
		if len(m.URLs) > maxURLs || len(m.References) > 500 {
			t.Errorf("input %d: %d URLs, %d references", i, len(m.URLs), len(m.References))
		}
	}
}

func BenchmarkHostile(b *testing.B) {
	big := func(unit string, n int) string { return strings.Repeat(unit, n) }
	inputs := map[string]string{
		"ew-a":   "From: a@b.c\r\nSubject: " + big("=?a?q?", 150000) + "\r\n\r\nx",
		"ew-u":   "From: a@b.c\r\nSubject: " + big("=?utf-8?Q?", 100000) + "\r\n\r\nx",
		"href":   "From: a@b.c\r\nContent-Type: text/html\r\n\r\n" + big(`<a href="http://e.x/q">x</a>`, 40000),
		"refs":   "From: a@b.c\r\nReferences: " + big("<a@b> ", 100000) + "\r\n\r\nx",
		"to":     "From: a@b.c\r\nTo: " + big("x@y.z, ", 100000) + "\r\n\r\nx",
		"thanks": "From: a@b.c\r\n\r\n" + big("Thanks\n\n\n\n", 50000) + "Is this a question?",
		"urls":   "From: a@b.c\r\n\r\n" + big("https://a.example/", 50000),
		"parts":  "From: a@b.c\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n" + big("--a\r\n\r\nx\r\n", 50000),
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				parse([]byte(in), Options{})
			}
		})
	}
}

func TestHostileParamsAndBrackets(t *testing.T) {
	in := "From: a@b.c\r\nContent-Type: text/plain; " + strings.Repeat(`a="x;`, 200000) + "\r\n\r\n" + strings.Repeat("<http://e.x/ ", 80000)
	start := time.Now()
	if _, err := parse([]byte(in), Options{}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestEverySubjectPrefixIsReachable(t *testing.T) {
	for _, p := range subjectPrefixes {
		for _, subj := range []string{p.prefix + " x", strings.ToUpper(p.prefix) + " x"} {
			if k, _ := subjectSignal(subj); k != p.kind {
				t.Errorf("subjectSignal(%q) = %q, want %q", subj, k, p.kind)
			}
		}
	}
}

func TestConcurrentParse(t *testing.T) {
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 50; i++ {
				for _, raw := range benchMessages {
					if _, err := Parse([]byte(raw), Options{}); err != nil {
						t.Error(err)
						return
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
