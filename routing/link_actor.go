package routing

import (
	"strings"
)

// The actor rule: a release whose title says the UK's own leader acted
// ("PM call with Albanian Prime Minister Edi Rama", "Foreign Secretary
// visits …") is not the subject of an enquiry about another leader's
// event — one that names a leader by title and name ("Italy's PM Giorgia
// Meloni spoke to Edi Rama today", "la premier Giorgia Meloni",
// "Bundeskanzler Scholz auf der COP28") whose name the release never
// uses, and names no UK actor (the PM's or a minister's name, "the PM",
// "your Prime Minister", "the Foreign Secretary", a British word beside a
// leader's title: "il premier britannico"). Such mail shares the
// release's words (the other party, the place, the day) and took it at p
// 0.82-0.98 before; the rule caps p as the names rule does, so a misread
// withholds a link rather than moves one.

// ukActorStems start the names of the UK's own leaders and their office
// as the configured languages write them, inflected or not ("Sunaka",
// "Starmera", "Cleverlyego", "Sunak'ın"; folded in init); ukActorWords
// are names read only whole (Polish "Kir", "Kira": Keir).
var (
	ukActorStems []string
	ukActorWords = map[string]bool{}
)

// leaderTitleWords are the words a writer puts right before a leader's
// name ("President Sisi", "PM Giorgia Meloni", "il premier Starmer",
// "Kryeministri Rama", "Bundeskanzler Scholz"; folded in init).
var leaderTitleWords = map[string]bool{}

// britStems start the words for "British" beside a leader's title ("il
// premier britannico", "primeiro-ministro britânico", "ο Βρετανός
// πρωθυπουργός").
var britStems = []string{"brit", "βρεταν", "британ", "بريطان", "ingiliz", "ingilt", "inglat", "англ"}

func init() {
	var tz tokenizer
	for _, w := range []string{
		"Sunak", "Starmer", "Keir", "Cameron", "Cleverly", "Lammy", "Hague", "Downing",
		"Σούνακ", "Στάρμερ", "Κάμερον", "Κλέβερλι", "Сунак", "Стармер", "Кэмерон", "Камерон", "Клеверли",
		"سوناك", "ستارمر", "كاميرون", "Kameron",
	} {
		tz.tokenize(w)
		if len(tz.toks) == 1 {
			ukActorStems = append(ukActorStems, string(tz.word(0)))
		}
	}
	for _, w := range []string{"Kir", "Kira", "Kirem"} {
		tz.tokenize(w)
		ukActorWords[string(tz.word(0))] = true
	}
	stems := britStems
	britStems = nil
	for _, w := range stems {
		tz.tokenize(w)
		if len(tz.toks) == 1 {
			britStems = append(britStems, string(tz.word(0)))
		}
	}
	for _, w := range []string{
		"PM", "President", "Chancellor", "Minister", "Premier", "Presidente", "Presidenta",
		"Président", "Präsident", "Präsidentin", "Kanzler", "Kanzlerin", "Bundeskanzler", "Bundeskanzlerin",
		"Ministro", "Ministra", "Ministre", "Ministerin", "Ministerpräsident",
		"Kryeministri", "Kryeministrja", "Kryeministrit", "Presidenti", "Presidentja", "Ministri", "Ministrja",
		"Πρωθυπουργός", "Πρόεδρος", "Υπουργός", "Премьер", "Президент", "Министр", "Başbakan", "Cumhurbaşkanı", "Bakan", "Bakanı",
	} {
		tz.tokenize(w)
		if len(tz.toks) == 1 {
			leaderTitleWords[string(tz.word(0))] = true
		}
	}
}

// ukActorRelease reports whether a release's title says the UK's own
// leader acted: it begins with the PM, the Prime Minister, the Foreign
// Secretary or the PM's name, or names the Foreign Secretary or "the
// Prime Minister" later on.
func ukActorRelease(title string) bool {
	for _, p := range []string{"PM ", "PM:", "Prime Minister", "Foreign Secretary", "Rishi Sunak", "Keir Starmer"} {
		if strings.HasPrefix(title, p) {
			return true
		}
	}
	// or names them acting further on: "UK and Albania innovate … (Foreign
	// Secretary visit to Tirana …)", "… as the Prime Minister travels to
	// Albania"
	return strings.Contains(title, "Foreign Secretary") || strings.Contains(title, "the Prime Minister")
}

// actorUnmet reports whether the actor rule applies to release doc for
// the sender's own text in m (subject and new text).
func (c *Catalogue) actorUnmet(m *message, doc int32) bool {
	if int(doc) >= len(c.releases) || !ukActorRelease(c.releases[doc].Title) {
		return false
	}
	other := false
	for _, p := range []textPart{partSubject, partNew} {
		if m.raw(p) == "" {
			continue
		}
		tz := &m.text(p).tz
		if ukActorIn(tz) {
			return false
		}
		other = other || c.otherLeaderIn(tz, doc)
	}
	return other
}

// ukActorIn reports whether tz names a UK actor: a UK leader's name,
// "Foreign Secretary", "the"/"your"/"UK" before "PM" or "Prime
// Minister", or a British word within three words of a leader's title.
func ukActorIn(tz *tokenizer) bool {
	for k := range tz.toks {
		w := string(tz.word(k))
		if ukActorWords[w] {
			return true
		}
		for _, st := range ukActorStems {
			if strings.HasPrefix(w, st) {
				return true
			}
		}
		if k > 0 {
			prev := string(tz.word(k - 1))
			if w == "secretary" && prev == "foreign" {
				return true
			}
			if (w == "pm" || w == "prime") && (prev == "the" || prev == "your" || prev == "uk") {
				return true
			}
		}
		if !leaderTitleWords[w] && w != "prime" {
			continue
		}
		for i := max(0, k-3); i <= k+3 && i < len(tz.toks); i++ {
			for _, s := range britStems {
				if strings.HasPrefix(string(tz.word(i)), s) {
					return true
				}
			}
		}
	}
	return false
}

// otherLeaderIn reports whether tz names a leader by title and name
// (one to three capitalised words right after a title word, or after
// a title word and one lower-case word of four letters or more, a
// nationality: "il premier greco Mitsotakis", inside a sentence; "3 pm Friday" is a time) none of whose words release doc
// uses.
func (c *Catalogue) otherLeaderIn(tz *tokenizer, doc int32) bool {
	ix := c.idx
	for k := 1; k < len(tz.toks); k++ {
		t := tz.toks[k]
		if !t.upper || t.num || t.brk {
			continue
		}
		j := k - 1
		if !leaderTitleWords[string(tz.word(j))] && k >= 2 && !tz.toks[j].upper && !tz.toks[j].num && !tz.toks[j].brk && len(tz.word(j)) >= 4 {
			// a nationality between ("il premier greco Mitsotakis")
			j = k - 2
		}
		if !leaderTitleWords[string(tz.word(j))] || tz.toks[j].sent != t.sent {
			continue
		}
		if j >= 1 && tz.toks[j-1].num {
			continue
		}
		absent := true
		for i := k; i < k+3 && i < len(tz.toks); i++ {
			if i > k && (!tz.toks[i].upper || tz.toks[i].num || tz.toks[i].sent != t.sent) {
				break
			}
			term, _ := termOf(tz.word(i), false)
			if id, ok := ix.words[string(term)]; ok && ix.contains(id, doc) {
				absent = false
				break
			}
		}
		if absent {
			return true
		}
	}
	return false
}
