package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediadesk/mediadesk/internal/clock"
	"github.com/mediadesk/mediadesk/mailparse"
)

// hostile holds what a JSON encoder must escape: quotes, backslashes,
// control characters, HTML characters, invalid UTF-8, U+2028/2029,
// characters beyond the BMP.
const hostile = "a\"b\\c\x00\x01\x1f\b\f\n\r\t<script>&amp;</script>\xff\xfe\xc3\x28 \u2028\u2029 ü 日本 😀 \x7f end"

// fullMessage sets every field of mailparse.Message (checked by
// reflection, so a field added later must be added here and to the
// encoder).
func fullMessage(t *testing.T) mailparse.Message {
	m := mailparse.Message{
		MessageID: "id" + hostile, DerivedID: true,
		InReplyTo: []string{"a@x", hostile}, References: []string{"r1@x", "r2@x"},
		From:    mailparse.Address{Name: "Jo " + hostile, Addr: "jo@bbc.co.uk"},
		Sender:  mailparse.Address{Addr: "s@x"},
		ReplyTo: []mailparse.Address{{Addr: "r@x"}}, To: []mailparse.Address{{Name: "Desk", Addr: "desk@x"}, {Addr: "b@x"}},
		Cc: []mailparse.Address{{Name: hostile, Addr: "c@x"}}, ReturnPath: "rp@x",
		Subject: hostile, Date: time.Date(2023, 10, 16, 9, 30, 1, 123456789, time.FixedZone("", 3600+1800)), DateSource: mailparse.DateHeader,
		Text: "text " + hostile, HTML: "<p>" + hostile + "</p>", NewText: "new", QuotedText: "> q", ForwardedText: "fwd", Signature: "-- sig",
		URLs:        []string{"https://x/a?b=1&c=<2>"},
		Attachments: []mailparse.Attachment{{Filename: hostile, ContentType: "application/pdf", Size: 1234, Inline: true, ContentID: "cid1", Index: 3}, {ContentType: "image/png", Index: 0}},
		Automatic:   mailparse.AutoReply, AutoReason: "Auto-Submitted: " + hostile, Size: 99999, TooLarge: true,
		Header:   map[string]string{"Auto-Submitted": "auto-replied", "List-Id": hostile, "A": ""},
		Warnings: []string{hostile, "second"},
	}
	v := reflect.ValueOf(m)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("fullMessage leaves mailparse.Message.%s zero", v.Type().Field(i).Name)
		}
	}
	return m
}

// marshalDocJSON is encodeDoc through encoding/json, as it was: the text
// parts taken out the same way, then json.Marshal.
func marshalDocJSON(m Message) ([]byte, error) {
	var p textParts
	slice := func(s *string) *[2]int {
		if *s == "" {
			return nil
		}
		at := strings.Index(m.Text, *s)
		if at < 0 {
			return nil
		}
		r := &[2]int{at, len(*s)}
		*s = ""
		return r
	}
	p.New, p.Quoted, p.Forwarded, p.Signature = slice(&m.NewText), slice(&m.QuotedText), slice(&m.ForwardedText), slice(&m.Signature)
	sm := storedMessage{Message: m}
	if p != (textParts{}) {
		sm.Parts = &p
	}
	return json.Marshal(sm)
}

// TestJSONEncodersMatchMarshal: the hand-written encoders of the message
// document, the commit input, the created event's dims and timeline
// events write exactly what json.Marshal writes for the same values.
func TestJSONEncodersMatchMarshal(t *testing.T) {
	full := fullMessage(t)
	docs := []Message{
		{Key: "k", Ref: "MD-2023-000001", Direction: "in", Kind: "enquiry", Source: Source{Mailbox: "m", Folder: hostile, UIDValidity: 4294967295, UID: 7},
			Received: time.Date(2023, 10, 16, 9, 30, 0, 0, time.UTC), Message: full},
		{Direction: "in", Message: mailparse.Message{Text: "hello", NewText: "hello"}},                          // zero times, parts
		{Direction: "in", Received: time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC), Message: mailparse.Message{}}, // a year json refuses
		{Direction: "out", Received: time.Date(2023, 3, 26, 1, 0, 0, 5, time.Local), Message: mailparse.Message{Text: "ab", NewText: "x", Signature: "b"}},
	}
	// Every sample message of the repository, parsed.
	files, _ := filepath.Glob("../routing/testdata/*/*.eml")
	files2, _ := filepath.Glob("../cmd/mediadesk/testdata/route/*.eml")
	for _, f := range append(files, files2...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m, err := mailparse.Parse(raw, mailparse.Options{}); err == nil {
			docs = append(docs, Message{Direction: "in", Source: Source{Mailbox: "m", Folder: "INBOX", UID: 1}, Received: m.Date, Message: *m})
		}
	}
	for i, m := range docs {
		got, err := encodeDoc(m)
		want, werr := marshalDocJSON(m)
		if (err != nil) != (werr != nil) {
			t.Errorf("doc %d: error %v, json.Marshal's %v", i, err, werr)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("doc %d differs:\n got %s\nwant %s", i, got, want)
		}
	}

	// Commit inputs of every kind, with the dims and timeline they carry.
	s := &Store{refPrefix: "MD", loc: time.UTC, clock: clock.NewFake(time.Date(2023, 10, 16, 9, 31, 0, 0, time.UTC)), senderLimit: 3, senderWindow: time.Hour, senderNote: hostile}
	m := full
	m.Automatic = mailparse.NotAutomatic
	auto := full
	inputs := []*Incoming{
		{Source: Source{Mailbox: "m", Folder: "INBOX", UIDValidity: 1, UID: 2}, Size: 10, Msg: &m, Received: time.Date(2023, 10, 16, 9, 30, 0, 0, time.UTC),
			RefHint: "MD-2022-000042", Replay: true, DeadlineTarget: time.Date(2023, 10, 16, 11, 0, 0, 0, time.UTC),
			New: &NewEnquiry{Outlet: hostile, OutletTier: "national", Topic: "europe", TopicReason: hostile, Release: "r1", ReleaseTitle: hostile,
				ReleaseScore: 0.8125, ReleaseReason: "names", Officer: "lindqvist", OfficerReason: "rota", Shift: "day",
				Deadline: time.Date(2023, 10, 16, 14, 0, 0, 0, time.UTC), DeadlinePhrase: "by 2pm", Policy: "standard",
				PolicyAck: 15 * time.Minute, PolicyFRT: 2 * time.Hour, PolicyRes: 24 * time.Hour,
				AcknowledgeDue: time.Date(2023, 10, 16, 9, 45, 0, 0, time.UTC), FirstResponseDue: time.Date(2023, 10, 16, 11, 30, 0, 0, time.UTC),
				ResolutionDue: time.Date(2023, 10, 17, 9, 30, 0, 0, time.UTC), Lang: "en", Channel: "phone", AckRequested: true,
				Timeline: []Event{
					{Type: "routed", By: "system", Text: hostile, Data: map[string]any{"topic": "europe", "release_score": 0.8125, "tiny": 1e-9, "big": 1e22, "n": 3, "i64": int64(-4), "ok": true, "list": []string{"a", hostile}, "nil": nil, "map": map[string]int{"b": 2, "a": 1}}},
					{At: time.Date(2023, 10, 16, 9, 30, 0, 0, time.UTC), Type: "deadline"},
				}}},
		{Source: Source{Mailbox: "m", Folder: "INBOX", UID: 3}, Msg: &m, Own: true},                            // routed nowhere
		{Source: Source{Mailbox: "m", Folder: "INBOX", UID: 4}, Msg: &auto, New: nil},                          // automatic
		{Source: Source{Mailbox: "m", Folder: "INBOX", UID: 5}, RawHeader: hostile, ParseErr: nil},             // quarantine
		{Source: Source{Mailbox: "m", Folder: "INBOX", UID: 6}, Msg: &mailparse.Message{}, New: &NewEnquiry{}}, // empty
	}
	for i, in := range inputs {
		ci, err := s.input(in, 15*time.Minute)
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		args, err := s.encode(in, 15*time.Minute)
		if err != nil {
			t.Fatalf("encode %d: %v", i, err)
		}
		want, _ := json.Marshal(ci)
		if args.input != string(want) {
			t.Errorf("input %d differs:\n got %s\nwant %s", i, args.input, want)
		}
		if n := in.New; n != nil {
			dims, _ := json.Marshal(createdDims{Officer: n.Officer, Topic: n.Topic, Tier: n.OutletTier, Outlet: n.Outlet, Release: n.Release,
				Policy: n.Policy, Created: mustInt(t, ci.Received), Channel: n.Channel, Lang: n.Lang})
			if ci.Dims != string(dims[1:len(dims)-1]) {
				t.Errorf("dims %d: %s, want %s", i, ci.Dims, dims)
			}
			for j, e := range n.Timeline {
				w, _ := json.Marshal(rawEvent{At: e.At.UnixMilli(), Type: e.Type, By: e.By, Text: e.Text, Data: e.Data})
				if got := encodeEvent(e); got != string(w) {
					t.Errorf("event %d.%d:\n got %s\nwant %s", i, j, got, w)
				}
			}
		}
	}
}

func mustInt(t *testing.T, s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// FuzzJSONString: a string is escaped exactly as json.Marshal escapes it.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", hostile, "plain", "\u2028", "\xed\xa0\x80", "<&>", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var e jsonEnc
		e.str(s)
		want, _ := json.Marshal(s)
		if string(e.b) != string(want) {
			t.Errorf("%q: got %s, want %s", s, e.b, want)
		}
	})
}

// BenchmarkEncodeCommit: a new enquiry's message document and commit
// input, by hand and by encoding/json.
func BenchmarkEncodeCommit(b *testing.B) {
	s := &Store{refPrefix: "MD", loc: time.UTC, clock: clock.NewFake(time.Date(2023, 10, 16, 9, 31, 0, 0, time.UTC))}
	body := strings.Repeat("A question about the announcement on small boats and returns. ", 20)
	m := mailparse.Message{MessageID: "m1@x", From: mailparse.Address{Addr: "j1@bbc.co.uk", Name: "Jo"}, Subject: "Small boats",
		Date: time.Date(2023, 10, 16, 9, 30, 0, 0, time.UTC), Text: body, NewText: body, Size: 2000, DateSource: mailparse.DateHeader}
	in := &Incoming{Source: Source{Mailbox: "m", Folder: "INBOX", UID: 2}, Size: 2000, Msg: &m, Received: m.Date,
		New: &NewEnquiry{Topic: "europe", Officer: "lindqvist", Policy: "standard", AcknowledgeDue: m.Date.Add(time.Hour),
			Timeline: []Event{{Type: "routed", By: "system", Text: "topic europe", Data: map[string]any{"topic": "europe", "release_score": 0.8}}}}}
	doc := Message{Direction: "in", Source: in.Source, Received: in.Received, Message: m}
	ci, err := s.input(in, 15*time.Minute)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("doc/hand", func(b *testing.B) {
		for b.Loop() {
			_, _ = encodeDoc(doc)
		}
	})
	b.Run("doc/encoding-json", func(b *testing.B) {
		for b.Loop() {
			_, _ = marshalDocJSON(doc)
		}
	})
	b.Run("input/hand", func(b *testing.B) {
		for b.Loop() {
			e := jsonEnc{b: make([]byte, 0, ci.sizeHint())}
			e.appendCommitInput(ci)
		}
	})
	b.Run("input/encoding-json", func(b *testing.B) {
		for b.Loop() {
			_, _ = json.Marshal(ci)
		}
	})
}
