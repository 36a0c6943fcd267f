package lang

import (
	"embed"
	"fmt"
	"io/fs"
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
	out, err := loadFiles(fsys, "data/mail/*.json", ParseMail, func(m *Mail) string { return m.Code })
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// ParseMail decodes and checks one mail file: no unknown keys, every
// phrase lower case with single spaces and no outer spaces.
func ParseMail(b []byte) (*Mail, error) {
	var m Mail
	if err := decodeFile(b, &m, &m.Code); err != nil {
		return nil, err
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
