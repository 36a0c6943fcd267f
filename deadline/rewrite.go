package deadline

import (
	"fmt"
	"strings"

	"github.com/mediadesk/mediadesk/lang"
)

// rewriteWords are the English words and phrases, beyond the grammar
// words (gw), that the rules rewriting other languages into English
// compare with, by role: lang/data/en.json deadline.rewrite.words.
type rewriteWords struct {
	Answer      string `role:"answer"`
	AtTheLatest string `role:"at_the_latest"`
	Comment     string `role:"comment"`
	// Do and Will are read as written (scanner.rawIs), never put in the
	// vocabulary: an unknown "do" is left to another language's alias
	// (Polish "do 16" is "by 16").
	Do            string `role:"do"`
	Will          string `role:"will"`
	EndOfDay      string `role:"end_of_day"`
	IfPossible    string `role:"if_possible"`
	NoLaterThan   string `role:"no_later_than"`
	ThisAfternoon string `role:"this_afternoon"`
	ThisEvening   string `role:"this_evening"`
	ThisMorning   string `role:"this_morning"`
	// Tight is read as written: "Deadline is tight - 2pm".
	Tight string `role:"tight"`
	// Hard and Stop are read as written: "Hard stop at 5".
	Hard string `role:"hard"`
	Stop string `role:"stop"`
	// Set, Imposed, Issued, Gave and Its are read as written: someone
	// else's deadline reported ("Rishi Sunak set a deadline of Friday").
	Set     string `role:"set"`
	Imposed string `role:"imposed"`
	Issued  string `role:"issued"`
	Gave    string `role:"gave"`
	Its     string `role:"its"`
	Given   string `role:"given"`
	// Received is read as written, with "got": a deadline someone else
	// received ("The minister received a deadline of Monday").
	Received string `role:"received"`
	// Ultimatum and Ultimatums are read as written: a deadline someone
	// sets someone else, never the journalist's own ("The government set
	// an ultimatum by midnight").
	Ultimatum  string `role:"ultimatum"`
	Ultimatums string `role:"ultimatums"`
	WeVe       string `role:"we've"`
	// Replied, Responded and Answered are read as written: a reply told
	// ("Last year they replied by 5pm").
	Replied   string `role:"replied"`
	Responded string `role:"responded"`
	Answered  string `role:"answered"`
	Been      string `role:"been"`
	These     string `role:"these"`
	Them      string `role:"them"`
	Those     string `role:"those"`
	// Reach, Arrive, Passed, Expired and Lapsed are read as written: a
	// rule others must keep, a deadline gone ("Any comment must reach me
	// by 4", "The 2pm deadline has passed").
	Reach   string `role:"reach"`
	Arrive  string `role:"arrive"`
	Passed  string `role:"passed"`
	Expired string `role:"expired"`
	Lapsed  string `role:"lapsed"`
	// Answers, Comments and Responses: the plurals asked for until a
	// time ("I need the answers till 4pm").
	Answers   string `role:"answers"`
	Comments  string `role:"comments"`
	Responses string `role:"responses"`
	// verbs of change or of winning, before "by" and a margin ("Labour
	// won by 2", "Turnout rose by 5"), read as written
	MRose      string `role:"margin_rose"`
	MFell      string `role:"margin_fell"`
	MWon       string `role:"margin_won"`
	MLost      string `role:"margin_lost"`
	MIncreased string `role:"margin_increased"`
	MDecreased string `role:"margin_decreased"`
	MDropped   string `role:"margin_dropped"`
	MGrew      string `role:"margin_grew"`
	MBeat      string `role:"margin_beat"`
	MClimbed   string `role:"margin_climbed"`
	MJumped    string `role:"margin_jumped"`
	MSlipped   string `role:"margin_slipped"`
	MRisen     string `role:"margin_risen"`
	MFallen    string `role:"margin_fallen"`
}

// rw holds English's rewrite words, read once from the embedded data.
var rw = loadRewrite(en.Deadline.Rewrite.Words)

func loadRewrite(m map[string]string) rewriteWords {
	var r rewriteWords
	if err := readRoles(m, &r); err != nil {
		panic(fmt.Sprintf("deadline: lang/data/en.json deadline.rewrite.words: %v", err))
	}
	return r
}

// The sets the rewriting rules look words up in: English's data, and the
// folds, proclitics and hour suffixes of every language.
var (
	rewriteZones  = newWordSet(en.Deadline.Rewrite.Zones)
	eventWords    = newWordSet(en.Deadline.Rewrite.Events)
	untilWords    = newWordSet(en.Deadline.Rewrite.Until)
	monthNames    = newWordSet(capitalised(en.Calendar.Months))
	dayNames      = newWordSet(capitalised(en.Calendar.Weekdays))
	foldRunes     = foldTable(lang.All())
	proclitics    = procliticList(lang.All())
	hourSuffixes  = hourSuffixSet(lang.All())
	dayOrdinals   = dayOrdinalSet(lang.All())
	dayParts      = newWordSet([]string{gw.Morning, gw.Afternoon, gw.Evening, gw.Night, gw.Noon, gw.Midday, gw.Tonight, gw.Midnight, gw.Overnight, gw.H, gw.Hours, gw.Hour})
	timeishWords  = newWordSet([]string{gw.This, gw.Coming, gw.Next, gw.At, gw.Morning, gw.Afternoon, gw.Evening, gw.Night, gw.Noon, gw.Midday, gw.Tonight, gw.Midnight, gw.Tomorrow, gw.Today, gw.End, gw.Of, gw.Day, gw.Am, gw.Pm, gw.H, gw.First, gw.Thing, gw.Early, gw.Late, gw.Mid, gw.Overnight})
	cueBeforeWord = newWordSet([]string{gw.By, gw.Before, gw.At, gw.Until, rw.NoLaterThan, gw.Latest, gw.Within, gw.In, gw.An})
)

// wordSet is a set of words that turns most other words away before
// hashing them: by length and first byte (the rewriting rules ask it of
// every word they read).
type wordSet struct {
	m              map[string]bool
	first          [256]bool
	minLen, maxLen int
}

func newWordSet(ws []string) *wordSet {
	s := &wordSet{m: lang.Set(ws), minLen: 1 << 30}
	for _, w := range ws {
		if w == "" {
			panic("deadline: an empty word in a word set")
		}
		s.first[w[0]] = true
		s.minLen, s.maxLen = min(s.minLen, len(w)), max(s.maxLen, len(w))
	}
	return s
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	if len(w) < s.minLen || len(w) > s.maxLen || !s.first[w[0]] {
		return false
	}
	return s.m[w]
}

func init() {
	for _, w := range []string{gw.Please, gw.Thanks, gw.Reply, rw.Comment, gw.Need, gw.Latest, rw.AtTheLatest,
		gw.Deadline, rw.IfPossible, gw.As, gw.Is, gw.By, gw.Before, gw.Tomorrow, gw.Today} {
		afterHourWords[w] = true
	}
}

// capitalised returns the first full name of each weekday or month,
// capitalised as the aliases write them ("October").
func capitalised(ns []lang.Names) []string {
	var ws []string
	for _, n := range ns {
		if len(n.Full) > 0 && n.Full[0] != "" {
			ws = append(ws, strings.ToUpper(n.Full[0][:1])+n.Full[0][1:])
		}
	}
	return ws
}

// foldRune is one letter folded to another ("ß" to "ss").
type foldRune struct {
	r  rune
	to string
}

// foldTable collects every language's folds.
func foldTable(ls []*lang.Language) []foldRune {
	var t []foldRune
	for _, l := range ls {
		for from, to := range l.Deadline.Fold {
			rs := []rune(from)
			if len(rs) != 1 {
				panic(fmt.Sprintf("deadline: lang/data/%s.json deadline.fold: %q is not one letter", l.Code, from))
			}
			t = append(t, foldRune{rs[0], to})
		}
	}
	return t
}

// procliticList collects every language's proclitics.
func procliticList(ls []*lang.Language) []string {
	var ps []string
	for _, l := range ls {
		ps = append(ps, l.Deadline.Proclitics...)
	}
	return ps
}

// dayOrdinalSet collects every language's day ordinal endings, lower
// case.
func dayOrdinalSet(ls []*lang.Language) map[string]bool {
	m := map[string]bool{}
	for _, l := range ls {
		for _, s := range l.Deadline.DayOrdinals {
			m[strings.ToLower(s)] = true
		}
	}
	return m
}

// hourSuffixSet collects every language's hour suffixes.
func hourSuffixSet(ls []*lang.Language) map[string]bool {
	m := map[string]bool{}
	for _, l := range ls {
		for _, s := range l.Deadline.HourSuffixes {
			m[s] = true
		}
	}
	return m
}
