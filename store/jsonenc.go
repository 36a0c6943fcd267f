package store

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/mailparse"
)

// The commit's JSON — its input, the message document and the new
// enquiry's timeline events — is written by hand here rather than by
// encoding/json, whose reflection was about a sixth of `serve`'s CPU in
// the ingest benchmark's profile. The output is byte for byte what
// json.Marshal writes for the same values (TestJSONEncodersMatchMarshal,
// FuzzJSONString), so readers and stored data are unaffected. Values the
// hand encoder does not know (a timeline event's data of another type, a
// time json.Marshal refuses) are handed to json.Marshal.

// jsonEnc appends JSON to a buffer; the first error (from a value handed
// to json.Marshal) sticks.
type jsonEnc struct {
	b   []byte
	err error
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes json.Marshal writes as they are (it
// escapes control characters, '"', '\\' and, for HTML, '<', '>', '&').
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = true
	}
	for _, b := range `"\<>&` {
		t[b] = false
	}
	return t
}()

// str appends s as a JSON string, escaped as json.Marshal does: invalid
// UTF-8 as \ufffd, U+2028 and U+2029 escaped, HTML characters escaped.
func (e *jsonEnc) str(s string) {
	b := append(e.b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	e.b = append(b, '"')
}

// key appends "name": — name is a literal of ours, never escaped.
func (e *jsonEnc) key(name string) {
	e.b = append(e.b, '"')
	e.b = append(e.b, name...)
	e.b = append(e.b, '"', ':')
}

// field appends ,"name": unless first.
func (e *jsonEnc) field(name string, first bool) {
	if !first {
		e.b = append(e.b, ',')
	}
	e.key(name)
}

func (e *jsonEnc) int(n int64) { e.b = strconv.AppendInt(e.b, n, 10) }

func (e *jsonEnc) bool(v bool) { e.b = strconv.AppendBool(e.b, v) }

// float appends f as json.Marshal does (shortest form; exponent form
// outside [1e-6, 1e21)).
func (e *jsonEnc) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.marshal(f)
		return
	}
	abs := math.Abs(f)
	fmt := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		fmt = 'e'
	}
	b := strconv.AppendFloat(e.b, f, fmt, -1, 64)
	if fmt == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	e.b = b
}

// time appends t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds), leaving the years it refuses to json.Marshal.
func (e *jsonEnc) time(t time.Time) {
	if y := t.Year(); y < 0 || y > 9999 {
		e.marshal(t)
		return
	}
	if _, off := t.Zone(); off <= -24*3600 || off >= 24*3600 {
		e.marshal(t)
		return
	}
	e.b = append(e.b, '"')
	e.b = t.AppendFormat(e.b, time.RFC3339Nano)
	e.b = append(e.b, '"')
}

func (e *jsonEnc) strings(list []string) {
	if list == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = append(e.b, '[')
	for i, s := range list {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.str(s)
	}
	e.b = append(e.b, ']')
}

// marshal appends v through encoding/json (values the hand encoder does
// not know).
func (e *jsonEnc) marshal(v any) {
	out, err := json.Marshal(v)
	if err != nil {
		if e.err == nil {
			e.err = err
		}
		e.b = append(e.b, "null"...)
		return
	}
	e.b = append(e.b, out...)
}

// any appends a timeline event's data value.
func (e *jsonEnc) any(v any) {
	switch x := v.(type) {
	case string:
		e.str(x)
	case float64:
		e.float(x)
	case int:
		e.int(int64(x))
	case int64:
		e.int(x)
	case bool:
		e.bool(x)
	case []string:
		e.strings(x)
	case nil:
		e.b = append(e.b, "null"...)
	default:
		e.marshal(v)
	}
}

// sortedKeys returns m's keys in the order json.Marshal writes them.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// encodeEvent encodes a timeline event (rawEvent's JSON).
func encodeEvent(ev Event) string {
	e := jsonEnc{b: make([]byte, 0, 64+len(ev.Text))}
	e.appendEvent(ev)
	if e.err != nil {
		b, _ := json.Marshal(rawEvent{At: ev.At.UnixMilli(), Type: ev.Type, By: ev.By, Text: ev.Text, Data: ev.Data})
		return string(b)
	}
	return string(e.b)
}

func (e *jsonEnc) appendEvent(ev Event) {
	e.b = append(e.b, '{')
	e.key("at")
	e.int(ev.At.UnixMilli())
	e.field("type", false)
	e.str(ev.Type)
	if ev.By != "" {
		e.field("by", false)
		e.str(ev.By)
	}
	if ev.Text != "" {
		e.field("text", false)
		e.str(ev.Text)
	}
	if len(ev.Data) > 0 {
		e.field("data", false)
		e.b = append(e.b, '{')
		for i, k := range sortedKeys(ev.Data) {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.str(k)
			e.b = append(e.b, ':')
			e.any(ev.Data[k])
		}
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, '}')
}

// sizeHint is about how long ci's JSON is (its strings and their names),
// so the encoder allocates once.
func (ci *commitInput) sizeHint() int {
	n := 640 + len(ci.SrcKey) + len(ci.StatsKey) + len(ci.Mailbox) + len(ci.Folder) + len(ci.MKey) + len(ci.MKeyAlt) +
		len(ci.MidKey) + len(ci.MidKeyAlt) + len(ci.From) + len(ci.Subject) + len(ci.SNote) + len(ci.AutoReason) +
		len(ci.Reason) + len(ci.Header) + len(ci.DPhrase) + len(ci.Officer) + len(ci.Release) + len(ci.Dims) + len(ci.RefHint)
	for _, l := range [][]string{ci.Refs, ci.SubjRefs, ci.Fields, ci.Timeline, ci.Warns} {
		for _, s := range l {
			n += len(s) + 3
		}
	}
	// The timeline's events are JSON: their quotes come back escaped.
	for _, s := range ci.Timeline {
		n += len(s) / 8
	}
	return n
}

// appendCommitInput encodes ci (commitInput's JSON).
func (e *jsonEnc) appendCommitInput(ci *commitInput) {
	e.b = append(e.b, '{')
	e.key("kind")
	e.str(ci.Kind)
	for _, f := range []struct{ name, v string }{
		{"srckey", ci.SrcKey}, {"statskey", ci.StatsKey}, {"mailbox", ci.Mailbox}, {"folder", ci.Folder},
		{"uidvalidity", ci.UIDValid}, {"uid", ci.UID}, {"now", ci.Now}, {"received", ci.Received}, {"year", ci.Year},
		{"refprefix", ci.RefPrefix}, {"warn_before", ci.WarnBefore}, {"mkey", ci.MKey}, {"mkey_alt", ci.MKeyAlt},
		{"midkey", ci.MidKey}, {"midkey_alt", ci.MidKeyAlt}, {"fp", ci.FP},
	} {
		e.field(f.name, false)
		e.str(f.v)
	}
	e.field("refs", false)
	e.strings(ci.Refs)
	e.field("subject_refs", false)
	e.strings(ci.SubjRefs)
	e.field("from", false)
	e.str(ci.From)
	e.field("subject", false)
	e.str(ci.Subject)
	if ci.Own {
		e.field("own", false)
		e.bool(true)
	}
	if ci.SLimit != 0 {
		e.field("slimit", false)
		e.int(int64(ci.SLimit))
	}
	if ci.SWindow != 0 {
		e.field("swindow", false)
		e.int(ci.SWindow)
	}
	for _, f := range []struct {
		name, v string
		omit    bool
	}{
		{"snote", ci.SNote, true}, {"auto_reason", ci.AutoReason, true}, {"reason", ci.Reason, true},
		{"size", ci.Size, false}, {"header", ci.Header, true}, {"deadline", ci.Deadline, true},
		{"deadline_phrase", ci.DPhrase, false}, {"deadline_target", ci.DTarget, true},
	} {
		if f.omit && f.v == "" {
			continue
		}
		e.field(f.name, false)
		e.str(f.v)
	}
	e.field("fields", false)
	e.strings(ci.Fields)
	e.field("warns", false)
	e.strings(ci.Warns)
	e.field("officer", false)
	e.str(ci.Officer)
	if ci.Release != "" {
		e.field("release", false)
		e.str(ci.Release)
	}
	e.field("dims", false)
	e.str(ci.Dims)
	e.field("timeline", false)
	e.strings(ci.Timeline)
	if ci.Replay {
		e.field("replay", false)
		e.bool(true)
	}
	if ci.RefHint != "" {
		e.field("ref_hint", false)
		e.str(ci.RefHint)
	}
	e.b = append(e.b, '}')
}

// appendCreatedDims encodes d (createdDims's JSON).
func (e *jsonEnc) appendCreatedDims(d *createdDims) {
	e.b = append(e.b, '{')
	e.key("channel")
	e.str(d.Channel)
	e.field("created", false)
	e.int(d.Created)
	for _, f := range []struct{ name, v string }{
		{"lang", d.Lang}, {"officer", d.Officer}, {"outlet", d.Outlet}, {"policy", d.Policy},
		{"release", d.Release}, {"tier", d.Tier}, {"topic", d.Topic},
	} {
		e.field(f.name, false)
		e.str(f.v)
	}
	e.b = append(e.b, '}')
}

func (e *jsonEnc) address(a mailparse.Address) {
	e.b = append(e.b, '{')
	first := true
	if a.Name != "" {
		e.key("name")
		e.str(a.Name)
		first = false
	}
	e.field("addr", first)
	e.str(a.Addr)
	e.b = append(e.b, '}')
}

func (e *jsonEnc) addresses(name string, list []mailparse.Address) {
	if len(list) == 0 {
		return
	}
	e.field(name, false)
	e.b = append(e.b, '[')
	for i, a := range list {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.address(a)
	}
	e.b = append(e.b, ']')
}

// optStr appends ,"name":"v" when v is not empty (omitempty).
func (e *jsonEnc) optStr(name, v string) {
	if v != "" {
		e.field(name, false)
		e.str(v)
	}
}

// optStrings appends ,"name":[...] when list is not empty (omitempty).
func (e *jsonEnc) optStrings(name string, list []string) {
	if len(list) > 0 {
		e.field(name, false)
		e.strings(list)
	}
}

// appendStoredMessage encodes a message document (storedMessage's JSON:
// Message's fields, then the embedded mailparse.Message's, then parts).
func (e *jsonEnc) appendStoredMessage(sm *storedMessage) {
	m := &sm.Message
	p := &m.Message
	e.b = append(e.b, '{')
	e.key("key")
	e.str(m.Key)
	e.optStr("ref", m.Ref)
	e.field("direction", false)
	e.str(m.Direction)
	e.field("kind", false)
	e.str(m.Kind)
	e.field("source", false)
	e.b = append(e.b, '{')
	e.key("mailbox")
	e.str(m.Source.Mailbox)
	e.field("folder", false)
	e.str(m.Source.Folder)
	e.field("uidvalidity", false)
	e.int(int64(m.Source.UIDValidity))
	e.field("uid", false)
	e.int(int64(m.Source.UID))
	e.b = append(e.b, '}')
	e.field("received", false)
	e.time(m.Received)

	e.field("message_id", false)
	e.str(p.MessageID)
	if p.DerivedID {
		e.field("derived_id", false)
		e.bool(true)
	}
	e.optStrings("in_reply_to", p.InReplyTo)
	e.optStrings("references", p.References)
	e.field("from", false)
	e.address(p.From)
	e.field("sender", false) // a struct: omitempty never omits it
	e.address(p.Sender)
	e.addresses("reply_to", p.ReplyTo)
	e.addresses("to", p.To)
	e.addresses("cc", p.Cc)
	e.optStr("return_path", p.ReturnPath)
	e.field("subject", false)
	e.str(p.Subject)
	e.field("date", false)
	e.time(p.Date)
	e.field("date_source", false)
	e.str(string(p.DateSource))
	e.field("text", false)
	e.str(p.Text)
	e.optStr("html", p.HTML)
	e.field("new_text", false)
	e.str(p.NewText)
	e.optStr("quoted_text", p.QuotedText)
	e.optStr("forwarded_text", p.ForwardedText)
	e.optStr("signature", p.Signature)
	e.optStrings("urls", p.URLs)
	if len(p.Attachments) > 0 {
		e.field("attachments", false)
		e.b = append(e.b, '[')
		for i, a := range p.Attachments {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.b = append(e.b, '{')
			first := true
			if a.Filename != "" {
				e.key("filename")
				e.str(a.Filename)
				first = false
			}
			e.field("content_type", first)
			e.str(a.ContentType)
			e.field("size", false)
			e.int(a.Size)
			if a.Inline {
				e.field("inline", false)
				e.bool(true)
			}
			e.optStr("content_id", a.ContentID)
			e.field("index", false)
			e.int(int64(a.Index))
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.optStr("automatic", string(p.Automatic))
	e.optStr("auto_reason", p.AutoReason)
	e.field("size", false)
	e.int(p.Size)
	if p.TooLarge {
		e.field("too_large", false)
		e.bool(true)
	}
	if len(p.Header) > 0 {
		e.field("header", false)
		e.b = append(e.b, '{')
		for i, k := range sortedKeys(p.Header) {
			if i > 0 {
				e.b = append(e.b, ',')
			}
			e.str(k)
			e.b = append(e.b, ':')
			e.str(p.Header[k])
		}
		e.b = append(e.b, '}')
	}
	e.optStrings("warnings", p.Warnings)
	if t := sm.Parts; t != nil {
		e.field("parts", false)
		e.b = append(e.b, '{')
		first := true
		for _, r := range []struct {
			name string
			r    *[2]int
		}{{"new", t.New}, {"quoted", t.Quoted}, {"forwarded", t.Forwarded}, {"signature", t.Signature}} {
			if r.r == nil {
				continue
			}
			e.field(r.name, first)
			first = false
			e.b = append(e.b, '[')
			e.int(int64(r.r[0]))
			e.b = append(e.b, ',')
			e.int(int64(r.r[1]))
			e.b = append(e.b, ']')
		}
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, '}')
}
