package config

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// TestTopicVocabulary: topic_vocabulary is optional; a bad family names
// its key and line.
func TestTopicVocabulary(t *testing.T) {
	good := "topic_vocabulary:\n  families:\n    - name: fisheries\n      kind: functional\n      specific: [fishing quotas]\n      words: [trawlers]\n  desk_business: [press pass]\n"
	for _, tc := range []struct {
		name, yaml string
		err        string // "" = valid; "|" separates the parts it must mention
	}{
		{name: "absent"},
		{name: "extend", yaml: good},
		{name: "replace", yaml: "topic_vocabulary:\n  replace: true\n  families:\n    - {name: ports, kind: policy, words: [harbour]}\n"},
		{name: "bad kind", yaml: "topic_vocabulary:\n  families:\n    - name: ports\n      kind: regional\n      words: [harbour]\n",
			err: `topic_vocabulary.families[0].kind (line 4): "regional" must be one of thematic, policy, functional`},
		{name: "specific outside functional", yaml: "topic_vocabulary:\n  families:\n    - name: ports\n      kind: thematic\n      specific: [harbour]\n",
			err: "topic_vocabulary.families[0].specific (line 5): only a functional family"},
		{name: "no words", yaml: "topic_vocabulary:\n  families:\n    - name: ports\n      kind: policy\n",
			err: "topic_vocabulary.families[0] (line 3): a family needs words"},
		{name: "duplicate name", yaml: "topic_vocabulary:\n  families:\n    - {name: ports, kind: policy, words: [a]}\n    - {name: ports, kind: policy, words: [b]}\n",
			err: `topic_vocabulary.families[1].name (line 4): "ports" is used by another family`},
		{name: "empty word", yaml: "topic_vocabulary:\n  diplomacy: [relations, \" \"]\n",
			err: "topic_vocabulary.diplomacy[1] (line 2): is empty"},
		{name: "desk_self", yaml: "topic_vocabulary:\n  desk_self: [press officers, duty rota]\n"},
		{name: "empty desk_self word", yaml: "topic_vocabulary:\n  desk_self: [\"\"]\n",
			err: "topic_vocabulary.desk_self[0] (line 2): is empty"},
		{name: "replace with nothing", yaml: "topic_vocabulary:\n  replace: true\n",
			err: "topic_vocabulary.replace (line 2): replace: true with no families"},
		{name: "unknown key", yaml: "topic_vocabulary:\n  familes: []\n", err: `unknown key "familes"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := loadValid(t)
			cfg, err := parse(t, append(base, []byte("\n"+tc.yaml)...))
			if tc.err != "" {
				var es Errors
				if !errors.As(err, &es) {
					t.Fatalf("err = %v, want config errors", err)
				}
				// the lines in the cases count from the snippet's first line
				want := tc.err
				if i := strings.Index(want, "(line "); i >= 0 {
					var n int
					for _, c := range want[i+6:] {
						if c < '0' || c > '9' {
							break
						}
						n = n*10 + int(c-'0')
					}
					off := strings.Count(string(base), "\n") + 1
					want = strings.Replace(want, "(line "+strconv.Itoa(n)+")", "(line "+strconv.Itoa(n+off)+")", 1)
				}
				for _, w := range strings.Split(want, "|") {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("err = %v, want it to mention %q", err, w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (tc.yaml == "") != (cfg.TopicVocabulary == nil) {
				t.Errorf("TopicVocabulary = %+v", cfg.TopicVocabulary)
			}
		})
	}
}
