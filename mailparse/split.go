package mailparse

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mediadesk/mediadesk/lang"
)

// SplitTextWithSubject splits a plain-text body into what the sender wrote
// now, the quoted history, forwarded content and the signature. The subject
// is a hint: when it starts with Fwd:/FW: (or TR:, WG:, RV:, Enc:), a
// "-----Original Message-----" separator or an Outlook header block
// ("From: … Sent: … To: … Subject: …") starts forwarded rather than quoted
// content.
//
// Quoted history:
//   - lines starting with ">" are quoted wherever they are; other lines
//     around them (bottom-posted or interleaved answers) stay new text;
//   - an attribution line ("On <date>, X <x@y> wrote:", also wrapped over
//     two lines, and "Le … a écrit :", "Am … schrieb …:", "… shkroi:",
//     "كتب …:" and other languages) is quoted; when no ">" lines follow it, everything after
//     it is quoted too;
//   - "-----Original Message-----", a line of underscores or dashes followed
//     by a From:/Sent: block, or a bare "From: / Sent: (or Date:) / To: /
//     Subject:" block: everything from there on is quoted.
//
// Forwarded content: "---------- Forwarded message ---------", "Begin
// forwarded message:", "-------- Forwarded Message --------" (and
// localised forms): everything from there on is forwarded.
//
// The signature is found in what is left, from the earliest of:
//   - the RFC 3676 "-- " delimiter;
//   - a mobile or webmail footer ("Sent from my iPhone", "Get Outlook for
//     iOS", "Sent with Proton Mail", …);
//   - a legal disclaimer ("This email and any attachments are confidential…",
//     "…intended recipient…", "Please consider the environment before
//     printing") with the separator line before it;
//   - a closing line ("Thanks,", "Best regards", "Cheers, Ros", "Thank you /
//     Faleminderit,", …) followed only by short signature-like lines (names,
//     titles, outlets, phone numbers, handles, addresses — no questions, no
//     sentences such as "By 4pm please." and no deadline cue with a time or
//     day such as "Frist: 14 Uhr." or "Deadline: 2pm.", which stay in the new
//     text);
//   - failing a closing line, a trailing contact block (a name line and
//     title/phone/email/handle lines) and a lone first-name line before it.
//
// The first line with content is never taken as signature, so NewText is
// empty only when the text is.
//
// The closings and reply-header verbs of every language are data
// (lang/data/mail/<code>.json); the deadline cues, times and days that keep
// a line after a closing in the new text are the deadline reader's words
// (lang/data/<code>.json, see writerLine).
func SplitTextWithSubject(text, subject string) (newText, quoted, forwarded, signature string) {
	if strings.TrimSpace(text) == "" {
		return "", "", "", ""
	}
	text = normalizeNewlines(text)
	lines := strings.Split(text, "\n")
	fwdSubject := isForwardSubject(subject)

	// 1. The first marker after which everything is quoted or forwarded.
	cut, cutFwd := -1, false
	// attributions directly followed by ">" lines are quoted individually
	attrib := map[int]bool{}
	for i := 0; i < len(lines) && cut < 0; i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || t[0] == '>' {
			continue
		}
		switch {
		case isForwardMarker(t):
			cut, cutFwd = i, true
		case isOriginalMessageMarker(t):
			cut, cutFwd = i, fwdSubject
		case isSeparatorLine(t) && headerBlockAt(lines, nextNonBlank(lines, i+1)):
			cut, cutFwd = i, fwdSubject
		case headerBlockAt(lines, i):
			cut, cutFwd = i, fwdSubject
		default:
			n := attributionAt(lines, i)
			if n == 0 {
				continue
			}
			next := nextNonBlank(lines, i+n)
			if next >= 0 && strings.HasPrefix(strings.TrimSpace(lines[next]), ">") {
				for k := i; k < i+n; k++ {
					attrib[k] = true
				}
				i += n - 1
				continue
			}
			cut, cutFwd = i, false
		}
	}
	end := len(lines)
	if cut >= 0 {
		end = cut
	}

	// 2. Separate quoted lines from the head. When none are removed the
	// results are sub-strings of text (no copies).
	head := lines[:end]
	removed := false
	for i := 0; i < end; i++ {
		t := strings.TrimSpace(lines[i])
		if attrib[i] || (t != "" && t[0] == '>') {
			removed = true
			break
		}
	}
	var q []string
	if removed {
		head = make([]string, 0, end)
		for i := 0; i < end; i++ {
			l := lines[i]
			t := strings.TrimSpace(l)
			if attrib[i] || (t != "" && t[0] == '>') {
				q = append(q, l)
				continue
			}
			head = append(head, l)
		}
	}
	if cut >= 0 {
		rest := span(text, lines, cut, len(lines))
		if cutFwd {
			forwarded = trimBlankLines(rest)
		} else if removed {
			q = append(q, rest)
		} else {
			quoted = trimBlankLines(rest)
		}
	}
	if removed {
		quoted = trimBlankLines(strings.Join(q, "\n"))
	}

	// 3. Signature.
	sig := findSignature(head)
	if removed {
		newText = trimBlankLines(strings.Join(head[:sig], "\n"))
		signature = trimBlankLines(strings.Join(head[sig:], "\n"))
	} else {
		newText = trimBlankLines(span(text, lines, 0, sig))
		signature = trimBlankLines(span(text, lines, sig, end))
	}
	return newText, quoted, forwarded, signature
}

// span returns lines[a:b] joined by "\n" as a sub-string of text, which
// lines was split from.
func span(text string, lines []string, a, b int) string {
	if a >= b {
		return ""
	}
	off := 0
	for k := 0; k < a; k++ {
		off += len(lines[k]) + 1
	}
	end := off
	for k := a; k < b; k++ {
		end += len(lines[k]) + 1
	}
	end--
	if off > len(text) {
		return ""
	}
	if end > len(text) {
		end = len(text)
	}
	return text[off:end]
}

// trimBlankLines drops leading and trailing blank lines and trailing
// spaces, keeping the first line's indentation.
func trimBlankLines(s string) string {
	s = strings.TrimRight(s, " \t\n")
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 || strings.TrimSpace(s[:i]) != "" {
			break
		}
		s = s[i+1:]
	}
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return s
}

func nextNonBlank(lines []string, i int) int {
	for ; i >= 0 && i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// isForwardSubject reports a Fwd:/FW: style subject.
func isForwardSubject(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "[(")
	for _, p := range [...]string{"fwd:", "fw:", "fwd ", "tr:", "wg:", "rv:", "enc:", "fwd[", "fw[", "doorst:", "vs:"} {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	return false
}

// dashedLabel returns the text of a "---- Label ----" line (lower-cased,
// dashes, equals signs and spaces trimmed) and whether it had at least two
// leading dashes or equals signs.
func dashedLabel(t string) (string, bool) {
	n := 0
	for n < len(t) && (t[n] == '-' || t[n] == '=' || t[n] == '_' || t[n] == '*') {
		n++
	}
	if n < 2 {
		return "", false
	}
	return strings.ToLower(strings.Trim(t, "-=_* \t")), true
}

var forwardLabels = [...]string{
	"forwarded message", "forwarded message follows", "message transféré", "message transfere",
	"weitergeleitete nachricht", "mensaje reenviado", "messaggio inoltrato", "mensagem encaminhada",
	"doorgestuurd bericht", "vidarebefordrat meddelande", "videresendt meddelelse", "wiadomość przekazana",
	"přeposlaná zpráva", "forwarded e-mail", "forwarded email",
	"proslijeđena poruka", "prosleđena poruka", "proslijedjena poruka", "prosledjena poruka", "прослеђена порука",
	"προωθημένο μήνυμα", "προωθημενο μηνυμα",
}

var originalLabels = [...]string{
	"original message", "ursprüngliche nachricht", "original-nachricht", "message d'origine",
	"message d’origine", "mensaje original", "messaggio originale", "mensagem original",
	"oorspronkelijk bericht", "originalmeddelande", "oprindelig meddelelse", "wiadomość oryginalna",
	"původní zpráva", "original e-mail", "original email",
	"izvorna poruka", "originalna poruka", "изворна порука", "оригинална порука",
	"αρχικό μήνυμα", "αρχικο μηνυμα",
}

func isForwardMarker(t string) bool {
	if t[0] == 'B' || t[0] == 'b' || t[0] == 'S' || t[0] == 's' {
		lt := strings.ToLower(t)
		return strings.HasPrefix(lt, "begin forwarded message") || strings.HasPrefix(lt, "start of forwarded message")
	}
	label, ok := dashedLabel(t)
	if !ok {
		return false
	}
	for _, l := range forwardLabels {
		if label == l {
			return true
		}
	}
	// mutt: "----- Forwarded message from X <x@y> -----"
	return strings.HasPrefix(label, "forwarded message from ")
}

func isOriginalMessageMarker(t string) bool {
	label, ok := dashedLabel(t)
	if !ok {
		return false
	}
	for _, l := range originalLabels {
		if label == l {
			return true
		}
	}
	return false
}

// isSeparatorLine: a line of at least ten underscores, dashes or equals
// signs (Outlook puts one before the quoted header block).
func isSeparatorLine(t string) bool {
	if len(t) < 10 {
		return false
	}
	c := t[0]
	if c != '_' && c != '-' && c != '=' {
		return false
	}
	for i := 1; i < len(t); i++ {
		if t[i] != c {
			return false
		}
	}
	return true
}

var fromKeys = [...]string{"from:", "de:", "de :", "von:", "van:", "da:", "från:", "fra:", "od:", "от:", "од:", "από:", "*from:*", "**from:**", "*de :*", "*von:*"}

var blockKeys = [...]string{
	"sent:", "date:", "to:", "subject:", "cc:", "reply-to:",
	"envoyé :", "envoyé:", "date :", "à :", "à:", "objet :", "objet:", "cc :",
	"gesendet:", "datum:", "an:", "betreff:", "kopie:",
	"enviado:", "enviado el:", "fecha:", "para:", "asunto:",
	"inviato:", "data:", "a:", "oggetto:",
	"verzonden:", "aan:", "onderwerp:",
	"skickat:", "till:", "ämne:", "sendt:", "til:", "emne:",
	"poslano:", "poslato:", "za:", "predmet:", "послато:", "послано:", "за:", "предмет:",
	"στάλθηκε:", "προς:", "θέμα:",
	"*sent:*", "*date:*", "*to:*", "*subject:*", "*cc:*",
}

// headerBlockAt reports whether lines[i] starts a quoted mail header block:
// a From: line followed, within the next six lines, by at least two of
// Sent/Date/To/Subject/Cc (or their localised names).
func headerBlockAt(lines []string, i int) bool {
	if i < 0 || i >= len(lines) {
		return false
	}
	t := strings.TrimSpace(lines[i])
	if len(t) < 5 || strings.IndexByte(t[:min(len(t), 12)], ':') < 0 {
		return false
	}
	lt := strings.ToLower(t)
	isFrom := false
	for _, k := range fromKeys {
		if strings.HasPrefix(lt, k) {
			isFrom = true
			break
		}
	}
	if !isFrom {
		return false
	}
	seen := 0
	var seenKeys [4]string
	for j := i + 1; j < len(lines) && j <= i+6; j++ {
		lj := strings.ToLower(strings.TrimSpace(lines[j]))
		if lj == "" {
			continue
		}
		for _, k := range blockKeys {
			if strings.HasPrefix(lj, k) {
				dup := false
				for _, s := range seenKeys[:min(seen, 4)] {
					if s == k {
						dup = true
					}
				}
				if !dup {
					if seen < 4 {
						seenKeys[seen] = k
					}
					seen++
				}
				break
			}
		}
		if seen >= 2 {
			return true
		}
	}
	return false
}

// wroteVerbs are the reply-header verbs of every language
// (lang/data/mail, reply_verbs: "wrote", "schrieb", "a écrit", "shkroi",
// "كتب"), each with a space before it.
var wroteVerbs = func() []string {
	var vs []string
	for _, m := range lang.MailWords() {
		for _, v := range m.ReplyVerbs {
			vs = append(vs, " "+v)
		}
	}
	return vs
}()

// attributionAt returns how many lines (1 or 2) form an attribution line
// at i, or 0.
func attributionAt(lines []string, i int) int {
	t := strings.TrimSpace(lines[i])
	if isAttribution(t) {
		return 1
	}
	if i+1 < len(lines) && len(t) < 200 {
		t2 := strings.TrimSpace(lines[i+1])
		if t2 != "" && t2[0] != '>' && strings.HasSuffix(t2, ":") && isAttribution(t+" "+t2) {
			return 2
		}
	}
	return 0
}

// isAttribution: ends with ':' and names the writing ("wrote", "a écrit",
// "schrieb", …), with an address or a clock time in it (so "On 12 October
// the minister wrote:" in the sender's own text is not one), and not too
// long.
func isAttribution(t string) bool {
	if len(t) < 8 || len(t) > 400 || t[len(t)-1] != ':' {
		return false
	}
	if strings.IndexByte(t, '@') < 0 && !hasClockTime(t) {
		return false
	}
	lt := strings.ToLower(t)
	for _, v := range wroteVerbs {
		if strings.Contains(lt, v) || strings.HasPrefix(lt, v[1:]) { // "كتب X <x@y> …:"
			return true
		}
	}
	return isVerblessAttribution(t)
}

// isVerblessAttribution: a reply header without a verb, as Gmail writes it
// in Russian ("чт, 12 окт. 2023 г. в 18:05, Иван <ivan@example.com>:"): a
// date with a year and a clock time, then the writer's address in angle
// brackets ending the line ("Bitte bis 14:00 an <max@example.de>:" is the
// sender's own text).
func isVerblessAttribution(t string) bool {
	if len(t) > 200 || !strings.HasSuffix(t, ">:") || !hasClockTime(t) || !hasYear(t) {
		return false
	}
	lt := strings.LastIndexByte(t, '<')
	if lt < 0 {
		return false
	}
	addr := t[lt+1 : len(t)-2]
	at := strings.IndexByte(addr, '@')
	return at > 0 && strings.IndexByte(addr[at:], '.') > 0 && !strings.ContainsAny(addr, " <>")
}

// --- signature -------------------------------------------------------------

// findSignature returns the index of the first signature line in lines
// (len(lines) when there is none).
func findSignature(lines []string) int {
	first := nextNonBlank(lines, 0)
	if first < 0 {
		return len(lines)
	}
	sig := len(lines)
	remaining := 0 // non-blank lines from i to the end
	for i := first + 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" {
			remaining++
		}
	}
	for i := first + 1; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		nonEmptyAfter := remaining
		remaining--
		if t == "--" || strings.TrimRight(l, "\t") == "-- " || t == "—" || t == "-- --" {
			sig = i
			break
		}
		if isMobileFooter(t) {
			sig = i
			break
		}
		if nonEmptyAfter <= 12 && isDisclaimer(t) {
			sig = i
			// include a separator line and blank lines just before it
			for sig-1 > first && (strings.TrimSpace(lines[sig-1]) == "" || isRuleLine(strings.TrimSpace(lines[sig-1]))) {
				sig--
			}
			break
		}
	}
	// A closing line followed only by signature-like lines.
	for i := first + 1; i < sig; i++ {
		if isClosing(strings.TrimSpace(lines[i])) && signatureLike(lines[i+1:sig]) {
			return i
		}
	}
	// A trailing contact block, and a lone first name before it.
	if c := contactBlock(lines[:sig], first); c >= 0 {
		return c
	}
	return sig
}

// isRuleLine: a line made only of -, _, =, * or ~ (a visual separator).
func isRuleLine(t string) bool {
	if len(t) < 2 {
		return false
	}
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-', '_', '=', '*', '~':
		default:
			return false
		}
	}
	return true
}

var mobileFooters = [...]string{
	"sent from my ", "sent from mail for windows", "sent from outlook", "sent from yahoo mail",
	"sent from samsung", "sent from the all new aol", "sent from aol mobile", "sent from gmail mobile",
	"sent via ", "sent with proton mail", "sent with protonmail", "sent using ", "sent from proton mail",
	"get outlook for ios", "get outlook for android", "get outlook for mac",
	"envoyé de mon ", "envoyé depuis ", "envoye de mon ", "von meinem ", "gesendet von ", "gesendet mit ",
	"enviado desde mi ", "enviado do meu ", "inviato da ", "verzonden vanaf ", "verstuurd vanaf ",
	"skickat från ", "sendt fra ", "wysłane z ", "отправлено с ",
}

func isMobileFooter(t string) bool {
	if len(t) > 90 {
		return false
	}
	c := t[0] | 0x20
	if c != 's' && c != 'g' && c != 'e' && c != 'v' && c != 'i' && c != 'w' && t[0] < 0x80 {
		return false
	}
	for _, p := range mobileFooters {
		if hasPrefixFold(t, p) {
			return true
		}
	}
	return false
}

var disclaimerPhrases = [...]string{
	"please consider the environment before printing",
	"think before you print",
	"this email and any attachments",
	"this e-mail and any attachments",
	"this email and any files transmitted",
	"this e-mail (and any attachments)",
	"this email (and any attachments)",
	"this message and any attachments",
	"the information contained in this communication",
	"the information contained in this e-mail",
	"the information contained in this email",
	"the information in this email",
	"information in this email including any attachments",
	"this e-mail is for the sole use of the intended recipient",
	"this email is for the sole use of the intended recipient",
	"if you are not the intended recipient",
	"if you have received this email in error",
	"if you have received this e-mail in error",
	"if you have received this message in error",
	"if you received this email in error",
	"this communication is confidential",
	"this email is confidential",
	"this e-mail is confidential",
	"this message is confidential",
	"confidentiality notice",
	"disclaimer:",
	"registered in england and wales",
	"registered office:",
	"ce message et toutes les pièces jointes",
	"ce courriel et ses pièces jointes",
	"diese e-mail enthält vertrauliche",
	"diese nachricht ist vertraulich",
}

// hasDisclaimerAnchor reports whether t contains one of the words every
// disclaimer phrase has ("confiden", "intended", "environment",
// "attachment", "in error", "disclaimer", "registered", "information",
// "privileged", "files transmitted", "pièces", "vertraulich", "print"), in
// one pass, so ordinary lines are rejected without lower-casing them.
func hasDisclaimerAnchor(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i] | 0x20
		var cands []string
		switch c {
		case 'c':
			cands = anchorsC
		case 'i':
			cands = anchorsI
		case 'e':
			cands = anchorsE
		case 'a':
			cands = anchorsA
		case 'd':
			cands = anchorsD
		case 'r':
			cands = anchorsR
		case 'p':
			cands = anchorsP
		case 'f':
			cands = anchorsF
		case 'v':
			cands = anchorsV
		default:
			continue
		}
		for _, a := range cands {
			if hasPrefixFoldASCII(t[i:], a) {
				return true
			}
		}
	}
	return false
}

var (
	anchorsC = []string{"confiden"}
	anchorsI = []string{"intended", "in error", "information"}
	anchorsE = []string{"environment"}
	anchorsA = []string{"attachment", "addressee"}
	anchorsD = []string{"disclaimer"}
	anchorsR = []string{"registered", "recipient"}
	anchorsP = []string{"privileged", "pièces", "print"}
	anchorsF = []string{"files transmitted"}
	anchorsV = []string{"vertraulich"}
)

// hasPrefixFoldASCII: strings.HasPrefix ignoring ASCII case; prefix is
// lower-case.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		c := s[j]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		if c != prefix[j] {
			return false
		}
	}
	return true
}

// isDisclaimer: a line that opens a legal or environmental disclaimer.
func isDisclaimer(t string) bool {
	if len(t) < 11 {
		return false
	}
	if !hasDisclaimerAnchor(t) {
		return false
	}
	lt := strings.ToLower(t)
	for _, p := range disclaimerPhrases {
		if strings.Contains(lt, p) {
			return true
		}
	}
	// "… confidential … intended …" in one long line
	return len(t) > 60 && (strings.Contains(lt, "confidential") || strings.Contains(lt, "privileged")) &&
		(strings.Contains(lt, "intended recipient") || strings.Contains(lt, "addressee") || strings.Contains(lt, "in error"))
}

// closingPhrases are the sign-off phrases of every language
// (lang/data/mail, closings: "thanks", "vielen dank", "faleminderit").
var closingPhrases = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range lang.MailWords() {
		for _, p := range l.Closings {
			m[p] = true
		}
	}
	return m
}()

// isClosing reports a sign-off line: a closing phrase, optionally with a
// short name ("Thanks, Ros"), or several joined by "/" ("Thank you /
// Faleminderit,").
func isClosing(t string) bool {
	if t == "" || len(t) > 70 {
		return false
	}
	if strings.IndexByte(t, '/') < 0 {
		return closingPart(t)
	}
	parts := strings.Split(t, "/")
	if len(parts) > 3 {
		return false
	}
	anyClosing := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if closingPart(p) {
			anyClosing = true
			continue
		}
		if len(strings.Fields(p)) > 3 {
			return false
		}
	}
	return anyClosing
}

func closingPart(p string) bool {
	pt := strings.TrimRight(p, ",.!:;-–— \t،")
	if pt == "" {
		return false
	}
	var buf [80]byte
	lb, ascii := lowerASCII(buf[:0], pt)
	if !ascii {
		ls := strings.ToLower(pt)
		if len(ls) != len(pt) {
			return closingPhrases[ls] // case mapping changed the length: no prefix slicing
		}
		lb = []byte(ls)
	}
	if closingPhrases[string(lb)] {
		return true
	}
	// "<closing>[,] <Name>" with a short capitalised name
	for cut := len(lb); cut > 0; {
		sp := bytes.LastIndexAny(lb[:cut], " ,")
		if sp <= 0 {
			return false
		}
		cut = sp
		head := bytes.TrimRight(lb[:cut], " ,")
		if closingPhrases[string(head)] {
			rest := strings.TrimSpace(strings.TrimLeft(pt[len(head):], " ,"))
			rest = strings.TrimRight(rest, ",.!:; ")
			return isShortName(rest)
		}
	}
	return false
}

// isShortName: one to three capitalised words (or initials), no digits.
func isShortName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if unicode.IsDigit(c) || c == '?' || c == '@' {
				return false
			}
		}
	}
	return true
}

// looksLikeName: a line that is just a person's name ("Rupert", "Siân
// Pritchard", "J. Whitcombe"): one to four words, each capitalised or an
// initial, letters, hyphens, apostrophes and dots only.
func looksLikeName(t string) bool {
	if t == "" || len(t) > 50 {
		return false
	}
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		upper := 0
		for _, c := range w {
			if !(unicode.IsLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.') {
				return false
			}
			if unicode.IsUpper(c) {
				upper++
			}
		}
		// acronyms ("ASAP", "EOD", "COP") are not names
		if upper >= 2 && upper == utf8.RuneCountInString(strings.Trim(w, ".-'’")) {
			return false
		}
		if notNames[strings.ToLower(strings.Trim(w, "."))] {
			return false
		}
	}
	// a name does not end a sentence ("Thanks." is not a name)
	last := words[len(words)-1]
	if strings.HasSuffix(last, ".") && len(last) > 2 {
		return false
	}
	return true
}

// notNames are capitalised words that end messages but are not names
// (time words a deadline may consist of, greetings).
var notNames = map[string]bool{
	"today": true, "tomorrow": true, "tonight": true, "noon": true, "midday": true, "lunchtime": true,
	"urgent": true, "urgently": true, "asap": true, "eod": true, "cop": true, "now": true,
	"please": true, "thanks": true, "cheers": true, "morning": true, "afternoon": true, "evening": true,
	"deadline": true, "soon": true, "asap.": true, "hi": true, "hello": true, "yes": true, "no": true,
}

func init() {
	for w := range lang.English().WeekdayWords(false) {
		notNames[w] = true // "Monday", "Friday."
	}
}

// signatureLike reports whether lines (after a closing line) look like a
// signature: few, short lines, no questions, no sentences and none of the
// writer's requests ("Frist: 14 Uhr.", see writerLine).
func signatureLike(lines []string) bool {
	n := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		n++
		if n > 12 || utf8.RuneCountInString(t) > 100 || isSentence(t) || writerLine(t) {
			return false
		}
	}
	return true
}

// writerLine reports a line that a signature does not hold: a question
// ("By 4pm?", "؟"), or a deadline cue with a time or day ("Frist: 14
// Uhr.", "Deadline: 2pm", "Need it today"). A signature is names, titles,
// outlets, phone numbers and addresses; "Office hours 9am-5pm" (a time, no
// cue), "Regulated by the FCA" (a cue, no time) and "Newsroom deadline:
// 18:00 CET daily" (a recurring time: the reader's negative clause cues
// and recurring words) stay in it. The words
// are the deadline reader's (lang/data): English's cues and every
// language's aliases that read as them ("frist" → deadline, "deri" → by).
func writerLine(t string) bool {
	if strings.HasSuffix(t, "?") || strings.HasSuffix(t, "؟") || strings.Contains(t, "? ") || strings.Contains(t, "؟ ") {
		return true
	}
	cue, when, anti := false, hasClockTime(t), false
	words := strings.FieldsFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '\'' && r != '’'
	})
	for i, w := range words {
		w = foldWord(w)
		if writerCues[w] {
			cue = true
		}
		if writerAnti[w] {
			anti = true
		}
		if !when {
			when = writerWhen[w] || isHourAt(words, i, w)
		}
	}
	return cue && when && !anti
}

// isHourAt: w (words[i], folded) is a number of one to four digits with an
// hour word attached or next ("2pm", "14h", "1600hrs", "14 Uhr").
func isHourAt(words []string, i int, w string) bool {
	d := 0
	for d < len(w) && isDigit(w[d]) {
		d++
	}
	if d == 0 || d > 4 {
		return false
	}
	if d < len(w) {
		return writerHourWords[w[d:]]
	}
	return i+1 < len(words) && writerHourWords[foldWord(words[i+1])]
}

// foldWord lower-cases w and removes its combining marks ("Frist" →
// "frist", "nesër" → "neser"), as the deadline reader compares words.
func foldWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == '’' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// The English words a writer's line is recognised by; every language's
// deadline aliases that read as one of them count too.
var (
	// a day or time of day that can be a deadline ("today", "Friday")
	writerWhenRoles = []string{"today", "tonight", "tomorrow", "noon", "midday", "midnight", "eod", "cob", "eop"}
	// words after a number that make it an hour ("2pm", "14 Uhr")
	writerHourRoles = []string{"am", "pm", "h", "hr", "hrs"}
)

var writerCues, writerWhen, writerHourWords, writerAnti = func() (cues, when, hours, anti map[string]bool) {
	en := lang.English()
	cues, when, hours, anti = map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	d := &en.Deadline
	for w, c := range d.LeftCues {
		if c.Strong {
			cues[w] = true // by, before, deadline, due, need, latest, …
		}
	}
	for w := range d.RightCues {
		cues[w] = true
	}
	for w, n := range d.ClauseCues {
		if n >= 2 {
			cues[w] = true
		}
		if n < 0 {
			anti[w] = true // daily, weekly, staffed, embargo, …
		}
	}
	for _, w := range d.Recurring {
		anti[w] = true
	}
	for _, w := range writerWhenRoles {
		when[w] = true
	}
	for w := range en.WeekdayWords(false) {
		when[w] = true
	}
	for _, w := range writerHourRoles {
		hours[w] = true
	}
	for _, w := range append(append([]string(nil), d.Clock.HourWords12h...), d.Clock.HourWords24h...) {
		hours[w] = true
	}
	// other languages through what the deadline reader reads them as
	cueEN, whenEN, hourEN, antiEN := lang.Set(keys(cues)), lang.Set(keys(when)), lang.Set(keys(hours)), lang.Set(keys(anti))
	for _, l := range lang.All() {
		if l.Code == "en" {
			continue
		}
		for k, v := range l.Deadline.Aliases {
			v = strings.ToLower(v)
			k = foldWord(k)
			switch {
			case cueEN[v]:
				cues[k] = true
			case whenEN[v]:
				when[k] = true
			case hourEN[v]:
				hours[k] = true
			case antiEN[v]:
				anti[k] = true
			}
		}
	}
	return cues, when, hours, anti
}()

func keys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// isSentence: a line that reads as prose rather than a signature item: it
// ends with '?' or '!', or ends with '.' and has a lower-case word (titles,
// names and addresses rarely do both: "By 4pm please." is a sentence, "News
// Group Newspapers Ltd." is not).
func isSentence(t string) bool {
	last := t[len(t)-1]
	if last == '?' || last == '!' {
		return true
	}
	if last != '.' {
		return false
	}
	words := strings.Fields(t)
	if len(words) < 2 {
		return false
	}
	for _, w := range words[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// contactBlock finds a trailing contact block in lines (whose first
// content line is first): the last paragraph when it looks like name /
// title / phone / email lines, plus a lone first-name paragraph just
// before it. It returns the block's first line or -1.
func contactBlock(lines []string, first int) int {
	end := len(lines)
	for end > 0 && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	if end <= first+1 {
		return -1
	}
	start := end
	for start > 0 && strings.TrimSpace(lines[start-1]) != "" {
		start--
	}
	if start <= first {
		return -1 // the whole text is one paragraph
	}
	para := lines[start:end]
	block := -1
	switch {
	case len(para) == 1 && looksLikeName(strings.TrimSpace(para[0])):
		// "Tasha" alone at the end
		return start
	case isContactParagraph(para):
		block = start
	default:
		return -1
	}
	// a lone name paragraph before the block ("Rupert\n\nRupert Ashdown | …")
	pend := start
	for pend > 0 && strings.TrimSpace(lines[pend-1]) == "" {
		pend--
	}
	pstart := pend
	for pstart > 0 && strings.TrimSpace(lines[pstart-1]) != "" {
		pstart--
	}
	if pend-pstart == 1 && pstart > first && looksLikeName(strings.TrimSpace(lines[pstart])) {
		block = pstart
	}
	return block
}

// isContactParagraph: up to ten short lines, no prose, and either a contact
// detail (phone, email, web address, @handle, " | ", "M:"/"T:" labels) or
// a name line followed by at least one more line.
func isContactParagraph(para []string) bool {
	if len(para) == 0 || len(para) > 10 {
		return false
	}
	contact := false
	for _, l := range para {
		t := strings.TrimSpace(l)
		if utf8.RuneCountInString(t) > 90 || isSentence(t) || writerLine(t) || len(l)-len(strings.TrimLeft(l, " \t")) >= 4 {
			return false // long, prose, a request ("Délai : 18h") or indented (a quoted or code block)
		}
		if hasContactDetail(t) {
			contact = true
		}
	}
	// A signature block starts with the sender's name ("Jo Bloggs",
	// "Jo Bloggs | Reporter | Outlet", "Jo Bloggs, Reporter"); this keeps
	// "Call me on 07700 900 123 by 4pm" in the new text.
	if !startsWithName(strings.TrimSpace(para[0])) {
		return false
	}
	return contact || len(para) >= 2
}

// startsWithName: the line is a name, or its first " | ", ", " or " - "
// separated segment is.
func startsWithName(t string) bool {
	if looksLikeName(t) {
		return true
	}
	for _, sep := range [...]string{" | ", ", ", " - ", " – ", " / "} {
		if i := strings.Index(t, sep); i > 0 && looksLikeName(t[:i]) {
			return true
		}
	}
	return false
}

// hasContactDetail: a phone number, email, web address, @handle, a " | "
// separator or a phone label.
func hasContactDetail(t string) bool {
	if strings.Contains(t, " | ") || strings.Contains(t, "www.") || hasHTTPPrefix(strings.ToLower(t)) {
		return true
	}
	lt := strings.ToLower(t)
	for _, p := range [...]string{"m:", "t:", "tel", "mob", "phone", "cell", "fax", "dd:", "p:", "e:", "w:", "x:", "twitter", "linkedin"} {
		if strings.HasPrefix(lt, p) {
			return true
		}
	}
	digits, run := 0, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			run++
			if run > digits {
				digits = run
			}
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '+' || c == '.':
			// phone separators keep the run going
		default:
			run = 0
		}
	}
	if digits >= 7 {
		return true
	}
	for _, w := range strings.Fields(t) {
		if at := strings.IndexByte(w, '@'); at == 0 && len(w) > 2 {
			return true // @handle
		} else if at > 0 && strings.IndexByte(w[at:], '.') > 0 {
			return true // email
		}
	}
	return false
}

// containsFold reports whether s contains needle (lower-case), ignoring
// ASCII case.
func containsFold(s, needle string) bool {
	n := len(needle)
	if n == 0 {
		return true
	}
	first := needle[0]
	upper := first
	if first >= 'a' && first <= 'z' {
		upper = first - 32
	}
	for i := 0; i+n <= len(s); i++ {
		c := s[i]
		if c != first && c != upper {
			continue
		}
		j := 1
		for ; j < n; j++ {
			d := s[i+j]
			if d >= 'A' && d <= 'Z' {
				d += 32
			}
			if d != needle[j] {
				break
			}
		}
		if j == n {
			return true
		}
	}
	return false
}

// lowerASCII appends s lower-cased to dst; ascii is false (and dst
// unusable) when s has non-ASCII bytes.
func lowerASCII(dst []byte, s string) (out []byte, ascii bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return dst, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		dst = append(dst, c)
	}
	return dst, true
}

// hasClockTime reports a "h:mm" or "hh:mm" time in t.
func hasClockTime(t string) bool {
	for i := 1; i+2 < len(t); i++ {
		if t[i] == ':' && isDigit(t[i-1]) && isDigit(t[i+1]) && isDigit(t[i+2]) && (i+3 == len(t) || !isDigit(t[i+3])) {
			return true
		}
	}
	return false
}

// hasYear reports a four-digit year from 1990 to 2099 standing alone in t.
func hasYear(t string) bool {
	for i := 0; i+4 <= len(t); i++ {
		if (i > 0 && isDigit(t[i-1])) || (i+4 < len(t) && isDigit(t[i+4])) {
			continue
		}
		if (t[i] == '2' && t[i+1] == '0' || t[i] == '1' && t[i+1] == '9') && isDigit(t[i+2]) && isDigit(t[i+3]) &&
			(t[i] == '2' || t[i+2] == '9') {
			return true
		}
	}
	return false
}
