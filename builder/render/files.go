package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"timeline/builder/entry"
	"timeline/builder/site"
)

// Atom (RFC 4287) elements, as much of them as the feeds use.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Authors    []atomPerson   `xml:"author"`
	Summary    string         `xml:"summary,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// atomTime gives a date as an Atom timestamp: its day at midnight UTC.
func atomTime(d entry.Date) string {
	return d.Time().Format("2006-01-02T15:04:05Z")
}

// Feed renders an Atom feed.
func (r *Renderer) Feed(f *site.Feed, emit Emit) error {
	a := atomFeed{
		Title:   f.Title,
		ID:      f.URL,
		Updated: atomTime(f.Updated()),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: f.URL},
			{Rel: "alternate", Type: "text/html", Href: f.PageURL},
		},
		Author: atomPerson{Name: f.Title},
	}
	for _, e := range f.Entries {
		ae := atomEntry{
			Title:     e.Title,
			ID:        e.Permalink(),
			Updated:   atomTime(e.Date),
			Published: atomTime(e.Date),
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: e.Permalink()}},
			Summary:   e.Summary,
		}
		if e.Byline != "" {
			ae.Authors = []atomPerson{{Name: e.Byline}}
		}
		for _, p := range slices.Concat(e.Countries, e.Regions) {
			ae.Categories = append(ae.Categories, atomCategory{Term: p.Code, Label: p.Name})
		}
		a.Entries = append(a.Entries, ae)
	}
	return emitXML(f.Path, a, emit)
}

type sitemap struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

func emitXML(path string, v any, emit Emit) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	b.WriteByte('\n')
	return emit(path, b.Bytes())
}

// An Extra is a file made from the whole site rather than from one page.
type Extra struct {
	Name string // its path in the site
	// Fingerprint hashes what the file holds, as site.Page.Fingerprint does.
	Fingerprint func(*site.Site) uint64
	Render      func(*site.Site, Emit) error
	// Lazy marks large files that few readers want: a preview server may
	// make them only when asked for.
	Lazy bool
}

// Extras returns the files made from the whole site: the sitemap,
// robots.txt, the data files, the search index, and what GitHub Pages
// reads: .nojekyll (serve the files as they are) and CNAME (the custom
// domain), if any.
func (r *Renderer) Extras(s *site.Site) []Extra {
	x := sitemaps(s)
	x = append(x,
		Extra{"robots.txt", constant, robotsTxt, false},
		Extra{"timeline.json", (*site.Site).EntriesFingerprint, timelineJSON, true},
		Extra{"timeline.csv", (*site.Site).EntriesFingerprint, timelineCSV, true},
		Extra{".nojekyll", constant, func(_ *site.Site, emit Emit) error { return emit(".nojekyll", nil) }, false},
	)
	x = append(x, searchExtras(s)...)
	if s.Config.CNAME != "" {
		x = append(x, Extra{"CNAME", constant, func(s *site.Site, emit Emit) error {
			return emit("CNAME", []byte(s.Config.CNAME+"\n"))
		}, false})
	}
	return x
}

// constant is the fingerprint of files that depend on the settings alone,
// which every fingerprint covers.
func constant(*site.Site) uint64 { return 0 }

// maxSitemapURLs is the most a sitemap may list (sitemaps.org); a larger
// site gets a sitemap index and several sitemaps.
const maxSitemapURLs = 50000

// sitemaps returns the sitemap, or the sitemap index and its sitemaps.
func sitemaps(s *site.Site) []Extra {
	var pages []*site.Page
	for _, p := range s.Pages {
		if p.Kind != "404" && p.Kind != "search" { // nothing on them to find
			pages = append(pages, p)
		}
	}
	if len(pages) <= maxSitemapURLs {
		return []Extra{{"sitemap.xml", (*site.Site).PagesFingerprint, func(s *site.Site, emit Emit) error {
			return emitXML("sitemap.xml", sitemapOf(pages), emit)
		}, false}}
	}
	var index sitemapIndex
	var x []Extra
	for i := 0; i*maxSitemapURLs < len(pages); i++ {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		part := pages[i*maxSitemapURLs : min(len(pages), (i+1)*maxSitemapURLs)]
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: s.AbsURL(name)})
		x = append(x, Extra{name, (*site.Site).PagesFingerprint, func(s *site.Site, emit Emit) error {
			return emitXML(name, sitemapOf(part), emit)
		}, false})
	}
	return append(x, Extra{"sitemap.xml", (*site.Site).PagesFingerprint, func(s *site.Site, emit Emit) error {
		return emitXML("sitemap.xml", index, emit)
	}, false})
}

func sitemapOf(pages []*site.Page) sitemap {
	var sm sitemap
	for _, p := range pages {
		u := sitemapURL{Loc: p.Permalink()}
		if p.Updated.Year != 0 {
			u.LastMod = p.Updated.Time().Format("2006-01-02")
		}
		sm.URLs = append(sm.URLs, u)
	}
	return sm
}

func robotsTxt(s *site.Site, emit Emit) error {
	return emit("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+s.AbsURL("sitemap.xml")+"\n"))
}

// dataEntry is one entry in timeline.json. Its places are codes, which
// the file's places table names: names on every entry would be a third of
// the file.
type dataEntry struct {
	Date      string   `json:"date"`
	Title     string   `json:"title"`
	URL       string   `json:"url"`
	Byline    string   `json:"byline,omitempty"`
	Source    string   `json:"source,omitempty"`
	SourceURL string   `json:"source_url,omitempty"`
	Countries []string `json:"countries"`
	Regions   []string `json:"regions"`
}

// timelineJSON writes every entry, for people who reuse the data:
// {"places": {code: name}, "entries": [...]}, an entry a line.
func timelineJSON(s *site.Site, emit Emit) error {
	places := map[string]string{}
	for _, e := range s.Entries {
		for _, p := range e.Countries {
			places[p.Code] = p.Name
		}
		for _, p := range e.Regions {
			places[p.Code] = p.Name
		}
	}
	b := bytes.NewBuffer(make([]byte, 0, dataSize(s)))
	b.WriteString(`{"places":`)
	if err := json.NewEncoder(b).Encode(places); err != nil { // sorted by code
		return err
	}
	b.WriteString(`,"entries":[`)
	// Entry by entry, into a buffer made large enough at once: marshalled
	// whole, the file would be copied again and again as it grew, and at
	// 100,000 entries those copies are a few hundred MB.
	for i, e := range s.Entries {
		if i > 0 {
			b.WriteByte(',')
		}
		j, err := json.Marshal(dataEntry{
			Date: e.Date.String(), Title: e.Title, URL: e.Permalink(), Byline: e.Byline,
			Source: e.Source, SourceURL: e.SourceURL,
			Countries: codes(e.Countries), Regions: codes(e.Regions),
		})
		if err != nil {
			return err
		}
		b.WriteByte('\n')
		b.Write(j)
	}
	b.WriteString("\n]}\n")
	return emit("timeline.json", b.Bytes())
}

// dataSize returns about the size of the data files: a little over, so
// that their buffers never grow.
func dataSize(s *site.Site) int {
	n := 1024
	for _, e := range s.Entries {
		n += 2*(len(e.Title)+len(e.Byline)+len(e.Source)+len(e.SourceURL)+len(e.URL)) + len(s.Config.BaseURL.String()) +
			12*(len(e.Countries)+len(e.Regions)) + 100
	}
	return n
}

// timelineCSV writes every entry as a spreadsheet's row.
func timelineCSV(s *site.Site, emit Emit) error {
	c := bytes.NewBuffer(make([]byte, 0, dataSize(s)))
	w := csv.NewWriter(c)
	w.Write([]string{"date", "title", "url", "byline", "source", "source_url", "countries", "country_names", "regions", "region_names"})
	for _, e := range s.Entries {
		w.Write(csvSafe(e.Date.String(), e.Title, e.Permalink(), e.Byline, e.Source, e.SourceURL,
			strings.Join(codes(e.Countries), ";"), names(e.Countries),
			strings.Join(codes(e.Regions), ";"), names(e.Regions)))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return emit("timeline.csv", c.Bytes())
}

func codes(ps []*site.Place) []string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Code
	}
	return s
}

func names(ps []*site.Place) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Name
	}
	return strings.Join(s, ";")
}

// csvSafe keeps spreadsheets from running a cell as a formula: a value that
// starts like one gets a leading apostrophe, which spreadsheets hide.
func csvSafe(fields ...string) []string {
	for i, f := range fields {
		if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) {
			fields[i] = "'" + f
		}
	}
	return fields
}
