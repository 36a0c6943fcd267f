package mailparse

import (
	"errors"
	"fmt"
)

// ErrNoPart is returned by Part when the message lists no attachment with
// the index asked for.
var ErrNoPart = errors.New("no such attachment in the message")

// Part returns one attachment of a raw message, decoded from its transfer
// encoding: the one Parse listed with Attachment.Index index. The message
// is walked in full whatever its size (the caller bounds what it fetched),
// and the same walk as Parse numbers the parts, so an index recorded at
// ingest finds the same part later.
func Part(raw []byte, index int) (Attachment, []byte, error) {
	m, err := Parse(raw, Options{MaxSize: int64(len(raw)) + 1})
	if err != nil {
		return Attachment{}, nil, fmt.Errorf("parse message: %w", err)
	}
	var att *Attachment
	for i := range m.Attachments {
		if m.Attachments[i].Index == index {
			att = &m.Attachments[i]
			break
		}
	}
	if att == nil {
		return Attachment{}, nil, ErrNoPart
	}
	res, err := scanHeader(raw)
	if err != nil {
		return Attachment{}, nil, fmt.Errorf("parse message: %w", err)
	}
	var (
		body  []byte
		found bool
	)
	w := &walker{st: &walkState{}, grab: func(i int, h header, b []byte) {
		if i != index || found {
			return
		}
		found = true
		kind := classifyCTE(h.get("Content-Transfer-Encoding"))
		if kind == cteIdentity || kind == cteUnknown {
			body = append([]byte(nil), b...)
			return
		}
		body = decodeTransfer(nil, b, kind)
	}}
	w.entity(res.fields, raw[res.bodyStart:], 0, "")
	if !found {
		return Attachment{}, nil, ErrNoPart
	}
	return *att, body, nil
}
