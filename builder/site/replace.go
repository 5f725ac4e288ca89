package site

import "slices"

// Replace puts p's entry in the place of the entry of the same file, when
// the change leaves the site's shape as it was: the entry keeps its date,
// headline, slug, places and publication, and so its address and its
// place in every list. It returns the pages and feeds that show the entry,
// whose content may have changed with it; the rest of the site is as it
// was.
//
// Replace is how the preview server keeps up with an editor working on an
// article's text: New, which works the site out again from every entry,
// takes a second at 100,000 entries, and Replace a few milliseconds. It
// returns ok == false, and changes nothing, when the change reshapes the
// site: then New must build it again.
func (s *Site) Replace(p Placed) (pages []*Page, feeds []*Feed, ok bool) {
	i := slices.IndexFunc(s.Entries, func(e *Entry) bool { return e.Path == p.Entry.Path })
	if i < 0 {
		return nil, nil, false
	}
	e := s.Entries[i]
	old, now := e.Entry, p.Entry
	if old.Date != now.Date || old.Title != now.Title || old.FrontMatterSlug != now.FrontMatterSlug || old.Draft != now.Draft ||
		!slices.Equal(e.places.Countries, p.Places.Countries) || !slices.Equal(e.places.Regions, p.Places.Regions) {
		return nil, nil, false
	}

	k := p.know(s.Config.WarStart)
	e.Entry, e.places, e.known, e.Teaser = now, p.Places, k, k.teaser
	e.Lead = nil
	for _, code := range p.Places.Lead {
		for _, pl := range slices.Concat(e.Regions, e.Countries) {
			if pl.Code == code {
				e.Lead = append(e.Lead, pl)
				break
			}
		}
	}
	e.print = entryPrint(e)

	for _, pg := range s.Pages {
		switch {
		case pg.Entry == e:
			pg.Description = k.description
			pages = append(pages, pg)
		case slices.ContainsFunc(pg.Days, func(d *Day) bool { return slices.Contains(d.Entries, e) }):
			pages = append(pages, pg)
		}
	}
	for _, f := range s.Feeds {
		if slices.Contains(f.Entries, e) {
			feeds = append(feeds, f)
		}
	}
	return pages, feeds, true
}
