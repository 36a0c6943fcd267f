package routing

// Debugging aids for tuning; they only print.

import (
	"fmt"
	"os"
	"testing"
)

// TestExplainLinks prints, for each labelled sample, the linker's top
// candidates with their features (a debugging aid):
//
//	MEDIADESK_EXPLAIN=1 [MEDIADESK_EXPLAIN_DIR=testdata/enquiries] [MEDIADESK_EXPLAIN_FILE=009.eml] \
//	  go test ./routing -run TestExplain -v
func TestExplainLinks(t *testing.T) {
	if os.Getenv("MEDIADESK_EXPLAIN") == "" {
		t.Skip("set MEDIADESK_EXPLAIN=1")
	}
	cfg, cat := sharedDesk(t)
	dir := sharedData(t, "enquiries")
	if d := os.Getenv("MEDIADESK_EXPLAIN_DIR"); d != "" {
		dir = d
	}
	samples := loadSamples(t, dir)
	for _, s := range samples {
		if s.label.Automatic {
			continue
		}
		if f := os.Getenv("MEDIADESK_EXPLAIN_FILE"); f != "" && f != s.label.File {
			continue
		}
		var lines []string
		l := cat.link(&s.in, &defaultParams, func(kind string, r ranked) {
			for i, c := range r.cands {
				if i >= 3 {
					break
				}
				id := cat.releases[c.doc].ID
				mark := " "
				if id == s.label.Release {
					mark = "*"
				}
				lines = append(lines, fmt.Sprintf("   %s %-6s %-55.55s S=%5.2f cov=%.2f sub=%.2f tit=%.2f anc=%2d age=%4.0f rank=%5.2f %s",
					mark, kind, id, c.text, c.cover, c.subj, c.title, c.anchor, c.age, c.rank, map[bool]string{true: fmt.Sprintf("p=%.2f mass=%.1f", r.p, r.mass)}[i == 0]))
			}
		})
		ok := "ok"
		if l.Release != s.label.Release {
			ok = "MISS"
		}
		fmt.Printf("%s %s want=%q got=%q %.2f %s | %s\n", s.label.File, ok, s.label.Release, l.Release, l.Score, l.Reason, l.Detail)
		for _, x := range lines {
			fmt.Println(x)
		}
		_ = cfg
	}
}

// TestExplainTopics prints the topic misses (all choices with
// MEDIADESK_EXPLAIN_ALL=1) with their reasons.
func TestExplainTopics(t *testing.T) {
	if os.Getenv("MEDIADESK_EXPLAIN") == "" {
		t.Skip("set MEDIADESK_EXPLAIN=1")
	}
	cfg, cat := sharedDesk(t)
	dir := sharedData(t, "enquiries")
	if d := os.Getenv("MEDIADESK_EXPLAIN_DIR"); d != "" {
		dir = d
	}
	r, err := NewRouter(cfg, cat)
	if err != nil {
		t.Fatal(err)
	}
	ok, n := 0, 0
	for _, s := range loadSamples(t, dir) {
		if s.label.Automatic {
			continue
		}
		d := r.Route(s.in, s.in.Date, Load{})
		n++
		mark := "ok  "
		if d.Topic == s.label.Topic {
			ok++
		} else {
			mark = "MISS"
		}
		if mark == "MISS" || os.Getenv("MEDIADESK_EXPLAIN_ALL") != "" {
			fmt.Printf("%s %s want %-11s got %-11s | %s\n", mark, s.label.File, s.label.Topic, d.Topic, d.TopicReason)
		}
	}
	fmt.Printf("topic %d/%d\n", ok, n)
}
