package place

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// iso3166 is the ISO country and subdivision list, generated from Debian's
// iso-codes by internal/geniso.
//
//go:generate go run ./internal/geniso -o iso3166.tsv
//go:embed iso3166.tsv
var iso3166 string

// placesTOML holds what people know and ISO does not: the names news text
// uses for each country and region, and the towns in each region.
//
//go:embed places.toml
var placesTOML string

// A Country is a country a page can be about.
type Country struct {
	Code string // ISO 3166-1 alpha-2, "UA"
	Name string // "Ukraine"
}

// A Region is a country's first-level unit.
type Region struct {
	Code    string // ISO 3166-2, "UA-63"
	Name    string // "Kharkiv Oblast"
	Country string // "UA"
}

// Places is the shape of places.toml, and of the [places] table by which
// site.toml adds to it.
type Places struct {
	Countries []CountryNames `toml:"country"`
	Regions   []RegionNames  `toml:"region"`
	Groups    []Group        `toml:"group"`
	Stop      []string       `toml:"stop"`      // names of other things that contain place names
	Ambiguous []string       `toml:"ambiguous"` // towns found in more than one region
}

// CountryNames lists the words that name a country in text.
type CountryNames struct {
	Code     string   `toml:"code"`
	Name     string   `toml:"name"`
	Aliases  []string `toml:"aliases"`
	Demonyms []string `toml:"demonyms"`
	Capitals []string `toml:"capitals"` // they name the country, often its government
}

// RegionNames lists the words that name a region in text.
type RegionNames struct {
	Code string `toml:"code"`
	Name string `toml:"name"`
	// Names are matched bare ("Kharkiv") and in the forms "Kharkiv region",
	// "Kharkiv Oblast" and so on; FormNames only in those forms.
	Names     []string `toml:"names"`
	FormNames []string `toml:"form_names"`
	Aliases   []string `toml:"aliases"`
	Towns     []string `toml:"towns"`
	// Capital marks the country's capital city, whose name often stands
	// for the government ("Kyiv said").
	Capital bool `toml:"capital"`
}

// A Group is a name for several regions at once, such as Donbas.
type Group struct {
	Names   []string `toml:"names"`
	Regions []string `toml:"regions"`
}

// A Gazetteer knows the countries and regions and the words that name
// them. It is immutable once made, and safe for concurrent use.
type Gazetteer struct {
	countries map[string]*Country
	regions   map[string]*Region
	capitals  map[string]bool     // regions that are capital cities
	own       map[string][]string // each country's code, as a list of one
	iso       map[string]string
	names     *node // every phrase, as a trie of words
}

// regionWords make the forms of a region's name: "Kharkiv region".
var regionWords = []string{"region", "Region", "regions", "oblast", "Oblast", "province", "Province", "regional", "Regional", "krai", "Krai"}

var builtin = sync.OnceValues(func() (*Gazetteer, error) {
	var p Places
	if _, err := toml.Decode(placesTOML, &p); err != nil {
		return nil, fmt.Errorf("places.toml: %w", err)
	}
	return New(p)
})

// Builtin returns the gazetteer embedded in the program.
func Builtin() *Gazetteer {
	g, err := builtin()
	if err != nil {
		panic(err) // the embedded data is tested; this cannot happen in a release
	}
	return g
}

// New makes a gazetteer from the ISO list and the given names.
func New(p Places) (*Gazetteer, error) {
	g := &Gazetteer{
		countries: map[string]*Country{},
		regions:   map[string]*Region{},
		capitals:  map[string]bool{},
		own:       map[string][]string{},
		iso:       map[string]string{},
		names:     &node{},
	}
	var isoNames [][2]string // phrase, country code
	sc := bufio.NewScanner(strings.NewReader(iso3166))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case f[0] == "country" && len(f) >= 4:
			name := f[2]
			if f[3] != "" {
				name = f[3]
			}
			g.countries[f[1]] = &Country{Code: f[1], Name: name}
			g.own[f[1]] = []string{f[1]}
			g.iso[f[1]] = f[2]
			for _, n := range f[2:] {
				if n != "" && !strings.Contains(n, ",") {
					isoNames = append(isoNames, [2]string{n, f[1]})
				}
			}
		case f[0] == "subdivision" && len(f) >= 3:
			g.iso[f[1]] = f[2]
		}
	}
	if err := g.Extend(p, false); err != nil {
		return nil, err
	}
	// ISO's names yield to the hand-kept ones: places.toml can call ISO's
	// bare "Congo" ambiguous.
	for _, n := range isoNames {
		if g.names.find(tokenize(n[0])) == nil {
			g.add(n[0], country, false, n[1])
		}
	}
	return g, nil
}

// With returns a copy of g with the names of p added; where p names a place
// g has, p's display name wins and its words are added. Phrases p gives
// take over from g's.
func (g *Gazetteer) With(p Places) (*Gazetteer, error) {
	c := &Gazetteer{
		countries: clonePtrMap(g.countries),
		regions:   clonePtrMap(g.regions),
		capitals:  cloneMap(g.capitals),
		own:       cloneMap(g.own),
		iso:       g.iso,
		names:     g.names.clone(),
	}
	return c, c.Extend(p, true)
}

func clonePtrMap[T any](m map[string]*T) map[string]*T {
	c := make(map[string]*T, len(m))
	for k, v := range m {
		v2 := *v
		c[k] = &v2
	}
	return c
}

func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	c := make(map[K]V, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

var (
	countryCodeRE = regexp.MustCompile(`^[A-Z]{2}$`)
	regionCodeRE  = regexp.MustCompile(`^([A-Z]{2})-[A-Z0-9]{1,3}$`)
)

// Extend adds p's places and names to g. With override, a phrase g already
// has is taken over; without, it is an error.
func (g *Gazetteer) Extend(p Places, override bool) error {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	add := func(phrase string, k kind, codes ...string) {
		if err := g.add(phrase, k, override, codes...); err != nil {
			fail("%v", err)
		}
	}
	var weakForms [][2]string // phrase, region code
	for _, c := range p.Countries {
		if !countryCodeRE.MatchString(c.Code) {
			fail("country %q: code must be two capital letters (ISO 3166-1 alpha-2)", c.Code)
			continue
		}
		have := g.countries[c.Code]
		if have == nil {
			if c.Name == "" {
				fail("country %s: not an ISO 3166-1 code, so it needs a name", c.Code)
				continue
			}
			have = &Country{Code: c.Code}
			g.countries[c.Code] = have
			g.own[c.Code] = []string{c.Code}
		}
		if c.Name != "" {
			have.Name = c.Name
			add(c.Name, country, c.Code)
		}
		for _, a := range c.Aliases {
			add(a, country, c.Code)
		}
		for _, d := range c.Demonyms {
			add(d, demonym, c.Code)
		}
		for _, cap := range c.Capitals {
			add(cap, capital, c.Code)
		}
	}
	for _, r := range p.Regions {
		m := regionCodeRE.FindStringSubmatch(r.Code)
		if m == nil {
			fail("region %q: code must be ISO 3166-2, like UA-63", r.Code)
			continue
		}
		if g.countries[m[1]] == nil {
			fail("region %s: no country %s", r.Code, m[1])
			continue
		}
		have := g.regions[r.Code]
		if have == nil {
			have = &Region{Code: r.Code, Country: m[1], Name: g.iso[r.Code]}
			g.regions[r.Code] = have
		}
		if r.Name != "" {
			have.Name = r.Name
		}
		if have.Name == "" {
			fail("region %s: not an ISO 3166-2 code, so it needs a name", r.Code)
			continue
		}
		if r.Capital {
			g.capitals[r.Code] = true
		}
		for _, n := range r.Names {
			add(n, regionName, r.Code)
			for _, w := range regionWords {
				weakForms = append(weakForms, [2]string{n + " " + w, r.Code})
			}
		}
		for _, n := range r.FormNames {
			for _, w := range regionWords {
				add(n+" "+w, regionForm, r.Code)
			}
		}
		if r.Name != "" && !slices.Contains(r.Names, r.Name) {
			add(r.Name, regionForm, r.Code)
		}
		for _, a := range r.Aliases {
			add(a, regionForm, r.Code)
		}
		for _, t := range r.Towns {
			add(t, town, r.Code)
		}
	}
	// A name's forms yield to a region that claims them: "Kyiv" is the
	// city, but "Kyiv region" is Kyiv Oblast's.
	for _, f := range weakForms {
		if g.names.find(tokenize(f[0])) == nil {
			add(f[0], regionForm, f[1])
		}
	}
	for _, grp := range p.Groups {
		for _, code := range grp.Regions {
			if g.regions[code] == nil {
				fail("group %v: no region %s", grp.Names, code)
			}
		}
		for _, n := range grp.Names {
			add(n, group, grp.Regions...)
		}
	}
	for _, s := range p.Stop {
		add(s, stop)
	}
	for _, s := range p.Ambiguous {
		add(s, ambiguous)
	}
	if len(errs) > 0 {
		return fmt.Errorf("places: %s", strings.Join(errs, "; "))
	}
	return nil
}

// Country returns the country with the given code, or nil.
func (g *Gazetteer) Country(code string) *Country { return g.countries[code] }

// Region returns the region with the given code, or nil.
func (g *Gazetteer) Region(code string) *Region { return g.regions[code] }

// Countries returns every country, by code.
func (g *Gazetteer) Countries() []*Country { return sortedValues(g.countries) }

// Regions returns every region, by code.
func (g *Gazetteer) Regions() []*Region { return sortedValues(g.regions) }

func sortedValues[T any](m map[string]*T) []*T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]*T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// Resolve finds the country or region that s names: a code ("UA",
// "UA-63"), a display name, or any name the gazetteer matches in text. It
// is how front matter names places.
func (g *Gazetteer) Resolve(s string) (code string, isRegion bool, ok bool) {
	s = strings.TrimSpace(s)
	up := strings.ToUpper(s)
	if g.countries[up] != nil {
		return up, false, true
	}
	if g.regions[up] != nil {
		return up, true, true
	}
	for _, c := range g.Countries() { // in order: two may share a name
		if strings.EqualFold(c.Name, s) {
			return c.Code, false, true
		}
	}
	for _, r := range g.Regions() {
		if strings.EqualFold(r.Name, s) {
			return r.Code, true, true
		}
	}
	if t := g.names.find(tokenize(s)); t != nil && len(t.codes) == 1 {
		switch t.kind {
		case country, demonym, capital:
			return t.codes[0], false, true
		case regionName, regionForm, town:
			return t.codes[0], true, true
		}
	}
	return "", false, false
}
