// Package deadline reads a journalist's own deadline from the new text of
// an email ("by 4pm tomorrow", "COP Friday", "within two hours") and
// resolves it against the message's Date in the desk's zone (GUIDE section
// 4). Extract is pure: text, moment and zone in, a time, the phrase and the
// rule out. Its words (calendar names, cues, anti-cues) are the data of
// package lang; the router calls it for every message.
package deadline

// Journalist-deadline extraction (GUIDE section 4, the "deadline" field).
//
// The extractor is a small scanner, not a pile of regular expressions:
//
//  1. tokenize: the text becomes words (lower-cased and interned through a
//     fixed vocabulary, so no allocation per word), numbers and punctuation,
//     each remembering whether whitespace or a line break preceded it, and
//     whether it sits inside double quotes. Sentence breaks (". ", "!", "?",
//     ";", blank lines, list bullets) and clause breaks (spaced dashes) are
//     marked on the tokens.
//  2. atoms: at every token the parsers try to read one atom: a clock time
//     ("4.30pm", "16:00", "1600hrs", "half four") with an optional zone
//     ("GMT", "CEST", "UK time", "London"), a named time ("noon",
//     "lunchtime", "this afternoon", "tonight", "end of day", "COP", "first
//     thing"), a date ("tomorrow", "Monday", "next Wed", "22 Nov",
//     "22/11", "Wed 22 Nov") or a relative span ("within the hour", "in two
//     hours", "in the next 45 mins").
//  3. mentions: neighbouring atoms joined only by connectors ("at", "on",
//     "by", ",", "(") become one mention with at most one date part and one
//     time part ("4pm tomorrow", "Monday at 10am", "COP Friday").
//  4. scoring: each mention is scored from its context: the deadline cue
//     right before it ("by", "before", "deadline", "filing at", "no later
//     than", "need ... at"), right after it ("at the latest", "deadline",
//     "is fine"), request cues in its clause ("need", "please", "get back to
//     me", "let me know"), minus anti-cues ("the call at", "published at",
//     "since", "the 6pm bulletin", "this afternoon's call", ranges such as
//     "07:00-23:00", "daily", text inside quotation marks). A mention must
//     be anchored: a cue right before it (through filler words: "need a
//     line at", "get back to me"), right after it, or the mention opening
//     its clause next to a request; clause-wide request words only rank.
//     Mentions too weak for their kind (a bare "at 6" needs a strong cue, a
//     date without a time needs "by"/"deadline"/"need") are dropped.
//  5. resolution: the best-scoring mention (ties: the earliest instant) is
//     resolved against sent in its zone (the stated zone, else loc) with
//     time.Date, so DST is handled by the time package, then converted to
//     loc. Results outside [sent-1 day, sent+60 days] are discarded.
//
// Decisions where GUIDE section 4 is silent:
//   - A bare hour 1-7 is pm ("filing at 6" = 18:00, "by 5.30" = 17:30), 12
//     is noon. A bare 8-11 ("by 9", "by 9.30", "deadline 10:00") is the next
//     such hour at or after sent (am if still ahead today, else pm, else
//     tomorrow morning); with a later day named ("9 tomorrow") it is am.
//     Zero-padded or 13-23 hours without am/pm ("08:30", "19:00") are
//     24-hour clock.
//   - 12pm is noon; 12am and "midnight" are the end of the day named (00:00
//     of the following day). "half four" is 16:30 (bare-hour rules apply).
//     Hours in words count only with "o'clock", "pm" or "half/quarter"
//     ("by four o'clock"): "by five" alone is too often a quantity; "ten
//     to five", "twenty past four" (five, ten or twenty minutes) are
//     clocks, and so is an hour in words after "at" as a bare hour, with a
//     strong cue only ("Our deadline is at seven"; "We meet at seven" is
//     none), and so are minutes after an hour in words ("by five
//     thirty", "four forty-five pm") and any five minutes before
//     "past"/"to" ("twenty-five past four"). A bare
//     4-digit number is a time only with "hrs"/"h" or a zone ("1600hrs",
//     "1600 GMT"), or right after "by"/"before"/"deadline (is)" in a
//     clause that asks ("Please reply by 1630"; never 1900-2099, a year,
//     and not "Imports rose by 1500."), never a year ("by 2030"). An
//     hour in words after "by" at the end of an asking clause is a bare
//     hour ("I need to file by four."; "Turnout fell by three." is
//     none). "by close today" is close of business; "this side of 4pm"
//     is before it; a deadline "expires"/"ends" at its time (en.json
//     left_fillers); a deadline "moved"/"brought forward"/"changed" to
//     a time is that time ("The briefing has moved to 2pm" is none). A bare hour before a
//     place's time is a clock ("by 5 Istanbul time"). A place of two
//     words whose second is a city is a zone before "time" or ending its
//     clause ("2pm Abu Dhabi time", "9am Los Angeles time", "New Delhi
//     time"; "by 3pm Abu Dhabi will announce" is a clock). "before
//     that"/"by that time" right after the reply asked for point back as
//     "before then" ("We're live at 6pm, can you get back to me before
//     that?"; "the minister will speak before that" does not); a time
//     in a sentence that goes on to say there is "no (strict) deadline"
//     is offered, not asked ("a comment before then but there is no
//     strict deadline"; "No hard deadline, but 4pm would be ideal" is
//     16:00); "that'd be great" after a bare hour ends it as "that would
//     be" does. Other languages' "before" alone, which their rewriting
//     makes "by" ("pourriez-vous me répondre avant ?", "¿podrían
//     responderme antes?", "potete rispondermi prima?"), is "before"
//     alone after a reply; their "before that" ("avant cela", "antes de
//     eso", "до этого", "davor antworten") is English's. Non-native
//     "within max. 2 hours", "in maximum two hours", "within a maximum
//     of two hours" are the span; "until" after an answer asked with
//     "can"/"would", or "grateful for"/"appreciate", is "by" ("Can you
//     answer me today until 16.30?", "I would be grateful for an answer
//     until Friday noon"; "Can you stay until 4pm?" is none). "before
//     then"/"by then" in the time's own sentence, as in the next one,
//     needs a request or the reply right before it ("we hope to hear
//     from you by then"; "The minister speaks at 6pm and before then he
//     met the mayor" is none). "If possible", "if at all possible" and
//     "if you can" opening a clause, then a comma, before a time that
//     ends it offer the time as "Ideally," does ("If possible, this
//     afternoon.", "Si puede ser, esta tarde."; "If possible, tonight
//     the minister will speak" is none); the Arabic comma is a comma.
//     "I need to file until 15:00", "I must submit my article until
//     17:00" are the journalist's "by" ("I will file until 6pm" is
//     none); "I have to deliver my text at 16h", "I need to submit my
//     article at 17:00" are their filing at it ("The minister will
//     deliver the text at 4pm" is none), and so are "We close the page
//     at 19h", "Our page closes at 8pm" ("Our office closes at 6pm" is
//     none). "IDT" is +03:00. A time the sentence goes on to leave open
//     with "but"/"though" and the journalist writing the whole day
//     ("anything before then helps, but I'm writing through the day") is
//     offered, as with "no strict deadline" ("but I'm out all day" is
//     not).
//   - Hurried English (the eleventh round): "by the top of the hour" is
//     the next full hour after sent, where the sentence asks; "Oct. 20"
//     (a month's abbreviation with its full stop) is a date; "by Wed",
//     "Deadline: Mon" (an abbreviation that is also a word) alone where
//     the sentence asks ("published by Sun" is none); "By close
//     please." and "close of biz" are close of business, "by start of
//     business tomorrow" first thing; AEST, AEDT, AET, AWST are zones;
//     "17:00 local" ending its clause is the zone of sent, as "local
//     time"; "COB 7/12 (Thurs)" reads the weekday in brackets with its
//     date; "12/4" is the US month/day where the day/month can be no
//     deadline of the message; an hour in words before "at the latest"
//     ending its clause ("by nine at the latest please", "Six-ish at
//     the latest please."); "by half four that gives us time";
//     "(I/we) could (really) do with" is a need; "a 3pm cut-off";
//     "moved up to 2pm"; "anything before would be great" points back
//     as "before then"; a span asked for in a question ("Any chance of
//     something in the next hour?"); "Tomorrow is fine." is tomorrow's
//     17:00, as "COP Friday would be great" is. Non-native: "I must
//     send/finish my article before 22:00", "I will close the article
//     until 9 in the evening", "We are closing the edition at 21h",
//     "please till 11:30", "Please reply …, until 11pm KST". Not
//     deadlines: a yes/no question about someone else's doing that
//     asks nothing of the desk ("Will the UK announce sanctions by the
//     end of the week?", "Do Britons need to register by Friday?"),
//     someone else's word reported ("The spokesman told me he would get
//     back to me by 3pm"; "My editor said he would need it by 5pm" is
//     the journalist's), a need denied ("We don't need it by 4"), and
//     the lines under a telephone number in the last paragraph (a
//     signature's "On deadline: 5pm"). Also: "for" a time after the words asked for
//     ("Could we have it for 6?"); "within today" (non-native: by its
//     end); "by 5 my time"; "3p ET", "10a" (American); "this arvo",
//     "tmr"; "2ish would be good"; "before we publish at 4" (as "before
//     we go to print"); a deadline "changed from 5pm to 3pm"
//     or that "was 5pm but is now 3pm" is the new time; one time given
//     in two zones, the second the desk's in brackets or after a
//     spaced slash ("17:00 CET (16:00 UK)"), scores as the first, so
//     the same instant keeps the first and "CET" written in Paris's
//     summer gives the earlier, the desk's.
//   - Hurried mail (the twelfth round, a probe of general forms): a day
//     alone offered as the time is its 17:00, as "by Friday" and
//     "Tomorrow is fine." are ("If possible, today.", "Ideally
//     tomorrow.", "Today please.", "Today if poss."; "Can you get back
//     to me today?" stays no time, as decided before: the day must be
//     the thing named as the time); "19-Oct", "19-Oct-23"; "Deadline is
//     tight - 2pm", "Tight deadline, 3pm"; "Deadline? Today, 5pm."; "Hard
//     stop at 5"; "Need it in 30" (a bare 10-55 minutes after "in"
//     ending its clause); "6pm CET/5pm UK" glued to its slash; "EST"
//     and "PST" are New York's and Los Angeles's clocks all year; "CT",
//     "MT"; non-native "We have deadline at 16" (a 24-hour hour alone
//     after "deadline (is) at"), "I need the answers till 4pm";
//     Russian/Ukrainian "сегодня до 16 часов" is 16:00. Not deadlines:
//     someone else's deadline reported ("Rishi Sunak set a deadline of
//     Friday", "The Home Office had a deadline of 5pm"; "My editor set
//     a deadline of 5pm" is the journalist's), a deadline that has
//     passed or expired, a rule others must keep ("Applicants must
//     register by Friday": a capitalised plural the vocabulary does not
//     know), a reply in the past tense ("Last year they replied by
//     5pm"; "I'd be grateful if you replied by 3pm" asks), "by" a bare
//     number after a verb of change or of winning ("Labour won by 2",
//     "Turnout rose by 5"). Also read: "If possible, today please.",
//     "by 17 h" (spaced, a 24-hour hour ending its clause), "Reply by
//     three please.", "I'm filing for the 6pm bulletin".
//   - Shorthand: "b4 5pm" is before it; "am"/"pm" right after a day
//     is its morning or afternoon ("tmrw am" 09:00, "Friday pm" 15:00,
//     "tomorrow a.m.");
//     "by 1600 UK" is a 4-digit time with its zone (not a year).
//   - The part of the day after an hour is its am/pm ("by 9 in the
//     evening", "by 8 in the morning tomorrow", "ten at night"). An hour
//     in words after "by"/"at"/"before" and before its day ("by ten
//     tonight", "by nine tomorrow morning", "by four on Thursday") or
//     with "sharp" ("at six sharp") is a bare hour as its digits are.
//     The 24-hour clock spoken ("eighteen hundred hours") or written
//     with a hyphen and 00 or 30 minutes ("18-00", "17-30", as Russian
//     and Ukrainian mail writes it; not "10-15", "12-30 May") is a
//     clock; another language's "zero zero" after an hour ("восемнадцати
//     ноль-ноль") is on the hour.
//   - A bare hour after its day with no cue but a request right before
//     the day is read as the bare hour ("Please reply tomorrow at 5",
//     "Could you get back to me tomorrow at 9" 09:00; Arabic "أرجو الرد
//     غدا الساعة الخامسة" 17:00); "The minister will reply tomorrow at
//     5" is no request.
//   - A bare hour may end before "rather than"/"instead", "that would
//     be …" and after its "-ish" ("by 3 rather than 5", "by about
//     2-ish that would be brilliant"). A weekday's day of the month
//     without its month is read before a comma and its time ("Thursday,
//     21., 12h" as German writes it, "jeudi 21, 12h").
//   - A day, then "before" a time, is that day's time ("tomorrow before
//     10am", "Friday before noon"); "4pm before Friday's vote" is today's.
//   - A part of the day offered as the wished time: "Tonight would be
//     perfect", also after a comma or a dash ("This afternoon, it would
//     be ideal", "Tonight — that would be ideal"), "Ideally tonight.",
//     "Could you reply, preferably this afternoon?"; "I'd like a reply
//     tonight" asks. Not: "…, which would be great", "The interview would
//     ideally be tonight", "for our weekly newsletter" (a recurring word
//     naming what the time is for is no recurring event).
//   - An alternative set off by commas between the thing asked for and
//     its time is read past ("Could we have a line, or ideally a
//     minister, this afternoon?"); the thing asked for opening its
//     sentence before "by" asks ("Anything by ten tonight would make our
//     late edition"; "Turnout rose by ten tonight" is none); "can we say
//     10 instead?" moves the journalist's deadline as "can we push to 5?"
//     does; "would do", "will do" after a time offer it as "is fine"
//     does; after a spaced dash a time of another kind is no range's end
//     ("No rush today - COP Friday is fine"; "Monday - Friday" is a
//     range; "No rush today, COP Friday is fine" is COP Friday). A word
//     with letters beyond ASCII is read where English's data has it as
//     written ("19.00 Türkiye time"). A part of the day's "'s" before a
//     good word ending its clause is "is" ("Tonight's fine."; not
//     "tomorrow's good news"), and a bare hour after "by" may end there
//     ("Is a response by 3 doable?"); "at some point"/"sometime" before
//     the time asked for are filler; "by the time we go on air at 6" is
//     as "before we go on air at 6".
//   - "would be appreciated" after a time offers it as "would be great"
//     does ("Anything tonight would be appreciated"; "Your help this
//     afternoon was much appreciated" is none); "beforehand" is "before"
//     alone ("We're on air at 6pm and would like a response
//     beforehand"), and so is "before" after "a line", "a quote", "a
//     response" or "a statement"; the question may open after a spaced
//     dash or a comma ("We're going live at 1pm - could we have a line
//     before?"); "this" and "that" are the thing asked for before a
//     broadcast ("Need this for the 6 o'clock news"); "a deadline of
//     4pm" is "deadline 4pm"; "over the next couple of hours" is within
//     them ("over two hours" is more than); "or so" after a time is read
//     past ("In the next hour or so would be perfect"); "my copy" is
//     filler as "our copy" is ("I need to file my copy at 3pm"). An
//     event "is due" at its time ("The vote is due at 7pm" is none;
//     "My copy is due at 4" is the journalist's). Non-native "16
//     o'clock" is the 24-hour clock; "Answer is needed until 18.00" and
//     "Please respond until 14:00" are "by" as "answer me until 16h" is.
//     Something else "is expected by" a time is told ("Results are
//     expected by 10pm"; "A response is expected by 4pm" asks). The
//     journalist's own sending or calling by a time is their plan ("I'll
//     send you my piece by 5pm", "I'll try to call before 4"; "Could you
//     call me before 4?", "I need to send my copy by 5pm" ask). "Not
//     after 4pm" opening its clause, and "after 5pm is too late", are
//     "by" that time ("It's not after 4pm yet", "after 5pm, too late for
//     the vote" are none). "this pm"/"this am" are this afternoon and
//     this morning; "later" before the time asked for is filler ("Could
//     you reply later this morning?"), and so is "now" ("Deadline's now
//     2pm"); a deadline "pushed back"/"extended" to a time is that time,
//     as "moved to" is; "I've been given until 5pm", "My editor has given
//     me till 6" are the journalist's own time ("He was given until
//     Friday" is none).
//   - A clock time with no day is that day even if it has already passed
//     (GUIDE: "that time that day"). A named weekday equal to today is today,
//     unless the time has already passed, then a week later. "next Friday"
//     is the Friday of next calendar week (Monday-based), and so are
//     "Friday next week" and "next week Friday"; "this Friday" is the
//     coming one; "coming Friday", "this coming Friday" and "Friday
//     coming" are the next Friday after today (said on a Friday, a week
//     on).
//   - "16h" with an hour 1-7 and no am/pm ("5h", from "5 Uhr", "5 heures")
//     is pm like a bare hour; "5h pm" reads its am/pm.
//   - "I asked for answers by 4pm on Tuesday", "we had requested ...": the
//     deadline of an earlier request, told in the past, is not this
//     message's.
//   - No-break and thin spaces and invisible marks (bidi marks around
//     Arabic digits, zero-width spaces) read as spaces; the phrase reported
//     is still the text as written.
//   - "the day after tomorrow" is a day like "tomorrow"; a clock's zone may
//     follow its day ("by 5pm today (CEST)"); "until/by then" points back
//     to a time only when what follows it is not someone's availability;
//     in the next sentence ("The briefing is at 11; I need your comment
//     before then") only when no time comes between and that sentence
//     asks.
//   - A day without a time ("by Friday", "by tomorrow", "deadline 22 Nov",
//     "need a line today") is 17:00 that day, like "COP Friday"; it needs a
//     "by"/"deadline"/"no later than"/"need" cue ("can you get back to me
//     today?" has none). "before Friday" is ambiguous and ignored. An
//     explicit date wins over a weekday that contradicts it. A day-month
//     date is in the year of sent, or the next year if it would be more
//     than six months past; otherwise a past date is not a deadline.
//   - A request verb in the conditional or the imperative ("Could you
//     send me something this evening?", "Can you get me a quote
//     tonight?", "Send us a line this afternoon", "Could you comment
//     tonight?") anchors the part of the day after it; "I'll send you the
//     piece tonight", "We could send a crew this evening" (an offer) and
//     an event in between ("the agenda for the debate tonight") do not.
//     A day alone after such a verb ("Could you send me the figures
//     tomorrow?", "Könnten Sie mir heute noch antworten?") stays no
//     deadline, as "can you get back to me today?" does. "Can I get",
//     "Could we get", "possible to get/send" ask too.
//   - "tomorrow morning", "Monday morning", "first thing tomorrow" = 09:00 of
//     that day; "first thing" alone = 09:00 on the next working day after
//     sent. "this morning" = 12:00 (and only while it is still morning),
//     and so is a morning of today ("bis heute Vormittag"); "tomorrow in
//     the morning" is tomorrow morning.
//     "tomorrow afternoon" and "mid-afternoon" 15:00, "tomorrow
//     evening/night" 19:00.
//   - Finer parts of the day, consistent with GUIDE 4's table (the
//     afternoon 15:00, the evening 19:00, end of day 17:00): "early"
//     is the part's first working hours, "late" its end as a deadline,
//     "mid" its middle — "early morning" 09:00, "mid-morning" 10:30,
//     "late morning" and "by the end of the morning" 12:00 (as "fin de
//     matinée", "eind van de ochtend" already were), "early afternoon"
//     14:00, "late afternoon" and "the end of the afternoon" 17:00 (as
//     "en fin d'après-midi"), "early evening" 18:00; on today, or the
//     day named next to them or between ("Friday early afternoon", "late
//     this afternoon", "early tomorrow afternoon"), each a named
//     time anchored like "this afternoon". "Late evening" is not read
//     (no working end). Their equivalents ("am frühen Nachmittag", "a
//     primera hora de la tarde", "nel tardo pomeriggio", "αργά το
//     απόγευμα", "pasdite vonë") are phrases of each language's file;
//     "pod wieczór", "ближе к вечеру", "ikindi vakti", "gegen Abend",
//     "verso sera", "akşama doğru" (towards the evening) are the late
//     afternoon, "в первой половине дня" (the
//     first half of the day) noon. "before lunch" stays lunchtime
//     (13:00, GUIDE's); "after lunch" is a time offered, not a deadline.
//     "later today" and "in the course of the day" ("dans la journée",
//     "im Laufe des Tages") are today, a day alone: 17:00 with a cue.
//     "first thing" said before 9 on a working day is that morning.
//     "overnight" asked for ("Could we have something overnight?",
//     "Overnight is fine", "über Nacht", "dans la nuit", "за ночь") is
//     the next morning, 09:00; told ("became law overnight") it is none.
//   - A day and month in the country's own form: "15-XI", "15.XI.",
//     "15. XI", "15 XI" (a month in capital Roman numerals); "15.11",
//     "28.10" where no clock can be — the minutes off the five-minute
//     marks, or the "hour" past 23, or after its weekday, or with its
//     full stop before a time or a lower-case word ("Tuesday 15.10",
//     "15.10. 14:00", "bis 22.11. um 12 Uhr": no sentence ends there);
//     "by 17.05", "by 15.10" alone stay clocks; a day's ordinal after a
//     hyphen ("до 15-го ноября", "do 15-go listopada", "до 15-го";
//     deadline.day_ordinals) is a day, an hour's ("до 17-ти часов",
//     "do 17-tej") an hour; so is a bare number after a day article of
//     the language read ("bis zum 15.", "avant le 15", "antes del 15",
//     "entro il 15": the 15th; deadline.day_articles); "11/15" is the
//     US month/day only where no day/month can be ("5/12" stays the 5th
//     of December), where an hour
//     article makes it an hour ("entro le 15", "antes de las 15"); Turkish "17.00 için" (for 17:00) is
//     by then only where a request follows in its sentence ("17.00 için
//     yanıt rica ediyorum"; "Toplantı 17.00 için planlandı" is none). A
//     clock with a colon, or a 24-hour clock on the quarter hour after
//     "by"/"before", before a word the vocabulary does not know is a
//     clock, not a quantity ("by 15.30 kısa bir yorum"; "by 17.50 euros"
//     stays one).
//   - "until"/"till" right after the words asked for, in a clause that
//     asks ("I need your answer until 17h", "send me an answer till
//     tomorrow 10:00"), is the writer's "by" (non-native English);
//     someone available or a state that lasts ("open until 6") is not;
//     so is "answer me (today) until 16h", "Answer until 15h please."
//     and the answer expected or awaited ("We expect your answer till
//     3 o'clock"); "today in afternoon" is "in the afternoon". "before" alone ending the clause
//     after the reply asked for points back as "before then" does ("We
//     close at 18h, so please answer before."; "it never happened
//     before" is not).
//     "end of play/day" and "close of business" take the weekday or
//     "tomorrow" right after them as their own day ("Not for today, end
//     of play Wednesday is fine"). The deadline, or the edition closed
//     or the print run "before"/"by" in a sentence that asks, then a
//     comma and "at" a time is that time ("before we close the edition,
//     at 22.00", "antes del cierre, a las 21.30", "Our deadline, at
//     4pm"). A bare 24-hour hour after an hour article (deadline.
//     hour_articles: "le", "las", "as", "τις", "godz.", "orën",
//     "الساعة") is an hour whatever word follows ("entro le 19 per
//     chiudere"), unless its minutes follow ("las 16 y cuarto").
//   - A span "before" ending its clause, in that sentence or the next,
//     where it asks, moves the time named before it back by the span
//     ("We go on air at 7pm; we'd need your statement an hour before."
//     is 18:00; up to twelve hours; "The minister arrived two hours
//     before." is none).
//   - A programme named by its hour is read at that hour in the evening:
//     "the ten o'clock news", "before the 6 o'clock bulletin", "News at
//     Ten" (capitalised, a programme's name) 22:00; a bare "by 10
//     o'clock" stays the next 10:00 and an hour with am/pm as written.
//   - "end of the week" = the coming Friday 17:00, and so is "before/by
//     the weekend". "up to 9pm" is "by 9pm". "COP" is close of play
//     only in capitals and not as the summit ("COP28", "first day of COP",
//     "at COP"); "at the end of the day" is an idiom.
//   - "go to print/press at 9pm" is a deadline; "on air at 6pm", "the 6pm
//     bulletin", "the call at 3pm" are not. The time of the journalist's
//     own broadcast or edition the answer is asked before or for is
//     the deadline ("before our 6pm bulletin", "in time for the 10pm
//     news", "ahead of tonight's 9pm programme", "need a quote for the
//     6pm edition", "before the bulletin at 6"; en.json
//     deadline.broadcasts): that is when they need it. Not "we're
//     preparing a package for the 6pm bulletin" (no need said), nor "for
//     tonight's programme" (no clock). A programme by its name before
//     its time counts where the clause needs the answer ("a line before
//     Newsnight at 10.30pm", "przed Faktami o 19:00"; not "appears
//     before Parliament at 3pm"). The journalist moving their own
//     deadline is one ("can we push to 5?", "could we move it to 6pm"),
//     and so is an event's time the answer is asked before, by the
//     same principle ("Could you reply before the vote at 7pm?", "a line
//     before the 1pm briefing", "vor der Pressekonferenz um 11 Uhr";
//     "The minister spoke before the 6pm vote" and an embargo are not),
//     and so is their own time ("I have until 4pm to file", "I've got
//     till 6"; "The minister has until 5pm" is not), "up until 5", a
//     time offered as possible ("Would 4pm be possible?", "Is 4pm
//     doable?") unless an event is in the clause or the sentence before
//     (an interview's slot).
//   - Among several deadlines the highest score wins ("deadline 6pm" beats
//     a time merely mentioned with "at"); on a tie, the earliest instant
//     (the desk must meet the tighter one).
//   - Relative spans are hours, minutes and up to three days, up to 72
//     hours ("within a day"; "within 20 working days", "within 10-12
//     weeks" are not deadlines). The minutes
//     after a span's hours may come with or without "and", in words or
//     digits ("an hour and twenty minutes", "an hour twenty minutes",
//     "one and a half hours", "in 1h20"); a bare number after the hours
//     is minutes only at the end of its clause ("in an hour twenty.";
//     "within two hours twenty colleagues" is two hours).
//   - Zones: GMT/UTC/Z +0, CET +1, CEST +2, EET +2, EEST +3, EDT -4,
//     PDT -7, CDT -5, MDT -6 are fixed offsets; "UK time", "London", "BST" and
//     "British time" are Europe/London; "EST" and "PST" (the twelfth
//     round) are New York's and Los Angeles's clocks, as "ET"/"PT" are:
//     American mail writes them all year, and "5pm EST" in October means
//     5pm in Washington (the earlier instant; GMT stays +0 by GUIDE
//     section 4); "CT", "MT" (capitals) are Chicago's and Denver's; "ET"/"PT", "<city> time" and a known
//     city right after the time ("3pm Brussels") are that city's zone; "local/our/my time" is the zone of sent itself (the
//     sender's Date header offset). A region, country or adjective
//     names a zone only before "time" ("2pm Gulf time" UTC+4, "5pm
//     French time", "6pm India time"; lang/data/en.json
//     deadline.zone_regions), also "standard/daylight time" ("Gulf
//     Standard Time"); the US zones Eastern, Central, Pacific and
//     Mountain (DST-aware: America/New_York, Chicago, Los_Angeles,
//     Denver) also alone at the end of a clause ("by 4pm Eastern.",
//     "9am Pacific tomorrow"; not "4pm Eastern Ukraine", "5pm Central
//     London"). The European zones named in words ("Western/Central/
//     Eastern European time", "Eastern Europe time", "heure d'Europe
//     centrale", "за східноєвропейським часом") are the region's local
//     time on the day, DST-aware as "Eastern" is (the dev sets' authors
//     read them so: "Eastern European time" in October is EEST); with
//     "Summer"/"Standard" ("Central European Summer Time") the offset as
//     written, as the abbreviations CET, CEST, EET, MEZ are. After a comma a zone
//     ending in "time" or an abbreviation in capitals is the time's
//     ("before noon, Paris time", "by 4pm, CET"; "by 4pm, London" is not).
//     A city after "of" ("by 3 pm of Paris", "18:00 hour of Moscow"),
//     "local time (Athens)" and a zone after the word for hours ("15.00
//     h Rome time") are that city's or zone's.
//   - A part of the day ("tonight", "this afternoon") and a clock asked
//     for with a cue of its own inside that part of the same day (evening
//     17-24h, afternoon 12-18h): the clock says when ("I'm filing tonight;
//     I'd need your answer by 10pm" is 22:00, not 19:00); an event's clock
//     ("the vote is at 10pm") has no cue and changes nothing.
//   - ExtractWithSubject reads a subject the journalist wrote for this
//     message when the body states no deadline ("Gaza aid - DEADLINE
//     6.30PM"); the caller passes "" for a reply's or a forward's subject.
//   - Text inside double quotation marks, and lines starting with ">", are
//     quoted material, not the journalist's own deadline.
//   - Another language is read through its data file's aliases when the
//     English reading finds nothing (foreign.go), except in the sentences
//     written in English ("The minister will do it tomorrow." is not
//     Polish "do jutra"). "Could you do 4pm?", "can you do 4ish
//     instead?" ask whether the desk can manage that time.
//   - The fourteenth round: someone else's time is told, not asked —
//     "has (time) until" ("Der Minister hat bis Freitag Zeit", "Ministar
//     ima vremena do petka", "Міністр має час до п'ятниці"), a deadline
//     given by someone else to someone else ("Vlada je dala rok do
//     petka"; "Urednik mi je dao rok do petka" is the journalist's), a
//     word reported with a comma before "that" ("заявив, що …
//     відповість") or with the attribution after the time ("…, the
//     envoy said.", "…, according to No 10."; "…, my editor says." is
//     the journalist's), "said she expects … by", "A decision is expected
//     by …", an aside "The report, due at 3pm, was delayed". "You have
//     until 4pm to respond" gives the desk its time. A day with its time
//     as a sentence whole ("Today, 5pm.", "First thing Monday.") is
//     offered, but not after a question, a colon, a bullet or a heading's
//     line, nor a date written out. A clock asked for on the day named
//     alone says when on it ("by 18h00 …, deadline today" is 18:00); a
//     time after ", so" ending its clause is the one drawn from what came
//     before ("We need it for the 12 o'clock, so 10:30 UTC please").
//     "Please tomorrow morning, as …" and "If possible tonight." (no
//     comma) opening the sentence offer the time. Closing one's own
//     piece is filing (GUIDE 4 "filing at 6"): Spanish "Cierro la nota a
//     las 18 h", Serbian "Tekst zatvaram u 18 sati", as "We close the
//     page at 19h" and "Chiudo il pezzo entro le 17" were. IST stays
//     unread as a zone (India's, Ireland's summer or Israel's).

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mediadesk/mediadesk/internal/wordfilter"
	"github.com/mediadesk/mediadesk/lang"
)

// Deadline is a journalist's stated deadline found in the new text of an email.
type Deadline struct {
	At     time.Time // in the desk's location
	Phrase string    // the matched text, e.g. "by 4pm tomorrow"
	Rule   string    // which rule resolved it: "clock", "named-time", "end-of-day", "weekday", "next-morning", "relative", "zoned-clock", "date"
}

// Rule names reported in Deadline.Rule.
const (
	ruleClock       = "clock"
	ruleZonedClock  = "zoned-clock"
	ruleNamedTime   = "named-time"
	ruleEndOfDay    = "end-of-day"
	ruleWeekday     = "weekday"
	ruleDate        = "date"
	ruleNextMorning = "next-morning"
	ruleRelative    = "relative"
)

const (
	maxDeadlineAhead = 60 * 24 * time.Hour
	maxDeadlineBack  = 24 * time.Hour
	maxRelative      = 72 * time.Hour
	minScore         = 2
)

// MaxText is how much of a text Extract reads (the router's MaxRouteText):
// the rest of a huge body is ignored.
const MaxText = 256 << 10

// clipText cuts s to MaxText bytes at a character boundary.
func clipText(s string) string {
	if len(s) <= MaxText {
		return s
	}
	cut := MaxText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// Extract finds the journalist's own deadline in text (already stripped of quoted history,
// signatures and forwarded content by the caller), resolved against sent (the message's Date) in loc.
// ok is false when there is no deadline.
func Extract(text string, sent time.Time, loc *time.Location) (d Deadline, ok bool) {
	if loc == nil {
		loc = time.UTC
	}
	text = clipText(text) // the rest of a huge body is ignored
	text = text[:contactTail(text)]
	written := text
	text = plainSpaces(text) // the same offsets
	sc := scannerPool.Get().(*scanner)
	defer scannerPool.Put(sc)
	sc.reset(text, sent, loc)
	sc.tokenize()
	sc.markBreaks()
	sc.parseAtoms()
	sc.buildMentions()
	if d, ok = sc.best(); ok {
		d.Phrase = written[sc.phraseStart:sc.phraseEnd] // as written
		if !foreign.first(text) {
			return d, true
		}
	}
	english, englishOK := d, ok
	// another language: read again in the English the rules know
	// (foreign.go); a text clearly in another language is read so first
	t, spans, changed := foreign.translate(text)
	if !changed {
		return english, englishOK
	}
	sc.reset(t, sent, loc)
	sc.tokenize()
	sc.markBreaks()
	sc.parseAtoms()
	sc.buildMentions()
	if d, ok = sc.best(); ok {
		// the phrase as the journalist wrote it
		s, e := spans.in(sc.phraseStart, false), spans.in(sc.phraseEnd, true)
		if s < e {
			d.Phrase = written[s:e]
		}
		return d, true
	}
	return english, englishOK
}

// contactTail returns where the lines after a telephone number in the
// text's last paragraph start (len(text) when there are none): a
// signature's standing lines ("Kirsty Blane / Political Correspondent /
// 07700 900 420 | @kblane_i / On deadline: 5pm") are not this message's
// deadline, though the splitter left the block in the new text.
func contactTail(text string) int {
	end := len(text)
	for end > 0 && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r' || text[end-1] == '\n') {
		end--
	}
	// the last paragraph: after the last blank line
	start, lines := 0, 0
	for i := end - 1; i >= 0; i-- {
		if text[i] != '\n' {
			continue
		}
		lines++
		j := i - 1
		for j >= 0 && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j--
		}
		if j < 0 || text[j] == '\n' {
			start = i + 1
			break
		}
	}
	if start == 0 || lines > 8 {
		return len(text) // the whole text, or a body: not a signature
	}
	for i, n := start, 0; i < end; n++ {
		nl := strings.IndexByte(text[i:end], '\n')
		if nl < 0 {
			break
		}
		// a number under the name, with at most three lines after it
		if n >= 1 && phoneLine(text[i:i+nl]) && strings.Count(text[i+nl:end], "\n") <= 3 && !tailAsks(text[i+nl:end]) {
			return i + nl + 1
		}
		i += nl + 1
	}
	return len(text)
}

// tailAsks reports whether the lines after a number ask for anything
// (en.json clause_cues but "deadline": "Need a line by 4pm", "Please
// reply by 4pm") or name this message's day ("Deadline 5pm today"): the
// journalist's, not a standing line.
func tailAsks(tail string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(tail), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if c := clauseCueWords[w]; c > 0 && w != gw.Deadline && leftCues[w].As != gw.Deadline {
			return true
		}
		if w == gw.Today || w == gw.Tonight || w == gw.Tomorrow {
			return true // "Deadline 5pm today": this message's, not a standing line
		}
	}
	return false
}

// phoneLine reports whether line holds a telephone number: a run of
// digits, spaces, "+", "(", ")", "-" and "." with at least nine digits
// ("07700 900 420", "+44 (0)20 7946 0311").
func phoneLine(line string) bool {
	digits := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c >= '0' && c <= '9':
			if digits++; digits >= 9 {
				return true
			}
		case c == ' ' || c == '+' || c == '(' || c == ')' || c == '-' || c == '.':
		default:
			digits = 0
		}
	}
	return false
}

// ExtractWithSubject is Extract over a message's new text and, when that
// states no deadline, its subject line: a deadline the journalist put in
// the subject of a new message ("Gaza aid - DEADLINE 6.30PM") is new text
// too. The caller passes subject only when the sender wrote it for this
// message (mailparse's Message.OwnSubject: not "Re:" or "Fwd:", not a
// reply), else "". The subject is read on its own, as a text of its own,
// with the same cues: a time it merely names ("Vote at 3pm - UK
// position?") is no deadline there either. The body wins when both state
// one: it is what the journalist wrote last and in full.
func ExtractWithSubject(subject, text string, sent time.Time, loc *time.Location) (Deadline, bool) {
	if d, ok := Extract(text, sent, loc); ok || subject == "" {
		return d, ok
	}
	return Extract(subject, sent, loc)
}

// plainSpaces returns s with no-break and thin spaces, and invisible marks
// (bidirectional marks around Arabic digits, zero-width spaces and
// joiners, a byte-order mark), as plain spaces, one a byte, so that every
// offset still points at the same text: French mail writes
// "16\u00a0h\u00a030\u00a0?", Arabic "الساعة \u200f17:00\u200f". s itself
// when it has none.
func plainSpaces(s string) string {
	var b []byte
	for i := 0; i+1 < len(s); i++ {
		c := s[i]
		if c != 0xC2 && c != 0xE2 && c != 0xEF {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !oddSpace(r) {
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		for k := i; k < i+size; k++ {
			b[k] = ' '
		}
		i += size - 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

func oddSpace(r rune) bool {
	return r == 0xA0 || r >= 0x2000 && r <= 0x200F || r == 0x202F || r == 0x205F ||
		r >= 0x202A && r <= 0x202E || r >= 0x2060 && r <= 0x2069 || r == 0xFEFF
}

var scannerPool = sync.Pool{New: func() any { return new(scanner) }}

type scanner struct {
	text     string
	sent     time.Time
	loc      *time.Location
	toks     []token
	atoms    []atom
	mentions []mention
	// the byte span of the phrase best returned
	phraseStart, phraseEnd int
	inSpan                 bool // reading a span's minutes (spanMinutes)
}

func (sc *scanner) reset(text string, sent time.Time, loc *time.Location) {
	sc.text, sc.sent, sc.loc = text, sent, loc
	sc.toks = sc.toks[:0]
	sc.atoms = sc.atoms[:0]
	sc.mentions = sc.mentions[:0]
}

// ---------------------------------------------------------------------------
// Tokens

type tokKind uint8

const (
	tkWord tokKind = iota + 1
	tkNum
	tkPunct
)

type token struct {
	start, end int    // byte offsets in text
	low        string // interned lower-case word ("" if not in the vocabulary); the rune for punctuation
	val        int    // value of a number token (-1 if too long)
	kind       tokKind
	nd         uint8 // digits in a number token
	nl         uint8 // line breaks in the whitespace before the token (capped)
	space      bool  // whitespace before the token
	poss       bool  // word ended in 's (possessive or contraction)
	upper      bool  // word entirely upper-case (2+ letters)
	capital    bool  // word starts with an upper-case letter
	qty        bool  // number with thousands separators (12,000)
	cls        uint8 // word classes (clsWeekday, ...) of low
	quoted     bool  // inside double quotation marks
	sentStart  bool  // first token of a sentence
	clauseBrk  bool  // first token of a clause (sentence start or after a spaced dash)
	consumed   bool  // part of an atom
}

func (sc *scanner) tokenize() {
	s := sc.text
	space, nl := true, 2
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == ' ': // (the common case first)
			space = true
			i++
			continue
		case r == '\n':
			if nl < 9 {
				nl++
			}
			space = true
			i += size
			continue
		case r == '\r' || unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = true
			i += size
			continue
		}
		t := token{start: i, space: space, nl: uint8(nl), val: -1}
		space, nl = false, 0
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			// thousands separators: 12,000 or 1,200,000
			for j+3 < len(s) && s[j] == ',' && isDigits(s[j+1:j+4]) && (j+4 == len(s) || s[j+4] < '0' || s[j+4] > '9') {
				j += 4
				t.qty = true
			}
			t.kind, t.end = tkNum, j
			t.nd = uint8(min(j-i, 255))
			if !t.qty && j-i <= 6 {
				v := 0
				for k := i; k < j; k++ {
					v = v*10 + int(s[k]-'0')
				}
				t.val = v
			}
			t.low = s[i:j]
			i = j
		case unicode.IsLetter(r):
			j := i + size
			for j < len(s) {
				if c := s[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
					j++ // an ASCII letter, the common case
					continue
				}
				r2, sz2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) {
					j += sz2
					continue
				}
				if r2 == '\'' || r2 == '’' {
					if r3, _ := utf8.DecodeRuneInString(s[j+sz2:]); j+sz2 < len(s) && unicode.IsLetter(r3) {
						j += sz2
						continue
					}
				}
				break
			}
			t.kind, t.end = tkWord, j
			sc.classifyWord(&t, s[i:j])
			i = j
		default:
			t.kind, t.end = tkPunct, i+size
			t.low = s[i : i+size]
			if r == '،' {
				t.low = "," // the Arabic comma
			}
			i += size
		}
		sc.toks = append(sc.toks, t)
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// classifyWord lower-cases w into a stack buffer, strips a trailing 's and
// interns the result through the vocabulary.
func (sc *scanner) classifyWord(t *token, w string) {
	var buf [24]byte
	n := 0
	allUpper, letters := true, 0
	if len(w) <= len(buf) {
		// An ASCII word (the usual case), lower-cased in the same pass
		// that checks it is ASCII.
		ascii := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if c >= 'A' && c <= 'Z' {
				if i == 0 {
					t.capital = true
				}
				c += 'a' - 'A'
			} else if c != '\'' {
				allUpper = false
			}
			buf[i] = c
		}
		if ascii {
			n = len(w)
			t.upper = allUpper && n >= 2
			sc.intern(t, buf[:n])
			return
		}
		t.capital, allUpper = false, true // start again, rune by rune
	}
	for i, r := range w {
		if r == '’' {
			r = '\''
		}
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				allUpper = false
			} else if i == 0 {
				t.capital = true
			}
		}
		if i == 0 && unicode.IsUpper(r) {
			t.capital = true
		}
		r = unicode.ToLower(r)
		if r >= utf8.RuneSelf || n >= len(buf) {
			n = -1
			break
		}
		buf[n] = byte(r)
		n++
	}
	t.upper = allUpper && letters >= 2
	if n < 0 {
		// A word with a letter beyond ASCII is read only when English's
		// vocabulary has it as written ("Türkiye time"); its flags stay
		// as read above.
		if len(w) <= len(buf) {
			b := buf[:0]
			for _, r := range w {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			if len(b) <= len(buf) {
				sc.intern(t, b)
			}
		}
		return
	}
	sc.intern(t, buf[:n])
}

// intern strips a trailing 's from the lower-cased word b and looks it up.
func (sc *scanner) intern(t *token, b []byte) {
	n := len(b)
	if n > 2 && b[n-2] == '\'' && b[n-1] == 's' {
		t.poss = true
		b = b[:n-2]
	}
	var e vocabEntry
	if vocabFilter.MayHave(b) {
		e = vocab[string(b)]
	}
	t.low, t.cls = e.w, e.cls
}

// markBreaks sets sentStart/clauseBrk and quoted on the tokens.
func (sc *scanner) markBreaks() {
	toks := sc.toks
	inQuote, lineQuoted := false, false
	next := true // next token starts a sentence
	for i := range toks {
		t := &toks[i]
		if t.nl >= 1 || i == 0 {
			// a "> " line is quoted mail the caller did not strip
			lineQuoted = t.kind == tkPunct && t.low == ">"
		}
		if t.nl >= 2 {
			next = true
			inQuote = false
		}
		if t.nl >= 1 && t.kind == tkPunct && isBullet(t.low) && i+1 < len(toks) && toks[i+1].space {
			next = true
		}
		if t.nl >= 1 && t.kind == tkNum && i+1 < len(toks) && !toks[i+1].space && (toks[i+1].low == "." || toks[i+1].low == ")") &&
			(i+2 >= len(toks) || toks[i+2].space) {
			next = true // numbered list item
		}
		if next {
			t.sentStart, t.clauseBrk = true, true
			next = false
		}
		if t.kind == tkPunct {
			switch t.low {
			case "\"", "“", "”", "„", "«", "»":
				switch t.low {
				case "“", "„", "«":
					inQuote = true
				case "”", "»":
					inQuote = false
				default:
					inQuote = !inQuote
				}
				t.quoted = true
				continue
			case ".", "!", "?", ";", "…":
				if t.low == "." && i > 0 && !t.space && toks[i-1].kind == tkWord && toks[i-1].end-toks[i-1].start == 1 &&
					!(toks[i-1].low == gw.H && i >= 2 && toks[i-2].kind == tkNum && !toks[i-1].space) {
					break // "p.m.", "c.o.p.", "e.g." end no sentence ("16h." does)
				}
				if t.low == "." && sc.dayMonthDot(i) {
					break // "Monday 11.03. 14.00", "bis 22.11. um 12 Uhr": the date's full stop
				}
				if t.low == "." && sc.monthAbbrevDot(i) {
					break // "Oct. 20", "Sept. 5th": the abbreviation's full stop (US style)
				}
				if i+1 >= len(toks) || toks[i+1].space {
					next = true
				}
			case "-", "–", "—", "|":
				if t.space && (i+1 >= len(toks) || toks[i+1].space) && i+1 < len(toks) {
					toks[i+1].clauseBrk = true
				}
			}
		}
		t.quoted = inQuote || lineQuoted
	}
}

// dayMonthDot reports whether the full stop at i ends a day and month
// written "11.03." with a time or a lower-case word after it on the same
// line: no sentence ends there.
func (sc *scanner) dayMonthDot(i int) bool {
	toks := sc.toks
	if i < 3 || i+1 >= len(toks) || toks[i].space || toks[i+1].nl > 0 {
		return false
	}
	d, dot, mo, n := &toks[i-3], &toks[i-2], &toks[i-1], &toks[i+1]
	if d.kind != tkNum || d.nd > 2 || d.val < 1 || d.val > 31 || dot.kind != tkPunct || dot.low != "." || dot.space ||
		mo.kind != tkNum || mo.nd != 2 || mo.val < 1 || mo.val > 12 || mo.space {
		return false
	}
	if n.kind == tkNum {
		return true
	}
	if n.kind != tkWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.text[n.start:])
	return unicode.IsLower(r)
}

// dayMonthNear reports whether a day and month without a year, read as
// resolve reads it (this year, or next year when more than six months
// past), falls where a deadline can: from a day before sent to 60 days
// after it.
func (sc *scanner) dayMonthNear(day, month int) bool {
	now := sc.sent.In(sc.loc)
	t := time.Date(now.Year(), time.Month(month), day, 17, 0, 0, 0, sc.loc)
	if t.Day() != day {
		return false // "31/4"
	}
	if t.Before(now.AddDate(0, -6, 0)) {
		t = t.AddDate(1, 0, 0)
	}
	return !t.Before(now.AddDate(0, 0, -1)) && !t.After(now.AddDate(0, 0, 60))
}

// monthAbbrevDot reports whether the full stop at i ends a month's
// abbreviation ("Oct.", "Sept.") with its day of the month right after it
// on the same line, as American style writes dates ("by Oct. 20").
func (sc *scanner) monthAbbrevDot(i int) bool {
	toks := sc.toks
	if i < 1 || i+1 >= len(toks) || toks[i].space || toks[i+1].nl > 0 || !toks[i+1].space {
		return false
	}
	mo, n := &toks[i-1], &toks[i+1]
	if mo.kind != tkWord || mo.cls&clsMonth == 0 || len(mo.low) > 4 || !mo.capital || n.kind != tkNum || n.nd > 2 || n.val < 1 || n.val > 31 {
		return false
	}
	_, ok := monthWords[mo.low]
	return ok
}

func isBullet(s string) bool {
	switch s {
	case "-", "*", "•", "–", "·":
		return true
	}
	return false
}

// ---------------------------------------------------------------------------
// Vocabulary

// vocab interns every word the scanner knows, with its word classes;
// vocabFilter pre-checks its keys (most words of a text are not in it).
var (
	vocab       = map[string]vocabEntry{}
	vocabFilter wordfilter.Filter
	shorthand   map[string]string // a word interned as another ("arvo": "afternoon")
)

type vocabEntry struct {
	w   string
	cls uint8
}

// Word classes, so each parser can skip a token without a map lookup.
const (
	clsWeekday uint8 = 1 << iota
	clsMonth
	clsNumber
	clsAtomStart // a word an atom can start from (see atomStartWords)
	clsClause    // a word clauseCues scores (see clauseCueWords)
)

// The deadline reader's words are data: lang/data/en.json (calendar
// names, number words, cues, anti-cues, fillers, zones). The contextual
// rules below (leftCue's "let me know", "get back to me", …) name their
// words by role, as gw.Let (grammar.go, from deadline.grammar);
// TestNoWordsInGo keeps words out of the Go.
var (
	en = lang.English()

	// atomStartWords are the words the atom parsers start from, besides
	// weekdays, months and numbers: parseRelative ("within", "in"),
	// parseNamed (named times), parseDate (relative days, "this"/"next"
	// Friday, "the 22nd") and parseWordClock ("half", "quarter").
	atomStartWords    = en.Deadline.AtomStarts
	weekdayWords      = en.WeekdayWords(true)
	monthWords        = en.MonthWords()
	numberWords       = en.Numbers
	ambiguousWeekdays = lang.Set(en.Calendar.Ambiguous)
	leftCues          = en.Deadline.LeftCues
	leftFillers       = lang.Set(en.Deadline.LeftFillers)
	antiWords         = lang.Set(en.Deadline.AntiWords)
	rightCues         = en.Deadline.RightCues
	rightAnti         = lang.Set(en.Deadline.RightAnti)
	recurringWords    = lang.Set(en.Deadline.Recurring)
	broadcastWords    = lang.Set(en.Deadline.Broadcasts)
	othersDeadlines   = lang.Set(en.Deadline.OthersDeadlines)
	ownDeadlines      = lang.Set(en.Deadline.OwnDeadlines)
	goodAfterWords    = lang.Set(en.Deadline.GoodAfter)
	determiners       = lang.Set(en.Deadline.Determiners)
	clauseCueWords    = en.Deadline.ClauseCues
	hour12Words       = lang.Set(en.Deadline.Clock.HourWords12h) // "five o'clock"
	hour24Words       = lang.Set(en.Deadline.Clock.HourWords24h) // "1600hrs"
)

func init() {
	for _, w := range en.Words() {
		vocab[w] = vocabEntry{w: w}
	}
	addClass := func(w string, c uint8) {
		e := vocab[w]
		e.w = w
		e.cls |= c
		vocab[w] = e
	}
	for w := range weekdayWords {
		addClass(w, clsWeekday)
	}
	for w := range monthWords {
		addClass(w, clsMonth)
	}
	for w := range numberWords {
		addClass(w, clsNumber)
	}
	for _, w := range atomStartWords {
		if _, ok := vocab[w]; ok { // (a word not in vocab has no low to match)
			addClass(w, clsAtomStart)
		}
	}
	for w := range clauseCueWords {
		addClass(w, clsClause)
	}
	// shorthand read as the word it stands for: Australian "this arvo"
	// (this afternoon), "by tmr" (tomorrow)
	shorthand = map[string]string{gw.Arvo: gw.Afternoon, gw.Tmr: gw.Tomorrow}
	for short, w := range shorthand {
		vocab[short] = vocab[w]
	}
	for w := range vocab {
		vocabFilter.Add(w)
	}
}

// ---------------------------------------------------------------------------
// Word classes

// weekdayOf returns the weekday a word token names (its class says first
// whether it names one, without a lookup).
func weekdayOf(t *token) (time.Weekday, bool) {
	if t.cls&clsWeekday == 0 {
		return 0, false
	}
	wd, ok := weekdayWords[t.low]
	return wd, ok
}

// ambiguousWeekday are abbreviations that are also ordinary words ("The Sun",
// "sat", "wed"): they count only next to a time or a date, and capitalised.
func ambiguousWeekday(w string) bool { return ambiguousWeekdays[w] }

// zone tables
type zoneSpec struct {
	name   string // IANA name, "" for a fixed offset
	offset int    // seconds east of UTC for fixed zones
	caps   bool   // must be written in capitals (also an ordinary word)
}

// zoneAbbrevs are the zone abbreviations (lang/data/en.json
// deadline.zone_abbrevs).
var zoneAbbrevs = func() map[string]zoneSpec {
	m := make(map[string]zoneSpec, len(en.Deadline.ZoneAbbrevs))
	for w, z := range en.Deadline.ZoneAbbrevs {
		m[w] = zoneSpec{name: z.Name, offset: z.Offset, caps: z.Caps}
	}
	return m
}()

// zonePlaces are places that name a zone when followed by "time" (or, for
// the places in zonePlaceAlone, on their own right after a time).
// (lang/data/en.json deadline.zone_places)
var zonePlaces = en.Deadline.ZonePlaces

var (
	zoneCacheMu sync.RWMutex
	zoneCache   = map[string]*time.Location{}
	fixedZones  sync.Map // int offset -> *time.Location
)

// zoneRegions are the zone places that name a zone only before "time"
// (lang/data/en.json deadline.zone_regions).
var zoneRegions = lang.Set(en.Deadline.ZoneRegions)

// usRegion reports whether a zone place is a US zone's name, which also
// names it alone after a time at the end of a clause ("by 4pm Eastern").
func usRegion(w string) bool {
	return w == gw.Eastern || w == gw.Central || w == gw.Pacific || w == gw.Mountain
}

// twoWordPlace reads a place of two words whose second is a city of
// zone_places ("Abu Dhabi", "Los Angeles", "Kuala Lumpur", "New Delhi"):
// t, a capitalised word that is no weekday or month, at e-1, and the city
// at e, capitalised too and no region, then "time" or the end of its
// clause ("by 2pm Abu Dhabi time", "Deadline 6pm Los Angeles."; not "by
// 3pm Abu Dhabi will announce"). It returns the zone and its end, or nil.
func (sc *scanner) twoWordPlace(t *token, e int) (*time.Location, int) {
	n := sc.tok(e)
	if !t.capital || t.cls&(clsWeekday|clsMonth) != 0 || n == nil || n.kind != tkWord || !n.capital || n.clauseBrk || zoneRegions[n.low] {
		return nil, e
	}
	name, ok := zonePlaces[n.low]
	if !ok {
		return nil, e
	}
	if k := sc.zoneTime(e + 1); k > e+1 {
		return namedZone(name, sc.loc), k
	}
	if !sc.zoneEnds(e + 1) {
		return nil, e
	}
	return namedZone(name, sc.loc), e + 1
}

// zoneTime returns the end of "time", "standard time" or "daylight time"
// at j (Eastern Standard Time, Gulf Standard Time), or j.
func (sc *scanner) zoneTime(j int) int {
	if sc.word(j, gw.Time) {
		return j + 1
	}
	if (sc.word(j, gw.Standard) || sc.word(j, gw.Daylight)) && sc.word(j+1, gw.Time) {
		return j + 2
	}
	return j
}

// zoneEnds reports whether a zone's name ends its clause at j: nothing,
// punctuation, a new sentence, or a day follows ("by 4pm Eastern.", "4pm
// Pacific on Friday"), not a word it qualifies ("3pm Eastern Europe").
func (sc *scanner) zoneEnds(j int) bool {
	t := sc.tok(j)
	if t == nil || t.kind != tkWord || t.clauseBrk {
		return true
	}
	return t.cls&clsWeekday != 0 || t.low == gw.Today || t.low == gw.Tomorrow || t.low == gw.On
}

// europeanZone reads the rest of a European zone's name after its
// region (Western, Central or Eastern) at j: "European" or "Europe", an
// optional "Summer"/"Daylight" or "Standard", and "time". The name alone
// is the region's local time on the day, summer time in summer
// ("Eastern European time" in October is EEST; en.json
// deadline.european_zones), as the US "Eastern time" is; with "Summer"
// or "Standard" it is that offset as written (WET +0, CET +1, EET +2,
// summer an hour more), as the abbreviations are. It returns nil and
// -1 when no such name follows.
func (sc *scanner) europeanZone(region string, j int) (*time.Location, int) {
	if !sc.word(j, gw.European) && !sc.word(j, gw.Europe) {
		return nil, -1
	}
	j++
	off := 0
	switch region {
	case gw.Central:
		off = 3600
	case gw.Eastern:
		off = 7200
	}
	fixed := false
	if sc.word(j, gw.Summer) || sc.word(j, gw.Daylight) {
		off += 3600
		fixed = true
		j++
	} else if sc.word(j, gw.Standard) {
		fixed = true
		j++
	}
	if !sc.word(j, gw.Time) {
		return nil, -1
	}
	if name := en.Deadline.EuropeanZones[region]; !fixed && name != "" {
		return namedZone(name, sc.loc), j + 1
	}
	return fixedZone(off), j + 1
}

// fallbackOffsets approximate a zone when the system has no tz database.
var fallbackOffsets = map[string]int{"Europe/London": 0, "America/New_York": -5 * 3600, "America/Los_Angeles": -8 * 3600}

func namedZone(name string, desk *time.Location) *time.Location {
	if desk != nil && desk.String() == name {
		return desk
	}
	zoneCacheMu.RLock()
	l, ok := zoneCache[name]
	zoneCacheMu.RUnlock()
	if ok {
		return l
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		l = fixedZone(fallbackOffsets[name])
	}
	zoneCacheMu.Lock()
	zoneCache[name] = l
	zoneCacheMu.Unlock()
	return l
}

func fixedZone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	if l, ok := fixedZones.Load(off); ok {
		return l.(*time.Location)
	}
	l, _ := fixedZones.LoadOrStore(off, time.FixedZone("", off))
	return l.(*time.Location)
}

// ---------------------------------------------------------------------------
// Atoms

type atomKind uint8

const (
	akClock atomKind = iota + 1
	akNamed
	akDate
	akRel
	akDaypart // "morning"/"afternoon"/... that needs a date next to it
)

type clockStyle uint8

const (
	csExplicit clockStyle = iota // am/pm given, or 24-hour clock
	csPM                         // bare 1-7 (with or without minutes): pm
	csNext                       // bare 8-11: next occurrence
	csBare                       // bare integer hour: needs a strong cue
)

type namedKind uint8

const (
	nkNone namedKind = iota
	nkNoon
	nkLunch
	nkAfternoon
	nkEvening
	nkThisMorning
	nkMorning    // with a date: 09:00
	nkFirstThing // 09:00 next working morning unless dated
	nkEOD
	nkEOW
	nkMidnight
)

type dateKind uint8

const (
	dkNone dateKind = iota
	dkToday
	dkTomorrow
	dkYesterday
	dkWeekday
	dkExplicit // day/month (year optional)
	dkDayOfMonth
	dkAfterTomorrow // "the day after tomorrow"
)

type dateMod uint8

const (
	dmNone dateMod = iota
	dmThis
	dmNext
	dmComing // "coming Friday", "Friday coming": the next one after today
)

type atom struct {
	kind       atomKind
	start, end int // token span [start, end)
	// clock
	hour, min int
	style     clockStyle
	midnight  bool
	// named / daypart
	named namedKind
	// a finer part of the day ("late afternoon"): read at shadeH:shadeM
	shaded         bool
	shadeH, shadeM int
	// date
	date   dateKind
	wd     time.Weekday
	hasWD  bool
	weakWD bool
	mod    dateMod
	year   int
	month  time.Month
	day    int
	// zone (clock and named)
	zone     *time.Location
	zoneSent bool // "local time": the zone of sent
	// relative
	dur time.Duration
	// cue carried by the atom itself ("within")
	intrinsic int
	// asked: read only where the clause asks for something ("by 1700",
	// "file by four": also a quantity, "rose by 1700", "by five")
	asked bool
}

func (sc *scanner) tok(i int) *token {
	if i < 0 || i >= len(sc.toks) {
		return nil
	}
	return &sc.toks[i]
}

// word reports whether token i is the word w.
func (sc *scanner) word(i int, w string) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	t := &sc.toks[i]
	return t.kind == tkWord && t.low == w
}

// wordIn reports whether token i is a word of the set.
func (sc *scanner) wordIn(i int, set map[string]bool) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	t := &sc.toks[i]
	return t.kind == tkWord && set[t.low]
}

// punct reports whether token i is the punctuation p.
func (sc *scanner) punct(i int, p string) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	t := &sc.toks[i]
	return t.kind == tkPunct && t.low == p
}

// glued reports whether token i directly follows token i-1 without space.
func (sc *scanner) glued(i int) bool {
	return i > 0 && i < len(sc.toks) && !sc.toks[i].space
}

// words matches a sequence of words starting at token i, allowing hyphens
// between them ("close-of-play"); it returns the end index or -1.
func (sc *scanner) words(i int, ws ...string) int {
	for k, w := range ws {
		if k > 0 && sc.punct(i, "-") {
			i++
		}
		if !sc.word(i, w) {
			return -1
		}
		i++
	}
	return i
}

func (sc *scanner) parseAtoms() {
	for i := 0; i < len(sc.toks); {
		var a atom
		ok := false
		t := &sc.toks[i]
		switch t.kind {
		case tkNum:
			ok = sc.parseDate(i, &a) || sc.parseClock(i, &a)
		case tkWord:
			// Every parser starts from one of a few words of the
			// vocabulary, or the letters of "e.o.d" (dottedAbbrev): other
			// words are passed over without asking each parser.
			if t.cls&(clsAtomStart|clsWeekday|clsMonth|clsNumber) != 0 || t.end-t.start == 1 {
				ok = sc.parseRelative(i, &a) || sc.parseNamed(i, &a) || sc.parseDate(i, &a) || sc.parseWordClock(i, &a)
			}
		}
		if !ok {
			i++
			continue
		}
		if a.kind == akClock || a.kind == akNamed || a.kind == akDaypart {
			// (a part of the day after its clock: "by 7 in the evening
			// Greek time")
			sc.parseZone(&a)
		} else if n := len(sc.atoms); a.kind == akDate && n > 0 && sc.atoms[n-1].kind == akClock && sc.atoms[n-1].end == a.start &&
			sc.atoms[n-1].zone == nil && !sc.atoms[n-1].zoneSent {
			// "by 5pm today (CET)", "entro le 17:00 di oggi (ora
			// italiana)": the clock's zone after its day
			sc.parseZone(&a)
		}
		if a.kind == akDate && a.date == dkExplicit && sc.punct(a.end, "(") && sc.punct(a.end+2, ")") {
			if t := sc.tok(a.end + 1); t.kind == tkWord && t.cls&clsWeekday != 0 {
				a.end += 3 // "COB 7/12 (Thurs) is fine": the date's weekday in brackets
			}
		}
		for k := a.start; k < a.end; k++ {
			sc.toks[k].consumed = true
		}
		sc.atoms = append(sc.atoms, a)
		i = a.end
	}
}

// ampm reads "am", "pm", "a.m.", "p.m", "AM" at token i, and the part
// of the day said after an hour ("in the morning", "in the afternoon",
// "in the evening", "at night"); returns the end index and 1 for am, 2
// for pm, or (i, 0).
func (sc *scanner) ampm(i int) (int, int) {
	t := sc.tok(i)
	if t == nil || t.kind != tkWord {
		return i, 0
	}
	v := 0
	switch t.low {
	case gw.In:
		switch {
		case sc.words(i, gw.In, gw.The, gw.Morning) > 0:
			return i + 3, 1
		case sc.words(i, gw.In, gw.The, gw.Afternoon) > 0, sc.words(i, gw.In, gw.The, gw.Evening) > 0:
			return i + 3, 2
		}
		return i, 0
	case gw.At:
		if sc.word(i+1, gw.Night) {
			return i + 2, 2
		}
		return i, 0
	case gw.Am:
		v = 1
	case gw.Pm:
		v = 2
	case gw.A, gw.P:
		if sc.punct(i+1, ".") && sc.word(i+2, gw.M) && sc.glued(i+1) && (sc.glued(i+2) || sc.toks[i+2].nl == 0) {
			// "5 p.m.", and Spanish "5 p. m."
			if t.low == gw.A {
				v = 1
			} else {
				v = 2
			}
			j := i + 3
			if sc.punct(j, ".") && sc.glued(j) {
				j++
			}
			return j, v
		}
		if p, n := sc.tok(i-1), sc.tok(i+1); !t.space && p != nil && p.kind == tkNum && (n == nil || n.space || n.kind == tkPunct) {
			// American shorthand glued to its hour: "by 3p ET", "10a
			// tomorrow", "2:30p"
			if t.low == gw.A {
				return i + 1, 1
			}
			return i + 1, 2
		}
		return i, 0
	default:
		return i, 0
	}
	return i + 1, v // "4pm." keeps its sentence-ending full stop
}

// parseClock reads a numeric clock time at token i.
func (sc *scanner) parseClock(i int, a *atom) bool {
	t := &sc.toks[i]
	if t.qty || t.val < 0 || t.nd > 4 {
		return false
	}
	if p := sc.tok(i - 1); p != nil && p.kind == tkPunct && !t.space {
		switch p.low {
		case "/":
			// "6pm CET/5pm UK": the same time in a second zone, glued to
			// the slash after the first's zone (not "24/7", "3/4")
			if n := len(sc.atoms); n == 0 || sc.atoms[n-1].kind != akClock || sc.atoms[n-1].zone == nil || sc.atoms[n-1].end != i-1 {
				return false
			}
		case "£", "$", "€", "#", ".", ",", ":", "+", "-":
			return false // money, ratios, dotted numbers, ranges handled elsewhere
		}
	}
	if p := sc.tok(i - 1); p != nil && !t.space && p.kind == tkWord {
		return false // COP28, A1, Q3
	}
	h, m, hasMin := t.val, 0, false
	lead0 := t.nd >= 2 && sc.text[t.start] == '0'
	j := i + 1
	if t.nd == 4 {
		h, m = t.val/100, t.val%100
		hasMin, lead0 = true, true
		// 4-digit times only with "hrs"/"h" or a zone: "1600hrs", "1600 GMT"
		n := sc.tok(j)
		asked := false
		switch {
		case n != nil && n.kind == tkWord && (n.low == gw.H || hour24Words[n.low]):
			j++
		case n != nil && n.kind == tkWord && isZoneAbbrev(n):
		case n != nil && n.kind == tkWord && (n.upper || n.capital) && zonePlaces[n.low] != "" && !zoneRegions[n.low] && (t.val < 1900 || t.val > 2099):
			// "by 1600 UK", "1600 London" (a city or the UK, not a year)
		case (t.val < 1900 || t.val > 2099) && t.val%5 == 0 && sc.bareHourEnds(j) &&
			(sc.word(i-1, gw.By) || sc.word(i-1, gw.Before) || sc.word(i-1, gw.Deadline) || sc.word(i-1, gw.Is) && sc.word(i-2, gw.Deadline)):
			// "Please reply by 1630", "before 0900": a 4-digit time after
			// a deadline cue where a clause asks, never a year ("by 2030")
			asked = true
		default:
			return false
		}
		if h > 24 || m > 59 || (h == 24 && m != 0) {
			return false
		}
		a.kind, a.start, a.end, a.hour, a.min, a.style = akClock, i, j, h%24, m, csExplicit
		a.midnight = h == 24
		a.asked = asked
		return true
	}
	if t.nd > 2 {
		return false
	}
	// minutes: 4.30, 16:00, 16h30; "18-00", "17-30" (as Russian and
	// Ukrainian write a clock) only with 00 or 30 minutes and nothing
	// glued after (not "10-30%", "12-30-2023")
	if sc.punct(j, "-") && sc.glued(j) {
		if mm := sc.tok(j + 1); mm != nil && !mm.space && mm.kind == tkNum && mm.nd == 2 && (mm.val == 0 || mm.val == 30) && h <= 23 {
			if n := sc.tok(j + 2); n == nil || n.space || n.kind == tkPunct && n.low != "-" && n.low != "%" && n.low != "/" {
				if !sc.quantityFollows(j+2) && !sc.monthFollows(j+2) && !(n != nil && n.kind == tkWord && (n.low == gw.Minutes || n.low == gw.Mins || n.low == gw.Hours || n.low == gw.Hrs)) {
					m, hasMin = mm.val, true
					j += 2
					goto minutesDone
				}
			}
		}
	}
	if n := sc.tok(j); n != nil && n.space && sc.word(j, gw.H) && t.nd == 2 && h >= 13 && h <= 23 && sc.clauseEndsAt(j+1) {
		// "by 17 h" (the French spacing, written in English): a 24-hour
		// hour, where "h" ends the clause
		a.kind, a.start, a.end, a.hour, a.min, a.style = akClock, i, j+1, h, 0, csExplicit
		return true
	}
	if sc.punct(j, ",") && sc.glued(j) && t.nd == 2 && h <= 23 {
		// "do 15,30 h" (Croatian and Bosnian write the minutes after a
		// comma): a clock only with the hour's word right after it,
		// never "15,30 €" or "15,30 km"
		if mm := sc.tok(j + 1); mm != nil && !mm.space && mm.kind == tkNum && !mm.qty && mm.nd == 2 && mm.val <= 59 {
			if n := sc.tok(j + 2); n != nil && n.kind == tkWord && (n.low == gw.H || hour24Words[n.low]) {
				m, hasMin = mm.val, true
				j += 2
				goto minutesDone
			}
		}
	}
	if n := sc.tok(j); n != nil && !n.space && (sc.punct(j, ":") || sc.punct(j, ".") || sc.word(j, gw.H)) {
		if mm := sc.tok(j + 1); mm != nil && !mm.space && mm.kind == tkNum && !mm.qty {
			if mm.nd != 2 {
				return false // 1.5, 2.125: a decimal
			}
			// 22.11.2023, 16:00:00
			if sc.punct(j+2, ":") && sc.glued(j+2) {
				if ss := sc.tok(j + 3); ss != nil && ss.kind == tkNum && ss.nd == 2 && !ss.space {
					m, hasMin = mm.val, true
					j += 4
					goto minutesDone
				}
			}
			if (sc.punct(j+2, ".") || sc.punct(j+2, "/")) && sc.glued(j+2) {
				if n3 := sc.tok(j + 3); n3 != nil && n3.kind == tkNum && !n3.space {
					return false
				}
			}
			m, hasMin = mm.val, true
			j += 2
		} else if sc.word(j, gw.H) {
			j++ // "16h"
			if h > 24 {
				return false
			}
			if e, v := sc.ampm(j); v != 0 && h >= 1 && h <= 12 {
				// "5h pm" (German "5 Uhr nachmittags" rewritten)
				a.kind, a.start, a.end, a.min, a.style = akClock, i, e, 0, csExplicit
				a.hour = hour24(h, v)
				a.midnight = a.hour == 0
				return true
			}
			a.kind, a.start, a.end, a.hour, a.min, a.style = akClock, i, j, h%24, 0, csExplicit
			a.midnight = h == 24
			if h >= 1 && h <= 7 && !lead0 {
				// "bis 5 Uhr", "avant 5h": a bare hour 1-7 is pm
				a.hour, a.style = h+12, csPM
			}
			return true
		}
	}
minutesDone:
	if m > 59 {
		return false
	}
	// am/pm
	if e, v := sc.ampm(j); v != 0 {
		if hasMin && h >= 13 && h <= 23 && v == 2 {
			// "17:00 pm", "17.00 μ.μ.": the 24-hour clock, pm said twice
			a.kind, a.start, a.end, a.min, a.style, a.hour = akClock, i, e, m, csExplicit, h
			return true
		}
		if h < 1 || h > 12 {
			return false
		}
		a.kind, a.start, a.end, a.min, a.style = akClock, i, e, m, csExplicit
		a.hour = hour24(h, v)
		a.midnight = a.hour == 0 && m == 0
		sc.skipIsh(a)
		return true
	}
	// "12 noon", "12 midday", "12 midnight"
	if h == 12 && !hasMin {
		if sc.word(j, gw.Noon) || sc.word(j, gw.Midday) {
			a.kind, a.start, a.end, a.named = akNamed, i, j+1, nkNoon
			return true
		}
		if sc.word(j, gw.Midnight) {
			a.kind, a.start, a.end, a.named = akNamed, i, j+1, nkMidnight
			return true
		}
	}
	a.kind, a.start, a.end, a.min = akClock, i, j, m
	oclock := false
	switch n := sc.tok(j); {
	case n != nil && n.kind == tkWord && hour24Words[n.low] && hasMin:
		a.end = j + 1
		a.style = csExplicit
		a.hour = h
		if h > 24 || (h == 24 && m != 0) {
			return false
		}
		a.midnight = h == 24
		a.hour %= 24
		return true
	case n != nil && n.kind == tkWord && hour12Words[n.low]:
		a.end = j + 1
		if !hasMin && !lead0 && h >= 13 && h <= 23 {
			// "before 16 o'clock" (non-native): the 24-hour clock
			a.style, a.hour = csExplicit, h
			return true
		}
		if hasMin && (lead0 || h >= 13) && h <= 23 && m <= 59 && !sc.quantityFollows(a.end) {
			// "before 14:00 o'clock", "by 09:30 o'clock" (non-native):
			// the 24-hour clock with its minutes ("2:30 o'clock" is none)
			a.style, a.hour = csExplicit, h
			return true
		}
		if hasMin || h < 1 || h > 12 {
			return false
		}
		oclock = true // "the 5 o'clock bulletin": a time whatever follows
	}
	if hasMin {
		if h > 24 || (h == 24 && m != 0) {
			return false
		}
		if sc.quantityFollows(a.end) && !sc.clockBeforeWord(i, h, m) {
			return false
		}
		switch {
		case h == 24:
			a.hour, a.midnight, a.style = 0, true, csExplicit
		case lead0 || h >= 12 || h == 0:
			a.hour, a.style = h, csExplicit
		case h <= 7:
			a.hour, a.style = h+12, csPM
		default:
			a.hour, a.style = h, csNext
		}
		sc.skipIsh(a)
		return true
	}
	// a bare integer hour: only 1-12, and only where a time can end
	// (after its "-ish": "by about 2-ish that would be brilliant")
	end := a.end
	if sc.punct(end, "-") && sc.glued(end) && sc.word(end+1, gw.Ish) && sc.glued(end+1) {
		end += 2
	}
	if h >= 13 && h <= 23 && !lead0 && sc.bareHourEnds(end) && sc.word(i-1, gw.At) &&
		(sc.word(i-2, gw.Deadline) || sc.word(i-2, gw.Is) && sc.word(i-3, gw.Deadline)) {
		// non-native "We have deadline at 16.", "My deadline is at 16":
		// the 24-hour clock's hour alone, where the deadline is named
		a.style, a.hour = csExplicit, h
		return true
	}
	if h < 1 || h > 12 || lead0 || !oclock && !sc.bareHourEnds(end) {
		return false
	}
	a.style = csBare
	a.hour = bareHour(h)
	sc.skipIsh(a)
	return true
}

func (sc *scanner) skipIsh(a *atom) {
	if sc.punct(a.end, "-") && sc.word(a.end+1, gw.Ish) && sc.glued(a.end) {
		a.end += 2
	} else if sc.word(a.end, gw.Ish) && sc.glued(a.end) {
		a.end++
	} else if sc.word(a.end, gw.Sharp) {
		a.end++ // "6pm sharp"
	}
}

// atLatestEnds reports whether "at the latest" follows at j and ends its
// clause, "please" aside ("by nine at the latest please").
func (sc *scanner) atLatestEnds(j int) bool {
	e := sc.words(j, gw.At, gw.The, gw.Latest)
	if e < 0 {
		return false
	}
	if sc.word(e, gw.Please) || sc.word(e, gw.Pls) {
		e++
	}
	return sc.clauseEndsAt(e)
}

// clauseEndsAt reports whether nothing but the clause's end follows at j:
// the text's end, a new clause, or punctuation other than a hyphen or a
// slash ("by four.", "by four, thanks").
func (sc *scanner) clauseEndsAt(j int) bool {
	t := sc.tok(j)
	if t == nil || t.clauseBrk {
		return true
	}
	return t.kind == tkPunct && t.low != "-" && t.low != "/" && t.low != "%"
}

// pastConsumed returns the first token from i on that no atom has
// consumed: the end of the time starting at i.
func (sc *scanner) pastConsumed(i int) int {
	for i < len(sc.toks) && sc.toks[i].consumed {
		i++
	}
	return i
}

// dayAfterHour reports whether a day or a part of it follows an hour in
// words at j ("by ten tonight", "at nine tomorrow morning", "by six this
// evening", "by five on Friday"), which makes the hour a clock, as its
// digits are ("by 10 tonight").
func (sc *scanner) dayAfterHour(j int) bool {
	t := sc.tok(j)
	if t == nil || t.kind != tkWord || t.clauseBrk {
		return false
	}
	switch t.low {
	case gw.Tonight, gw.Tonite, gw.Today, gw.Tomorrow, gw.Tmrw, gw.Tmw, gw.Tomoz:
		return true
	case gw.This:
		return sc.word(j+1, gw.Evening) || sc.word(j+1, gw.Afternoon) || sc.word(j+1, gw.Morning)
	case gw.On:
		j++
		t = sc.tok(j)
	}
	if t == nil || t.kind != tkWord {
		return false
	}
	_, ok := weekdayWords[t.low]
	return ok && !ambiguousWeekdays[t.low]
}

// quantityFollows reports whether the number just read is a quantity
// ("6.25 per cent", "1.60m").
func (sc *scanner) quantityFollows(j int) bool {
	n := sc.tok(j)
	if n == nil {
		return false
	}
	if n.kind == tkPunct {
		return n.low == "%"
	}
	if n.kind != tkWord {
		return false
	}
	if !n.space {
		return n.low != gw.Ish // 1.60m, 2.50bn
	}
	return n.low == "" && !n.capital // "6.25 percent", "2.30 metres"... unknown lower-case word
}

// clockBeforeWord reports whether the hour h and minutes m at token i,
// before a word the vocabulary does not know, are a clock all the same:
// written with a colon ("15:30 kısa", never a quantity), or a 24-hour
// clock on the quarter hour right after "by"/"before"/"deadline" ("by 15.30 short
// a comment please", Turkish "15.30'a kadar kısa bir yorum" rewritten;
// "rose by 2.50 percent", "costs 17.50 euros" stay quantities).
func (sc *scanner) clockBeforeWord(i, h, m int) bool {
	if sc.punct(i+1, ":") {
		return true
	}
	return h >= 13 && h <= 23 && m%15 == 0 && (sc.word(i-1, gw.By) || sc.word(i-1, gw.Before) || sc.word(i-1, gw.Deadline) ||
		sc.word(i-1, gw.Tomorrow) && (sc.word(i-2, gw.By) || sc.word(i-2, gw.Before)))
}

// monthFollows reports whether a month's name is at j ("12-30 May": days).
func (sc *scanner) monthFollows(j int) bool {
	t := sc.tok(j)
	return t != nil && t.cls&clsMonth != 0
}

// bareHourEnds reports whether a bare number at j-1 can be an hour: it must
// be followed by the end of the clause, punctuation, or a word that can
// follow a time ("by 6 please", "filing at 7 tonight"), never a noun ("by 5
// per cent", "at 6 Downing Street").
func (sc *scanner) bareHourEnds(j int) bool {
	n := sc.tok(j)
	if n == nil || n.sentStart {
		return true
	}
	if n.kind == tkPunct {
		switch n.low {
		case "%", "/", "£", "$", "€", "+", "*", "×":
			return false
		case "-", "–":
			return n.space // "6 - thanks" yes, "6-7" no
		case ".", ",":
			if nn := sc.tok(j + 1); nn != nil && nn.kind == tkNum && !nn.space {
				return false
			}
		}
		return true
	}
	if n.kind != tkWord {
		return false
	}
	switch n.low {
	case gw.Please, gw.Pls, gw.Plz, gw.Thanks, gw.Thank, gw.Thx, gw.Cheers, gw.Today, gw.Tonight, gw.Tonite, gw.Tomorrow, gw.Tmrw, gw.Tmw,
		gw.This, gw.Latest, gw.At, gw.If, gw.So, gw.But, gw.For, gw.As, gw.Ideally, gw.Our, gw.Your, gw.Uk, gw.London, gw.OClock, gw.Oclock,
		gw.Then, gw.And, gw.Or, gw.In, gw.On, gw.Gmt, gw.Utc, gw.Bst, gw.Cet, gw.Cest, gw.Local, gw.We, gw.WeRe, gw.I, gw.IM, gw.WeLl, gw.ILl,
		gw.Ish, gw.Tomoz, gw.Next, gw.The, gw.Is, gw.Would, gw.Possible, gw.Poss, gw.Works, gw.Suits, gw.Should, gw.Could,
		gw.Need, gw.Reply, gw.Sharp, gw.Rather, gw.Instead, gw.Now: // ("by 3 rather than 5", "by half five now"); "saat 6'ya kadar bekliyoruz": "by 6 need" (Turkish ends on the verb)
		return true
	}
	if sc.isGoodAlone(j) {
		return true // "Is a reply by 3 doable?", "by 3 ok?"
	}
	if n.low == gw.My && sc.word(j+1, gw.Time) {
		return true // "Need a line by 5 my time."
	}
	if _, ok := weekdayWords[n.low]; ok {
		return true
	}
	if n.low == gw.That && (sc.word(j+1, gw.Would) || sc.word(j+1, gw.Is) || sc.word(j+1, gw.Works) || sc.word(j+1, gw.Should) || sc.word(j+1, gw.Gives) || sc.word(j+1, gw.Leaves)) ||
		n.low == gw.Thatd && sc.goodAfter(j+1) {
		return true // "by 2 that would be brilliant", "by 11 that'd be great", "by half four that gives us time"
	}
	if _, ok := zonePlaces[n.low]; ok && (sc.word(j+1, gw.Time) || n.capital && sc.clauseEndsAt(j+1) && (n.low == gw.Eastern || n.low == gw.Pacific)) {
		return true // "by 5 Istanbul time", "Could you reply by 3 Eastern?"
	}
	return isZoneAbbrev(n)
}

// isZoneAbbrev reports whether t is a zone abbreviation ("GMT", "CET"),
// written in capitals where the abbreviation is also a word ("ET", "EST").
func isZoneAbbrev(t *token) bool {
	zs, ok := zoneAbbrevs[t.low]
	return ok && t.kind == tkWord && (!zs.caps || t.upper)
}

// parseWordClock reads "half four", "half past four", "quarter to five",
// "five o'clock", "six pm".
func (sc *scanner) parseWordClock(i int, a *atom) bool {
	if t := &sc.toks[i]; t.kind == tkWord && t.cls&clsNumber == 0 && t.low != gw.Half && t.low != gw.Quarter {
		return false // a word clock starts with "half", "quarter" or an hour in words
	}
	j := i
	delta := 0
	switch {
	case sc.word(j, gw.Half) && sc.word(j+1, gw.Past):
		delta, j = 30, j+2
	case sc.word(j, gw.Half) && !sc.word(j+1, gw.An) && !sc.word(j+1, gw.A):
		delta, j = 30, j+1
	case sc.word(j, gw.Quarter) && sc.word(j+1, gw.Past):
		delta, j = 15, j+2
	case sc.word(j, gw.Quarter) && sc.word(j+1, gw.To):
		delta, j = -15, j+2
	case sc.tok(j).kind == tkWord:
		// "ten to five", "twenty past four", "twenty-five to five":
		// minutes in words, five at a time
		if m, e := sc.minuteWords(j); m%5 == 0 && m >= 5 && m <= 25 && (sc.word(e, gw.Past) || sc.word(e, gw.To)) {
			delta = m
			if sc.word(e, gw.To) {
				delta = -m
			}
			j = e + 1
		}
	}
	t := sc.tok(j)
	if t == nil {
		return false
	}
	if delta == 0 && t.kind == tkWord {
		// "eighteen hundred hours", "twenty-one hundred hrs": the
		// 24-hour clock spoken
		if v := numberWords[t.low]; v >= 1 && v <= 23 {
			e := j + 1
			if v == 20 && sc.punct(e, "-") && sc.glued(e) && sc.glued(e+1) {
				if u := numberWords[sc.toks[e+1].low]; u >= 1 && u <= 3 {
					v, e = v+u, e+2
				}
			}
			if sc.word(e, gw.Hundred) && (sc.word(e+1, gw.Hours) || sc.word(e+1, gw.Hrs)) {
				a.kind, a.start, a.end, a.hour, a.min, a.style = akClock, i, e+2, v, 0, csExplicit
				return true
			}
		}
	}
	h := -1
	if t.kind == tkWord && t.cls&clsNumber != 0 {
		if v, ok := numberWords[t.low]; ok && v <= 12 {
			h = v
		}
	} else if t.kind == tkNum && delta != 0 && t.nd <= 2 && t.val >= 1 && t.val <= 12 {
		h = t.val
	}
	if h < 0 {
		return false
	}
	e := j + 1
	if m, me := sc.minuteWords(e); delta == 0 && m >= 10 && m <= 59 {
		// "five thirty", "four forty-five": the minutes after the hour
		delta, e = m, me
	} else if delta == 0 && sc.punct(e, "-") && sc.glued(e) && sc.glued(e+1) {
		if m, me := sc.minuteWords(e + 1); m >= 10 && m <= 59 {
			delta, e = m, me // "five-thirty"
		}
	}
	e2, v := sc.ampm(e)
	oclock := sc.wordIn(e, hour12Words)
	if delta == 0 && v == 0 && !oclock {
		if i == j && h >= 1 && (sc.word(e, gw.Sharp) || sc.punct(e, "-") && sc.glued(e) && sc.word(e+1, gw.Ish) && sc.glued(e+1) && (sc.word(i-1, gw.By) || sc.word(i-1, gw.Before)) ||
			(sc.word(i-1, gw.By) || sc.word(i-1, gw.At) || sc.word(i-1, gw.Before)) && sc.dayAfterHour(e)) {
			// "at six sharp", "by four-ish", "by ten tonight", "by nine
			// tomorrow morning": a bare hour, as its digits would be
			a.kind, a.start, a.end, a.min, a.style = akClock, i, e, 0, csBare
			a.hour = bareHour(h)
			// "by five on Friday" only where the clause asks ("the
			// majority was cut by five on Tuesday" is a quantity)
			a.asked = sc.word(i-1, gw.By) && sc.dayAfterHour(e)
			sc.skipIsh(a)
			return true
		}
		if i == j && (sc.word(i-1, gw.By) || sc.word(i-1, gw.Before)) && h >= 1 &&
			(sc.clauseEndsAt(e) || (sc.word(e, gw.Please) || sc.word(e, gw.Pls)) && sc.clauseEndsAt(e+1)) {
			// "I need to file by four.", "Reply by three please.": a bare
			// hour where the clause asks ("Prices rose by five." and
			// "Prices rose by three please." are quantities)
			a.kind, a.start, a.end, a.min, a.style, a.asked = akClock, i, e, 0, csBare, true
			a.hour = bareHour(h)
			return true
		}
		ish := e
		if sc.punct(e, "-") && sc.glued(e) && sc.word(e+1, gw.Ish) && sc.glued(e+1) {
			ish = e + 2
		}
		if i == j && h >= 1 && sc.atLatestEnds(ish) && (sc.word(i-1, gw.By) || sc.word(i-1, gw.Before) || sc.sentenceAsksBut(i, gw.Latest) || sc.askedQuestion(i)) {
			// "by nine at the latest please", "Six-ish at the latest
			// please.": "at the latest" ending the clause makes an hour
			// in words a bare hour after "by" or where the sentence asks
			// ("Six at the latest count were hurt", "Five at the latest,
			// they said, had died" are none)
			a.kind, a.start, a.end, a.min, a.style = akClock, i, e, 0, csBare
			a.hour = bareHour(h)
			sc.skipIsh(a)
			return true
		}
		if i == j && sc.word(i-1, gw.Than) && sc.word(i-2, gw.Later) && h >= 1 && sc.bareHourEnds(e) {
			// "no later than five please"
			a.kind, a.start, a.end, a.min, a.style = akClock, i, e, 0, csBare
			a.hour = bareHour(h)
			return true
		}
		if i == j && (sc.word(i-1, gw.At) || sc.word(i-1, gw.Around)) && h >= 1 && sc.bareHourEnds(e) {
			// "Our deadline is at seven.": after "at" an hour in words
			// is a bare hour, which needs a strong cue ("We meet at
			// seven" is none; "by five" alone is too often a quantity)
			a.kind, a.start, a.end, a.min, a.style = akClock, i, e, 0, csBare
			a.hour = bareHour(h)
			return true
		}
		return false // "by five" alone is too often a quantity
	}
	if oclock {
		e2 = e + 1
		if e3, v3 := sc.ampm(e2); v == 0 && v3 != 0 {
			e2, v = e3, v3 // "five o'clock pm" (Spanish "las cinco de la tarde" rewritten)
		}
	}
	mins := h*60 + delta
	if delta < 0 {
		h--
		if h == 0 {
			h = 12
		}
	}
	a.kind, a.start, a.end = akClock, i, e2
	a.min = ((mins % 60) + 60) % 60
	switch {
	case v == 1:
		a.hour, a.style = h%12, csExplicit
	case v == 2:
		a.hour, a.style = h%12+12, csExplicit
	case h == 12:
		a.hour, a.style = 12, csExplicit
	case h <= 7:
		a.hour, a.style = h+12, csPM
	default:
		a.hour, a.style = h, csNext
	}
	if delta != 0 && !sc.bareHourEnds(e2) && v == 0 {
		return false
	}
	return true
}

// minuteWords reads minutes in words at token j: a number word ("ten",
// "thirty") or tens and a unit ("forty-five", "twenty five"). It returns
// the minutes (-1: none) and the token after them.
func (sc *scanner) minuteWords(j int) (int, int) {
	t := sc.tok(j)
	if t == nil || t.kind != tkWord || t.cls&clsNumber == 0 {
		return -1, j
	}
	m, ok := numberWords[t.low]
	if !ok || m > 59 {
		return -1, j
	}
	if m >= 20 && m%10 == 0 {
		k := j + 1
		if sc.punct(k, "-") && sc.glued(k) && sc.glued(k+1) {
			k++ // "forty-five"
		}
		if u := sc.tok(k); u != nil && u.kind == tkWord && (k > j+1 || u.space) {
			if v, ok := numberWords[u.low]; ok && v >= 1 && v <= 9 {
				return m + v, k + 1
			}
		}
	}
	return m, j + 1
}

// parseNamed reads noon/midday/lunchtime/this afternoon/tonight/end of day/
// COP/EOD/first thing/midnight/end of the week, and bare dayparts.
func (sc *scanner) parseNamed(i int, a *atom) bool {
	t := &sc.toks[i]
	set := func(end int, k namedKind) bool {
		a.kind, a.start, a.end, a.named = akNamed, i, end, k
		return true
	}
	if t.low == gw.The && (sc.word(i-1, gw.By) || sc.word(i-1, gw.Before)) {
		// "by the top of the hour": the next full hour after sent (a
		// span to it), where the sentence asks ("we're going to it at
		// the top of the hour", "The statement came just before the top
		// of the hour" are none)
		if e := sc.words(i, gw.The, gw.Top, gw.Of, gw.The, gw.Hour); e > 0 && (sc.sentenceAsksNear(i) || sc.askedQuestion(i)) {
			now := sc.sent.In(sc.loc)
			next := time.Date(now.Year(), now.Month(), now.Day(), now.Hour()+1, 0, 0, 0, sc.loc)
			a.kind, a.start, a.end, a.dur, a.intrinsic = akRel, i, e, next.Sub(sc.sent), 1
			return true
		}
	}
	switch t.low {
	case gw.Noon, gw.Midday:
		return set(i+1, nkNoon)
	case gw.Mid:
		if e := sc.words(i, gw.Mid, gw.Day); e > 0 {
			return set(e, nkNoon)
		}
		if e := sc.words(i, gw.Mid, gw.Afternoon); e > 0 {
			return set(e, nkAfternoon)
		}
		return sc.shadedPart(i, a)
	case gw.Early, gw.Late:
		return sc.shadedPart(i, a)
	case gw.Overnight:
		// "Could you send something overnight?", "overnight is fine":
		// by the next morning (it needs a cue or a request; "The bill
		// became law overnight" has none)
		a.kind, a.start, a.end, a.named, a.date = akNamed, i, i+1, nkMorning, dkTomorrow
		return true
	case gw.Later:
		// "later today": today, as a day alone (it needs a cue)
		if e := sc.words(i, gw.Later, gw.Today); e > 0 {
			a.kind, a.start, a.end, a.date = akDate, i, e, dkToday
			return true
		}
	case gw.In:
		// "in the course of the day", "over the course of the day": today
		if e := sc.words(i, gw.In, gw.The, gw.Course, gw.Of, gw.The, gw.Day); e > 0 {
			a.kind, a.start, a.end, a.date = akDate, i, e, dkToday
			return true
		}
	case gw.Midnight:
		return set(i+1, nkMidnight)
	case gw.Lunchtime:
		return set(i+1, nkLunch)
	case gw.Lunch:
		if e := sc.words(i, gw.Lunch, gw.Time); e > 0 {
			return set(e, nkLunch)
		}
		return set(i+1, nkLunch)
	case gw.Tonight, gw.Tonite:
		a.kind, a.start, a.end, a.named, a.date = akNamed, i, i+1, nkEvening, dkToday
		return true
	case gw.This:
		switch {
		case sc.word(i+1, gw.Afternoon), sc.word(i+1, gw.Pm): // "this pm"
			return set(i+2, nkAfternoon)
		case sc.word(i+1, gw.Am): // "this am"
			return set(i+2, nkThisMorning)
		case sc.word(i+1, gw.Evening):
			return set(i+2, nkEvening)
		case sc.word(i+1, gw.Morning):
			return set(i+2, nkThisMorning)
		case sc.words(i, gw.This, gw.Week) > 0:
			return false
		}
	case gw.Am, gw.Pm, gw.A, gw.P:
		// "tmrw am", "Friday pm", "tomorrow a.m.": the morning or
		// afternoon of the day right before (an hour's am/pm is read
		// with its hour)
		e, v := i+1, 1
		if t.low == gw.A || t.low == gw.P {
			if e, v = sc.ampm(i); v == 0 {
				break
			}
		} else if t.low == gw.Pm {
			v = 2
		}
		if p := sc.tok(i - 1); p != nil && t.space && p.kind == tkWord && (p.low == gw.Tomorrow || p.low == gw.Tmrw || p.low == gw.Tmw || p.low == gw.Tomoz || p.low == gw.Today || p.cls&clsWeekday != 0) {
			a.kind, a.start, a.end, a.named = akDaypart, i, e, nkMorning
			if v == 2 {
				a.named = nkAfternoon
			}
			return true
		}
	case gw.Afternoon, gw.Evening, gw.Night, gw.Morning:
		a.kind, a.start, a.end, a.named = akDaypart, i, i+1, nkMorning
		switch t.low {
		case gw.Afternoon:
			a.named = nkAfternoon
		case gw.Evening, gw.Night:
			a.named = nkEvening
		}
		if sc.words(i-2, gw.In, gw.The) == i && !sc.toks[i-1].clauseBrk && !sc.toks[i-2].clauseBrk {
			a.start = i - 2 // "tomorrow in the morning": the day's part
		} else if sc.word(i-1, gw.In) && !sc.toks[i-1].clauseBrk && !t.clauseBrk {
			a.start = i - 1 // "today in afternoon" (the article left out)
		}
		return true
	case gw.First:
		if e := sc.words(i, gw.First, gw.Thing); e > 0 {
			if e2 := sc.words(e, gw.In, gw.The, gw.Morning); e2 > 0 {
				e = e2
			}
			// "first thing I'd like to ask" is not a deadline
			if n := sc.tok(e); n != nil && !n.sentStart && n.kind == tkWord && n.low == "" {
				return false
			}
			return set(e, nkFirstThing)
		}
	case gw.End, gw.Close:
		return sc.parseEndOf(i, a)
	case gw.Start, gw.Opening:
		// "by start of business tomorrow", "before the start of play":
		// first thing, after "by"/"before" only ("At the start of play
		// the minister spoke" is none)
		b := i - 1
		if sc.word(b, gw.The) {
			b--
		}
		if !sc.word(b, gw.By) && !sc.word(b, gw.Before) || !sc.word(i+1, gw.Of) {
			return false
		}
		j := i + 2
		if sc.word(j, gw.The) {
			j++
		}
		switch {
		case sc.word(j, gw.Business), sc.word(j, gw.Biz), sc.word(j, gw.Play):
			return set(j+1, nkFirstThing)
		case sc.words(j, gw.Working, gw.Day) > 0:
			return set(j+2, nkFirstThing)
		case sc.word(j, gw.Day):
			return set(j+1, nkFirstThing)
		}
	case gw.Weekend:
		// "before the weekend", "by the weekend": the end of the week
		b := i - 1
		if sc.word(b, gw.The) {
			b--
		}
		if sc.word(b, gw.Before) || sc.word(b, gw.By) {
			return set(i+1, nkEOW)
		}
	case gw.Eod, gw.Cob, gw.Eop, gw.Eob:
		return set(i+1, nkEOD)
	case gw.Cop:
		if !t.upper {
			return false // a "cop" is a police officer
		}
		if n := sc.tok(i + 1); n != nil && n.kind == tkNum && (!n.space || n.nd == 2) {
			return false // COP28, COP 29: the summit
		}
		if t.poss {
			return false
		}
		// "first day of COP", "at COP", "ahead of COP": the summit
		if p := sc.tok(i - 1); p != nil && !t.sentStart && p.kind == tkWord {
			switch p.low {
			case gw.Of, gw.At, gw.The, gw.To, gw.In, gw.From, gw.During, gw.After, gw.Attending, gw.Attend, gw.For, gw.This, gw.Next, gw.Last, gw.Since:
				return false
			}
		}
		return set(i+1, nkEOD)
	}
	// "e.o.d", "c.o.b", "c.o.p."
	if e := sc.dottedAbbrev(i); e > 0 {
		return set(e, nkEOD)
	}
	return false
}

// shadedParts are the finer parts of the day and the time each is read
// as (hour, minute): "early afternoon" 14:00, "late afternoon" 17:00,
// "mid-morning" 10:30 (see the package doc).
var shadedParts = map[[2]string][2]int{}

func init() {
	for _, p := range []struct {
		shade, part string
		h, m        int
	}{
		{gw.Early, gw.Morning, 9, 0}, {gw.Mid, gw.Morning, 10, 30}, {gw.Late, gw.Morning, 12, 0},
		{gw.Early, gw.Afternoon, 14, 0}, {gw.Late, gw.Afternoon, 17, 0},
		{gw.Early, gw.Evening, 18, 0},
	} {
		shadedParts[[2]string{p.shade, p.part}] = [2]int{p.h, p.m}
	}
}

// shadedPart reads "early afternoon", "mid-morning", "late evening" (and
// "in the late afternoon") at token i: the part of the day, read at its
// own time (shadedParts) on today or the day named next to it.
func (sc *scanner) shadedPart(i int, a *atom) bool {
	t := &sc.toks[i]
	// "late this afternoon", "early tomorrow afternoon", "late Friday
	// afternoon": the day between the shade and the part
	p, date := i+1, dkNone
	var wd time.Weekday
	if n := sc.tok(p); n != nil && n.kind == tkWord {
		switch {
		case n.low == gw.This:
			p, date = p+1, dkToday
		case n.low == gw.Tomorrow || n.low == gw.Tmrw:
			p, date = p+1, dkTomorrow
		case n.cls&clsWeekday != 0 && !ambiguousWeekday(n.low):
			p, date, wd = p+1, dkWeekday, weekdayWords[n.low]
		}
	}
	for _, part := range [...]string{gw.Morning, gw.Afternoon, gw.Evening} {
		hm, ok := shadedParts[[2]string{t.low, part}]
		if !ok {
			continue
		}
		e := sc.words(i, t.low, part)
		if date != dkNone {
			if !sc.word(p, part) || date == dkToday && part == gw.Morning {
				continue // ("early this morning" is past, not a deadline)
			}
			e = p + 1
		}
		if e < 0 {
			continue
		}
		a.kind, a.start, a.end, a.shaded, a.shadeH, a.shadeM = akNamed, i, e, true, hm[0], hm[1]
		if date != dkNone {
			a.date = date
			if date == dkWeekday {
				a.wd, a.hasWD = wd, true
			}
		}
		switch part {
		case gw.Morning:
			a.named = nkMorning
		case gw.Afternoon:
			a.named = nkAfternoon
		default:
			a.named = nkEvening
		}
		if sc.words(i-2, gw.In, gw.The) == i && !sc.toks[i-1].clauseBrk && !sc.toks[i-2].clauseBrk {
			a.start = i - 2 // "in the late afternoon"
		}
		return true
	}
	return false
}

// dottedAbbrev reads "e.o.d", "c.o.b.", "c.o.p" at token i and returns the
// end index, or -1.
func (sc *scanner) dottedAbbrev(i int) int {
	var b [3]byte
	j := i
	for k := 0; k < 3; k++ {
		t := sc.tok(j)
		if t == nil || t.kind != tkWord || t.end-t.start != 1 || k > 0 && t.space {
			return -1
		}
		b[k] = sc.text[t.start] | 0x20
		j++
		if k < 2 || sc.punct(j, ".") && sc.glued(j) {
			if !sc.punct(j, ".") || !sc.glued(j) {
				return -1
			}
			j++
		}
	}
	switch string(b[:]) {
	case gw.Eod, gw.Cob, gw.Cop, gw.Eop:
		return j
	}
	return -1
}

// parseEndOf reads "end of (the) day", "end of today", "end of play",
// "close of play", "close of business", "end of the working day", "end of
// the week".
func (sc *scanner) parseEndOf(i int, a *atom) bool {
	if sc.word(i-1, gw.The) && sc.word(i-2, gw.At) {
		return false // "at the end of the day, ..." is an idiom
	}
	j := i + 1
	if !sc.word(j, gw.Of) {
		// "by close today", "before close Friday": close of business
		if t := &sc.toks[i]; t.low == gw.Close && (sc.word(i-1, gw.By) || sc.word(i-1, gw.Before)) {
			if n := sc.tok(j); n != nil && n.kind == tkWord && (n.low == gw.Today || n.low == gw.Tomorrow || n.cls&clsWeekday != 0) {
				a.kind, a.start, a.end, a.named = akNamed, i, j, nkEOD
				return true
			}
			// "By close please.", "Could you reply by close?": close
			// alone ending its clause where the sentence asks ("Shares
			// fell by close." is none)
			if n := sc.tok(j); (n == nil || n.sentStart || n.clauseBrk || n.kind == tkPunct && n.low != "-" || n.low == gw.Please || n.low == gw.Pls) &&
				(sc.sentenceAsksNear(i) || sc.askedQuestion(i)) {
				a.kind, a.start, a.end, a.named = akNamed, i, j, nkEOD
				return true
			}
		}
		return false
	}
	j++
	if sc.word(j, gw.The) || sc.word(j, gw.This) {
		j++
	}
	if sc.word(j, gw.Working) || sc.word(j, gw.Work) || sc.word(j, gw.Business) && sc.word(j+1, gw.Day) {
		if sc.word(j+1, gw.Day) {
			j++
		}
	}
	n := sc.tok(j)
	if n == nil || n.kind != tkWord {
		return false
	}
	a.kind, a.start, a.named = akNamed, i, nkEOD
	if e := sc.words(j, gw.Next, gw.Week); e > 0 {
		// "by the end of next week": next week's Friday, 17:00
		a.end, a.date, a.wd, a.hasWD, a.mod = e, dkWeekday, time.Friday, true, dmNext
		return true
	}
	switch n.low {
	case gw.Morning:
		// "by the end of the morning": noon
		a.end, a.named = j+1, nkNoon
	case gw.Afternoon:
		// "by the end of the afternoon": the end of the working day
		a.end = j + 1
	case gw.Day, gw.Play, gw.Business, gw.Biz: // "close of biz"
		a.end = j + 1
		if sc.word(j+1, gw.Today) {
			a.end, a.date = j+2, dkToday
		}
		// "end of play Wednesday", "close of business tomorrow": the day
		// is the atom's own (not joined to a day said before it: "not
		// for today, end of play Wednesday")
		if n := sc.tok(j + 1); n != nil && n.kind == tkWord && !n.sentStart && !n.clauseBrk {
			if n.low == gw.Tomorrow || n.low == gw.Tmrw {
				a.end, a.date = j+2, dkTomorrow
			} else if wd, ok := weekdayWords[n.low]; ok && (!ambiguousWeekday(n.low) || n.capital) {
				a.end, a.date, a.wd, a.hasWD = j+2, dkWeekday, wd, true
			}
		}
	case gw.Today:
		a.end, a.date = j+1, dkToday
	case gw.Tomorrow, gw.Tmrw:
		a.end, a.date = j+1, dkTomorrow
	case gw.Week:
		a.end, a.named = j+1, nkEOW
	default:
		if wd, ok := weekdayWords[n.low]; ok && !ambiguousWeekday(n.low) {
			a.end, a.date, a.wd, a.hasWD = j+1, dkWeekday, wd, true
			return true
		}
		return false
	}
	return true
}

// parseDate reads today/tomorrow/yesterday, weekdays with this/next, and
// explicit dates ("22 Nov", "Nov 22nd", "22nd of November 2023", "22/11",
// "2023-11-22", "Wed 22 Nov"), and "the 22nd".
func (sc *scanner) parseDate(i int, a *atom) bool {
	t := &sc.toks[i]
	a.kind, a.start = akDate, i
	if t.kind == tkWord {
		switch t.low {
		case gw.Today:
			a.end, a.date = i+1, dkToday
			return true
		case gw.Tomorrow, gw.Tmrw, gw.Tmw, gw.Tomoz:
			a.end, a.date = i+1, dkTomorrow
			return true
		case gw.Yesterday:
			a.end, a.date = i+1, dkYesterday
			return true
		case gw.This, gw.Next, gw.Coming:
			j := i + 1
			mod := dmThis
			if t.low == gw.Next {
				mod = dmNext
				if sc.word(j, gw.Week) && !sc.punct(j+1, ",") {
					j++ // "next week Friday" (Dutch "volgende week vrijdag")
				}
			}
			if t.low == gw.Coming {
				mod = dmComing
			}
			if t.low == gw.This && sc.word(j, gw.Coming) {
				j, mod = j+1, dmComing
			}
			if n := sc.tok(j); n != nil && n.cls&clsWeekday != 0 {
				wd := weekdayWords[n.low]
				a.end, a.date, a.wd, a.hasWD, a.mod = j+1, dkWeekday, wd, true, mod
				sc.explicitAfterWeekday(a)
				return true
			}
			return false
		case gw.The:
			if e := sc.words(i, gw.The, gw.Day, gw.After, gw.Tomorrow); e > 0 {
				// "the day after tomorrow" ("übermorgen", "après-demain")
				a.end, a.date = e, dkAfterTomorrow
				return true
			}
			// "the 22nd"
			if n := sc.tok(i + 1); n != nil && n.kind == tkNum && n.nd <= 2 && n.val >= 1 && n.val <= 31 && sc.ordinal(i+2) {
				e := i + 3
				if _, ok := sc.monthAt(e + boolInt(sc.word(e, gw.Of))); ok {
					return false // "the 22nd of November": read from the number
				}
				a.end, a.date, a.day = e, dkDayOfMonth, n.val
				return true
			}
			return false
		}
		if wd, ok := weekdayOf(t); ok {
			if ambiguousWeekday(t.low) && !t.capital {
				// "wed", "sat" in lower case are words, unless a cue is
				// right before or a day or time right after ("deadline's
				// wed 11th, 3pm", "by wed 3pm")
				n := sc.tok(i + 1)
				cue := sc.word(i-1, gw.By) || sc.word(i-1, gw.Deadline) || sc.word(i-1, gw.Before)
				if !cue && (n == nil || n.kind != tkNum || !n.space) {
					return false
				}
			}
			a.end, a.date, a.wd, a.hasWD = i+1, dkWeekday, wd, true
			a.weakWD = ambiguousWeekday(t.low)
			if sc.punct(a.end, ".") && sc.glued(a.end) && len(t.low) <= 4 {
				if n := sc.tok(a.end + 1); n != nil && !n.sentStart {
					a.end++ // "Wed. 22 Nov"
				}
			}
			sc.explicitAfterWeekday(a)
			return true
		}
		if mo, ok := sc.monthAt(i); ok {
			// "Nov 22", "November 22nd 2023", "Oct. 20"
			dot := 0
			if sc.punct(i+1, ".") && sc.monthAbbrevDot(i+1) {
				dot = 1
			}
			n := sc.tok(i + 1 + dot)
			if n == nil || n.kind != tkNum || n.nd > 2 || n.val < 1 || n.val > 31 || !n.space {
				return false
			}
			if (t.low == gw.May || t.low == gw.March) && !t.capital {
				return false
			}
			// "Nov 10am": the number is a time
			k := i + 2 + dot
			if nn := sc.tok(k); nn != nil && !nn.space && (nn.kind == tkPunct && (nn.low == ":" || nn.low == ".") && sc.tok(k+1) != nil && sc.toks[k+1].kind == tkNum && !sc.toks[k+1].space ||
				nn.kind == tkWord && (nn.low == gw.Am || nn.low == gw.Pm || nn.low == gw.H)) {
				return false
			}
			e := k
			if sc.ordinal(e) {
				e++
			}
			a.end, a.date, a.month, a.day = e, dkExplicit, mo, n.val
			sc.yearAfter(a)
			return true
		}
		return false
	}
	if t.kind != tkNum {
		return false
	}
	if p := sc.tok(i - 1); p != nil && !t.space && p.kind != tkPunct {
		return false
	}
	// ISO 2023-11-22
	if t.nd == 4 && sc.punct(i+1, "-") && sc.glued(i+1) {
		mo, d := sc.tok(i+2), sc.tok(i+4)
		if mo != nil && d != nil && mo.kind == tkNum && !mo.space && sc.punct(i+3, "-") && sc.glued(i+3) && d.kind == tkNum && !d.space &&
			mo.val >= 1 && mo.val <= 12 && d.val >= 1 && d.val <= 31 && t.val >= 1900 && t.val <= 2200 {
			a.end, a.date, a.year, a.month, a.day = i+5, dkExplicit, t.val, time.Month(mo.val), d.val
			return true
		}
		return false
	}
	if t.nd > 2 || t.val < 1 || t.val > 31 {
		return false
	}
	// 22/11, 22/11/2023, 22/11/23 (UK day/month)
	if sc.punct(i+1, ".") && sc.glued(i+1) && sc.punct(i+3, ".") && sc.glued(i+3) {
		// "18.01.2024", "18.01.24": a day, month and year with full
		// stops (without the year "18.01" is a time)
		mo, y := sc.tok(i+2), sc.tok(i+4)
		if mo != nil && mo.kind == tkNum && !mo.space && mo.nd <= 2 && mo.val >= 1 && mo.val <= 12 && t.nd <= 2 &&
			y != nil && y.kind == tkNum && !y.space && (y.nd == 4 || y.nd == 2) {
			if n := sc.tok(i + 5); n == nil || !(n.kind == tkPunct && n.low == "." && sc.glued(i+5) && sc.tok(i+6) != nil && sc.tok(i+6).kind == tkNum && !sc.tok(i+6).space) {
				a.end, a.date, a.month, a.day = i+5, dkExplicit, time.Month(mo.val), t.val
				a.year = y.val
				if y.nd == 2 {
					a.year = 2000 + y.val
				}
				return true
			}
		}
	}
	if sc.punct(i+1, ".") && sc.glued(i+1) {
		// "15.11", "28.10": a day and month where no clock can be (the
		// minutes off the five-minute marks, or the hour past 23; "17.05",
		// "18.30" stay clocks), or after its weekday, or with its full
		// stop before a time ("Monday 15.10", "15.10. 14:00")
		mo := sc.tok(i + 2)
		weekday := false // "Monday 15.10", "lundi 15.10": a date after its weekday
		if p := sc.tok(i - 1); p != nil && p.kind == tkWord && p.cls&clsWeekday != 0 {
			weekday = true
		}
		dotTime := sc.punct(i+3, ".") && sc.dayMonthDot(i+3) && sc.tok(i+4).kind == tkNum // "15.10. 14:00"
		if mo != nil && mo.kind == tkNum && !mo.space && !mo.qty && mo.nd == 2 && mo.val >= 1 && mo.val <= 12 && (mo.val%5 != 0 || t.val >= 24 || weekday || dotTime) &&
			!(sc.punct(i+3, ".") && sc.tok(i+4) != nil && !sc.toks[i+4].space || sc.punct(i+3, ":") || sc.punct(i+3, "/")) && !sc.quantityFollows(i+3) {
			if n := sc.tok(i + 3); n == nil || n.space || n.kind == tkPunct {
				a.end, a.date, a.month, a.day = i+3, dkExplicit, time.Month(mo.val), t.val
				if sc.punct(i+3, ".") && sc.dayMonthDot(i+3) {
					a.end++ // "11.03. 14:00": the date's full stop
				}
				return true
			}
		}
	}
	if sc.punct(i+1, "/") && sc.glued(i+1) {
		mo := sc.tok(i + 2)
		if mo == nil || mo.kind != tkNum || mo.space || mo.nd > 2 || mo.val < 1 || mo.val > 31 {
			return false
		}
		day, month := t.val, mo.val
		if month > 12 {
			if day > 12 {
				return false
			}
			day, month = month, day // "11/15": the US order, where only it can be
		} else if !sc.punct(i+3, "/") && day <= 12 && !sc.dayMonthNear(day, month) && sc.dayMonthNear(month, day) {
			// "by 12/4" said on 1 December: the US 4 December, as the
			// 12th of April is no deadline of this message ("5/12" said
			// in October stays the 5th of December)
			day, month = month, day
		}
		a.end, a.date, a.month, a.day = i+3, dkExplicit, time.Month(month), day
		if sc.punct(i+3, "/") && sc.glued(i+3) {
			y := sc.tok(i + 4)
			if y == nil || y.kind != tkNum || y.space {
				return false
			}
			switch {
			case y.nd == 4:
				a.year = y.val
			case y.nd == 2:
				a.year = 2000 + y.val
			default:
				return false
			}
			a.end = i + 5
		}
		return true
	}
	// "15-XI", "15.XI.", "15/XI", "15 XI" (a month in Roman numerals, as
	// Polish, Serbian and Russian mail writes it; a lone "I", "V" or "X"
	// after a space is a letter)
	if sep := sc.tok(i + 1); sep != nil && (sep.kind == tkPunct && !sep.space && (sep.low == "-" || sep.low == "." || sep.low == "/") || sep.kind == tkWord) {
		r := i + 1
		if sep.kind == tkPunct {
			r++
		}
		if mt := sc.tok(r); mt != nil && mt.kind == tkWord && (r == i+2 && (!mt.space || sep.low == "." && mt.end-mt.start >= 2) || r == i+1 && mt.end-mt.start >= 2) {
			if mo := romanMonth(sc.text[mt.start:mt.end]); mo > 0 {
				a.end, a.date, a.month, a.day = r+1, dkExplicit, time.Month(mo), t.val
				if sc.punct(a.end, ".") && sc.glued(a.end) {
					if n := sc.tok(a.end + 1); n != nil && !n.sentStart {
						a.end++ // "15.XI. 12:00"
					}
				}
				sc.yearAfter(a)
				return true
			}
		}
	}
	// "15-го ноября", "do 15-go listopada", "до 15-го": a day's ordinal
	// written after a hyphen (deadline.day_ordinals; "до 17-ти часов" is
	// an hour)
	if sc.punct(i+1, "-") && sc.glued(i+1) {
		if sfx := sc.tok(i + 2); sfx != nil && sfx.kind == tkWord && !sfx.space && dayOrdinals[strings.ToLower(sc.text[sfx.start:sfx.end])] {
			if mo, ok := sc.monthAt(i + 3); ok {
				a.end, a.date, a.month, a.day = i+4, dkExplicit, mo, t.val // (the month says it is a day: "15-go listopada")
				sc.yearAfter(a)
				return true
			}
			if p := sc.tok(i - 1); p != nil && p.kind == tkWord && (p.low == gw.By || p.low == gw.Before || p.low == gw.Until || p.low == gw.Deadline) {
				a.end, a.date, a.day = i+3, dkDayOfMonth, t.val
				return true
			}
		}
	}
	// "19-Oct", "19-Oct-23", "19-October-2023" (as spreadsheets and
	// hurried mail write a date; "by 6-may" in lower case is none)
	if sc.punct(i+1, "-") && sc.glued(i+1) && t.nd <= 2 && t.val >= 1 && t.val <= 31 {
		if mt := sc.tok(i + 2); mt != nil && mt.kind == tkWord && !mt.space {
			if mo, ok := sc.monthAt(i + 2); ok && (mt.low != gw.May && mt.low != gw.March || mt.capital) {
				a.end, a.date, a.month, a.day = i+3, dkExplicit, mo, t.val
				if y := sc.tok(i + 4); y != nil && sc.punct(i+3, "-") && sc.glued(i+3) && y.kind == tkNum && !y.space && (y.nd == 2 || y.nd == 4) {
					a.end, a.year = i+5, y.val
					if y.nd == 2 {
						a.year += 2000
					}
				}
				return true
			}
		}
	}
	// "22 Nov", "22nd November", "22nd of Nov 2023"
	e := i + 1
	if sc.ordinal(e) {
		e++
	}
	if sc.word(e, gw.Of) {
		e++
	}
	mo, ok := sc.monthAt(e)
	if !ok {
		return false
	}
	if ml := sc.toks[e].low; (ml == gw.May || ml == gw.March) && !sc.toks[e].capital && e == i+1 {
		// "by 6 may" — lower-case modal verb
		return false
	}
	a.end, a.date, a.month, a.day = e+1, dkExplicit, mo, t.val
	if sc.punct(a.end, ".") && sc.glued(a.end) && len(sc.toks[e].low) <= 4 {
		if n := sc.tok(a.end + 1); n != nil && !n.sentStart {
			a.end++ // "22 Nov. 10am"
		}
	}
	sc.yearAfter(a)
	return true
}

// romanMonth reads a month written in capital Roman numerals ("XI" is
// 11), or 0.
func romanMonth(s string) int {
	if len(s) > 4 {
		return 0
	}
	val := func(c byte) int {
		switch c {
		case 'I':
			return 1
		case 'V':
			return 5
		case 'X':
			return 10
		}
		return 0
	}
	n := 0
	for k := 0; k < len(s); k++ {
		v := val(s[k])
		if v == 0 {
			return 0
		}
		if k+1 < len(s) && val(s[k+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	if n < 1 || n > 12 || romanNumeral(n) != s {
		return 0
	}
	return n
}

// romanNumeral writes 1-12 in Roman numerals.
func romanNumeral(n int) string {
	var b []byte
	for ; n >= 10; n -= 10 {
		b = append(b, 'X')
	}
	switch {
	case n == 9:
		b, n = append(b, 'I', 'X'), 0
	case n >= 5:
		b, n = append(b, 'V'), n-5
	case n == 4:
		b, n = append(b, 'I', 'V'), 0
	}
	for ; n > 0; n-- {
		b = append(b, 'I')
	}
	return string(b)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ordinal reports whether token i is a glued ordinal suffix (22nd).
func (sc *scanner) ordinal(i int) bool {
	t := sc.tok(i)
	if t == nil || t.kind != tkWord || t.space {
		return false
	}
	switch t.low {
	case gw.St, gw.Nd, gw.Rd, gw.Th:
		return true
	}
	return false
}

func (sc *scanner) monthAt(i int) (time.Month, bool) {
	t := sc.tok(i)
	if t == nil || t.kind != tkWord || t.cls&clsMonth == 0 {
		return 0, false
	}
	m, ok := monthWords[t.low]
	return m, ok
}

// yearAfter consumes a 4-digit year after an explicit date.
func (sc *scanner) yearAfter(a *atom) {
	j := a.end
	if sc.punct(j, ",") {
		j++
	}
	if y := sc.tok(j); y != nil && y.kind == tkNum && y.nd == 4 && y.val >= 1900 && y.val <= 2200 {
		if nn := sc.tok(j + 1); nn != nil && !nn.space && nn.kind == tkWord {
			return // "1600hrs"
		}
		a.year = y.val
		a.end = j + 1
	}
}

// explicitAfterWeekday extends a weekday atom with a following explicit date
// ("Wed 22 Nov", "Wednesday, 22nd November", "Wed 22/11").
func (sc *scanner) explicitAfterWeekday(a *atom) {
	j := a.end
	// "Friday next week", "the Friday of next week": next week's Friday
	if a.mod == dmNone {
		k := j
		if sc.word(k, gw.Of) {
			k++
		}
		if e := sc.words(k, gw.Next, gw.Week); e > 0 {
			a.mod, a.end = dmNext, e
			return
		}
		if sc.word(j, gw.Coming) {
			// "Friday coming" ("vendredi prochain", "الجمعة القادم" rewritten)
			a.mod, a.end = dmComing, j+1
			return
		}
	}
	if sc.punct(j, ",") {
		j++
	}
	if sc.word(j, gw.The) {
		j++
	}
	t := sc.tok(j)
	// A date after a weekday starts with a number or a month, never with
	// another weekday (reading on through "Monday Monday …" was quadratic).
	if t == nil || (t.kind != tkNum && t.kind != tkWord) || t.cls&clsWeekday != 0 {
		return
	}
	var b atom
	if !sc.parseDate(j, &b) || b.date != dkExplicit {
		// "Tuesday 24th": a day of the month without the month
		if t.kind == tkNum && t.nd <= 2 && t.val >= 1 && t.val <= 31 && sc.ordinal(j+1) {
			a.date, a.day, a.end, a.weakWD = dkDayOfMonth, t.val, j+2, false
		}
		// "jeudi 21, 12h": a day of the month, a comma and its time
		if t.kind == tkNum && t.nd <= 2 && t.val >= 1 && t.val <= 31 && sc.punct(j+1, ",") {
			if n := sc.tok(j + 2); n != nil && n.kind == tkNum && n.nd <= 2 && n.space {
				a.date, a.day, a.end, a.weakWD = dkDayOfMonth, t.val, j+1, false
			}
		}
		// "Donnerstag, den 21., 12 Uhr": the day written as an ordinal
		// with a full stop, then a comma or its time
		if t.kind == tkNum && t.nd <= 2 && t.val >= 1 && t.val <= 31 && sc.punct(j+1, ".") && sc.glued(j+1) {
			if n := sc.tok(j + 2); n != nil && !n.sentStart && (n.kind == tkPunct && n.low == "," || n.kind == tkNum && n.space || n.kind == tkWord && n.low == gw.At) {
				a.date, a.day, a.end, a.weakWD = dkDayOfMonth, t.val, j+2, false
			}
		}
		return
	}
	a.date, a.year, a.month, a.day, a.end = dkExplicit, b.year, b.month, b.day, b.end
	a.weakWD = false
}

// parseRelative reads "within the hour", "in two hours", "within 30 minutes",
// "in the next 45 mins", "in an hour's time", "2 hours from now" (from the
// number), "half an hour".
func (sc *scanner) parseRelative(i int, a *atom) bool {
	t := &sc.toks[i]
	if t.low != gw.Within && t.low != gw.In && t.low != gw.Over {
		return false
	}
	if t.low == gw.Over && (!sc.word(i+1, gw.The) || !sc.word(i+2, gw.Next)) {
		return false // "over the next two hours" is within them; "over two hours" is more than
	}
	j := i + 1
	next := false
	// non-native "within max. 2 hours", "in maximum two hours", "within a
	// maximum of two hours": the span
	if sc.word(j, gw.Max) || sc.word(j, gw.Maximum) {
		j++
		if sc.punct(j, ".") && sc.glued(j) {
			j++
		}
	} else if sc.words(j, gw.A, gw.Maximum, gw.Of) > 0 {
		j += 3
	}
	if sc.word(j, gw.The) {
		j++
		if sc.word(j, gw.Next) {
			j++
			next = true
		} else if sc.word(j, gw.Hour) {
			// "within the hour" (not "in the hour")
			if t.low != gw.Within {
				return false
			}
			a.kind, a.start, a.end, a.dur, a.intrinsic = akRel, i, j+1, time.Hour, 2
			return true
		} else {
			return false
		}
	} else if sc.word(j, gw.Next) {
		j++
		next = true
	}
	d, e, ok := sc.duration(j)
	if !ok {
		if next && (sc.word(j, gw.Hour) || sc.word(j, gw.Hr)) {
			d, e, ok = time.Hour, j+1, true
		} else if n := sc.tok(j); n != nil && n.kind == tkNum && !n.qty && n.nd == 2 && n.val >= 10 && n.val <= 55 && n.val%5 == 0 && sc.clauseEndsAt(j+1) && !sc.punct(j+1, "/") && !sc.punct(j+1, "-") {
			// "Need it in 30.", "Need something in the next 20.": a bare
			// number of minutes ending its clause (scored as any span:
			// "I'll call you in 30" has no cue)
			d, e, ok = time.Duration(n.val)*time.Minute, j+1, true
		} else {
			return false
		}
	}
	// "in an hour's time", "in 2 hours time", "in 2 hours from now"
	if sc.word(e, gw.Time) {
		e++
	} else if f := sc.words(e, gw.From, gw.Now); f > 0 {
		e = f
	}
	if d <= 0 || d > maxRelative {
		return false
	}
	a.kind, a.start, a.end, a.dur = akRel, i, e, d
	switch {
	case t.low == gw.Within:
		a.intrinsic = 2
	case next:
		a.intrinsic = 1
	}
	return true
}

// duration reads "two hours", "an hour", "half an hour", "an hour and a
// half", "90 minutes", "1.5 hours", "a couple of hours", "45 mins", "2h".
func (sc *scanner) duration(j int) (time.Duration, int, bool) {
	if e := sc.words(j, gw.Half, gw.An, gw.Hour); e > 0 {
		return 30 * time.Minute, e, true
	}
	if e := sc.words(j, gw.Half, gw.Hour); e > 0 {
		return 30 * time.Minute, e, true
	}
	if e := sc.words(j, gw.A, gw.Half, gw.Hour); e > 0 {
		return 30 * time.Minute, e, true
	}
	var q float64
	t := sc.tok(j)
	if t == nil {
		return 0, 0, false
	}
	e := j + 1
	switch {
	case t.kind == tkNum && !t.qty && t.val >= 0 && t.nd <= 3:
		q = float64(t.val)
		if sc.punct(e, ".") && sc.glued(e) {
			if f := sc.tok(e + 1); f != nil && f.kind == tkNum && !f.space && f.nd == 1 {
				q += float64(f.val) / 10
				e += 2
			}
		}
		if sc.punct(e, "-") || sc.word(e, gw.To) || sc.word(e, gw.Or) {
			if n := sc.tok(e + 1); n != nil && (n.kind == tkNum || numberWords[n.low] > 0) {
				return 0, 0, false // a range: "10-12 weeks", "2 or 3 hours"
			}
		}
	case t.low == gw.Couple && sc.word(e, gw.Of):
		q, e = 2, e+1
	case t.low == gw.Hour && sc.words(e, gw.And, gw.A, gw.Half) > 0:
		// "in hour and a half" (Serbian "za sat i po" as rewritten)
		return 90 * time.Minute, e + 3, true
	case t.low == gw.An || t.low == gw.A || t.low == gw.One:
		q = 1
		if sc.word(e, gw.Couple) && sc.word(e+1, gw.Of) {
			q, e = 2, e+2
		} else if sc.word(e, gw.Few) {
			return 0, 0, false
		}
	case numberWords[t.low] > 0:
		q = float64(numberWords[t.low])
		if sc.punct(e, "-") {
			if n := sc.tok(e + 1); n != nil && numberWords[n.low] > 0 && numberWords[n.low] < 10 && q >= 20 {
				q += float64(numberWords[n.low]) // forty-five
				e += 2
			}
		}
		if sc.word(e, gw.Or) || sc.word(e, gw.To) || sc.punct(e, "-") {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	if k := sc.words(e, gw.And, gw.A, gw.Half); k > 0 {
		q, e = q+0.5, k // "one and a half hours"
	}
	u := sc.tok(e)
	if u == nil || u.kind != tkWord {
		return 0, 0, false
	}
	var unit time.Duration
	switch u.low {
	case gw.Hour, gw.Hours, gw.Hr, gw.Hrs:
		unit = time.Hour
	case gw.H:
		if u.space {
			return 0, 0, false
		}
		unit = time.Hour
	case gw.Minute, gw.Minutes, gw.Min, gw.Mins:
		unit = time.Minute
	case gw.Day, gw.Days:
		// "within a day", "within two days" (up to the 72 hours a span
		// may be; "20 working days" has no unit here)
		if q > 3 {
			return 0, 0, false
		}
		unit = 24 * time.Hour
	default:
		return 0, 0, false
	}
	e++
	d := time.Duration(q * float64(unit))
	if unit == time.Hour {
		m, me := sc.spanMinutes(e)
		d += m
		e = me
	}
	return d.Round(time.Second), e, true
}

// spanMinutes reads the minutes after a span's hours at j: "and a half",
// "and twenty minutes", "and 15 mins", also without "and" ("an hour
// twenty minutes", "an hour and half"), and a bare number of minutes
// that ends its clause ("in an hour twenty.", as French "dans une heure
// vingt" and Russian "через час двадцать" read). It returns 0 and j when
// none follows ("two hours twenty people" is two hours).
func (sc *scanner) spanMinutes(j int) (time.Duration, int) {
	k := j
	if sc.word(k, gw.And) {
		k++
	}
	if e := sc.words(k, gw.A, gw.Half); e > 0 {
		return 30 * time.Minute, e
	}
	if sc.word(k, gw.Half) {
		return 30 * time.Minute, k + 1
	}
	// "an hour and twenty minutes", "2 hours and 15 mins" (one level:
	// "an hour and an hour and …" is not read on and on)
	if !sc.inSpan {
		sc.inSpan = true
		m, me, ok := sc.duration(k)
		sc.inSpan = false
		if ok && m < time.Hour && m > 0 {
			return m, me
		}
	}
	// a bare number of minutes ending the clause: "an hour twenty.",
	// "1h20"
	n := sc.tok(k)
	if n == nil {
		return 0, j
	}
	v, e := -1, k+1
	switch {
	case n.kind == tkNum && n.nd <= 2 && !n.qty:
		v = n.val
	case n.kind == tkWord && numberWords[n.low] > 0:
		v = numberWords[n.low]
		if sc.punct(e, "-") {
			if u := sc.tok(e + 1); u != nil && numberWords[u.low] > 0 && numberWords[u.low] < 10 && v >= 20 {
				v += numberWords[u.low] // forty-five
				e += 2
			}
		}
	}
	if v < 1 || v > 59 {
		return 0, j
	}
	if t := sc.tok(e); t != nil && t.kind != tkPunct && !t.clauseBrk {
		return 0, j
	}
	return time.Duration(v) * time.Minute, e
}

// parseZone extends a clock or named atom with a zone: "17:00 GMT", "3pm
// CET", "14:00 London", "noon UK time", "9am (ET)", "4pm our time",
// "GMT+1", "10:00Z".
func (sc *scanner) parseZone(a *atom) {
	j := a.end
	if a.kind == akClock && (sc.word(j, gw.H) || sc.word(j, gw.Hours) || sc.word(j, gw.Hrs)) {
		// "15.00 h Rome time", "16.00 hours Belgrade time": the zone after
		// the hour's word
		if n := sc.tok(j + 1); n != nil && n.kind == tkWord && (zonePlaces[n.low] != "" || isZoneAbbrev(n)) {
			end := a.end
			a.end = j + 1
			if sc.parseZone(a); a.zone == nil && !a.zoneSent {
				a.end = end
			}
			return
		}
	}
	// "by 3 pm of Paris", "18:00 hour of Moscow" (a city after "of"):
	// its zone
	if k := j + boolInt(sc.word(j, gw.Hour) || sc.word(j, gw.Time)); sc.word(k, gw.Of) {
		if c := sc.tok(k + 1); c != nil && c.kind == tkWord && c.capital && !c.sentStart && !zoneRegions[c.low] {
			if name, ok := zonePlaces[c.low]; ok {
				a.zone, a.end = namedZone(name, sc.loc), k+2
				return
			}
		}
	}
	paren, comma := false, false
	if sc.punct(j, "(") {
		paren = true
		j++
	} else if sc.punct(j, ",") {
		comma = true
		j++
	}
	t := sc.tok(j)
	if t == nil || t.kind != tkWord {
		return
	}
	if t.sentStart && !paren {
		return
	}
	if comma {
		// "before noon, Paris time", "by 4pm, CET": after a comma only a
		// zone that ends with "time" or an abbreviation in capitals
		end := a.end
		_, abbrev := zoneAbbrevs[t.low]
		abbrev = abbrev && t.upper
		defer func() {
			if a.end != end && !abbrev && !sc.word(a.end-1, gw.Time) {
				a.zone, a.zoneSent, a.end = nil, false, end
			}
		}()
	}
	var zl *time.Location
	e := j + 1
	if zs, ok := zoneAbbrevs[t.low]; ok {
		if zs.caps && !t.upper {
			return
		}
		if t.low == gw.Z && t.space {
			return
		}
		if zs.name != "" {
			zl = namedZone(zs.name, sc.loc)
		} else {
			zl = fixedZone(zs.offset)
		}
		// "GMT+1", "UTC-5", "UTC+05:30", "GMT +2"
		if (t.low == gw.Gmt || t.low == gw.Utc) && (sc.punct(e, "+") || sc.punct(e, "-") || sc.punct(e, "−")) && (sc.glued(e) || sc.glued(e+1)) {
			if n := sc.tok(e + 1); n != nil && n.kind == tkNum && !n.space && n.val <= 14 {
				off := n.val * 3600
				k := e + 2
				if sc.punct(k, ":") && sc.glued(k) {
					if mm := sc.tok(k + 1); mm != nil && mm.kind == tkNum && mm.nd == 2 && !mm.space {
						off += mm.val * 60
						k += 2
					}
				}
				if !sc.punct(e, "+") {
					off = -off
				}
				zl, e = fixedZone(off), k
			}
		}
		if sc.word(e, gw.Time) {
			e++
		}
	} else {
		switch t.low {
		case gw.Local, gw.Our, gw.My:
			if !sc.word(e, gw.Time) {
				if t.low != gw.Local || !sc.clauseEndsAt(e) && !sc.word(e, gw.Please) && !sc.word(e, gw.Pls) {
					return
				}
				// "until 17:00 local, for our main edition": local time
				e--
			}
			a.zoneSent = true
			a.end = e + 1
			if paren && sc.punct(a.end, ")") {
				a.end++
			}
			// "17h local time (Athens)": the place says which
			if !paren && sc.punct(a.end, "(") && sc.punct(a.end+2, ")") {
				if c := sc.tok(a.end + 1); c != nil && c.kind == tkWord && c.capital {
					if name, ok := zonePlaces[c.low]; ok && !zoneRegions[c.low] {
						a.zone, a.zoneSent, a.end = namedZone(name, sc.loc), false, a.end+3
					}
				}
			}
			return
		case gw.Your:
			if !sc.word(e, gw.Time) {
				return
			}
			zl, e = sc.loc, e+1
		case gw.New, gw.Tel, gw.Hong:
			if n := sc.tok(e); n != nil && n.kind == tkWord {
				if name, ok := zonePlaces[n.low]; ok && (n.low == gw.York || n.low == gw.Aviv || n.low == gw.Kong) {
					zl, e = namedZone(name, sc.loc), e+1
				}
			}
			if zl == nil {
				// "New Delhi time"
				if zl, e = sc.twoWordPlace(t, e); zl == nil {
					return
				}
			} else if sc.word(e, gw.Time) {
				e++
			}
		case gw.Central, gw.Eastern, gw.Western:
			// "Central European Time", "Eastern European Summer Time",
			// "Western Europe time"
			if z, k := sc.europeanZone(t.low, e); k > 0 {
				zl, e = z, k
				break
			}
			if t.low == gw.Western {
				return
			}
			fallthrough // "4pm Central (time)": US Central
		default:
			name, ok := zonePlaces[t.low]
			if !ok {
				// "2pm Abu Dhabi time", "9am Los Angeles time"
				if zl, e = sc.twoWordPlace(t, e); zl == nil {
					return
				}
				break
			}
			if !t.capital && t.low != gw.Uk {
				return
			}
			// a city alone right after a time is its zone ("14:00 London",
			// "3pm Brussels"); a region or country needs "time" ("2pm
			// Gulf time", "Eastern Standard Time"), except a US zone at
			// the end of its clause ("by 4pm Eastern.")
			if k := sc.zoneTime(e); k > e {
				e = k
			} else if zoneRegions[t.low] && !(usRegion(t.low) && sc.zoneEnds(e)) {
				return
			}
			zl = namedZone(name, sc.loc)
		}
	}
	if zl == nil {
		return
	}
	if paren {
		if !sc.punct(e, ")") {
			return
		}
		e++
	}
	a.zone, a.end = zl, e
}

// ---------------------------------------------------------------------------
// Mentions

type mention struct {
	start, end int // token span
	clock      *atom
	named      *atom
	date       *atom
	rel        *atom
	score      int
	cueStart   int // first token of the phrase (cue word or mention start)
	strongLeft bool
	leftWord   string
	innerCue   string        // "by"/"latest" joining its parts ("today, latest 4pm")
	ahead      time.Duration // asked for this long before it ("an hour before")
	at         time.Time
	rule       string
}

// connector reports whether the tokens between two atoms may join them into
// one mention ("4pm tomorrow", "Monday at 10am", "10am on Wed 22 Nov",
// "tomorrow, 4pm").
func (sc *scanner) connector(from, to int) bool {
	if to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		t := &sc.toks[k]
		if t.sentStart {
			return false
		}
		switch t.kind {
		case tkPunct:
			switch t.low {
			case "-", "–":
				if t.space && k+1 < len(sc.toks) && sc.toks[k+1].space {
					return false // a spaced dash starts a new clause: "No rush tonight - Monday 10am"
				}
			case ",", "(", ")", "@":
			default:
				return false
			}
		case tkWord:
			switch t.low {
			case gw.At, gw.On, gw.By, gw.Ideally, gw.Preferably, gw.Say, gw.Latest, gw.The:
			default:
				return false
			}
		default:
			return false
		}
	}
	if to < len(sc.toks) && sc.toks[to].sentStart {
		return false
	}
	return true
}

// dayBeforeTime reports whether a day and then a time of it are joined
// by "before" ("tomorrow before 10am", "Friday before noon": that day's
// time, not today's); a time before a day ("4pm before Friday's vote") is
// not joined.
func (sc *scanner) dayBeforeTime(d, t *atom) bool {
	if d.kind != akDate || t.kind != akClock && t.kind != akNamed || t.start-d.end != 1 {
		return false
	}
	return sc.word(d.end, gw.Before) && !sc.toks[d.end].sentStart && !sc.toks[t.start].sentStart
}

func (sc *scanner) buildMentions() {
	atoms := sc.atoms
	for i := 0; i < len(atoms); {
		m := mention{start: atoms[i].start, end: atoms[i].end}
		if !m.add(&atoms[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(atoms) && (sc.connector(atoms[j-1].end, atoms[j].start) || sc.dayBeforeTime(&atoms[j-1], &atoms[j])) && m.compatible(&atoms[j]) && !ownDayNext(&m, atoms, j) {
			for k := atoms[j-1].end; k < atoms[j].start; k++ {
				if sc.toks[k].low == gw.Latest || sc.toks[k].low == gw.By || sc.toks[k].low == gw.Before {
					m.innerCue = sc.toks[k].low
				}
				if (sc.toks[k].low == gw.Until || sc.toks[k].low == gw.Till) && sc.answerUntil(k) {
					m.innerCue = gw.By // "answer me today until 4 PM"
				}
			}
			m.add(&atoms[j])
			m.end = atoms[j].end
			j++
		}
		i = j
		if m.clock != nil && m.date == nil && m.named == nil && m.rel == nil {
			if _, d := sc.thenDay(m.start); d != nil {
				m.date = d // "closes on Monday, so please by then at 11": Monday 11:00
			}
		}
		sc.finish(&m)
		if n := len(sc.mentions); n > 0 && sc.deskEquivalent(&sc.mentions[n-1], &m) {
			// "By 17:00 CET (16:00 UK)", "by 6pm CET / 5pm UK": the time
			// the writer gave in the desk's own zone scores as the one
			// before it (the same instant: the first is kept; "CET"
			// written for Paris's summer time: the earlier, the desk's)
			p := &sc.mentions[n-1]
			m.score, m.cueStart, m.strongLeft, m.leftWord = p.score, m.start, p.strongLeft, p.leftWord
		}
		if m.score >= minScore {
			sc.mentions = append(sc.mentions, m)
		}
	}
}

// deskEquivalent reports whether m, a clock in the desk's own zone, is
// given right after p, a clock in another zone, in brackets or after a
// slash, as the same time for the desk ("17:00 CET (16:00 UK)", "11:30
// Belgrade time (10:30 BST)", "6pm CET/5pm UK").
func (sc *scanner) deskEquivalent(p, m *mention) bool {
	if p.clock == nil || m.clock == nil || p.clock.zone == nil || m.clock.zone == nil || m.date != nil && p.date == nil {
		return false
	}
	if m.clock.zone.String() != sc.loc.String() || p.clock.zone.String() == sc.loc.String() {
		return false
	}
	if m.start != p.end+1 {
		return false
	}
	t := &sc.toks[p.end]
	return t.kind == tkPunct && (t.low == "(" || t.low == "/")
}

// ownDayNext reports whether atoms[j], an end of day with no day of its
// own, has its day right after it while m already has one: "No rush
// today, COP Friday is fine" is "COP Friday", not "today, COP".
func ownDayNext(m *mention, atoms []atom, j int) bool {
	a := &atoms[j]
	if m.date == nil || a.kind != akNamed || a.named != nkEOD || a.date != dkNone || j+1 >= len(atoms) {
		return false
	}
	n := &atoms[j+1]
	return n.kind == akDate && n.start == a.end
}

func (m *mention) compatible(a *atom) bool {
	if m.rel != nil || a.kind == akRel {
		return false
	}
	switch a.kind {
	case akClock:
		return m.clock == nil && (m.named == nil || m.named.named != nkEOD && m.named.named != nkEOW)
	case akNamed:
		if m.clock != nil || m.named != nil {
			// "6 tonight", "9.30 tomorrow morning": a daypart qualifies a bare clock
			return m.named == nil && a.named != nkEOD && a.named != nkEOW && a.named != nkMidnight && a.named != nkNoon && a.named != nkLunch && m.clock.style != csExplicit
		}
		return a.date == dkNone || m.date == nil
	case akDaypart:
		return m.named == nil && (m.date != nil || m.clock != nil && m.clock.style != csExplicit)
	case akDate:
		if m.date != nil && m.date.date == dkExplicit && a.date == dkWeekday && a.mod == dmNone && m.clock == nil && m.named == nil {
			return true // "19 January Friday at 10:00" (Turkish "19 Ocak Cuma"): the date says the day
		}
		return m.date == nil && (m.named == nil || m.named.date == dkNone)
	}
	return false
}

func (m *mention) add(a *atom) bool {
	switch a.kind {
	case akClock:
		m.clock = a
	case akNamed, akDaypart:
		if m.named != nil {
			return false
		}
		m.named = a
	case akDate:
		if m.date == nil {
			m.date = a
		}
	case akRel:
		m.rel = a
	default:
		return false
	}
	return true
}

// weekdayAbbrevAsked reports whether a weekday abbreviation that is also a
// word ("Wed", "Mon", "Sat", "Sun"), alone, is a day all the same: written
// with its capital right after "by" or "deadline" and ending its clause
// ("Need a line by Wed.", "Deadline: Mon"; not "by Sun journalists").
func (sc *scanner) weekdayAbbrevAsked(a *atom) bool {
	t := &sc.toks[a.start]
	if !t.capital || a.end != a.start+1 && !(a.end == a.start+2 && sc.punct(a.start+1, ".")) {
		return false
	}
	p := a.start - 1
	if sc.punct(p, ":") {
		p--
	}
	if !sc.word(p, gw.By) && !sc.word(p, gw.Deadline) {
		return false
	}
	n := sc.tok(a.end)
	if n != nil && !n.sentStart && !n.clauseBrk && (n.kind != tkPunct || n.low != "." && n.low != "?" && n.low != "!" && n.low != "," && n.low != ";") {
		return false
	}
	// asked: "Deadline Wed", "Need a line by Wed", "Could you … by Wed?"
	// ("The story was published by Sun." is none)
	return sc.word(p, gw.Deadline) || sc.sentenceAsksNear(a.start) || sc.askedQuestion(a.start)
}

// finish validates the mention's parts and scores it from its context.
func (sc *scanner) finish(m *mention) {
	m.score = -100
	// a daypart needs a date ("tomorrow morning") or a bare clock ("6 tonight")
	if m.named != nil && m.named.kind == akDaypart && m.date == nil && m.clock == nil {
		return
	}
	if m.date != nil && m.date.weakWD && m.clock == nil && m.named == nil && !sc.weekdayAbbrevAsked(m.date) {
		return
	}
	if m.date != nil && m.date.date == dkYesterday {
		return
	}
	// quoted text is not the journalist's own deadline
	if sc.toks[m.start].quoted || sc.toks[m.end-1].quoted {
		return
	}
	if sc.otherDay(m.end) {
		return // "by 4pm that day": a time on a day named elsewhere, usually past
	}
	sc.broadcastHour(m)
	// "need something for the 5 o'clock bulletin, so a line before then":
	// the time a later "before then" points back to is the cut-off, even
	// when it names a broadcast or an edition.
	then := sc.thenAfter(m.end) || sc.forBroadcast(m)
	if sc.noDeadlineAfter(m.end) {
		return // "… before then but there is no strict deadline"
	}
	if m.clock != nil && !then {
		// "We go on air at 7pm; we'd need your statement an hour
		// before.": the time, less the span
		if d, ok := sc.spanBefore(m.end); ok {
			then, m.ahead = true, d
		}
	}
	last := &sc.toks[m.end-1]
	if last.poss && !then && !sc.isGoodAlone(m.end) {
		// "this afternoon's call", "tomorrow's paper"; but "Tonight's
		// fine.", "Tomorrow morning's OK?": its "'s" is "is"
		return
	}
	if sc.isRange(m) {
		return
	}
	left, cueStart, strong, lw := sc.leftCue(m.start)
	if left >= 0 && left < 2 && sc.timeAlone(m) {
		left, cueStart, strong, lw = 2, m.start, false, gw.Ideally // "Today, 5pm.", "First thing Monday."
	}
	if (lw == gw.By || lw == gw.Before) && !then && sc.eventQuestion(m.start) {
		return // "Will the UK announce sanctions by the end of the week?"
	}
	if (lw == gw.By || lw == gw.Before) && !then && sc.reportedPromise(cueStart) {
		return // "The spokesman told me he would get back to me by 3pm"
	}
	if (lw == gw.By || lw == gw.Before) && !then && sc.reportedAfter(m.end) {
		return // "The talks must conclude by Friday, the minister said."
	}
	if (lw == gw.By || lw == gw.Before) && !then && sc.repliedBefore(cueStart) {
		return // "Last time you replied by 5pm", "They answered before noon"
	}
	if (lw == gw.By || lw == gw.Before) && !then && sc.othersAim(cueStart) {
		return // "The government aims to finish talks by 3pm", "The minister is aiming for a deal by Friday"
	}
	if (lw == gw.By || lw == gw.Before) && !then && sc.othersMust(cueStart) {
		return // "Applicants must register by Friday"
	}
	if (lw == gw.By || lw == gw.Before) && !then && sc.othersDemand(cueStart) {
		return // "The opposition demands an answer by Monday", "Parliament votes by Thursday noon"
	}
	if lw == gw.By && !then && sc.othersDeadlineFor(cueStart) {
		return // "The deadline for applications is by Friday"
	}
	if left < 3 && !then && sc.deadlinePassed(m.end) {
		return // "The 2pm deadline for evacuation has passed"
	}
	if lw == gw.By && !then && m.clock != nil && m.clock.style == csBare && m.date == nil && m.named == nil && sc.marginVerb(cueStart-1) {
		return // "He won by 5.", "Turnout rose by 5.": a margin, not a time
	}
	if lw == gw.Deadline && !then && sc.othersDeadline(cueStart) {
		return // "Rishi Sunak set a deadline of Friday"
	}
	if lw == gw.By && !then && sc.word(cueStart-1, gw.Deadline) && sc.othersDeadline(cueStart-1) {
		return // "The EU gave Serbia a deadline by Friday"
	}
	if lw == gw.By && !then && !sc.word(cueStart-1, gw.Deadline) && sc.othersDeadlineBefore(cueStart) {
		return // "Premijer je dao rok opoziciji do ponedjeljka": given a deadline, the one it was given to, then "by"
	}
	if (lw == gw.By || lw == gw.Before) && (!then && sc.pastBefore(cueStart) || sc.pastAfter(m.end)) {
		return // "Last week we got a reply by 15h", "Last year you replied by 4pm": a past time's
	}
	if (lw == gw.By || lw == gw.Before || lw == gw.Until || lw == gw.Deadline) && !then && sc.ultimatumBefore(cueStart) {
		return // "The government set an ultimatum by midnight": someone else's
	}
	if left <= -100 && !then {
		return
	}
	if left > 0 && sc.pastRequest(cueStart) {
		return // "I asked for answers by 4pm on Tuesday": an earlier request's
	}
	right := sc.rightCue(m.end)
	if right <= -100 {
		if !then {
			return
		}
		right = 0
	}
	if then {
		left, strong = 3, true
		if lw == "" {
			lw = gw.Before
		}
	}
	if left < 3 && m.innerCue != "" && left > -100 {
		// "Please today, latest 4pm", "Monday by 10am": the cue between
		// the mention's parts
		left, strong, lw = 3, true, m.innerCue
	}
	m.cueStart, m.strongLeft, m.leftWord = cueStart, strong, lw
	clause := sc.clauseCues(m)
	if m.clock != nil && m.clock.asked && clause < 1 && right < 2 && !(sc.askedQuestion(m.start) && sc.asksForWords(m.start)) && !sc.anythingBy(m.start) {
		return // ("by 1700", "by five": also quantities, unless asked for)
	}
	intrinsic := 0
	for _, a := range []*atom{m.clock, m.named, m.date, m.rel} {
		if a != nil {
			intrinsic += a.intrinsic
		}
	}
	// An anchor ties the mention itself to the request: a cue right before
	// it ("by", "deadline", "need ... at", "get back to me"), right after it
	// ("at the latest", "is fine"), "within", or the mention opening its
	// clause next to a request ("Tonight please", "4pm tomorrow if you
	// can"). Request words elsewhere in the clause only rank mentions:
	// "let me know if the minister travels tonight" has no deadline.
	// "Any chance of a line within the hour?", "… something in the next
	// hour?": a span asked for in a question
	askedSpan := m.rel != nil && intrinsic >= 1 && sc.askedQuestion(m.start) && sc.asksForWords(m.start)
	anchored := left >= 2 || right >= 2 || intrinsic >= 2 && clause >= 1 ||
		sc.toks[m.start].clauseBrk && (right >= 1 || clause >= 1) || askedSpan
	if !anchored {
		return
	}
	score := left + right + clause + intrinsic
	if askedSpan && clause < 1 {
		score++ // the question is the request
	}
	if sc.toks[m.start].clauseBrk {
		score++ // "4pm tomorrow if you can", "Tonight please"
	}
	if m.named != nil && (m.named.named == nkEOD || m.named.named == nkEOW) {
		score++ // deadline idioms
	}
	// weak forms need a strong cue
	switch {
	case m.clock != nil && m.clock.style == csBare:
		// a bare hour needs a strong cue, or a request right before its
		// day or part of the day ("Please reply tomorrow at 5", "Could
		// you reply tonight at 8?", Arabic "أرجو الرد غدا
		// الساعة الخامسة")
		// ("The minister will reply tomorrow at 5" is no request)
		if !strong && right < 3 && !((m.date != nil || m.named != nil) && left >= 2 && (lw == gw.Like || lw == gw.Know || sc.requestVerb(cueStart))) &&
			!(right >= 2 && sc.hasIsh(m.clock)) { // "Around 2ish would be good": "-ish" says a clock
			return
		}
	case m.clock == nil && m.named == nil && m.rel == nil:
		// a day without a time: "by Friday", "deadline 22 Nov", "need it today"
		switch lw {
		case gw.By, gw.Deadline, gw.Than, gw.Latest, gw.Due, gw.Need, gw.Needs, gw.Needed:
		default:
			if !sc.latestAfter(m.end) && !(sc.toks[m.start].clauseBrk && sc.dayGoodEnds(m)) && !sc.dayOffered(m, lw) {
				return // ("Thursday at the latest", "Tomorrow is fine." are)
			}
		}
	}
	m.score = score
}

// dayOffered reports whether a day alone (today, tomorrow, a weekday) is
// offered as the time wished: after "Ideally"/"If possible," and ending its
// clause ("If possible, today.", "Ideally tomorrow."), or opening its
// clause with only "please", "if possible", "if poss", "if you can" after
// it ("Today please.", "Today if possible."); "If possible, today the
// minister will visit" and "Today, the minister visited." are none.
func (sc *scanner) dayOffered(m *mention, lw string) bool {
	if m.date == nil || m.date.date != dkToday && m.date.date != dkTomorrow && m.date.date != dkWeekday {
		return false
	}
	if lw == gw.Ideally || lw == gw.Preferably {
		return sc.clauseEndsAt(m.end) || sc.dayGoodEnds(m) || (sc.word(m.end, gw.Please) || sc.word(m.end, gw.Pls)) && sc.clauseEndsAt(m.end+1)
	}
	if !sc.toks[m.start].clauseBrk && sc.askedNounAt(m.start-1) && sc.dayGoodEnds(m) {
		// "so a reply today would be great", "A response tomorrow is
		// fine." ("The statement today would be great news" does not
		// end its clause)
		return true
	}
	if !sc.toks[m.start].clauseBrk && !sc.askedNounOpens(m.start-1) {
		return false
	}
	asked := false
	for k := m.end; k < len(sc.toks) && k < m.end+6; k++ {
		if sc.clauseEndsAt(k) && !sc.punct(k, ",") {
			return asked
		}
		switch t := &sc.toks[k]; {
		case sc.punct(k, ","):
		case t.low == gw.Please || t.low == gw.Pls || t.low == gw.Plz:
			asked = true
		case t.low == gw.If && (sc.word(k+1, gw.Possible) || sc.word(k+1, gw.Poss)):
			asked = true
			k++
		case t.low == gw.If && sc.word(k+1, gw.You) && (sc.word(k+2, gw.Can) || sc.word(k+2, gw.Could)):
			asked = true
			k += 2
		default:
			return false
		}
	}
	return false
}

// hasIsh reports whether the clock atom a ends with "-ish" or "ish".
func (sc *scanner) hasIsh(a *atom) bool {
	for k := a.start; k < a.end; k++ {
		if sc.toks[k].low == gw.Ish {
			return true
		}
	}
	return false
}

// reportedPromise reports whether the cue at k ends someone else's word
// reported: "said/says/told (me)/promised (that) … would/will/'d …" in
// its clause ("The spokesman told me he would get back to me by 3pm",
// "The embassy said it would respond by Friday"): told, not asked ("I
// said I would need it by 4pm" is the journalist's).
func (sc *scanner) reportedPromise(k int) bool {
	modal := false
	for b := k - 1; b >= 0 && b >= k-10; b-- {
		t := &sc.toks[b]
		if t.kind == tkPunct && t.low == "," && !sc.toks[b+1].sentStart && !sc.toks[b+1].clauseBrk && sc.saidAt(b-1) {
			continue // "The minister said, that he will reply by Friday" (a comma before "that", as Slavic mail writes it)
		}
		if sc.toks[b+1].sentStart || sc.toks[b+1].clauseBrk || t.kind == tkPunct && (t.low == "," || t.low == ";") {
			return false
		}
		if t.kind != tkWord {
			continue
		}
		if t.low == gw.Need || t.low == gw.Needs || t.low == gw.Needed || t.low == gw.Deadline {
			return false // "My editor said he would need it by 5pm": the journalist's
		}
		raw := sc.text[t.start:t.end]
		if t.low == gw.Would || sc.rawIs(b, rw.Will) || strings.HasSuffix(raw, gw.ApostropheD) || strings.HasSuffix(raw, gw.ApostropheLl) ||
			t.low == gw.Expects || t.low == gw.Hopes || t.low == gw.Expected {
			modal = true // ("The minister said she expects a deal by Friday")
		}
		switch t.low {
		case gw.Said, gw.Says, gw.Told, gw.Promised:
			if !modal && t.low == gw.Promised {
				return sc.thirdPartySubject(b) // "The PM promised a decision by Friday"
			}
			return modal && !sc.word(b-1, gw.I) && !sc.word(b-1, gw.We)
		case gw.Announced:
			return sc.thirdPartySubject(b) // "The PM announced a decision by Friday"
		}
	}
	return false
}

// thirdPartySubject reports whether the verb at b has a subject before it
// in its clause and that subject is no one of the journalist's side or
// the desk ("The PM announced", "Premijer je najavio"; not "We announced",
// "My editor promised", "You promised").
func (sc *scanner) thirdPartySubject(b int) bool {
	found := false
	for j := b - 1; j >= 0 && j >= b-6; j-- {
		t := &sc.toks[j]
		if t.kind == tkPunct {
			break
		}
		if t.kind == tkWord {
			switch t.low {
			case gw.I, gw.We, gw.IM, gw.WeRe, gw.ID, gw.WeD, gw.ILl, gw.WeLl, gw.IVe, gw.My, gw.Our, gw.You, gw.Your:
				return false
			}
			if sc.rawIs(j, rw.WeVe) {
				return false
			}
			found = true
		}
		if t.sentStart || t.clauseBrk {
			break
		}
	}
	return found
}

// saidAt reports whether the token at b is a verb of saying
// ("said", "says", "told", "promised").
func (sc *scanner) saidAt(b int) bool {
	t := sc.tok(b)
	if t == nil || t.kind != tkWord {
		return false
	}
	switch t.low {
	case gw.Said, gw.Says, gw.Told, gw.Promised, gw.Ruled, gw.Added, gw.Warned, gw.Announced:
		return true
	}
	return false
}

// reportedAfter reports whether the clause of the time ending at e is
// someone else's word, attributed after a comma at the sentence's end:
// "The talks must conclude by Friday, the minister said.", "…, Downing
// Street says.", "…, according to No 10." ("Need it by 5pm, my editor
// says." and "…, I said." are the journalist's).
func (sc *scanner) reportedAfter(e int) bool {
	for j := e; j < len(sc.toks) && j < e+6; j++ {
		if j > e && (sc.toks[j].sentStart || sc.toks[j].clauseBrk) {
			return false
		}
		if !sc.punct(j, ",") {
			continue
		}
		if sc.word(j+1, gw.According) && sc.word(j+2, gw.To) && !sc.word(j+3, gw.Me) && !sc.word(j+3, gw.Us) && !sc.word(j+3, gw.My) && !sc.word(j+3, gw.Our) {
			return true // "…, according to No 10."
		}
		for v := j + 1; v < len(sc.toks) && v <= j+4; v++ {
			t := &sc.toks[v]
			if v > j+1 && (t.sentStart || t.clauseBrk) || t.kind != tkWord {
				return false
			}
			switch t.low {
			case gw.My, gw.Our, gw.I, gw.We, gw.You:
				return false
			}
			if sc.saidAt(v) || t.low == gw.Say && v > j+1 {
				e := v + 1
				if sc.word(e, gw.In) && !sc.toks[e].sentStart {
					// "…, they say in Brussels.", Serbian "…, kažu u Briselu.": the place said from
					for e++; e < len(sc.toks) && e <= v+4 && sc.toks[e].kind == tkWord && !sc.toks[e].sentStart; e++ {
					}
				}
				n := sc.tok(e)
				return (v > j+1 || e > v+1) && (n == nil || n.sentStart || n.kind == tkPunct && (n.low == "." || n.low == "!" || n.low == ";"))
			}
		}
		return false
	}
	return false
}

// needNegated reports whether the cue at k is, or follows through the
// words asked for, a "need" that is denied: "don't need", "do not need",
// "no longer need" ("We don't need it by 4 - tomorrow is fine").
func (sc *scanner) needNegated(k int) bool {
	for n := k; n >= 0 && n >= k-5; n-- {
		t := &sc.toks[n]
		if t.kind != tkWord || n < k && sc.toks[n+1].sentStart {
			return false
		}
		if t.low == gw.Need || t.low == gw.Needs {
			return sc.word(n-1, gw.Dont) || sc.word(n-1, gw.Longer) && sc.word(n-2, gw.No) || sc.word(n-1, gw.Not) && sc.rawIs(n-2, rw.Do)
		}
		if n < k && !leftFillers[t.low] && t.low != "" {
			return false
		}
	}
	return false
}

// changedFrom returns, for "to" at k, the index of the verb of "moved /
// changed / brought forward / pushed back / extended from <time> to"
// before it, or -1: the time after "to" is the new one ("Our deadline has
// changed from 5pm to 3pm").
func (sc *scanner) changedFrom(k int) int {
	f := k - 1
	for f > 0 && f > k-5 && sc.toks[f].consumed {
		f-- // the old time's tokens
	}
	if f == k-1 || !sc.word(f, gw.From) {
		return -1
	}
	v := f - 1
	if sc.word(v, gw.Moved) || sc.word(v, gw.Forward) || sc.word(v, gw.Changed) || sc.word(v, gw.Back) || sc.word(v, gw.Extended) {
		return v
	}
	return -1
}

// forAsked reports whether "for" at k follows the words asked for ("it",
// "something", "a line", "a comment", …) in a sentence that asks: a
// request word, or a question opening with "could", "can" or "would"
// ("Could we have it for 6?", "Can you get me something for 3?"; not
// "Is the statement for 3pm?", "Could we book a table for 6?").
func (sc *scanner) forAsked(k int) bool {
	if k < 1 {
		return false // "for 6" opening the text
	}
	switch sc.toks[k-1].low {
	case gw.It, gw.This, gw.That, gw.Something, gw.Anything, gw.Line, gw.Quote, gw.Response, gw.Statement, rw.Answer, rw.Comment:
	default:
		return false
	}
	if sc.toks[k-1].kind != tkWord || sc.sentenceAsksNear(k) {
		return sc.toks[k-1].kind == tkWord
	}
	b := k
	for b > 0 && !sc.toks[b].sentStart && !sc.toks[b].clauseBrk && k-b < 40 {
		b--
	}
	return (sc.word(b, gw.Could) || sc.word(b, gw.Can) || sc.word(b, gw.Would)) && sc.askedQuestion(k)
}

// eventQuestion reports whether the sentence around token k asks about
// someone else's doing, not for an answer: a yes/no question ("Will the
// UK announce sanctions by Friday?", "Is it true the minister will visit
// Kyiv by Friday?", "Did the minister meet them before 4pm?") that asks
// nothing of the desk — no "you", "me", no reply, response, line,
// statement or comment, no request word (en.json clause_cues), nothing
// "possible" or "fine" ("Is a response by 3 doable?", "Will you be able
// to reply by 4?" ask; "Do Britons need to register by Friday?" is the
// Britons' need).
func (sc *scanner) eventQuestion(k int) bool {
	b := k
	for b > 0 && !sc.toks[b].sentStart && k-b < 40 {
		b--
	}
	if !sc.toks[b].sentStart {
		return false // (a "sentence" this long is no question)
	}
	switch f := sc.toks[b].low; {
	case f == gw.Is || f == gw.Are || f == gw.Was || f == gw.Were || f == gw.Did || f == gw.Does || f == gw.Has || f == gw.Have || f == gw.Should,
		sc.rawIs(b, rw.Will), sc.rawIs(b, rw.Do):
	default:
		return false
	}
	e := b + 1
	for ; e < len(sc.toks) && !sc.toks[e].sentStart; e++ {
		if e-k > 40 {
			return false
		}
		t := &sc.toks[e]
		if t.kind != tkWord {
			continue
		}
		if (t.low == gw.Reply || t.low == gw.Respond || t.low == rw.Answer) && sc.replyAfterSubject(b, e) {
			continue // "Will the government reply by Friday?", "Will Brussels respond to Belgrade by Monday?": theirs
		}
		switch t.low {
		case gw.You, gw.Your, gw.Me, gw.Us, gw.I, gw.We, gw.Line, gw.Quote, gw.Response, gw.Statement, rw.Answer, rw.Comment,
			gw.Something, gw.Anything, gw.Information, gw.Info, gw.Possible, gw.Poss:
			return false
		}
		if (t.low == gw.Need || t.low == gw.Needs) && sc.tok(e-1).kind == tkWord && sc.tok(e-1).low == "" {
			continue // "Do Britons need to register by Friday?": theirs
		}
		if clauseCueWords[t.low] > 0 {
			return false
		}
		if goodAfterWords[t.low] && !sc.thingAsked(b+1) {
			// "Is it possible by 5pm?" asks; "Is a ceasefire by Friday
			// realistic?", "Is a deal by Friday possible?" ask whether
			// the thing named will happen by then
			return false
		}
	}
	return sc.punct(e-1, "?")
}

// replyAfterSubject reports whether the reply verb at e, in the question
// opening at b, follows a subject of its own: a word right after the
// question's opening word that is not a determiner, "it", "there" or
// "be" ("Will the government reply …", "Will Brussels respond …",
// "Will they reply …"; not "Will there be a reply …", "Will a reply …",
// "Will it be possible to reply …"). You, me, us and the things asked
// for end the question before (eventQuestion).
func (sc *scanner) replyAfterSubject(b, e int) bool {
	if e < b+2 {
		return false
	}
	p := sc.tok(e - 1)
	if p == nil || p.kind != tkWord || isDeterminer(p) || p.low == gw.Be || p.low == gw.To {
		return false
	}
	s := sc.tok(b + 1)
	return s != nil && s.kind == tkWord && s.low != gw.It && s.low != gw.There && s.low != gw.Be
}

// thingAsked reports whether the question's subject at j names
// something other than what the desk would give: an article and a word
// that is not one of the things asked for ("a ceasefire", "the deal";
// not "a line", "a quick response", "it").
func (sc *scanner) thingAsked(j int) bool {
	if !sc.word(j, gw.A) && !sc.word(j, gw.An) && !sc.word(j, gw.The) {
		return false
	}
	t := sc.tok(j + 1)
	return t != nil && t.kind == tkWord && !leftFillers[t.low] && t.cls&(clsWeekday|clsMonth) == 0
}

// forBroadcast reports whether the mention is the time of the
// journalist's own programme or edition that the answer is asked for:
// "before our 6pm bulletin", "in time for the 10 o'clock news", "ahead
// of tonight's 9pm programme", "by the bulletin at 6", "I need a line
// for the 6pm bulletin" (GUIDE section 4: the deadline is when the
// journalist needs the answer; the time of their own broadcast they
// need it for is that; only a clock: "for tonight's programme" names
// none). A broadcast merely mentioned ("we're on the 6pm
// bulletin", "the 6pm bulletin will lead on it") is not.
func (sc *scanner) forBroadcast(m *mention) bool {
	if m.clock == nil {
		return false // "Need it for tonight's programme": no time it names
	}
	k := m.start - 1
	event := false // another event the answer is asked before ("before the 1pm briefing")
	if t := sc.tok(m.end); t != nil && t.kind == tkWord && !broadcastWords[t.low] && isAntiWord(t.low) && !t.sentStart && !t.clauseBrk {
		event = true
	}
	if t := sc.tok(m.end); t != nil && t.kind == tkWord && (broadcastWords[t.low] || event) && !t.sentStart {
		// "before our 6pm bulletin"; "20:00 news bulletin latest"
		// (Turkish "20:00 haber bülteninden önce" rewritten)
		e := m.end
		for e < m.end+3 && sc.wordIn(e, broadcastWords) {
			e++
		}
		if sc.word(e, gw.Latest) {
			return true
		}
	} else {
		// "before the bulletin at 6", "by bulletin 21:00" (Spanish "antes
		// del informativo de las 21:00" rewritten)
		if sc.word(k, gw.At) || sc.word(k, gw.Of) {
			k--
		}
		t := sc.tok(k)
		if t == nil || t.kind != tkWord || sc.toks[m.start].sentStart {
			return false
		}
		if !broadcastWords[t.low] && isAntiWord(t.low) && (sc.word(k-1, gw.The) || sc.word(k-2, gw.The) && sc.tok(k-1).kind == tkWord ||
			eventWords.has(t.low) && (sc.word(k-1, gw.By) || sc.word(k-1, gw.Before) || sc.word(k-2, gw.By) && sc.tok(k-1).kind == tkWord)) {
			// "before the vote at 7pm", "before the press conference at
			// 11", another language's "by press conference at 11h"
			event = true
			if !sc.word(k-1, gw.The) && !sc.word(k-1, gw.By) && !sc.word(k-1, gw.Before) {
				k--
			}
		} else if !broadcastWords[t.low] {
			// a programme by its name, where the clause needs the
			// answer: "Odpowiedź potrzebna przed Faktami o 19:00",
			// "we need a line before Newsnight at 10.30" (not "the
			// minister appears before Parliament at 3pm")
			if !t.capital || t.sentStart || t.cls&(clsWeekday|clsMonth) != 0 || zonePlaces[t.low] != "" ||
				!(sc.word(k-1, gw.Before) || sc.word(k-1, gw.By)) || sc.clauseCues(m) < 2 {
				return false
			}
		}
		k--
	}
	dets := 0
	for t := sc.tok(k); t != nil && k > m.start-6 && t.kind == tkWord && !sc.toks[k+1].sentStart &&
		(isDeterminer(t) || t.poss || broadcastWords[t.low] || t.low == gw.Evening || t.low == gw.Morning || t.low == gw.Night || t.low == gw.Lunchtime ||
			t.upper && !t.sentStart && t.end-t.start <= 5 && broadcastWords[sc.toks[k+1].low]); t = sc.tok(k) {
		// (the channel's name before its programme: "the BBC News at One")
		if isDeterminer(t) || t.poss {
			dets++
		}
		k-- // "our", "the", "tonight's", "the evening"
	}
	t := sc.tok(k)
	if t == nil || t.kind != tkWord || sc.toks[k+1].sentStart {
		return false
	}
	if event {
		// only "before" or "ahead of" the event, the event named with
		// its article, where the clause asks: "Could you reply before
		// the vote at 7pm?", "a line before the 1pm briefing"
		if !(t.low == gw.Before || t.low == gw.By || t.low == gw.Of && sc.word(k-1, gw.Ahead)) || dets == 0 && t.low == gw.Of {
			return false
		}
		return sc.clauseCues(m) >= 1 || sc.askedQuestion(m.start)
	}
	switch t.low {
	case gw.Before, gw.By:
		// where the clause asks ("The PM resigned before the 10pm
		// news" tells what happened)
		return sc.clauseCues(m) >= 1 || sc.askedQuestion(m.start)
	case gw.Of:
		return sc.word(k-1, gw.Ahead) && (sc.clauseCues(m) >= 1 || sc.askedQuestion(m.start)) // "ahead of our 6pm bulletin"
	case gw.For:
		// "in time for the 6pm bulletin"; "need a line for the 6pm
		// bulletin" (not "we are preparing a piece for the 6pm bulletin")
		// "I'm filing for the 6pm bulletin": the journalist's own
		// filing for it (not "He's filing for the 6pm bulletin")
		return sc.words(k-2, gw.In, gw.Time, gw.For) > 0 || (sc.clauseCues(m) >= 2 || sc.askedQuestion(m.start)) && sc.asksForWords(m.start) ||
			sc.word(k-1, gw.Filing) && sc.firstPersonSubject(k-1) || sc.enquiryFor(k)
	}
	return false
}

// enquiryFor reports whether "for" at k says what the enquiry itself is
// for, opening its sentence: "It's for our 6pm edition.", "This is for
// the 6pm bulletin" (not "The interview is for the 6pm bulletin", "we
// are preparing a piece for the 6pm bulletin").
func (sc *scanner) enquiryFor(k int) bool {
	b := k - 1
	if sc.word(b, gw.Is) && !sc.toks[b].sentStart && !sc.toks[b].poss {
		b--
		if !sc.word(b, gw.It) && !sc.word(b, gw.This) || sc.toks[b].poss {
			return false
		}
	} else if !sc.word(b, gw.It) || !sc.toks[b].poss {
		return false
	}
	return sc.toks[b].sentStart
}

// broadcastHour reads a bare hour that names a programme as the
// programme's time, in the evening: "the ten o'clock news", "the 6
// o'clock bulletin", "News at Ten" (22:00, as the desk hears them; a
// bare "by 10 o'clock" stays the next 10:00). An hour with its am/pm or
// the part of the day ("the 8am bulletin", "the nine o'clock news this
// morning") is read as written.
func (sc *scanner) broadcastHour(m *mention) {
	c := m.clock
	if c == nil || m.named != nil || c.style == csExplicit || c.hour < 1 || c.hour > 11 {
		return
	}
	next := sc.tok(m.end)
	named := sc.word(m.start-1, gw.At) && sc.wordIn(m.start-2, broadcastWords) && sc.toks[m.start-2].capital
	if !named && (next == nil || next.kind != tkWord || next.sentStart || next.clauseBrk || !broadcastWords[next.low]) {
		return
	}
	c.hour, c.style = c.hour+12, csExplicit
}

// pastRequest reports whether the clause before token from tells of an
// earlier request ("I asked for answers by …", "we had requested a line
// before …"): its deadline is not this message's.
func (sc *scanner) pastRequest(from int) bool {
	for k := from - 1; k >= 0 && k >= from-8; k-- {
		if sc.toks[k+1].clauseBrk {
			return false
		}
		t := &sc.toks[k]
		if t.kind == tkPunct && (t.low == "," || t.low == ";") {
			return false // "I asked around, so I need a line by 4pm"
		}
		if t.kind != tkWord {
			continue
		}
		if _, cue := leftCues[t.low]; cue && t.low != gw.By && t.low != gw.Before || t.low == gw.And || t.low == gw.But || t.low == gw.So || t.low == gw.Or {
			return false // "I asked my editor and we need it by 4pm"
		}
		if t.low == gw.Asked || t.low == gw.Requested {
			b := k - 1
			if sc.word(b, gw.Had) {
				b--
			}
			// "I asked for answers by 4pm on Tuesday": an earlier
			// request; "The government asked the EU for an answer by
			// Friday": someone else's ("My editor asked for a line by
			// 4pm" is the journalist's)
			return sc.word(b, gw.I) || sc.word(b, gw.We) || sc.thirdPartySubject(k)
		}
	}
	return false
}

// othersMust reports whether the cue at k ends a rule others must keep:
// "<someone> must/has to/have to <verb> … by" with a third-party
// subject and a verb other than the thing asked arriving ("Applicants
// must register by Friday", "Britons have to leave by 5pm"; "I must file
// by 4", "You must reply by 5pm", "The statement must be with us by 5pm",
// "Any comment must reach me by 4" ask or are the journalist's).
func (sc *scanner) othersMust(k int) bool {
	for b := k - 1; b >= 1 && b >= k-5; b-- {
		if sc.toks[b+1].clauseBrk || sc.toks[b+1].sentStart || sc.toks[b].kind != tkWord {
			return false
		}
		m := b
		if sc.word(b, gw.To) && (sc.word(b-1, gw.Has) || sc.word(b-1, gw.Have)) {
			m = b - 1
		} else if !sc.word(b, gw.Must) {
			continue
		}
		v := b + 1
		if sc.word(v, gw.Be) || sc.word(v, gw.Get) || sc.word(v, gw.Come) || sc.rawIs(v, rw.Reach) || sc.rawIs(v, rw.Arrive) {
			return false
		}
		s := sc.tok(m - 1)
		if s == nil || s.kind != tkWord || sc.toks[m].sentStart {
			return false
		}
		// a plural the vocabulary does not know, written with its
		// capital: "Applicants", "Britons", "Airlines" ("Copy must go by
		// 4", "My piece must go by 4" are the journalist's)
		return s.low == "" && s.capital && s.end-s.start > 3 && sc.text[s.end-1] == 's'
	}
	return false
}

// othersDemand reports whether the cue at k ends, in its clause, what a
// third party demands, expects, awaits or votes on: "The opposition
// demands an answer by Monday", "The president expects a reply from
// Belgrade by Friday", "Parliament votes by Thursday noon" (Serbian
// "Opozicija traži odgovor do ponedjeljka", Albanian "Presidentja pret
// përgjigje … deri të premten"). The journalist's side keeps its own:
// "We expect a reply by 4pm", "My editor demands it by 5", "The desk
// expects it by 4" (en.json own_deadlines: editor, desk, producer …).
func (sc *scanner) othersDemand(k int) bool {
	for b := k - 1; b >= 0 && b >= k-8; b-- {
		t := &sc.toks[b]
		if sc.toks[b+1].sentStart || sc.toks[b+1].clauseBrk || t.kind == tkPunct && (t.low == "," || t.low == ";") {
			return false
		}
		if t.kind != tkWord {
			continue
		}
		switch t.low {
		case gw.Need, gw.Needs, gw.Needed, gw.Deadline:
			return false // "The minister expects we need it by 4": the journalist's need
		case gw.Demands, gw.Demanded, gw.Demanding, gw.Expects, gw.Awaits, gw.Votes:
			return sc.thirdPartySubject(b) && !sc.ownNounBefore(b)
		}
	}
	return false
}

// ownNounBefore reports whether a word of the journalist's own side
// (en.json own_deadlines: "editor", "desk", "producer", "newsroom" …)
// stands in the clause before the verb at v ("The editor expects it by
// 4pm", Serbian "Redakcija traži odgovor do 16h").
func (sc *scanner) ownNounBefore(v int) bool {
	for b := v - 1; b >= 0 && b >= v-4; b-- {
		t := &sc.toks[b]
		if t.kind != tkWord {
			return false
		}
		if ownDeadlines[strings.ToLower(sc.text[t.start:t.end])] {
			return true
		}
		if t.sentStart || t.clauseBrk {
			return false
		}
	}
	return false
}

// othersDeadlineFor reports whether "by" at k follows, in its clause,
// "deadline for <a procedure's word>" (en.json others_deadlines):
// "The deadline for applications is by Friday", Serbian "Rok za prijave
// je do petka" ("The deadline for our piece is by 4pm" stays read).
func (sc *scanner) othersDeadlineFor(k int) bool {
	for f := k - 1; f >= 1 && f >= k-5; f-- {
		if sc.toks[f+1].sentStart || sc.toks[f+1].clauseBrk {
			return false
		}
		if !sc.word(f, gw.For) || !sc.word(f-1, gw.Deadline) {
			continue
		}
		n := sc.tok(f + 1)
		return n != nil && n.kind == tkWord && othersDeadlines[strings.ToLower(sc.text[n.start:n.end])]
	}
	return false
}

// deadlinePassed reports whether the word "deadline" right after a time
// at j goes on, in its clause, to pass or expire ("The 2pm deadline for
// evacuation has passed", "the 5pm deadline expired"): someone else's,
// gone.
func (sc *scanner) deadlinePassed(j int) bool {
	if !sc.word(j, gw.Deadline) {
		return false
	}
	for k := j + 1; k < len(sc.toks) && k <= j+8; k++ {
		if sc.toks[k].sentStart || sc.toks[k].clauseBrk {
			return false
		}
		if sc.rawIs(k, rw.Passed) || sc.rawIs(k, rw.Expired) || sc.rawIs(k, rw.Lapsed) {
			return true
		}
	}
	return false
}

// marginVerb reports whether token k is a verb of change or of winning
// ("rose", "fell", "won", "lost", …): "by" a bare number after it is a
// margin ("Labour won by 2", "Turnout rose by 5"; "Need it by 5" is a
// time).
func (sc *scanner) marginVerb(k int) bool {
	for _, w := range []string{rw.MRose, rw.MFell, rw.MWon, rw.MLost, rw.MIncreased, rw.MDecreased, rw.MDropped, rw.MGrew, rw.MBeat, rw.MClimbed, rw.MJumped, rw.MSlipped, rw.MRisen, rw.MFallen} {
		if sc.rawIs(k, w) {
			return true
		}
	}
	return false
}

// repliedBefore reports whether a reply in the past tense ("replied",
// "responded", "answered", "got back") leads, in its clause, to the cue at
// k: a reply told, not asked ("Last year they replied by 5pm", "Thanks
// for getting back to me before noon" is none already; "Please reply by
// 5pm" asks).
func (sc *scanner) repliedBefore(k int) bool {
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		if sc.toks[b+1].clauseBrk || sc.toks[b+1].sentStart {
			return false
		}
		t := &sc.toks[b]
		if t.kind != tkWord {
			return false
		}
		if sc.rawIs(b, rw.Replied) || sc.rawIs(b, rw.Responded) || sc.rawIs(b, rw.Answered) {
			// not the participle asked for: "I need this answered by
			// 5pm", "Can these be answered by 3?"
			p := b - 1
			if sc.word(p-1, gw.If) || sc.word(p-2, gw.If) {
				return false // "I'd be grateful if you replied by 3pm": asked
			}
			return !(sc.word(p, gw.Be) || sc.word(p, gw.Is) || sc.word(p, gw.Are) || sc.word(p, gw.It) || sc.word(p, gw.This) || sc.word(p, gw.That) ||
				sc.rawIs(p, rw.Been) || sc.rawIs(p, rw.These) || sc.rawIs(p, rw.Them) || sc.rawIs(p, rw.Those))
		}
	}
	return false
}

// isRange reports whether the mention is one end of a range ("07:00-23:00",
// "9am to 5pm", "Monday to Friday", "from 9", "between 9 and 5").
func (sc *scanner) isRange(m *mention) bool {
	rangeWord := func(t *token) bool {
		if t.kind == tkPunct {
			return t.low == "-" || t.low == "–" || t.low == "—" || t.low == "/"
		}
		return t.low == gw.To || t.low == gw.Until || t.low == gw.Till || t.low == gw.And || t.low == gw.Through
	}
	timeLike := func(k int) bool {
		t := sc.tok(k)
		if t == nil {
			return false
		}
		if t.kind == tkNum {
			return true
		}
		if t.kind == tkWord {
			_, wd := weekdayWords[t.low]
			return wd || t.low == gw.Noon || t.low == gw.Midday || t.low == gw.Midnight
		}
		return false
	}
	if n := sc.tok(m.end); n != nil && !n.sentStart && rangeWord(n) && timeLike(m.end+1) {
		if n.low == "/" && m.clock != nil && (m.clock.zone != nil || m.clock.zoneSent) {
			return false // "By 6pm CET/5pm UK": one time in two zones
		}
		if n.low != gw.And || sc.between(m.start) {
			return true
		}
	}
	if m.start >= 2 {
		p := &sc.toks[m.start-1]
		if !sc.toks[m.start].sentStart && rangeWord(p) && p.low != gw.And && !((p.low == gw.Until || p.low == gw.Till) && sc.answerUntil(m.start-1)) &&
			!(p.low == gw.To && sc.changedFrom(m.start-1) > 0) {
			pp := &sc.toks[m.start-2]
			// both ends alike ("9am - 5pm", "Monday to Friday"), not
			// "No rush tonight - Monday 10am would be fine"
			if pp.consumed && (pp.kind == tkNum || pp.kind == tkWord) && (timeLike(m.start-2) == timeLike(m.start) || !sc.toks[m.start].clauseBrk) {
				// nor, after a spaced dash, ends of different kinds or
				// neither a clock nor a weekday: "No rush today - COP
				// Friday is fine", "Not urgent for today - first thing
				// tomorrow is fine", "Not today - tomorrow lunchtime
				// would do"
				if !sc.toks[m.start].clauseBrk || (timeLike(m.start-2) || timeLike(m.start)) && sc.sameKindBefore(m) {
					return true
				}
			}
		}
	}
	return false
}

// sameKindBefore reports whether the atom ending right before the range
// word in front of m is of the kind of m's first atom ("Monday - Friday",
// "9am - 5pm"; not "today - COP Friday").
func (sc *scanner) sameKindBefore(m *mention) bool {
	var first *atom
	for _, a := range [...]*atom{m.clock, m.named, m.date, m.rel} {
		if a != nil && a.start == m.start {
			first = a
		}
	}
	// the atoms are in text order: find the one ending there by halving
	// (hostile text may hold thousands)
	lo, hi := 0, len(sc.atoms)
	for lo < hi {
		if h := (lo + hi) / 2; sc.atoms[h].end < m.start-1 {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if a := sc.tokAtom(lo); a != nil && a.end == m.start-1 && first != nil {
		return a.kind == first.kind
	}
	return true // no atom known there: keep reading it as a range
}

// tokAtom returns the i-th atom, or nil past the end.
func (sc *scanner) tokAtom(i int) *atom {
	if i < 0 || i >= len(sc.atoms) {
		return nil
	}
	return &sc.atoms[i]
}

// between reports whether "between" precedes token i closely.
func (sc *scanner) between(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if sc.word(k, gw.Between) {
			return true
		}
	}
	return false
}

// leftCue scans back from token i over filler words for the nearest deadline
// cue. It returns the score (<= -100 for an anti-cue), the first token of the
// phrase, whether the cue is strong, and the cue word.
func (sc *scanner) leftCue(i int) (int, int, bool, string) {
	score, start := 0, i
	sawAt := false
	if b, d := sc.thenDay(i); d != nil {
		return 3, b, true, gw.By // "… on Monday, so please by then at 11"
	}
	if d := i - 2; d >= 0 && sc.toks[i].sentStart && sc.punct(i-1, "?") && sc.word(d, gw.Deadline) && sc.toks[d].sentStart && sc.timesEndClause(i) {
		// "Deadline? Today, 5pm.": the question answered at once
		return 3, d, true, gw.Deadline
	}
	if sc.word(i-1, gw.So) && sc.punct(i-2, ",") && sc.timesEndPlease(i) {
		// "We need it for the 12 o'clock, so 10:30 UTC please.": the
		// time drawn from what came before (best prefers it)
		return 3, i - 1, true, gw.So
	}
	if b := sc.ifPossible(i); b >= 0 && sc.toks[b].sentStart && sc.timesEndClause(i) {
		return 2, b, false, gw.Ideally // "If possible tonight.", Greek "Αν γίνεται απόψε."
	}
	if p := i - 1; sc.word(p, gw.For) && sc.toks[p].sentStart && sc.timesEndPlease(i) && !sc.timesEndClause(i) {
		return 2, p, false, gw.Ideally // "For tomorrow 10:00 please." (not "For tomorrow 10am: press conference")
	}
	if p := i - 1 - boolInt(sc.punct(i-1, ",")); sc.word(p, gw.Please) && sc.toks[p].sentStart && sc.timesEndClause(i) {
		// "Please tomorrow morning, as Sunday is a special issue.",
		// "Please, tonight." ("Please tomorrow morning call me" does
		// not end its clause)
		return 2, p, false, gw.Ideally
	}
	if b := i - 2; sc.word(i-1, gw.Now) && !sc.toks[i-1].sentStart {
		// "Deadline was 5pm but is now 3pm": the deadline's new time
		if sc.word(b, gw.Is) && !sc.toks[b].sentStart {
			b--
		}
		if sc.word(b, gw.But) {
			for d := b - 1; d >= 0 && d >= b-6 && !sc.toks[d+1].sentStart; d-- {
				if sc.word(d, gw.Deadline) {
					return 3, d, true, gw.Deadline
				}
			}
		}
		if d := i - 2; sc.punct(d, ":") || sc.punct(d, "-") || sc.punct(d, "–") {
			// "Deadline changed: now 11am tomorrow", "Deadline moved -
			// now 3pm": the deadline's new time
			d--
			if sc.word(d, gw.Changed) || sc.word(d, gw.Moved) || sc.word(d, gw.Slipped) || sc.word(d, gw.Extended) {
				d--
				if sc.word(d, gw.Has) && !sc.toks[d].sentStart {
					d--
				}
				if sc.word(d, gw.Deadline) {
					return 3, d, true, gw.Deadline
				}
			}
		}
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := &sc.toks[k]
		if sc.toks[k+1].sentStart {
			break
		}
		if t.kind == tkPunct {
			switch t.low {
			case ":", "-", "–", "(", "—":
				if k == i-1 && t.low != "(" && (sc.word(k-1, gw.Wise) || sc.word(k-1, gw.Timewise)) {
					if b := sc.wiseDeadline(k - 1); b >= 0 {
						return 3, b, true, gw.Deadline // "Deadline-wise: 5pm"
					}
				}
				if b := sc.ifPossible(k); b >= 0 && k == i-1 && t.low != "(" && sc.timesEndClause(i) {
					return 2, b, false, gw.Ideally // "If possible: this afternoon.", "If possible - tonight."
				}
				if b := k - 2; k == i-1 && t.low != "(" && sc.rawIs(k-1, rw.Tight) && sc.timesEndClause(i) {
					// "Deadline is tight - 2pm.", "Deadline's tight: 2pm."
					// ("Our print deadline is tight today." has no time)
					if sc.word(b, gw.Is) && !sc.toks[b].sentStart {
						b--
					}
					if sc.word(b, gw.Deadline) {
						return 3, b, true, gw.Deadline
					}
				}
				continue
			case ",":
				if sc.word(k-1, gw.Please) || sc.word(k+1, gw.Please) {
					continue // "Пришлите, пожалуйста, что-нибудь сегодня вечером"
				}
				if (sc.word(k-1, gw.Ideally) || sc.word(k-1, gw.Preferably)) && sc.toks[k-1].clauseBrk && k == i-1 {
					return 2, k - 1, false, sc.toks[k-1].low // "Ideally, tonight."
				}
				if b := sc.ifPossible(k); b >= 0 && k == i-1 && (sc.timesEndClause(i) || sc.timesOffered(i)) {
					// "If possible, this afternoon.", "Si puede ser, esta
					// tarde." ("If possible, tonight the minister will
					// speak" is none)
					return 2, b, false, gw.Ideally
				}
				if k == i-1 {
					// an alternative set off by commas between the thing
					// asked for and its time: "Could we have a line, or
					// ideally a minister, this afternoon?" reads as
					// "have a line this afternoon"
					for c := k - 2; c >= 0 && c >= k-5; c-- {
						if sc.toks[c+1].sentStart || sc.toks[c].kind != tkWord && !sc.punct(c, ",") {
							break
						}
						if sc.punct(c, ",") {
							if sc.word(c+1, gw.Or) {
								return sc.leftCue(c)
							}
							break
						}
					}
				}
				if k == i-1 && (sc.word(k-1, gw.Wise) || sc.word(k-1, gw.Timewise)) {
					if b := sc.wiseDeadline(k - 1); b >= 0 {
						return 3, b, true, gw.Deadline // "Deadline-wise, 3pm", "Time-wise, 2pm would be ideal"
					}
				}
				if k == i-1 && sc.word(k-1, gw.Deadline) && sc.timesEndClause(i) {
					// "Tight deadline, 3pm.", "My deadline, 5pm, sorry": the
					// deadline opening its sentence, then its time ("The
					// minister set a deadline, 3pm, for bids" is none)
					if b := k - 1; sc.toks[b].sentStart || b >= 1 && sc.toks[b-1].sentStart && sc.toks[b-1].kind == tkWord {
						return 3, b, true, gw.Deadline
					}
				}
				if sc.word(k+1, gw.At) && k+2 == i && sc.deadlineBeforeComma(k) {
					// "antes del cierre, a las 21.30" ("by deadline, at
					// 21.30" rewritten), "before we close the edition, at
					// 22.00": the time the deadline is
					return 3, k - 1, true, gw.Deadline
				}
			}
			break
		}
		if k == i-1 && t.kind == tkWord && sc.timesEndClause(i) {
			// "could tomorrow afternoon?", "can we tomorrow at 10?": a
			// question's "could"/"can" (and its "you"/"we") right before
			// the time, with no verb, as the desk's languages ask it
			// ("Može li sutra poslijepodne?", "Μπορούμε αύριο στις 10;");
			// the time must close the clause ("Can Friday's meeting …"
			// has more after it)
			c := k
			if sc.rawIs(c, rw.Do) && c > 0 && !sc.toks[c].sentStart {
				c-- // "can we do tomorrow at 10?", "Alla fine possiamo fare domani alle 10?"
			}
			if (sc.word(c, gw.You) || sc.word(c, gw.We)) && c > 0 && !sc.toks[c].sentStart {
				c--
			}
			// the question opens with it, follows a comma ("Ipak, može
			// li sutra u 10?"), or follows one word opening the sentence
			// ("Τελικά μπορούμε αύριο στις 10;": finally, however)
			if (sc.word(c, gw.Could) || sc.word(c, gw.Can)) && sc.toks[c].kind == tkWord &&
				(sc.askedQuestion(i) || c > 0 && sc.toks[c-1].sentStart && sc.toks[c-1].kind == tkWord && !sc.toks[c].sentStart && sc.sentenceQuestion(i)) {
				return 3, c, true, gw.Deadline
			}
		}
		if t.kind == tkNum && t.val == 4 && t.nd == 1 && !t.space && sc.word(k-1, gw.B) && k == i-1 {
			return 3, k - 1, true, gw.Before // "b4 5pm"
		}
		if t.kind != tkWord {
			break
		}
		if t.low == "" && (sawAt && k == i-2 || k == i-1) && sc.rawIs(k, rw.Stop) && sc.rawIs(k-1, rw.Hard) &&
			(sc.toks[k-1].sentStart || sc.word(k-2, gw.My) || sc.word(k-2, gw.Our) || sc.word(k-2, gw.A) && (sc.word(k-3, gw.Have) || sc.word(k-3, gw.Got)) && (sc.toks[k-3].sentStart || sc.givenToUs(k-3))) {
			// "Hard stop at 5.", "I have a hard stop at 5pm", "We've got
			// a hard stop at 4": the journalist's last moment ("Hard stop
			// for the minister at 5", "The bus made a hard stop at 5"
			// are none)
			return 3, k - 1, true, gw.Deadline
		}
		if k == i-1 && (t.low == "" && sc.rawIs(k, rw.Do) || t.low == gw.Manage) && sc.word(k-1, gw.You) && (sc.word(k-2, gw.Can) || sc.word(k-2, gw.Could)) {
			// "can you do 4ish instead?", "Could you do 3pm?", "Can you
			// manage 5pm?": asking whether the desk can manage that time ("do" is read as
			// written: the vocabulary lacks it)
			return 3, k - 2, true, gw.Deadline
		}
		switch t.low {
		case gw.Within:
			// non-native "Please reply within today", "within tomorrow":
			// by the day's end
			// ("The minister will arrive within today" asks nothing);
			// offered too: "A statement within today would be perfect"
			// (Italian "in giornata", French "dans la journée")
			if k == i-1 && (sc.toks[i].low == gw.Today || sc.toks[i].low == gw.Tomorrow || sc.toks[i].cls&clsWeekday != 0) &&
				(sc.sentenceAsksNear(k) || sc.askedQuestion(k) || sc.timesOffered(i)) {
				return 3, k, true, gw.By
			}
		case gw.Until, gw.Till:
			if sc.word(k-1, gw.Up) && k == i-1 {
				return sc.upTo(k - 1) // "any time up until 5 is fine"
			}
			if k == i-1 && (sc.word(k-1, gw.Have) || sc.word(k-1, gw.Got)) {
				// "I have until 4pm to file", "I've got till 6": the
				// journalist's own time
				b := k - 2
				if sc.word(k-1, gw.Got) && sc.word(b, gw.Have) {
					b--
				}
				if sc.word(b, gw.I) || sc.word(b, gw.We) || sc.word(b, gw.IVe) || sc.word(b, gw.WeVe) {
					return 3, b, true, gw.Deadline
				}
			}
			if k == i-1 && ((sc.word(k-1, gw.Me) || sc.word(k-1, gw.Us)) && sc.word(k-2, gw.Given) || sc.word(k-1, gw.Given) && sc.givenToUs(k-1)) {
				// "My editor has given me till 6", "I've been given until
				// 5pm": the journalist's own time
				return 3, k, true, gw.Deadline
			}
			if (k == i-1 || k == i-2 && sc.word(i-1, gw.The)) && sc.answerUntil(k) {
				// "I need your answer until 17h", "send me an answer till
				// tomorrow 10:00" (non-native "until" for "by")
				return 3, k, true, gw.By
			}
		case gw.Of:
			if k == i-1 && sc.word(k-1, gw.Ahead) {
				// "Please respond ahead of 5pm": "before" in other words
				// (its guards apply: "The minister meets Rama ahead of
				// Friday" tells)
				return 3, k - 1, true, gw.Before
			}
			if sc.words(k-2, gw.This, gw.Side, gw.Of) > 0 {
				return 3, k - 2, true, gw.Before // "this side of 4pm"
			}
			if p := sc.tok(k - 1); p != nil && p.kind == tkWord && k == i-1 {
				if c, ok := leftCues[p.low]; ok && (c.As == gw.Deadline || p.low == gw.Deadline) {
					return c.Score, k - 1, c.Strong, gw.Deadline // "We have a hard deadline of 4pm"
				}
			}
		case gw.Than:
			if sc.word(k-1, gw.Later) && (sc.word(k-2, gw.No) || sc.word(k-2, gw.Not)) {
				return 3, k - 2, true, gw.Than
			}
			return 0, start, false, ""
		case gw.Off:
			if sc.word(k-1, gw.Cut) {
				return 3, k - 1, true, gw.Deadline
			}
			if sc.punct(k-1, "-") && sc.word(k-2, gw.Cut) {
				return 3, k - 2, true, gw.Deadline
			}
			return 0, start, false, ""
		case gw.Know:
			// "let me know tonight"
			if (sc.word(k-1, gw.Me) || sc.word(k-1, gw.Us)) && sc.word(k-2, gw.Let) {
				return 2, k - 2, false, gw.Know
			}
			return 0, start, false, ""
		case gw.Back:
			// "get back to me in two hours", "come back to us tonight"
			switch {
			case sc.word(k-1, gw.Get) || sc.word(k-1, gw.Come) || sc.word(k-1, gw.Hear) || sc.word(k-1, gw.Write):
				return 2, k - 1, false, gw.Back
			case sc.word(k-2, gw.Get) || sc.word(k-2, gw.Come): // "get it back", "come straight back"
				return 2, k - 2, false, gw.Back
			}
			continue
		case gw.Reply, gw.Respond, gw.Hear:
			if t.low == gw.Reply && sc.needBeforeNoun(k) {
				continue // "We need a reply today", Serbian "Treba nam odgovor danas" (need us reply today): the thing needed
			}
			if isDeterminer(sc.tok(k - 1)) {
				if t.low == gw.Reply && sc.likeBefore(k-1) {
					return 2, k - 3, false, gw.Like // "I'd like a reply tonight", "… your reply": the thing asked for
				}
				return 0, start, false, "" // "your reply at 3.15pm" is a noun
			}
			if sc.word(k-1, gw.Have) {
				continue // "could I have reply tonight" (Чи можна отримати відповідь …): the thing had
			}
			if t.low != gw.Hear && sc.firstPersonSubject(k) {
				return 0, start, false, "" // "I may be slow to reply this evening": the journalist's own reply
			}
			if k == i-1 || !sc.word(k+1, gw.To) || sc.word(k+2, gw.Me) || sc.word(k+2, gw.Us) {
				return 2, k, false, t.low // "reply to me this afternoon"
			}
			continue
		case rw.Answer:
			// "Please answer tomorrow at 4": the verb in a request;
			// otherwise the thing needed ("need an answer tomorrow")
			if sc.requestVerb(k) && !isDeterminer(sc.tok(k-1)) {
				return 2, k, false, gw.Reply
			}
		case gw.Send, gw.Get, gw.Give:
			// "Could you send me something this evening?", "Please get
			// me a line tonight", "Send us a comment this afternoon": a
			// request verb in the conditional or the imperative before
			// the part of the day it is needed by; "I'll send you the
			// figures tonight" is the journalist's own plan
			if sc.requestVerb(k) {
				return 2, k, false, t.low
			}
			if t.low != gw.Send {
				return 0, start, false, ""
			}
			return -100, start, false, ""
		case rw.Comment:
			// "Could you comment this afternoon?", another language's
			// "could comment": the verb in a request; otherwise the
			// thing needed ("a comment")
			b := k - 1
			if sc.punct(b, "-") {
				b-- // "could- comment" (Pourriez-vous commenter)
			}
			if (sc.word(b, gw.You) || sc.word(b, gw.Could) || sc.word(b, gw.Can) || sc.word(b, gw.Would)) && sc.requestVerb(k) {
				return 2, k, false, gw.Reply
			}
			continue
		case gw.Statement:
			// "a statement this afternoon" after a request; "the statement
			// at 3pm" is an event
			if sc.word(k-1, gw.A) || sc.word(k-1, gw.Any) {
				continue
			}
			return -100, start, false, ""
		case gw.Like, gw.Love:
			if t.low == gw.Like && k == i-1 && sc.word(k-1, gw.Looking) {
				// "Deadline is looking like 4pm", "My deadline's looking
				// like 3pm": the deadline named before it
				b := k - 2
				if sc.word(b, gw.Is) {
					b--
				}
				if sc.word(b, gw.Deadline) && !sc.othersNamedDeadline(b) {
					return 3, b, true, gw.Deadline
				}
			}
			// "I'd like a comment by ..."
			if sc.word(k-1, gw.ID) || sc.word(k-1, gw.WeD) || sc.word(k-1, gw.Would) {
				return 2, k - 1, false, t.low
			}
			return 0, start, false, ""
		case gw.Say:
			if k == i-1 && sc.word(k-1, gw.Let) && sc.toks[k-1].poss {
				return 3, k - 1, true, gw.Deadline // "Let's say 2pm?": the journalist offering the time
			}
			if k == i-1 && (sc.word(k-1, gw.We) || sc.word(k-1, gw.I)) && (sc.word(k-2, gw.Can) || sc.word(k-2, gw.Could) || sc.word(k-2, gw.Shall) || sc.word(k-2, gw.Should)) {
				// "can we say 10 instead?": the journalist moving
				// their own deadline, as "can we push to 5?"; "Shall we
				// say 2pm?", "Should we say 2pm?": offering it
				return 3, k - 2, true, gw.Deadline
			}
			// "Early next week is fine - say Monday 9am": a suggested
			// time, when "say" opens its clause or follows a comma.
			if sc.toks[k].clauseBrk || k > 0 && sc.toks[k-1].kind == tkPunct && (sc.toks[k-1].low == "," || sc.toks[k-1].low == "-" || sc.toks[k-1].low == "–" || sc.toks[k-1].low == "(") {
				return 2, k, false, gw.Say
			}
			return 0, start, false, ""
		case gw.Ideally, gw.Preferably:
			// "Ideally tonight.", "Could you reply, preferably this
			// afternoon?": the wished time, opening its clause or after
			// a comma; elsewhere a filler ("the interview would ideally
			// be tonight")
			if sc.toks[k].clauseBrk || sc.punct(k-1, ",") {
				return 2, k, false, t.low
			}
			continue
		case gw.Around, gw.About, gw.Roughly, gw.Approximately, gw.Sometime:
			start = k
			continue // "come back to me around lunchtime"
		case gw.Have:
			// "could I have something tonight"
			if sc.word(k-1, gw.I) || sc.word(k-1, gw.We) {
				return 2, k, false, gw.Have
			}
			return 0, start, false, ""
		case gw.To:
			if sc.word(k+1, gw.Me) || sc.word(k+1, gw.Us) || sc.word(k+1, gw.You) {
				continue // "back to me tonight"
			}
			if k == i-1 && sc.word(k-1, gw.Working) && sc.firstPersonSubject(k-1) {
				// "We're working to 3pm", "I'm working to 5pm on this":
				// the journalist's own deadline ("Engineers are working
				// to 3pm" is someone else's)
				return 3, k - 1, true, gw.Deadline
			}
			if b := k - 1 - boolInt(sc.word(k-1, gw.Up) || sc.word(k-1, gw.Forward) || sc.word(k-1, gw.Back)); k == i-1 && sc.word(b, gw.Deadline) {
				// "My editor has moved the deadline up to 1pm", "We've
				// changed our deadline to 4pm": the journalist's side
				// moving it ("The EU moved the deadline to Friday" is
				// told)
				v := b - 1
				if sc.word(v, gw.The) || sc.word(v, gw.Our) || sc.word(v, gw.My) {
					v--
				}
				if (sc.word(v, gw.Moved) || sc.word(v, gw.Changed) || sc.word(v, gw.Extended)) && sc.ownSide(v) {
					return 3, b, true, gw.Deadline
				}
			}
			if sc.word(k-1, gw.Up) && k == i-1 && sc.word(k-2, gw.Moved) {
				// "Our deadline's been moved up to 2pm": brought forward
				for b := k - 3; b >= 0 && b >= k-6; b-- {
					if sc.word(b, gw.Deadline) {
						return 3, b, true, gw.Deadline
					}
				}
			}
			if sc.word(k-1, gw.Up) && k == i-1 {
				return sc.upTo(k - 1) // "anything up to 9pm tonight works"
			}
			if k == i-1 && sc.pushTo(k) {
				// "can we push to 5?", "could we move it to 6pm": the
				// journalist moving their own deadline
				return 3, k - 1, true, gw.Deadline
			}
			if v := sc.changedFrom(k); k == i-1 && v > 0 {
				// "Our deadline has changed from 5pm to 3pm": the new time
				for b := v - 1; b >= 0 && b >= v-4; b-- {
					if sc.word(b, gw.Deadline) {
						return 3, b, true, gw.Deadline
					}
				}
			}
			if k == i-1 && (sc.word(k-1, gw.Moved) || sc.word(k-1, gw.Forward) || sc.word(k-1, gw.Changed) || sc.word(k-1, gw.Back) || sc.word(k-1, gw.Extended) || sc.word(k-1, gw.Slipped)) {
				// "Our deadline has moved to 3pm", "deadline brought
				// forward to 2pm", "pushed back to 6pm", "extended to
				// tomorrow": the deadline's new time
				for b := k - 2; b >= 0 && b >= k-5; b-- {
					if sc.word(b, gw.Deadline) {
						return 3, b, true, gw.Deadline
					}
				}
			}
			return 0, start, false, ""
		case gw.And, gw.Or:
			if sc.between(k) {
				return -100, start, false, "" // "between 2 and 4pm"
			}
			return 0, start, false, ""
		case gw.At, "@":
			if sc.word(k-1, gw.Looking) && sc.firstPersonSubject(k-1) && (k == i-1 || k == i-2 && (sc.word(k+1, gw.About) || sc.word(k+1, gw.Around))) {
				// "We're looking at 4pm", "Deadline wise we're looking
				// at about 4pm": the journalist's own time ("The
				// minister is looking at 4pm" is someone else's)
				return 3, k - 1, true, gw.Deadline
			}
			if k == i-1 && sc.word(k-1, gw.Copy) && sc.toks[k-1].sentStart && (sc.clauseEndsAt(sc.pastConsumed(i)) || sc.word(sc.pastConsumed(i), gw.Please)) {
				// "Copy at 3.", "Copy at 4pm, please": the journalist's
				// copy time, said alone ("The copy at 3 was late" and
				// "Copy at 3 went out" tell)
				return 3, k - 1, true, gw.Deadline
			}
			sawAt = true
			start = k
			continue
		case gw.On:
			if k == i-1 && (sc.toks[i].cls&clsWeekday != 0 || sc.toks[i].low == gw.Today || sc.toks[i].low == gw.Tomorrow) {
				start = k
				continue // "Could you reply on Monday morning?", non-native "on today 5 pm"
			}
		case gw.For:
			if k == i-1 && (sc.word(k-1, gw.Aim) || sc.word(k-1, gw.Aiming) || sc.word(k-1, gw.Try)) && (sc.firstPersonSubject(k-1) || sc.word(k-2, gw.Let) && sc.toks[k-2].poss) {
				// "Could we aim for 3pm?", "We're aiming for 4pm": the
				// journalist's own target ("The minister is aiming for
				// 3pm" is someone else's)
				return 3, k - 1, true, gw.Deadline
			}
			if k == i-1 && sc.forAsked(k) {
				// "Could we have it for 6?", "A line for 3pm please": the
				// words asked for, "for" their time, where it asks
				return 3, k, true, gw.By
			}
			start = k
			continue
		case gw.Publish:
			// "before we publish at 4" is the deadline, as "before we
			// go to print at 6"; "The report was published at 4", "We
			// publish at 4" tell
			if k >= i-3 && (sc.word(k-1, gw.We) || sc.word(k-1, gw.I)) && sc.word(k-2, gw.Before) {
				return 3, k - 2, true, gw.Before
			}
			return -100, start, false, ""
		case gw.Print, gw.Press, gw.Air:
			// "before we go to print/air at 6", "we go to press at 8" are
			// deadlines; "on air at 6" is a broadcast
			for b := k - 1; b >= 0 && b >= k-4; b-- {
				if sc.word(b, gw.Before) {
					return 3, b, true, gw.Before
				}
			}
			if t.low != gw.Air && sc.word(k-1, gw.To) && (sc.word(k-2, gw.Go) || sc.word(k-2, gw.Goes) || sc.word(k-2, gw.Going)) {
				return 3, k - 2, true, gw.Print
			}
			// "by the time we go on air at 6", "by the time we're going
			// to print at 9" ("By the time we went on air…" is told)
			for b := k - 1; b >= 0 && b >= k-5; b-- {
				if sc.word(b, gw.Time) {
					if sc.word(b-1, gw.The) && sc.word(b-2, gw.By) {
						return 3, b - 2, true, gw.Before
					}
					break
				}
				if !sc.word(b, gw.We) && !sc.word(b, gw.WeRe) && !sc.word(b, gw.Are) && !sc.word(b, gw.Go) && !sc.word(b, gw.Goes) && !sc.word(b, gw.Going) && !sc.word(b, gw.On) && !sc.word(b, gw.To) {
					break
				}
			}
			return -100, start, false, ""
		case gw.Closes:
			// "Our page closes at 8pm": the journalist's own page or
			// edition closing ("Our office closes at 6pm", "The polls
			// close at 10pm" are none)
			if sawAt && k == i-2 && (sc.word(k-1, gw.Page) || sc.word(k-1, gw.Edition) || sc.word(k-1, gw.Paper)) && (sc.word(k-2, gw.Our) || sc.word(k-2, gw.My)) {
				return 3, k - 2, true, gw.Deadline
			}
		case gw.Page, gw.Pages, gw.Edition, gw.Editions, gw.Paper, gw.Article, gw.Story, gw.Piece:
			// "We close the page at 19h", "we close our edition at 10pm",
			// "We close pages at 6",
			// "I will close the article at 9pm"
			if sawAt && k == i-2 && (sc.closesOwn(k) || sc.mustFile(k)) {
				return 3, max(k-3, 0), true, gw.Deadline
			}
		case gw.Go, gw.Goes, gw.Going, gw.We, gw.WeRe, gw.WeLl, gw.I, gw.IM, gw.ILl, gw.Are:
			if t.low == gw.Goes && (sawAt && k == i-2 || k == i-1) && sc.ownCopy(k-1) {
				// "Our copy goes at 4", "My piece goes in the next two
				// hours": the journalist's copy filed ("The bill goes to
				// the Lords at 4", "His copy goes at 4" are not)
				return 3, k - 2, true, gw.Deadline
			}
			if sawAt {
				continue
			}
			return 0, start, false, ""
		}
		// the cues of the data file: "by"/"before" ("reduced by", "before
		// we go to print at 6"), "deadline", "due", "latest 5pm", "need",
		// "until", "I'd be grateful for a line tonight", …
		if t.low == gw.After && k == i-1 {
			// "Not after 4pm please" (the "not" opening its clause),
			// "Anything after 5pm is too late": by that time
			if sc.word(k-1, gw.Not) && (sc.toks[k-1].clauseBrk || sc.punct(k-2, ",")) {
				return 3, k - 1, true, gw.By
			}
			if sc.tooLateAfter(i) {
				return 3, k, true, gw.By
			}
		}
		if (t.low == gw.By || t.low == gw.Before) && k == i-1 && sc.ownAction(k) {
			return -100, start, false, "" // "I'll send you my piece by 5pm", "I'll try to call before 4"
		}
		if (t.low == gw.By || t.low == gw.Before) && sc.word(k-1, gw.Expected) && sc.othersExpected(k-1) {
			// "Results are expected by 10pm", "A decision is expected by
			// the end of the week": told of something else; "A response
			// is expected by 4pm" asks
			return -100, start, false, ""
		}
		if t.low == gw.Due && sc.punct(k-1, ",") && !sc.toks[k-1].clauseBrk {
			return -100, start, false, "" // "The statement, due at 3pm, was delayed": an aside on something else
		}
		if t.low == gw.Due {
			// "The vote is due at 7pm", "the flight was due at 4": an
			// event's time, not the journalist's ("Copy due at 4" is)
			b := k - 1
			for sc.word(b, gw.Is) || sc.word(b, gw.Are) || sc.word(b, gw.Be) {
				b--
			}
			if p := sc.tok(b); p != nil && p.kind == tkWord && !sc.toks[b+1].sentStart && isAntiWord(p.low) {
				return -100, start, false, ""
			}
			if p := sc.tok(b); b < k-1 && p != nil && p.kind == tkWord && !sc.toks[b+1].sentStart && p.low == "" && !sc.toks[b].quoted {
				// "The minister is due at 4pm in Tirana": someone, or a
				// thing the reader does not know, is due ("My copy is
				// due at 4", "The response is due at 4" are the
				// journalist's)
				return -100, start, false, ""
			}
		}
		if t.low == gw.Filing && (sc.word(k-1, gw.Is) || sc.word(k-1, gw.Are)) && !sc.firstPersonSubject(k) {
			break // "Lawyers for the family are filing at 4pm" (not "We're filing at 4", "I am filing at 4")
		}
		if t.low == gw.Latest && sc.word(k-1, gw.The) && !sc.word(k-2, gw.At) && k+1 < i && !sc.word(k+1, gw.Is) && !sc.word(k+1, gw.At) && !sc.word(k+1, gw.By) {
			break // "The latest figures at 4pm showed …" (not "The latest is 4pm")
		}
		if t.low == gw.Against && k == i-1 && sc.word(k-1, gw.Up) && sc.firstPersonSubject(k-1) {
			return 3, k - 1, true, gw.Deadline // "We're up against 4pm" ("Our troops are up against …" has no time)
		}
		if (t.low == gw.Wise || t.low == gw.Timewise) && k == i-1 {
			if b := sc.wiseDeadline(k); b >= 0 {
				return 3, b, true, gw.Deadline // "Deadline-wise 3pm", "Timewise: 2pm"
			}
		}
		if c, ok := leftCues[t.low]; ok {
			if sc.needNegated(k) {
				return -100, start, false, "" // "No longer need it by 4 - tomorrow morning is fine", "We don't need it by 4"
			}
			if (t.low == gw.Deliver || t.low == gw.Submit) && !sc.firstPersonSubject(k) {
				break // "The minister will deliver the text at 4pm" (not "I have to deliver my text at 16h")
			}
			if t.low == gw.Finish && !sc.mustFile(k) {
				break // "I must finish my story at 6pm" (not "I finish work at 6", "The minister will finish his speech at 4pm")
			}
			label := t.low
			if c.As != "" {
				label = c.As
			}
			return c.Score, k, c.Strong, label
		}
		if leftFillers[t.low] {
			continue // "is", "a line", "please", "the copy", …
		}
		if isAntiWord(t.low) {
			return -100, start, false, ""
		}
		break
	}
	if sawAt {
		score = 1
	}
	return score, i, false, ""
}

// givenToUs reports whether "given" at k has the journalist as its
// subject ("I've been given until 5pm"; "He was given until Friday" is
// someone else's).
func (sc *scanner) givenToUs(k int) bool {
	for b := k - 1; b >= 0 && b >= k-3; b-- {
		if sc.toks[b+1].clauseBrk {
			return false
		}
		switch sc.toks[b].low {
		case gw.I, gw.We, gw.IVe, gw.WeVe, gw.IM, gw.WeRe:
			return true
		}
	}
	return false
}

// tooLateAfter reports whether the clause from token i goes on to say
// it is too late ("after 5pm is too late for us").
func (sc *scanner) tooLateAfter(i int) bool {
	for e := i + 1; e < len(sc.toks) && e < i+8; e++ {
		if sc.toks[e].sentStart || sc.toks[e].clauseBrk || sc.punct(e, ",") || sc.word(e, gw.Not) {
			return false // "…, too late for the vote", "it's not too late"
		}
		if sc.word(e, gw.Too) && sc.word(e+1, gw.Late) {
			return true
		}
	}
	return false
}

// ownAction reports whether "by"/"before" at k follows the journalist's
// own sending or calling ("I'll send you my piece by 5pm", "We'll try to
// call before 4"): their plan, not a time asked of the desk ("Could you
// call me before 4?", "I need to send my copy by 5pm" are).
func (sc *scanner) ownAction(k int) bool {
	for v := k - 1; v >= 0 && v >= k-5; v-- {
		t := &sc.toks[v]
		if t.kind != tkWord || sc.toks[v+1].clauseBrk {
			return false
		}
		if t.low != gw.Send && t.low != gw.Call {
			if leftFillers[t.low] || t.low == "" { // "my piece", "the questions"
				continue
			}
			return false
		}
		for b := v - 1; b >= 0 && b >= v-4; b-- {
			s := &sc.toks[b]
			if s.kind != tkWord || sc.toks[b+1].clauseBrk {
				return false
			}
			switch s.low {
			case gw.I, gw.We, gw.ILl, gw.WeLl, gw.IM, gw.WeRe:
				return true
			case gw.Need, gw.Needs, gw.Have, gw.Got, gw.Must, gw.You, gw.Could, gw.Can, gw.Please:
				return false // ("I must send my article before 22:00": their deadline)
			}
		}
		return false
	}
	return false
}

// likeBefore reports whether "I'd like", "we would like" or "we'd love"
// ends right before token k.
func (sc *scanner) likeBefore(k int) bool {
	if !sc.word(k-1, gw.Like) && !sc.word(k-1, gw.Love) {
		return false
	}
	return sc.word(k-2, gw.ID) || sc.word(k-2, gw.WeD) || sc.word(k-2, gw.Would)
}

// requestVerb reports whether the verb at token k is asked for: after
// "could/can/would (you)" ("Could you send me …", "if you could get …",
// and another language's "could send me", its subject in the verb), after
// "please", or opening its clause (the imperative, "Send me a line
// tonight"), with "me", "us" or "please" between. "I could send you …",
// "we can get …" are the journalist's own offer.
func (sc *scanner) requestVerb(k int) bool {
	b := k - 1
	for n := 0; n < 3 && sc.tok(b) != nil; n++ {
		switch {
		case sc.word(b, gw.Please) || sc.word(b, gw.Pls) || sc.word(b, gw.Plz):
			return true
		case sc.word(b, gw.Me) || sc.word(b, gw.Us) || sc.punct(b, "-"):
			b-- // "could- send-me" (Pourriez-vous, envoyez-moi)
			continue
		case sc.word(b, gw.You) && n == 0:
			b--
			return sc.word(b, gw.Could) || sc.word(b, gw.Can) || sc.word(b, gw.Would)
		}
		break
	}
	if (sc.word(b, gw.I) || sc.word(b, gw.We)) && (sc.word(b-1, gw.Could) || sc.word(b-1, gw.Can)) && sc.toks[b-1].clauseBrk {
		return true // "Can I get a comment tonight?"
	}
	if sc.punct(b, ",") && sc.ifPossible(b) >= 0 {
		return true // "If possible, send us an answer tomorrow morning" (the imperative after it)
	}
	if sc.word(b, gw.To) && sc.word(b-1, gw.Possible) {
		return true // "Would it be possible to get a statement this evening?"
	}
	if sc.word(b, gw.Could) || sc.word(b, gw.Can) || sc.word(b, gw.Would) {
		// "if you could send …", another language's "¿could send me",
		// "me could send" (Mi può inviare); not "he could send"
		p := sc.tok(b - 1)
		return sc.toks[b].clauseBrk || p == nil || p.kind != tkWord || p.low == gw.You || p.low == gw.Me || p.low == gw.Us
	}
	return sc.toks[b+1].clauseBrk && sc.toks[b+1].kind == tkWord
}

// isDeterminer reports whether t is a determiner or possessive ("your", "the").
func isDeterminer(t *token) bool {
	if t == nil || t.kind != tkWord {
		return false
	}
	return determiners[t.low] || t.poss
}

// isAntiWord: words that, right before a time, say it is not a deadline.
func isAntiWord(w string) bool { return antiWords[w] }

// rightCue scores the words right after a mention.
func (sc *scanner) rightCue(j int) int {
	t := sc.tok(j)
	if t == nil || t.sentStart {
		return 0
	}
	// attributive use: "the 6pm bulletin", "our 9am call" (no punctuation in between)
	if t.kind == tkWord {
		if t.low == gw.Or && sc.word(j+1, gw.So) && !sc.toks[j+1].sentStart {
			// "In the next hour or so would be perfect", "by 4 or so,
			// please": the time given roughly, then what follows it
			return sc.rightCue(j + 2)
		}
		if v, ok := rightCues[t.low]; ok {
			return v // "4pm deadline", "4pm latest"
		}
		if recurringWords[t.low] {
			return -100 // "6pm daily", "from 9am onwards"
		}
		switch t.low {
		case gw.At:
			if sc.words(j, gw.At, gw.The, gw.Latest) > 0 || sc.words(j, gw.At, gw.Latest) > 0 {
				return 3
			}
		case gw.Cut:
			if e := sc.words(j, gw.Cut, gw.Off); e > 0 && sc.clauseEndsAt(e) {
				return 3 // "We've got a 3pm cut-off." (as "cutoff")
			}
		case gw.Is, gw.Would, gw.Works, gw.Work, gw.Suits, gw.Should, gw.Could:
			if t.low == gw.Is && sc.isTheDeadline(j) {
				return 3 // "3pm is the cut-off.", "5pm is the cutoff for us."
			}
			if sc.goodAfter(j) {
				return 2
			}
		case gw.Be:
			// "Would 4pm be possible?" (not "… be possible for a call?")
			if sc.goodAfter(j) && !sc.antiInClause(j) {
				return 2
			}
		default:
			if goodAfterWords[t.low] && !sc.antiInClause(j) {
				return 2 // "Is 4pm doable?", "5pm OK?"
			}
			if sc.rawIs(j, rw.Will) && sc.goodAfter(j) {
				return 2 // "Tomorrow lunchtime will do"
			}
		case gw.If:
			// "if possible", "if poss", "if you can"
			if sc.word(j+1, gw.Possible) || sc.word(j+1, gw.Poss) || sc.words(j+1, gw.You, gw.Can) > 0 || sc.words(j+1, gw.At, gw.All) > 0 {
				return 1
			}
		case gw.Please, gw.Pls, gw.Plz:
			if sc.words(j+1, gw.At, gw.The, gw.Latest) > 0 {
				return 4
			}
			return 1
		}
		if t.low == gw.Since && (sc.word(j+1, gw.I) || sc.word(j+1, gw.We) || sc.word(j+1, gw.IM) || sc.word(j+1, gw.WeRe) || sc.word(j+1, gw.The) || sc.word(j+1, gw.Our) || sc.word(j+1, gw.My)) {
			return 0 // "before 5pm since I am filing": because
		}
		if isAntiWord(t.low) || rightAnti[t.low] {
			return -100
		}
	}
	if t.kind == tkPunct && (t.low == "," || t.low == "-" || t.low == "–" || t.low == "—") {
		if sc.words(j+1, gw.At, gw.The, gw.Latest) > 0 || sc.word(j+1, gw.Latest) {
			return 3
		}
		if sc.words(j+1, gw.No, gw.Later) > 0 {
			return 3
		}
		// "Tonight, that would be perfect.", "Ce soir, ce serait
		// parfait" (tonight, would be perfect)
		if sc.word(j+1, gw.Would) && sc.goodAfter(j+1) || (sc.word(j+1, gw.That) || sc.word(j+1, gw.It)) && sc.word(j+2, gw.Would) && sc.goodAfter(j+2) ||
			sc.word(j+1, gw.Thatd) && sc.goodAfter(j+2) { // "Tonight, that'd be great"
			return 2
		}
		// "Within the hour, if possible.", "Tomorrow morning, please.",
		// "Tomorrow morning, if you can." (as without the comma)
		if sc.words(j+1, gw.If, gw.Possible) > 0 || sc.words(j+1, gw.If, gw.Poss) > 0 || sc.words(j+1, gw.If, gw.You, gw.Can) > 0 ||
			sc.word(j+1, gw.Please) || sc.word(j+1, gw.Pls) || sc.word(j+1, gw.Plz) {
			return 1
		}
	}
	return 0
}

// antiInClause reports whether an event or other anti-cue word is in
// the clause around j or the sentence before ("be possible for a
// call", "Wäre ein Interview … um 15 Uhr möglich?").
func (sc *scanner) antiInClause(j int) bool {
	for k := j; k < len(sc.toks) && k < j+12; k++ {
		if k > j && sc.toks[k].clauseBrk {
			break
		}
		if isAntiWord(sc.toks[k].low) {
			return true
		}
	}
	// and the sentence before: "Could the minister do an interview?
	// Would 4pm be possible?" proposes a slot
	breaks := 0
	for k := j - 1; k >= 0 && k >= j-30; k-- {
		if isAntiWord(sc.toks[k].low) {
			return true
		}
		if sc.toks[k].sentStart {
			if breaks++; breaks > 1 {
				break
			}
		}
	}
	return false
}

// isGoodAlone reports whether token j is a word of good_after ending its
// clause ("fine." in "Tonight's fine."; not "tomorrow's good news").
func (sc *scanner) isGoodAlone(j int) bool {
	t := sc.tok(j)
	return t != nil && t.kind == tkWord && !t.sentStart && goodAfterWords[t.low] && sc.clauseEndsAt(j+1)
}

// rawIs reports whether token k is the word w as written, in any case.
func (sc *scanner) rawIs(k int, w string) bool {
	t := sc.tok(k)
	return t != nil && t.kind == tkWord && strings.EqualFold(sc.text[t.start:t.end], w)
}

// goodAfter reads "is fine", "would be great", "works", "is ideal".
func (sc *scanner) goodAfter(j int) bool {
	for k := j; k < len(sc.toks) && k < j+4; k++ {
		w := sc.toks[k].low
		if goodAfterWords[w] {
			return true // "is fine", "would be great"
		}
		switch w {
		case gw.Works, gw.Work, gw.Suit, gw.Suits:
			// "4pm works", "3pm UK time would work for us"
			if k == j || sc.word(k-1, gw.Would) || sc.word(k-1, gw.Should) || sc.word(k-1, gw.Could) {
				return true
			}
		case "":
			// "Tomorrow lunchtime would do", "4pm will do" ("do" and
			// "will" are read as written: the vocabulary lacks them)
			if k > j && sc.rawIs(k, rw.Do) && (sc.word(k-1, gw.Would) || sc.rawIs(k-1, rw.Will)) {
				return true
			}
			continue
		case gw.Is, gw.Would, gw.Be, gw.Really, gw.Also, gw.Absolutely:
			continue
		default:
			return false
		}
	}
	return false
}

// dayGoodEnds reports whether a day alone that opens its clause is
// offered as the time: "Tomorrow is fine.", "Tomorrow's fine.", "Friday
// would be great for us." (not "Friday is fine for the interview",
// "Monday would be great for a visit").
func (sc *scanner) dayGoodEnds(m *mention) bool {
	if sc.toks[m.end-1].poss {
		return sc.isGoodAlone(m.end)
	}
	if !sc.goodAfter(m.end) {
		return false
	}
	for k := m.end; k < len(sc.toks) && k < m.end+4; k++ {
		if goodAfterWords[sc.toks[k].low] {
			if sc.word(k+1, gw.For) && (sc.word(k+2, gw.Us) || sc.word(k+2, gw.Me)) {
				k += 2
			}
			return sc.clauseEndsAt(k + 1)
		}
	}
	return false
}

// goodEnds is goodAfter where the good word ends its clause ("anything
// before would be great."; not "… would be great news for him").
func (sc *scanner) goodEnds(j int) bool {
	if !sc.goodAfter(j) {
		return false
	}
	for k := j; k < len(sc.toks) && k < j+4; k++ {
		if goodAfterWords[sc.toks[k].low] {
			return sc.clauseEndsAt(k+1) || sc.word(k+1, gw.Thanks) || sc.word(k+1, gw.Please)
		}
	}
	return false
}

// clauseCues scores request cues elsewhere in the mention's clause.
func (sc *scanner) clauseCues(m *mention) int {
	// The clause, but no further than clauseReach tokens either side: a
	// real clause is shorter, and hostile text without breaks must not
	// make every mention read all of it.
	lo := m.start
	for lo > 0 && !sc.toks[lo].clauseBrk && m.start-lo < clauseReach {
		lo--
	}
	hi := m.end
	for hi < len(sc.toks) && !sc.toks[hi].clauseBrk && hi-m.end < clauseReach {
		hi++
	}
	score, penalty := 0, 0
	for k := lo; k < hi; k++ {
		if k >= m.start && k < m.end {
			continue
		}
		t := &sc.toks[k]
		if t.kind != tkWord {
			continue
		}
		switch t.low {
		case gw.Back:
			if k+1 < hi && (sc.word(k+1, gw.To) || sc.word(k-1, gw.Get) || sc.word(k-1, gw.Come)) {
				score += 2
			}
		case gw.Know:
			if sc.word(k-1, gw.Me) && sc.word(k-2, gw.Let) || sc.word(k-1, gw.Us) && sc.word(k-2, gw.Let) {
				score += 2
			}
		case gw.With:
			// "(I) could (really) do with something": the journalist's
			// need ("The minister could do with a rest" is not)
			b := k - 2
			if sc.word(b, gw.Really) {
				b--
			}
			if sc.rawIs(k-1, rw.Do) && (sc.word(b, gw.Could) || sc.word(b, gw.Can)) &&
				(sc.toks[b].clauseBrk || sc.word(b-1, gw.I) || sc.word(b-1, gw.We)) {
				score += 2
			}
		case gw.Like, gw.Love, gw.Want:
			// "We'd want it before the 6 o'clock news", "I'd like
			// something ahead of the six o'clock bulletin": a wish in
			// the conditional, the journalist's, asks as "need" does
			// ("The minister would like to speak before the news" is
			// someone else's: the subject must be "I'd"/"we'd", or "I"
			// or "we" and "would"), before the time it wants ("First
			// thing I'd like to know is the total" names none)
			if k < m.start && (sc.word(k-1, gw.ID) || sc.word(k-1, gw.WeD) ||
				sc.word(k-1, gw.Would) && (sc.word(k-2, gw.I) || sc.word(k-2, gw.We))) {
				score += 2
			}
		default:
			// "need", "please", …; recurring hours, office hours and
			// embargoes are a penalty: not this message's deadline
			if t.cls&clsClause == 0 {
				continue // (most words: no map lookup)
			}
			if v := clauseCueWords[t.low]; v > 0 {
				score += v
			} else if v < 0 && !(k >= m.end && isDeterminer(sc.tok(k-1)) && sc.tok(k+1) != nil && sc.toks[k+1].kind == tkWord) {
				// (after the time, "for our weekly newsletter", "for
				// the daily edition" name what it is for)
				penalty -= v
			}
		}
	}
	if score > 2 {
		score = 2
	}
	return score - penalty
}

// clauseReach bounds how far clauseCues looks from a mention, in tokens.
const clauseReach = 60

// deadlineBeforeComma reports whether the words before the comma at k
// name the deadline itself: "deadline" ("need by deadline, at 21.30",
// Spanish "antes del cierre, a las 21.30" rewritten), or the edition
// closed or the broadcast after "before"/"by" in a sentence that asks
// ("Please send your comment before we close the edition, at 22.00").
func (sc *scanner) deadlineBeforeComma(k int) bool {
	t := sc.tok(k - 1)
	if t == nil || t.kind != tkWord {
		return false
	}
	if t.low == gw.Deadline {
		return true
	}
	if !broadcastWords[t.low] && t.low != gw.Print {
		return false // ("before we go to print, at 21:00")
	}
	for b := k - 2; b >= 0 && b >= k-6; b-- {
		if sc.toks[b].kind != tkWord {
			return false
		}
		if sc.toks[b].low == gw.Before || sc.toks[b].low == gw.By {
			return sc.sentenceAsks(k) || sc.askedQuestion(k)
		}
		if sc.toks[b].sentStart {
			return false
		}
	}
	return false
}

// answerUntil reports whether "until"/"till" at k follows the words
// asked for in a clause that asks for them ("need your answer until
// 17h", "Please send me a comment till 4pm"): the writer's "by", as
// non-native English often has it. Someone available, or a state that
// lasts ("The line is open until 6"), is not.
func (sc *scanner) answerUntil(k int) bool {
	if k < 1 || sc.toks[k].clauseBrk {
		return false
	}
	w := k - 1
	if p := &sc.toks[w]; p.kind == tkWord && (p.low == gw.Please || p.low == gw.Pls) && (p.clauseBrk || sc.punct(w-1, ",") || sc.word(w-1, gw.So)) {
		// "We publish at noon, so please till 11:30 Belgrade time":
		// "please" alone before "until" asks for the answer by then
		return !sc.availableAfter(k + 1)
	}
	if sc.punct(w, ",") && sc.replyBefore(w) {
		// "Please reply within today Seoul time, until 11pm KST": the
		// reply asked in the clause before the comma
		return !sc.availableAfter(k + 1)
	}
	if t := &sc.toks[w]; t.kind == tkWord && (t.low == gw.Today || t.low == gw.Tomorrow || t.low == gw.Please) && w > 0 {
		w-- // "answer me today until 4 PM", "Answer please till 16:00"
	}
	if sc.toks[w].kind != tkWord {
		return false
	}
	from := w - 1
	switch sc.toks[w].low {
	case rw.Answer, gw.Reply, gw.Response, rw.Comment, gw.Statement, gw.Quote, gw.Line, gw.Respond, rw.Answers, rw.Comments, rw.Responses:
		// (the plurals: "I need the answers till 4pm")
		if sc.toks[w].sentStart && sc.toks[w].capital {
			return !sc.availableAfter(k + 1) // "Answer until today 16h please.": the imperative
		}
	case gw.Needed:
		// "Answer is needed until 18.00 Brussels time" (not "Help is
		// needed until Friday": for that long)
		b := w - 1
		if sc.word(b, gw.Is) || sc.word(b, gw.Be) {
			b--
		}
		for _, x := range []string{rw.Answer, gw.Reply, gw.Response, rw.Comment, gw.Statement, gw.Quote, gw.Line} {
			if sc.word(b, x) {
				return !sc.availableAfter(k + 1)
			}
		}
		return false
	case gw.File, gw.Submit, gw.Deliver, gw.Finish, gw.Copy, gw.Story, gw.Piece, gw.Article, gw.Text:
		// "I need to file until 15:00 Israel time", "I must submit my
		// article until 17:00": the journalist's own filing, which must
		// be done by then ("I will file until 6pm", "I need to stay
		// until 5pm" are not); "I will close the article until 9 in the
		// evening": closing it
		return (sc.mustFile(w) || sc.closesOwn(w)) && !sc.availableAfter(k+1)
	case gw.Have:
		// "You have until 4pm to respond.": the desk given its time
		// ("The government has until Friday", "Do you have until 5pm?",
		// "I have until 4pm" are not asked)
		return sc.word(w-1, gw.You) && sc.toks[w-1].sentStart && sc.toks[w-1].capital && !sc.availableAfter(k+1)
	case gw.Me, gw.Us:
		// "please answer me until 16h": the verb, then who to
		switch sc.toks[max(w-1, 0)].low {
		case rw.Answer, gw.Reply, gw.Respond:
			from = w - 2
		default:
			return false
		}
	default:
		return false
	}
	for b := from; b >= 0 && b >= k-8; b-- {
		t := &sc.toks[b]
		if t.kind != tkWord {
			return false
		}
		switch t.low {
		case gw.Need, gw.Needs, gw.Needed, gw.Please, gw.Send, gw.Could, gw.Can, gw.Would, gw.Expect, gw.Wait, gw.Await, gw.Grateful, gw.Appreciate, gw.Possible:
			// ("I expect your answer till 3 o'clock", "we await your
			// reply until 16h", "Can you answer me today until 16.30?",
			// "I would be grateful for an answer until Friday noon")
			return !sc.availableAfter(k + 1)
		}
		if t.sentStart {
			return false
		}
	}
	return false
}

// replyBefore reports whether the clause before the comma at c, in its
// sentence, asks for the reply: "Please reply (…)", "Could you answer
// (…)", "Can you respond (…)" ("The minister will reply today, until 6pm
// he is in meetings" is not asked).
func (sc *scanner) replyBefore(c int) bool {
	for b := c - 1; b >= 0 && b >= c-10; b-- {
		t := &sc.toks[b]
		if t.kind == tkPunct && b < c-1 {
			return false
		}
		if t.kind == tkWord && (t.low == gw.Reply || t.low == gw.Respond || t.low == rw.Answer) && sc.requestVerb(b) {
			return true
		}
		if t.sentStart || t.clauseBrk {
			return false
		}
	}
	return false
}

// closesOwn reports whether token w ends the journalist closing their own
// page, edition, paper or article: "we close the page", "I will close the
// article", "we must close our edition" ("They close the paper", "The
// office will close the page" are not theirs).
func (sc *scanner) closesOwn(w int) bool {
	switch sc.toks[w].low {
	case gw.Page, gw.Pages, gw.Edition, gw.Editions, gw.Paper, gw.Article, gw.Story, gw.Piece:
	default:
		return false
	}
	v := w - 1 // "we close edition at 21h": the article left out
	if sc.word(v, gw.The) || sc.word(v, gw.Our) || sc.word(v, gw.My) {
		v--
	}
	b := v - 1
	switch {
	case sc.word(v, gw.Close):
		if sc.rawIs(b, rw.Will) || sc.word(b, gw.Must) {
			b--
		}
	case sc.word(v, gw.Closing):
		// "We are closing the edition at 21h", "we're closing"
		if sc.word(b, gw.WeRe) || sc.word(b, gw.IM) {
			return true
		}
		if !sc.word(b, gw.Are) && !sc.word(b, gw.Am) {
			return false
		}
		b--
	default:
		return false
	}
	return sc.word(b, gw.We) || sc.word(b, gw.I)
}

// ownCopy reports whether token w is the journalist's own copy, story,
// piece or article: "our copy", "my piece".
func (sc *scanner) ownCopy(w int) bool {
	switch {
	case sc.word(w, gw.Copy), sc.word(w, gw.Piece), sc.word(w, gw.Story), sc.word(w, gw.Article):
		return sc.word(w-1, gw.Our) || sc.word(w-1, gw.My)
	}
	return false
}

// askedNounAt reports whether token k is the thing asked for: an answer,
// reply, response, comment, statement, quote or line.
func (sc *scanner) askedNounAt(k int) bool {
	for _, x := range []string{rw.Answer, gw.Reply, gw.Response, rw.Comment, gw.Statement, gw.Quote, gw.Line} {
		if sc.word(k, x) {
			return true
		}
	}
	return false
}

// askedNounOpens reports whether the thing asked for at k opens its
// sentence, alone or after "a", "an", "your" ("A reply today, if
// possible.", Serbian "Odgovor danas, ako je moguće.").
func (sc *scanner) askedNounOpens(k int) bool {
	if !sc.askedNounAt(k) {
		return false
	}
	if sc.toks[k].sentStart {
		return true
	}
	return (sc.word(k-1, gw.A) || sc.word(k-1, gw.An) || sc.word(k-1, gw.Your)) && sc.toks[k-1].sentStart
}

// othersExpected reports whether "expected" at e follows "is/are/be"
// and something other than the thing asked for: "Results are expected",
// "A decision is expected" ("A response is expected" asks).
func (sc *scanner) othersExpected(e int) bool {
	b := e - 1
	for sc.word(b, gw.Is) || sc.word(b, gw.Are) || sc.word(b, gw.Be) || sc.word(b, gw.Would) {
		b--
	}
	if b == e-1 {
		return false
	}
	for _, x := range []string{rw.Answer, gw.Reply, gw.Response, rw.Comment, gw.Statement, gw.Quote, gw.Line} {
		if sc.word(b, x) {
			return false
		}
	}
	return true
}

// ownSide reports whether the clause before token v names the journalist's
// side as its subject: "I", "we", "my editor", "our desk" ("The EU",
// "They", "your office" are not).
func (sc *scanner) ownSide(v int) bool {
	for b := v - 1; b >= 0 && b >= v-5; b-- {
		t := &sc.toks[b]
		if t.kind != tkWord {
			return false
		}
		switch t.low {
		case gw.You, gw.Your:
			return false
		case gw.I, gw.We, gw.ILl, gw.WeLl, gw.IM, gw.WeRe, gw.ID, gw.WeD, gw.IVe, gw.WeVe, gw.My, gw.Our:
			return true
		}
		if t.clauseBrk {
			return false
		}
	}
	return false
}

// mustFile reports whether token w ends "need to / have to / must" and
// the journalist's filing verb, with "my/our" copy after it: "I need to
// file", "we have to deliver our text", "I must submit my article".
func (sc *scanner) mustFile(w int) bool {
	v := w
	switch sc.toks[w].low {
	case gw.Copy, gw.Story, gw.Piece, gw.Article, gw.Text:
		if !sc.word(w-1, gw.My) && !sc.word(w-1, gw.Our) && !sc.word(w-1, gw.The) {
			return false // ("I must send the article at 18 o'clock": the subject says whose)
		}
		v = w - 2
		if !sc.word(v, gw.Send) && !sc.word(v, gw.File) && !sc.word(v, gw.Submit) && !sc.word(v, gw.Deliver) && !sc.word(v, gw.Finish) {
			return false
		}
	}
	switch {
	case sc.word(v-1, gw.To) && (sc.word(v-2, gw.Need) || sc.word(v-2, gw.Have)):
		return sc.firstPersonSubject(v - 2)
	case sc.word(v-1, gw.Must):
		return sc.firstPersonSubject(v - 1)
	}
	return false
}

// upTo scores "up to"/"up until" at u: "by" after "anything", "any
// time", "something" ("anything up to 9pm tonight works"); elsewhere a
// weak "until" ("The debate runs up to 10pm").
func (sc *scanner) upTo(u int) (int, int, bool, string) {
	if sc.word(u-1, gw.Anything) || sc.word(u-1, gw.Something) || sc.word(u-1, gw.Time) && sc.word(u-2, gw.Any) {
		return 3, u, true, gw.By
	}
	return 1, u, false, gw.Until
}

// askedQuestion reports whether the sentence around token k is a
// request put as a question: it, or a clause of it before k after a
// spaced dash or a comma, opens with "could", "can", "would", "any
// (chance)" or "is (there)" and ends with "?" ("Could we have a line for
// the 1pm news?", "Any chance of a comment ahead of …?", "We're going
// live at 1pm - could we have a line before?").
func (sc *scanner) askedQuestion(k int) bool {
	asks := func(b int) bool {
		return sc.word(b, gw.Could) || sc.word(b, gw.Can) || sc.word(b, gw.Would) || sc.word(b, gw.Any) || sc.word(b, gw.Is)
	}
	b, clause := k, false
	for b > 0 && !sc.toks[b].sentStart && k-b < 40 {
		if b < k && (sc.toks[b].clauseBrk || sc.punct(b-1, ",")) && asks(b) {
			clause = true
		}
		b--
	}
	if !clause && (!sc.toks[b].sentStart || !asks(b)) {
		return false
	}
	for e := k + 1; e < len(sc.toks) && e < k+40; e++ {
		if sc.toks[e].sentStart {
			return sc.punct(e-1, "?")
		}
	}
	return sc.punct(len(sc.toks)-1, "?") && len(sc.toks)-k < 40
}

// sentenceQuestion reports whether the sentence holding token i ends
// with a question mark.
func (sc *scanner) sentenceQuestion(i int) bool {
	for e := i + 1; e < len(sc.toks) && e < i+40; e++ {
		if sc.toks[e].sentStart {
			return sc.punct(e-1, "?")
		}
	}
	return sc.punct(len(sc.toks)-1, "?") && len(sc.toks)-i < 40
}

// asksForWords reports whether the sentence before token k asks for
// words from the desk ("a line", "a comment", "a statement", "a
// quote", "a response", "an answer", "it", "something"), not for a
// guest or a slot ("Can the minister come on for the 1pm news?", "We
// need a guest for the 6pm bulletin").
func (sc *scanner) asksForWords(k int) bool {
	for b := k - 1; b >= 0 && b >= k-40; b-- {
		switch sc.toks[b].low {
		case gw.Line, gw.Quote, gw.Response, gw.Statement, rw.Answer, rw.Comment, gw.It, gw.This, gw.That, gw.Something, gw.Anything, gw.Information, gw.Info:
			return true // ("Need this for the 6 o'clock news", "We need the information for the evening news at 19:30")
		}
		if sc.toks[b].sentStart {
			break
		}
	}
	return false
}

// anythingBy reports whether the sentence opens with what is asked for,
// "anything" or "something", and "by" right before token k: "Anything by
// ten tonight would make our late edition", "Something by five on Friday?"
// ("Turnout rose by ten tonight" is a quantity).
func (sc *scanner) anythingBy(k int) bool {
	if !sc.word(k-1, gw.By) {
		return false
	}
	for b := k - 2; b >= 0 && b >= k-4; b-- {
		if sc.toks[b+1].sentStart {
			return false
		}
		if sc.word(b, gw.Anything) || sc.word(b, gw.Something) {
			return sc.toks[b].sentStart
		}
		if !sc.word(b, gw.From) && !sc.word(b, gw.You) {
			return false // "Anything that fell by five on Tuesday"
		}
	}
	return false
}

// pushTo reports whether "to" at k follows a request to move the
// deadline: "can we push to 5", "could we move it to 6pm", "can I
// stretch that to 4" (a verb in the base form after "can/could we/I",
// with "it", "this" or "that" between).
func (sc *scanner) pushTo(k int) bool {
	v := k - 1
	if sc.word(v, gw.It) || sc.word(v, gw.This) || sc.word(v, gw.That) {
		v--
	}
	if !sc.word(v, gw.Push) && !sc.word(v, gw.Move) && !sc.word(v, gw.Stretch) && !sc.word(v, gw.Extend) {
		return false
	}
	return (sc.word(v-1, gw.We) || sc.word(v-1, gw.I)) && (sc.word(v-2, gw.Can) || sc.word(v-2, gw.Could))
}

// sentenceAsks reports whether the sentence around token k has a
// request word (en.json clause_cues: "need", "please", "respond").
func (sc *scanner) sentenceAsks(k int) bool {
	b := k
	for b > 0 && !sc.toks[b].sentStart {
		b--
	}
	for e := b; e < len(sc.toks) && (e == b || !sc.toks[e].sentStart); e++ {
		if clauseCueWords[sc.toks[e].low] > 0 {
			return true
		}
	}
	return false
}

// sentenceAsksBut is sentenceAsks not counting the word but ("latest" in
// the "at the latest" being read), and no further than 40 tokens either
// side of k: hostile text without breaks must not make every mention
// read all of it.
func (sc *scanner) sentenceAsksBut(k int, but string) bool {
	b := k
	for b > 0 && !sc.toks[b].sentStart && k-b < 40 {
		b--
	}
	for e := b; e < len(sc.toks) && e-k < 40 && (e == b || !sc.toks[e].sentStart); e++ {
		if w := sc.toks[e].low; w != but && clauseCueWords[w] > 0 {
			return true
		}
	}
	return false
}

// sentenceAsksNear is sentenceAsks no further than 40 tokens either side
// of k.
func (sc *scanner) sentenceAsksNear(k int) bool { return sc.sentenceAsksBut(k, "") }

// thenAfter reports whether "before then", "by then" or "until then"
// follows the mention later in its sentence with no other time in between:
// the mention is the cut-off the request points back to.
func (sc *scanner) thenAfter(j int) bool {
	breaks := 0
	for k := j; k < len(sc.toks) && k < j+16; k++ {
		t := &sc.toks[k]
		if k > j && t.sentStart {
			// "The press conference is at 10 tomorrow; I need your
			// comment before then": one sentence on, no time between
			if breaks++; breaks > 1 || t.nl > 1 {
				return false
			}
		}
		if t.consumed {
			return false
		}
		if t.kind == tkWord && (t.low == gw.Before && sc.bareBefore(k) || t.low == gw.Beforehand || t.low == gw.By && sc.bareBy(k)) && k > j {
			// "We close at 18h, so please answer before.", German "bitte
			// vorher antworten", "We're on air at 6pm and would like a
			// response beforehand": "before" alone points back as
			// "before then" does
			return !sc.availableAfter(k+1) && (sc.sentenceAsks(k) || sc.askedQuestion(k) || t.low == gw.Before && sc.goodEnds(k+1))
		}
		if t.kind == tkWord && t.low == gw.That && k > j+1 && (sc.word(k-1, gw.Before) || sc.word(k-1, gw.By)) && sc.askedRightBefore(k-1) {
			// "We're going live at 6pm, can you get back to me before
			// that?", "I'd need something by that time": "that" ending
			// its clause, or before "time", right after the reply asked
			// for, points back as "then" does, where the sentence asks
			// ("Before that, the minister spoke", "please note the
			// minister spoke before that" do not)
			e := k + 1 + boolInt(sc.word(k+1, gw.Time))
			if sc.thatEnds(e) {
				return !sc.availableAfter(e) && (sc.sentenceAsks(k) || sc.askedQuestion(k))
			}
		}
		if t.kind == tkWord && t.low == gw.Then && k > j {
			switch sc.toks[k-1].low {
			case gw.Before, gw.By, gw.Until, gw.Till:
				// "until then I am available": not a cut-off; in the
				// next sentence only where that sentence asks ("Before
				// then, the PM speaks" does not)
				// ("The minister speaks at 6pm and before then he met the
				// mayor" does not: in its own sentence "then" needs a
				// request, or the reply right before it, "hear from you
				// by then")
				return !sc.availableAfter(k+1) && (sc.sentenceAsks(k) || sc.askedQuestion(k) ||
					breaks == 0 && (sc.askedRightBefore(k-1) || sc.word(k-2, gw.You)))
			}
		}
	}
	return false
}

// thenDay reports, for a clock at token i right after "by/before/until
// then" ("by then at 11", "by then, 11am"), the cue's token and the day
// "then" points back to: a day alone (no time with it) named earlier in
// the same sentence or the one before, no other time between, where the
// sentence asks ("The piece closes on Monday, so please by then at 11"
// is Monday 11:00, Albanian "Reportazhi mbyllet të hënën, ndaj ju lutem
// deri atëherë në orën 11"; "The talks end on Monday and by then at 11
// the minister will have left" asks nothing). Otherwise -1, nil.
func (sc *scanner) thenDay(i int) (int, *atom) {
	p := i - 1
	if sc.word(p, gw.At) {
		p--
	}
	if sc.punct(p, ",") {
		p--
	}
	if p < 1 || i >= len(sc.toks) || !sc.word(p, gw.Then) || sc.toks[p].sentStart || sc.toks[i].sentStart {
		return -1, nil
	}
	b := p - 1
	if !(sc.word(b, gw.By) || sc.word(b, gw.Before) || sc.word(b, gw.Until) || sc.word(b, gw.Till)) {
		return -1, nil
	}
	for k := b; k <= i; k++ {
		if k > b && sc.toks[k].sentStart {
			return -1, nil
		}
	}
	if sc.availableAfter(i+1) || !(sc.sentenceAsks(b) || sc.askedQuestion(b)) {
		return -1, nil
	}
	own := sc.sentenceOf(b)
	prev := -1
	if own > 0 {
		prev = sc.sentenceOf(own - 1)
	}
	for a := len(sc.atoms) - 1; a >= 0; a-- {
		at := &sc.atoms[a]
		if at.start >= b {
			continue
		}
		if at.kind != akDate || at.date == dkYesterday || at.weakWD {
			return -1, nil // a time between, or no day to point back to
		}
		if s := sc.sentenceOf(at.start); s != own && s != prev {
			return -1, nil
		}
		if a > 0 && sc.connector(sc.atoms[a-1].end, at.start) {
			return -1, nil // a day with its time ("Monday 10am")
		}
		if n := a + 1; n < len(sc.atoms) && sc.atoms[n].start < b && sc.connector(at.end, sc.atoms[n].start) {
			return -1, nil
		}
		return b, at
	}
	return -1, nil
}

// thatEnds reports whether "before that" ends its clause at token e:
// nothing, a break, punctuation, or "but", "please", "if", "ideally"
// ("… before that, ideally", "… before that but there is no strict
// deadline"), not a clause "that" opens ("before that happens").
func (sc *scanner) thatEnds(e int) bool {
	n := sc.tok(e)
	if n == nil || n.sentStart || n.clauseBrk {
		return true
	}
	if n.kind == tkPunct {
		return n.low == "." || n.low == "?" || n.low == "!" || n.low == "," || n.low == ";"
	}
	return n.low == gw.But || n.low == gw.Please || n.low == gw.If || n.low == gw.Ideally
}

// noDeadlineAfter reports whether the mention's sentence goes on to say
// there is no deadline ("I would be happy to have a comment before then
// but there is no strict deadline", "by 4pm, though there's no hard
// deadline"): "no", at most one word, "deadline" after token j. The time
// is offered, not asked for. "No hard deadline, but 4pm would be ideal"
// (the time after it) is read as before.
func (sc *scanner) noDeadlineAfter(j int) bool {
	for k := j; k < len(sc.toks) && k < j+30; k++ {
		t := &sc.toks[k]
		if k > j && t.sentStart {
			return false
		}
		if t.kind == tkWord && t.low == gw.No && (sc.word(k+1, gw.Deadline) || sc.tok(k+1) != nil && sc.tok(k+1).kind == tkWord && sc.word(k+2, gw.Deadline)) {
			return true
		}
		if t.kind == tkWord && (t.low == gw.But || t.low == gw.Though) && sc.writingAllDay(k+1) {
			return true
		}
	}
	return false
}

// ifPossible returns the first token of "if possible", "if at all
// possible" or "if you can/could" opening its clause right before the
// comma at k, or -1.
func (sc *scanner) ifPossible(k int) int {
	b := -1
	switch {
	case sc.word(k-1, gw.Possible) && sc.word(k-2, gw.If):
		b = k - 2
	case sc.word(k-1, gw.Possible) && sc.word(k-2, gw.All) && sc.word(k-3, gw.At) && sc.word(k-4, gw.If):
		b = k - 4
	case (sc.word(k-1, gw.Can) || sc.word(k-1, gw.Could)) && sc.word(k-2, gw.You) && sc.word(k-3, gw.If):
		b = k - 3
	}
	if b >= 0 && !sc.toks[b].clauseBrk && sc.word(b-1, gw.Please) && sc.toks[b-1].clauseBrk {
		return b - 1 // "Please if you can tomorrow morning." (Albanian "Ju lutem nëse mundeni nesër në mëngjes")
	}
	if b < 0 || !sc.toks[b].clauseBrk {
		return -1
	}
	return b
}

// timesEndPlease is timesEndClause with a "please" allowed after the
// times ("…, so 10:30 UTC please.").
func (sc *scanner) timesEndPlease(i int) bool {
	pos := sc.timesRunEnd(i)
	if sc.word(pos, gw.Please) || sc.word(pos, gw.Pls) {
		pos++
	}
	return pos > i && sc.clauseEndsAt(pos)
}

// timesEndClause reports whether the atoms from token i, joined by "at"
// alone, run to the end of their clause ("this afternoon.", "tomorrow at
// 4pm, please").
func (sc *scanner) timesEndClause(i int) bool {
	pos := sc.timesRunEnd(i)
	return pos > i && sc.clauseEndsAt(pos)
}

// timesRunEnd returns the token just past the atoms that start at token i,
// joined by "at" alone ("tomorrow at 4pm"), or i when no atom starts there.
func (sc *scanner) timesRunEnd(i int) int {
	pos := i
	// the first atom at or after i, found by halving (hostile text may
	// hold thousands of them)
	lo, hi := 0, len(sc.atoms)
	for lo < hi {
		if h := (lo + hi) / 2; sc.atoms[h].start < i {
			lo = h + 1
		} else {
			hi = h
		}
	}
	for _, a := range sc.atoms[lo:] {
		if a.start == pos+1 && sc.word(pos, gw.At) {
			pos++
		}
		if a.start != pos {
			break
		}
		pos = a.end
	}
	return pos
}

// timesOffered reports whether the atoms from token i, joined by "at"
// alone, are followed by "please" ending the clause or by a good word
// ending it ("If possible, today please.", "If possible, today would be
// great."; not "…, today would be great news").
func (sc *scanner) timesOffered(i int) bool {
	pos := sc.timesRunEnd(i)
	if pos == i || sc.clauseEndsAt(pos) {
		return false
	}
	if (sc.word(pos, gw.Please) || sc.word(pos, gw.Pls)) && sc.clauseEndsAt(pos+1) {
		return true
	}
	return sc.goodEnds(pos)
}

// writingAllDay reports whether the journalist, from token k, says they
// are writing the whole day: "I'm writing through the day", "we are
// filing throughout the day", "I'm working on it all day" — after "but"
// that leaves the time before it a wish, not a deadline ("anything before
// then helps, but I'm writing through the day"). Someone merely busy ("but
// I'm out all day", "but the minister is speaking all day") is not.
func (sc *scanner) writingAllDay(k int) bool {
	switch {
	case sc.word(k, gw.IM) || sc.word(k, gw.WeRe):
		k++
	case (sc.word(k, gw.ILl) || sc.word(k, gw.WeLl)) && sc.word(k+1, gw.Be):
		k += 2 // "but I'll be writing all day"
	case sc.word(k, gw.I) && sc.word(k+1, gw.Am) || sc.word(k, gw.We) && sc.word(k+1, gw.Are):
		k += 2
	default:
		return false
	}
	if !(sc.word(k, gw.Writing) || sc.word(k, gw.Filing) || sc.word(k, gw.Working)) {
		return false
	}
	for j := k + 1; j < len(sc.toks) && j <= k+4; j++ {
		t := &sc.toks[j]
		if t.kind != tkWord || t.clauseBrk || t.sentStart {
			return false
		}
		switch {
		case t.low == gw.All && sc.word(j+1, gw.Day),
			(t.low == gw.Through || t.low == gw.Throughout) && sc.word(j+1, gw.The) && sc.word(j+2, gw.Day):
			return true
		}
	}
	return false
}

// spanBefore reports a span "before" ending its clause later in the
// sentence, or the next one, after token j, where that sentence asks:
// "We go on air at 7pm; we'd need your statement an hour before.",
// "Wir senden um 19 Uhr und bräuchten Ihre Antwort eine Stunde vorher"
// (up to twelve hours; no other time between). It returns the span.
func (sc *scanner) spanBefore(j int) (time.Duration, bool) {
	breaks := 0
	for k := j; k < len(sc.toks) && k < j+24; k++ {
		t := &sc.toks[k]
		if k > j && t.sentStart {
			if breaks++; breaks > 1 || t.nl > 1 {
				return 0, false
			}
		}
		if t.kind != tkWord || t.low != gw.Before || k < j+2 {
			continue
		}
		if n := sc.tok(k + 1); n != nil && !n.sentStart && !n.clauseBrk && !(n.kind == tkPunct && (n.low == "." || n.low == "!" || n.low == "?" || n.low == "," || n.low == ";")) {
			return 0, false
		}
		for s := max(k-4, j+1); s < k; s++ { // the longest span first ("half an hour")
			if d, e, ok := sc.duration(s); ok && e == k && d > 0 && d <= 12*time.Hour {
				for x := j; x < s; x++ {
					if sc.toks[x].consumed {
						return 0, false // another time between
					}
				}
				return d, sc.sentenceAsks(k) || sc.askedQuestion(k)
			}
		}
		return 0, false
	}
	return 0, false
}

// bareBefore reports whether "before" at k ends its clause right after
// the reply asked for ("please answer before.", "send it before!"),
// pointing back to a time named earlier.
func (sc *scanner) bareBefore(k int) bool {
	if n := sc.tok(k + 1); n != nil && !n.sentStart && !n.clauseBrk && !(n.kind == tkPunct && (n.low == "." || n.low == "!" || n.low == "?" || n.low == "," || n.low == ";")) {
		// "We're going live at 7 - anything before would be great", "a
		// line before is fine"
		return sc.askedRightBefore(k) && (n.low == gw.Would || n.low == gw.Is) && sc.goodEnds(k+1)
	}
	return sc.askedRightBefore(k)
}

// bareBy reports whether "by" at k ends its clause right after the
// reply asked for, as other languages' "before" alone is rewritten
// ("Salimos al aire a las 18:00, ¿podrían responder antes?", "potete
// rispondermi prima?", "pourriez-vous me répondre avant ?": "could reply
// by?"): "before" alone, as bareBefore reads it. Only a reply: "Could
// you drop it by?" is a visit.
func (sc *scanner) bareBy(k int) bool {
	if n := sc.tok(k + 1); n != nil && !n.sentStart && !n.clauseBrk && !(n.kind == tkPunct && (n.low == "." || n.low == "!" || n.low == "?" || n.low == "," || n.low == ";")) {
		return false
	}
	switch sc.toks[k-1].low {
	case gw.Reply, gw.Respond, rw.Answer, rw.Comment, gw.Back:
		return sc.toks[k-1].kind == tkWord
	}
	return false
}

// askedRightBefore reports whether the word before token k is the reply
// or the words asked for ("answer before", "get back to me before", "a
// line before"), not another verb ("the minister spoke before").
func (sc *scanner) askedRightBefore(k int) bool {
	p := sc.tok(k - 1)
	if p == nil || p.kind != tkWord {
		return false
	}
	switch p.low {
	case gw.Reply, gw.Respond, rw.Answer, rw.Comment, gw.It, gw.That, gw.This, gw.Back, gw.Me, gw.Us, gw.Something, gw.Anything,
		gw.Line, gw.Quote, gw.Response, gw.Statement: // "could we have a line before?"
		return true
	}
	return false
}

// latestAfter reports whether "at the latest" or "latest" follows token j
// ("Thursday at the latest", "Thursday, at the latest").
func (sc *scanner) latestAfter(j int) bool {
	if sc.punct(j, ",") {
		j++
	}
	return sc.words(j, gw.At, gw.The, gw.Latest) > 0 || sc.words(j, gw.At, gw.Latest) > 0 || sc.word(j, gw.Latest)
}

// availableAfter reports whether the words from token j to the end of
// the sentence say someone is available, reachable or in the office
// (deadline.rewrite.until: "until then I am available").
func (sc *scanner) availableAfter(j int) bool {
	for k := j; k < len(sc.toks) && k < j+8; k++ {
		t := &sc.toks[k]
		if t.sentStart {
			return false
		}
		if t.kind == tkWord && untilWords.has(t.low) {
			return true
		}
	}
	return false
}

// otherDay reports whether the words after a mention put it on a day named
// elsewhere ("by 4pm that day", "at 10am the same day").
func (sc *scanner) otherDay(j int) bool {
	if sc.word(j, gw.That) || sc.word(j, gw.Same) || sc.words(j, gw.The, gw.Same) > 0 {
		for k := j + 1; k < len(sc.toks) && k <= j+2; k++ {
			switch sc.toks[k].low {
			case gw.Day, gw.Morning, gw.Afternoon, gw.Evening, gw.Night:
				return true
			}
		}
	}
	return false
}

// firstPersonSubject reports whether the verb at token k has the journalist
// as its subject ("I'll reply", "we may be slow to respond") rather than
// the desk ("could you reply").
func (sc *scanner) firstPersonSubject(k int) bool {
	for b := k - 1; b >= 0 && b >= k-6; b-- {
		t := &sc.toks[b]
		if t.kind != tkWord {
			if t.kind == tkPunct {
				return false
			}
			continue
		}
		switch t.low {
		case gw.You, gw.Your:
			return false
		case gw.I, gw.We, gw.ILl, gw.WeLl, gw.IM, gw.WeRe, gw.ID, gw.WeD:
			return true
		}
		if sc.toks[b].clauseBrk {
			return false
		}
	}
	return false
}

// othersDeadline reports whether the word "deadline" at d is one someone
// else set or had, reported: "set/imposed/issued/gave/given/had (a/the/its)
// (strict) deadline" with no first-person subject before the verb
// ("Rishi Sunak set a deadline of Friday", "The Home Office had a
// deadline of 5pm for bids"; "We have a hard deadline of 4pm", "My editor
// set a deadline of 5pm" are the journalist's).
func (sc *scanner) othersDeadline(d int) bool {
	if sc.othersNamedDeadline(d) {
		return true // (any word read as "deadline": "The ship's turnaround at 3pm")
	}
	if !sc.word(d, gw.Deadline) {
		return false
	}
	if h := d - 1; sc.word(h, gw.Hour) || sc.word(h, gw.Day) || sc.word(h, gw.Week) {
		// "The 48-hour deadline expires tomorrow", "a 7-day deadline": an
		// ultimatum's span, given to someone else
		n := h - 1
		if sc.punct(n, "-") && sc.glued(h) {
			n--
		}
		if t := sc.tok(n); t != nil && t.kind == tkNum {
			return true
		}
	}
	v := d - 1
	for n := 0; n < 2 && v > 0 && sc.toks[v].kind == tkWord && !sc.word(v, gw.A) && !sc.word(v, gw.An) && !sc.word(v, gw.The) && !sc.toks[v].sentStart; n++ {
		v-- // "a strict deadline", "a hard deadline"
	}
	if !sc.word(v, gw.A) && !sc.word(v, gw.An) && !sc.word(v, gw.The) && !sc.rawIs(v, rw.Its) {
		if !sc.givenTo(d - 1) {
			return false
		}
		v = d // "The EU gave Serbia deadline by Friday" (another language's, rewritten): no article
	}
	v--
	if !sc.rawIs(v, rw.Set) && !sc.rawIs(v, rw.Imposed) && !sc.rawIs(v, rw.Issued) && !sc.rawIs(v, rw.Gave) && !sc.rawIs(v, rw.Given) && sc.givenTo(v) {
		// "The EU gave Serbia a deadline of Friday", "set the
		// government a deadline": the one it was given to between
		for !sc.rawIs(v, rw.Set) && !sc.rawIs(v, rw.Imposed) && !sc.rawIs(v, rw.Issued) && !sc.rawIs(v, rw.Gave) && !sc.rawIs(v, rw.Given) {
			v--
		}
	}
	if !(sc.word(v, gw.Had) || sc.rawIs(v, rw.Set) || sc.rawIs(v, rw.Imposed) || sc.rawIs(v, rw.Issued) || sc.rawIs(v, rw.Gave) || sc.rawIs(v, rw.Given) ||
		sc.word(v, gw.Got) || sc.rawIs(v, rw.Received)) &&
		!(sc.word(v, gw.Has) && !sc.ownCopy(v-1) && !sc.word(v-1, gw.Copy) && !sc.word(v-1, gw.Story) && !sc.word(v-1, gw.Piece) && !sc.word(v-1, gw.Article)) {
		// ("The minister has a deadline of 5pm to respond to MPs"; "The
		// story has a deadline of 4pm" is the journalist's)
		return false
	}
	if sc.firstPersonSubject(v) {
		return false
	}
	for b := v - 1; b >= 0 && b >= v-4; b-- {
		if sc.word(b, gw.My) || sc.word(b, gw.Our) || sc.word(b, gw.IVe) || sc.rawIs(b, rw.WeVe) {
			return false // "My editor set a deadline of 5pm", "I've been set a deadline of 5pm"
		}
		if sc.toks[b].sentStart || sc.toks[b].clauseBrk {
			break
		}
	}
	return true
}

// othersDeadlineBefore reports whether the word "deadline" stands two or
// three words before the cue at k, with only words between, and is
// someone else's (othersDeadline): Serbian, Albanian and Italian put the
// one it was given to after the deadline ("dao rok opoziciji do
// ponedjeljka": given a deadline to the opposition by Monday).
func (sc *scanner) othersDeadlineBefore(k int) bool {
	for d := k - 2; d >= 0 && d >= k-3; d-- {
		for j := d + 1; j < k; j++ {
			if sc.toks[j].kind != tkWord || sc.toks[j].sentStart || sc.toks[j].clauseBrk {
				return false
			}
		}
		if sc.word(d, gw.Deadline) {
			return sc.othersDeadline(d)
		}
	}
	return false
}

// needBeforeNoun reports whether a "need" word stands right before the
// noun at k, or before its determiner, "me" or "us" ("need a reply", "need
// your reply", rewritten "need us reply").
func (sc *scanner) needBeforeNoun(k int) bool {
	b := k - 1
	if p := sc.tok(b); p != nil && (isDeterminer(p) || p.low == gw.Me || p.low == gw.Us) && !sc.toks[k].sentStart {
		b--
	}
	if sc.toks[b+1].sentStart {
		return false
	}
	return sc.word(b, gw.Need) || sc.word(b, gw.Needs) || sc.word(b, gw.Needed)
}

// pastBefore reports whether the sentence before the cue at k, within ten
// words, names a past time ("last week", "last year", "last month", "last
// time", "yesterday", "two weeks ago") with no word of need or deadline
// between it and the cue: the time then is a past one ("Last week we got
// a reply by 15h"); "As I said yesterday, we need it by 4pm" is read.
func (sc *scanner) pastBefore(k int) bool {
	for b := k - 1; b >= 0 && b >= k-10; b-- {
		t := &sc.toks[b]
		if t.kind == tkPunct && (t.low == ";" || t.low == ":" || t.low == "?" || t.low == "!" || t.low == ".") {
			return false
		}
		if t.kind == tkPunct && t.low == "," && !(sc.word(b-1, gw.Yesterday) || sc.word(b-1, gw.Ago) || sc.word(b-2, gw.Last)) {
			return false // "Last time you were quick, can you reply by 4pm?" ("Last year, you replied by 4pm" goes on)
		}
		if t.kind == tkWord {
			switch t.low {
			case gw.Please, gw.Pls, gw.So, gw.But, gw.Can, gw.Could, gw.Would:
				return false // "Yesterday I asked, so please reply by 4pm"
			}
			if c, ok := leftCues[t.low]; ok && t.low != gw.By && t.low != gw.Before && (c.As == gw.Deadline || t.low == gw.Need || t.low == gw.Needs || t.low == gw.Deadline) {
				return false
			}
			switch {
			case t.low == gw.Yesterday:
				return true
			case t.low == gw.Ago && b > 0:
				return true
			case t.low == gw.Last && (sc.word(b+1, gw.Week) || sc.word(b+1, gw.Year) || sc.word(b+1, gw.Month) || sc.word(b+1, gw.Time)):
				return true
			}
		}
		if t.sentStart {
			break
		}
	}
	return false
}

// pastAfter reports whether "last time", "last week", "last month" or
// "last year" follows the mention at j: "We received a reply by 4pm last
// time" tells of a past reply.
func (sc *scanner) pastAfter(j int) bool {
	if !sc.word(j, gw.Last) || sc.toks[j].sentStart {
		return false
	}
	return sc.word(j+1, gw.Time) || sc.word(j+1, gw.Week) || sc.word(j+1, gw.Month) || sc.word(j+1, gw.Year)
}

// ultimatumBefore reports whether "ultimatum" or "ultimatums" stands in
// the clause before the cue at k, within eight words: an ultimatum is set
// for someone else, never the journalist's own deadline ("The government
// set an ultimatum by midnight", "Vlada je postavila ultimatum do
// ponoći").
func (sc *scanner) ultimatumBefore(k int) bool {
	for b := k - 1; b >= 0 && b >= k-8; b-- {
		if sc.rawIs(b, rw.Ultimatum) || sc.rawIs(b, rw.Ultimatums) {
			return true
		}
		if sc.toks[b].sentStart || sc.toks[b].clauseBrk {
			break
		}
	}
	return false
}

// givenTo reports whether a giving verb ("gave", "given", "set",
// "imposed", "issued") is at v or up to three words before it, in its
// clause, with only the one it was given to between ("gave Serbia",
// "set the Serbian government").
func (sc *scanner) givenTo(v int) bool {
	for n := 0; n < 4 && v >= 0; n, v = n+1, v-1 {
		t := &sc.toks[v]
		if t.kind != tkWord {
			return false
		}
		if sc.rawIs(v, rw.Gave) || sc.rawIs(v, rw.Given) || sc.rawIs(v, rw.Set) || sc.rawIs(v, rw.Imposed) || sc.rawIs(v, rw.Issued) {
			return true
		}
		if t.sentStart || t.clauseBrk || t.low == gw.Me || t.low == gw.Us {
			return false // "The editor gave me a deadline of 5pm": the journalist's
		}
	}
	return false
}

// othersNamedDeadline reports whether the word right before "deadline"
// at d says whose or what deadline it is, and not the journalist's: a
// procedure's (en.json others_deadlines: "The registration deadline is
// 5pm today", "the ceasefire deadline expires at midnight"), or a
// possessive or a capitalised name ("Hamas's deadline is midnight", "The
// EU deadline is 5pm Friday", "Serbia's deadline"). The journalist's own
// side stays theirs: "my/our/your …" before it, own_deadlines ("my
// editor's deadline", "the desk's deadline", "the print deadline"), a
// day ("today's deadline", "a Friday deadline") and a known word such as
// a zone ("the 4pm UK deadline").
func (sc *scanner) othersNamedDeadline(d int) bool {
	p := sc.tok(d - 1)
	if p == nil || p.kind != tkWord || sc.toks[d].sentStart {
		return false
	}
	for b := d - 1; b >= 0 && b >= d-3; b-- {
		if sc.word(b, gw.My) || sc.word(b, gw.Our) || sc.word(b, gw.Your) {
			return false // "our EU deadline", "my editor's deadline"
		}
		if sc.toks[b].sentStart {
			break
		}
	}
	raw := strings.ToLower(sc.text[p.start:p.end])
	if a := strings.LastIndexAny(raw, "'’"); p.poss && a > 0 {
		raw = raw[:a] // the word without its 's
	}
	if ownDeadlines[raw] || p.cls&(clsWeekday|clsMonth) != 0 {
		return false
	}
	if othersDeadlines[raw] {
		return true
	}
	if p.poss {
		return p.low != gw.It && p.low != gw.That && p.low != gw.Let // ("it's deadline day", "Let's aim for 2pm")
	}
	return p.capital && p.low == "" && !p.sentStart // a name: "the EU deadline"
}

// ---------------------------------------------------------------------------
// Resolution

func (sc *scanner) best() (Deadline, bool) {
	var best *mention
	lo := sc.sent.Add(-maxDeadlineBack)
	hi := sc.sent.Add(maxDeadlineAhead)
	for i := range sc.mentions {
		m := &sc.mentions[i]
		at, rule, ok := sc.resolve(m)
		at = at.Add(-m.ahead)
		if !ok || at.Before(lo) || at.After(hi) {
			continue
		}
		m.at, m.rule = at, rule
		if best == nil || m.score > best.score || m.score == best.score && m.at.Before(best.at) {
			best = m
		}
	}
	if best == nil {
		return Deadline{}, false
	}
	best = sc.clockInPart(best)
	best = sc.soAfter(best)
	start := sc.toks[min(best.cueStart, best.start)].start
	end := sc.toks[best.end-1].end
	sc.phraseStart, sc.phraseEnd = start, end
	return Deadline{At: best.at.In(sc.loc), Phrase: sc.text[start:end], Rule: best.rule}, true
}

// clockInPart returns, for a best mention that is only a part of the day
// ("tonight", "this afternoon"), a clock time asked for with a cue of its
// own (and scored about as high) that falls in that part of the same day:
// the clock says when in it
// ("I file tonight; I need the answer before 10pm" is 22:00, not 19:00).
// Otherwise best itself.
func (sc *scanner) clockInPart(best *mention) *mention {
	if best.clock == nil && best.named == nil && best.rel == nil && best.date != nil {
		return sc.clockOnDay(best)
	}
	if best.clock != nil || best.named == nil || best.rel != nil {
		return best
	}
	var from, to int // the part of the day, in hours
	switch best.named.named {
	case nkEvening:
		from, to = 17, 24
	case nkAfternoon:
		from, to = 12, 18
	default:
		return best
	}
	day := best.at.In(sc.loc)
	lo := time.Date(day.Year(), day.Month(), day.Day(), from, 0, 0, 0, sc.loc)
	hi := time.Date(day.Year(), day.Month(), day.Day(), to, 0, 0, 0, sc.loc)
	for i := range sc.mentions {
		m := &sc.mentions[i]
		if m == best || m.clock == nil || m.rel != nil || m.rule == "" || !m.strongLeft || m.score+1 < best.score {
			continue
		}
		if !m.at.Before(lo) && m.at.Before(hi) {
			return m
		}
	}
	return best
}

// timeAlone reports whether the mention, a day with its time ("Today,
// 5pm.", "Friday, noon.", "First thing Monday."), is its sentence
// whole: after a full stop, an exclamation mark or a blank line, ending
// at one or a line break ("Press conference\nTomorrow, 10am" is a
// heading's time). A day or a time alone ("Today.", "5pm.") is not, nor one after
// a question ("When is the vote? Tomorrow, 10am."), a colon ("Briefing:
// Today, 5pm.") or a list's bullet, nor one a bare hour gives ("Today,
// 5.").
func (sc *scanner) timeAlone(m *mention) bool {
	if m.date == nil || m.clock == nil && m.named == nil || m.rel != nil || !sc.toks[m.start].sentStart {
		return false
	}
	if m.date.date != dkToday && m.date.date != dkTomorrow && m.date.date != dkWeekday {
		return false // a date written out ("COB 7/12 (Thurs).") is a schedule's as often
	}
	if m.clock != nil && m.clock.style == csBare {
		return false
	}
	if e := sc.tok(m.end); e != nil && !e.sentStart && !(e.kind == tkPunct && (e.low == "." || e.low == "!")) {
		return false
	}
	p := sc.tok(m.start - 1)
	if p == nil {
		return true
	}
	if p.kind == tkPunct && (p.low == "?" || p.low == ":" || isBullet(p.low)) {
		return false
	}
	return p.kind == tkPunct && (p.low == "." || p.low == "!") || sc.toks[m.start].nl >= 2
}

// soAfter returns the time drawn, after ", so", from the best mention
// before it in the same sentence ("We need it for the 12 o'clock, so
// 10:30 UTC please." is 10:30 UTC, "We're on air at 6, so 4pm please" is
// 16:00). Otherwise best itself.
func (sc *scanner) soAfter(best *mention) *mention {
	for i := range sc.mentions {
		m := &sc.mentions[i]
		if m != best && m.leftWord == gw.So && m.rule != "" && m.score > 0 && m.start > best.end && sc.sameSentenceNear(best.start, m.start) {
			return m
		}
	}
	return best
}

// clockOnDay returns, for a best mention that is a day alone ("deadline
// today", "by Friday"), a clock time asked for with a cue of its own in
// the same sentence that falls on that day: the clock says when on it
// ("I need the answer by 18h00 Lisbon time, deadline today" is 18:00,
// not the day's 17:00). Otherwise best itself.
func (sc *scanner) clockOnDay(best *mention) *mention {
	day := best.at.In(sc.loc)
	for i := range sc.mentions {
		m := &sc.mentions[i]
		if m == best || m.clock == nil || m.rel != nil || m.rule == "" || !m.strongLeft || m.score+1 < best.score || !sc.sameSentenceNear(best.start, m.start) {
			continue
		}
		if at := m.at.In(sc.loc); at.Year() == day.Year() && at.YearDay() == day.YearDay() {
			return m
		}
	}
	return best
}

// sameSentenceNear reports whether tokens a and b are in one sentence,
// at most 40 tokens apart (hostile text with no break must not make
// every mention walk all of it).
func (sc *scanner) sameSentenceNear(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	if b-a > 40 {
		return false
	}
	for k := a + 1; k <= b; k++ {
		if sc.toks[k].sentStart {
			return false
		}
	}
	return true
}

// sentenceOf returns the index of the token opening the sentence of token i.
func (sc *scanner) sentenceOf(i int) int {
	for i > 0 && !sc.toks[i].sentStart {
		i--
	}
	return i
}

// resolve turns a mention into an instant.
func (sc *scanner) resolve(m *mention) (time.Time, string, bool) {
	if m.rel != nil {
		return sc.sent.Add(m.rel.dur).In(sc.loc), ruleRelative, true
	}
	zone := sc.loc
	zoned := false
	for _, a := range []*atom{m.date, m.clock, m.named} {
		if a == nil {
			continue
		}
		if a.zone != nil {
			zone, zoned = a.zone, true
		} else if a.zoneSent {
			zone, zoned = sc.sent.Location(), true
		}
	}
	now := sc.sent.In(zone)
	y, mo, d := now.Date()

	// the day
	dayOff := 0 // days after today
	explicit := false
	weekdayNamed := false
	dateKind := dkNone
	var da *atom
	if m.date != nil {
		da = m.date
	} else if m.named != nil && m.named.date != dkNone {
		da = m.named
	}
	if da != nil {
		dateKind = da.date
		switch da.date {
		case dkToday:
		case dkTomorrow:
			dayOff = 1
		case dkAfterTomorrow:
			dayOff = 2
		case dkWeekday:
			weekdayNamed = true
			dayOff = (int(da.wd) - int(now.Weekday()) + 7) % 7
			if da.mod == dmComing && dayOff == 0 {
				dayOff = 7 // "coming Wednesday" said on a Wednesday
			}
			if da.mod == dmNext {
				// the weekday in next calendar week (weeks start on Monday)
				toMonday := (8 - int(now.Weekday())) % 7
				if toMonday == 0 {
					toMonday = 7
				}
				dayOff = toMonday + (int(da.wd)+6)%7
			}
		case dkExplicit:
			explicit = true
			yy := da.year
			if yy == 0 {
				yy = y
			}
			if da.day > daysIn(da.month, yy) {
				return time.Time{}, "", false
			}
			cand := time.Date(yy, da.month, da.day, 0, 0, 0, 0, zone)
			today := time.Date(y, mo, d, 0, 0, 0, 0, zone)
			if da.year == 0 && cand.Before(today.AddDate(0, -6, 0)) {
				cand = cand.AddDate(1, 0, 0) // "3 Jan" said in late December
			}
			if cand.Before(today) {
				return time.Time{}, "", false // a date in the past is not a deadline
			}
			y, mo, d = cand.Date()
		case dkDayOfMonth:
			explicit = true
			cand := time.Date(y, mo, da.day, 0, 0, 0, 0, zone)
			if da.day < d {
				cand = time.Date(y, mo+1, da.day, 0, 0, 0, 0, zone)
			}
			if cand.Day() != da.day {
				return time.Time{}, "", false
			}
			y, mo, d = cand.Date()
		}
	}

	// the time of day
	h, mi, rule := 17, 0, ruleDate
	nextDay := false
	if weekdayNamed {
		rule = ruleWeekday
	}
	if m.named != nil {
		switch m.named.named {
		case nkNoon:
			h, rule = 12, ruleNamedTime
		case nkLunch:
			h, rule = 13, ruleNamedTime
		case nkAfternoon:
			h, rule = 15, ruleNamedTime
		case nkEvening:
			h, rule = 19, ruleNamedTime
		case nkThisMorning:
			if dateKind != dkNone && dateKind != dkToday || now.Hour() >= 12 {
				return time.Time{}, "", false
			}
			h, rule = 12, ruleNamedTime
		case nkMorning:
			h, rule = 9, ruleNextMorning
			if dateKind == dkToday && m.clock == nil {
				// "by today morning" ("bis heute Vormittag"): this morning
				if now.Hour() >= 12 {
					return time.Time{}, "", false
				}
				h, rule = 12, ruleNamedTime
			}
		case nkFirstThing:
			h, rule = 9, ruleNextMorning
			if da == nil {
				// the next working morning after sent
				dayOff = 1
				if now.Hour() < 9 && isWorkday(now.Weekday()) {
					dayOff = 0
				}
				for !isWorkday(now.AddDate(0, 0, dayOff).Weekday()) {
					dayOff++
				}
			}
		case nkEOD:
			h, rule = 17, ruleEndOfDay
		case nkEOW:
			h, rule = 17, ruleEndOfDay
			dayOff = (int(time.Friday) - int(now.Weekday()) + 7) % 7
		case nkMidnight:
			h, rule, nextDay = 0, ruleNamedTime, true
		}
		if m.named.shaded {
			// "early afternoon", "mid-morning tomorrow", "late morning"
			// (today's: read even once past, as a clock that day is)
			h, mi, rule = m.named.shadeH, m.named.shadeM, ruleNamedTime
		}
	}
	if c := m.clock; c != nil {
		h, mi, rule = c.hour, c.min, ruleClock
		if c.midnight {
			nextDay = true
		}
		daypart := nkNone
		if m.named != nil {
			daypart = m.named.named
		}
		switch c.style {
		case csBare, csPM, csNext:
			hour12 := c.hour % 12
			if c.hour == 12 {
				hour12 = 12
			}
			switch daypart {
			case nkMorning, nkThisMorning, nkFirstThing:
				h = hour12 % 12
			case nkAfternoon, nkEvening:
				if hour12 < 12 {
					h = hour12 + 12
				}
			default:
				if c.style == csNext || c.style == csBare && c.hour >= 8 && c.hour <= 11 {
					// 8-11: morning if a later day is named or still ahead today, else evening
					later := da != nil && (dayOff > 0 || explicit && !sameDay(y, mo, d, now))
					switch {
					case later:
						h = c.hour
					case time.Date(y, mo, d, c.hour, c.min, 0, 0, zone).Before(sc.sent):
						if time.Date(y, mo, d, c.hour+12, c.min, 0, 0, zone).Before(sc.sent) {
							dayOff++
							h = c.hour
						} else {
							h = c.hour + 12
						}
					default:
						h = c.hour
					}
				}
			}
		}
		if zoned {
			rule = ruleZonedClock
		}
	} else if zoned && rule == ruleDate {
		rule = ruleZonedClock
	}
	if nextDay {
		dayOff++
	}
	at := time.Date(y, mo, d+dayOff, h, mi, 0, 0, zone)
	// a weekday equal to today whose time has passed means next week
	if weekdayNamed && da.mod != dmNext && at.Before(sc.sent) && (int(da.wd) == int(now.Weekday())) {
		at = time.Date(y, mo, d+dayOff+7, h, mi, 0, 0, zone)
	}
	return at.In(sc.loc), rule, true
}

func sameDay(y int, mo time.Month, d int, t time.Time) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == mo && td == d
}

func isWorkday(w time.Weekday) bool { return w != time.Saturday && w != time.Sunday }

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// hour24 is the 24-hour clock's hour of h (1-12) said with am (v == 1) or
// pm (any other v): 12 am is 0, 12 pm is 12.
func hour24(h, v int) int {
	switch {
	case h == 12 && v == 1:
		return 0
	case h == 12 || v == 1:
		return h
	}
	return h + 12
}

// bareHour is the hour a bare 1–12 means (GUIDE §4: "filing at 6" is
// pm): 1–7 in the afternoon or evening, 8–12 as written.
func bareHour(h int) int {
	if h <= 7 {
		return h + 12
	}
	return h
}

// wiseDeadline reports where the "-wise" word at w opens a statement of
// the journalist's time: "Deadline-wise", "Deadline wise", "Time-wise",
// "Timing-wise", "Timewise" opening its sentence or clause. It returns
// the first token of the phrase, or -1 ("Otherwise, 3pm" is not one).
func (sc *scanner) wiseDeadline(w int) int {
	if sc.word(w, gw.Timewise) {
		if sc.toks[w].sentStart || sc.toks[w].clauseBrk {
			return w
		}
		return -1
	}
	b := w - 1
	if sc.punct(b, "-") || sc.punct(b, "–") {
		b--
	}
	if !sc.word(b, gw.Deadline) && !sc.word(b, gw.Time) && !(b >= 0 && leftCues[sc.toks[b].low].As == gw.Deadline) {
		return -1
	}
	if !sc.toks[b].sentStart && !sc.toks[b].clauseBrk {
		return -1
	}
	return b
}

// isTheDeadline reports whether "is" at j goes on to name the time before
// it as the journalist's deadline and ends there: "(3pm) is the
// cut-off.", "is our deadline", "is the cutoff for us" ("Midnight is the
// cut-off for the ceasefire" names someone else's).
func (sc *scanner) isTheDeadline(j int) bool {
	k := j + 1
	if sc.word(k, gw.The) || sc.word(k, gw.Our) || sc.word(k, gw.My) {
		k++
	}
	t := sc.tok(k)
	if t == nil || t.sentStart {
		return false
	}
	e := -1
	if t.low == gw.Deadline || leftCues[t.low].As == gw.Deadline && t.low != "" {
		e = k + 1
	} else if x := sc.words(k, gw.Cut, gw.Off); x > 0 {
		e = x
	}
	if e < 0 {
		return false
	}
	if sc.word(e, gw.For) && (sc.word(e+1, gw.Us) || sc.word(e+1, gw.Me)) && !sc.toks[e].sentStart {
		e += 2
	}
	return sc.clauseEndsAt(e)
}

// othersAim reports whether "by"/"before" at k ends, in its clause, what
// someone other than the journalist aims, plans or intends to do: "The
// government aims to finish talks by 3pm", "The minister is aiming for a
// deal by Friday", "Kyiv plans to respond by Monday" ("We're aiming to
// file by 4", "I plan to … by 5" are the journalist's own; "Could you aim
// to reply by 4?" asks the desk).
func (sc *scanner) othersAim(k int) bool {
	for b := k - 1; b >= 0 && b >= k-8; b-- {
		if sc.toks[b+1].clauseBrk || sc.toks[b+1].sentStart {
			return false
		}
		t := &sc.toks[b]
		if t.kind != tkWord {
			return false
		}
		switch t.low {
		case gw.Aims, gw.Aiming, gw.Plans, gw.Planning, gw.Intends, gw.Intending:
		default:
			continue
		}
		if sc.firstPersonSubject(b) {
			return false
		}
		for s := b - 1; s >= 0 && s >= b-4 && !sc.toks[s+1].sentStart; s-- {
			if sc.word(s, gw.You) || sc.word(s, gw.Your) {
				return false
			}
		}
		return true
	}
	return false
}
