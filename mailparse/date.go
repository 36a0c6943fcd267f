package mailparse

import (
	"strings"
	"sync"
	"time"

	"github.com/mediadesk/mediadesk/lang"
)

// ParseDate parses an email date leniently. Besides RFC 5322 it accepts a
// missing or misspelt day name, one- and two-digit years (00–49 → 20xx,
// 50–99 → 19xx), missing seconds, "GMT+0100"/"UTC+01:00" zones, "+01:00",
// obsolete and common named zones (EST, PDT, BST, CET, …), trailing or
// embedded comments like "(BST)", asctime order ("Mon Oct 16 09:12:44
// 2023"), ISO 8601 ("2023-10-16T09:12:44+01:00"), d/m/y dates and am/pm
// times. A missing zone is taken as UTC, a missing time as midnight. ok is
// false when no plausible date (year 1970–2200) can be read.
func ParseDate(s string) (t time.Time, ok bool) {
	s = stripComments(s)
	var (
		day, month, year  = -1, -1, -1
		hour, minute, sec = -1, 0, 0
		nsec              int
		zoneSet           bool
		zoneOff           int
		pm, am            bool
		pendingNums       []int
		numsBuf           [4]int
		yearDigits        int
		sawISO            bool
	)
	pendingNums = numsBuf[:0]
	var tokBuf [16]string
	toks := tokenizeDate(s, tokBuf[:0])
	for ti := 0; ti < len(toks); ti++ {
		tok := toks[ti]
		if tok == "" {
			continue
		}
		c := tok[0]
		switch {
		case c == '+' || (c == '-' && len(tok) > 1 && isDigit(tok[1])):
			if off, good := parseOffset(tok[1:]); good && hour >= 0 {
				if c == '-' {
					off = -off
				}
				zoneOff, zoneSet = off, true
				continue
			}
		case isDigit(c):
			colon := strings.IndexByte(tok, ':')
			if sep := strings.IndexAny(tok, "-/."); sep >= 0 && (colon < 0 || sep < colon) && !sawISO {
				if y, mo, d, rest, good := parseNumericDate(tok); good {
					year, month, day = y, mo, d
					yearDigits = 4
					sawISO = true
					if rest != "" { // ISO "2023-10-16T09:12:44+01:00"
						toks = append(toks[:ti+1], append([]string{rest}, toks[ti+1:]...)...)
					}
					continue
				}
			}
			if colon >= 0 {
				h, m, sc, ns, rest, good := parseClock(tok)
				if !good {
					return time.Time{}, false
				}
				hour, minute, sec, nsec = h, m, sc, ns
				if rest != "" {
					// "09:12:44+0100", "09:12:44Z", "9:12pm"
					if z, zok := parseZoneToken(rest); zok {
						zoneOff, zoneSet = z, true
					} else if strings.EqualFold(rest, "pm") {
						pm = true
					} else if strings.EqualFold(rest, "am") {
						am = true
					}
				}
				continue
			}
			n, good := atoiAll(tok)
			if !good {
				// "16th", "3rd"
				if d, good2 := atoiAll(strings.TrimRight(strings.ToLower(tok), "stndrh")); good2 && d >= 1 && d <= 31 && day < 0 {
					day = d
				}
				continue
			}
			if len(tok) >= 3 && year < 0 {
				year = n
				yearDigits = len(tok)
				continue
			}
			pendingNums = append(pendingNums, n)
			if len(pendingNums) > 3 {
				return time.Time{}, false
			}
			continue
		default:
			lt := strings.ToLower(strings.TrimRight(tok, "."))
			if m := monthIndex(lt); m > 0 {
				if month < 0 {
					month = m
				}
				continue
			}
			if isWeekday(lt) {
				continue
			}
			if lt == "pm" || lt == "p.m" {
				pm = true
				continue
			}
			if lt == "am" || lt == "a.m" {
				am = true
				continue
			}
			if lt == "at" || lt == "on" || lt == "the" || lt == "of" {
				continue
			}
			if z, good := parseZoneToken(tok); good {
				if !zoneSet {
					zoneOff, zoneSet = z, true
				}
				continue
			}
			// unknown word: ignore
		}
	}
	// Assign loose numbers: day first, then year.
	for _, n := range pendingNums {
		switch {
		case day < 0 && n >= 1 && n <= 31:
			day = n
		case year < 0:
			year = n
			yearDigits = 2
			if n > 99 {
				yearDigits = 3
			}
		}
	}
	if day < 0 || month < 0 || year < 0 {
		return time.Time{}, false
	}
	switch {
	case yearDigits <= 2 && year < 50:
		year += 2000
	case yearDigits <= 2:
		year += 1900
	case yearDigits == 3:
		year += 1900
	}
	if year < 1970 || year > 2200 {
		return time.Time{}, false
	}
	if hour < 0 {
		hour, minute, sec = 0, 0, 0
	}
	if pm && hour < 12 {
		hour += 12
	} else if am && hour == 12 {
		hour = 0
	}
	if hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, false
	}
	if sec == 60 {
		sec = 59 // leap second
	}
	t = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, fixedZone(zoneOff))
	if t.Day() != day {
		return time.Time{}, false // 31 June and the like
	}
	return t, true
}

var zoneCache sync.Map // offset seconds → *time.Location

func fixedZone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	if l, ok := zoneCache.Load(off); ok {
		return l.(*time.Location)
	}
	l := time.FixedZone("", off)
	zoneCache.Store(off, l)
	return l
}

// stripComments removes (possibly nested) parenthesised comments.
func stripComments(s string) string {
	if strings.IndexByte(s, '(') < 0 {
		return s
	}
	var sb strings.Builder
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
			sb.WriteByte(' ')
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// tokenizeDate splits on spaces and commas; "GMT+0100" is split into
// "GMT" and "+0100".
func tokenizeDate(s string, toks []string) []string {
	start := -1
	for i := 0; i <= len(s); i++ {
		sep := i == len(s)
		if !sep {
			c := s[i]
			sep = c == ' ' || c == ',' || c == '\t' || c == '\r' || c == '\n'
		}
		if sep {
			if start >= 0 {
				toks = appendZoneWord(toks, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return toks
}

func appendZoneWord(toks []string, t string) []string {
	if len(t) > 3 && isAlpha(t[0]) {
		for j := 1; j < len(t); j++ {
			if t[j] == '+' || t[j] == '-' {
				if j+1 < len(t) && isDigit(t[j+1]) {
					return append(toks, t[:j], t[j:])
				}
				break
			}
			if !isAlpha(t[j]) {
				break
			}
		}
	}
	return append(toks, t)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlpha(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func atoiAll(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// parseOffset parses the digits of "+0100", "+01:00", "+1", "+01".
func parseOffset(s string) (int, bool) {
	s = strings.TrimRight(s, ".")
	var h, m int
	switch {
	case len(s) == 4 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]):
		h = int(s[0]-'0')*10 + int(s[1]-'0')
		m = int(s[2]-'0')*10 + int(s[3]-'0')
	case len(s) == 5 && s[2] == ':':
		hh, ok1 := atoiAll(s[:2])
		mm, ok2 := atoiAll(s[3:])
		if !ok1 || !ok2 {
			return 0, false
		}
		h, m = hh, mm
	case len(s) == 1 || len(s) == 2:
		hh, ok := atoiAll(s)
		if !ok {
			return 0, false
		}
		h = hh
	case len(s) == 3: // "+100"
		hh, ok := atoiAll(s)
		if !ok {
			return 0, false
		}
		h, m = hh/100, hh%100
	default:
		return 0, false
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return h*3600 + m*60, true
}

// parseClock parses "hh:mm[:ss[.frac]]" and returns any trailing text.
func parseClock(tok string) (h, m, s, ns int, rest string, ok bool) {
	i := 0
	readNum := func(max int) (int, bool) {
		j := i
		for i < len(tok) && isDigit(tok[i]) && i-j < max {
			i++
		}
		if i == j {
			return 0, false
		}
		n, _ := atoiAll(tok[j:i])
		return n, true
	}
	var good bool
	if h, good = readNum(2); !good || i >= len(tok) || tok[i] != ':' {
		return 0, 0, 0, 0, "", false
	}
	i++
	if m, good = readNum(2); !good {
		return 0, 0, 0, 0, "", false
	}
	if i < len(tok) && tok[i] == ':' {
		i++
		if s, good = readNum(2); !good {
			return 0, 0, 0, 0, "", false
		}
		if i < len(tok) && (tok[i] == '.' || tok[i] == ',') && i+1 < len(tok) && isDigit(tok[i+1]) {
			i++
			j := i
			for i < len(tok) && isDigit(tok[i]) {
				i++
			}
			frac := tok[j:i]
			if len(frac) > 9 {
				frac = frac[:9]
			}
			n, _ := atoiAll(frac)
			for k := len(frac); k < 9; k++ {
				n *= 10
			}
			ns = n
		}
	}
	return h, m, s, ns, tok[i:], true
}

// parseNumericDate parses "2023-10-16", "2023/10/16", "16/10/2023",
// "16.10.2023" and "16-10-23". rest is what follows a 'T' separator.
func parseNumericDate(tok string) (y, mo, d int, rest string, ok bool) {
	if t := strings.IndexAny(tok, "Tt"); t > 0 {
		tok, rest = tok[:t], tok[t+1:]
	}
	sep := byte(0)
	for i := 0; i < len(tok); i++ {
		if tok[i] == '-' || tok[i] == '/' || tok[i] == '.' {
			sep = tok[i]
			break
		}
	}
	parts := strings.Split(tok, string(sep))
	if len(parts) != 3 {
		return 0, 0, 0, "", false
	}
	a, ok1 := atoiAll(parts[0])
	b, ok2 := atoiAll(parts[1])
	c, ok3 := atoiAll(parts[2])
	if !ok1 || !ok2 || !ok3 {
		// "16-Oct-2023"
		if ok1 && ok3 {
			if m := monthIndex(strings.ToLower(parts[1])); m > 0 {
				y = c
				if len(parts[2]) <= 2 {
					y = twoDigitYear(c)
				}
				return y, m, a, rest, true
			}
		}
		return 0, 0, 0, "", false
	}
	switch {
	case len(parts[0]) == 4: // y-m-d
		y, mo, d = a, b, c
	case len(parts[2]) == 4 || len(parts[2]) == 2:
		y = c
		if len(parts[2]) == 2 {
			y = twoDigitYear(c)
		}
		// day first unless that is impossible
		d, mo = a, b
		if mo > 12 && d <= 12 {
			d, mo = mo, d
		}
	default:
		return 0, 0, 0, "", false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return 0, 0, 0, "", false
	}
	return y, mo, d, rest, true
}

func twoDigitYear(n int) int {
	if n < 50 {
		return 2000 + n
	}
	return 1900 + n
}

// The calendar names of every language in lang/data: a mailer may write
// its Date header in the sender's language ("16 Okt 2023", "mar. 3 janv.").
// A language with header_prefix n (English, 3) matches a month word on its
// first n letters ("Sept", "January"); the others match exactly.
var headerPrefixMonths, headerMonths, headerWeekdays = func() (prefix, exact map[string]int, wd map[string]bool) {
	prefix, exact, wd = map[string]int{}, map[string]int{}, map[string]bool{}
	for _, l := range lang.All() {
		n := l.Calendar.HeaderPrefix
		for w, m := range l.MonthWords() {
			if n > 0 && len(w) == n {
				prefix[w] = int(m)
			}
			if _, dup := exact[w]; !dup {
				exact[w] = int(m)
			}
		}
		for w := range l.WeekdayWords(true) {
			wd[w] = true
		}
	}
	return prefix, exact, wd
}()

// monthIndex returns 1–12 for a month name or abbreviation (lower-case
// input) of a language in lang/data.
func monthIndex(lt string) int {
	if len(lt) < 3 {
		return 0
	}
	if m, ok := headerPrefixMonths[lt[:3]]; ok {
		return m
	}
	return headerMonths[lt]
}

func isWeekday(lt string) bool {
	return len(lt) >= 2 && headerWeekdays[lt]
}

// namedZones maps zone names to offsets in seconds. Military single-letter
// zones are read as UTC, as RFC 5322 recommends.
var namedZones = map[string]int{
	"ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "uct": 0,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
	"ast": -4 * 3600, "adt": -3 * 3600, "nst": -3*3600 - 1800, "ndt": -2*3600 - 1800,
	"bst": 3600, "ist": 3600, "west": 3600, "cet": 3600, "met": 3600, "mez": 3600,
	"cest": 2 * 3600, "mest": 2 * 3600, "mesz": 2 * 3600, "eet": 2 * 3600, "eest": 3 * 3600,
	"msk": 3 * 3600, "jst": 9 * 3600, "kst": 9 * 3600, "hkt": 8 * 3600, "sgt": 8 * 3600,
	"aest": 10 * 3600, "aedt": 11 * 3600, "acst": 9*3600 + 1800, "awst": 8 * 3600,
	"nzst": 12 * 3600, "nzdt": 13 * 3600, "sast": 2 * 3600,
}

// parseZoneToken parses a zone word ("GMT", "EST", "Z", "A") or a glued
// offset ("+0100", "-05:00", "GMT+1").
func parseZoneToken(tok string) (int, bool) {
	tok = strings.TrimRight(tok, ".")
	if tok == "" {
		return 0, false
	}
	if tok[0] == '+' || tok[0] == '-' {
		off, ok := parseOffset(tok[1:])
		if tok[0] == '-' {
			off = -off
		}
		return off, ok
	}
	lt := strings.ToLower(tok)
	for _, pre := range [...]string{"gmt", "utc", "ut"} {
		if strings.HasPrefix(lt, pre) && len(lt) > len(pre) && (lt[len(pre)] == '+' || lt[len(pre)] == '-') {
			return parseZoneToken(lt[len(pre):])
		}
	}
	if off, ok := namedZones[lt]; ok {
		return off, true
	}
	if len(lt) == 1 && lt[0] >= 'a' && lt[0] <= 'z' && lt[0] != 'j' {
		return 0, true
	}
	return 0, false
}
