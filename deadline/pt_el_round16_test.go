package deadline

import "testing"

// sixteenthRoundCases are Portuguese (European and Brazilian) and Greek
// forms a probe of our own found unread or misread, written afresh, each
// with look-alikes that must stay unread: the journalist closing their own
// edition or piece, the end/start of the afternoon or morning after "até",
// "at the latest" before the clock, "if you can", the clock zone written
// "horário de Lisboa" or "hora do Brasil", and someone else's time limit
// or reported word. Sent Wednesday 18 October 2023 10:00 in London.
var sixteenthRoundCases = []struct{ text, want string }{
	// pt: the journalist closing their own edition or piece
	{"Fecho a edição às 19h.", "2023-10-18T19:00:00+01:00"},
	{"Fecho a matéria hoje às 17h30.", "2023-10-18T17:30:00+01:00"},
	{"Fecho o texto às 16h, hora de Brasília.", "2023-10-18T20:00:00+01:00"},
	{"A livraria fecha às 19h.", none},
	{"O fecho das urnas é às 19h.", none},
	// pt: end or start of the afternoon or morning after "até"
	{"Consegue enviar até ao fim da tarde?", "2023-10-18T17:00:00+01:00"},
	{"Preciso do comentário até o final da manhã.", "2023-10-18T12:00:00+01:00"},
	{"Seria possível até ao início da tarde?", "2023-10-18T14:00:00+01:00"},
	{"A sessão decorre até ao fim da tarde.", none},
	{"A embaixada está aberta até ao fim da tarde.", none},
	{"A cimeira continua até sexta.", none},
	// pt: a time offered, then "serve" or "está ótimo"
	{"Amanhã cedo serve.", "2023-10-19T09:00:00+01:00"},
	{"Hoje à tarde serve, obrigado.", "2023-10-18T15:00:00+01:00"},
	{"Amanhã de manhã está óptimo.", "2023-10-19T09:00:00+01:00"},
	{"O hotel está ótimo.", none},
	// pt: the zone written "horário de Lisboa", "hora do Brasil"
	{"Preciso até às 13h horário de Lisboa.", "2023-10-18T13:00:00+01:00"},
	{"Consegue responder até as 10h, hora do Brasil?", "2023-10-18T14:00:00+01:00"},
	{"O consulado funciona até às 15h, hora do Brasil.", none},
	// pt: "at the latest" before the clock, after the day asked
	{"Preciso de um comentário hoje, o mais tardar até às 15h.", "2023-10-18T15:00:00+01:00"},
	{"Preciso disto hoje, o mais tardar às 14h.", "2023-10-18T14:00:00+01:00"},
	// pt: "if you can" after a span or a part of the day
	{"Em vinte minutos, se puder.", "2023-10-18T10:20:00+01:00"},
	{"Se conseguirem, hoje à noite.", "2023-10-18T19:00:00+01:00"},
	{"Se puder, ligue para a embaixada amanhã.", none},
	// pt: going on air, then "preciso antes"
	{"Vamos ao ar às 20h, preciso antes.", "2023-10-18T20:00:00+01:00"},
	{"O programa vai ao ar às 20h.", none},
	// pt: "ainda hoje" after the reply asked for
	{"Consegue responder ainda hoje?", "2023-10-18T17:00:00+01:00"},
	{"Ainda hoje o porto continua fechado.", none},
	// pt: someone else's time limit, someone else's word
	{"O parlamento tem até sexta para votar o orçamento.", none},
	{"Os partidos têm até amanhã para apresentar listas.", none},
	{"A empresa tinha até às 18h para pagar.", none},
	{"O tribunal deu até segunda-feira ao governo.", none},
	{"O juiz deu prazo até sexta aos advogados.", none},
	{"A farmácia trabalha até às 22h.", none},
	{"O metro funciona até à meia-noite.", none},
	{"A assessoria disse que a nota sairá até às 16h.", none},
	{"O ministério garantiu que responde até amanhã.", none},
	{"A embaixadora prometeu uma declaração até ao fim do dia.", none},
	// pt: the journalist's own, said or given
	{"A gente tem até as 17h.", "2023-10-18T17:00:00+01:00"},
	{"A minha editora deu-me prazo até sexta.", "2023-10-20T17:00:00+01:00"},
	{"O meu editor disse que preciso do comentário até às 15h.", "2023-10-18T15:00:00+01:00"},
	{"Já disse que preciso da resposta até às 13h.", "2023-10-18T13:00:00+01:00"},
	// el: the journalist closing their own edition or piece
	{"Κλείνουμε στις 19:30.", "2023-10-18T19:30:00+01:00"},
	{"Κλεινουμε στις 17:00 ωρα Ελλαδας.", "2023-10-18T15:00:00+01:00"},
	{"Κλείνω το ρεπορτάζ στις 16:00.", "2023-10-18T16:00:00+01:00"},
	{"Κλείνουμε την έκδοση στις 23:00.", "2023-10-18T23:00:00+01:00"},
	{"Τα φαρμακεία κλείνουν στις 21:00.", none},
	{"Η βουλή κλείνει στις 16:00.", none},
	// el: "at the latest" before the clock, after the day asked
	{"Χρειάζομαι ένα σχόλιο σήμερα, το αργότερο έως τις 15:00.", "2023-10-18T15:00:00+01:00"},
	{"Θέλω απάντηση σήμερα, το αργοτερο στις 13:00.", "2023-10-18T13:00:00+01:00"},
	// el: someone else's time limit, someone else's word
	{"Η εταιρεία έχει προθεσμία μέχρι την Πέμπτη.", none},
	{"Οι βουλευτές έχουν προθεσμία έως αύριο.", none},
	{"Το δικαστήριο έδωσε προθεσμία μέχρι τη Δευτέρα.", none},
	{"Ο φούρνος δουλεύει μέχρι τις 20:00.", none},
	{"Το μετρό λειτουργεί μέχρι τα μεσάνυχτα.", none},
	{"Η εκπρόσωπος δήλωσε ότι θα υπάρξει ανακοίνωση μέχρι τις 16:00.", none},
	{"Ο υπουργός υποσχέθηκε απάντηση μέχρι την Παρασκευή.", none},
	{"Ο εκπροσωπος ειπε οτι θα απαντησει μεχρι τις 14:00.", none},
	// el: the journalist's own, said or given
	{"Ο αρχισυντάκτης μου μού έδωσε προθεσμία μέχρι την Πέμπτη.", "2023-10-19T17:00:00+01:00"},
	{"Ο αρχισυντάκτης μου είπε ότι χρειάζομαι σχόλιο μέχρι τις 15:00.", "2023-10-18T15:00:00+01:00"},
	{"Έχουμε προθεσμία μέχρι τις 16:00.", "2023-10-18T16:00:00+01:00"},
	// pt/el, a second probe: the piece or edition that closes, "ainda
	// esta manhã/tarde", half past noon, "ao final da manhã" after a day,
	// a truce or rule in force until a time (none)
	{"A minha matéria fecha às 18h30.", "2023-10-18T18:30:00+01:00"},
	{"A edição fecha às 22h, hora de Lisboa.", "2023-10-18T22:00:00+01:00"},
	{"A loja fecha às 22h.", none},
	{"Conseguem responder ainda esta tarde?", "2023-10-18T15:00:00+01:00"},
	{"Preciso de um comentário ainda esta manhã.", "2023-10-18T12:00:00+01:00"},
	{"Preciso da resposta até ao meio-dia e meia.", "2023-10-18T12:30:00+01:00"},
	{"Pode enviar até amanhã ao final da manhã?", "2023-10-19T12:00:00+01:00"},
	{"A trégua vigora até às 20h de hoje.", none},
	{"O recolher obrigatório está em vigor até sexta.", none},
	{"Η ύλη μας κλείνει στις 21:00.", "2023-10-18T21:00:00+01:00"},
	{"Το ρεπορτάζ κλείνει στις 17:30.", "2023-10-18T17:30:00+01:00"},
	{"Το λιμάνι κλείνει στις 17:30.", none},
	{"Χρειάζομαι ένα σχόλιο μέσα στη σημερινή μέρα.", "2023-10-18T17:00:00+01:00"},
	{"Χρειάζομαι απάντηση έως τις 12:00 ώρα Λευκωσίας.", "2023-10-18T10:00:00+01:00"},
	{"Χρειάζομαι δήλωση πριν από το κεντρικό δελτίο στις 21:00.", "2023-10-18T21:00:00+01:00"},
	{"Το κεντρικό δελτίο αρχίζει στις 21:00.", none},
	{"Αν μπορείτε, μέσα σε μία ώρα.", "2023-10-18T11:00:00+01:00"},
	{"Αν μπορείτε, τηλεφωνήστε στην πρεσβεία.", none},
	{"Η απαγόρευση κυκλοφορίας ισχύει μέχρι τις 06:00.", none},
	{"Οι πτήσεις συνεχίζονται μέχρι την Κυριακή.", none},
	// pt/el, a third probe: a span before the broadcast named in the
	// sentence before, "before that" in Greek, Greek "αντίδραση" (a
	// reaction asked for)
	{"O nosso jornal vai para o ar às 19h. Preciso da reação meia hora antes.", "2023-10-18T18:30:00+01:00"},
	{"A cerimónia começou às 19h e o ministro chegou uma hora antes.", none},
	{"Το δελτίο μας είναι στις 20:00. Χρειάζομαι τη δήλωση μία ώρα πριν.", "2023-10-18T19:00:00+01:00"},
	{"Ο πρέσβης έφτασε στις 20:00 και ο υπουργός μία ώρα πριν.", none},
	{"Η συνεδρίαση είναι στις 16:00, χρειάζομαι ένα σχόλιο πριν από αυτό.", "2023-10-18T16:00:00+01:00"},
	{"Πριν από αυτό, ο υπουργός συναντήθηκε με τον δήμαρχο.", none},
	{"Χρειάζομαι την αντίδρασή σας σήμερα το απόγευμα.", "2023-10-18T15:00:00+01:00"},
	{"Η αντίδραση της κυβέρνησης ήρθε σήμερα το απόγευμα.", none},
	// pt/el, a fourth probe: clocks and zones as written — "15hrs",
	// "dos Açores" (the islands' clock, an hour behind Lisbon), Greek
	// "3μμ"/"10πμ" without dots, "μέχρι το τέλος της σημερινής ημέρας"
	{"Consegue responder até às 16hrs?", "2023-10-18T16:00:00+01:00"},
	{"Preciso da nota até às 11h dos Açores.", "2023-10-18T12:00:00+01:00"},
	{"O barco chega às 11h dos Açores.", none},
	{"Χρειάζομαι ένα σχόλιο μέχρι τις 4μμ.", "2023-10-18T16:00:00+01:00"},
	{"Μπορείτε να απαντήσετε ως τις 11 πμ;", "2023-10-18T11:00:00+01:00"},
	{"Η πτήση φτάνει στις 4μμ.", none},
	{"Χρειάζομαι απάντηση έως το τέλος της σημερινής μέρας.", "2023-10-18T17:00:00+01:00"},
	{"Η έκθεση μένει ανοιχτή έως το τέλος της σημερινής ημέρας.", none},
	// pt: the ordinal weekdays of Portugal ("2ª feira" … "6ª-feira"); an
	// ordinal before another noun stays one
	{"Preciso da resposta até 5ª feira.", "2023-10-19T17:00:00+01:00"},
	{"Até 6ª-feira às 11h, por favor.", "2023-10-20T11:00:00+01:00"},
	{"A 2ª volta das presidenciais é a 5 de novembro.", none},
	{"Preciso da 2ª parte da resposta até às 15h.", "2023-10-18T15:00:00+01:00"},
	// pt/el, a fifth probe: a place closed until a day is not asked
	// for; the journalist's deadline moved to a new time is that time
	{"O consulado está fechado até segunda-feira.", none},
	{"Η πρεσβεία θα είναι κλειστή μέχρι την Τρίτη.", none},
	{"Preciso do texto fechado até às 17h.", "2023-10-18T17:00:00+01:00"},
	{"O meu prazo foi adiado para amanhã às 11h.", "2023-10-19T11:00:00+01:00"},
	{"O julgamento foi adiado para sexta.", none},
	{"Η προθεσμία μου μετατέθηκε για αύριο στις 11:00.", "2023-10-19T11:00:00+01:00"},
	{"Η δίκη μετατέθηκε για την Παρασκευή.", none},
	// pt/el, a sixth probe: zones as written — "BRT", "no/pelo horário de
	// Brasília", "fuso de Brasília", "ώρα Αθηνών", "κυπριακή ώρα"
	{"Consegue até às 16h BRT?", "2023-10-18T20:00:00+01:00"},
	{"Preciso da resposta até as 10h no horário de Brasília.", "2023-10-18T14:00:00+01:00"},
	{"Preciso até às 11h pelo horário de Lisboa.", "2023-10-18T11:00:00+01:00"},
	{"O jogo começa às 16h no horário de Brasília.", none},
	{"Χρειάζομαι απάντηση έως τις 16:00 ώρα Αθηνών.", "2023-10-18T14:00:00+01:00"},
	{"Χρειάζομαι απάντηση έως τις 12:00 κυπριακή ώρα.", "2023-10-18T10:00:00+01:00"},
	{"Η τελετή αρχίζει στις 12:00 κυπριακή ώρα.", none},
	// pt/el, an eighth probe of look-alikes: someone staying, remaining or
	// being somewhere until a time, a road closed, applications open,
	// results expected — "até"/"μέχρι" there is "until", not "by"
	{"A comitiva fica em Luanda até sexta-feira.", none},
	{"Os jornalistas ficaram no aeroporto até às 22h.", none},
	{"O aviso amarelo mantém-se até às 20h.", none},
	{"A ministra estará em Bruxelas até quinta.", none},
	{"As inscrições estão abertas até segunda.", none},
	{"A ponte está cortada até amanhã de manhã.", none},
	{"Os resultados são esperados até às 23h.", none},
	{"Fico a aguardar a vossa resposta até às 15h.", "2023-10-18T15:00:00+01:00"},
	{"Η αποστολή μένει στην Κωνσταντινούπολη μέχρι την Πέμπτη.", none},
	{"Οι δημοσιογράφοι έμειναν στο λιμάνι μέχρι τις 22:00.", none},
	{"Η πορτοκαλί προειδοποίηση παραμένει μέχρι τις 20:00.", none},
	{"Η υπουργός βρίσκεται στις Βρυξέλλες μέχρι την Πέμπτη.", none},
	{"Ο αυτοκινητόδρομος είναι κλειστός μέχρι αύριο το πρωί.", none},
	{"Οι ψηφοφόροι έχουν μέχρι τις 19:00 να ψηφίσουν.", none},
	{"Η ανακοίνωση αναμένεται μέχρι το απόγευμα.", none},
	{"Η απάντησή σας αναμένεται μέχρι τις 15:00.", "2023-10-18T15:00:00+01:00"},
}

func TestSixteenthRoundForms(t *testing.T) {
	checkCasesWed(t, sixteenthRoundCases)
}
