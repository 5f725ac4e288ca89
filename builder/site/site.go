// Package site builds the site model: every page the site will have, and
// everything its templates show, worked out ahead so that templates only
// range and print.
//
// New takes the placed entries and returns a Site: its entries newest
// first, grouped by day and month; its countries and regions, each with
// its entries; and its Pages, each with the output path, the address under
// the site's base path, and the data its template needs. Feeds, sitemap
// and data files are described here too; render turns them into bytes.
//
// The model is deterministic: the same entries give the same site, page
// for page and byte for byte.
package site

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"timeline/builder/entry"
	"timeline/builder/place"
)

// Config is what the model needs of site.toml.
type Config struct {
	Title       string
	Description string
	BaseURL     *url.URL // absolute, with a path ending in "/"
	Language    string
	WarStart    entry.Date // the war's first day: day 1; zero for no day counts
	HomeEntries int        // entries on the home page
	FeedEntries int        // entries in each feed
	Related     int        // related entries on each entry's page; see Entry.Related
	CNAME       string     // the custom domain GitHub Pages serves the site at, if any
	// Assets maps a static file's name to its fingerprinted copy's
	// address, "style.css" to "/repo/style.3f2a9c1e.css"; see Site.Asset.
	Assets map[string]string
}

// A Placed is an entry with the places found for it.
type Placed struct {
	Entry  *entry.Entry
	Places place.Result
	known  *known
}

// NewPlaced returns e with its places, for New. A caller that builds
// model after model (the preview server does, at every edit) and keeps
// the Placed of an unchanged entry saves New working out again what
// follows from the entry alone.
func NewPlaced(e *entry.Entry, r place.Result) Placed {
	return Placed{Entry: e, Places: r, known: new(known)}
}

// known is what the model works out from an entry alone.
type known struct {
	ok       bool
	warStart entry.Date // the setting DayNumber was counted from
	dateText string
	teaser   string
	// description is what search results show: Google shows up to about
	// 160 characters, and an entry's page is the one place it is printed.
	description string
	dayNumber   int
	dayText     string
	slug        string // before a suffix tells it from another's
	folder      string // "2025/02/02/"
}

// know returns what follows from p's entry alone, working it out if need
// be.
func (p Placed) know(warStart entry.Date) *known {
	k := p.known
	if k == nil {
		k = new(known)
	}
	if k.ok && k.warStart == warStart {
		return k
	}
	e := p.Entry
	*k = known{ok: true, warStart: warStart, dateText: DateText(e.Date), teaser: teaser(e),
		description: entry.Shorten(e.Summary, 160),
		dayNumber:   dayNumber(warStart, e.Date), slug: Slug(cmp.Or(e.FrontMatterSlug, e.Title)), folder: dateFolder(e.Date)}
	if k.dayNumber > 0 {
		k.dayText = "day " + Thousands(k.dayNumber)
	}
	return k
}

// A Site is the whole model.
type Site struct {
	Config    Config
	Entries   []*Entry // newest first
	Days      []*Day   // newest first
	Months    []*Span  // newest first
	Years     []*Year  // newest first
	Countries []*Place // by name
	Regions   []*Place // by country, then name
	Pages     []*Page
	Feeds     []*Feed
	Nav       []Crumb // the site's sections, for its header

	gazetteer *place.Gazetteer
	dayLabels map[entry.Date]dayLabels
	years     map[[2]int][]int                           // month and day → the years with entries on it, newest first
	weeks     map[entry.Date]struct{ sub, title string } // see week
	absBase   string                                     // the base URL, absolute
	print     uint64                                     // see Print

	pagesPrintOnce sync.Once
	pagesPrint     uint64 // see PagesFingerprint
}

// Asset returns the address of the static file name: its fingerprinted
// copy's when it has one, so browsers never keep a stale one.
func (s *Site) Asset(name string) string {
	if u, ok := s.Config.Assets[name]; ok {
		return u
	}
	return s.URL(name)
}

// An Entry is an article as the site shows it.
type Entry struct {
	*entry.Entry
	// Teaser is what lists show under the headline: the summary, less the
	// sentence the headline was cut from when the file had no headline.
	Teaser    string
	Slug      string // the last part of its address, unique within its date
	Dir       string // its folder in the site: "2025/02/02/slug/"
	URL       string // under the base path: "/repo/2025/02/02/slug/"
	DateText  string // "2 February 2025", "June 2023"
	DayNumber int    // days since the war began, 1 for its first day; 0 when unknown
	DayText   string // "day 1,075", or ""
	Countries []*Place
	Regions   []*Place
	Lead      []*Place // the places its headline and summary name; see place.Result
	// Older and Newer are its neighbours on the timeline.
	Older, Newer *Entry
	Day          *Day

	print  uint64 // see entryPrint
	known  *known
	site   *Site
	places place.Result
}

// Permalink returns the entry's absolute address.
func (e *Entry) Permalink() string { return e.site.AbsURL(e.Dir) }

// A Day is the entries of one date: a day, or a month for entries known
// only to the month.
type Day struct {
	Date entry.Date
	dayLabels
	Entries []*Entry
}

// Count returns the number of the day's entries.
func (d *Day) Count() int { return len(d.Entries) }

// dayLabels are what a day's heading shows.
type dayLabels struct {
	Heading string // "2 February 2025 · day 1,075"
	ID      string // fragment id: "d2025-02-02"
	URL     string // the day's page; the month's for a month-only group
	// Earlier is the same day in earlier years that have entries, newest
	// first: "on this day".
	Earlier []Crumb
}

// A Span is a page of an archive: a month of the timeline, a week of a
// place's entries, or a month of its entries known only to the month. Its
// address is its dates', and never changes as entries arrive.
type Span struct {
	Year         int        // of a month
	Month        time.Month // of a month
	Title        string     // "February 2025", "20–26 May 2024"
	Dir          string     // its folder in the site: "2025/02/", "regions/kharkiv-oblast/2024/w21/"
	URL          string
	Days         []*Day // newest first; a month's month-only group last
	Count        int
	Older, Newer *Span
}

// Dated returns the span's days that are days: a month page lists them.
func (sp *Span) Dated() []*Day {
	if n := len(sp.Days); n > 0 && !sp.Days[n-1].Date.HasDay() {
		return sp.Days[:n-1]
	}
	return sp.Days
}

// Undated returns the span's group of entries known only to the month, if
// it has one, as a list of one.
func (sp *Span) Undated() []*Day {
	return sp.Days[len(sp.Dated()):]
}

// A Year lists its months.
type Year struct {
	Year   int
	URL    string
	Months []*Span // newest first
	Count  int
}

// A Place is a country or region page.
type Place struct {
	Code    string // "UA", "UA-63"
	Name    string
	Slug    string
	URL     string
	FeedURL string
	Entries []*Entry // newest first
	Days    []*Day   // its newest entries, as many as the home page has, by day
	Weeks   []*Span  // its entries week by week (Monday to Sunday), newest first
	Undated []*Span  // its entries known only to the month, by month, newest first
	Country *Place   // a region's country, when it has a page
	Regions []*Place // a country's regions that have entries, by name
}

// Count returns the number of entries about the place.
func (p *Place) Count() int { return len(p.Entries) }

// New builds the model of a site from its entries.
func New(cfg Config, g *place.Gazetteer, placed []Placed) *Site {
	s := &Site{Config: cfg, absBase: cfg.BaseURL.String(), gazetteer: g}
	s.print = configPrint(cfg)
	s.Nav = []Crumb{{"Timeline", s.URL("")}, {"Countries", s.URL("countries/")}, {"Regions", s.URL("regions/")}, {"Archive", s.URL("archive/")}, {"Search", s.URL("search/")}}
	s.entries(g, placed)
	s.Days = s.groupDays(s.Entries)
	for _, d := range s.Days {
		for _, e := range d.Entries {
			e.Day = d
		}
	}
	s.months()
	for _, e := range s.Entries {
		e.print = entryPrint(e)
	}
	s.pages()
	return s
}

// URL returns the address of rel, a path inside the site, under the base
// path: "2025/02/" is "/repo/2025/02/".
func (s *Site) URL(rel string) string {
	// Escaped: a base path with "#" or "?" in it ("/a%23b/") must not
	// end the path of every link.
	return s.Config.BaseURL.EscapedPath() + strings.TrimPrefix(rel, "/")
}

// AbsURL returns the absolute address of rel.
func (s *Site) AbsURL(rel string) string {
	base := s.absBase
	if base == "" { // a Site not made by New
		base = s.Config.BaseURL.String()
	}
	return base + strings.TrimPrefix(rel, "/")
}

func (s *Site) entries(g *place.Gazetteer, placed []Placed) {
	s.Entries = make([]*Entry, len(placed))
	all := make([]Entry, len(placed)) // one allocation for them all
	for i, p := range placed {
		k := p.know(s.Config.WarStart)
		all[i] = Entry{Entry: p.Entry, DateText: k.dateText, Teaser: k.teaser, DayNumber: k.dayNumber, DayText: k.dayText,
			known: k, site: s, places: p.Places}
		s.Entries[i] = &all[i]
	}
	slices.SortFunc(s.Entries, cmpTimeline)
	s.years = map[[2]int][]int{}
	for i, e := range s.Entries {
		if d := e.Date; d.HasDay() && (i == 0 || s.Entries[i-1].Date != d) {
			k := [2]int{int(d.Month), d.Day}
			s.years[k] = append(s.years[k], d.Year)
		}
	}
	for i, e := range s.Entries {
		if i > 0 {
			e.Newer = s.Entries[i-1]
		}
		if i+1 < len(s.Entries) {
			e.Older = s.Entries[i+1]
		}
	}
	s.slugs()

	// Places get their entries in timeline order, newest first; counted
	// first, so that each list is allocated once.
	countries := map[string]*Place{}
	regions := map[string]*Place{}
	counts := map[string]int{}
	for _, e := range s.Entries {
		for _, code := range e.places.Countries {
			counts[code]++
		}
		for _, code := range e.places.Regions {
			counts[code]++
		}
	}
	// in adds e to the place code of kind, and the place to e's list.
	in := func(e *Entry, list *[]*Place, places map[string]*Place, code, name string) {
		p := places[code]
		if p == nil {
			p = &Place{Code: code, Name: name, Entries: make([]*Entry, 0, counts[code])}
			places[code] = p
		}
		p.Entries = append(p.Entries, e)
		*list = append(*list, p)
	}
	for _, e := range s.Entries {
		e.Countries = make([]*Place, 0, len(e.places.Countries))
		e.Regions = make([]*Place, 0, len(e.places.Regions))
		for _, code := range e.places.Countries {
			in(e, &e.Countries, countries, code, g.Country(code).Name)
		}
		for _, code := range e.places.Regions {
			in(e, &e.Regions, regions, code, g.Region(code).Name)
		}
		for _, code := range e.places.Lead {
			p := regions[code]
			if p == nil {
				p = countries[code]
			}
			e.Lead = append(e.Lead, p)
		}
	}
	s.Countries = sortedPlaces(countries)
	s.Regions = sortedPlaces(regions)
	assignSlugs(s.Countries)
	assignSlugs(s.Regions)
	for _, c := range s.Countries {
		c.URL = s.URL("countries/" + c.Slug + "/")
		c.FeedURL = s.URL("countries/" + c.Slug + "/feed.xml")
	}
	for _, r := range s.Regions {
		r.URL = s.URL("regions/" + r.Slug + "/")
		r.FeedURL = s.URL("regions/" + r.Slug + "/feed.xml")
		r.Country = countries[g.Region(r.Code).Country]
		if r.Country != nil {
			r.Country.Regions = append(r.Country.Regions, r)
		}
	}
	slices.SortStableFunc(s.Regions, func(a, b *Place) int {
		return cmp.Or(strings.Compare(countryName(a), countryName(b)), strings.Compare(a.Name, b.Name))
	})
	for _, p := range append(slices.Clip(s.Countries), s.Regions...) {
		p.Days = s.groupDays(p.Entries[:min(len(p.Entries), s.Config.HomeEntries)])
		dir := strings.TrimPrefix(p.URL, s.URL(""))
		var dated, undated []*Day
		for _, d := range s.groupDays(p.Entries) {
			if d.Date.HasDay() {
				dated = append(dated, d)
			} else {
				undated = append(undated, d)
			}
		}
		p.Weeks = s.groupSpans(dated, dir, s.week)
		p.Undated = s.groupSpans(undated, dir, func(d entry.Date) (string, string) {
			return monthOf(d) + "undated/", DateText(d) + ", day not given"
		})
	}
}

func countryName(r *Place) string {
	if r.Country == nil {
		return ""
	}
	return r.Country.Name
}

// cmpTimeline orders entries as the timeline does: newest first, then by
// headline, then by file.
func cmpTimeline(a, b *Entry) int {
	return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Title, b.Title), strings.Compare(a.Path, b.Path))
}

func sortedPlaces(m map[string]*Place) []*Place {
	out := make([]*Place, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Place) int { return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Code, b.Code)) })
	return out
}

// assignSlugs names each place's folder after its name, adding its code
// when two names make the same slug.
func assignSlugs(places []*Place) {
	seen := map[string]int{}
	for _, p := range places {
		seen[Slug(p.Name)]++
	}
	for _, p := range places {
		p.Slug = Slug(p.Name)
		if seen[p.Slug] > 1 {
			p.Slug += "-" + strings.ToLower(p.Code)
		}
	}
}

// slugs gives each entry its address. An entry's folder is its date's; a
// slug two entries of one date share gets, on all but the first by file
// path, a suffix from a hash of the file's path: stable as long as the file
// keeps its name, whatever else arrives.
func (s *Site) slugs() {
	// Entries of one date, which share a folder, are next to each other.
	for i := 0; i < len(s.Entries); {
		j := i + 1
		for j < len(s.Entries) && s.Entries[j].Date == s.Entries[i].Date {
			j++
		}
		day := s.Entries[i:j]
		for _, e := range day {
			e.Slug = e.known.slug
		}
		if len(day) > 1 {
			distinctSlugs(day)
		}
		i = j
	}
	for _, e := range s.Entries {
		e.Dir = e.known.folder + e.Slug + "/"
		e.URL = s.URL(e.Dir)
	}
}

// distinctSlugs gives the entries of one date distinct slugs.
func distinctSlugs(day []*Entry) {
	bySlug := map[string][]*Entry{}
	for _, e := range day {
		bySlug[e.Slug] = append(bySlug[e.Slug], e)
	}
	for _, group := range bySlug {
		if len(group) == 1 {
			continue
		}
		slices.SortFunc(group, func(a, b *Entry) int { return strings.Compare(a.Path, b.Path) })
		for _, e := range group[1:] {
			h := fnv.New32a()
			h.Write([]byte(e.Path))
			e.Slug += "-" + strconv.FormatUint(uint64(h.Sum32()), 36)
		}
	}
}

// dateFolder is "2025/02/02/" for a day, "2023/06/" for a month.
func dateFolder(d entry.Date) string {
	if !d.HasDay() {
		return fmt.Sprintf("%04d/%02d/", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d/%02d/%02d/", d.Year, int(d.Month), d.Day)
}

func (s *Site) dayURL(d entry.Date) string { return s.URL(dateFolder(d)) }

// groupDays groups entries, in timeline order, by date. A day's Entries
// are a part of entries, which the model never changes once made.
func (s *Site) groupDays(entries []*Entry) []*Day {
	n := 0
	for i, e := range entries {
		if i == 0 || entries[i-1].Date != e.Date {
			n++
		}
	}
	all := make([]Day, n) // one allocation for them all
	days := make([]*Day, 0, n)
	start := 0
	for i, e := range entries {
		if i+1 < len(entries) && entries[i+1].Date == e.Date {
			continue
		}
		d := &all[len(days)]
		*d = Day{Date: e.Date, dayLabels: s.labels(e.Date), Entries: entries[start : i+1 : i+1]}
		days = append(days, d)
		start = i + 1
	}
	return days
}

// labels returns a date's heading, id and address, made once a model: the
// same days are grouped for the timeline and for every place.
func (s *Site) labels(d entry.Date) dayLabels {
	if l, ok := s.dayLabels[d]; ok {
		return l
	}
	l := dayLabels{Heading: DayHeading(d, s.Config.WarStart), ID: "d" + d.String(), URL: s.dayURL(d)}
	if d.HasDay() {
		for _, y := range s.years[[2]int{int(d.Month), d.Day}] {
			if y < d.Year {
				l.Earlier = append(l.Earlier, Crumb{strconv.Itoa(y), s.dayURL(entry.Date{Year: y, Month: d.Month, Day: d.Day})})
			}
		}
	}
	if s.dayLabels == nil {
		s.dayLabels = map[entry.Date]dayLabels{}
	}
	s.dayLabels[d] = l
	return l
}

func (s *Site) months() {
	s.Months = s.groupSpans(s.Days, "", func(d entry.Date) (string, string) { return monthOf(d), monthTitle(d) })
	for _, m := range s.Months {
		m.Year, m.Month = m.Days[0].Date.Year, m.Days[0].Date.Month
		n := len(s.Years)
		if n == 0 || s.Years[n-1].Year != m.Year {
			s.Years = append(s.Years, &Year{Year: m.Year, URL: s.URL(fmt.Sprintf("%04d/", m.Year))})
		}
		y := s.Years[len(s.Years)-1]
		y.Months = append(y.Months, m)
		y.Count += m.Count
	}
}

// groupSpans groups days, newest first, into spans whose pages are in
// the folder dir: span gives a day's span's folder in dir and its title.
// It links each span to the next.
func (s *Site) groupSpans(days []*Day, dir string, span func(entry.Date) (sub, title string)) []*Span {
	var spans []*Span
	last := ""
	for _, d := range days {
		sub, title := span(d.Date)
		if len(spans) == 0 || sub != last {
			spans = append(spans, &Span{Title: title, Dir: dir + sub, URL: s.URL(dir + sub)})
			last = sub
		}
		sp := spans[len(spans)-1]
		sp.Days = append(sp.Days, d)
		sp.Count += len(d.Entries)
	}
	for i, sp := range spans {
		if i > 0 {
			sp.Newer = spans[i-1]
		}
		if i+1 < len(spans) {
			sp.Older = spans[i+1]
		}
	}
	return spans
}

// monthOf returns the folder of d's month: "2025/02/".
func monthOf(d entry.Date) string {
	return fmt.Sprintf("%04d/%02d/", d.Year, int(d.Month))
}

// week returns weekOf(d), worked out once for each day: every place's
// archive asks for each of its days.
func (s *Site) week(d entry.Date) (string, string) {
	w, ok := s.weeks[d]
	if !ok {
		w.sub, w.title = weekOf(d)
		if s.weeks == nil {
			s.weeks = map[entry.Date]struct{ sub, title string }{}
		}
		s.weeks[d] = w
	}
	return w.sub, w.title
}

// weekOf returns the folder and title of the week, Monday to Sunday, that
// holds the day d: "2024/w21/" and "20–26 May 2024" (ISO weeks: the week
// belongs to the year that holds its Thursday).
func weekOf(d entry.Date) (string, string) {
	t := d.Time()
	year, week := t.ISOWeek()
	monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	sunday := monday.AddDate(0, 0, 6)
	var title string
	switch {
	case monday.Year() != sunday.Year():
		title = DateText(entry.DateOf(monday)) + " – " + DateText(entry.DateOf(sunday))
	case monday.Month() != sunday.Month():
		title = fmt.Sprintf("%d %s – %s", monday.Day(), monday.Month(), DateText(entry.DateOf(sunday)))
	default:
		title = fmt.Sprintf("%d–%s", monday.Day(), DateText(entry.DateOf(sunday)))
	}
	return fmt.Sprintf("%04d/w%02d/", year, week), title
}

// DateText writes a date as readers say it: "2 February 2025", or "June
// 2023" for a month.
func DateText(d entry.Date) string {
	if !d.HasDay() {
		return fmt.Sprintf("%s %d", d.Month, d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// DayHeading is a day's heading on the timeline: "2 February 2025 · day
// 1,075", counting the war's first day as day 1.
func DayHeading(d, start entry.Date) string {
	n := dayNumber(start, d)
	if n == 0 {
		return DateText(d)
	}
	return DateText(d) + " · day " + Thousands(n)
}

func dayNumber(start, d entry.Date) int {
	if start == (entry.Date{}) || !d.HasDay() || d.Compare(start) < 0 {
		return 0
	}
	return int(d.Time().Sub(start.Time()).Hours()/24) + 1
}

// Thousands writes n with commas: 1,075.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// teaser returns an entry's summary for lists, without repeating its
// headline.
func teaser(e *entry.Entry) string {
	if !e.TitleDerived {
		return e.Summary
	}
	t := strings.TrimSuffix(e.Title, "…")
	i := strings.Index(e.Summary, t)
	if i < 0 {
		return e.Summary
	}
	if strings.HasSuffix(e.Title, "…") {
		return "" // the headline is already a cut of the first sentence
	}
	rest := strings.TrimLeft(e.Summary[i+len(t):], ".!?。 ")
	return rest
}

// A DateSpan is the first and last day the timeline has entries on.
type DateSpan struct{ First, Last entry.Date }

// Span returns the days the timeline spans, for the date jump to offer;
// nil when no entry has a day.
func (s *Site) Span() *DateSpan {
	var sp DateSpan
	for _, d := range s.Days {
		if d.Date.HasDay() {
			if sp.Last == (entry.Date{}) {
				sp.Last = d.Date
			}
			sp.First = d.Date
		}
	}
	if sp.Last == (entry.Date{}) {
		return nil
	}
	return &sp
}
