package mailparse

import (
	"strings"
	"unicode"
)

// replyForwardMarkers are the reply and forward markers mail clients put
// before a subject in the desk's languages ("Re:", "AW:", "Odp:", "ΑΠ:",
// "Отв:", "YNT:", "رد:", "Fwd:", "WG:", "TR:", "RV:", "İLT:"), compared
// lower-cased.
var replyForwardMarkers = map[string]bool{
	// replies
	"re": true, "aw": true, "sv": true, "vs": true, "antw": true, "antwort": true, "odp": true, "odg": true,
	"r": true, "ris": true, "rif": true, "res": true, "resp": true, "ref": true, "ynt": true, "yanıt": true,
	"cevap": true, "отв": true, "ответ": true, "від": true, "відп": true, "одг": true, "απ": true, "σχετ": true,
	"رد": true, "përgjigje": true, "pergjigje": true,
	// forwards
	"fw": true, "fwd": true, "wg": true, "tr": true, "rv": true, "i": true, "enc": true, "pd": true,
	"doorst": true, "fs": true, "vb": true, "vl": true, "ilt": true, "i̇lt": true, "пересл": true,
	"переслано": true, "прсл": true, "προθ": true, "πρθ": true, "توجيه": true, "prosl": true, "proslijeđeno": true,
	"prosleđeno": true, "przekaż": true, "weiterleitung": true, "doorgestuurd": true, "inoltro": true, "përcjell": true,
}

// IsReplyOrForwardSubject reports whether a subject starts with a reply
// or forward marker ("Re:", "RE[2]:", "Fwd:", "AW:", "Odp:", "ΑΠ:",
// "رد:"): its words were then written for an earlier message.
func IsReplyOrForwardSubject(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	end := strings.IndexAny(s, ":：")
	if end <= 0 || end > 40 {
		return false
	}
	w := strings.TrimSpace(s[:end])
	// a counter: "RE[2]", "Re(3)", "Re^2"
	if i := strings.IndexAny(w, "[(^"); i > 0 {
		w = strings.TrimSpace(w[:i])
	}
	var buf [16]byte // an ASCII marker is lower-cased without allocating
	if len(w) <= len(buf) {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 0x80 {
				return replyForwardMarkers[strings.ToLower(w)]
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return replyForwardMarkers[string(buf[:len(w)])]
	}
	return replyForwardMarkers[strings.ToLower(w)]
}

// OwnSubject returns the subject when the sender wrote it for this
// message, so that its words are new text like the body's: not a reply
// (no In-Reply-To, no reply marker) and not a forward (no
// forward marker). Otherwise "" (a "Re:" subject repeats an earlier
// message's).
func (m *Message) OwnSubject() string {
	if len(m.InReplyTo) > 0 || IsReplyOrForwardSubject(m.Subject) {
		return ""
	}
	return m.Subject
}
