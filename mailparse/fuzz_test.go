package mailparse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/internal/fixture"
)

// checkInvariants is what every parsed message must satisfy.
func checkInvariants(t *testing.T, name string, m *Message) {
	t.Helper()
	if m == nil {
		t.Fatalf("%s: nil message without error", name)
	}
	for field, s := range map[string]string{
		"Subject": m.Subject, "Text": m.Text, "NewText": m.NewText, "QuotedText": m.QuotedText,
		"ForwardedText": m.ForwardedText, "Signature": m.Signature, "From.Name": m.From.Name,
		"From.Addr": m.From.Addr, "MessageID": m.MessageID, "ReturnPath": m.ReturnPath, "AutoReason": m.AutoReason,
	} {
		if !utf8.ValidString(s) {
			t.Fatalf("%s: %s is not valid UTF-8: %q", name, field, s)
		}
	}
	if strings.IndexByte(m.Text, '\r') >= 0 {
		t.Fatalf("%s: Text has CR", name)
	}
	if m.MessageID == "" {
		t.Fatalf("%s: empty MessageID", name)
	}
	for _, a := range m.Attachments {
		if !utf8.ValidString(a.Filename) || a.Size < 0 {
			t.Fatalf("%s: bad attachment %+v", name, a)
		}
	}
	for _, u := range m.URLs {
		if !utf8.ValidString(u) || !hasHTTPPrefix(strings.ToLower(u)) {
			t.Fatalf("%s: bad URL %q", name, u)
		}
	}
}

// addFileSeeds adds the project's own labelled enquiries and, when the
// shared data is present, every file of the MIME corpus and the shared
// samples (read at run time; nothing third-party is copied into the
// repository).
func addFileSeeds(f *testing.F) {
	for _, p := range corpusFiles(f) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	dirs := []string{filepath.Join("..", "routing", "testdata", "enquiries"), filepath.Join("..", "routing", "testdata", "tuning")}
	if dir, ok := fixture.Shared(f, "enquiries"); ok {
		dirs = append(dirs, dir)
	}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.eml"))
		if err != nil {
			continue
		}
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
}

var syntheticSeeds = []string{
	"From: a@b.c\r\nSubject: hi\r\n\r\nbody",
	"From: =?utf-8?B?w6k=?= <a@b.c>\nSubject: =?iso-8859-1?q?caf=E9?=\nDate: Tue, 3 Oct 23 11:02 GMT+0100 (BST)\n\nOn Mon, 1 Jan 2024, X <x@y> wrote:\n> q\n",
	"From: a@b.c\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/html\n\n<blockquote><p>q</p></blockquote><a href='http://e.x/'>l</a>\n--x\nContent-Type: message/rfc822\n\nFrom: c@d\n\ninner\n--x--\n",
	"From: a@b.c\nContent-Type: multipart/report; report-type=delivery-status; boundary=r\n\n--r\nContent-Type: message/delivery-status\n\nStatus: 5.0.0\n--r",
	"From: a@b.c\nContent-Transfer-Encoding: base64\nContent-Type: text/plain; charset=utf-7\n\nK0FQWS0=\n",
	"Subject: x\nContent-Type: text/plain; name*0*=utf-8''%E2%82; name*1*=%AC\nContent-Disposition: attachment\n\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range syntheticSeeds {
		f.Add([]byte(s))
	}
	addFileSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		// the inner parse: a panic must surface, not be recovered
		m, err := parse(raw, Options{MaxSize: 1 << 20})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("error without a reason")
			}
			if m != nil {
				t.Fatal("message returned with an error")
			}
			return
		}
		checkInvariants(t, "fuzz", m)
		// deterministic: the same bytes give the same ID and split
		m2, err := parse(raw, Options{MaxSize: 1 << 20})
		if err != nil || m2.MessageID != m.MessageID || m2.NewText != m.NewText {
			t.Fatalf("not deterministic: %v %q/%q", err, m.MessageID, m2.MessageID)
		}
	})
}

func FuzzSplitText(f *testing.F) {
	for _, s := range []string{
		"Hi\n\nBy 4pm.\n\nThanks,\nJo\n\nOn Mon, 1 Jan 2024 at 10:00, X <x@y.z> wrote:\n> old\n",
		"a\n________________________________\nFrom: x\nSent: y\nTo: z\nSubject: w\n\nold",
		"---------- Forwarded message ---------\nFrom: x\n",
		"Thanks, H\n-- \nsig\nSent from my iPhone",
		"x\r\n\r\n> q\r\ny\r\n",
		"Stellungnahme?\nVielen Dank!\nFrist: 14 Uhr.\n\nMë 12 tet 2023 në 18:05, Zyra <z@y.al> shkroi:\n> old",
		"سؤال\n\nشكرا،\nهل يمكن الرد اليوم؟\n\nكتب المكتب <x@y.z> في 12/10/2023 18:05:\nold",
	} {
		f.Add(s, "")
		f.Add(s, "Fwd: x")
	}
	f.Fuzz(func(t *testing.T, text, subject string) {
		n, q, fw, s := SplitTextWithSubject(text, subject)
		if utf8.ValidString(text) {
			for _, out := range []string{n, q, fw, s} {
				if !utf8.ValidString(out) {
					t.Fatalf("invalid UTF-8 output %q", out)
				}
			}
		}
		if strings.TrimSpace(text) != "" && n+q+fw+s == "" {
			t.Fatalf("content lost: %q", text)
		}
		// nothing is invented: every output line comes from the input
		norm := normalizeNewlines(text)
		for _, out := range []string{n, q, fw, s} {
			for _, l := range strings.Split(out, "\n") {
				if l != "" && !strings.Contains(norm, strings.TrimSpace(l)) {
					t.Fatalf("line %q not in input", l)
				}
			}
		}
	})
}
