package deadline

import (
	"strings"
	"testing"
)

// fourteenthRoundCases are the round's forms, written afresh: someone
// else's time told in Serbian/Bosnian/Croatian, Ukrainian, Russian and
// German ("has until"), someone else's word reported ("the minister said
// it would …", a comma before "that" as Slavic mail writes it, the
// attribution after the time), the desk given its time ("You have until
// 4pm"), each with the journalist's own forms that must stay read. Sent
// Wednesday 18 October 2023 10:00 in London.
var fourteenthRoundCases = []struct{ text, want string }{
	// someone else's time: "has (time) until" is told, not asked
	{"Der Minister hat bis Freitag Zeit.", none},
	{"Die Kommission hat noch bis Montag Zeit für eine Antwort.", none},
	{"Könnten Sie bis Freitag antworten?", "2023-10-20T17:00:00+01:00"},
	{"Ambasador ima vremena do četvrtka.", none},
	{"Opozicija ima rok do ponedjeljka da predloži kandidata.", none},
	{"Посланик има времена до петка.", none},
	{"Treba nam odgovor do petka.", "2023-10-20T17:00:00+01:00"},
	{"Комісія має час до понеділка.", none},
	{"Парламент має термін до четверга.", none},
	{"Просимо коментар до четверга.", "2023-10-19T17:00:00+01:00"},
	{"У посла есть время до понедельника.", none},
	{"Нам нужен ответ до понедельника.", "2023-10-23T17:00:00+01:00"},
	// someone else's word reported in Serbian, Ukrainian, Russian
	{"Portparol je rekao da će ministarstvo odgovoriti do četvrtka.", none},
	{"Ambasada je najavila da će saopštenje biti objavljeno do ponedjeljka.", none},
	{"Портпарол је рекао да ће министарство одговорити до четвртка.", none},
	{"Речник заявив, що міністерство відповість до четверга.", none},
	{"Пресс-секретарь сказал, что министерство ответит до четверга.", none},
	{"Nadam se da će odgovor stići do četvrtka.", "2023-10-19T17:00:00+01:00"},
	// English: the comma before "that", and the attribution after
	{"The spokesman said, that they would reply by Thursday.", none},
	{"Talks must end by Thursday, the envoy said.", none},
	{"Aid has to arrive before Monday, Downing Street says.", none},
	{"Need it by 5pm, my editor says.", "2023-10-18T17:00:00+01:00"},
	{"Could you reply by Thursday, as I said?", "2023-10-19T17:00:00+01:00"},
	// the desk given its time
	{"You have until 4pm to respond.", "2023-10-18T16:00:00+01:00"},
	{"You have till Friday noon.", "2023-10-20T12:00:00+01:00"},
	{"The council has until 4pm to respond.", none},
	{"Do you have until 4pm free for a call?", none},
	// a clock on the day named alone wins over the day's 17:00
	{"I need the reply by 18h00 Lisbon time, deadline today.", "2023-10-18T18:00:00+01:00"},
	{"Deadline today, but the minister speaks at 3pm.", "2023-10-18T17:00:00+01:00"},
	{"The vote is at 6pm, deadline today.", "2023-10-18T17:00:00+01:00"},
	// "Please <time>" and "If possible <time>" opening the sentence,
	// the time ending its clause
	{"Please tomorrow morning, as Saturday is a special edition.", "2023-10-19T09:00:00+01:00"},
	{"Please, tonight.", "2023-10-18T19:00:00+01:00"},
	{"If possible tonight.", "2023-10-18T19:00:00+01:00"},
	{"Please tomorrow morning call the embassy.", none},
	{"If possible tonight the ambassador will speak.", none},
	{"Please note: tomorrow 10am press conference.", none},
	// the journalist's own copy going
	{"Our copy goes in the next two hours.", "2023-10-18T12:00:00+01:00"},
	{"My piece goes at 4.", "2023-10-18T16:00:00+01:00"},
	{"His copy goes at 4.", none},
	{"The bill goes to the Lords at 4.", none},
	// ", so <time> (please)": the time drawn from the one before
	{"We need it for the 1 o'clock, so 11:30 UTC please.", "2023-10-18T12:30:00+01:00"},
	{"We're live at 6, so 4pm please.", "2023-10-18T16:00:00+01:00"},
	{"The envoy lands at 4, so 6pm he speaks.", none},
	// Greek "μέσα στα επόμενα" (within the next), "γραμμή" (a line)
	{"Χρειάζομαι μια γραμμή μέσα στα επόμενα 30 λεπτά.", "2023-10-18T10:30:00+01:00"},
	// a day with its time as a sentence whole
	{"Today, 5pm.", "2023-10-18T17:00:00+01:00"},
	{"Thanks in advance. Friday, noon.", "2023-10-20T12:00:00+01:00"},
	{"First thing Monday.", "2023-10-23T09:00:00+01:00"},
	{"Questions below.\n\nTomorrow, 10am.\n\nBest, Sam", "2023-10-19T10:00:00+01:00"},
	{"When is the vote? Tomorrow, 10am.", none},
	{"Briefing: Today, 5pm.", none},
	{"Schedule:\n- Today, 5pm.\n- Tomorrow, 10am.", none},
	{"Press conference\nTomorrow, 10am", none},
	{"Today, 5.", none},
	{"Today, 5pm, the minister lands.", none},
	// Irish "grand" as "great"
	{"First thing tomorrow would be grand.", "2023-10-19T09:00:00+01:00"},
	{"Friday would be a grand day for the launch.", none},
	// Spanish: closing one's own piece is filing (GUIDE 4: "filing at 6")
	{"Cierro la nota a las 18 h.", "2023-10-18T18:00:00+01:00"},
	{"Cerramos el artículo a las 20:00.", "2023-10-18T20:00:00+01:00"},
	{"El ministro cierra la reunión a las 18 h.", none},
	{"La embajada cierra a las 15 h.", none},
	// Russian/Ukrainian "не позднее/пізніше N часов/години": the hour
	{"Прошу ответить не позднее 17 часов.", "2023-10-18T17:00:00+01:00"},
	{"Прошу відповісти не пізніше 16 години.", "2023-10-18T16:00:00+01:00"},
	{"Заседание продлится не более 17 часов.", none},
	// a deadline given by someone else to someone else; given to the
	// journalist ("mi je dao", "мені дав", "мне дал") stays theirs
	{"Komisija je dala rok do četvrtka.", none},
	{"Urednica mi je dala rok do četvrtka.", "2023-10-19T17:00:00+01:00"},
	{"Парламент дав термін до четверга.", none},
	{"Редактор мені дав термін до четверга.", "2023-10-19T17:00:00+01:00"},
	{"Суд дал срок до четверга.", none},
	{"Редактор мне дал срок до четверга.", "2023-10-19T17:00:00+01:00"},
	// more verbs of saying and their future
	{"Ambasada je saopštila da će odgovor stići do četvrtka.", none},
	{"Посольство повідомило, що відповідь надійде до четверга.", none},
	{"Посольство сообщило, что ответ поступит до четверга.", none},
	{"The envoy will speak before 5pm, according to the embassy.", none},
	{"Need it by 5pm, according to my editor.", "2023-10-18T17:00:00+01:00"},
	// Serbian "zatvaram tekst/članak" (I close my piece) is filing
	{"Tekst zatvaram u 18 sati.", "2023-10-18T18:00:00+01:00"},
	{"Ministarstvo zatvara granicu u 18 sati.", none},
	// the journalist's side moving its deadline; another's is told
	{"Sorry, our deadline has slipped to tomorrow 10am.", "2023-10-19T10:00:00+01:00"},
	{"My producer has moved the deadline up to 1pm.", "2023-10-18T13:00:00+01:00"},
	{"We've changed our deadline to 4pm.", "2023-10-18T16:00:00+01:00"},
	{"The EU moved the deadline to Friday.", none},
	{"They moved the deadline up to 1pm.", none},
	{"The vote has slipped to 6pm.", none},
	// filing "the article" at a time, with "I/we must" before it
	{"I must send the article at 18 o'clock.", "2023-10-18T18:00:00+01:00"},
	{"The minister must send the article at 6pm.", none},
	// Ukrainian/Russian "у нас дедлайн", a border or office open, "буде/будет"
	{"Дедлайн у нас о 16:00.", "2023-10-18T16:00:00+01:00"},
	{"У нас дедлайн в 16:00.", "2023-10-18T16:00:00+01:00"},
	{"Кордон відкритий до 22:00.", none},
	{"Магазин открыт до 22:00.", none},
	{"Президент сказав, що рішення буде ухвалене до п'ятниці.", none},
	{"Президент сказал, что решение будет принято до пятницы.", none},
	// non-native "14:00 o'clock": the 24-hour clock with its minutes
	{"Please provide statement before 14:00 o'clock.", "2023-10-18T14:00:00+01:00"},
	{"Please reply by 2:30 o'clock.", none},
	{"The meeting is at 14:00 o'clock.", none},
	// zones in the genitive ("київського часу", "московского времени",
	// "beogradskog vremena")
	{"Відповідь потрібна до 16:00 київського часу.", "2023-10-18T14:00:00+01:00"},
	{"Ответ нужен до 16:00 московского времени.", "2023-10-18T14:00:00+01:00"},
	{"Odgovor do 16:00 beogradskog vremena.", "2023-10-18T15:00:00+01:00"},
	// someone else's expectation, ruling or aside
	{"The envoy said she expects a deal by Thursday.", none},
	{"I said I expect an answer by Thursday.", "2023-10-19T17:00:00+01:00"},
	{"A ruling is expected by the end of the week.", none},
	{"A response is expected by the end of the week.", "2023-10-20T17:00:00+01:00"},
	{"They must leave the country by Thursday, the judge ruled.", none},
	{"Aid must arrive by Thursday, the charity warned.", none},
	{"The report, due at 3pm, was delayed.", none},
	{"Copy due at 4.", "2023-10-18T16:00:00+01:00"},
	// Serbian "rok je pomjeren/pomeren na" (the deadline moved to),
	// "sada" (now)
	{"Rok je pomjeren na 15 sati.", "2023-10-18T15:00:00+01:00"},
	{"Izmjena: rok je sada 14 h.", "2023-10-18T14:00:00+01:00"},
	{"Sastanak je pomjeren na 15 sati.", none},
	// a day right after the thing asked for, offered ("a reply today
	// would be great")
	{"We run it tomorrow morning, so a reply today would be great.", "2023-10-18T17:00:00+01:00"},
	{"A response Thursday is fine.", "2023-10-19T17:00:00+01:00"},
	{"The statement today would be great news.", none},
	{"His comment today was fine.", none},
	// Serbian hours written "časa", Cyrillic "ч.", "po podne"
	{"Odgovor do 15 časa.", "2023-10-18T15:00:00+01:00"},
	{"Хвала унапред, рок ми је до 15 ч.", "2023-10-18T15:00:00+01:00"},
	{"Odgovor do 3 po podne.", "2023-10-18T15:00:00+01:00"},
	{"Sastanak traje dva časa.", none},
	// "For <time> please." opening the sentence; someone else "has a
	// deadline of"
	{"For tomorrow 10:00 please.", "2023-10-19T10:00:00+01:00"},
	{"For tomorrow 10am: press conference.", none},
	{"The minister has a deadline of 5pm to respond to MPs.", none},
	{"The story has a deadline of 4pm.", "2023-10-18T16:00:00+01:00"},
	{"My desk has a deadline of 5pm.", "2023-10-18T17:00:00+01:00"},
	// Ukrainian/Russian: the deadline moved ("зсунувся на", "сдвинулся
	// на"), "an hour before that" ("за годину до того", "за час до
	// этого"), "учора" (yesterday)
	{"Вибачте, що турбую. Дедлайн зсунувся на 14:00.", "2023-10-18T14:00:00+01:00"},
	{"Засідання перенесли на 15:00.", none},
	{"Випуск о 18:00, тому відповідь потрібна за годину до того.", "2023-10-18T17:00:00+01:00"},
	{"Эфир в 18:00, ответ нужен за час до этого.", "2023-10-18T17:00:00+01:00"},
	{"Учора до 18:00 ми чекали на відповідь.", none},
	// an ultimatum's span before "deadline" is someone else's
	{"The 48-hour deadline expires tomorrow.", none},
	{"The 24 hour deadline expires at 5pm.", none},
	{"Our deadline is 5pm.", "2023-10-18T17:00:00+01:00"},
	// "Deadline changed: now <time>"
	{"Deadline changed: now 11am tomorrow rather than today.", "2023-10-19T11:00:00+01:00"},
	{"Deadline has moved - now 3pm.", "2023-10-18T15:00:00+01:00"},
	{"The vote changed: now 3pm.", none},
	// an answer asked with "possible" before "until"
	{"Is it possible to get an answer till 15:00?", "2023-10-18T15:00:00+01:00"},
	{"It is possible the vote will last until 15:00.", none},
}

func TestFourteenthRoundForms(t *testing.T) {
	checkCasesWed(t, fourteenthRoundCases)
}

// BenchmarkExtractRepeatedFourteenth reads the round's forms over and
// over in one run with no sentence break (256 kB each): the checks that
// look along a sentence (soAfter, clockOnDay, reportedAfter) stay local.
func BenchmarkExtractRepeatedFourteenth(b *testing.B) {
	loc := london(b)
	sent := mustTime(b, wed1000)
	for _, unit := range []string{"Today, 5pm. ", "we need it for the 6pm news, so 4pm please, ", "deadline today, by 4pm, ",
		"the minister said, that he would reply by Friday, ", "talks must end by Thursday, the envoy said, ", "Please tomorrow morning, ",
		"If possible tonight. ", "our copy goes at 4, ", "You have until 4pm ", "Ambasador ima vremena do četvrtka, ",
		"Міністр має час до п'ятниці, ", "by 14:00 o'clock ", "a decision is expected by the end of the week, ",
		"the report, due at 3pm, ", "my producer has moved the deadline up to 1pm, "} {
		text := strings.Repeat(unit, MaxText/len(unit))
		b.Run(strings.Fields(unit)[0], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Extract(text, sent, loc)
			}
		})
	}
}
