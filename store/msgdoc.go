package store

import (
	"encoding/json"
	"fmt"
	"strings"
)

// A stored message document (msg:<mkey> field doc) is the JSON of Message,
// written once by the commit script and decoded by Message and Messages.
// The parts of the text that mailparse splits off — what the sender
// wrote, the quoted history, forwarded text and signature — are almost
// always slices of the whole text, so they are stored as offsets into it
// ("parts") instead of a second copy: about half of the bytes a commit
// writes to Redis and its append-only file for plain mail. A part that is
// not a slice of the text (a logged call, an outgoing reply) is stored
// as is. Documents without "parts" (written before, or by other writers)
// decode unchanged.

// storedMessage is the stored form of a message document.
type storedMessage struct {
	Message
	Parts *textParts `json:"parts,omitempty"`
}

// textParts are [offset, length] byte ranges of Text; nil when the part
// is stored itself (or empty).
type textParts struct {
	New       *[2]int `json:"new,omitempty"`
	Quoted    *[2]int `json:"quoted,omitempty"`
	Forwarded *[2]int `json:"forwarded,omitempty"`
	Signature *[2]int `json:"signature,omitempty"`
}

// encodeDoc encodes m for storage.
func encodeDoc(m Message) ([]byte, error) {
	var p textParts
	slice := func(s *string) *[2]int {
		if *s == "" {
			return nil
		}
		at := 0
		if !strings.HasPrefix(m.Text, *s) {
			if at = strings.Index(m.Text, *s); at < 0 {
				return nil
			}
		}
		r := &[2]int{at, len(*s)}
		*s = ""
		return r
	}
	p.New = slice(&m.NewText)
	p.Quoted = slice(&m.QuotedText)
	p.Forwarded = slice(&m.ForwardedText)
	p.Signature = slice(&m.Signature)
	sm := storedMessage{Message: m}
	if p != (textParts{}) {
		sm.Parts = &p
	}
	e := jsonEnc{b: make([]byte, 0, 512+len(m.Text)+len(m.HTML))}
	e.appendStoredMessage(&sm)
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// decodeDoc decodes a stored message document.
func decodeDoc(doc string) (Message, error) {
	var sm storedMessage
	if err := json.Unmarshal([]byte(doc), &sm); err != nil {
		return Message{}, err
	}
	m := sm.Message
	if p := sm.Parts; p != nil {
		for _, f := range []struct {
			name string
			r    *[2]int
			dst  *string
		}{{"new", p.New, &m.NewText}, {"quoted", p.Quoted, &m.QuotedText}, {"forwarded", p.Forwarded, &m.ForwardedText}, {"signature", p.Signature, &m.Signature}} {
			if f.r == nil {
				continue
			}
			at, n := f.r[0], f.r[1]
			if at < 0 || n < 0 || at > len(m.Text) || n > len(m.Text)-at {
				return Message{}, fmt.Errorf("part %s [%d, %d] outside the text (%d bytes)", f.name, at, n, len(m.Text))
			}
			*f.dst = m.Text[at : at+n]
		}
	}
	return m, nil
}
