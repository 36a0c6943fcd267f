package lang

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Mail holds the words with which one language's mail marks its parts
// (data/mail/<code>.json), read by mailparse's text splitter: the closing
// lines that start a signature ("Vielen Dank", "Me respekt") and the verb
// of a reply header ("Am … schrieb X:", "Më … X shkroi:").
//
//	{
//	  "code": "de",
//	  "name": "German",
//	  "closings": ["vielen dank", "mit freundlichen grüßen"],
//	  "reply_verbs": ["schrieb"]
//	}
//
// Phrases are lower case, words separated by single spaces. A language may
// have a mail file without a data/<code>.json (Swedish's "skrev"), so that
// the splitter recognises mail the desk does not otherwise read.
type Mail struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Closings are sign-off phrases, matched as a whole line (trailing
	// punctuation dropped) or followed by a short name ("Danke, Max").
	Closings []string `json:"closings"`
	// ReplyVerbs are matched as a whole word (or words) inside a reply
	// header line that ends with ':' and holds an address or a time.
	ReplyVerbs []string `json:"reply_verbs"`
}

//go:embed data/mail/*.json
var mailFiles embed.FS

var mails = func() []*Mail {
	ms, err := LoadMail(mailFiles)
	if err != nil {
		// Compiled in and checked by TestMail: a build defect.
		panic("lang: embedded mail words: " + err.Error())
	}
	return ms
}()

// MailWords returns every language's mail words, by code. The caller must
// not modify them.
func MailWords() []*Mail { return mails }

// LoadMail reads and checks every data/mail/*.json file of fsys.
func LoadMail(fsys fs.FS) ([]*Mail, error) {
	names, err := fs.Glob(fsys, "data/mail/*.json")
	if err != nil {
		return nil, err
	}
	var out []*Mail
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		m, err := ParseMail(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".json"); m.Code != want {
			return nil, fmt.Errorf("%s: code %q does not match the file name", name, m.Code)
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// ParseMail decodes and checks one mail file: no unknown keys, every
// phrase lower case with single spaces and no outer spaces.
func ParseMail(b []byte) (*Mail, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m Mail
	if err := dec.Decode(&m); err != nil {
		if se, ok := err.(*json.SyntaxError); ok {
			return nil, fmt.Errorf("line %d: %w", lineOf(b, se.Offset), err)
		}
		return nil, err
	}
	if m.Code == "" {
		return nil, fmt.Errorf("no code")
	}
	for _, g := range []struct {
		key string
		ps  []string
	}{{"closings", m.Closings}, {"reply_verbs", m.ReplyVerbs}} {
		for _, p := range g.ps {
			if p == "" || strings.Join(strings.Fields(p), " ") != p || strings.ToLower(p) != p {
				return nil, fmt.Errorf("%s: %q: lower case, single spaces, no outer spaces", g.key, p)
			}
		}
	}
	return &m, nil
}
