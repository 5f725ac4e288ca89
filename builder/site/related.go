package site

import (
	"cmp"
	"slices"
	"time"
)

// DefaultRelated is how many related entries an entry's page lists
// unless site.toml says otherwise. Three cost about 780 bytes of every
// entry page: 78 MB of a site of 100,000, which GitHub Pages would have
// under 1 GB.
const DefaultRelated = 3

// Related returns the entries nearest in date to e that share a region
// with it (a country, when it has no region), nearest first: what a
// reader of e reads next about the same place. The same model gives the
// same list.
func (e *Entry) Related() []*Entry {
	n := e.site.Config.Related
	if n == 0 {
		return nil
	}
	places := e.Regions
	if len(places) == 0 {
		places = e.Countries
	}
	var near []*Entry
	for _, p := range places {
		// p.Entries is in timeline order, e among them: its neighbours
		// there are the place's entries nearest in date.
		i, found := slices.BinarySearchFunc(p.Entries, e, cmpTimeline)
		if !found {
			continue
		}
		lo, hi := max(0, i-n), min(len(p.Entries), i+n+1)
		for _, o := range p.Entries[lo:hi] {
			if o != e && !slices.Contains(near, o) {
				near = append(near, o)
			}
		}
	}
	t := e.Date.Time()
	apart := func(o *Entry) time.Duration { return max(o.Date.Time().Sub(t), t.Sub(o.Date.Time())) }
	slices.SortFunc(near, func(a, b *Entry) int {
		return cmp.Or(cmp.Compare(apart(a), apart(b)), cmpTimeline(a, b))
	})
	return near[:min(len(near), n)]
}
