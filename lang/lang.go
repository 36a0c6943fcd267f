// Package lang holds the words the desk reads mail with, one embedded data
// file per language (data/<code>.json): calendar names (weekdays, months,
// full and abbreviated), number words and the deadline reader's cue words.
// The files are read once, at start-up, and shared: mailparse reads header
// dates with the calendar names of every language; the deadline reader reads
// every language, its rules reading English (en.json's cue words, calendar
// names and deadline.grammar) and the other languages rewritten into that
// English through their deadline.aliases and deadline.phrases (see below);
// the linker's date anchors use English's calendar names, and the linker
// drops the stopwords of every language (and English calendar names). Adding a
// language is adding a file; a file states only what it knows (a section
// left out is empty), so German can bring its month names before its cue
// words.
//
// # File format
//
//	{
//	  "code": "de",                      // ISO 639-1, the file's name
//	  "name": "German",
//	  "calendar": {
//	    "weekdays": [ {"full": ["sonntag"], "abbrev": ["so"]}, … ],  // 7, Sunday first, or none
//	    "months":   [ {"full": ["januar"], "abbrev": ["jan"]}, … ],  // 12, January first, or none
//	    "ambiguous": ["so"],             // abbreviations that are also ordinary words
//	    "header_prefix": 0               // >0: a header's month word matches its first n letters
//	  },
//	  "numbers": {"eins": 1, …},
//	  "deadline": {
//	    "atom_starts": […],              // words a time or date can start from
//	    "vocabulary": {"group": […]},    // every other word the reader compares with
//	    "left_cues": {"bis": {"score": 3, "strong": true, "as": "by"}},
//	    "left_fillers": […],             // skipped between a cue and its time
//	    "anti_words": […],               // before a time: an event, not a deadline
//	    "right_cues": {…}, "right_anti": […], "recurring": […],
//	    "good_after": […], "determiners": […],
//	    "clause_cues": {"word": n},      // n > 0 adds to a mention's score, n < 0 a penalty
//	    "clock": {"hour_words_12h": [], "hour_words_24h": ["uhr"]},
//	    "aliases": {"bis": "by", "morgen": "tomorrow", "der": ""},  // read as English; "" drops
//	    "phrases": {"ende des tages": "end of day"},                // the same for a run of words
//	    "zone_abbrevs": {"cet": {"offset": 3600}, "et": {"name": "America/New_York", "caps": true}},
//	    "zone_places": {"london": "Europe/London"},  // a place before "time"
//	    "zone_regions": ["gulf"],        // zone places read only before "time"
//	    "grammar": {"half": "half", "let": "let"},   // role → word, for the words the reader's rules name
//	    "rewrite": {"words": {…}, "zones": […], "events": […], "until": […]},  // English only: what other languages are rewritten into
//	    "fold": {"ß": "ss"},             // a letter folded before words are compared
//	    "proclitics": [],                // words written onto the next (Arabic "و")
//	    "half_before": true,             // "halb drei" is 2:30
//	    "hour_suffixes": [],             // letters glued to an hour that read as "h" (Dutch "16u")
//	    "number_joiners": []             // Spanish "y": "treinta y cinco", "las cinco y veinte"
//	  },
//	  "linker": {"stopwords": {"function_words": ["der", "die", …]}}
//	}
//
// German "bis 14 Uhr" is expressed as the left cue "bis" (strong, read as
// "by") and the 24-hour clock word "uhr" (as English "hrs"); French "avant
// 18h" as the cue "avant" (the "18h" form is read for every language). The
// deadline reader's contextual rules ("let me know", "half past five")
// are Go, but the words they name are data too: deadline.grammar maps each
// role to its word (English's in en.json).
package lang

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
	"unicode"
)

//go:embed data/*.json
var files embed.FS

// Names are the names of one weekday or month.
type Names struct {
	Full   []string `json:"full"`
	Abbrev []string `json:"abbrev"`
}

// All returns the full names and abbreviations together.
func (n Names) All() []string { return append(append([]string(nil), n.Full...), n.Abbrev...) }

// Calendar holds a language's weekday and month names.
type Calendar struct {
	Weekdays     []Names  `json:"weekdays"` // time.Weekday order (Sunday first)
	Months       []Names  `json:"months"`   // January first
	Ambiguous    []string `json:"ambiguous"`
	HeaderPrefix int      `json:"header_prefix"`
}

// Cue is a word before a time that says the time is a deadline.
type Cue struct {
	Score  int    `json:"score"`
	Strong bool   `json:"strong"`
	As     string `json:"as"` // the cue it reads as ("" = itself)
}

// Clock holds the words that follow an hour.
type Clock struct {
	HourWords12h []string `json:"hour_words_12h"` // "five o'clock": 1-12
	HourWords24h []string `json:"hour_words_24h"` // "1600hrs", "14 Uhr"
}

// Deadline holds the deadline reader's words.
type Deadline struct {
	AtomStarts  []string            `json:"atom_starts"`
	Vocabulary  map[string][]string `json:"vocabulary"`
	LeftCues    map[string]Cue      `json:"left_cues"`
	LeftFillers []string            `json:"left_fillers"`
	AntiWords   []string            `json:"anti_words"`
	RightCues   map[string]int      `json:"right_cues"`
	RightAnti   []string            `json:"right_anti"`
	Recurring   []string            `json:"recurring"`
	GoodAfter   []string            `json:"good_after"`
	Determiners []string            `json:"determiners"`
	ClauseCues  map[string]int      `json:"clause_cues"`
	Clock       Clock               `json:"clock"`

	// OthersDeadlines are the words that, right before "deadline", name
	// a procedure's or another party's deadline, not the journalist's
	// ("the registration deadline", "the ceasefire deadline"); a
	// possessive or a capitalised name there says the same ("Hamas's
	// deadline", "the EU deadline"), unless it is one of OwnDeadlines
	// ("my editor's deadline", "the desk's deadline").
	OthersDeadlines []string `json:"others_deadlines"`
	OwnDeadlines    []string `json:"own_deadlines"`
	// Broadcasts are the journalist's own programmes and editions
	// ("bulletin", "news"): a time the answer is needed before or for
	// ("before our 6pm bulletin") is the deadline.
	Broadcasts []string `json:"broadcasts"`
	// EuropeanZones are the zones a European zone's name in words reads
	// as on the day ("Central European time": "Europe/Brussels"), by its
	// region ("western", "central", "eastern").
	EuropeanZones map[string]string `json:"european_zones"`

	// Aliases are the words of another language the reader reads as
	// English words ("bis": "by", "morgen": "tomorrow", "mez": "CET",
	// "freitag": "Friday"); an empty value drops the word ("las" in
	// "antes de las 15:00"). Keys are matched folded (lower case, accents
	// removed), so "mañana" also matches "manana".
	Aliases map[string]string `json:"aliases"`
	// Phrases are the same for a run of words, written with single spaces
	// ("fin de journée": "end of day", "heure de paris": "Paris time").
	Phrases map[string]string `json:"phrases"`
	// ZoneAbbrevs are the time zone abbreviations after a time ("gmt",
	// "cet", "et"); ZonePlaces the places naming a zone before "time"
	// ("london": "Europe/London").
	ZoneAbbrevs map[string]ZoneAbbrev `json:"zone_abbrevs"`
	ZonePlaces  map[string]string     `json:"zone_places"`
	// ZoneRegions are the zone places that name a zone only before
	// "time" (a country, region or adjective: "gulf", "french"); a city
	// also names its zone alone right after a time ("3pm Brussels").
	ZoneRegions []string `json:"zone_regions"`
	// Grammar are the words the reader's rules compare with, by role
	// ("half" as in "half past five", "let" as in "let me know"): the
	// rules are Go, their words data. Each role names one word.
	Grammar map[string]string `json:"grammar"`
	// Fold are the letters folded to others before words are compared,
	// after lower-casing and removing accents ("ß": "ss", "ς": "σ"); the
	// folds of every language apply to all text.
	Fold map[string]string `json:"fold"`
	// Proclitics are words written onto the next one ("و" in "وقبل",
	// "and before"): a word not known whole is looked up without them.
	Proclitics []string `json:"proclitics"`
	// HalfBefore says "half" before an hour is half an hour before it
	// ("halb drei" is 2:30), not after.
	HalfBefore bool `json:"half_before"`
	// HourSuffixes are letters glued to an hour that read as "h" ("16u",
	// "16u30").
	HourSuffixes []string `json:"hour_suffixes"`
	// HourArticles are the words before a bare hour that make it one
	// ("le" in "entro le 19", "las", "τις", "godz.", "orën", "الساعة"),
	// whatever word follows it ("entro le 19 per chiudere").
	HourArticles []string `json:"hour_articles"`
	// HourNouns are the hour articles that are themselves the noun "the
	// hour", "o'clock" (Albanian "ora 16", "orën 16", "orës 16"): a bare
	// 13-23 after one is an hour even with no cue
	// before it ("Afati është ora 16." is 16:00), as "godz. 16" is.
	HourNouns []string `json:"hour_nouns"`
	// DayArticles are the words before a day's bare number that make it
	// one ("le" in "avant le 15", "zum" in "bis zum 15."): the 15th.
	DayArticles []string `json:"day_articles"`
	// DayOrdinals are the endings written after a day's number and a
	// hyphen ("го" in "до 15-го ноября", "go" in "do 15-go"): a day of
	// the month, not an hour ("до 17-ти часов" is one).
	DayOrdinals []string `json:"day_ordinals"`
	// NumberJoiners join tens and a unit, or an hour and its minutes,
	// written in words ("y" in "treinta y cinco" and "las cinco y
	// veinte"); the number words themselves are the file's "numbers".
	NumberJoiners []string `json:"number_joiners"`
	// Rewrite holds the English the other languages are rewritten into,
	// that the rewriting rules compare with (English's file only).
	Rewrite Rewrite `json:"rewrite"`
}

// Rewrite holds the English words the rules that rewrite other languages
// into English compare with, beyond deadline.grammar.
type Rewrite struct {
	// Words maps each role to its word or phrase ("no_later_than": "no
	// later than").
	Words map[string]string `json:"words"`
	// Zones are the zone abbreviations an alias reads as ("CET").
	Zones []string `json:"zones"`
	// Events are the words before "for" and a time that make it when
	// something happens ("previsto per le 14": "scheduled for 14h").
	Events []string `json:"events"`
	// Until are the words that make a clause say someone is available or
	// something lasted ("bis 18 Uhr erreichbar"): there "by" is "until".
	Until []string `json:"until"`
}

// ZoneAbbrev is a time zone abbreviation: an IANA zone (Name), else a
// fixed Offset in seconds east of UTC; Caps when it counts only written
// in capitals (it is also an ordinary word, as "et" or "pt").
type ZoneAbbrev struct {
	Name   string `json:"name"`
	Offset int    `json:"offset"`
	Caps   bool   `json:"caps"`
}

// Linker holds the release linker's words.
type Linker struct {
	// Stopwords are dropped before indexing and querying, in named groups
	// ("function_words", "small_talk", …): the stopwords of every
	// language are dropped from all mail, so that mail in one language
	// matches a release in another on names and figures only.
	Stopwords map[string][]string `json:"stopwords"`
}

// Language is one data file.
type Language struct {
	Code     string         `json:"code"`
	Name     string         `json:"name"`
	Calendar Calendar       `json:"calendar"`
	Numbers  map[string]int `json:"numbers"`
	Deadline Deadline       `json:"deadline"`
	Linker   Linker         `json:"linker"`
}

// Weekday returns the weekday a lower-case word names in this language
// (full or abbreviated).
func (l *Language) Weekday(w string) (time.Weekday, bool) {
	for i, n := range l.Calendar.Weekdays {
		for _, s := range n.Full {
			if s == w {
				return time.Weekday(i), true
			}
		}
		for _, s := range n.Abbrev {
			if s == w {
				return time.Weekday(i), true
			}
		}
	}
	return 0, false
}

// WeekdayWords returns every weekday name of the language with its day;
// full names only when abbrev is false.
func (l *Language) WeekdayWords(abbrev bool) map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for i, n := range l.Calendar.Weekdays {
		for _, s := range n.Full {
			m[s] = time.Weekday(i)
		}
		if abbrev {
			for _, s := range n.Abbrev {
				m[s] = time.Weekday(i)
			}
		}
	}
	return m
}

// MonthWords returns every month name and abbreviation of the language
// with its month.
func (l *Language) MonthWords() map[string]time.Month {
	m := map[string]time.Month{}
	for i, n := range l.Calendar.Months {
		for _, s := range n.All() {
			m[s] = time.Month(i + 1)
		}
	}
	return m
}

// Set returns the words as a set.
func Set(words ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, ws := range words {
		for _, w := range ws {
			m[w] = true
		}
	}
	return m
}

var (
	all    []*Language
	byCode = map[string]*Language{}
)

func init() {
	ls, err := Load(files)
	if err != nil {
		// The files are compiled in and checked by TestEmbedded: this is
		// a build defect, not bad input.
		panic("lang: embedded data: " + err.Error())
	}
	all = ls
	for _, l := range ls {
		byCode[l.Code] = l
	}
}

// Get returns the language with the given code.
func Get(code string) (*Language, bool) {
	l, ok := byCode[code]
	return l, ok
}

// English returns the English data: the words the deadline reader's rules
// and the linker's date anchors name, and that other languages are read as.
func English() *Language { return byCode["en"] }

// All returns every language, English first, then by code. The caller must
// not modify them.
func All() []*Language { return all }

// Load reads and checks every data/*.json file of fsys.
func Load(fsys fs.FS) ([]*Language, error) {
	ls, err := loadFiles(fsys, "data/*.json", Parse, func(l *Language) string { return l.Code })
	if err != nil {
		return nil, err
	}
	if len(ls) == 0 || func() bool { _, ok := findCode(ls, "en"); return !ok }() {
		return nil, fmt.Errorf("no data/en.json")
	}
	sort.Slice(ls, func(i, j int) bool {
		if (ls[i].Code == "en") != (ls[j].Code == "en") {
			return ls[i].Code == "en"
		}
		return ls[i].Code < ls[j].Code
	})
	return ls, nil
}

func findCode(ls []*Language, code string) (*Language, bool) {
	for _, l := range ls {
		if l.Code == code {
			return l, true
		}
	}
	return nil, false
}

// Parse decodes and checks one language file: no unknown keys, seven
// weekdays and twelve months when given, every word lower case without
// spaces.
func Parse(b []byte) (*Language, error) {
	var l Language
	if err := decodeFile(b, &l, &l.Code); err != nil {
		return nil, err
	}
	if n := len(l.Calendar.Weekdays); n != 0 && n != 7 {
		return nil, fmt.Errorf("calendar.weekdays: %d entries, want 7 (Sunday first)", n)
	}
	if n := len(l.Calendar.Months); n != 0 && n != 12 {
		return nil, fmt.Errorf("calendar.months: %d entries, want 12", n)
	}
	for _, w := range l.Words() {
		if err := checkWord(w); err != nil {
			return nil, err
		}
	}
	for g, ws := range l.Linker.Stopwords {
		for _, w := range ws {
			if err := checkWord(w); err != nil {
				return nil, fmt.Errorf("linker.stopwords.%s: %w", g, err)
			}
		}
	}
	for w := range l.Deadline.Aliases {
		if err := checkWord(w); err != nil {
			return nil, fmt.Errorf("deadline.aliases: %w", err)
		}
	}
	for p := range l.Deadline.Phrases {
		for _, w := range strings.Split(p, " ") {
			if err := checkWord(w); err != nil {
				return nil, fmt.Errorf("deadline.phrases %q: %w", p, err)
			}
		}
	}
	for w, c := range l.Deadline.LeftCues {
		if c.Score == 0 {
			return nil, fmt.Errorf("deadline.left_cues.%s: score 0", w)
		}
	}
	return &l, nil
}

func lineOf(b []byte, off int64) int {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	return 1 + bytes.Count(b[:off], []byte("\n"))
}

func checkWord(w string) error {
	if w == "" {
		return fmt.Errorf("an empty word")
	}
	for _, r := range w {
		if unicode.IsSpace(r) || unicode.IsUpper(r) {
			return fmt.Errorf("word %q: lower case, no spaces", w)
		}
	}
	return nil
}

// Words returns every word the file names (calendar, numbers, deadline),
// with repeats: the deadline reader's vocabulary.
func (l *Language) Words() []string {
	var ws []string
	for _, n := range l.Calendar.Weekdays {
		ws = append(ws, n.All()...)
	}
	for _, n := range l.Calendar.Months {
		ws = append(ws, n.All()...)
	}
	ws = append(ws, l.Calendar.Ambiguous...)
	for w := range l.Numbers {
		ws = append(ws, w)
	}
	d := &l.Deadline
	ws = append(ws, d.AtomStarts...)
	for _, g := range d.Vocabulary {
		ws = append(ws, g...)
	}
	for w, c := range d.LeftCues {
		ws = append(ws, w)
		if c.As != "" {
			ws = append(ws, c.As)
		}
	}
	for w := range d.RightCues {
		ws = append(ws, w)
	}
	for w := range d.ClauseCues {
		ws = append(ws, w)
	}
	for _, g := range [][]string{d.LeftFillers, d.AntiWords, d.RightAnti, d.Recurring, d.Broadcasts, d.GoodAfter, d.Determiners,
		d.Clock.HourWords12h, d.Clock.HourWords24h} {
		ws = append(ws, g...)
	}
	for w := range d.ZoneAbbrevs {
		ws = append(ws, w)
	}
	for w := range d.ZonePlaces {
		ws = append(ws, w)
	}
	for _, w := range d.Grammar {
		ws = append(ws, w)
	}
	return ws
}
