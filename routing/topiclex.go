package routing

// Related terms for the topic keywords.
//
// A desk lists a few keywords per topic ("troops", "sanctions", "humanitarian
// aid"); journalists ask in many other words ("personnel", "asset freeze",
// "aid funding"). conceptGroups are small families of words that mean the
// same kind of thing in a foreign-affairs press office. A group joins every
// topic that lists one of its words (or a variant of it) among its keywords
// or in its name, written in lower case (a thing, not a name: "KFOR" says
// where, "troops" what), so the lexicon follows the desk's own configuration: a
// desk without a sanctions keyword gets no sanctions vocabulary. Matching is
// on roots (see topicRoot), so "evacuate", "evacuation" and "evacuees"
// meet, as do "invest", "investment" and "investors".
//
// Two groups are special:
//   - deskBusiness is about the desk itself (diaries, appointments,
//     staffing, complaints, interview bids): it belongs to the fallback
//     topic, which the configuration gives no keywords.
//   - diplomacy is the politics of a region (relations, visits, accession,
//     dialogue): it belongs to the regional topics — those whose keywords
//     are mostly names — and counts for one only as far as the enquiry
//     also names that region's places or people.
//
// Families are of three kinds, which say how far their words may take an
// enquiry from the topics of the release it is linked to (see Topics):
//   - functional families are a service one desk gives wherever the story
//     is (help for British nationals abroad, aid money, trade and
//     investment); their specific words are strong enough evidence to send
//     an enquiry to that desk even when the release is not tagged with it;
//   - thematic families are subjects every desk meets in its own territory
//     (armed forces, sanctions): troops or sanctions in a region's story are
//     that region's story, so these words never take an enquiry away from
//     the release's first topic;
//   - policy families (migration, climate) move an enquiry only among the
//     release's own topics.
//
// The words were chosen from the domain (what each desk of a foreign-office
// press desk answers), not from particular emails.
type familyKind uint8

const (
	famThematic familyKind = iota
	famPolicy
	famFunctional
)

// conceptGroup is one family of related terms. specific lists, for a
// functional family, the words that on their own show the question is for
// its desk ("British nationals", "aid", "investment"); words lists the
// others, which count as evidence but cannot alone take an enquiry outside
// the release's topics ("detained", "companies", "programmes").
type conceptGroup struct {
	kind     familyKind
	specific []string
	words    []string
}

var conceptGroups = []conceptGroup{
	// armed forces and defence
	{kind: famThematic, words: []string{"troops", "soldiers", "personnel", "armed forces", "military", "battalion", "brigade", "regiment", "deployment",
		"deploy", "warship", "frigate", "destroyer", "HMS", "Royal Navy", "navy", "Royal Marines", "marines", "RAF",
		"air force", "fighter jets", "jets", "Typhoons", "helicopters", "drones", "missiles", "air defence", "air base",
		"peacekeeping", "peacekeepers", "NATO", "KFOR", "defence", "defence spending", "rules of engagement",
		"strategic reserve", "task group", "aircraft carrier", "combat air", "stealth fighter", "fighter", "surveillance flights",
		"airstrikes", "strikes", "weapons", "arms", "munitions", "ammunition", "terrorism", "counter-terrorism", "explosives",
		"military aid", "deterrence", "maritime security", "arms exports", "arms export", "arms export licences", "arms sales"}},
	// sanctions and their enforcement
	{kind: famThematic, words: []string{"sanctions", "designations", "designated", "asset freeze", "assets frozen", "frozen assets", "travel ban",
		"OFSI", "sanctions enforcement", "shadow fleet", "oil price cap", "export controls", "sanctions evasion", "licences"}},
	// British nationals abroad
	{kind: famFunctional,
		specific: []string{"British nationals", "British citizens", "British national", "UK nationals", "dual nationals", "Brits",
			"consular", "consular support", "consular assistance", "consular access", "evacuation", "evacuate", "evacuees",
			"evacuation flights", "charter flight", "charter flights", "travel advice", "repatriation", "crisis centre",
			"register their presence", "British tourists", "British holidaymakers", "British passport holders",
			"British families", "British crew"},
		words: []string{"stranded", "trapped", "detained", "arrested", "imprisoned", "jailed", "missing"}},
	// trade and the economy
	{kind: famFunctional,
		specific: []string{"trade", "trade deal", "free trade agreement", "FTA", "trade talks", "trade agreement", "trade negotiations",
			"exports", "exporters", "imports", "investment", "investors", "inward investment", "tariffs", "market access",
			"UK Export Finance", "UKEF", "trade figures", "bilateral trade"},
		words: []string{"supply chains", "semiconductors", "chips", "economy", "economic growth", "chamber of commerce",
			"businesses", "companies", "jobs", "critical minerals", "critical imports", "business pages"}},
	// aid and development
	{kind: famFunctional,
		specific: []string{"humanitarian aid", "aid", "humanitarian funding", "aid funding", "aid budget", "aid package",
			"aid spending", "ODA", "development", "international development", "UNRWA", "famine", "food insecurity",
			"malnutrition", "airdrops", "aid convoys", "aid trucks", "World Food Programme", "aid cuts"},
		words: []string{"humanitarian", "GNI", "development finance", "NGOs", "relief", "white paper", "UNICEF", "programmes",
			"multilateral contributions", "British International Investment", "poverty"}},
	// migration and returns
	{kind: famPolicy, words: []string{"small boats", "illegal migration", "irregular migration", "migration", "migrants", "asylum", "asylum seekers",
		"asylum claims", "returns", "return hubs", "removals", "removal", "deportation", "deportations", "deported",
		"people smuggling", "smugglers", "smuggling gangs", "Rwanda", "channel crossings", "small boat crossings",
		"organised immigration crime", "immigration", "border security", "offshore processing", "processing centres",
		"detention centres", "returns agreement", "migrant transit"}},
	// climate and energy
	{kind: famPolicy, words: []string{"climate", "climate change", "emissions", "net zero", "COP28", "renewables", "renewable energy", "clean energy",
		"climate finance", "International Climate Finance", "adaptation", "energy transition", "fossil fuels", "coal",
		"deforestation", "nature finance", "loss and damage"}},
}

// all lists the family's words, specific ones first.
func (g *conceptGroup) all() []string {
	return append(append([]string(nil), g.specific...), g.words...)
}

// diplomacyTerms are the politics of a region (see conceptGroups).
var diplomacyTerms = []string{
	"relations", "relationship", "bilateral relationship", "bilateral relations", "diplomatic", "diplomacy",
	"dialogue", "normalisation", "EU accession", "accession", "EU membership", "membership", "bilateral meeting",
	"bilateral meetings", "state visit", "official visit", "ceasefire", "peace process", "two-state solution",
	"recognition", "elections", "foreign minister",
}

// deskBusiness is about the desk itself (see conceptGroups).
var deskBusiness = []string{
	"diary", "diaries", "planning", "movements", "schedule", "itinerary", "forward look", "appointment",
	"appointments", "appointed", "succeed", "successor", "new ambassador", "take up the post", "post", "staffing",
	"staff", "headcount", "press officers", "press office staff", "communications teams", "staff cost", "agency staff",
	"contractor", "recruitment", "complaint", "complaints", "freedom of information", "interview bid", "interview request",
	"photo opportunity", "accreditation", "doorstep", "press conference", "pool", "media arrangements", "contact details",
	"out of hours", "duty rota", "response time",
}
