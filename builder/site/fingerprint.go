package site

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
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
// sequences of fields hash alike by running together.
type printer struct{ h hash.Hash64 }

func newPrinter() printer { return printer{fnv.New64a()} }

func (p printer) str(ss ...string) {
	var n [binary.MaxVarintLen64]byte
	for _, s := range ss {
		p.h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		p.h.Write([]byte(s))
	}
}

func (p printer) num(ns ...uint64) {
	var b [8]byte
	for _, n := range ns {
		binary.LittleEndian.PutUint64(b[:], n)
		p.h.Write(b[:])
	}
}

// entry prints what a page shows of an entry.
func (p printer) entry(e *Entry) {
	if e == nil {
		p.str("-")
		return
	}
	p.num(e.Sum)
	p.str(e.Path, e.URL, e.DayText)
	for _, pl := range e.Countries {
		p.str(pl.URL, pl.Name)
	}
	p.str("|")
	for _, pl := range e.Regions {
		p.str(pl.URL, pl.Name)
	}
}

func (p printer) days(days []*Day) {
	for _, d := range days {
		p.str(d.Heading, d.URL, d.ID)
		for _, e := range d.Entries {
			p.entry(e)
		}
	}
	p.str("|")
}

func (p printer) month(m *Month) {
	if m == nil {
		p.str("-")
		return
	}
	p.str(m.Title, m.URL, strconv.Itoa(m.Count))
}

func (p printer) places(places []*Place) {
	for _, pl := range places {
		p.str(pl.URL, pl.Name, pl.FeedURL, strconv.Itoa(pl.Count()))
	}
	p.str("|")
}

// years prints the archive's outline: every year and month with counts.
func (p printer) years(years []*Year) {
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
	p.str(pg.Kind, pg.Path, pg.URL, pg.Title, pg.Description, pg.Updated.String(), pg.FeedURL)
	for _, c := range pg.Crumbs {
		p.str(c.Name, c.URL)
	}
	p.str("|")
	p.days(pg.Days)
	switch pg.Kind {
	case "entry":
		p.entry(pg.Entry)
		for _, n := range []*Entry{pg.Entry.Newer, pg.Entry.Older} {
			if n != nil {
				p.str(n.URL, n.Title)
			}
			p.str("|")
		}
	case "month":
		p.month(pg.Month.Newer)
		p.month(pg.Month.Older)
	case "year":
		for _, m := range pg.Year.Months {
			p.month(m)
		}
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
	case "region":
		if c := pg.Place.Country; c != nil {
			p.str(c.URL, c.Name)
		}
	}
	return p.h.Sum64()
}

// Fingerprint returns a hash of everything the feed holds.
func (f *Feed) Fingerprint() uint64 {
	p := newPrinter()
	p.str(f.Path, f.Title, f.URL, f.PageURL)
	for _, e := range f.Entries {
		p.entry(e)
		p.str(e.Permalink)
	}
	return p.h.Sum64()
}

// PagesFingerprint returns a hash of every page's address and date: what
// the sitemap holds.
func (s *Site) PagesFingerprint() uint64 {
	p := newPrinter()
	for _, pg := range s.Pages {
		p.str(pg.Kind, pg.Permalink, pg.Updated.String())
	}
	return p.h.Sum64()
}

// EntriesFingerprint returns a hash of every entry and its places: what the
// data files hold.
func (s *Site) EntriesFingerprint() uint64 {
	p := newPrinter()
	for _, e := range s.Entries {
		p.entry(e)
		p.str(e.Permalink)
	}
	return p.h.Sum64()
}
