// Command langscore scores `mediadesk route` on labelled enquiry sets and
// reports the figures issue 11's goal names, per set, pooled and by the
// language of the message: release (right and wrong links), topic,
// deadline, and topic where two labellers agree. Each rate comes with its
// 95 % Wilson interval, because a language's sample is small (one message
// of 47 moves a figure by 2 points), and each language is checked against
// the goal (release ≥ 0.95 with wrong links ≤ 1 %, topic ≥ 0.95,
// deadline ≥ 0.95).
//
// It prints aggregates only, never a message: the unseen check sets may be
// scored, never read. Automatic messages (labelled automatic) are left out
// of every figure, as in the README's tables.
//
// A set is a folder holding NNN.eml files and labels.jsonl (file, release,
// topic, deadline, automatic, lang), and optionally second labellers'
// blind labels in labels2*.jsonl (file, topic). "DIR:odd" or "DIR:even"
// scores only the odd- or even-numbered files (the multilingual set's
// tuned and held-out halves).
//
// Usage:
//
//	go run ./bench/langscore [-bin mediadesk] [-config desk.yaml] [-cache DIR] SET...
//
// Without -bin it builds ./cmd/mediadesk first. With -cache, route output
// is kept per set in DIR and reused when present (delete it after a
// change). The language is the label's `lang` (none: English); Serbian,
// Bosnian and Croatian count as one, as the desk's officers read them.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/internal/jsonl"
)

// label is a line of labels.jsonl, of labels2*.jsonl or of route output
// (the fields each holds that langscore reads).
type label struct {
	File      string `json:"file"`
	Release   string `json:"release"`
	Topic     string `json:"topic"`
	Deadline  string `json:"deadline"`
	Automatic bool   `json:"automatic"`
	Lang      string `json:"lang"`
	Error     string `json:"error"`
}

// tally counts one group of messages.
type tally struct {
	n, rel, wrong, topic, deadline int
	agreed, topicAgreed            int // labellers agree on the topic; the router too
}

func (t *tally) add(u tally) {
	t.n += u.n
	t.rel += u.rel
	t.wrong += u.wrong
	t.topic += u.topic
	t.deadline += u.deadline
	t.agreed += u.agreed
	t.topicAgreed += u.topicAgreed
}

// score compares one set's labels, second labels (may be empty) and route
// output by file name, adding each message to total and to its language.
func score(labels []label, second, routed map[string]label, total *tally, byLang map[string]*tally) error {
	for _, l := range labels {
		if l.Automatic {
			continue
		}
		r, ok := routed[filepath.Base(l.File)]
		if !ok {
			return fmt.Errorf("no route output for %s", l.File)
		}
		if r.Error != "" {
			return fmt.Errorf("%s: route: %s", l.File, r.Error)
		}
		var t tally
		t.n = 1
		switch {
		case r.Release == l.Release:
			t.rel = 1
		case r.Release != "":
			t.wrong = 1
		}
		if r.Topic == l.Topic {
			t.topic = 1
		}
		same, err := sameInstant(l.Deadline, r.Deadline)
		if err != nil {
			return fmt.Errorf("%s: %w", l.File, err)
		}
		if same {
			t.deadline = 1
		}
		if s, ok := second[filepath.Base(l.File)]; ok && s.Topic == l.Topic {
			t.agreed = 1
			t.topicAgreed = t.topic
		}
		total.add(t)
		lang := langGroup(l.Lang)
		if byLang[lang] == nil {
			byLang[lang] = &tally{}
		}
		byLang[lang].add(t)
	}
	return nil
}

// sameInstant reports whether two RFC 3339 deadlines name the same
// instant ("" is no deadline; two empties agree).
func sameInstant(want, got string) (bool, error) {
	if want == "" || got == "" {
		return want == got, nil
	}
	w, err := time.Parse(time.RFC3339, want)
	if err != nil {
		return false, fmt.Errorf("label deadline %q: %w", want, err)
	}
	g, err := time.Parse(time.RFC3339, got)
	if err != nil {
		return false, fmt.Errorf("routed deadline %q: %w", got, err)
	}
	return w.Equal(g), nil
}

// langGroup names the language a label's lang counts under.
func langGroup(lang string) string {
	switch lang {
	case "":
		return "en"
	case "sr", "bs", "hr", "sh":
		return "sr/bs/hr"
	}
	return lang
}

// wilson is the 95 % Wilson score interval of k successes in n.
func wilson(k, n int) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	const z = 1.959964
	p, nn := float64(k)/float64(n), float64(n)
	d := 1 + z*z/nn
	c := (p + z*z/(2*nn)) / d
	h := z * math.Sqrt(p*(1-p)/nn+z*z/(4*nn*nn)) / d
	return math.Max(0, c-h), math.Min(1, c+h)
}

func rate(k, n int) string {
	if n == 0 {
		return "-"
	}
	lo, hi := wilson(k, n)
	return fmt.Sprintf("%d/%d %.3f [%.2f–%.2f]", k, n, float64(k)/float64(n), lo, hi)
}

// Goal of issue 11 on unseen mail in every language.
const (
	goalRelease  = 0.95
	goalWrong    = 0.01
	goalTopic    = 0.95
	goalDeadline = 0.95
)

// short lists what a group misses of the goal ("" when it meets it).
func (t tally) short() string {
	if t.n == 0 {
		return ""
	}
	n := float64(t.n)
	var s []string
	if float64(t.rel)/n < goalRelease {
		s = append(s, "release")
	}
	if float64(t.wrong)/n > goalWrong {
		s = append(s, "wrong links")
	}
	if float64(t.topic)/n < goalTopic {
		s = append(s, "topic")
	}
	if float64(t.deadline)/n < goalDeadline {
		s = append(s, "deadline")
	}
	return strings.Join(s, ", ")
}

func (t tally) String() string {
	wr := "-"
	if t.n > 0 {
		wr = fmt.Sprintf("%d (%.1f %%)", t.wrong, 100*float64(t.wrong)/float64(t.n))
	}
	s := fmt.Sprintf("n %4d | release %s wrong %s | topic %s | deadline %s",
		t.n, rate(t.rel, t.n), wr, rate(t.topic, t.n), rate(t.deadline, t.n))
	if t.agreed > 0 {
		s += " | topic where labellers agree " + rate(t.topicAgreed, t.agreed)
	}
	return s
}

// set is one argument: a folder and which of its files count.
type set struct {
	dir, name string
	half      int // -1 all, 1 odd, 0 even
}

func parseSet(arg string) (set, error) {
	s := set{dir: arg, half: -1}
	if i := strings.LastIndex(arg, ":"); i > 0 {
		switch arg[i+1:] {
		case "odd":
			s.half = 1
		case "even":
			s.half = 0
		default:
			return s, fmt.Errorf("%q: want DIR, DIR:odd or DIR:even", arg)
		}
		s.dir = arg[:i]
	}
	s.name = filepath.Base(filepath.Clean(s.dir))
	if s.half >= 0 {
		s.name += map[int]string{0: ":even", 1: ":odd"}[s.half]
	}
	return s, nil
}

// inHalf reports whether file name f ("013.eml") is in the set's half.
func (s set) inHalf(f string) bool {
	if s.half < 0 {
		return true
	}
	n, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(f), ".eml"))
	return err == nil && n%2 == s.half
}

func byFile(ls []label) map[string]label {
	m := make(map[string]label, len(ls))
	for _, l := range ls {
		m[filepath.Base(l.File)] = l
	}
	return m
}

// route runs the binary on the set's labelled files, or reuses the cache.
func route(bin, config, cache string, s set, labels []label) (map[string]label, error) {
	var cached string
	if cache != "" {
		cached = filepath.Join(cache, strings.ReplaceAll(s.name, ":", "-")+".jsonl")
		if b, err := os.ReadFile(cached); err == nil {
			ls, err := jsonl.Read[label](bytes.NewReader(b), cached)
			return byFile(ls), err
		}
	}
	args := []string{"route", "--config", config}
	for _, l := range labels {
		args = append(args, filepath.Join(s.dir, filepath.Base(l.File)))
	}
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	// route exits 1 when a file could not be routed and says so in an
	// error line, which score reports; any other failure is fatal.
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	if cached != "" {
		if err := os.MkdirAll(cache, 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(cached, out, 0o644); err != nil {
			return nil, err
		}
	}
	ls, err := jsonl.Read[label](bytes.NewReader(out), s.name+" route output")
	return byFile(ls), err
}

func main() {
	bin := flag.String("bin", "", "mediadesk binary (default: build ./cmd/mediadesk)")
	config := flag.String("config", "../shared/data/desk.yaml", "desk configuration")
	cache := flag.String("cache", "", "folder to keep and reuse route output per set")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: langscore [-bin mediadesk] [-config desk.yaml] [-cache DIR] SET...")
		os.Exit(2)
	}
	if *bin == "" {
		dir, err := os.MkdirTemp("", "langscore")
		if err != nil {
			fatal(err)
		}
		defer os.RemoveAll(dir)
		*bin = filepath.Join(dir, "mediadesk")
		cmd := exec.Command("go", "build", "-o", *bin, "./cmd/mediadesk")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fatal(fmt.Errorf("build: %w", err))
		}
	}
	var pooled tally
	byLang := map[string]*tally{}
	for _, arg := range flag.Args() {
		s, err := parseSet(arg)
		if err != nil {
			fatal(err)
		}
		all, err := jsonl.ReadFile[label](filepath.Join(s.dir, "labels.jsonl"))
		if err != nil {
			fatal(err)
		}
		var labels []label
		for _, l := range all {
			if s.inHalf(l.File) {
				labels = append(labels, l)
			}
		}
		second := map[string]label{}
		more, _ := filepath.Glob(filepath.Join(s.dir, "labels2*.jsonl"))
		for _, p := range more {
			ls, err := jsonl.ReadFile[label](p)
			if err != nil {
				fatal(err)
			}
			for k, v := range byFile(ls) {
				second[k] = v
			}
		}
		routed, err := route(*bin, *config, *cache, s, labels)
		if err != nil {
			fatal(err)
		}
		var t tally
		if err := score(labels, second, routed, &t, byLang); err != nil {
			fatal(fmt.Errorf("%s: %w", s.name, err))
		}
		fmt.Printf("%-16s %v\n", s.name, t)
		pooled.add(t)
	}
	fmt.Printf("%-16s %v\n", "POOLED", pooled)
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	fmt.Println("\nby the message's language (95 % Wilson intervals); goal: release >= 0.95 with wrong links <= 1 %, topic >= 0.95, deadline >= 0.95")
	for _, l := range langs {
		t := *byLang[l]
		mark := "meets the goal"
		if s := t.short(); s != "" {
			mark = "SHORT: " + s
		}
		fmt.Printf("  %-14s %v | %s\n", l, t, mark)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "langscore:", err)
	os.Exit(1)
}
