package deadline

import "testing"

// seventeenthRoundCases are Bosnian/Croatian, Italian and Polish forms
// written afresh for the round: someone else's word reported ("ha detto
// che risponderà", "powiedział, że odpowie"), someone else's time ("ma
// czas do"), an offer ("sarebbe perfetta"), the journalist's own
// deadline named ("rok za tekst mi je", "deadline mam o", "entro la
// mattinata", "andiamo in onda alle …, quindi entro …"), the
// minutes after a comma ("do 15,30 h"), "unutar" (within), "godz. 15" with no cue before it, and the forms
// the round checked that were already read, kept read. Sent Wednesday
// 18 October 2023 10:00 in London.
var seventeenthRoundCases = []struct{ text, want string }{
	// Bosnian/Croatian (ijekavian, "sati"/"h")
	{"Rok za tekst mi je 16 h.", "2023-10-18T16:00:00+01:00"},
	{"Rok za članak mi je sutra u 11 sati.", "2023-10-19T11:00:00+01:00"},
	{"Rok za prijave je istekao u 15 sati.", none},
	{"Tekst predajem u 17 sati, hvala.", "2023-10-18T17:00:00+01:00"},
	{"Najkasnije do 13 sati, ako može.", "2023-10-18T13:00:00+01:00"},
	{"Trebam izjavu do 16 h po sarajevskom vremenu.", "2023-10-18T15:00:00+01:00"},
	{"Odgovor do 14 sati po zagrebačkom vremenu, molim.", "2023-10-18T13:00:00+01:00"},
	{"Premijer slijeće u 14 sati po zagrebačkom vremenu.", none},
	{"Izjava bi mi trebala do podneva.", "2023-10-18T12:00:00+01:00"},
	{"Sjednica se nastavlja u 15 sati.", none},
	// "unutar" (within), "godz. 15" with no cue before it, "u idućih" (in the next), as Croatian writes them
	{"Molim izjavu unutar sat vremena.", "2023-10-18T11:00:00+01:00"},
	{"Trebam komentar u idućih sat vremena.", "2023-10-18T11:00:00+01:00"},
	{"Bilo bi dobro dobiti odgovor unutar dva sata.", "2023-10-18T12:00:00+01:00"},
	{"Unutar koalicije nema dogovora.", none},
	{"Unutar dva sata prijavilo se sto ljudi.", none},
	// the minutes after a comma, with the hour's word after them
	{"Molim odgovor do 15,30 h.", "2023-10-18T15:30:00+01:00"},
	{"Trebam komentar do 16,45 sati.", "2023-10-18T16:45:00+01:00"},
	{"Molim odgovor do 15,30 kn.", none},
	{"Let je trajao 12,45 h.", none},
	{"Cijena karte je 15,30 eura.", none},
	// Italian
	{"Una dichiarazione in giornata sarebbe perfetta.", "2023-10-18T17:00:00+01:00"},
	{"La cerimonia sarebbe perfetta domani.", none},
	{"Mi servirebbe un commento entro la mattinata.", "2023-10-18T12:00:00+01:00"},
	{"Andiamo in onda alle 20, quindi entro le 18.", "2023-10-18T18:00:00+01:00"},
	{"Siamo in onda alle 13, mi serve una risposta entro le 12.", "2023-10-18T12:00:00+01:00"},
	{"Il portavoce ha detto che risponderà entro le 16.", none},
	{"I ministri hanno detto che risponderanno entro venerdì.", none},
	{"Il ministero ha fatto sapere che risponderà entro stasera.", none},
	{"Entro le 16 ora italiana, grazie.", "2023-10-18T15:00:00+01:00"},
	{"Risposta al più tardi entro le 16, grazie.", "2023-10-18T16:00:00+01:00"},
	// Polish
	{"Deadline mam o 14.", "2023-10-18T14:00:00+01:00"},
	{"Termin mam o 16:30.", "2023-10-18T16:30:00+01:00"},
	{"Komisja ma czas do piątku.", none},
	{"Posłowie mają czas do poniedziałku.", none},
	{"Rzecznik powiedział, że odpowie do końca dnia.", none},
	{"Ministra oświadczyła, że odpowiedź będzie do 15.", none},
	{"Premier zapowiedział, że odpowiedzą do czwartku.", none},
	{"Proszę o odpowiedź do godz. 13, zamykam tekst o 14.", "2023-10-18T13:00:00+01:00"},
	{"Do 16.00 czasu warszawskiego, jeśli można.", "2023-10-18T15:00:00+01:00"},
	{"Konferencja o 16.00 czasu warszawskiego.", none},
	// "godz." (hour, written short) before a bare 13-23 with no cue
	{"Termin: jutro, godz. 15.", "2023-10-19T15:00:00+01:00"},
	{"Proszę o odpowiedź dziś, godz. 14 najpóźniej.", "2023-10-18T14:00:00+01:00"},
	{"Konferencja prasowa: jutro, godz. 15.", none},
	{"Spotkanie, godz. 16, sala 3.", none},
}

func TestSeventeenthRoundForms(t *testing.T) {
	checkCasesWed(t, seventeenthRoundCases)
}
