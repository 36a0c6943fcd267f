package lang

import (
	"strings"
	"testing"
)

func TestMail(t *testing.T) {
	byCode := map[string]*Mail{}
	for _, m := range MailWords() {
		byCode[m.Code] = m
	}
	// Every language the desk reads has its closings and reply verb.
	for _, l := range All() {
		m := byCode[l.Code]
		if m == nil || len(m.Closings) == 0 || len(m.ReplyVerbs) == 0 {
			t.Errorf("%s (%s): no closings or reply verbs in data/mail/%s.json", l.Code, l.Name, l.Code)
		}
	}
}

func TestParseMail(t *testing.T) {
	tests := []struct {
		name, in, err string
	}{
		{"good", `{"code":"sq","closings":["faleminderit","me respekt"],"reply_verbs":["shkroi"]}`, ""},
		{"no code", `{"closings":[]}`, "no code"},
		{"data after the object", `{"code":"sq"} []`, "data after the object"},
		{"unknown key", `{"code":"sq","greetings":[]}`, "unknown field"},
		{"upper case", `{"code":"de","closings":["Danke"]}`, "lower case"},
		{"double space", `{"code":"de","closings":["vielen  dank"]}`, "single spaces"},
		{"outer space", `{"code":"fr","reply_verbs":[" a écrit"]}`, "no outer spaces"},
		{"empty", `{"code":"fr","reply_verbs":[""]}`, "lower case"},
		{"bad JSON", "{\"code\":\"de\",\n\"closings\": x}", "line 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMail([]byte(tc.in))
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("error %v, want %q", err, tc.err)
			}
		})
	}
}
