package deadline

import (
	"fmt"
	"reflect"
	"sort"
)

// grammarWords are the words the reader's rules compare with, by role:
// lang/data/en.json deadline.grammar maps each role (the struct tag) to
// its word. The rules ("let me know", "half past five", "at the latest")
// are Go; their words are data, like the word lists above.
type grammarWords struct {
	A             string `role:"a"`
	About         string `role:"about"`
	Absolutely    string `role:"absolutely"`
	Slipped       string `role:"slipped"`
	Ruled         string `role:"ruled"`
	Added         string `role:"added"`
	Warned        string `role:"warned"`
	Announced     string `role:"announced"`
	Expects       string `role:"expects"`
	Hopes         string `role:"hopes"`
	Demands       string `role:"demands"`
	Demanded      string `role:"demanded"`
	Demanding     string `role:"demanding"`
	Awaits        string `role:"awaits"`
	Votes         string `role:"votes"`
	There         string `role:"there"`
	Shall         string `role:"shall"`
	According     string `role:"according"`
	After         string `role:"after"`
	Ahead         string `role:"ahead"`
	Afternoon     string `role:"afternoon"`
	Air           string `role:"air"`
	All           string `role:"all"`
	Also          string `role:"also"`
	Am            string `role:"am"`
	An            string `role:"an"`
	And           string `role:"and"`
	Any           string `role:"any"`
	Anything      string `role:"anything"`
	Appreciate    string `role:"appreciate"`
	Approximately string `role:"approximately"`
	Are           string `role:"are"`
	Around        string `role:"around"`
	Article       string `role:"article"`
	As            string `role:"as"`
	Asked         string `role:"asked"`
	At            string `role:"at"`
	Attend        string `role:"attend"`
	Attending     string `role:"attending"`
	Aviv          string `role:"aviv"`
	Await         string `role:"await"`
	B             string `role:"b"`
	Back          string `role:"back"`
	Be            string `role:"be"`
	Before        string `role:"before"`
	Beforehand    string `role:"beforehand"`
	Between       string `role:"between"`
	British       string `role:"british"`
	Bst           string `role:"bst"`
	Business      string `role:"business"`
	Biz           string `role:"biz"`
	But           string `role:"but"`
	Call          string `role:"call"`
	By            string `role:"by"`
	Can           string `role:"can"`
	Central       string `role:"central"`
	Cest          string `role:"cest"`
	Cet           string `role:"cet"`
	Changed       string `role:"changed"`
	Cheers        string `role:"cheers"`
	Close         string `role:"close"`
	Closes        string `role:"closes"`
	Cob           string `role:"cob"`
	Come          string `role:"come"`
	Coming        string `role:"coming"`
	Cop           string `role:"cop"`
	Could         string `role:"could"`
	Copy          string `role:"copy"`
	Couple        string `role:"couple"`
	Course        string `role:"course"`
	Cut           string `role:"cut"`
	Day           string `role:"day"`
	Days          string `role:"days"`
	Daylight      string `role:"daylight"`
	Deadline      string `role:"deadline"`
	Deliver       string `role:"deliver"`
	Due           string `role:"due"`
	During        string `role:"during"`
	Early         string `role:"early"`
	Eastern       string `role:"eastern"`
	End           string `role:"end"`
	Expect        string `role:"expect"`
	Expected      string `role:"expected"`
	Extended      string `role:"extended"`
	Extend        string `role:"extend"`
	Eob           string `role:"eob"`
	Eod           string `role:"eod"`
	Edition       string `role:"edition"`
	Eop           string `role:"eop"`
	European      string `role:"european"`
	Europe        string `role:"europe"`
	Evening       string `role:"evening"`
	Few           string `role:"few"`
	File          string `role:"file"`
	Filing        string `role:"filing"`
	First         string `role:"first"`
	For           string `role:"for"`
	Forward       string `role:"forward"`
	From          string `role:"from"`
	Get           string `role:"get"`
	Give          string `role:"give"`
	Gmt           string `role:"gmt"`
	Go            string `role:"go"`
	Given         string `role:"given"`
	Gives         string `role:"gives"`
	Leaves        string `role:"leaves"`
	Got           string `role:"got"`
	Goes          string `role:"goes"`
	Going         string `role:"going"`
	Grateful      string `role:"grateful"`
	H             string `role:"h"`
	Had           string `role:"had"`
	Has           string `role:"has"`
	Did           string `role:"did"`
	Does          string `role:"does"`
	Was           string `role:"was"`
	Were          string `role:"were"`
	True          string `role:"true"`
	Half          string `role:"half"`
	Have          string `role:"have"`
	Hear          string `role:"hear"`
	Hong          string `role:"hong"`
	Hour          string `role:"hour"`
	Hundred       string `role:"hundred"`
	Hours         string `role:"hours"`
	Hr            string `role:"hr"`
	Hrs           string `role:"hrs"`
	I             string `role:"i"`
	ID            string `role:"i'd"`
	ILl           string `role:"i'll"`
	IM            string `role:"i'm"`
	IVe           string `role:"i've"`
	Ideally       string `role:"ideally"`
	If            string `role:"if"`
	In            string `role:"in"`
	Instead       string `role:"instead"`
	Is            string `role:"is"`
	Ish           string `role:"ish"`
	Israel        string `role:"israel"`
	It            string `role:"it"`
	Know          string `role:"know"`
	Kong          string `role:"kong"`
	Last          string `role:"last"`
	Late          string `role:"late"`
	Later         string `role:"later"`
	Latest        string `role:"latest"`
	Let           string `role:"let"`
	Like          string `role:"like"`
	Want          string `role:"want"`
	Manage        string `role:"manage"`
	Aim           string `role:"aim"`
	Aiming        string `role:"aiming"`
	Try           string `role:"try"`
	Looking       string `role:"looking"`
	Year          string `role:"year"`
	Month         string `role:"month"`
	Ago           string `role:"ago"`
	Aims          string `role:"aims"`
	Plans         string `role:"plans"`
	Planning      string `role:"planning"`
	Intends       string `role:"intends"`
	Intending     string `role:"intending"`
	Against       string `role:"against"`
	Wise          string `role:"wise"`
	Timewise      string `role:"timewise"`
	Line          string `role:"line"`
	Local         string `role:"local"`
	London        string `role:"london"`
	Love          string `role:"love"`
	Lunch         string `role:"lunch"`
	Lunchtime     string `role:"lunchtime"`
	M             string `role:"m"`
	March         string `role:"march"`
	Max           string `role:"max"`
	Maximum       string `role:"maximum"`
	May           string `role:"may"`
	Me            string `role:"me"`
	Must          string `role:"must"`
	Mid           string `role:"mid"`
	Midday        string `role:"midday"`
	Midnight      string `role:"midnight"`
	Min           string `role:"min"`
	Mins          string `role:"mins"`
	Minute        string `role:"minute"`
	Minutes       string `role:"minutes"`
	Morning       string `role:"morning"`
	Move          string `role:"move"`
	Moved         string `role:"moved"`
	Mountain      string `role:"mountain"`
	My            string `role:"my"`
	Nd            string `role:"nd"`
	Need          string `role:"need"`
	Needed        string `role:"needed"`
	Needs         string `role:"needs"`
	New           string `role:"new"`
	Next          string `role:"next"`
	Night         string `role:"night"`
	No            string `role:"no"`
	Noon          string `role:"noon"`
	Not           string `role:"not"`
	Too           string `role:"too"`
	Top           string `role:"top"`
	Now           string `role:"now"`
	OClock        string `role:"o'clock"`
	Oclock        string `role:"oclock"`
	Of            string `role:"of"`
	Off           string `role:"off"`
	Overnight     string `role:"overnight"`
	On            string `role:"on"`
	One           string `role:"one"`
	Or            string `role:"or"`
	Over          string `role:"over"`
	Our           string `role:"our"`
	Page          string `role:"page"`
	Pages         string `role:"pages"`
	Editions      string `role:"editions"`
	Paper         string `role:"paper"`
	P             string `role:"p"`
	Pacific       string `role:"pacific"`
	Past          string `role:"past"`
	Play          string `role:"play"`
	Please        string `role:"please"`
	Pls           string `role:"pls"`
	Plz           string `role:"plz"`
	Pm            string `role:"pm"`
	Poss          string `role:"poss"`
	Possible      string `role:"possible"`
	Piece         string `role:"piece"`
	Preferably    string `role:"preferably"`
	Press         string `role:"press"`
	Push          string `role:"push"`
	Print         string `role:"print"`
	Quarter       string `role:"quarter"`
	Quote         string `role:"quote"`
	Rather        string `role:"rather"`
	Rd            string `role:"rd"`
	Really        string `role:"really"`
	Reply         string `role:"reply"`
	Requested     string `role:"requested"`
	Respond       string `role:"respond"`
	Response      string `role:"response"`
	Roughly       string `role:"roughly"`
	Same          string `role:"same"`
	Say           string `role:"say"`
	Send          string `role:"send"`
	Story         string `role:"story"`
	Submit        string `role:"submit"`
	Sharp         string `role:"sharp"`
	Should        string `role:"should"`
	Side          string `role:"side"`
	Since         string `role:"since"`
	So            string `role:"so"`
	Something     string `role:"something"`
	Sometime      string `role:"sometime"`
	St            string `role:"st"`
	Stretch       string `role:"stretch"`
	Statement     string `role:"statement"`
	Suit          string `role:"suit"`
	Suits         string `role:"suits"`
	Summer        string `role:"summer"`
	Tel           string `role:"tel"`
	Th            string `role:"th"`
	Than          string `role:"than"`
	Text          string `role:"text"`
	Though        string `role:"though"`
	Thank         string `role:"thank"`
	Thanks        string `role:"thanks"`
	That          string `role:"that"`
	Thatd         string `role:"that'd"`
	The           string `role:"the"`
	Then          string `role:"then"`
	Thing         string `role:"thing"`
	This          string `role:"this"`
	Through       string `role:"through"`
	Throughout    string `role:"throughout"`
	Thx           string `role:"thx"`
	Till          string `role:"till"`
	Standard      string `role:"standard"`
	Start         string `role:"start"`
	Arvo          string `role:"arvo"`
	Longer        string `role:"longer"`
	Said          string `role:"said"`
	Publish       string `role:"publish"`
	ApostropheD   string `role:"contracted_would"` // "he'd"
	ApostropheLl  string `role:"contracted_will"`  // "it'll"
	Says          string `role:"says"`
	Told          string `role:"told"`
	Promised      string `role:"promised"`
	Dont          string `role:"don't"`
	Tmr           string `role:"tmr"`
	Finish        string `role:"finish"`
	Closing       string `role:"closing"`
	Information   string `role:"information"`
	Info          string `role:"info"`
	Opening       string `role:"opening"`
	Time          string `role:"time"`
	Tmrw          string `role:"tmrw"`
	Tmw           string `role:"tmw"`
	To            string `role:"to"`
	Today         string `role:"today"`
	Tomorrow      string `role:"tomorrow"`
	Tomoz         string `role:"tomoz"`
	Tonight       string `role:"tonight"`
	Tonite        string `role:"tonite"`
	Uk            string `role:"uk"`
	Ukraine       string `role:"ukraine"`
	Until         string `role:"until"`
	Up            string `role:"up"`
	Us            string `role:"us"`
	Utc           string `role:"utc"`
	Wait          string `role:"wait"`
	We            string `role:"we"`
	WeD           string `role:"we'd"`
	WeLl          string `role:"we'll"`
	WeRe          string `role:"we're"`
	WeVe          string `role:"we've"`
	Week          string `role:"week"`
	Weekend       string `role:"weekend"`
	Western       string `role:"western"`
	Within        string `role:"within"`
	With          string `role:"with"`
	Work          string `role:"work"`
	Working       string `role:"working"`
	Works         string `role:"works"`
	Would         string `role:"would"`
	Write         string `role:"write"`
	Writing       string `role:"writing"`
	Yesterday     string `role:"yesterday"`
	York          string `role:"york"`
	You           string `role:"you"`
	Your          string `role:"your"`
	Z             string `role:"z"`
}

// roleTag is the struct tag naming a field's role.
const roleTag = "role"

// gw holds English's grammar words, read once from the embedded data.
var gw = loadGrammar(en.Deadline.Grammar)

// loadGrammar reads a language's grammar words: every role must name a
// word, and every word must fill a role. A role left empty would match
// every word the reader does not know (those tokens intern as ""). The
// data is embedded, so a gap is a build defect, caught by
// TestGrammarWords, and stops the program at start.
func loadGrammar(m map[string]string) grammarWords {
	g, err := readGrammar(m)
	if err != nil {
		panic(fmt.Sprintf("deadline: lang/data/en.json deadline.grammar: %v", err))
	}
	return g
}

func readGrammar(m map[string]string) (grammarWords, error) {
	var g grammarWords
	return g, readRoles(m, &g)
}

// readRoles fills the string fields of the struct p points to from m by
// their role tags: every role must name a word, every word fill a role.
func readRoles(m map[string]string, p any) error {
	v := reflect.ValueOf(p).Elem()
	roles := make(map[string]bool, v.NumField())
	for i := 0; i < v.NumField(); i++ {
		role := v.Type().Field(i).Tag.Get(roleTag)
		roles[role] = true
		w := m[role]
		if w == "" {
			return fmt.Errorf("role %q has no word", role)
		}
		v.Field(i).SetString(w)
	}
	var unknown []string
	for role := range m {
		if !roles[role] {
			unknown = append(unknown, role)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("unknown roles %q", unknown)
	}
	return nil
}
