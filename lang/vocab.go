package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Vocabulary is the release linker's bilingual word list for one language
// (data/vocab/<code>.json): the words a press office's mail is written
// with (migration, sanctions, aid, visit, summit, statement, prime
// minister, the countries …) read as English, so that an enquiry in that
// language meets an English release on its words and not only on its
// names and figures; and the words that say when something happened
// (yesterday, on Monday, 12 October), read as English by the linker's
// date anchors.
//
//	{
//	  "code": "de",
//	  "words": {"sanktion*": "sanctions", "außenminister*": "foreign secretary", "ägypt*": "egypt"},
//	  "anchors": {"gestern": "yesterday", "montag": "monday", "oktober": "october"}
//	}
//
// English's file (en.json) holds the linker's own date words: its anchors
// ("yesterday's" → yesterday), day_prepositions and deadline_cues; any
// file may list shift_cues, the phrases with which a reply moves on to
// another subject.
//
// A key is written as in the language (any case, accents and script: the
// linker folds it as it folds mail); a key ending in '*' matches every
// word it starts (its inflections: "sanktionen", "sanktionierten"), the
// longest such key winning, and must keep at least four letters before
// the '*'. A value is one or more English words. Anchor keys match whole
// words only and each value is one English calendar word (today,
// yesterday, tonight, the weekdays and months).
type Vocabulary struct {
	Code    string            `json:"code"`
	Words   map[string]string `json:"words"`
	Anchors map[string]string `json:"anchors"`
	// DayPrepositions are the words before a weekday that make it a day
	// something happened on ("on Thursday", "since Monday"), and
	// DeadlineCues those before a day or "today" that make it a deadline
	// ("by Friday", "back to me tonight"): English's, read by the
	// linker's date anchors (other languages take their deadline cues
	// from their lang file's deadline section).
	DayPrepositions []string `json:"day_prepositions"`
	DeadlineCues    []string `json:"deadline_cues"`
	// ShiftCues are phrases with which a reply turns to a new subject
	// ("separately", "on another note"), lower case: the linker then sets
	// the thread's subject and history aside.
	ShiftCues []string `json:"shift_cues"`
	// Ignore are the language's words the linker reads as nothing: the
	// words every journalist's request is written with (greetings,
	// thanks, "comment", "spokesperson", "newspaper", "phone") and
	// function words that are spelt like an English word of the
	// catalogue (German "war", Dutch "met", Spanish "el"). A key ending
	// in '*' ignores every word it starts (four letters or more before
	// it). Only for a message told to be in that language.
	Ignore []string `json:"ignore"`
}

//go:embed data/vocab/*.json
var vocabFiles embed.FS

var vocabs = func() map[string]*Vocabulary {
	vs, err := LoadVocabularies(vocabFiles)
	if err != nil {
		// Compiled in and checked by TestVocabularies: a build defect.
		panic("lang: embedded vocabulary: " + err.Error())
	}
	return vs
}()

// Vocabularies returns every language's vocabulary by code. The caller
// must not modify them.
func Vocabularies() map[string]*Vocabulary { return vocabs }

// VocabularyCodes returns the codes of the vocabularies, sorted.
func VocabularyCodes() []string {
	cs := make([]string, 0, len(vocabs))
	for c := range vocabs {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return cs
}

// anchorValues are the English words an anchor may read as.
var anchorValues = Set(
	[]string{"today", "tonight", "yesterday", "overnight", "this", "last", "morning", "afternoon", "evening", "night", "week", "on"},
	[]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"},
	[]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
)

// LoadVocabularies reads and checks every data/vocab/*.json file of fsys.
func LoadVocabularies(fsys fs.FS) (map[string]*Vocabulary, error) {
	vs, err := loadFiles(fsys, "data/vocab/*.json", ParseVocabulary, func(v *Vocabulary) string { return v.Code })
	if err != nil {
		return nil, err
	}
	out := make(map[string]*Vocabulary, len(vs))
	for _, v := range vs {
		out[v.Code] = v
	}
	return out, nil
}

// ParseVocabulary decodes and checks one vocabulary file: no unknown
// keys, no empty key or value, a prefix key ('*') of four letters or
// more, anchors that read as English calendar words.
func ParseVocabulary(b []byte) (*Vocabulary, error) {
	var v Vocabulary
	if err := decodeFile(b, &v, &v.Code); err != nil {
		return nil, err
	}
	for k, val := range v.Words {
		stem, prefix := strings.CutSuffix(k, "*")
		switch {
		case strings.TrimSpace(stem) == "" || strings.ContainsAny(stem, " *"):
			return nil, fmt.Errorf("words: key %q: one word, '*' only at its end", k)
		case prefix && len([]rune(stem)) < 4:
			return nil, fmt.Errorf("words: key %q: a prefix needs four letters or more", k)
		case strings.TrimSpace(val) == "":
			return nil, fmt.Errorf("words: key %q: empty English", k)
		}
	}
	for k, val := range v.Anchors {
		if strings.TrimSpace(k) == "" || strings.ContainsAny(k, " *") {
			return nil, fmt.Errorf("anchors: key %q: one whole word", k)
		}
		if !anchorValues[val] {
			return nil, fmt.Errorf("anchors: %q reads as %q, not one English calendar word", k, val)
		}
	}
	for _, w := range v.Ignore {
		stem, prefix := strings.CutSuffix(w, "*")
		switch {
		case strings.TrimSpace(stem) == "" || strings.ContainsAny(stem, " *"):
			return nil, fmt.Errorf("ignore: %q: one word, '*' only at its end", w)
		case prefix && len([]rune(stem)) < 4:
			return nil, fmt.Errorf("ignore: %q: a prefix needs four letters or more", w)
		}
	}
	for _, c := range v.ShiftCues {
		if strings.TrimSpace(c) != c || c == "" || strings.ToLower(c) != c {
			return nil, fmt.Errorf("shift_cues: %q: lower case, no outer spaces", c)
		}
	}
	for _, ws := range [][]string{v.DayPrepositions, v.DeadlineCues} {
		for _, w := range ws {
			if err := checkWord(w); err != nil {
				return nil, fmt.Errorf("day_prepositions/deadline_cues: %w", err)
			}
		}
	}
	return &v, nil
}
