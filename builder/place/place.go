// Package place finds the countries and regions an article is about.
//
// A Gazetteer holds every country (ISO 3166-1) and the regions the site
// tracks (ISO 3166-2), with the words English news text uses for them:
// names and spelling variants, short names (UK, U.S.), demonyms
// (Ukrainian), region forms (Kharkiv Oblast, Kharkiv region), and towns
// (Bakhmut → Donetsk Oblast). Its data is two embedded files people can
// review: iso3166.tsv, generated from ISO, and places.toml, kept by hand.
// site.toml can add to both.
//
// Place reads an entry's headline, caption and body and returns what it
// found, with each match and the reason for it, so an editor can see why
// an article landed on a page. Matching is by whole words, case-sensitive
// (so "polish" is no country), longest phrase first (so "Kyiv Independent"
// is a newspaper, not a city), and avoids the traps of news text with the
// rules in rules.go. The rule throughout: when unsure, leave the article
// off a page rather than put it on a wrong one.
package place

import (
	"slices"
	"strings"
	"sync"

	"timeline/builder/diag"
	"timeline/builder/entry"
)

// A Match is one place word found in the text, or one passed over.
type Match struct {
	Line  int      `json:"line"`
	Text  string   `json:"text"`  // the words as the text has them
	Codes []string `json:"codes"` // the countries or regions it puts the text in; none when passed over
	Why   string   `json:"why"`   // "town in Donetsk Oblast", "a newspaper's name, not a place"
}

// A Result is where a text belongs.
type Result struct {
	Countries []string // ISO 3166-1 codes, sorted; regions' countries included
	Regions   []string // ISO 3166-2 codes, sorted
	// Lead holds the regions, then the countries, of the above that the
	// headline and summary name: lists show these under the headline,
	// next to the words that name them.
	Lead    []string
	Matches []Match // in text order
}

// A Text is a piece of text and the line of its file it starts on.
type Text struct {
	S    string
	Line int
}

// Place finds the places of an entry. Countries and regions set in its
// front matter replace what the text says, each list on its own; a region
// always brings its country.
//
// With explain, the result says what each word did, and why, in Matches;
// a build, which needs only the places, leaves them out.
func (g *Gazetteer) Place(e *entry.Entry, explain bool) (Result, diag.List) {
	texts := []Text{{e.Title, e.TitleLine}}
	if e.Caption.Text != "" {
		texts = append(texts, Text{e.Caption.Text, e.Caption.Line})
	}
	for _, t := range e.Prose {
		texts = append(texts, Text{t.S, t.Line})
	}
	r := g.Match(texts, explain)

	var problems diag.List
	resolve := func(names []string, wantRegion bool, what, one string) []string {
		var codes []string
		for _, n := range names {
			code, isRegion, ok := g.Resolve(n)
			if !ok || isRegion != wantRegion {
				problems.Errorf(e.Path, e.FrontMatterLine(what), "front matter: %s: unknown %s %q", what, one, n)
				continue
			}
			codes = append(codes, code)
		}
		return codes
	}
	if e.FrontMatterRegions != nil {
		r.Regions = resolve(e.FrontMatterRegions, true, "regions", "region")
		r.Matches = append(r.Matches, Match{Line: e.FrontMatterLine("regions"), Text: strings.Join(e.FrontMatterRegions, ", "), Codes: r.Regions, Why: "set in front matter"})
	}
	if e.FrontMatterCountries != nil {
		r.Countries = resolve(e.FrontMatterCountries, false, "countries", "country")
		r.Matches = append(r.Matches, Match{Line: e.FrontMatterLine("countries"), Text: strings.Join(e.FrontMatterCountries, ", "), Codes: r.Countries, Why: "set in front matter"})
	}
	r.Countries, r.Regions = g.complete(r.Countries, r.Regions)

	// The headline and summary alone could read otherwise than the whole
	// (the rules weigh the whole text), so they name only places the
	// whole found.
	lead := g.Match([]Text{{e.Title, e.TitleLine}, {e.Summary, 0}}, false)
	for _, code := range append(lead.Regions, lead.Countries...) {
		if _, ok := slices.BinarySearch(r.Regions, code); ok {
			r.Lead = append(r.Lead, code)
		} else if _, ok := slices.BinarySearch(r.Countries, code); ok {
			r.Lead = append(r.Lead, code)
		}
	}
	return r, problems
}

// complete adds the regions' countries and sorts both lists.
func (g *Gazetteer) complete(countries, regions []string) ([]string, []string) {
	for _, code := range regions {
		countries = append(countries, g.regions[code].Country)
	}
	slices.Sort(countries)
	slices.Sort(regions)
	// Clipped copies: the lists grew with every match, and are kept long.
	return slices.Clone(slices.Compact(countries)), slices.Clone(slices.Compact(regions))
}

// Match places a sequence of texts that belong together, such as the parts
// of one article: some rules look at the whole.
func (g *Gazetteer) Match(texts []Text, explain bool) Result {
	buf := tokenPool.Get().(*[]token)
	defer func() {
		if cap(*buf) < 1<<20 { // a huge text's tokens are not worth keeping
			tokenPool.Put(buf)
		}
	}()
	toks := (*buf)[:0]
	docs := make([][]token, len(texts))
	for i, t := range texts {
		start := len(toks)
		toks = appendTokens(toks, t.S)
		docs[i] = toks[start:len(toks):len(toks)]
	}
	*buf = toks
	ctx := g.context(docs)
	var r Result
	for i, t := range texts {
		g.scan(t.S, docs[i], ctx, func(m Match, why reason) {
			for _, code := range m.Codes {
				if g.regions[code] != nil {
					r.Regions = append(r.Regions, code)
				} else {
					r.Countries = append(r.Countries, code)
				}
			}
			if explain {
				m.Line, m.Why = t.Line, g.explain(why)
				r.Matches = append(r.Matches, m)
			}
		})
	}
	r.Countries, r.Regions = g.complete(r.Countries, r.Regions)
	return r
}

// tokenPool keeps the token slices of matches gone by, for the next: an
// article's tokens are thousands, and a build places thousands of them.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// scan finds the phrases of one text, longest first, and judges each.
func (g *Gazetteer) scan(s string, toks []token, ctx docContext, found func(Match, reason)) {
	for i := 0; i < len(toks); i++ {
		if toks[i].punct || toks[i].hyphen {
			continue
		}
		end, t, n := g.longest(toks, i)
		if t == nil {
			continue
		}
		codes, why := g.judge(toks, i, end, t, n, ctx)
		found(Match{Text: s[toks[i].start:toks[end-1].end], Codes: codes}, why)
		i = end - 1
	}
}

// longest returns the end of the longest phrase starting at toks[i], its
// target and its trie node.
func (g *Gazetteer) longest(toks []token, i int) (end int, t *target, at *node) {
	n := g.names
	for j := i; j < len(toks) && !toks[j].punct; j++ {
		if n = n.child(toks[j]); n == nil {
			break
		}
		if n.target != nil {
			end, t, at = j+1, n.target, n
		}
		if toks[j].possessive {
			break
		}
	}
	return end, t, at
}

// placeNames names the places of codes, for the reasons matches give.
func (g *Gazetteer) placeNames(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		if r := g.regions[c]; r != nil {
			names[i] = r.Name
		} else if k := g.countries[c]; k != nil {
			names[i] = k.Name
		}
	}
	return strings.Join(names, ", ")
}
