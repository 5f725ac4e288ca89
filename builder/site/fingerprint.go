package site

import (
	"encoding/binary"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
)

// Fingerprints let a build that follows an edit render only the pages the
// edit changed. A page's fingerprint hashes everything its template is
// given to show: its own fields, and for each entry it lists, what lists
// show of the entry (see entryPrint); an entry's own page adds its Sum, a
// hash of its whole file.
// A page whose fingerprint is unchanged would render to the same bytes,
// provided nothing else the build depends on changed (settings, templates,
// gazetteer, assets): the builder hashes those once and mixes them in.
//
// Fingerprints cover what the shipped templates show. A template that
// reaches for more of the Site (say, every country's count on every entry
// page) needs its page kind's fingerprint to cover that too.

// printer hashes fields in order, each length-prefixed so that no two
// sequences of fields hash alike by running together. It uses maphash,
// which is fast: a fingerprint is taken of every page at every update.
// Its hashes differ from process to process, which is fine: fingerprints
// are compared within one process only, and never stored.
type printer struct{ h maphash.Hash }

var seed = maphash.MakeSeed()

func newPrinter() *printer {
	p := new(printer)
	p.h.SetSeed(seed)
	return p
}

func (p *printer) str(ss ...string) {
	for _, s := range ss {
		p.num(uint64(len(s)))
		p.h.WriteString(s)
	}
}

func (p *printer) num(ns ...uint64) {
	var b [8]byte
	for _, n := range ns {
		binary.LittleEndian.PutUint64(b[:], n)
		p.h.Write(b[:])
	}
}

func (p *printer) sum() uint64 { return p.h.Sum64() }

// entry prints what a page shows of an entry.
func (p *printer) entry(e *Entry) {
	if e == nil {
		p.str("-")
		return
	}
	p.num(e.print)
}

// Print returns a hash of the site's settings: what the parts every page
// shares (its masthead, its footer) show.
func (s *Site) Print() uint64 { return s.print }

func configPrint(c Config) uint64 {
	p := newPrinter()
	p.str(c.Title, c.Description, c.BaseURL.String(), c.Language, c.CNAME, strconv.Itoa(c.Related))
	for _, k := range slices.Sorted(maps.Keys(c.Assets)) {
		p.str(k, c.Assets[k])
	}
	return p.sum()
}

// Print returns a hash of what any page but its own shows of the entry:
// two entries, or one entry in two models, with the same Print look the
// same in lists.
func (e *Entry) Print() uint64 { return e.print }

// entryPrint hashes what lists, feeds and data files show of an entry:
// not its body, so that an edit to the body changes its own page only.
func entryPrint(e *Entry) uint64 {
	var p printer // on the stack: there is one for every entry
	p.h.SetSeed(seed)
	p.str(e.Path, e.URL, e.Date.String(), e.DateText, e.DayText, e.Title, e.Teaser, e.Summary, e.Byline, e.Source, e.SourceURL)
	for _, pl := range e.Countries {
		p.str(pl.URL, pl.Code, pl.Name)
	}
	p.str("|")
	for _, pl := range e.Regions {
		p.str(pl.URL, pl.Code, pl.Name)
	}
	p.str("|")
	for _, pl := range e.Lead {
		p.str(pl.URL)
	}
	return p.sum()
}

func (p *printer) days(days []*Day) {
	for _, d := range days {
		p.str(d.Heading, d.URL, d.ID)
		for _, c := range d.Earlier {
			p.str(c.Name, c.URL)
		}
		for _, e := range d.Entries {
			p.entry(e)
		}
	}
	p.str("|")
}

func (p *printer) span(sp *Span) {
	if sp == nil {
		p.str("-")
		return
	}
	p.str(sp.Title, sp.URL, strconv.Itoa(sp.Count))
}

func (p *printer) places(places []*Place) {
	for _, pl := range places {
		p.str(pl.URL, pl.Name, pl.FeedURL, strconv.Itoa(pl.Count()))
	}
	p.str("|")
}

func (p *printer) spans(spans []*Span) {
	for _, sp := range spans {
		p.span(sp)
	}
	p.str("|")
}

// chart prints what a chart shows: its bars' addresses and labels, and
// its ticks.
func (p *printer) chart(c *Chart) {
	if c == nil {
		p.str("-")
		return
	}
	for _, b := range c.Bars {
		p.str(b.URL, b.Label)
	}
	for _, t := range c.Ticks {
		p.str(t.Label)
	}
	p.str("|")
}

// years prints the archive's outline: every year and month with counts.
func (p *printer) years(years []*Year) {
	for _, y := range years {
		p.str(y.URL, strconv.Itoa(y.Count))
		p.spans(y.Months)
	}
	p.str("|")
}

// Fingerprint returns a hash of everything the page shows.
func (pg *Page) Fingerprint() uint64 {
	p := newPrinter()
	if e := pg.Entry; pg.Kind == "entry" {
		// All an entry's page shows comes from the entry, the whole of
		// its file, and its neighbours' and related entries' addresses
		// and headlines.
		p.str("entry", pg.Description)
		p.num(e.print, e.Sum)
		for _, n := range []*Entry{e.Newer, e.Older} {
			p.entry(n)
		}
		for _, r := range e.Related() {
			p.entry(r)
		}
		return p.sum()
	}
	p.str(pg.Kind, pg.Path, pg.Title, pg.Description, pg.Updated.String(), pg.FeedURL)
	for _, c := range pg.Crumbs {
		p.str(c.Name, c.URL)
	}
	p.str("|")
	p.days(pg.Days)
	if m := pg.Map(); m != nil {
		for _, r := range m.Regions {
			p.str(r.URL, r.Title, strconv.Itoa(r.Shade), strconv.FormatBool(r.Current))
		}
		p.str("|")
	}
	switch pg.Kind {
	case "month", "span":
		p.span(pg.Span.Newer)
		p.span(pg.Span.Older)
	case "year":
		p.spans(pg.Year.Months)
	case "home", "archive":
		p.years(pg.Site.Years)
		if sp := pg.Site.Span(); sp != nil { // the date jump's range
			p.str(sp.First.String(), sp.Last.String())
		}
		if c := pg.Site.Chart(); c != nil && pg.Kind == "home" {
			p.chart(c)
		}
	case "countries":
		p.places(pg.Places)
	case "regions":
		for _, c := range pg.Site.Countries {
			p.str(c.URL, c.Name)
			p.places(c.Regions)
		}
	case "country":
		p.places(pg.Place.Regions)
		p.spans(pg.Place.Weeks) // and so its chart, made of them
		p.spans(pg.Place.Undated)
	case "region":
		if c := pg.Place.Country; c != nil {
			p.str(c.URL, c.Name)
		}
		p.spans(pg.Place.Weeks)
		p.spans(pg.Place.Undated)
	}
	return p.sum()
}

// Fingerprint returns a hash of everything the feed holds.
func (f *Feed) Fingerprint() uint64 {
	p := newPrinter()
	p.str(f.Path, f.Title, f.URL, f.PageURL)
	for _, e := range f.Entries {
		p.entry(e)
	}
	return p.sum()
}

// PagesFingerprint returns a hash of every page's address and date: what
// the sitemap holds. Replace changes neither, so it is worked out once.
func (s *Site) PagesFingerprint() uint64 {
	s.pagesPrintOnce.Do(func() {
		p := newPrinter()
		for _, pg := range s.Pages {
			p.str(pg.Kind, pg.Path)
			p.num(uint64(pg.Updated.Year), uint64(pg.Updated.Month), uint64(pg.Updated.Day))
		}
		s.pagesPrint = p.sum()
	})
	return s.pagesPrint
}

// EntriesFingerprint returns a hash of every entry and its places: what the
// data files hold.
func (s *Site) EntriesFingerprint() uint64 {
	p := newPrinter()
	for _, e := range s.Entries {
		p.entry(e)
	}
	return p.sum()
}
