// Package routing decides, for each incoming message, everything the desk
// needs to act on it: which release it is about, which desk (topic) should
// answer, who the journalist writes for, their deadline, and which officer
// on shift gets it, with the SLA due times. Router.Route is a pure function
// of (message, catalogue snapshot, config, moment, load), so it is tested
// without Redis, IMAP or sleeping; `mediadesk route` is its dry run.
//
// # Release catalogue
//
// Package releases keeps the catalogue (files, feeds, the Redis copy,
// feed schedules); a Catalogue here is an immutable, indexed snapshot of
// its releases, and Router.ReleaseCatalogue lets a releases.Refresher swap
// the next one in atomically, so routing never waits for a reload.
// Deadlines are package deadline's, the words both read with package
// lang's data files.
//
// # Linking an enquiry to a release
//
// Text is tokenised one way for releases and enquiries (text.go): lower
// case, accents folded, light stemming, stopwords (including email small
// talk and calendar words) dropped, and figures normalised so "£1.6 billion"
// meets "£1.6bn", "12,000" meets "12000" and "90 per cent" meets "90%". The
// index holds words and adjacent-word phrases (bigrams, so "Police Command
// Centre" is worth more than its words), and the acronyms of a release's
// capitalised phrases of three to six words ("European Political
// Community": EPC, connectors such as "for", "and" skipped, not a
// sentence's first word before one; not where the catalogue uses the
// letters as an ordinary word, "aim") as body terms of that release, so
// an enquiry writing "the EPC" meets it, with BM25F weights precomputed
// (title weighted 3× body) and IDF, in postings per term: a query adds up
// the postings of its terms only, into a reused per-snapshot scratch, and
// allocates nothing in that loop.
//
// The linker asks in this order:
//
//  1. A URL of a release in the sender's own text (new or forwarded),
//     normalised (scheme, "www.", trailing slash, case of host, tracking
//     parameters, fragment, GOV.UK's /api/content and .cy forms), or the
//     GOV.UK slug of a release's title: score 0.98, reason "url".
//
//  2. The sender's own words: subject (weight 1), new text (1), forwarded
//     text (0.8 — a forwarded release is the release itself) and, in a first
//     message only, pasted quoted text (0.3). Each release sharing a term is
//     scored, and the eight best that were published on or before the
//     email's day (a timestamped release no later than ten minutes after
//     the email) are ranked by
//
//     rank = ln(1 + S) + 1.0·title + date
//
//     where S is the BM25F score in units of a word found in one release
//     only (so it means the same in a catalogue of 50 or 10,000 releases),
//     title is the IDF-weighted share of the title's words and phrases the
//     enquiry uses, and date is +0.6 when the release was published on a day
//     the email names ("today's", "this morning's", "yesterday's",
//     "Saturday's", "on Thursday", "12 October", "13-14 April", "last week";
//     or the day after, as readouts often appear the next morning), scaled
//     down when the text match is weak (a date confirms a match, it cannot
//     make one); otherwise −0.8·ln(1 + days to the nearest named day) when
//     the email names days and this release fits none (one day at most
//     when the only day named is "today": the word names the journalist's
//     day as often as the release's), and −0.3·ln(1 + age in days): among
//     similar releases the latest before the email wins.
//     A past year named on its own ("the 2013 agreement") dates the
//     releases of that year: their age counts from the year's end, and
//     releases outside it are not penalised (a year is often background).
//     Days ahead name no day the release came out: "later this week",
//     "back to me this afternoon", a weekday with a deadline cue before it
//     in its clause ("back by close of play on Wednesday"), a bare "on
//     Monday" five or six days back (the coming one: ten of ten in the
//     DEV sets), "today" in a sentence naming tomorrow, a weekday's
//     before what a journalist publishes in ("it's for Thursday's
//     paper", written on a Tuesday, put the day's release back: mixdev6
//     017, p 0.53 -> 0.97; publication), and a past year
//     as a limit ("until at least 2019"). A year ahead of the email that
//     it names and at most two releases of its day or before state ("KFOR
//     till 2026", "fino al 2023": a limit or target the release stated)
//     gives those releases the +0.6 of a day named. A month named alone
//     ("the December announcement") is not read as days: of the five such
//     months that changed a link in the DEV sets when read so, one was
//     the release's, three were background and made wrong links ("as it
//     did … in October 2023", "when James Cleverly went last October",
//     "not to be confused with … last November") and one was ahead ("does
//     that mean July?").
//     A release that says its subject goes on for days after it ("over
//     the next 3 days", "a two-day visit", "tomorrow": releaseSpan, at
//     most three) is neither fitted nor put back by a day named within
//     them: "The Foreign Secretary is in Egypt today", the day after the
//     release announcing his three days in Egypt, Turkey and Qatar (endev4
//     020); as a full fit it took the PM's meeting in Egypt two days into
//     the tour from its own release when that was left out. When the
//     subject names days, they are the release's: a release of another
//     day only the text names is neither fitted nor put back ("Sunak's
//     call with Netanyahu today" in the subject, "the 31 October call did
//     not touch on it" in the text, mldev6 025; in the DEV sets every
//     such enquiry with a release, six, has it on the subject's day).
//     Nor is a release put back for a day it names itself as when
//     something happened (statedDays: its text read as an email's,
//     against its own day): "the fourth round, held in London from 17 to
//     28 July", published on 1 August, is the one an enquiry naming 28
//     July asks about (mldev2 010: p 0.67 -> 0.98).
//     A release known only to its year (a calendar date of 1 January, as
//     a source that knows only the year writes it: yearOnly) may be of
//     any of its days: one the email names in its year is neither a fit
//     nor a miss, and its age counts from the latest day its year allows
//     (mldev7 016, the 2017 Dodik sanctions comment asked on 19 January
//     naming "9. januara": p 0.01 -> 0.93). A day named in the part of a
//     sentence the email sets aside before saying what it is about ("I
//     saw Friday's crossings statement too but this is just about the
//     new law"; after "but" the clause must say "just" or "only", after
//     "aside" any "my question is about" will do; English's words) is no
//     day named (endev5 027, a wrong link before).
//     A URL of the sender's own text whose path names a day
//     ("/2025/11/07/", "/2023/oct/16/", "/2024-04-19-slug": urlAnchors)
//     names that day: with the Home Office's statement of 7 November 2025
//     left out, the same statement of January 2023 is no longer linked
//     for the forward that cites its address (mldev8 031 in leave-one-out,
//     p 0.67). A press embargo in the sender's own words ("EMBARGOED",
//     "under embargo until 00:01 Thursday", "the embargo lifts", "sous
//     embargo", "Sperrfrist"; not "an arms embargo": pressEmbargo) makes
//     releases up to 48 hours after the email eligible, as recent as one
//     of its day: a desk sends embargoed releases the evening before
//     (dldev5 030, asked on Wednesday at 21:40 about Thursday's release:
//     p 0.03 on the April release -> 0.98 on its own). "Ten years
//     since", "10 years on", "a year since" name the 14 days either side
//     of the day that many years before the email: they confirm a
//     release of theirs (an anniversary piece: mixdev4 035, the 2013
//     Brussels Agreement on its tenth anniversary, p 0.03 -> 0.99) and
//     put none back ("two years since the talks resumed" is as often
//     background); "a year ago" names none (with endev2 026's release
//     left out, "the 730 promised a year ago" took the statement of that
//     January). A list's number by a month is no day of it ("the fourth
//     round in July.\n\n1. Which chapters …" named 1 July: mixdev4 014,
//     p 0.06 -> 0.99). The same in Albanian, Portuguese and Greek
//     ("10 vjet nga", "10-vjetorin", "10 anos desde", "10.º aniversário",
//     "10 χρόνια από", "10η επέτειο": foreignAnniversary; mldev9 020, p
//     0.004 -> 0.99). A forwarded message's days are read against its
//     own header's date ("Data: segunda, 16/09/2024 às 19:31";
//     forwardedDay, numericHeaderDay): its "today" is the day it was
//     written (mldev9 011, forwarded the next day, p 0.53 -> 0.98).
//
//  3. A reply (In-Reply-To, or a reply marker in any of the desk's
//     languages: "Re:", "AW:", "R:", "Odp:", "Отв:", "ΑΠ:", "رد:" …)
//     inherits its thread's release — the
//     release its quoted history and subject link to (a follow-up to a
//     stored enquiry is threaded into it by the store's commit, which
//     keeps the enquiry's release and officer) — with reason "thread", unless the
//     new text clearly moves on: a shift cue ("separately", "different
//     story", "unrelated", …) is present, in which case the subject and
//     history are set aside and the new text alone is linked. A thread
//     release that is only guessed from the quoted text yields
//     to a surer link from the sender's own words: one that ranks the
//     thread's release, if at all, at least 0.5 below its best
//     (threadMargin: about 1.65 times the text match on the same day).
//     Both probabilities saturate near 1 when two releases of one day
//     share most words, so p alone cannot say which is surer: an English
//     chaser of an Arabic enquiry on the PM's call with Sisi asked about
//     British nationals at Rafah and "yesterday morning's call", which
//     the same day's Netanyahu call also fits (mldev3 006: own words 0.98
//     for Netanyahu, 0.08 above Sisi; history 0.975 for Sisi); tuning
//     056's own words put the Western Balkans clamp-down 0.65 above the
//     Begaj readout its history names, and win (TestLinkThreadNearTie).
//     The days the quoted history names, each message's words read
//     against the date of its attribution line ("On Wed, 13 Dec 2023 at
//     14:51, … wrote:", Outlook's "Sent:"; quotedAnchors), put a thread
//     release of another day back but confirm none — as a confirmation
//     they took the same day's sibling in leave-one-out (the Sisi meeting
//     at COP28 for the COP28 speech): the December Hamas sanctions' chaser
//     no longer takes the November ones when its release is missing
//     (dldev5 027, p 0.80 in leave-one-out).
//
// What the sender says the email is not about is read as nothing, its
// words and its days (notAboutSpans, English's words): "(the one-to-one,
// not the later three-way with Rama)", "today's round I'm after, not the
// November one - I already have the Sinwar/Deif list from 14 November",
// "Not to be confused with …" — from "not" to the clause's end (a
// parenthesis or a sentence's end; commas do not break the text, so a
// question word or "but" ends it too), not after a verb ("the UK is not
// the only country", "whether or not the") nor before "first", "only",
// "whole" … ("Not the first time the UK has sanctioned Hamas leaders"). With the December Hamas
// sanctions left out, endev7 021 took the November ones by "14 November"
// at p 0.98; now none. Nor are the desk's own acknowledgement sentences
// in a reply's quoted history the thread's words ("Thank you for your
// enquiry.", "Your reference is FCDO-2023-000498.", "A press officer will
// respond by 11:31 (UK time).": ackSpans; the desk's answer after them
// is read): an Albanian chaser quoting one above its first message lost
// its release (mldev11 025, p 0.10 -> 0.80).
//
// A hook — the sentence, or the part of one, before a "but" followed by
// what interests the sender, in any configured language ("… in Brunei.
// Por neve na intereson Tirana", "ma a noi interessa", "mais ce qui nous
// intéresse", "aber uns interessiert"; each language's "but" read only
// in it) — is set aside too (hookSpans). As a hook may name the release
// the questions are about, the text is also read whole: when the whole
// text puts another release first the link is capped below the
// threshold; when both readings put one release first and the rest alone
// gives it at least half the threshold, the whole text's confidence
// counts (hookCheck; the second search runs only for a text with a hook).
// mldev11 022 took the Brunei release named as the hook at p 0.99; none
// now. For the parties rule (below), a meeting named just after an
// "after" word, the other kind of meeting named elsewhere, is when the
// subject came, not the subject ("dopo il trilaterale con l'Albania, ha
// avuto un bilaterale con Giorgia Meloni": mldev4 010, the trilateral at
// p 1.00 before, the bilateral now; afterAt), and a trilateral said in
// other words ("vertice a tre") is the word "trilateral" for the text
// match, unless a "not" stands near it.
//
// A URL identifies a release only when it is unique: a mirror's tag page
// shared by several releases neither merges them in the catalogue (Merge)
// nor settles the link alone; the words decide. Nor does a page that
// lists releases ("/tag/business-and-trade-department/page/26", a
// category: listingURL), even when one release only carries it (with
// the GCC trade update left out, tuning 006 took the Taiwan talks
// listed on the same page at 0.98), nor a slug met by a URL whose path
// names another day (the same statement, made again and again).
//
// # Across languages
//
// An enquiry in another language (Input.Language, told by the detector)
// meets an English release on what survives translation (xlate.go):
// figures and money ("20 Mio. Pfund", "20 milionë paund" and "£20m" are
// all the term 20m; a decimal comma reads as a point), URLs, names and
// the words of a press office's trade. A word written in lower case that
// the vocabulary lists whole as another English word is read as that word
// even where a release uses it as written (French "accord" is an
// agreement, not the catalogue's one rare "accord": endev2 009; 18 such
// words in the vocabularies); written with a capital it may be a name
// ("Republika Srpska") and is read as written — and as the vocabulary
// gives it too where that is a catalogue name (Turkish "Türkiye", as one
// release writes it, is also Turkey, as the others do: mixdev2 046). A
// word no release uses is
// read, in order, as English through its language's vocabulary
// (lang/data/vocab/<code>.json: "Sanktionen" → sanctions, "Außenminister"
// → foreign secretary; keys ending in '*' take inflections; Croatian and
// Bosnian read the Serbian file; a word of six letters or more the told
// language lacks is tried in a close language's the detector may confuse
// with it: Russian and Ukrainian, Spanish and Portuguese), or, when
// written with a capital (or in Arabic), as a
// catalogue name spelt in another script or with a case ending: the
// catalogue files the words mostly written with a capital under a
// transliteration skeleton (nameKey: "Νετανιάχου", "Нетаньяху", "نتنياهو"
// and "Netanyahu" share "ntn" and one letter of spelling), and a match
// needs the same skeleton and at most one letter off (two from seven
// letters), up to three letters of ending stripped ("Sunaka"), with no
// tie. An ending comes off whole: the stem left may be a letter off the
// name only where the ending took the name's own final vowel (Albanian
// "Tiranës", "Gazës"; "Kosovu") or inside a long name, its first and last
// letters kept ("Biniaminom"), else a letter off and an ending add up to
// a word that merely starts like a name ("Hamburg" less its "g" was
// "Chamber", "Gazeta" Gaza, "mirror" Amir: stemOff, TestNameEndingWhole);
// in a message in another language, an ordinary word of six letters
// or more is matched the same way against the catalogue's other words
// (cognates: "strategie", "коридор"). Digraphs that folded Cyrillic
// writes for one Latin letter are also tried as Latin writes them
// (Serbian "санкције" as "sankcije"), in Serbian only: Albanian writes
// "sh" of its own ("shërbim", service, is no "Serbia"). The dates the enquiry names are
// read through the vocabulary's anchors ("gestern", "16. Oktober", "16
// жовтня", and "16.10." in any language but English, "16.10.2023" in
// all); a foreign weekday counts only
// with a word for "last" ("letzten Montag", "lundi dernier"), as alone it
// is as often a day ahead. English words are never translated, so an
// English enquiry reads as before; the link's detail says what was read
// across languages. The calibration below is unchanged: the same features
// decide.
//
// What keeps it from linking on noise: each vocabulary's ignore list
// (the language's request words — greetings, thanks, "Kommentar",
// "porte-parole", "newspaper", "phone" —, its holidays — "Navidad",
// "Weihnachten", "Noël", as English calendar words are stopwords — and
// the function words spelt like an English word of the catalogue: German
// "war", Dutch "met", Spanish "el") is read as nothing, neither matched
// nor counted unknown, by the linker and by the topic's learnt names
// alike ("Navidad" had been the Navy, a middle-east name);
// a word the told language lacks is not tried in every other language's
// (French "premiers", first, is not German "Premier"; German "mir", to
// me, is not Serbian "peace"); a message told to be
// in English never reads its own words through another language
// ("refers" is not Portuguese "refém"), and an English chaser's quoted
// history and "Re:" subject are read in the language their function words
// say (quotedLanguage: "del" in a quoted Spanish message is "of the", not
// Russian "affairs"); a cognate needs the same first three letters and
// one letter of difference ("Kommentar" is not "common", "émission" not
// "mission"); an Arabic word is matched as a name only whole and on three
// consonants or more ("تأكيد", confirmation, is not "Thaci"), and with
// the article only exactly ("الطيران", aviation, is not Tirana), and its
// joined conjunction, preposition and article come off for the
// vocabulary ("والعقوبات"). The vocabularies cover the policy words of
// the catalogue's releases in all fourteen languages; a boilerplate
// request in each language (TestIgnoredWords' kind) maps to none of the
// catalogue's distinctive words.
//
// Figures survive translation best of all, so the figures rule joins the
// names rule (below) in every language: an enquiry whose own words name
// figures with a unit (money, percentages) none of which the best
// candidate contains, while it covers under a quarter of the enquiry, is
// not linked (figuresUnmet). A figure reads as the English one the
// release writes however the language writes it: thousands grouped with
// a point, a space or an apostrophe ("22.000", "22 000", "22'000"),
// Arabic-Indic digits ("٢٠ مليون"), and a sum in its largest unit ("21.000
// millones de libras", £21,000 million, is "21bn"; "£0.5bn" is "500m").
// A mark inside a word is no break in it (a decomposed accent, Arabic
// vowel signs, shadda, tatweel). The sender's own name (the From
// header's display name), signing the mail, is read as nothing: an Al
// Jazeera correspondent's "Mahmoud" is not the Hamas co-founder Mahmoud
// Zahar, a journalist called Cooper not the Home Secretary. And the money rule, whatever the cover: an enquiry naming sums of
// money none of which the best candidate names, while that candidate
// names sums of its own, is about other money — the £20m Gaza aid
// announcement is not the £10m one of the week before, though they share
// nearly every other word (moneyUnmet; on leave-one-out mldev3 7 → 6,
// no right link lost on any labelled set). A sum written rounded as
// people round it is the release's own ("nearly 300 million quid" for
// £287m: fewer significant digits, the release's sum rounded to them,
// within a tenth of it; £10m is not £12m) for this rule and the figures
// rule (moneyNear; endev2 042 had lost its link to the money rule). On leave-one-out, with the language told as
// route tells it, the multilingual odd half is confidently mislinked 4 of
// 29 times and mldev 6 of 47 (near-duplicates of the same days: two
// meetings with Meloni, the Begaj meeting and the Western Balkans
// crackdown on one day), against tuning 7 of 35 and the shared samples 7
// of 50.
//
// # Calibration and threshold
//
// The best candidate's probability of being right is a logistic
//
//	p = σ(b0 + bRank·rank + bMargin·min(rank − rank₂, 3) + bCover·cover)
//
// where rank₂ is the runner-up's rank and cover the share of the enquiry's
// IDF mass (words no release uses counting as found in none) that the
// release contains. The weights were fitted (CalibrateLinker in tune.go:
// go run ./bench/tune calibrate) by L2-
// regularised logistic regression with non-negative weights on one example
// per query the linker makes (label: is its top candidate the labelled
// release?). The penalty was chosen by the log loss on the held-out
// even-numbered shared samples with the model fitted on the odd-numbered
// ones plus our own enquiries in testdata/enquiries (paraphrases and
// near-misses: same country another matter, same theme an event the
// catalogue lacks, a PM call with another leader on the day of an unrelated
// release); the final weights are then fitted on all of them. The margin
// earned almost no weight: near-duplicate releases (six PM–Netanyahu calls,
// three small-boats statements) are already told apart by the date terms
// inside rank.
//
// A release is linked only when p > 2/3 (LinkThreshold): counting a wrong
// link as costing twice what a right one gains (the officer must first
// notice it is wrong), linking pays when p − 2(1 − p) > 0.
//
// The calibration is fitted on releases that are in the catalogue. When
// the enquiry's release is missing (a feed lag), a near-duplicate of the
// same days can still rank high with a wide margin, so one rule caps p
// below the threshold (namesUnmet in link.go): an English enquiry whose
// names (words the catalogue capitalises; IDF mass ≥ 12) are three-quarters
// or more absent from the best candidate, which covers under a quarter of
// the enquiry. TestLeaveOneOutConfidentWrong links every labelled enquiry
// with its own release removed (any link is then wrong): confident wrong
// links tuning 10 → 8 of 35, shared samples 12 → 8 of 50, testdata/enquiries
// 2 of 10 and the multilingual odd half 4 of 29 unchanged; no right link
// lost on any labelled set. The figures rule (above, any language) then
// took tuning to 7, the shared samples to 7 and the multilingual odd
// half, its language now told as route tells it, from 5 to 4. A word no
// release uses that the sender's own text writes with a capital inside a
// sentence counts for the names rule as a name the candidate lacks (the
// missing release's names are often known to no other: "Erdoğan",
// "Ankara"), except for a release the series rule picks: leave-one-out
// endev5 6 -> 3, endev6 2 -> 1, mldev3 6 -> 5, every right link kept.
// The title names rule (titleNamesUnmet, any language) caps a candidate
// whose title names someone or somewhere rare the enquiry never mentions
// while the enquiry meets little of that title (title match < 0.09) and
// it covers little of the enquiry (< 0.35): the same day's sibling of a
// missing release (the Eastern Mediterranean deployment for the Netanyahu
// call, the Begaj meeting for the criminal networks release). Leave-one-out
// 64 -> 53 over the open sets, mixdev5 (landed after) 5 -> 3; no right
// link meets it on any open set.
// Its sibling form (siblingNamesUnmet) caps the release a reply's quoted
// history is guessed to be about when its title names someone rare the
// thread never mentions, its title met below 0.5 and its cover below
// 0.35, and the same day's other release is the runner-up, not put back
// by the days named (mldev9 023, a chaser on the return hubs "the two
// prime ministers discussed today" in Tirana, took the Begaj meeting at
// p 0.85); no right link of the open sets meets it.
//
// The parties rule (any language, through the vocabulary: "bilaterale",
// "διμερής"): an enquiry naming a bilateral and no trilateral puts a
// release titled a trilateral back as one a day off, and caps it below
// the threshold when it is still best (partiesUnmet), and the reverse;
// a title naming neither ("PM meeting with Prime Minister Meloni of
// Italy") says nothing. endev7 022 ("the PM's bilateral with Meloni this
// afternoon") took the same afternoon's trilateral at p 0.99, now the
// bilateral; in leave-one-out five bilateral enquiries, their release
// left out, no longer take the trilateral (mldev8, endev6, dldev5,
// mixdev4 and the shared samples one each). The rule reads the words
// the catalogue knows: a catalogue where no release says "bilateral"
// gives it nothing to read. A trilateral said in other words, the number
// three beside a meeting, talks, leaders or summit word in any
// configured language ("the three-way talks", "meeting of the three",
// "takimi i treve", "vertice a tre", "reunião a três", "συνάντηση των
// τριών"), names a trilateral (trilateralsSaid); an enquiry naming both
// kinds says nothing of them unless it names one at least twice as often
// as the other (partiesMore): mixdev7 008 ("his bilateral with Meloni
// … especially the meeting of the three") took the bilateral at p 0.985,
// now the trilateral again.
//
// The calibration reads the text match; on its own it leaves below the
// threshold short English enquiries whose words are mostly ones no
// release uses ("bilateral with Viktor Orban at the EPC in Budapest
// today": p=0.55; "Ahead of the PM's COP28 speech today": p=0.59, two
// releases of that day naming COP28). Two agreement rules (signalsAgree
// in link.go) raise such a best candidate to p=0.8 when independent
// signals agree on it, in English (or no language told) only, and only
// when the release is of a day the email names (anchor +1):
//
//   - names: it holds the enquiry's names (words the catalogue
//     capitalises, as in the names rule) for at least 1.5 words found in
//     one release only and 90% of their IDF mass: two rare names or more
//     ("Budapest", "Hungary", "EU");
//   - title: the enquiry's rarest name (IDF at least 0.75 of a word in
//     one release only) is in its title and not in the runner-up's, and
//     it holds 75% of the names' mass ("COP28": the speech's release,
//     not the same day's meeting that mentions COP28 in its body);
//   - series (seriesAgree, the sixth linking round): a release of the
//     same title but for its figures ("PM call with Prime Minister
//     Netanyahu of Israel (7 July 2024)"), of a day the email does not
//     name, has at least 0.8 of its text match, the enquiry uses the
//     same two or more words of both titles, a name among them, and no
//     candidate the days do not put back comes near: the day picks the
//     member of the series ("the readout of yesterday morning's call
//     between the new PM and Netanyahu", then questions on UNRWA and arms
//     export licences the readout does not mention: dldev5 029, p 0.47).
//     On every open set its conditions hold for 20 queries, all right
//     (19 already above 0.9), and none of the leave-one-out queries; a
//     country's name alone makes no series ("Ruritania's football team
//     won … last night", TestLinkThreshold), nor does an email naming
//     someone no release knows, written as a name is ("Did the PM speak
//     to President Herzog of Israel yesterday?" took the day's Netanyahu
//     call at 0.8 in a probe; acronyms, "UNRWA", "PA's", are questions
//     beyond the readout: namedOther).
//
// The names and figures rules' caps apply after them; the link's detail
// says "raised from 0.55: …". Measured on every labelled set's queries
// (the shared samples, tuning, enquiries, mldev, multilingual odd half,
// endev; 255 queries on the whole catalogue, 194 of them with the right
// release as best candidate, and 194 leave-one-out queries): the rules
// hold for 29 queries, all right (27 already above 0.99), for none of
// the 61 whose best candidate is wrong (mostly enquiries about no
// release) and none of the leave-one-out queries, whose best is wrong:
// the rule-of-three bound on their error is 10%, so p=0.8 is on the safe
// side. One notch looser (one rare name, 75% of the names, or no day
// agreement) and they fire on leave-one-out queries: a single rare name
// that several releases of the day share (the COP28 speech and the
// meeting with Sisi at COP28) does not tell them apart. endev 017 and
// 029 are linked (endev release 0.92 → 0.97); every other set and the
// leave-one-out counts unchanged. With the acronyms in the index, 017's
// "EPC" meets "European Political Community": its text alone gives
// p=0.74, the names rule then 0.8.
//
// endev 023 (a chaser that three enquiries "about the Rwanda Bill" went
// unanswered, asking who heads the news desk and how to escalate,
// labelled no release) linked that release at p=0.99 until the topic's
// judgement was heard: when the desk's own business outweighs every topic
// of the linked release (none of them the fallback), the enquiry asks
// about the desk, not the release its text names, and is left unlinked
// like a complaint about the desk's handling (shared 027, tuning 059); a
// chaser that asks about the release again keeps it
// (TestRouteAboutTheDesk). On the labelled sets it holds for 023 alone;
// where it is wrong, the topic (the fallback, not the release's) was
// already wrong, and a missed link costs less than a wrong one.
//
// # Topic
//
// The convention is the founders' labelled samples (the spec by example):
// for an enquiry linked to a release, the topic is the release's first
// topic (43 of their 50 linked enquiries) unless the question is about
// another of the release's topics (the other 7: consular for British
// nationals on PM-call releases tagged [middle-east, consular],
// development for aid money on [middle-east, development] releases, europe
// for Berlin Process politics on a [migration, europe] release). Troops,
// deployments and sanctions on a release whose first topic is a region
// stay with the region, unless the questions are about them (below); a
// release whose first topic is security stays security. A desk outside
// the release's topics answers only a clearly functional question:
// British nationals' safety or consular help, aid or humanitarian
// funding, investment or trade — or the questions' own matter, below.
//
// Topics.Choose reads the enquiry in places of decreasing weight: the
// question focus (sentences ending in '?', list items, sentences asking
// the desk for something — "confirm", "tell", "whether", …) 1.0, the
// subject 0.6, the rest of the new text 0.5, forwarded text 0.3, quoted
// history 0.1 (a reply that moves on drops the subject and history); a
// chaser that forwards the sender's own earlier enquiry (the forwarded
// header's first address is the sender's: ownForward) has its questions
// read as the sender's, as new text (dldev2 032: British nationals at
// Rafah on the [middle-east, consular] Sisi call, forwarded again with a
// new deadline, is consular). In
// each place it matches, on roots (so "evacuation"/"evacuees",
// "sanction"/"sanctioned", "investment"/"investors" meet; a variant
// counts 0.85 of the words as written; inside a longer phrase a shorter
// one adds nothing; an ending comes off only where what is left keeps
// Porter's measure above 1, so "coalition" is not "coal", "mission" not
// "missing", "movement" not "move"; the desk's own business matches only
// as written):
//
//   - the topic's keywords and the phrases of its name (half weight);
//     for a regional topic (keywords mostly names), a keyword the
//     catalogue capitalises is a name — it says where, not what — and
//     names add up slowly (1 + ln n) at 0.4;
//   - related terms (topiclex.go, 0.6): small families of foreign-office
//     vocabulary that join a topic only through one of its own lower-case
//     keywords, so the lexicon follows the desk's configuration. Each
//     family is functional (British nationals abroad, trade, aid: a
//     service one desk gives wherever the story is), thematic (armed
//     forces, sanctions: subjects every desk meets in its own territory)
//     or a policy area (migration, climate); a functional family names
//     its specific words ("British nationals", "evacuation", "consular
//     access"; "aid", "humanitarian funding", "famine", "UNRWA";
//     "investment", "exports", "tariffs", "trade deal"), as against wider
//     ones ("detained", "programmes", "companies"). A specific word inside
//     a longer phrase of another family is not specific ("aid" in
//     "military aid", "export" in "arms export licences");
//   - for regional topics, the region's politics ("relations",
//     "accession", "dialogue"; 0.5), counted only as far as the region is
//     named; with no release linked, or one linked among whose topics
//     this one is, also the places of the regions the topic is named
//     after (topiclex.yaml regions: "Europe" brings Spain, Warsaw, the
//     EU; "Middle East", Lebanon, Beirut), as names ("a bilateral with
//     Orban in Budapest … Hungary's blocking of EU decisions" on a
//     [migration, europe] release is europe's question);
//   - for the fallback topic, the desk's own business (diaries,
//     appointments, staffing, interview bids; 0.6): words that name the
//     desk itself (desk_self: "press officers", "duty rota") anywhere,
//     the others ("staffing", "planning", "schedule") only in a sentence
//     that names no policy, or that names the desk too ("is the UK
//     planning further sanctions" is a sanctions question), and
//     "planning" written as a verb ("planning to", "planning on") is
//     never the desk's (plansTo: "is the UK planning to attend the
//     summit in Tirana?" is Europe's, its name not being a policy). An
//     enquiry linked to no release whose own words name no desk (a
//     chaser under "Re: Kosovo", "Can I get a comment on this?" over a
//     forwarded story) reads its subject as its question and what it
//     forwards as its text (subjectAsks). A phrase of
//     the desk's own procedures of two words or more, written so, takes
//     its words from the other families: a "journalist visa" (the
//     press's own, as its accreditation; "novinarske vize", "visa de
//     journaliste", "журналистская виза" through topiclex_lang.json) is
//     no consular visa (selfWritten, TestTopicJournalistVisa).
//
// With a release linked, the candidates are:
//
//   - the release's first topic (the first the desk knows): all its
//     evidence + 0.8 × the link's probability;
//   - its other topics: their evidence + 0.4 × the link's probability,
//     without the words of thematic families when the first topic is a
//     region (troops in a Kosovo story are the Europe desk's); a region
//     among them counts its names (and politics) only in the questions:
//     in the subject and text they say where the release's story
//     happens, which its first topic answers ("EPC Budapest - Western
//     Balkans agreements … which countries are signing?" on the
//     [migration, europe] EPC release is migration's, dldev2 026); and
//     in the questions its names alone — no word of the region's own (a
//     keyword that is no name, its politics) in the sender's words, which
//     hold the first topic's — name the countries of the release's story
//     too ("the gangs of smugglers … what do the agreements with Serbia,
//     North Macedonia and Kosovo provide?" on that release is
//     migration's; relations, a dialogue or the Berlin Process still make
//     the question the region's: storyNames, TestTopicRegionNamesOfTheStory);
//   - a functional desk outside the release's topics, only on strong
//     evidence — two distinct specific words of its family in the
//     sender's own words (question, subject, new text), one of them in a
//     question — then on the same footing as the release's other topics
//     (its evidence + 0.4 × the link's probability, thematic words aside).
//     One aid question among others, or one mention of British nationals,
//     leaves the enquiry with the release's desk, as the founders label it;
//     a subject naming again the word its question asks about ("Rafah aid
//     trucks" over "how many aid lorries will go through?") is that one
//     word, not a second (sameSpecific, TestTopicSubjectRepeatsQuestion);
//   - the fallback topic on its own evidence (the desk's own business);
//   - a topic the questions lead to (issue 11, questionLed in topic.go):
//     when the question sentences hold at least three distinct words of
//     its thematic families (armed forces, sanctions), in more than half
//     of the question sentences with any desk's evidence, and no question
//     sentence has more evidence for the release's first topic (its
//     keywords and names, or a name the learnt model ties to it at 0.3 or
//     more: "Rafah") than for these words, the topic is a candidate with
//     all its evidence + 0.4 × the link's probability, and the reason
//     says so ('the questions are about security: "RAF", "Royal
//     Marines", "merlins" in 2 of 3 question sentences, over the
//     release's first topic (middle-east)'). A capitalised word the
//     enquiry writes just before such a word ("Merlin helicopters") or
//     after one written as a title ("HMS Trent") counts as one of them
//     where a question names it again — unless it extends a name among
//     the desk's keywords ("Iranian") or the catalogue uses it in four
//     releases or more ("UK"). Troops and a deployment in a Kosovo
//     question, or sanctions beside a question on the region, stay with
//     the region, as the founders label them. In a question sentence the
//     first topic's names count as one (they say where, not what is
//     asked): "would the UK join an Israeli military response against
//     Iran?" beside questions on the RAF's Typhoons is security's, "would
//     the UK back a ceasefire between Israel and Iran?" the region's.
//
// and (issue 11 item 3, the questions' own matter):
//
//   - on a release whose first topic is not a region (migration, trade,
//     general …), the desk of two distinct thematic words in the sender's
//     own words, one of them in a question (themLed: troops in KFOR asked
//     about on a migration release are security's; on a regional release
//     they stay the region's story unless questionLed) — on the same
//     footing as a topic the questions lead to — unless another question
//     is about the story of a region among the release's topics, with no
//     thematic word in it (regionQ: KFOR troop numbers beside "will
//     Lammy raise the Banjska attack with President Vučić?" on the
//     [migration, europe] Western Balkans release are Europe's; the
//     Western Balkans region lists Vucic, Kurti and Osmani, leaders only
//     its desk hears about);
//   - a regional desk outside the release's topics, outright, when the
//     question sentences hold two distinct words of that region (its
//     keywords, places, names the learnt model ties to it) and no
//     evidence for any of the release's topics, unless the release's
//     title names a place of the region (regionLed: "which leaders is the
//     PM seeing on Gaza, Sisi?" on the COP28 release is middle-east; the
//     same names on "PM meeting with Prime Minister Meloni of Italy" stay
//     with that release);
//   - a topic the questions lead to with fewer words (questionLed's second
//     form, issue 11's last round): on a release whose first topic is a
//     region, at least one of its thematic words in every question
//     sentence that holds any desk's evidence, at least four distinct ones
//     in the sender's own words, and none of them in the release's title
//     ("UK reinforcements arrive in Kosovo for NATO" keeps troops
//     questions with Europe; a Royal Navy question naming the Red Sea on a
//     Middle East readout is security's); and, for a topic among the
//     release's own (its second), two distinct ones in every question
//     sentence with evidence, none in the title: the question picks one of
//     the release's topics ("Will the Royal Navy escort merchant ships in
//     the Red Sea? How many British warships are there?" on the Houthi
//     seizure release, [middle-east, security]). The thematic words are
//     read in every configured language (topiclex_lang.json adds soldiers,
//     navy, warships, asset freeze, tariffs, visa … where the linker's
//     vocabulary lacks them; "war ships" is a family word, which Greek
//     "πολεμικά πλοία", Turkish "savaş gemisi", Spanish "buques de
//     guerra" read as).
//
// A sentence ends at '.', '!', '?', a paragraph, and at another script's
// question mark: Arabic '؟', the Greek question mark, ';' closing a
// sentence written in Greek (otherQuestionMark; mldev10 033, two Greek
// questions on one line, the Typhoons' part and sanctions against Iran,
// is the region's as in English). A question is a sentence, or the part of one that a conjunction opens
// by asking again (questionUnits: English "and", "or", "but" before an
// auxiliary or a question word, or before an adverb and one — "and
// roughly how long", "and exactly when": endev7 002, which Welsh soldiers
// are in the Kosovo reinforcements and how long they will stay there, is
// Europe's; in another language a conjunction before
// its word that asks, Polish "i czy", Serbian "i da li"): "how many UK
// personnel are deployed, and did he discuss the situation in the north
// with President Osmani-Sadriu and Prime Minister Kurti?" on the KFOR
// extension release [europe, security] is a troop question and a question
// on the region's politics, not one question on troops that names the
// region, and stays with Europe (mldev3 041); "how many troops, and how
// much will it cost?" is still security's (tuning 004).
//
// A phrase of several words of which one is left once its stopwords are
// dropped is met only where the text writes them all, in one of the ways
// the lists give: "out of hours" had been any "hours", "response time"
// any "response" (an Israeli military response was the desk's own
// business), "take up the post" any "post" (wholeAt).
//
// A family may name contextual words (topiclex.yaml contextual, with its
// context words): they count only in a sentence that also holds another
// word of the topic or one of the context words. Migration's "return",
// "removal", "crossing", "boat" are its words beside "people",
// "migrants", "enforced", "flights", "a week" …, not in "the return of
// the Parthenon sculptures". The armed forces' "presence" is theirs
// beside another of their words: "a stronger presence of the Royal Navy
// in the region" is two of them (a release topic's question, dldev 048),
// "the UK's presence at the talks" none (TestTopicPresence). Aid's
// "programmes" count beside its words or money, schools, refugees (an aid
// programme, not a film festival's), the consular "holidays",
// "holidaymakers", "travellers", "resorts", "embassy staff" beside its
// words or British, tourists, abroad, hotels, a crossing (not the press
// office's hours over the holidays, nor the embassy's headcount in Paris); trade's "companies", "businesses", "jobs" beside its words
// or deals, markets, sectors, growth (not the embassy's contractors or
// the department's job cuts); a context word makes only its own family's
// words count. A linked release of the word's topic is its context too:
// "which organisations will receive the money?" on the £10m aid release
// [middle-east, development] asks about aid money, the development desk's
// as the founders label aid money on such releases (aid's "money",
// "funds", "funding", "organisations", "partners", read in every
// language through topiclex_lang.json), while on a release of no aid
// topic, or none, the same words are no aid evidence. Another of the
// family's contextual words is no context for one (Topics.ctxOwn): "is
// there any new money or is this reallocated from existing programmes?"
// on critical minerals is any desk's money, trade's question by its
// minerals (endl 027), a policing boost's "funding" no aid; money for
// schools, refugees or from the aid budget still is, and two others are
// context (a cluster says the family: "is UK funding to its partners in
// Yemen being cut, and which programmes will close?" is development's;
// TestTopicContextualWordsNotEachOthersContext).
//
// An acronym the enquiry spells out with capitalised words ("the Global
// Combat Air Programme … GCAP") reads as the desk's phrases those words
// hold wherever it stands. Other desks are not candidates: one military,
// sanctions or security word never takes an enquiry off its release. With
// no release linked, every topic is a candidate on its evidence + 0.6 ×
// the topics of the nearest releases × the share of the enquiry each
// covers — the nearest releases counted for a desk the enquiry's own
// words (keywords, related terms, names, the learnt model's words) give
// evidence for, or for any when they give none: "is Giorgia Meloni
// coming to London, and will she meet Keir Starmer?" is Europe's by
// Meloni, one of its keywords, though the releases nearest it are her
// meetings on migration; the Galaxy Leader's crew, which names no desk's
// word, is still the Houthi seizure release's middle-east
// (TestTopicNearReleasesOwnTerritory); a question naming a region (one of the desk's keywords) keeps a
// single thematic word with that region's story ("UN sanctions on Iran"
// is middle-east), two distinct ones go to their desk. Every
// candidate adds 1.0 × the enquiry's cosine similarity with the topic's
// releases (a centroid per topic learnt from the catalogue's own topics).
// The highest score wins; the fallback answers when its own evidence is
// higher, or when no topic reaches 0.4. TopicReason lists the evidence
// ('"British nationals" in question', '"asset freeze" in question (like
// "sanctions")', "release topic", "also a release topic", "not a topic of
// the release (middle-east), but specific words for its desk in the
// question: …") and names the thematic words set aside when they would
// otherwise have won ('"RAF", "sanctions" (security) stay with the
// release's first topic'). Freedom-of-information requests and complaints
// about the desk's handling go to the fallback topic unlinked.
//
// The topic stands on the enquiry's own words in any language
// (topiclexlang.go, topicmodel.go, issue 11). An enquiry in another
// language is read through its language's vocabulary (the linker's,
// lang/data/vocab, plus topiclex_lang.json for the desk's own business):
// "Sanktionen" is read as "sanctions", "embarcaciones pequeñas" as "small
// boats" (a noun and its adjective in either order, read across the
// words that join a noun to what qualifies it and no other:
// topiclex_lang.json's '+' keys, French "de la" in "traversées de la
// Manche", Albanian "të" — Serbian "snage sa granice", forces from the
// border, is no "border force", mldev5 017), Arabic with its
// proclitics and plural endings off; topiclex_lang.json also gives
// phrases of two to four words, stopwords and all ("jashtë orarit", out of
// hours; "lista e shpërndarjes", distribution list; "außerhalb der
// Bürozeiten") and, in keys written "!word", readings that come before
// the linker's where its reading loses the desk's meaning ("Abschiebung"
// links as returns, a contextual word, but is a deportation; the desk's
// policy keywords in each language: TestTopicKeywordsAcrossLanguages);
// the desk's one-word names (capitalised keywords, the
// regions' places) are met in the language's own spelling or with a case
// ending by the catalogue names' skeleton match (placeMatch: "Bagdad",
// "Бейрут", "Podgorici", "Prishtinë"; a four-letter name exactly, so
// German "Mann" is not Amman), and the places no spelling reaches are in
// the vocabularies (Serbian "Beograd", Greek "Αθήνα"). Questions ending
// in '؟' or the Greek question mark are the question focus, and so is a
// sentence with a word that asks without a question mark
// (topiclex_lang.json's "?" keys: an indirect question's "whether",
// German "ob", French and Spanish "si", Italian "se", Polish "czy",
// Serbian "li", Russian "ли", Ukrainian "чи", Greek "αν", Albanian
// "nëse"; Arabic "هل"), as "whether" makes an English sentence one ("Θα
// θέλαμε να μάθουμε αν θα συναντηθεί με τους ηγέτες της Σερβίας και του
// Κοσόβου": we would like to know whether he will meet the leaders of
// Serbia and Kosovo). With no release linked, a topic
// model learnt from the catalogue adds, per topic, the evidence of the
// enquiry's words that no desk phrase took: names (Rafah, Sisi, Kosovo,
// also transliterated or with a case ending: index.nameMatch) and words
// read through the vocabulary, each by how much more often the catalogue
// uses it under that topic than under others (smoothed; words in one
// release only, or spread over topics, teach nothing; a word whose
// releases fall under three desks' first topics or more counts for one
// only when three-quarters of them are its: the desk's own Prime Minister
// meets every region's leaders, and a season's catalogue, most of it one
// war's, had tied "Sunak" to middle-east; a word that is not
// a name counts half, and only beside other evidence for its topic; a
// name's last word after a capitalised word the catalogue does not know
// is part of a name it does not know: "Chatham House" is not the White
// House's "House", a middle-east name; a name every release of which
// names one of a region's keywords says where the story is and teaches
// no desk but a region's: "Rome", "Palazzo Chigi", "Giorgia", "Starmer"
// are in the Meloni releases only, migration first and all naming Italy,
// and had made the Foreign Secretary's unannounced visit to Rome a
// migration question, mldev5 014; "the Channel", in small-boats releases
// that name no region too, is still migration's: regionOf in
// topicmodel.go, TestTopicModelRegionNames; a name followed by a number
// of one or two digits that is no day of a month is a numbered name —
// "Channel 5", "Channel 4" are broadcasters, not the Channel —, while
// "Kosovo 1999" and "Brussels 14 November" stay the name: numberedName,
// TestTopicNumberedNames);
// 1.0 × that, at most 2. The reason names the words as written ('"small
// boats" in question, as "embarcaciones pequenas"'; 'words "rafah",
// "sisi" (learnt from 21 releases)'). English enquiries read exactly as
// before but for the model, which speaks only when no release is linked
// and then only through names (with a release linked, its names in the
// questions only say which desk's matter each question is: questionLed).
//
// The weights of the evidence were chosen by a grid search
// (TuneTopics in tune.go: go run ./bench/tune topics) on the shared samples plus
// testdata/enquiries plus one half of testdata/tuning, checked on the
// other half, both ways round, before the convention above was restored;
// the candidates and the strong-evidence rule come from the founders'
// labels, not from the search. testdata/tuning was labelled by an
// evaluator told that topics often differ from the release's; of its nine
// labels giving security to armed-forces and sanctions questions on
// releases whose first topic is a region, migration or the fallback,
// all are now met by the questions' own evidence (questionLed, themLed,
// and the acronym rule for the one that names only "GCAP");
// TestTuningSetRegression's floor says so. testdata/endev (40 English
// enquiries written to exercise topic decisions: the question picks
// among a release's topics or goes outside them, the desk's own business
// against policy questions that mention staffing), testdata/mldev and
// testdata/mldev2 (56 more by another author, written to make the topic
// hard: 42 in 13 other languages, 14 English) are development sets;
// TestTopicDevSets and TestLinkDevSets pin their figures. mldev2 came in
// at topic 47 of 53 and release 53 of 53; the general changes above took
// it to 53 of 53 (one each: 047 the Prime Minister's name, 011 names as
// one, 046 war ships and a release topic's two words, 017 Belgrade, 003
// regionQ, 002 the desk's phrases in Albanian). mldev 054 (the Parthenon
// sculptures, labelled general) is no longer middle-east by "Sunak" but
// migration by "π.χ. στο μεταναστευτικό" (e.g. on migration), the one
// policy word it has; its author reads UK–Greece relations as general,
// where the desk's lexicon files Greece under Europe. testdata/dldev (48
// by a third author, written for deadlines: 28 in 14 other languages)
// came in at topic 46 of 48 and release 48 of 48; "presence" took 048 to
// security. 037 (a Russian question whether British aircraft helped
// intercept the drones, beside one on new sanctions against Iran, on the
// UN Security Council statement on Iran's attack) is labelled
// middle-east but read as security, as tuning 034, endev 011 and mldev2
// 011 label the same aircraft question on that release.
// testdata/mldev3 (48 by a fourth author, written to make topic and
// linking hard: paraphrases, names in each language's own spelling,
// figures in local style, siblings, chasers across languages; 34 in 14
// other languages) came in at release 47 of 48 with one wrong link (006,
// threadMargin) and topic 44 of 48; the general changes above took it to
// 48 of 48 and 47 of 48 (025 Albanian migration words, 033 the consulate
// and a missing Briton, 041 questions joined by "and did …"). 031 (KFOR
// troop numbers and the north's security on the [migration, europe]
// Lammy release, labelled europe) is security, as tuning 054 labels the
// same troop question on that release. testdata/dldev2 (48 by another
// author, written for deadlines) came in at topic 45 of 48 and reached 48
// (022 disbursed, 026 a region's names outside the questions, 032 the
// sender's own forwarded enquiry). testdata/endev2 (44, mostly English,
// by another author) came in at release 43 and topic 43 of 44; 009 (a
// French "accord") is linked now. Its 011 (asset freeze and travel ban
// questions on the 13 December Hamas sanctions, labelled middle-east) is
// security, as tuning 016 labels the asset-freeze questions on the 14
// November round: the sets' labels split on sanctions questions as on
// the aircraft question above. testdata/mixdev (45 human enquiries, 27 in
// 14 other languages) came in at release 44 and topic 43 of 45: 022
// (Albanian, KFOR's extension) is linked by "praninë" and "zgjat" and so
// Europe's as labelled — unlinked, its troops had made it security's;
// 030 (the Italy–Albania protocol's centres and a similar UK accord with
// Tirana, asked about on the [migration, europe] trilateral, labelled
// migration) names no migration word and three of Europe's places in its
// questions, and is Europe's. testdata/mixdev2 (46 human enquiries by
// another author) came in at release 42 and topic 41 of 46, and reached
// 45 and 43 by vocabulary (Türkiye also as Turkey, Albanian "qëndrojnë",
// Dutch substances and licences, Arabic "البريطانيين" and stranded);
// its 019 (agreements with Serbia, North Macedonia and Kosovo asked
// about on the [migration, europe] EPC release, labelled migration) was
// Europe's like mixdev 030 (migration's since the tenth round, below, by
// its text's smuggling gangs) — counting no names of a region among a
// release's other topics in the questions would take ten enquiries
// labelled europe in seven sets with them, and counting none where the
// questions hold no word of the region's politics still four — and 002 (Welsh
// soldiers on the 2017 KFOR deployment, the day after it, naming
// "today" as the journalist's day) stays below the threshold.
// testdata/mldev4 (42 everyday enquiries by another author, 3 in each of
// 14 languages; 39 not automatic) came in at release 38 and topic 37 of
// 39 with one wrong link, and reached topic 38: 036 (a Serbian crew's
// journalist visas, labelled general) is the desk's procedure, not
// consular. Left: 019 (RAF and sanctions on the UNSC Iran statement,
// labelled middle-east) as dldev 037; 010 (Italian, "after the
// trilateral with Albania he had a bilateral with Meloni", asking about
// the Italy-Albania model and the Rwanda plan, labelled the bilateral's
// release) is linked to the same day's trilateral, whose text alone
// names Albania and Rwanda as the questions do — a label choice between
// sibling releases, no general method. Polish and Greek words read since
// (law, phase, first; smuggling rings) raised 001 and 031 from p 0.78 to
// 0.92 and 0.87. testdata/mldev5 (42 everyday enquiries by another
// author, 3 in each of 14 languages, written for topic; 40 not automatic)
// came in at release 40 and topic 37 of 40, and reached 39: 017 by the
// joining words of reversed pairs, 014 by the learnt model's region
// names (both above). Left: 041 (Greek: British hostages and consular
// support asked about on the [middle-east, consular] Qatar call,
// labelled consular) is middle-east by "hostages", Hamas and Gaza, as
// eight other sets label hostage questions on that call (endev 016,
// British nationals leaving Gaza and no hostages, is consular).
// testdata/endev3 (48 English by another author, 46 not automatic) came
// in at 46 of 46 for both and stays there. The same round, from
// sentences of our own: the UN climate conferences other than COP28
// (TestTopicClimateConferences), emergency aid in German and Dutch
// compounds (TestTopicEmergencyAidAcrossLanguages), travel advice in
// Italian, Polish, Ukrainian and Albanian
// (TestTopicTravelAdviceAcrossLanguages), one British person and an
// arrest in more languages' forms (TestTopicBritonDetainedAcrossLanguages),
// a death abroad (TestTopicDeathAbroad), British nationals in Dutch and
// Greek (TestTopicBritishNationalsAtRafahAcrossLanguages).
// Ninth round: testdata/mixdev3 (48, 20 English), mldev6 (42 in 14
// languages) and endev4 (42 English), by other authors, came in at topic
// 0.93, 0.95, 0.95 of all (e0a5bc2) and were at 0.98, 0.97, 0.95 when
// the round began; endev4 012 (a documentary crew's filming request for
// Channel 5, labelled general) was migration's by "the Channel" and is
// general by a numbered name (above) and the desk's own business ("filming
// request", "request to film", "permission to film" in topiclex.yaml's
// desk_business: TestTopicFilmingRequest); a fallback below the threshold
// now names the desk's own words it found, and a topic whose only
// evidence is the similarity of its releases says "words like its
// releases'". Left, as the sets' labels split on them: mixdev3 004
// ("KFOR till 2026 - how many UK troops actually in Kosovo", subject
// only, labelled europe) is unlinked and security by its troops, europe
// once linked, where tuning 004 labels the same troop question on that
// release security; mldev6 020 (RAF and sanctions on the UNSC Iran
// statement, labelled middle-east) as dldev 037, dldev3 039, dldev4 008,
// mixdev2 011, mldev4 019 and endl 008 label such questions, against
// tuning 034, endev 011, mldev2 011, mldev5 024, endev3 035 and mixdev3
// 017 (security: seven sets to six; read as security); endev4 025 (OFSI asset freezes on the 14
// November Hamas sanctions, labelled middle-east) as endev2 011 and
// tuning 016 label such questions security.
// Tenth round: testdata/mldev7 (42 in 14 languages, 40 not automatic) and
// endev5 (42 English, 40 not automatic), by other authors, came in at
// topic 0.85 and 0.95 of all (6b00acd; mldev7's 016, 017, 026 unlinked,
// security by their troops and sanctions, Europe's once the linker took
// them) and reached 38 and 39 of 40: endev5 008 (the Sisi meeting's
// Rafah crossing, one aid question, "aid trucks" in the subject) stays
// middle-east, a subject repeating its question's word being one word;
// mldev7 014 (the EPC agreements, as mixdev2 019) is migration's by the
// names of the release's story. Left, as labels split on them: mldev7
// 020 (aircraft, drones and sanctions on the UNSC Iran statement,
// labelled middle-east: eight sets to six now); endev5 021 (sanctions
// designations on the 13 December Hamas sanctions, labelled middle-east:
// where the questions lead to sanctions on those releases, endev2 011,
// endev4 025 and endev5 021 are labelled middle-east and tuning 016
// security; every other enquiry on them is middle-east and read so);
// mldev7 042 (Greek: the Parthenon sculptures, "contact with the Greek
// embassy", unlinked, labelled general as mldev 054, mldev2 047 and
// mixdev2 048 label that story) is europe by Greece, a place of the
// lexicon's Europe — one place alone leaving the fallback to answer kept
// every open set but is the reading TestTopicKeywordsAcrossLanguages and
// TestTopicModelRegionNames pin ("Severna Makedonija" alone is Europe's),
// so it was not made.
// Eleventh round: testdata/mldev8 (42 in 14 languages), endev6 (42
// English) and dldev5 (44 English, for deadlines), by other authors, came
// in at topic 38, 38 and 39 of 40, 40 and 42 (bc41d6c) and reached 39,
// 40 and 42, by general rules, each with sentences of our own:
//
//   - measures against a state (topiclex.yaml's sanctions family,
//     measures: true) in a question naming a place of the linked
//     release's region are aimed at it, the region's story, and count
//     for no questionLed ("will the UK back new sanctions against Iran,
//     and did RAF jets shoot down drones?" on the UNSC statement is
//     middle-east's; the RAF's part alone, or OFSI's asset freezes and
//     licences with no name of the region, still security's): the split
//     noted above (UNSC Iran, ten sets to six; the Hamas designations)
//     is the questions', and every such enquiry of the open sets is now
//     as labelled (TestTopicMeasuresAimedAtTheRegion); "and whether",
//     "and if", and a conjunction and a verb before a particle (Russian
//     "и участвовали ли", Serbian "i hoće li") open a question of their
//     own (questionUnits);
//   - a region's names alone in the questions name the countries of the
//     release's story whether or not the sender's words name the first
//     topic's matter (dldev5 036), unless a question names a leader of
//     the region with a title ("Prime Minister Kurti", "President
//     Vučić": leaderQ, endev6 035) or its politics ("a bilateral", the
//     Berlin Process in Dutch and German);
//   - aid's agencies (contextual, like its organisations: endev6 006),
//     a family's word of one root met wherever written (not lost behind
//     "UN agencies", whose "UN" is a stopword), the Red Crescent;
//   - the region's peoples as English writes them (topiclex.yaml
//     regions[].peoples: "the Iranian ambassador", "the Serbian
//     president"), English names only;
//   - vocabulary a desk needs in every language: greenhouse gases and
//     global warming; a broadcaster's programme in the singular
//     ("émission", "emisija", "εκπομπή") is no emissions; the UK's visa
//     service for foreigners (visa centre, fees, appointments) is the
//     desk's general business, as three sets label it; a British tourist
//     hospitalised, injured, kidnapped, held ("festgehalten", "retenue",
//     "zadržana"), and the Briton as journalists name them (a British
//     hiker, journalist, pensioner, expats) are consular; warships and
//     merchant ships (no trade) in Italian, Polish, Arabic; the terror
//     threat; illegal immigrants and people traffickers.
//
// Left: mldev8 018 (Serbian: waiting times at the Belgrade visa centre,
// labelled general) names Serbia's citizens and no visa word in its
// question, and is europe's.
//
// Twelfth round: testdata/mixdev4 (48 by another author, 20 English and
// 28 in 14 languages), scored once as a checkpoint, then a DEV set: topic
// 43 of 46 -> 45 of 46, with probes of our own (252 sentences, per
// desk topic in the 15 languages, most about the desk's own business):
//
//   - the department's own spending is the desk's business: "value for
//     money" a phrase of the desk's own (desk_self: its "money" no aid
//     money; aid named beside it stays aid: mixdev4 016), an
//     ambassador's residence and its refurbishment, hospitality,
//     consultants, the taxpayer; a visit's cameras and camera crews; and
//     staff, posts, cameras and a new ambassador taking up the post in
//     every language (Turkish "personel" is staff, not the armed
//     forces' personnel), though the question names a capital ("Madrid",
//     "Athens", "Serbia" had made them Europe's);
//   - settlers are a people of the Middle East (regions[].peoples, and
//     every language's vocabulary): travel bans on violent settlers are
//     a measure aimed at the region, its story, beside a question on HMS
//     Diamond too (mixdev4 027, as endev 010 and dldev 004 label them);
//   - an abbreviation's dot ends no sentence ("as the U.S. announced
//     today?", "EE. UU.", "Mr. Vučić"): the question before it is a
//     question (tokenize, abbrevDot).
//
// Left: mixdev4 029 (British hostages and a family liaison officer on the
// [middle-east, consular] Qatar call, labelled consular) is middle-east:
// the hostages split (shared 016, dldev3 040, endl 007 label British
// hostages on that call middle-east; mldev5 041 and this one consular).
// Probes: 54 of 252 missed before, 17 after. Left: the itinerary of a
// minister's trip to two capitals of a region with no release ("Cairo
// and Amman") is that region's, two names against one desk word, in
// English too; "spending on consultants and
// agency staff" is aid's "agencies" (an aid agency's staff would be aid's
// too); a visit's logistics asked on a release with two desk words
// ("Pool-Platz für Kamerateams") is general, not the release's (interview
// bids on a release are its topic's, as dldev5 008 and endev4 026 label).
//
// Thirteenth round: probes of our own from other angles (259 questions in
// the 15 languages on every desk topic — a Briton arrested, missing or
// evacuated, travel advice, tariffs, an FTA round, COP finance, small
// boats, returns deals, visas for refugees, aid budgets, famine, troops,
// drones, cyber, NATO, Europe, the Middle East, interview bids — with
// and without a release, chasers, two topics with one asked: 22 missed
// before, 8 after), and testdata/mixdev5 (48, scored once as a
// checkpoint, then a DEV set: 41 of 45 -> 44 of 45):
//
//   - a cyber attack is the armed forces' word (security's) in every
//     language; a readmission agreement, a returns deal, a humanitarian
//     or refugee visa and foreign national offenders are migration's;
//     foreign nationals let out of a war zone consular's (mixdev5 036);
//     an interview with the ambassador or the minister is the desk's own
//     business wherever the ambassador sits ("in Berlin" had made it
//     Europe's); NATO as Dutch ("NAVO") and French, Spanish, Portuguese
//     ("OTAN") write it, Dutch warships, Polish air defence, German and
//     Dutch tariff compounds (mixdev5 017);
//   - a plain word of a functional family inside a longer phrase of
//     another family is that phrase's ("visa" and "humanitarian" in
//     "humanitarian visas" are no consular visa nor aid), as a specific
//     one already was;
//   - a name written after a thematic word as a title is part of that
//     unit, not a further thematic word of its own question ("1st
//     Battalion Princess of Wales's Royal Regiment": mixdev5 016 stays
//     with Europe as the founders label troop questions on the Kosovo
//     reinforcements release); asked about again on its own ("Will Trent
//     escort …?") it still counts.
//
// Left: mixdev5 047 (whether Sky Sabre stays in Poland, no release,
// labelled security) is Europe's by Poland, the system named as air
// defence only in the Polish quoted history. Probes: travel advice for
// Lebanon or Israel in Russian, Greek, Turkish and Albanian is the
// region's (the travel-advice words read as a family's word, 0.6, and
// the linker's nearest releases, from the country's name alone, are the
// region's; English reads the keyword and finds the flights release); an
// interview with the ambassador "in Tirana" is Europe's by its own
// keyword; a Royal Navy question on the Houthi release whose subject
// names the Houthis stays with the region, in English too.
//
// Fourteenth round: Portuguese, Albanian and Greek, the weakest on
// unseen mail. Probes of our own (pt 96, sq 96, el 94 questions, pt-PT
// and pt-BR, Kosovo usage, Albanian and Greek typed without ë, ç or
// accents; every desk topic, with and without a release, chasers: not
// committed) missed pt 14 -> 6, sq 20 -> 15, el 16 -> 11; testdata/mldev9
// (42 by another author, 14 each) scored once as landed, 35 of 39 ->
// 38 of 39:
//
//   - the words English already reads, in these languages' forms
//     (topiclex_lang.json; TestTopicFourteenthRoundWords,
//     TestTopicAlbanianDeportation): Portuguese deportados, imigrantes,
//     Processo de Berlim, voos de repatriamento (consular repatriation,
//     not the linker's returns), combustíveis fósseis, desmatamento,
//     morreu beside uma britânica; Albanian emigracion- in every case
//     form, këshilla për udhëtim, gazetar britanik, rrëmbye, u deportua
//     and Deportimi (mldev9 024); Greek ορυκτά/ορυκτών καυσίμων, πέθανε
//     beside ένας Βρετανός;
//   - an editor who asks nothing of their own (no question mark, nor
//     Greek's ';') and forwards a colleague's question — the forwarded
//     header's first address of the sender's own domain, no webmail's —
//     asks it, as a sender's own forwarded enquiry does (ownForward,
//     colleagueAddress; mldev9 040, TestTopicColleaguesForwardedQuestion);
//     "Any comment on this?" over a colleague's message still reads it as
//     forwarded text (TestTopicQuestionFocus).
//   - a new British ambassador, the nationality written between, is the
//     desk's own business as a new ambassador is, in English too ("the new
//     British ambassador in Athens", "νέος Βρετανός πρέσβης", "novo
//     embaixador britânico", "ambasadori i ri britanik" had been Europe's
//     by the city); carbon neutrality is net zero in Portuguese and
//     Albanian.
//
// Left, read as English reads them: troop questions on the Kosovo
// reinforcements release stay Europe's; "how many Albanians were
// returned" with no other migration word is Europe's by the people's
// name; work and student visas are consular's; refugees from Syria the
// region's; aid asked on a call of the region's alone the region's;
// mldev9 042 (UK-Greece relations after the cancelled meeting over the
// Parthenon marbles, labelled general) Europe's by Greece.
//
// # Outlet, rota and officer
//
// Outlets.Lookup maps the sender's domain or its longest listed parent to an
// outlet (no match: no outlet, and the SLA falls to the default policy).
// Rota reads each shift as its cron start in the desk's wall-clock time plus
// its duration of wall-clock time, computed on a zone-free clock: a 14h
// "0 18 * * MON-FRI" shift always ends at 08:00 local, also on the nights
// the clocks change. Assign takes the officers on shifts listing the topic,
// else those on "*" shifts, else the escalation manager; among them those
// whose own topics cover it are preferred (never required), then the fewest
// open enquiries, then the least recently assigned, then the id — a round
// robin as the caller records assignments in Load. A follow-up keeps its
// enquiry's officer unless that officer is off shift and the enquiry is
// still unanswered.
//
// # Deadline and SLA
//
// The journalist's deadline is deadline.Extract (package deadline, its
// words in package lang's data files) on the new text against the
// message's Date in the desk's zone (deadline/deadline.go describes the scanner: a
// time is a deadline when it is anchored to a request — "by", "before",
// "deadline", "need", "get back to me", "I'd be grateful for / appreciate
// / like a line", "would be fine / work / suit" after it, "say T" offering
// one, "go to press at T", or a later "before then" pointing back to it —
// and not an event, a broadcast merely mentioned, office hours, quoted
// text, the journalist's own reply or a time "that day"); when the new
// text states none, the subject is read the same way if the journalist
// wrote it for this message (deadline.ExtractWithSubject: not a reply —
// In-Reply-To or "Re:" — nor a forward, mailparse.IsReplyOrForwardSubject).
// SLA clocks start when the desk received
// the message (Input.Received; the message Date when unknown, as in a dry
// run), through plan.ForPolicy (sla/plan) with the policy of the outlet's tier and the topic. Automatic
// mail gets its outlet but no release, topic, officer or clocks.
//
// # One officer decision
//
// Router.Classify decides everything but the officer; AssignOfficer
// chooses the officer once, against the load it is given. The ingest
// pipeline classifies messages in parallel and assigns them one by one
// against the desk's live load (internal/app Router.Route, then
// Router.Assign); Route is both at once, for `mediadesk route`. The SLA
// policy is looked up once (Decision.Policy) for the plan and the
// enquiry's policy durations.
//
// # Language
//
// Every message's language (Decision.Language, ISO 639-1, "" when the new
// text has fewer than 20 letters or no language stands out) is told by
// lingua-go in its low-accuracy (trigram) mode, restricted to the desk's
// languages (desk.languages; DefaultLanguages), on the first 300 bytes of
// the new text without URLs and addresses — never the quoted history or
// signature. Officers who read it (officers[].languages; Bosnian,
// Croatian and Serbian as one) are preferred among those on shift for the
// topic, before topic expertise and never leaving nobody; the reason says
// "reads de". The choice, measured with bench/langdetect (`cd
// bench/langdetect && go run . -root ../.. -shared ../../../shared`) on
// routing/testdata/multilingual (62 non-automatic messages in 16
// languages; choices made on the odd-numbered files only) and the English
// sets (enquiries, heldout, ../shared samples):
//
//	detector                    multilingual  odd    even   English  Albanian  heap after load
//	lingua-go, low accuracy     62/62         31/31  31/31  all      5/5       14.4 MiB
//	lingua-go, high accuracy    62/62         31/31  31/31  all      5/5       298 MiB
//	whatlanggo (whitelisted)    57/62         28/31  29/31  all      0/5       ~0 MiB
//
// whatlanggo has no Albanian model (every Albanian enquiry came out
// Italian), and Albanian is the first language the Western Balkans desk
// hears; lingua-go's high-accuracy mode gains nothing here for 20 times
// the memory. The cost: lingua-go is slow (≈ 0.3–1 ms a message; its
// confidence values use arbitrary-precision decimals) and its embedded
// models (all 75 languages, whatever the desk uses) take the mediadesk
// binary from 41 MB to 169 MB. So plainEnglish answers first: a text with
// no ordinary word beyond ASCII (a capitalised one is a name, "Erdoğan",
// "Türkiye", at most one word in eight), with at least a fifth English
// function words and three different strongly English ones (or, for a
// short chaser, a third function words and two strongly English ones), is
// English without asking lingua-go. It takes 62 of the 70 shared samples
// (57 when every letter had to be ASCII and three strong words were
// needed) and 4,996 of 5,000 bench/ingest messages (4,173: lingua-go had
// been a fifth of serve's CPU there); the accuracy above is unchanged with
// it (bench/langdetect's last row), the mean cost over all 186 samples
// falls from 661 to 259 µs, and BenchmarkRoute10k (English) is 24 µs/op
// with the language against 4.3 ms before the shortcut. Bosnian, Croatian and
// Serbian in Latin script are scored as one language (the detector said
// "bs" for the three Serbian samples).
package routing
