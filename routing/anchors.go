package routing

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mediadesk/mediadesk/lang"
)

// dayRange is an inclusive range of calendar days (days since 1970-01-01 in
// the desk's zone) that an email says its subject happened on.
type dayRange struct {
	from, to int32
	// year is set for a whole past year the email names ("the 2013
	// agreement"): a release in it fits, but one outside it is not
	// penalised for its distance (a year is often only background).
	year bool
	// today is set for the day the email was sent named as "today" or
	// "tonight".
	today bool
	// subject is set for a day the subject names (see anchorMatchSpan).
	subject bool
	// quoted is set for a day the quoted history names (quotedAnchors):
	// it puts a release of another day back, but confirms none.
	quoted bool
	// anniversary is set for the days around the day some years before
	// the email that "ten years since", "a year on" name
	// (anniversaryDays): they confirm a release of theirs, but put none
	// back ("two years since the invasion" is as often background).
	anniversary bool
	// since is set for the days from a date named after "after" or
	// "since" up to the email's ("since 7 October", "pas zgjedhjeve të 11
	// majit"): a release of them is neither confirmed nor put back, one
	// before them is put back (see sinceBefore).
	since bool
}

// anchorWeekdays are the full weekday names, anchorMonths the month names
// and abbreviations (lang/data/en.json).
var (
	anchorWeekdays = lang.English().WeekdayWords(false)
	anchorMonths   = lang.English().MonthWords()
)

// englishDates are English's date words (lang/data/vocab/en.json): the
// words read as the calendar words of dateAnchors' rules ("yesterday's" →
// yesterday), the words before a weekday that make it a day something
// happened on, and those before a day that make it a deadline.
var englishDates = func() (d struct {
	anchors      map[string][]byte
	prepositions map[string]bool
	cues         map[string]bool
}) {
	v := lang.Vocabularies()["en"]
	d.anchors = map[string][]byte{}
	if v == nil {
		return d
	}
	for w, as := range v.Anchors {
		d.anchors[w] = []byte(as)
	}
	d.prepositions = lang.Set(v.DayPrepositions)
	d.cues = lang.Set(v.DeadlineCues)
	return d
}()

// anchorWordFilter pre-checks the words dateAnchors starts from or reads
// as calendar words (figures aside): English's anchors, weekdays and
// months.
var anchorWordFilter = func() (f wordFilter) {
	for w := range englishDates.anchors {
		f.Add(w)
	}
	for w := range anchorWeekdays {
		f.Add(w)
	}
	for w := range anchorMonths {
		f.Add(w)
	}
	f.Add("year")
	f.Add("years")
	return f
}()

// englishNumbers are English's number words (lang/data/en.json).
var englishNumbers = lang.English().Numbers

// anniversaryWindow is how many days either side of the day n years
// before the email "n years since" names (an anniversary piece is
// written in the days around it).
const anniversaryWindow = 14

// anniversaryDays reads "ten years since", "10 years on", "a year
// since" at token k ("year" or "years") as the days around the day that
// many years before d0 (up to 50); not "a year ago", as often a
// background fact as an anniversary.
func anniversaryDays(tz *tokenizer, k int, d0 int32, w func(int) []byte) (dayRange, bool) {
	switch string(w(k + 1)) {
	case "since", "on":
	default:
		// ("the 730 promised a year ago" is a background fact, no
		// anniversary: endev2 026's release left out, the day a year
		// before took the small-boats statement of that January)
		return dayRange{}, false
	}
	if k == 0 {
		return dayRange{}, false
	}
	n := 0
	switch prev := w(k - 1); {
	case tz.toks[k-1].num:
		n = smallInt(prev)
	case string(prev) == "a":
		n = 1
	default:
		n = englishNumbers[string(prev)]
	}
	if n < 1 || n > 50 {
		return dayRange{}, false
	}
	c := int32(dayTime(d0).AddDate(-n, 0, 0).Unix() / 86400)
	return dayRange{from: c - anniversaryWindow, to: c + anniversaryWindow, anniversary: true}, true
}

// anchorWeekday returns the weekday a (full) weekday name names.
func anchorWeekday(w []byte) (time.Weekday, bool) {
	d, ok := anchorWeekdays[string(w)]
	return d, ok
}

// anchorMonth returns the month a month name or its abbreviation names.
func anchorMonth(w []byte) (time.Month, bool) {
	m, ok := anchorMonths[string(w)]
	return m, ok
}

// dateAnchors finds the days an email refers to as when its subject
// happened, resolved against the day it was sent (d0, in the desk's zone):
// "today", "this morning('s)", "tonight" → d0; "yesterday" → d0−1; "last
// night", "overnight" → d0−1..d0; "Saturday's", "on Thursday" → the latest
// such day on or before d0 ("last Thursday": before d0); "12 October",
// "Oct 12", "13-14 April", "31 January 2023" → that day (a date up to 60 days
// ahead is a future event and ignored; one further ahead means last year);
// "this week", "last week" → those weeks so far; a past year on its own
// ("the 2013 agreement", "in 2019") → that year, as a weak anchor, unless
// it is a limit ("until at least 2019": a figure the release stated, see
// limitYear). Words that name a deadline
// ("by Friday", "Deadline Monday") are not anchors, nor days ahead: "this
// week", "this afternoon" after a deadline cue ("later this week", "back
// to me this afternoon"), a weekday with a cue before it in its clause
// ("come back by close of play on Wednesday"), a bare "on Friday" five or
// six days back (the coming one, see aheadWeekday), "today" in a
// sentence naming tomorrow (journalistsDay). The tokens are those of
// tz after tokenize.
//
// For an enquiry in another language, va (nil: English only) reads its
// words as English calendar words first ("gestern" → yesterday, "lundi"
// → Monday, "16. Oktober" → 16 October); a weekday so read counts only
// with a word for "last" before or after it ("letzten Montag", "lundi
// dernier"), since without one it is as often a day ahead, and not after
// a deadline cue of the language ("bis Freitag").
func dateAnchors(tz *tokenizer, d0 int32, out []dayRange, va *vocabTable) []dayRange {
	n := len(tz.toks)
	tomorrow := sentenceFlag{sent: -1}
	past := sentenceFlag{sent: -1} // pastClause of the sentence last read
	aside := asideSpan{sent: -1}
	// w is the word of token k (nil outside the text); comparing
	// string(w(k)) with a constant does not copy it.
	w := func(k int) []byte {
		if k < 0 || k >= n {
			return nil
		}
		raw := tz.word(k)
		if en := va.anchor(raw); en != nil {
			return en
		}
		if anchorWordFilter.MayHave(raw) {
			if en, ok := englishDates.anchors[string(raw)]; ok {
				return en
			}
		}
		return raw
	}
	// foreign reports whether the word of token k was read through va.
	foreign := func(k int) bool { return va != nil && va.anchor(tz.word(k)) != nil }
	wd0 := time.Weekday((int64(d0) + 4) % 7) // 1970-01-01 was a Thursday
	// what the email says it is not about names no day it is about:
	// "today's round I'm after, not the November one - I already have
	// the list from 14 November" (notAboutSpans)
	var notBuf [4][2]int32
	notAbout := notAboutSpans(tz, notBuf[:0], va)
	for k := 0; k < n; k++ {
		for len(notAbout) > 0 && k >= int(notAbout[0][1]) {
			notAbout = notAbout[1:]
		}
		if len(notAbout) > 0 && k >= int(notAbout[0][0]) {
			continue
		}
		word := w(k)
		if va != nil && len(word) > 0 && word[0] >= '0' && word[0] <= '9' {
			if a, ok := foreignAnniversary(tz, k, d0, va.code); ok && !aside.holds(tz, k) {
				out = append(out, a)
				continue
			}
		}
		if !tz.toks[k].num && !anchorWordFilter.MayHave(word) {
			continue // no rule below starts from this word
		}
		if aside.holds(tz, k) {
			// "I saw Friday's statement too but this is just about the
			// new law": a day of something the email sets aside
			continue
		}
		switch string(word) {
		case "today", "tonight":
			if !deadlineContext(tz, k) && !va.deadlineBefore(tz, k) && !journalistsDay(tz, k, w, &tomorrow) {
				out = append(out, dayRange{from: d0, to: d0, today: true})
			}
			continue
		case "yesterday":
			out = append(out, dayRange{from: d0 - 1, to: d0 - 1})
			continue
		case "year", "years":
			if a, ok := anniversaryDays(tz, k, d0, w); ok {
				out = append(out, a)
			}
			continue
		case "overnight":
			out = append(out, dayRange{from: d0 - 1, to: d0})
			continue
		case "this":
			if deadlineContext(tz, k) || va.deadlineBefore(tz, k) {
				// "later this week", "back to me this afternoon": a
				// time ahead, not when the subject happened
				continue
			}
			switch string(w(k + 1)) {
			case "morning", "afternoon", "evening":
				out = append(out, dayRange{from: d0, to: d0})
			case "night":
				// a language's "this night" ("esta noite", "esta
				// noche") is the night just gone in the morning,
				// tonight later on: either day
				out = append(out, dayRange{from: d0 - 1, to: d0})
			case "week":
				mon := d0 - int32((wd0+6)%7)
				out = append(out, dayRange{from: mon, to: d0})
			}
			continue
		case "last":
			switch string(w(k + 1)) {
			case "night":
				out = append(out, dayRange{from: d0 - 1, to: d0})
			case "week":
				mon := d0 - int32((wd0+6)%7)
				out = append(out, dayRange{from: mon - 7, to: mon - 1})
			}
			continue
		}
		if tz.toks[k].num && len(word) >= 3 && len(word) <= 10 {
			// a numeric date, day first: "16.10.2023" in any language,
			// "16.10." in another one (in English "1.5" is a figure)
			if day, ok := numericDate(word, d0, va != nil); ok {
				out = append(out, dayRange{from: day, to: day})
				continue
			}
		}
		if tz.toks[k].num && len(word) == 4 {
			// a past year on its own, not the year of a day-month date
			if y := smallInt(tz.word(k)); y >= 1900 && y < dayTime(d0).Year() && !limitYear(tz, k, va) {
				if _, m1 := anchorMonth(w(k - 1)); !m1 {
					if _, m2 := anchorMonth(w(k - 2)); !m2 || !tz.toks[k-1].num {
						from := int32(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
						to := int32(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC).Unix() / 86400)
						out = append(out, dayRange{from: from, to: to, year: true})
					}
				}
			}
			continue
		}
		if wd, ok := anchorWeekday(word); ok {
			if tz.toks[k].poss && !foreign(k) && publication(w(k+1)) {
				// "it's for Thursday's paper": the journalist's
				// schedule, no day the subject happened on
				continue
			}
			prev := string(w(k - 1))
			if foreign(k) {
				// A weekday alone may be ahead ("pour notre édition de
				// mercredi"): in another language only "last Monday"
				// ("letzten Montag", "lundi dernier") says it is past.
				// ("segunda-feira passada", "të hënën e kaluar": a short
				// word may come between)
				if string(w(k+1)) == "last" || string(w(k+2)) == "last" && k+1 < n && len(tz.word(k+1)) <= 5 {
					prev = "last"
				}
				if prev != "last" && past.sent != tz.toks[k].sent {
					// (read once a sentence: hostile mail of one long
					// sentence of weekdays stays linear)
					past.sent, past.set = tz.toks[k].sent, pastClause(tz, k, va)
				}
				if va.deadlineBefore(tz, k) || prev != "last" && !past.set {
					continue
				}
			} else if !tz.toks[k].poss && !englishDates.prepositions[prev] {
				continue
			} else if prev != "last" && deadlineClause(tz, k) {
				// "come back by close of play on Wednesday": the
				// deadline's day, ahead
				continue
			}
			back := int32((7 + int(wd0) - int(wd)) % 7)
			if prev == "on" && !tz.toks[k].poss && back >= aheadWeekday {
				// A bare "on Friday" five or six days back is the
				// coming one, two days ahead or less ("We publish the
				// anniversary package on Friday", written on a
				// Wednesday; "when the Council meets at 9.30 on
				// Monday", on a Saturday).
				continue
			}
			if prev == "last" && back == 0 {
				back = 7
			}
			out = append(out, dayRange{from: d0 - back, to: d0 - back})
			continue
		}
		// Day-month dates: "12 October", "13-14 April", "October 12", with
		// an optional year.
		if m, ok := anchorMonth(word); ok {
			var days []int
			// days before the month: "13 14 April" (from "13-14 April"),
			// "16 de octubre", "16th of October"
			at := k
			if k >= 2 && tz.toks[k-2].num && dayMonthJoiner(tz.word(k-1)) {
				at = k - 1
			}
			// (not a list's number: "2. April's statement" is no 2
			// April; German's "4. März" is the 4th)
			first := k // the date's first token
			for j := at - 1; j >= 0 && j >= at-2 && tz.toks[j].num && !tz.toks[j].item && !tz.toks[j+1].item; j-- {
				if d := smallInt(tz.word(j)); d >= 1 && d <= 31 {
					days = append(days, d)
					first = j
				} else {
					break
				}
			}
			yearAt := k + 1
			// (nor the number of the list item after the month's
			// sentence: "your update on the fourth round in July.
			// 1. Which chapters …" is no 1 July)
			if len(days) == 0 && k+1 < n && tz.toks[k+1].num && !tz.toks[k+1].brk && !tz.toks[k+1].item {
				if d := smallInt(tz.word(k + 1)); d >= 1 && d <= 31 {
					days = append(days, d)
					yearAt = k + 2
				}
			}
			if len(days) == 0 || string(word) == "may" && tz.toks[k].brk {
				continue
			}
			year := 0
			if yearAt+1 < n && !tz.toks[yearAt].num && dayMonthJoiner(tz.word(yearAt)) {
				yearAt++ // "16 de octubre de 2023"
			}
			if yearAt < n && tz.toks[yearAt].num {
				if y := smallInt(tz.word(yearAt)); y >= 1990 && y <= 2100 {
					year = y
				}
			}
			lo, hi := int32(1<<30), int32(-1<<30)
			ok := false
			for _, d := range days {
				day, good := resolveDayMonth(d0, year, m, d)
				if !good {
					continue
				}
				ok = true
				lo, hi = min(lo, day), max(hi, day)
			}
			if ok {
				since := hi < d0 && sinceBefore(tz, first, va)
				if since {
					// "a few days after the 11 May elections", "since
					// 7 October": the day something else happened, from
					// which the subject's days run up to the email's
					hi = d0
				}
				out = append(out, dayRange{from: lo, to: hi, since: since})
			}
		}
	}
	return out
}

// publication reports whether w names what a journalist publishes in
// ("paper", "edition", "programme", "bulletin", …): a weekday's before it
// is the day the piece comes out ("the piece is for Thursday's paper",
// written on a Tuesday, put the day's release back as one of five days
// before: mixdev6 017). English's words.
func publication(w []byte) bool {
	switch string(w) {
	case "paper", "papers", "edition", "editions", "programme", "program", "show", "bulletin", "broadcast",
		"splash", "supplement", "magazine", "issue", "print", "newsletter", "podcast", "episode", "package",
		"front", "deadline", "slot":
		return true
	}
	return false
}

// limitYear reports whether the year at token k is a limit ("until at
// least 2023", "till 2023", "fino al 2023"): a figure the release
// stated, not a year the subject happened in.
func limitYear(tz *tokenizer, k int, va *vocabTable) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch string(tz.word(j)) {
		case "until", "till", "through":
			return true
		}
	}
	return va.deadlineBefore(tz, k)
}

// aheadWeekday is how many days back a weekday named with "on" alone
// may lie before it reads as the coming one: in the DEV sets every bare
// "on <weekday>" five or six days back named a day ahead (a deadline,
// a broadcast, a meeting to come: 10 of 10), four days back one of two.
const aheadWeekday = 5

// journalistsDay reports whether "today" or "tonight" at token k names
// the journalist's own day, not the release's: in a sentence that names
// tomorrow too, it is their schedule ("Tomorrow morning would be fine for
// this, no panic today", "We're on air at 5pm today, but this is for
// tomorrow's follow-up"). w reads token j as dateAnchors does; seen keeps
// the answer for the sentence last read, so that a text of many such
// words in one sentence is read once (hostile mail stays linear).
func journalistsDay(tz *tokenizer, k int, w func(int) []byte, seen *sentenceFlag) bool {
	if tz.toks[k].poss {
		return false // "today's statement"
	}
	sent := tz.toks[k].sent
	if seen.sent != sent {
		seen.sent, seen.set = sent, false
		j := k
		for j > 0 && tz.toks[j-1].sent == sent {
			j--
		}
		for ; j < len(tz.toks) && tz.toks[j].sent == sent && !seen.set; j++ {
			seen.set = isTomorrow(w(j))
		}
	}
	return seen.set
}

// sentenceFlag is a fact about one sentence (sent: its number, -1 for
// none yet).
type sentenceFlag struct {
	sent int32
	set  bool
}

// asideSpan is the part of one sentence that names what the email sets
// aside before saying what it is about (sent: the sentence, -1 for none
// read yet; tokens from..to-1, none when equal).
type asideSpan struct {
	sent     int32
	from, to int
}

// holds reports whether token k is in the part of its sentence set aside:
// before a clause saying what the email is about when "aside" comes
// before that clause in the sentence, or "but" and the clause says "only"
// ("but this is just about", "but my question is only about"; "Friday's
// statement was clear, but my question is about its figures" sets nothing
// aside) — "I saw Friday's Home Office crossings
// statement too but this is just about the new law", "Leaving aside the
// task force expansion that was trailed last night - my question is about
// the meeting this morning". English's words. Each sentence is read once
// (the answer kept for the sentence last read).
func (a *asideSpan) holds(tz *tokenizer, k int) bool {
	sent := tz.toks[k].sent
	if a.sent != sent {
		a.sent, a.from, a.to = sent, 0, 0
		start := k
		for start > 0 && tz.toks[start-1].sent == sent {
			start--
		}
		but, aside := false, false
		for j := start; j < len(tz.toks) && tz.toks[j].sent == sent; j++ {
			switch string(tz.word(j)) {
			case "but":
				but = true
			case "aside":
				aside = true
			case "about":
				if main, only := aboutClause(tz, j, start); main > start && (aside || but && only) {
					a.from, a.to = start, main
					return k >= a.from && k < a.to
				}
			}
		}
	}
	return k >= a.from && k < a.to
}

// aboutClause returns the first token of the clause saying what the email
// is about that ends with "about" at token j ("my question is only
// about", "this is just about", "it's about"), or -1 when the words
// before j are not one, looking no further back than start; only says
// whether it restricts the email to it ("just", "only", "solely").
func aboutClause(tz *tokenizer, j, start int) (first int, only bool) {
	i := j - 1
	if i >= start {
		switch string(tz.word(i)) {
		case "just", "only", "solely", "purely":
			i, only = i-1, true
		}
	}
	if i < start {
		return -1, false
	}
	if !tz.toks[i].poss { // ("it's", "question's": "is" written on)
		switch string(tz.word(i)) {
		case "is", "are":
		default:
			return -1, false
		}
		i--
		if i < start {
			return -1, false
		}
	}
	switch string(tz.word(i)) {
	case "this", "it", "question", "questions", "query", "enquiry", "request", "email", "mine":
	default:
		return -1, false
	}
	if i > start {
		switch string(tz.word(i - 1)) {
		case "my", "our", "the":
			i--
		}
	}
	return i, only
}

// isTomorrow reports whether w is "tomorrow" or "tomorrow's" (folded).
func isTomorrow(w []byte) bool {
	return string(w) == "tomorrow" || string(w) == "tomorrows"
}

// deadlineClause reports whether one of English's deadline cues comes in
// the six words before token k, in its sentence or clause: "come back by
// close of play on Wednesday" names the deadline's day.
func deadlineClause(tz *tokenizer, k int) bool {
	if tz.toks[k].brk {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if englishDates.cues[string(tz.word(j))] {
			return true
		}
		if tz.toks[j].brk {
			break
		}
	}
	return false
}

// dayMonthJoiner reports whether w joins a day to its month ("16 de
// octubre", "16 de outubro", "16th of October").
func dayMonthJoiner(w []byte) bool {
	switch string(w) {
	case "de", "of":
		return true
	}
	return false
}

// numericDate reads a figure written as a day-first date: day.month.year
// (a four-digit year from 1990), or with shortDates day.month, resolved
// as resolveDayMonth does.
func numericDate(w []byte, d0 int32, shortDates bool) (int32, bool) {
	var parts [3][]byte
	n, start := 0, 0
	for i := 0; i <= len(w); i++ {
		if i < len(w) && w[i] != '.' {
			continue
		}
		if n == 3 {
			return 0, false
		}
		parts[n] = w[start:i]
		n++
		start = i + 1
	}
	if n < 2 || n == 2 && !shortDates {
		return 0, false
	}
	d, m := smallInt(parts[0]), smallInt(parts[1])
	if len(parts[0]) > 2 || len(parts[1]) > 2 || d < 1 || d > 31 || m < 1 || m > 12 {
		return 0, false
	}
	year := 0
	if n == 3 {
		if year = smallInt(parts[2]); len(parts[2]) != 4 || year < 1990 || year > 2100 {
			return 0, false
		}
	} else if len(parts[1]) != 2 && len(parts[0]) != 2 {
		return 0, false // "1.5": a figure, not the first of May
	}
	return resolveDayMonth(d0, year, time.Month(m), d)
}

// deadlineContext reports whether the word at k is part of a request for
// an answer ("back to me tonight", "need it by today") rather than when
// something happened: one of English's deadline cues (lang/data/vocab/
// en.json: "by", "before", "until", "need", "back", "deadline", "asap",
// "end", …) comes within the three words before it.
func deadlineContext(tz *tokenizer, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if englishDates.cues[string(tz.word(j))] {
			return true
		}
	}
	return false
}

// resolveDayMonth places day d of month m in year (0: the latest year that
// puts it on or before d0, unless it is within 60 days ahead, which reads
// as a future event and gives false).
func resolveDayMonth(d0 int32, year int, m time.Month, d int) (int32, bool) {
	if year != 0 {
		t := time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
		if t.Month() != m {
			return 0, false
		}
		day := int32(t.Unix() / 86400)
		return day, day <= d0
	}
	y := dayTime(d0).Year()
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != m {
		return 0, false
	}
	day := int32(t.Unix() / 86400)
	if day > d0 {
		if day-d0 <= 60 {
			return 0, false
		}
		t = time.Date(y-1, m, d, 0, 0, 0, 0, time.UTC)
		day = int32(t.Unix() / 86400)
	}
	return day, true
}

// smallInt parses a short run of ASCII digits (-1 when it is not one).
func smallInt(b []byte) int {
	if len(b) == 0 || len(b) > 4 {
		return -1
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// urlAnchors appends to out the days the URLs of the sender's own text
// name in their paths ("homeofficemedia.blog.gov.uk/2025/11/07/latest-
// statement-in-response-to-small-boat-crossings/", "/2023/oct/16/",
// "/2023-10-16-slug"): the day the page it links to came out. When the
// catalogue lacks that page (a feed lag), a release of the same series
// from another year is put back by it, as by a date the email writes
// (mldev8 031, its statement left out, took the same statement of
// January 2023 at p 0.67). A day more than one after the email's (d0)
// is none.
func urlAnchors(urls []string, d0 int32, out []dayRange) []dayRange {
	for _, u := range urls {
		if day, ok := urlDay(u); ok && day <= d0+1 {
			out = append(out, dayRange{from: day, to: day})
		}
	}
	return out
}

// urlDay reads the day a URL's path names: three segments year, month
// (a number or an English month's name or abbreviation) and day, or a
// segment that starts with year-month-day.
func urlDay(u string) (int32, bool) {
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	segs := strings.Split(u, "/")
	for i := 1; i < len(segs); i++ {
		y := yearOf(segs[i])
		if y == 0 {
			if len(segs[i]) >= 10 && segs[i][4] == '-' && segs[i][7] == '-' {
				if y = yearOf(segs[i][:4]); y != 0 {
					if day, ok := calendarDay(y, segs[i][5:7], segs[i][8:10]); ok && (len(segs[i]) == 10 || segs[i][10] == '-') {
						return day, true
					}
				}
			}
			continue
		}
		if i+2 < len(segs) {
			if day, ok := calendarDay(y, segs[i+1], segs[i+2]); ok {
				return day, true
			}
		}
	}
	return 0, false
}

// yearOf reads a year from 1990 to 2100 written in four digits (0 when s
// is none).
func yearOf(s string) int {
	if len(s) != 4 {
		return 0
	}
	if y := smallInt([]byte(s)); y >= 1990 && y <= 2100 {
		return y
	}
	return 0
}

// calendarDay is the day of year y, month m (one or two digits, or an
// English month's name or abbreviation) and day d (one or two digits).
func calendarDay(y int, m, d string) (int32, bool) {
	mon := time.Month(smallInt([]byte(m)))
	if len(m) > 2 || mon < 1 || mon > 12 {
		mm, ok := anchorMonth([]byte(strings.ToLower(m)))
		if !ok {
			return 0, false
		}
		mon = mm
	}
	dd := smallInt([]byte(d))
	if len(d) > 2 || dd < 1 || dd > 31 {
		return 0, false
	}
	t := time.Date(y, mon, dd, 0, 0, 0, 0, time.UTC)
	if t.Month() != mon {
		return 0, false
	}
	return int32(t.Unix() / 86400), true
}

// quotedAnchors appends to out the days the quoted history names, each
// message's words read against the day it was written: the date of the
// attribution line above it ("On Wed, 13 Dec 2023 at 14:51, FCDO Press
// Office wrote:", Outlook's "Sent: Wednesday, 13 December 2023 11:05",
// in any language whose months va reads) — "today's joint UK-US
// sanctions" in a first message of 13 December quoted on the 14th names
// the 13th. Such a day puts a release of another day back (the November
// sanctions are no thread about the December ones), but confirms none:
// the quoted history is what the thread was about, and two releases of
// its day share its words (with the COP28 speech left out, the same
// day's meeting with Sisi at COP28 would be linked for the day alone).
// The attribution lines name no day themselves (a message
// written on Monday about last week's release is no miss of it), and
// words above every attribution line, whose day is not known, none.
// tz and buf are reused.
func quotedAnchors(quoted string, d0 int32, va *vocabTable, tz *tokenizer, buf *[]byte, out []dayRange) []dayRange {
	ref := int32(-1)
	seg := (*buf)[:0]
	flush := func() {
		if ref >= 0 && len(seg) > 0 {
			tz.tokenize(string(seg))
			n := len(out)
			out = dateAnchors(tz, ref, out, va)
			for i := n; i < len(out); i++ {
				out[i].quoted = true
			}
		}
		seg = seg[:0]
	}
	for len(quoted) > 0 {
		line := quoted
		if i := strings.IndexByte(quoted, '\n'); i >= 0 {
			line, quoted = quoted[:i], quoted[i+1:]
		} else {
			quoted = ""
		}
		line = strings.TrimLeft(line, "> \t")
		if day, ok := attributionDay(line, d0, va, tz); ok {
			flush()
			ref = day
			continue
		}
		seg = append(append(seg, line...), '\n')
	}
	flush()
	*buf = seg
	return out
}

// attributionDay reads the day an attribution line of quoted history
// gives: a line ending with a colon ("On … wrote:", "Le … a écrit :",
// "Am … schrieb …:") or a header line ("Sent:", "Date:") that names a
// calendar date (not "today", not a year alone), no later than d0.
func attributionDay(line string, d0 int32, va *vocabTable, tz *tokenizer) (int32, bool) {
	t := strings.TrimSpace(line)
	if len(t) < 8 || len(t) > 300 {
		return 0, false
	}
	header := false
	if i := strings.IndexByte(t, ':'); i > 0 && i <= 12 {
		switch strings.ToLower(t[:i]) {
		case "sent", "date", "gesendet", "envoyé", "enviado", "inviato", "verzonden", "wysłano", "datum", "data", "fecha":
			header = true
		}
	}
	if !header && t[len(t)-1] != ':' {
		return 0, false
	}
	tz.tokenize(t)
	var days [4]dayRange
	for _, a := range dateAnchors(tz, d0, days[:0], va) {
		if !a.today && !a.year && a.from == a.to && a.from <= d0 {
			return a.from, true
		}
	}
	if header {
		return numericHeaderDay(t, d0)
	}
	return 0, false
}

// numericHeaderDay reads the first all-figure date of a header line
// ("Data: segunda, 16/09/2024 às 19:31", "Datum: 16.09.2024",
// "Date: 2024-09-16"): year first, or day and month in either order when
// only one order is a date (16/09 is the 16th of September, 9/16 too;
// 05/06 is either, so none), no later than d0.
func numericHeaderDay(t string, d0 int32) (int32, bool) {
	m := numericDateRE.FindStringSubmatch(t)
	if m == nil {
		return 0, false
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	var y, mo, d int
	if m[1] != "" {
		y, mo, d = num(m[1]), num(m[2]), num(m[3])
	} else {
		a, b := num(m[4]), num(m[5])
		y = num(m[6])
		switch {
		case a > 12 && b <= 12:
			d, mo = a, b
		case b > 12 && a <= 12:
			d, mo = b, a
		case a == b:
			d, mo = a, b
		default:
			return 0, false
		}
	}
	if y < 1990 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return 0, false
	}
	tm := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if tm.Day() != d {
		return 0, false
	}
	day := int32(tm.Unix() / 86400)
	if day > d0 {
		return 0, false
	}
	return day, true
}

// numericDateRE matches 2024-09-16, or 16/09/2024, 16.09.2024, 16-09-2024.
var numericDateRE = regexp.MustCompile(`\b(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[./-](\d{1,2})[./-](\d{4}))\b`)

// forwardedDay returns the day of the first header line of forwarded
// text that dates its message ("Date: Mon, 16 Sep 2024", "Data: segunda,
// 16/09/2024 às 19:31", "Sent: …": attributionDay). Then the days its
// words name are read against that day (quotedAnchors), not the
// forwarding email's: the forwarded request's "today" is the day it was
// written. Without one, the forwarding email's day stands.
func forwardedDay(fwd string, d0 int32, va *vocabTable, tz *tokenizer) (int32, bool) {
	for len(fwd) > 0 {
		line := fwd
		if i := strings.IndexByte(fwd, '\n'); i >= 0 {
			line, fwd = fwd[:i], fwd[i+1:]
		} else {
			fwd = ""
		}
		if day, ok := attributionDay(strings.TrimLeft(line, "> \t"), d0, va, tz); ok {
			return day, true
		}
	}
	return 0, false
}

// anniversaryForms are the words after a number that make "n years
// since" or "the n-th anniversary" in the desk's other languages, read
// as anniversaryDays reads English's: years, the word for since after
// it ("10 vjet nga", "10 anos desde", "10 χρόνια από"), or an
// anniversary word right after the number ("10-vjetorin", "10.º
// aniversário", "10η επέτειο"). Not "10 anos de prisão" (of), not
// "raporti vjetor" (annual, no number before it).
var anniversaryForms = map[string]struct {
	years, since []string
	// anniversary are prefixes of the anniversary word (the words as
	// the tokenizer gives them: accents folded, Greek transliterated)
	anniversary []string
	// ordinal are the marks of an ordinal number, written on it ("5η",
	// read "5i") or as a token after it ("5.º")
	ordinal []string
}{
	"sq": {years: []string{"vjet", "vite", "vjete"}, since: []string{"nga", "qe"}, anniversary: []string{"vjetor"}},
	"pt": {years: []string{"anos", "ano"}, since: []string{"desde"}, anniversary: []string{"aniversario"}, ordinal: []string{"º", "o", "a", "ª"}},
	"el": {years: []string{"chronia", "chrono", "eti"}, since: []string{"apo"}, anniversary: []string{"epetei"}, ordinal: []string{"i", "is", "h", "hs"}},
}

// foreignAnniversary reads an anniversaryForms phrase of language code
// at number token k as the days around the day that many years before
// d0 (1 to 50).
func foreignAnniversary(tz *tokenizer, k int, d0 int32, code string) (dayRange, bool) {
	f, ok := anniversaryForms[code]
	if !ok || k+1 >= len(tz.toks) {
		return dayRange{}, false
	}
	w := tz.word(k)
	digits := 0
	for digits < len(w) && w[digits] >= '0' && w[digits] <= '9' {
		digits++
	}
	if digits < len(w) && !slices.Contains(f.ordinal, string(w[digits:])) {
		return dayRange{}, false
	}
	n := smallInt(w[:digits])
	if n < 1 || n > 50 {
		return dayRange{}, false
	}
	next := string(tz.word(k + 1))
	if slices.Contains(f.ordinal, next) && k+2 < len(tz.toks) {
		k++
		next = string(tz.word(k + 1))
	}
	hit := false
	for _, a := range f.anniversary {
		if strings.HasPrefix(next, a) {
			hit = true
		}
	}
	if !hit && k+2 < len(tz.toks) && slices.Contains(f.years, next) && slices.Contains(f.since, string(tz.word(k+2))) {
		hit = true
	}
	if !hit {
		return dayRange{}, false
	}
	c := int32(dayTime(d0).AddDate(-n, 0, 0).Unix() / 86400)
	return dayRange{from: c - anniversaryWindow, to: c + anniversaryWindow, anniversary: true}, true
}

// pastAux are the auxiliaries of the compound past tenses, folded as the
// tokeniser folds, by language code: "have" (Italian "ha annunciato",
// French "a annoncé", "ont signé", "a été adoptée"). Not "be": with it a
// participle is as often a passive present ("la réunion est prévue
// lundi", "è prevista lunedì", "c'est envisageable"), save Italian's
// "è stata approvata" (beAux followed by "stato").
var pastAux = map[string]map[string]bool{
	"it": {"ha": true, "hanno": true, "ho": true, "abbiamo": true, "avete": true, "hai": true, "aveva": true, "avevano": true},
	"fr": {"a": true, "ont": true, "ai": true, "as": true, "avons": true, "avez": true, "avait": true, "avaient": true},
}

// beAux are the forms of "be" that make a past tense with "been"
// (Italian "è stata approvata", "sono stati"; folded "è" is "e").
var beAux = map[string]map[string]bool{
	"it": {"e": true, "sono": true, "era": true, "erano": true},
}

// beenWords are "been" (folded): Italian "stato", French "été" (after
// "a": "a été", not the season "cet été").
var beenWords = map[string]map[string]bool{
	"it": {"stato": true, "stata": true, "stati": true, "state": true},
	"fr": {"ete": true},
}

// pastEndings are the endings of the past participles (folded); a
// participle is a lower-case word of five letters or more ending so
// (Italian "annunciato", "approvata", "incontrati", "ricevuto", "partite";
// French "annoncé" → "annonce", "adoptée", "signés", "réunies"), or one of
// the short or irregular ones.
var pastEndings = map[string][]string{
	"it": {"ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"},
	"fr": {"e", "ee", "es", "ees", "i", "ie", "is", "ies", "u", "ue", "us", "ues"},
}

var pastIrregular = map[string]map[string]bool{
	"it": {"detto": true, "fatto": true, "preso": true,
		"messo": true, "visto": true, "scritto": true, "chiesto": true, "risposto": true, "discusso": true,
		"promesso": true, "deciso": true, "espresso": true, "aperto": true, "chiuso": true, "giunto": true,
		"sceso": true, "eletto": true, "colto": true, "rimasto": true, "assunto": true, "concluso": true},
	"fr": {"dit": true, "fait": true, "pris": true, "mis": true, "eu": true, "recu": true, "vu": true,
		"ecrit": true, "promis": true, "tenu": true, "venu": true, "admis": true, "permis": true, "soumis": true,
		"conclu": true, "mort": true, "ouvert": true, "offert": true, "inscrit": true, "remis": true, "parti": true},
}

// notParticiple are lower-case words a participle's ending may end that
// follow a French "a" (folded "à": "à cette occasion", "à Rome") or an
// Italian "e" (folded "è" and "and": "e quale") and are no participle.
var notParticiple = map[string]bool{
	"cette": true, "notre": true, "votre": true, "quelle": true, "elle": true, "celle": true, "chaque": true,
	"entre": true, "contre": true, "propos": true, "partir": true, "autre": true, "autres": true, "leurs": true,
	"quelque": true, "quelques": true, "plusieurs": true, "toute": true, "toutes": true, "nouvelle": true,
	"nouvelles": true, "premiere": true, "derniere": true, "grande": true, "meme": true, "memes": true,
	"presse": true, "reponse": true, "question": true, "questions": true, "ville": true, "date": true,
	"semaine": true, "heure": true, "heures": true, "midi": true, "paris": true,
	// scheduled: a day ahead ("ha previsto lunedì un incontro")
	"prevu": true, "prevue": true, "prevus": true, "prevues": true, "previsto": true, "prevista": true,
	"previsti": true, "previste": true, "programmato": true, "programmata": true, "fissato": true,
	"fissata": true, "attendu": true, "attendue": true, "programme": true, "programmee": true,
}

// pastClause reports whether the sentence of token k (a weekday) speaks
// in a compound past tense in va's language: an auxiliary followed, at
// most three words on and in its clause, by a participle. (It depends on
// the sentence alone: dateAnchors asks it once a sentence.) Then the weekday alone names
// the last such day, as English's "on Monday" does ("il premier ha
// annunciato lunedì dieci milioni", "la loi a été adoptée dans la nuit de
// lundi à mardi"); in another tense it may be ahead ("pour notre édition
// de mercredi", "lunedì incontrerà Meloni").
func pastClause(tz *tokenizer, k int, va *vocabTable) bool {
	aux, ends, irr := pastAux[va.code], pastEndings[va.code], pastIrregular[va.code]
	if aux == nil {
		return false
	}
	sent := tz.toks[k].sent
	lo, hi := k, k
	for lo > 0 && tz.toks[lo-1].sent == sent {
		lo--
	}
	for hi+1 < len(tz.toks) && tz.toks[hi+1].sent == sent {
		hi++
	}
	for j := lo; j <= hi; j++ {
		a := string(tz.word(j))
		if tz.toks[j].num {
			continue
		}
		if beAux[va.code][a] {
			for i := j + 1; i <= hi && i <= j+2; i++ {
				if bw := string(tz.word(i)); beenWords[va.code][bw] {
					return true
				} else if tz.toks[i].brk || !pastAdverb[bw] {
					break
				}
			}
			continue
		}
		if !aux[a] {
			continue
		}
		// folded, French "a" is also "à": there the participle follows
		// at once or after an adverb ("a déjà signé", "n'a pas signé"),
		// not after an article ("à la frontière")
		short := a == "a"
		for i := j + 1; i <= hi && i <= j+3; i++ {
			t := tz.toks[i]
			pw := string(tz.word(i))
			if t.brk || t.num || t.upper || va.anchor(tz.word(i)) != nil {
				break
			}
			if irr[pw] || beenWords[va.code][pw] {
				return true
			}
			participle := len(pw) >= 5 && !notParticiple[pw]
			if participle {
				participle = false
				for _, e := range ends {
					if strings.HasSuffix(pw, e) {
						participle = true
						break
					}
				}
			}
			if participle {
				return true
			}
			if short && !pastAdverb[pw] || len(pw) >= 5 {
				break
			}
		}
	}
	return false
}

// pastAdverb are the short words that may stand between an auxiliary
// and its participle ("a déjà annoncé", "n'a pas signé", "ha già
// detto", "è poi stata"), folded.
var pastAdverb = map[string]bool{
	"pas": true, "deja": true, "bien": true, "aussi": true, "enfin": true, "donc": true, "meme": true, "ensuite": true,
	"tout": true, "jamais": true, "plus": true, "gia": true, "poi": true, "anche": true, "non": true, "mai": true,
	"pure": true, "ora": true, "appena": true, "finalmente": true, "infine": true, "ieri": true, "hier": true,
}

// sinceWords are the words before a date that make it the start of the
// time the subject is in, not its day ("after", "since"), by language
// code (folded); "" holds English's, read in every language.
var sinceWords = map[string]map[string]bool{
	"":   {"after": true, "since": true, "following": true},
	"it": {"dopo": true, "dal": true, "dall": true, "dalla": true},
	"fr": {"apres": true, "depuis": true},
	"sq": {"pas": true, "nga": true},
	"es": {"despues": true, "tras": true, "desde": true},
	"pt": {"depois": true, "apos": true, "desde": true},
	"de": {"nach": true, "seit": true, "nachdem": true},
	"nl": {"sinds": true, "sedert": true},
	"sr": {"posle": true, "poslije": true, "nakon": true},
}

// sinceBefore reports whether one of the four words before token first
// (a date's first token), in its clause, is a since word (sinceWords) of
// English or of va's language: "pas zgjedhjeve parlamentare të 11
// majit", "after the 7 October attack", "depuis le 7 octobre".
func sinceBefore(tz *tokenizer, first int, va *vocabTable) bool {
	var own map[string]bool
	if va != nil {
		own = sinceWords[va.code]
	}
	for i := first - 1; i >= 0 && i >= first-4; i-- {
		if tz.toks[i+1].brk {
			return false
		}
		w := string(tz.word(i))
		if sinceWords[""][w] || own[w] {
			return true
		}
	}
	return false
}
