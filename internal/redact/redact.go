// Package redact hides credentials in URLs and in the errors that quote
// them, so a secret held in an environment variable (a Redis URL with a
// password, a webhook URL, a feed URL with a token) never reaches a log
// line or a terminal.
//
// It works on strings that do not parse as URLs too: url.Parse's own
// error quotes the raw URL, and that is exactly the error that must not
// be printed whole. Anything between "://" and the last "@" of a URL-like
// token is masked, and so are the values of query parameters such as
// password= and token=. Redaction errs on the side of masking too much.
package redact

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Mask replaces a hidden credential.
const Mask = "xxxxx"

// secretParam matches query parameters whose values are credentials.
var secretParam = regexp.MustCompile(`(?i)([?&;](?:password|passwd|pass|pwd|secret|client_secret|token|access_token|auth|api_key|apikey|key|sig|signature)=)[^&;#\s"'<>]*`)

// schemeSep finds "scheme://".
var schemeSep = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.\-]*://`)

// URL returns raw with its credentials masked: the userinfo's password
// (or a lone user name, which may be a token) and secret query values.
// raw need not parse: then everything between "://" and the last "@" is
// masked.
func URL(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Scheme != "" && u.Opaque == "" {
		if u.User != nil {
			if _, has := u.User.Password(); has {
				u.User = url.UserPassword(u.User.Username(), Mask)
			} else {
				u.User = url.User(Mask)
			}
		}
		u.RawQuery = secretParam.ReplaceAllString("?"+u.RawQuery, "${1}"+Mask)[1:]
		return u.String()
	}
	// Unparsable: raw is one URL, so its userinfo runs from "://" to the
	// last "@", spaces and all.
	if i := strings.Index(raw, "://"); i >= 0 {
		if at := strings.LastIndexByte(raw[i+3:], '@'); at >= 0 {
			raw = raw[:i+3] + maskUserinfo(raw[i+3:i+3+at]) + raw[i+3+at:]
		}
	}
	return Text(raw)
}

// Text masks the credentials of every URL-like token in s (an error
// message, a log line): between "://" and the last "@" before the token
// ends (white space, an unescaped quote, < or >), and secret query values.
func Text(s string) string {
	var b strings.Builder
	rest := s
	for {
		loc := schemeSep.FindStringIndex(rest)
		if loc == nil {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:loc[1]])
		rest = rest[loc[1]:]
		end := tokenEnd(rest)
		if at := strings.LastIndexByte(rest[:end], '@'); at >= 0 {
			b.WriteString(maskUserinfo(rest[:at]))
			rest = rest[at:]
		}
	}
	return secretParam.ReplaceAllString(b.String(), "${1}"+Mask)
}

// tokenEnd is where a URL-like token starting at s[0] ends.
func tokenEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '<', '>', '\'':
			return i
		case '"':
			if i == 0 || s[i-1] != '\\' {
				return i
			}
		}
	}
	return len(s)
}

// maskUserinfo keeps a user name and masks the password; a userinfo
// without a colon may itself be a token and is masked whole.
func maskUserinfo(ui string) string {
	if i := strings.IndexByte(ui, ':'); i >= 0 {
		return ui[:i+1] + Mask
	}
	return Mask
}

// secrets returns the credentials inside raw (parsed or not): the
// password, or a user name standing alone, and the secret query values,
// each also URL-decoded. Strings under 3 bytes are left out: masking every
// "a" in a message would hide the message, not a secret.
func secrets(raw string) []string {
	var out []string
	add := func(s string) {
		if len(s) >= 3 {
			out = append(out, s)
			if d, err := url.PathUnescape(s); err == nil && d != s && len(d) >= 3 {
				out = append(out, d)
			}
			if d, err := url.QueryUnescape(s); err == nil && d != s && len(d) >= 3 {
				out = append(out, d)
			}
		}
	}
	if i := strings.Index(raw, "://"); i >= 0 {
		rest := raw[i+3:]
		if at := strings.LastIndexByte(rest, '@'); at >= 0 {
			ui := rest[:at]
			if c := strings.IndexByte(ui, ':'); c >= 0 {
				add(ui[c+1:])
			} else {
				add(ui)
			}
		}
	}
	for _, m := range secretParam.FindAllStringSubmatchIndex(raw, -1) {
		add(raw[m[3]:m[1]])
	}
	return out
}

// Error returns err with the credentials of the URLs it quotes masked.
// urls are URLs known to be in play (the raw Redis URL, say): each is
// shown masked wherever it appears, and its password is masked even where
// it appears alone. A *url.Error in the chain is re-worded so the parse
// detail (which quotes a piece of the input) is dropped. The result
// unwraps to err, for errors.Is; its message is the only one to print.
func Error(err error, urls ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		msg = strings.ReplaceAll(msg, ue.Error(), urlError(ue))
	}
	for _, u := range urls {
		if u == "" {
			continue
		}
		msg = replace(msg, u, URL(u))
		for _, s := range secrets(u) {
			msg = replace(msg, s, Mask)
		}
	}
	return &redacted{msg: Text(msg), err: err}
}

// Hidden returns err with each of secrets (a webhook URL whose path is the
// secret) removed whole, as Error does for the rest.
func Hidden(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	var ue *url.Error
	if errors.As(err, &ue) {
		inner := "request failed"
		if ue.Err != nil {
			inner = ue.Err.Error()
		}
		msg = strings.ReplaceAll(msg, ue.Error(), ue.Op+" [hidden URL]: "+inner)
	}
	for _, s := range secrets {
		if s != "" {
			msg = replace(msg, s, "[hidden URL]")
		}
	}
	return &redacted{msg: Text(msg), err: err}
}

// urlError is a *url.Error's message with the URL masked and, for a parse
// failure, the quoted fragment of the input dropped.
func urlError(ue *url.Error) string {
	inner := ""
	if ue.Err != nil {
		inner = ue.Err.Error()
	}
	if ue.Op == "parse" {
		inner = quoted.ReplaceAllString(inner, `"…"`)
	}
	return fmt.Sprintf("%s %q: %s", ue.Op, URL(ue.URL), inner)
}

var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// replace replaces old, as written and as %q would escape it, with repl.
func replace(msg, old, repl string) string {
	msg = strings.ReplaceAll(msg, old, repl)
	if q := strconv.Quote(old); q[1:len(q)-1] != old {
		msg = strings.ReplaceAll(msg, q[1:len(q)-1], repl)
	}
	return msg
}

type redacted struct {
	msg string
	err error
}

func (r *redacted) Error() string { return r.msg }
func (r *redacted) Unwrap() error { return r.err }
