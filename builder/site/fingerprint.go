package site

import (
	"encoding/binary"
	"hash/maphash"
	"strconv"
)

// Fingerprints let a build that follows an edit render only the pages the
// edit changed. A page's fingerprint hashes everything its template is
// given to show: its own fields, and for each entry it lists, the entry's
// Sum (a hash of its file) with the addresses and names the model gave it.
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

// Print returns a hash of what any page shows of the entry: two entries,
// or one entry in two models, with the same Print look the same in lists.
func (e *Entry) Print() uint64 { return e.print }

// entryPrint hashes what any page shows of an entry: its file's Sum, and
// the addresses and names the model gave it and its places.
func entryPrint(e *Entry) uint64 {
	var p printer
	p.h.SetSeed(seed)
	p.num(e.Sum)
	p.str(e.Path, e.URL, e.DayText, e.Title)
	for _, pl := range e.Countries {
		p.str(pl.URL, pl.Name)
	}
	p.str("|")
	for _, pl := range e.Regions {
		p.str(pl.URL, pl.Name)
	}
	return p.sum()
}

func (p *printer) days(days []*Day) {
	for _, d := range days {
		p.str(d.Heading, d.URL, d.ID)
		for _, e := range d.Entries {
			p.entry(e)
		}
	}
	p.str("|")
}

func (p *printer) month(m *Month) {
	if m == nil {
		p.str("-")
		return
	}
	p.str(m.Title, m.URL, strconv.Itoa(m.Count))
}

func (p *printer) places(places []*Place) {
	for _, pl := range places {
		p.str(pl.URL, pl.Name, pl.FeedURL, strconv.Itoa(pl.Count()))
	}
	p.str("|")
}

func (p *printer) months(months []*Month) {
	for _, m := range months {
		p.month(m)
	}
	p.str("|")
}

// years prints the archive's outline: every year and month with counts.
func (p *printer) years(years []*Year) {
	for _, y := range years {
		p.str(y.URL, strconv.Itoa(y.Count))
		for _, m := range y.Months {
			p.month(m)
		}
	}
	p.str("|")
}

// Fingerprint returns a hash of everything the page shows.
func (pg *Page) Fingerprint() uint64 {
	p := newPrinter()
	if e := pg.Entry; pg.Kind == "entry" {
		// All an entry's page shows comes from the entry and its
		// neighbours' addresses and headlines.
		p.str("entry")
		p.num(e.print)
		for _, n := range []*Entry{e.Newer, e.Older} {
			p.entry(n)
		}
		return p.sum()
	}
	p.str(pg.Kind, pg.Path, pg.Title, pg.Description, pg.Updated.String(), pg.FeedURL)
	for _, c := range pg.Crumbs {
		p.str(c.Name, c.URL)
	}
	p.str("|")
	p.days(pg.Days)
	switch pg.Kind {
	case "month":
		p.month(pg.Month.Newer)
		p.month(pg.Month.Older)
	case "year":
		p.months(pg.Year.Months)
	case "home", "archive":
		p.years(pg.Site.Years)
	case "countries":
		p.places(pg.Places)
	case "regions":
		for _, c := range pg.Site.Countries {
			p.str(c.URL, c.Name)
			p.places(c.Regions)
		}
	case "country":
		p.places(pg.Place.Regions)
		p.months(pg.Place.Months)
	case "region":
		if c := pg.Place.Country; c != nil {
			p.str(c.URL, c.Name)
		}
		p.months(pg.Place.Months)
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
// the sitemap holds.
func (s *Site) PagesFingerprint() uint64 {
	p := newPrinter()
	for _, pg := range s.Pages {
		p.str(pg.Kind, pg.Path, pg.Updated.String())
	}
	return p.sum()
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
