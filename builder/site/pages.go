package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"timeline/builder/entry"
)

// A Page is one HTML page of the site and what its template shows.
type Page struct {
	Kind        string // its template: "home", "entry", "day", "month", "year", "archive", "search", "countries", "regions", "country", "region", "404"
	Path        string // output file: "2025/02/02/slug/index.html"
	URL         string // under the base path: "/repo/2025/02/02/slug/"
	Title       string // the page's headline
	Description string // for search results and shared links
	Updated     entry.Date
	FeedURL     string  // the feed that follows this page, if any
	Crumbs      []Crumb // where the page sits, home first; the page itself not included
	Site        *Site

	// What the page lists or shows; which are set depends on Kind.
	Entry  *Entry
	Days   []*Day
	Span   *Span
	Year   *Year
	Place  *Place
	Places []*Place
}

// A Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Name, URL string
}

// A Feed is an Atom feed of the newest entries of the site or of a place.
type Feed struct {
	Path    string // "feed.xml", "regions/kharkiv-oblast/feed.xml"
	Title   string
	URL     string // absolute: its id and self link
	PageURL string // absolute: the page it follows
	Entries []*Entry
}

// Updated returns the date of the feed's newest entry: a feed changes
// only when its content does.
func (f *Feed) Updated() entry.Date {
	if len(f.Entries) == 0 {
		return entry.Date{}
	}
	return f.Entries[0].Date
}

func (s *Site) pages() {
	home := Crumb{"Timeline", s.URL("")}
	add := s.add
	newest := func(entries []*Entry) entry.Date {
		if len(entries) == 0 {
			return entry.Date{}
		}
		return entries[0].Date
	}

	latest := s.Entries[:min(len(s.Entries), s.Config.HomeEntries)]
	add(&Page{
		Kind: "home", Path: "index.html", Title: s.Config.Title,
		Description: s.Config.Description, Updated: newest(s.Entries),
		FeedURL: s.URL("feed.xml"),
		Days:    s.groupDays(latest),
	})
	s.Feeds = append(s.Feeds, s.feed("feed.xml", s.Config.Title, "", s.Entries))

	var crumbs []Crumb // an entry's: the timeline, its month; shared by the month's entries
	for _, e := range s.Entries {
		if len(crumbs) == 0 || crumbs[1].Name != monthTitle(e.Date) {
			crumbs = []Crumb{home, {monthTitle(e.Date), s.URL(fmt.Sprintf("%04d/%02d/", e.Date.Year, int(e.Date.Month)))}}
		}
		add(&Page{
			Kind: "entry", Path: e.Dir + "index.html", URL: e.URL,
			Title: e.Title, Description: e.known.description, Updated: e.Date, Entry: e, Crumbs: crumbs,
		})
	}
	for _, d := range s.Days {
		if !d.Date.HasDay() {
			continue // listed on its month's page
		}
		add(&Page{
			Kind: "day", Path: dateFolder(d.Date) + "index.html", Title: DateText(d.Date),
			Description: fmt.Sprintf("%s: %s.", d.Heading, count(len(d.Entries), "entry", "entries")),
			Updated:     d.Date, Days: []*Day{d},
			Crumbs: []Crumb{home, {monthTitle(d.Date), s.URL(fmt.Sprintf("%04d/%02d/", d.Date.Year, int(d.Date.Month)))}},
		})
	}
	for _, m := range s.Months {
		add(&Page{
			Kind: "month", Path: m.Dir + "index.html", Title: m.Title,
			Description: fmt.Sprintf("%s: %s.", m.Title, count(m.Count, "entry", "entries")),
			Updated:     m.Days[0].Date, Span: m, Days: m.Days,
			Crumbs: []Crumb{home, {"Archive", s.URL("archive/")}, {fmt.Sprint(m.Year), s.URL(fmt.Sprintf("%04d/", m.Year))}},
		})
	}
	for _, y := range s.Years {
		add(&Page{
			Kind: "year", Path: fmt.Sprintf("%04d/index.html", y.Year), Title: fmt.Sprint(y.Year),
			Description: fmt.Sprintf("%d: %s.", y.Year, count(y.Count, "entry", "entries")),
			Updated:     y.Months[0].Days[0].Date, Year: y,
			Crumbs: []Crumb{home, {"Archive", s.URL("archive/")}},
		})
	}
	add(&Page{
		Kind: "archive", Path: "archive/index.html", Title: "Archive",
		Description: "Every month of the timeline.", Updated: newest(s.Entries),
		Crumbs: []Crumb{home},
	})

	add(&Page{
		Kind: "search", Path: "search/index.html", Title: "Search",
		Description: "Find entries by the words of their headlines, summaries, places and bylines.",
		Crumbs:      []Crumb{home},
	})

	add(&Page{
		Kind: "countries", Path: "countries/index.html", Title: "Countries",
		Description: "Every country in the timeline, with its number of entries.",
		Updated:     newest(s.Entries), Places: s.Countries, Crumbs: []Crumb{home},
	})
	add(&Page{
		Kind: "regions", Path: "regions/index.html", Title: "Regions",
		Description: "Every region in the timeline, with its number of entries.",
		Updated:     newest(s.Entries), Places: s.Regions, Crumbs: []Crumb{home},
	})
	for _, p := range s.Countries {
		dir := "countries/" + p.Slug + "/"
		crumbs := []Crumb{home, {"Countries", s.URL("countries/")}}
		add(&Page{
			Kind: "country", Path: dir + "index.html", Title: p.Name,
			Description: fmt.Sprintf("%s: %s, newest first.", p.Name, count(p.Count(), "entry", "entries")),
			Updated:     newest(p.Entries), Place: p, Days: p.Days, FeedURL: p.FeedURL, Crumbs: crumbs,
		})
		s.placeSpans(p, append(crumbs, Crumb{p.Name, p.URL}))
		s.Feeds = append(s.Feeds, s.feed(dir+"feed.xml", p.Name+" · "+s.Config.Title, dir, p.Entries))
	}
	for _, p := range s.Regions {
		dir := "regions/" + p.Slug + "/"
		crumbs := []Crumb{home, {"Regions", s.URL("regions/")}}
		if p.Country != nil {
			crumbs = append(crumbs, Crumb{p.Country.Name, p.Country.URL})
		}
		add(&Page{
			Kind: "region", Path: dir + "index.html", Title: p.Name,
			Description: fmt.Sprintf("%s: %s, newest first.", p.Name, count(p.Count(), "entry", "entries")),
			Updated:     newest(p.Entries), Place: p, Days: p.Days, FeedURL: p.FeedURL, Crumbs: crumbs,
		})
		s.placeSpans(p, append(crumbs, Crumb{p.Name, p.URL}))
		s.Feeds = append(s.Feeds, s.feed(dir+"feed.xml", p.Name+" · "+s.Config.Title, dir, p.Entries))
	}
	add(&Page{Kind: "404", Path: "404.html", Title: "Page not found", Description: "There is no page at this address."})
}

// placeSpans adds the archive pages of a place, a week each, and a month
// each for its entries known only to the month.
func (s *Site) placeSpans(p *Place, crumbs []Crumb) {
	for _, sp := range slices.Concat(p.Weeks, p.Undated) {
		s.add(&Page{
			Kind: "span", Path: sp.Dir + "index.html", Title: p.Name + ", " + sp.Title,
			Description: fmt.Sprintf("%s, %s: %s.", p.Name, sp.Title, count(sp.Count, "entry", "entries")),
			Updated:     sp.Days[0].Date, Span: sp, Days: sp.Days, Place: p, FeedURL: p.FeedURL,
			Crumbs: slices.Clip(crumbs),
		})
	}
}

// add adds a page.
func (s *Site) add(p *Page) {
	p.Site = s
	if p.URL == "" {
		p.URL = s.URL(strings.TrimSuffix(p.Path, "index.html"))
	}
	if p.Description == "" {
		// Search engines and link previews want one on every page.
		p.Description = p.Title + " · " + s.Config.Title
	}
	s.Pages = append(s.Pages, p)
}

// OGType is the page's Open Graph type: an article for an entry's page.
func (p *Page) OGType() string {
	if p.Kind == "entry" {
		return "article"
	}
	return "website"
}

// NewsArticle is schema.org's description of an entry's page, for search
// engines; templates print it as JSON-LD. It leaves out what the rest of
// the page's head says (the canonical link gives the address): it is on
// every entry's page, and 100 bytes there are 10 MB of a 100,000-article
// site.
type NewsArticle struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	Headline      string   `json:"headline"`
	DatePublished string   `json:"datePublished"`
	Author        []Thing  `json:"author,omitempty"`
	Publisher     Thing    `json:"publisher"`
	Keywords      []string `json:"keywords,omitempty"`
}

// A Thing is a schema.org thing with a name.
type Thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// JSONLD returns the schema.org description of an entry's page, or nil
// for other pages.
func (p *Page) JSONLD() *NewsArticle {
	e := p.Entry
	if p.Kind != "entry" || e == nil {
		return nil
	}
	a := &NewsArticle{
		Context: "https://schema.org", Type: "NewsArticle",
		Headline: e.Title, DatePublished: e.Date.String(),
		Publisher: Thing{"Organization", p.Site.Config.Title},
		Keywords:  e.Tags,
	}
	if e.Byline != "" {
		a.Author = []Thing{{"Person", e.Byline}}
	}
	return a
}

// Permalink returns the page's absolute address: its canonical link.
func (p *Page) Permalink() string {
	return p.Site.AbsURL(strings.TrimSuffix(p.Path, "index.html"))
}

// DocTitle returns the window's title: the headline and the site's name.
func (p *Page) DocTitle() string {
	if p.Kind == "home" {
		return p.Site.Config.Title
	}
	return p.Title + " · " + p.Site.Config.Title
}

func (s *Site) feed(file, title, page string, entries []*Entry) *Feed {
	return &Feed{
		Path:    file,
		Title:   title,
		URL:     s.AbsURL(file),
		PageURL: s.AbsURL(page),
		Entries: entries[:min(len(entries), s.Config.FeedEntries)],
	}
}

func monthTitle(d entry.Date) string { return d.Month.String() + " " + strconv.Itoa(d.Year) }

// count writes "1 entry", "12 entries".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}
