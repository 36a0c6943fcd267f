package mailparse

import (
	"bytes"
	"io"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-message"
)

// TestGoMessageLosesMore measures the evidence for keeping the hand-written
// MIME walker (doc.go, "go-message"): on the shared MIME corpus, on how
// many messages go-message's streaming reader (message.Read, walking every
// part through MultipartReader and reading each body) loses data, and on
// how many mailparse does. It skips without the corpus; with it, it logs
// the figures and fails if mailparse loses data on more messages.
//
//	go test ./mailparse -run TestGoMessageLosesMore -v
//
// go-message loses data on a message when
//   - message.Read fails (not an unknown charset or transfer encoding):
//     nothing is read;
//   - the walk stops: NextPart fails with anything but io.EOF, so the
//     remaining parts are lost;
//   - reading a part's decoded body fails (base64 or quoted-printable
//     errors): that part is lost from the error on;
//   - a charset fails: an unknown charset error (the body stays encoded),
//     body text that is not UTF-8 (undeclared 8-bit passed through), or
//     more U+FFFD in it than in mailparse's;
//   - text is dropped: of the words (four letters or more) of mailparse's
//     body (Text plus the HTML's text), more than a tenth are missing from
//     go-message's text/plain and text/html parts that are not attachments
//     (no attachment disposition, no file name; a digest's untyped parts
//     are messages, and an embedded message/rfc822 is not opened) — the
//     HTML read with the same HTMLToText.
//
// mailparse loses data on a message when Parse returns an error, or when
// text is dropped the other way round (counted only where go-message's
// text decoded cleanly, so its undecoded bytes do not count as words).
func TestGoMessageLosesMore(t *testing.T) {
	files := corpusFiles(t)
	if files == nil {
		t.Skip("needs the shared MIME corpus (absent)")
	}
	var gmLost, mpLost, gmRead, gmWalk, gmBody, gmCharset, gmText, mpParse, mpText, both int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := filepath.Rel(filepath.Dir(filepath.Dir(f)), f)
		var mpBody string
		m, mpErr := Parse(raw, Options{})
		if mpErr == nil {
			mpBody = m.Text
			if m.HTML != "" {
				h, _ := HTMLToText(m.HTML)
				mpBody += "\n" + h
			}
		}
		g := readGoMessage(raw)

		var why []string
		if g.readErr != nil {
			gmRead++
			why = append(why, "read: "+g.readErr.Error())
		}
		if g.walkErr != nil {
			gmWalk++
			why = append(why, "walk: "+g.walkErr.Error())
		}
		if g.bodyErr != nil {
			gmBody++
			why = append(why, "body: "+g.bodyErr.Error())
		}
		badCharset := g.charsetErr != nil || !utf8.ValidString(g.body) || strings.Count(g.body, "\uFFFD") > strings.Count(mpBody, "\uFFFD")
		if badCharset {
			gmCharset++
			why = append(why, "charset")
		}
		if missing(mpBody, g.body) {
			gmText++
			why = append(why, "text dropped")
		}
		var mpWhy []string
		if mpErr != nil {
			mpParse++
			mpWhy = append(mpWhy, "parse: "+mpErr.Error())
		}
		if !badCharset && missing(g.body, mpBody) {
			mpText++
			mpWhy = append(mpWhy, "text dropped")
		}
		if len(why) > 0 {
			gmLost++
			t.Logf("go-message loses %s: %s", name, strings.Join(why, "; "))
		}
		if len(mpWhy) > 0 {
			mpLost++
			t.Logf("mailparse loses %s: %s", name, strings.Join(mpWhy, "; "))
		}
		if len(why) > 0 && len(mpWhy) > 0 {
			both++
		}
	}
	t.Logf("%d messages: go-message loses data on %d (read fails %d, walk stops %d, a body fails %d, charset %d, text dropped %d); mailparse on %d (parse error %d, text dropped %d); both on %d",
		len(files), gmLost, gmRead, gmWalk, gmBody, gmCharset, gmText, mpLost, mpParse, mpText, both)
	if mpLost > gmLost {
		t.Errorf("mailparse loses data on %d messages, go-message on %d: the hand-written walker no longer earns its place", mpLost, gmLost)
	}
}

// goMessageRead is what go-message's streaming reader made of a message.
type goMessageRead struct {
	readErr, walkErr, bodyErr, charsetErr error
	body                                  string // the text/plain and text/html parts that are not attachments (HTML as text)
}

func readGoMessage(raw []byte) (g goMessageRead) {
	e, err := message.Read(bytes.NewReader(raw))
	if err != nil {
		if !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
			g.readErr = err
			return g
		}
		if message.IsUnknownCharset(err) {
			g.charsetErr = err
		}
	}
	var body []string
	var walk func(e *message.Entity, depth int, digest bool)
	walk = func(e *message.Entity, depth int, digest bool) {
		if mr := e.MultipartReader(); mr != nil {
			mt, _, _ := e.Header.ContentType()
			if depth > 32 {
				return
			}
			for {
				p, err := mr.NextPart()
				if err == io.EOF {
					return
				}
				if err != nil && p == nil {
					if g.walkErr == nil {
						g.walkErr = err
					}
					return
				}
				if err != nil && message.IsUnknownCharset(err) && g.charsetErr == nil {
					g.charsetErr = err
				}
				walk(p, depth+1, mt == "multipart/digest")
				if g.bodyErr != nil && g.walkErr == nil {
					// a failed body read leaves the multipart reader mid-part
					return
				}
			}
		}
		b, err := io.ReadAll(e.Body)
		if err != nil && g.bodyErr == nil {
			g.bodyErr = err
		}
		ct, _, _ := e.Header.ContentType()
		disp, dp, _ := mime.ParseMediaType(e.Header.Get("Content-Disposition"))
		_, cp, _ := e.Header.ContentType()
		if disp == "attachment" || dp["filename"] != "" || cp["name"] != "" {
			return // an attachment for both readers
		}
		if digest && e.Header.Get("Content-Type") == "" {
			return // a digest's part is a message/rfc822 by default (RFC 2046 5.1.5), not text
		}
		switch ct {
		case "text/plain", "":
			body = append(body, string(b))
		case "text/html":
			h, _ := HTMLToText(string(b))
			body = append(body, h)
		}
	}
	walk(e, 0, false)
	g.body = strings.Join(body, "\n")
	return g
}

// missing reports whether more than a tenth of the words of want (four
// letters or more, at least five distinct words) are not in got.
func missing(want, got string) bool {
	w := words(want)
	if len(w) < 5 {
		return false
	}
	have := words(got)
	n := 0
	for x := range w {
		if !have[x] {
			n++
		}
	}
	return n*10 > len(w)
}

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(f)) >= 4 {
			out[f] = true
		}
	}
	return out
}
