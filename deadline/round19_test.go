package deadline

import "testing"

// nineteenthRoundCases are Albanian and Serbian/Bosnian/Croatian
// forms a probe of our own found unread (probes of the Balkan languages
// 36 -> 44 of 45), each with look-alikes that must stay unread:
//   - an hour article that is itself the noun "hour" (deadline.hour_nouns:
//     Albanian "ora", "orën", "orës") makes the bare
//     13-23 after it an hour with no cue before it, as "godz. 16" did;
//   - the journalist closing, submitting or sending their own copy, in
//     the first person, in either word order, and the deadline for
//     submitting it ("rok za predaju teksta"), for every noun a
//     newsroom closes (text, article, report, story, item, edition,
//     page, interview); an office or a session closed is none.
//
// Sent Wednesday 18 October 2023 10:00 in London.
var nineteenthRoundCases = []struct{ text, want string }{
	// the hour noun
	{"Afati është ora 16.", "2023-10-18T16:00:00+01:00"},
	{"Afati im është ora 16.", "2023-10-18T16:00:00+01:00"},
	{"Kam afat deri në orën 16.", "2023-10-18T16:00:00+01:00"},
	{"Afati im: sot, ora 17.", "2023-10-18T17:00:00+01:00"},
	{"Ministri flet në orën 16.", none},
	{"Takimi fillon në orën 16.", none},
	{"Ora 16 e Tiranës ishte e qetë.", none},
	// Albanian: the journalist's own piece closing, the deadline ending
	{"Artikulli im mbyllet në orën 14.", "2023-10-18T14:00:00+01:00"},
	{"Artikulli mbyllet në orën 14.", "2023-10-18T14:00:00+01:00"},
	{"E mbyll shkrimin në orën 14.", "2023-10-18T14:00:00+01:00"},
	{"Mbyllim lajmin në orën 19.", "2023-10-18T19:00:00+01:00"},
	{"Duhet ta mbyll tekstin në orën 15.", "2023-10-18T15:00:00+01:00"},
	{"Afati përfundon në orën 14.", "2023-10-18T14:00:00+01:00"},
	{"Afati im mbaron ne oren 14.", "2023-10-18T14:00:00+01:00"},
	{"Dyqani mbyllet në orën 14.", none},
	{"Zyra mbyllet në orën 17.", none},
	{"Takimi përfundon në orën 15.", none},
	// Serbian/Bosnian/Croatian: the journalist's own copy
	{"Rok za predaju teksta je 15:30.", "2023-10-18T15:30:00+01:00"},
	{"Rok za predaju teksta je u 15.30.", "2023-10-18T15:30:00+01:00"},
	{"Rok za slanje članka je u 15 sati.", "2023-10-18T15:00:00+01:00"},
	{"Članak zaključujemo u 15 sati.", "2023-10-18T15:00:00+01:00"},
	{"Zaključujemo izvještaj u 17h.", "2023-10-18T17:00:00+01:00"},
	{"Izveštaj šaljem u 16 časova.", "2023-10-18T16:00:00+01:00"},
	{"Vlada zaključuje sjednicu u 15 sati.", none},
	{"Zatvaramo ured u 17 sati.", none},
	{"Rok za prijave istekao je juče u 15 sati.", none},
}

func TestNineteenthRoundForms(t *testing.T) {
	checkCasesWed(t, nineteenthRoundCases)
}

// othersNamedDeadlineCases: the word right before "deadline" says whose
// or what deadline it is. A procedure's (the registration, ceasefire,
// applications deadline) or another party's (a possessive, a name:
// Hamas's, the EU's, Serbia's) is not the journalist's, whatever the
// sentence says of it; the journalist's side (my/our, my editor's, the
// desk's, the print deadline, today's, a tight deadline) stays
// theirs. English probes of our own: 16 sentences naming others'
// deadlines, 4 read as the journalist's before, none after.
var othersNamedDeadlineCases = []struct{ text, want string }{
	{"Hamas's deadline is midnight tonight. Is the UK involved?", none},
	{"The EU deadline is 5pm Friday. Will the UK match it?", none},
	{"The registration deadline is 5pm today — how many have registered?", none},
	{"The ceasefire deadline expires at midnight. What is the UK doing?", none},
	{"Serbia's deadline is noon tomorrow, so what happens then?", none},
	{"The applications deadline is 4pm. How many have applied?", none},
	{"The Kremlin deadline passes at 6pm - does the UK have a view?", none},
	{"My editor's deadline is 5pm.", "2023-10-18T17:00:00+01:00"},
	{"The desk's deadline is 5pm.", "2023-10-18T17:00:00+01:00"},
	{"The print deadline is 5pm.", "2023-10-18T17:00:00+01:00"},
	{"Today's deadline is 5pm.", "2023-10-18T17:00:00+01:00"},
	{"Our registration deadline piece needs a line by 4pm.", "2023-10-18T16:00:00+01:00"},
	{"Hi, the deadline is 5pm.", "2023-10-18T17:00:00+01:00"},
	{"Could you help? The deadline is 3pm.", "2023-10-18T15:00:00+01:00"},
	{"I'm on a tight deadline: 3pm.", "2023-10-18T15:00:00+01:00"},
	{"Deadline is 3pm.", "2023-10-18T15:00:00+01:00"},
}

func TestOthersNamedDeadline(t *testing.T) {
	checkCasesWed(t, othersNamedDeadlineCases)
}

// turnaroundTimingCases: "turnaround" and "timing(s)" are the deadline
// in a press office's mail ("Tight turnaround - 4pm", "Is a 3pm
// turnaround possible?", "Timing: 3pm today"); a ship's turnaround or
// the timing of a vote is someone else's. English probes of our own:
// 9 -> 15 of 15 right.
var turnaroundTimingCases = []struct{ text, want string }{
	{"Tight turnaround - 4pm.", "2023-10-18T16:00:00+01:00"},
	{"Is a 3pm turnaround possible?", "2023-10-18T15:00:00+01:00"},
	{"Apologies for the tight turnaround — 2pm.", "2023-10-18T14:00:00+01:00"},
	{"Our turnaround is 3pm.", "2023-10-18T15:00:00+01:00"},
	{"Timing: 3pm today.", "2023-10-18T15:00:00+01:00"},
	{"Timings - need by 3.", "2023-10-18T15:00:00+01:00"},
	{"What is the timing of the vote at 3pm?", none},
	{"The timing of the minister's 3pm speech was criticised. Why?", none},
	{"The ship's turnaround at 3pm in Dover was delayed. Why?", none},
	{"Timing of the announcement: 3pm yesterday. Why so late?", none},
	{"The turnaround time for visas is 10 days. Is that right?", none},
}

func TestTurnaroundTiming(t *testing.T) {
	checkCasesWed(t, turnaroundTimingCases)
}

// conditionalWishCases: the journalist's wish in the conditional ("I'd
// like", "we'd want", "we would love") asks as "need" does, so the hour
// of their own programme they want it before or ahead of is the
// deadline; someone else's wish, a slot the journalist proposes and a
// programme they only watch stay unread. English probes of our own:
// 7 -> 10 of 10, and 2 more of the first 86.
var conditionalWishCases = []struct{ text, want string }{
	{"We'd want it before the 6 o'clock news.", "2023-10-18T18:00:00+01:00"},
	{"I'd want it before the 6 o'clock news.", "2023-10-18T18:00:00+01:00"},
	{"We'd like something ahead of the six o'clock bulletin.", "2023-10-18T18:00:00+01:00"},
	{"We'd like to use it ahead of tonight's News at Ten.", "2023-10-18T22:00:00+01:00"},
	{"We would love a line before the 6pm bulletin.", "2023-10-18T18:00:00+01:00"},
	{"The minister would like to speak before the 6 o'clock news.", none},
	{"I'd like to attend the 3pm briefing. Is there space?", none},
	{"We'd love to come to the reception at 6pm. Is it open to press?", none},
	{"The PM would want a deal before the summit at 3pm, officials say.", none},
	{"I'd like to watch the 10 o'clock news tonight for the reaction.", none},
	{"We'd like to film at 3pm at the embassy - is that possible?", none},
}

func TestConditionalWish(t *testing.T) {
	checkCasesWed(t, conditionalWishCases)
}

// ownCopyRomanceCases: the journalist having to deliver, send or close
// their own copy (Portuguese "tenho de / tenho que / preciso (de) /
// temos de / devo + entregar, enviar, fechar, mandar, submeter,
// terminar, acabar", with "matéria", "peça", "notícia", "crónica" read
// as the piece) and French "mon papier / mon article / ma copie … part
// à 16h" (my copy goes at 4): probes of our own 86 -> 87 of 87 (pt, it,
// el, uk) and 34 -> 35 of 35 (fr). Someone else's delivery, a broadcast
// going out and "matéria" as a subject stay unread.
var ownCopyRomanceCases = []struct{ text, want string }{
	{"Tenho de entregar a matéria às 16h.", "2023-10-18T16:00:00+01:00"},
	{"Temos que enviar a peça às 17h.", "2023-10-18T17:00:00+01:00"},
	{"Preciso de fechar a notícia às 15h.", "2023-10-18T15:00:00+01:00"},
	{"Mon papier part à 16h.", "2023-10-18T16:00:00+01:00"},
	{"Ma copie part à 17h, merci de répondre avant.", "2023-10-18T17:00:00+01:00"},
	{"O ministério vai entregar o relatório às 16h.", none},
	{"Sobre esta matéria, o ministro fala às 16h.", none},
	{"Notre émission part à 18h.", none},
	{"Le train part à 16h.", none},
}

func TestOwnCopyRomance(t *testing.T) {
	checkCasesWed(t, ownCopyRomanceCases)
}

// realisticManageCases: asking whether a time is realistic, achievable,
// manageable or workable, or whether the desk can manage it, asks for
// it as "is 5pm doable?" and "can you do 3pm?" do; a question whether a
// ceasefire or a deal will happen by then stays unread. English probes
// of our own: 5 -> 9 of 10 (the one left, "How will you manage 500
// arrivals by Friday?", was misread before too) and 52 -> 54 of 58.
var realisticManageCases = []struct{ text, want string }{
	{"Is 5pm realistic?", "2023-10-18T17:00:00+01:00"},
	{"Would 5pm be achievable?", "2023-10-18T17:00:00+01:00"},
	{"Can you manage 5pm?", "2023-10-18T17:00:00+01:00"},
	{"Could you manage 5?", "2023-10-18T17:00:00+01:00"},
	{"Is a response by 5pm realistic?", "2023-10-18T17:00:00+01:00"},
	{"Is a ceasefire by Friday realistic?", none},
	{"Is a deal by Friday feasible?", none},
	{"Is the EU's 2030 target achievable?", none},
	{"Is the 5pm vote realistic, given the numbers?", none},
	{"Can you manage the minister's diary at 5pm?", none},
}

func TestRealisticManage(t *testing.T) {
	checkCasesWed(t, realisticManageCases)
}

// givenToOthersCases: a deadline given to someone else with the one it
// was given to between the verb and the deadline ("The EU gave Serbia a
// deadline of Friday", "set the Serbian government a deadline", and
// Serbian/Bosnian/Croatian "EU je Srbiji dala rok do petka", dao/dala/
// dali/dalo read as "given") is theirs; given to the journalist ("The
// editor gave me a deadline of 5pm", "Urednik mi je dao rok do 17
// sati") it is the journalist's. Probes of our own: 36 other-party
// deadlines in 9 languages, 2 misread before, 1 after (Polish "UE dała
// Serbii czas do piątku": "czas", time, is left as it was: "Mam czas do
// 16" is the journalist's own).
var givenToOthersCases = []struct{ text, want string }{
	{"The EU gave Serbia a deadline of Friday.", none},
	{"The EU set the Serbian government a deadline of Friday.", none},
	{"EU je dala Srbiji rok do petka da odgovori. Podržava li UK to?", none},
	{"EU je Srbiji dala rok do petka.", none},
	{"The editor gave me a deadline of 5pm.", "2023-10-18T17:00:00+01:00"},
	{"My editor gave us a deadline of 5pm.", "2023-10-18T17:00:00+01:00"},
	{"Urednik mi je dao rok do 17 sati.", "2023-10-18T17:00:00+01:00"},
	{"Mam czas do 16.", "2023-10-18T16:00:00+01:00"},
}

func TestGivenToOthers(t *testing.T) {
	checkCasesWed(t, givenToOthersCases)
}

// aheadOfCases: "ahead of" a time is "before" it, with the same guards
// (someone else's doing ahead of it, a question whether something will
// happen, a past event, an event named after the time stay unread).
// English probes of our own: 6 -> 8 of 9 ("I need something ahead of
// Friday" is still unread) and 49 -> 50 of 50 on clock and zone forms.
var aheadOfCases = []struct{ text, want string }{
	{"Please respond ahead of 5pm.", "2023-10-18T17:00:00+01:00"},
	{"Could we have a line ahead of 5pm?", "2023-10-18T17:00:00+01:00"},
	{"The minister will visit Tirana ahead of Friday's summit. Will she meet Rama?", none},
	{"Ahead of the 5pm talks, will the UK make a statement?", none},
	{"Sanctions were announced ahead of 5pm yesterday. Why?", none},
	{"The minister meets Rama ahead of Friday. What will they discuss?", none},
	{"Will the UK announce sanctions ahead of Friday?", none},
}

func TestAheadOf(t *testing.T) {
	checkCasesWed(t, aheadOfCases)
}

// requestAfterIfPossibleCases: the imperative after "if possible," or
// "if you can" ("If possible, send us an answer tomorrow morning",
// Albanian "Nëse është e mundur, na dërgoni një përgjigje nesër në
// mëngjes", "Ju lutem nëse mundeni nesër në mëngjes": please if you
// can tomorrow morning), Portuguese "horário de <place>" read as "hora
// de <place>" (the place's time), and the journalist closing their
// pages or editions (plural) at a time. Probes of our own: 2 -> 6 of 6
// and 3 -> 6 of 6. The journalist's own sending, another newsroom's
// pages, shops closing and a past closing stay unread.
var requestAfterIfPossibleCases = []struct{ text, want string }{
	{"If possible, send us an answer tomorrow morning; the piece is published Saturday.", "2023-10-19T09:00:00+01:00"},
	{"Please if you can tomorrow morning.", "2023-10-19T09:00:00+01:00"},
	{"Nëse është e mundur, na dërgoni një përgjigje nesër në mëngjes; artikulli publikohet të shtunën.", "2023-10-19T09:00:00+01:00"},
	{"Ju lutem nese mundeni neser ne mengjes.", "2023-10-19T09:00:00+01:00"},
	{"Preciso da resposta até as 18h, horário de Dubai.", "2023-10-18T15:00:00+01:00"},
	{"We close pages at 6.", "2023-10-18T18:00:00+01:00"},
	{"We close our editions at 10pm.", "2023-10-18T22:00:00+01:00"},
	{"If possible, I'll send you the figures tomorrow morning.", none},
	{"They close pages at 6 in that newsroom. Any comment on the vote?", none},
	{"We closed pages at 6 yesterday without your comment. Why?", none},
	{"The shops close at 6. Will the embassy stay open?", none},
	{"O horário de funcionamento é das 9h às 17h.", none},
}

func TestRequestAfterIfPossible(t *testing.T) {
	checkCasesWed(t, requestAfterIfPossibleCases)
}
