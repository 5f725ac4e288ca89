package place

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules that keep a name from putting an article on a wrong page.
// Each looks at the words around a match; each, when it fires, says why,
// so "timeline places" can show it. They are written for English news
// text, which is what the gazetteer's names are.

// A reason says why a phrase put a text in places, or nowhere. It is
// made into words only for "timeline places": a build places every
// article and needs only the codes.
type reason struct {
	text   string   // "town in ", "a person's name"
	detail string   // after text: a year
	places []string // codes, named after text and detail
	tail   string
}

func (g *Gazetteer) explain(r reason) string {
	return r.text + r.detail + g.placeNames(r.places) + r.tail
}

// judge decides what the phrase toks[i:end], whose target is t at trie
// node n, puts the text in, and why.
func (g *Gazetteer) judge(toks []token, i, end int, t *target, n *node, ctx docContext) ([]string, reason) {
	switch t.kind {
	case stop:
		return nil, reason{text: "the name of something else, not a place"}
	case ambiguous:
		return nil, reason{text: "a town of this name is in more than one region"}
	}
	if y := historyYear(toks, i); y != "" {
		return nil, reason{text: "history (", detail: y, tail: "), not news from the place"}
	}
	switch t.kind {
	case country, demonym, capital:
		if weaponOrigin(toks, end) {
			return nil, reason{text: "a weapon's origin, not a place"}
		}
		if personNames[toks[i].text] && personName(toks, i, end) {
			return nil, reason{text: "a person's name"}
		}
		if toks[i].text == "Georgia" && (ctx.usState || georgiaState(toks, i, end)) {
			return nil, reason{text: "Georgia, the US state"}
		}
	case town:
		if rivers[toks[i].text] && river(toks, i, end) {
			return nil, reason{text: "the river, not the city"}
		}
	case regionName:
		if list(toks, end) {
			if f := n.child(token{text: "regions"}); f != nil && f.target != nil {
				t = f.target // "Kyiv and Chernihiv regions": Kyiv Oblast
				return t.codes, reason{text: "region: ", places: t.codes}
			}
		}
		if code := t.codes[0]; g.capitals[code] && government(toks, i, end) {
			c := g.own[g.regions[code].Country]
			return c, reason{text: "the capital standing for the government: ", places: c, tail: ", not the city"}
		}
	}
	switch t.kind {
	case country:
		return t.codes, reason{text: "country"}
	case demonym:
		return t.codes, reason{text: "demonym: ", places: t.codes}
	case capital:
		return t.codes, reason{text: "capital of ", places: t.codes}
	case town:
		return t.codes, reason{text: "town in ", places: t.codes}
	case group:
		return t.codes, reason{text: "names ", places: t.codes}
	}
	return t.codes, reason{text: "region: ", places: t.codes}
}

// docContext is what the whole text says that a single match needs.
type docContext struct {
	usState bool // the text is about the US, so Georgia is the state
}

func (g *Gazetteer) context(docs [][]token) docContext {
	var ctx docContext
	for _, toks := range docs {
		for i, t := range toks {
			if usCues[t.text] || i+1 < len(toks) && usCueFirsts[t.text] && usCues[t.text+" "+toks[i+1].text] {
				ctx.usState = true
			}
		}
	}
	return ctx
}

// usCues are words that put a text in the United States: its states
// (without Washington and New York, which news of any country names for
// the government and the newspapers) and Georgia's cities.
var usCues = wordSet("Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware "+
	"Florida Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland "+
	"Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma "+
	"Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming Atlanta Savannah",
	"New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota", "Rhode Island",
	"South Carolina", "South Dakota", "West Virginia", "Peach State")

// usCueFirsts are the first words of usCues' two-word names.
var usCueFirsts = wordSet("New North South Rhode West Peach")

// georgiaState reports whether the words next to "Georgia" make it the
// state: "Georgia Gov. Brian Kemp", "the governor of Georgia".
func georgiaState(toks []token, i, end int) bool {
	if next := wordAt(toks, end); stateNext[next] {
		return true
	}
	// "Gov. Brian Kemp of Georgia", "Rep. Marjorie Taylor Greene of Georgia"
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if usTitles[toks[j].text] {
			return true
		}
	}
	return false
}

var usTitles = wordSet("Gov governor Governor Rep Representative Congressman Congresswoman Sen " +
	"Senator senator state State Republican Democrat")

var stateNext = wordSet("governor Governor Gov state State Senate senator Senator county County " +
	"Republicans Democrats Republican Democratic voters primary Bulldogs Tech legislature")

// personNames are countries' names that are also people's names.
var personNames = wordSet("Jordan Chad Georgia")

// personName reports whether the name at toks[i:end] is part of a
// person's name: "Jim Jordan", "Chad Smith".
func personName(toks []token, i, end int) bool {
	if prev := wordAt(toks, i-1); isCapitalised(prev) && !toks[i-1].caps && !functionWords[strings.ToLower(prev)] {
		return true
	}
	if toks[end-1].possessive || end >= len(toks) {
		return false
	}
	next := toks[end]
	return !next.punct && !next.hyphen && !next.caps && isCapitalised(next.text)
}

var functionWords = wordSet("in at on to from the and but for with by of as while when after before " +
	"near across both neighbouring neighboring like unlike including only even so if then meanwhile " +
	"also nor or whereas although though since until via into onto over under between against beyond " +
	"outside inside within without through toward towards per about besides despite during among amid " +
	"amidst neighbour neighbor king queen")

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// weaponOrigin reports whether a country word is the first half of
// "Iranian-made", "US-supplied": where a weapon came from.
func weaponOrigin(toks []token, end int) bool {
	return end+1 < len(toks) && toks[end].hyphen && origins[strings.ToLower(toks[end+1].text)]
}

var origins = wordSet("made built supplied provided produced manufactured designed developed " +
	"donated delivered sourced origin licensed type style")

// rivers are towns named after the river they stand on.
var rivers = wordSet("Dnipro Dnepr")

// river reports whether "Dnipro" is the river: "the Dnipro", "Dnipro
// River", but not "the Dnipro region".
func river(toks []token, i, end int) bool {
	next := wordAt(toks, end)
	if next == "River" || next == "river" {
		return true
	}
	prev := strings.ToLower(wordAt(toks, i-1))
	return prev == "the" && next != "region" && next != "city" && next != "oblast" && next != "Oblast"
}

// list reports whether a region's name heads a list that ends in a plural
// region word: "Kyiv, Chernihiv and Sumy regions".
func list(toks []token, end int) bool {
	for j := end; j < len(toks) && j < end+12; j++ {
		t := toks[j]
		switch {
		case t.text == "," || t.text == "and" || t.text == "or" || t.text == "&" || t.hyphen:
		case t.text == "regions" || t.text == "oblasts" || t.text == "Oblasts" || t.text == "Regions" || t.text == "provinces":
			return j > end
		case !t.punct && isCapitalised(t.text):
		default:
			return false
		}
	}
	return false
}

// government reports whether a capital city's name stands for its
// government, as in "Kyiv said", "a claim Kyiv denied", "Kyiv's allies",
// "talks between Kyiv and Moscow". Words of place before it ("in Kyiv",
// "a strike on Kyiv") make it the city.
func government(toks []token, i, end int) bool {
	prev := strings.ToLower(wordAt(toks, i-1))
	if locatives[prev] {
		return false
	}
	if governmentObjects[prev] {
		return true // "Moscow accused Kyiv of..."
	}
	next := wordAt(toks, end)
	if toks[end-1].possessive {
		return governmentNouns[strings.ToLower(next)]
	}
	if (next == "and" || next == "or") && capitals[wordAt(toks, end+1)] {
		return true
	}
	if (prev == "and" || prev == "or") && capitals[wordAt(toks, i-2)] {
		return true
	}
	j := end
	if strings.HasSuffix(next, "ly") && next != "only" { // "Kyiv rarely comments"
		j++
		next = wordAt(toks, j)
	}
	if governmentVerbs[next] || next == "are" || next == "were" { // "the West and Kyiv are ready"
		return true
	}
	// "Kyiv has denied", "Kyiv had pressed", but "Kyiv has been hit".
	after := wordAt(toks, j+1)
	return auxiliaries[next] && (governmentVerbs[after] || after == "not" || after == "also" ||
		strings.HasSuffix(after, "ed") && after != "been" && !isCapitalised(after))
}

var locatives = wordSet("in to near on over around outside across at into from toward towards " +
	"visit visited visiting visits hit hits struck strike strikes attacked attack attacks targeted " +
	"shelled above through reached central downtown of city")

var capitals = wordSet("Moscow Kremlin Washington London Paris Berlin Brussels Beijing Minsk Warsaw " +
	"Tehran Budapest Ankara Kyiv Kiev")

var governmentVerbs = wordSet("said says say denied denies deny claimed claims claim accused accuses " +
	"insisted insists warned warns announced announces responded rejected rejects wants want wanted " +
	"hopes hoped will would must should could can cannot won't wouldn't may might believes believed " +
	"argued argues agreed agrees refused refuses demanded demands fears feared needs asked asks urged " +
	"urges called calls confirmed confirms blamed blames condemned condemns welcomed welcomes signed " +
	"signs sought seeks offered offers proposed proposes promised vowed vows hopes reported reports " +
	"admitted admits acknowledged acknowledges disputed disputes dismissed dismisses insisted " +
	"considers considered expects expected plans planned intends intended withdrew withdraws " +
	"withdraw launched launches ordered orders sent sends received receives lost loses pressed " +
	"presses comments comment commented responds denies retaliated retaliates agreed")

// governmentObjects are verbs that, before a capital, make it the
// government they act on: "Washington urged Kyiv to...".
var governmentObjects = wordSet("accused accuses accusing blamed blames blaming urged urges urging " +
	"told tells telling warned warns warning pressed presses pressing pressured pressures criticised " +
	"criticized criticises criticizes thanked thanks supported supports supporting backed backs backing " +
	"armed arms arming helped helps helping aided aids aiding sanctioned recognised recognized " +
	"asked asks asking invited invites inviting")

var auxiliaries = wordSet("has had have is was does did")

var governmentNouns = wordSet("allies ally partners backers supporters government leadership forces " +
	"troops army military officials position request requests demands bid counteroffensive " +
	"counter-offensive offensive negotiators delegation diplomats envoy strategy defence defense " +
	"membership accession claims efforts stance refusal leaders intelligence drones missiles attacks " +
	"incursion response plan proposal peace western military's authorities")

// historyYear returns a year before 1991 in the sentence of toks[i]: a
// place in such a sentence is history ("the 1986 Chornobyl disaster"),
// not news.
func historyYear(toks []token, i int) string {
	s := toks[i].sentence
	for j := i; j >= 0 && toks[j].sentence == s; j-- {
		if isOldYear(toks[j].text) {
			return toks[j].text
		}
	}
	for j := i; j < len(toks) && toks[j].sentence == s; j++ {
		if isOldYear(toks[j].text) {
			return toks[j].text
		}
	}
	return ""
}

func isOldYear(s string) bool {
	if len(s) != 4 || s[0] != '1' || s < "1000" || s > "1990" {
		return false
	}
	for i := 1; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// wordAt returns the word toks[i], or "" when toks[i] is punctuation or
// outside the text.
func wordAt(toks []token, i int) string {
	if i < 0 || i >= len(toks) || toks[i].punct || toks[i].hyphen {
		return ""
	}
	return toks[i].text
}

// wordSet makes a set of the space-separated words in s, and of each
// further phrase.
func wordSet(s string, phrases ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	for _, p := range phrases {
		m[p] = true
	}
	return m
}
