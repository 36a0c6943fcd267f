// Package jsonbody is the one strict reader of JSON request bodies for the
// desk's API. A body is read whole, at most a limit of bytes, and must be
// exactly one JSON object in valid UTF-8 with only whitespace after it,
// naming no key twice in any object (keys compared as encoding/json
// matches them, ignoring case); unknown fields are refused unless
// allowed. Anything else is an *Error
// with the HTTP status to answer (400, or 413 when too large), so a body
// one layer cannot read can never be read differently by another.
package jsonbody

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// DefaultLimit is the largest body read when Options.Limit is 0 (1 MiB).
const DefaultLimit = 1 << 20

// Options tune Decode.
type Options struct {
	// Limit is the largest body in bytes (default DefaultLimit).
	Limit int64
	// AllowEmpty lets an empty (or all-whitespace) body through as "no
	// fields set"; otherwise it is an error.
	AllowEmpty bool
	// AllowUnknown lets fields through that v does not have; by default
	// they are an error.
	AllowUnknown bool
}

// Error is a body that cannot be read as asked.
type Error struct {
	// Status is the HTTP status to answer: 400, or 413 for a body over
	// the limit.
	Status int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Decode reads r's body into v (a pointer to a struct or map). w lets
// http.MaxBytesReader close the connection of an oversized request; it may
// be nil.
func Decode(w http.ResponseWriter, r *http.Request, v any, o Options) error {
	limit := o.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	if r.Body == nil {
		return DecodeBytes(nil, v, o)
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &Error{Status: http.StatusRequestEntityTooLarge, Msg: fmt.Sprintf("the body is larger than %d bytes", limit)}
	}
	if err != nil {
		return &Error{Status: http.StatusBadRequest, Msg: "the body could not be read: " + err.Error()}
	}
	return DecodeBytes(b, v, o)
}

// DecodeBytes applies Decode's rules (but the size limit) to b.
func DecodeBytes(b []byte, v any, o Options) error {
	bad := func(format string, args ...any) error {
		return &Error{Status: http.StatusBadRequest, Msg: fmt.Sprintf(format, args...)}
	}
	body := bytes.Trim(b, " \t\r\n")
	if len(body) == 0 {
		if o.AllowEmpty {
			return nil
		}
		return bad("the body is empty; send a JSON object")
	}
	if !utf8.Valid(body) {
		return bad("the body is not valid UTF-8")
	}
	if body[0] != '{' {
		return bad("the body must be a JSON object")
	}
	if err := noDuplicateKeys(body); err != nil {
		return bad("body: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if !o.AllowUnknown {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return bad("body: %v", err)
	}
	if rest := bytes.Trim(body[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return bad("body: unexpected data after the JSON object (%d bytes)", len(rest))
	}
	return nil
}

// noDuplicateKeys refuses an object that names a key twice at any depth,
// comparing keys as encoding/json matches them to fields (ignoring case):
// {"by":"ann","BY":"meg"} is read as one thing by one parser and another
// by the next.
func noDuplicateKeys(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	type frame struct {
		obj    bool
		keys   map[string]bool
		expect bool // in an object, the next string is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if top != nil && top.obj {
					top.expect = true // the value ends here; a key comes next
				}
				stack = append(stack, &frame{obj: t == '{', keys: map[string]bool{}, expect: t == '{'})
			case '}', ']':
				stack = stack[:len(stack)-1]
			}
			continue
		case string:
			if top != nil && top.obj && top.expect {
				k := foldKey(t)
				if top.keys[k] {
					return fmt.Errorf("the key %q appears twice", t)
				}
				top.keys[k] = true
				top.expect = false
				continue
			}
		}
		if top != nil && top.obj {
			top.expect = true // a scalar value ended; a key comes next
		}
	}
}

// foldKey is a key as encoding/json compares it with a field name.
func foldKey(k string) string {
	return strings.ToLower(strings.NewReplacer("\u017f", "s", "\u212a", "k").Replace(k))
}
