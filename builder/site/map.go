package site

import (
	"fmt"
	"math"

	"timeline/builder/place/shapes"
)

// A Map is the map of the war's theatre as a page shows it: each region
// shaded by its count of entries, a link to its page; the neighbouring
// countries drawn beneath for their outlines only. The templates draw it
// as SVG, and list the same links in words for those who do not see it.
type Map struct {
	Width, Height int
	Context       []string // outlines of the neighbouring countries, as SVG path data
	Regions       []MapRegion
	// Current is the page's own region, if it is one of Regions: drawn
	// last, so that its outline is on top of its neighbours'.
	Current     *MapRegion
	Legend      []MapStep // the scale, lightest first
	Attribution string
}

// A MapRegion is one region on the map.
type MapRegion struct {
	Name    string
	Path    string // SVG path data
	URL     string // its page; "" when it has no entries, and no page
	Count   int
	Title   string // "Kharkiv Oblast: 798 entries"
	Shade   int    // 0 for no entries, else 1 to mapShades
	Current bool   // the page is the region's own
}

// A MapStep is one shade of the legend and the counts it stands for.
type MapStep struct {
	Shade int
	Label string // "5–15"
}

// mapShades is the number of shades of the scale.
const mapShades = 5

// Map returns the theatre map with the region current (a code, or "")
// marked as the page's own, or nil when no region on it has entries.
// Every page that shows it shows the same shading: the counts of all
// regions.
func (s *Site) Map(current string) *Map {
	theatre := shapes.Theatre()
	m := &Map{Width: theatre.Width, Height: theatre.Height, Attribution: shapes.Attribution}
	for _, c := range theatre.Context {
		m.Context = append(m.Context, c.Path)
	}
	pages := map[string]*Place{}
	most := 0
	for _, r := range s.Regions {
		pages[r.Code] = r
		if _, ok := theatre.Region(r.Code); ok {
			most = max(most, r.Count())
		}
	}
	if most == 0 {
		return nil
	}
	bounds := shadeBounds(most)
	for _, sh := range theatre.Regions {
		r := MapRegion{Name: s.gazetteer.Region(sh.Code).Name, Path: sh.Path, Current: sh.Code == current}
		if p := pages[sh.Code]; p != nil {
			r.Name, r.URL, r.Count = p.Name, p.URL, p.Count()
			for r.Shade = 1; r.Shade < mapShades && r.Count > bounds[r.Shade-1]; r.Shade++ {
			}
		}
		r.Title = r.Name + ": " + plural(r.Count, "entry", "entries")
		m.Regions = append(m.Regions, r)
	}
	for i := range m.Regions {
		if m.Regions[i].Current {
			m.Current = &m.Regions[i]
		}
	}
	lo := 1
	for i, hi := range bounds {
		if hi < lo {
			continue // a small count leaves some shades unused
		}
		label := Thousands(hi)
		if hi > lo {
			label = fmt.Sprintf("%s–%s", Thousands(lo), Thousands(hi))
		}
		m.Legend = append(m.Legend, MapStep{Shade: i + 1, Label: label})
		lo = hi + 1
	}
	return m
}

// shadeBounds returns the highest count of each shade, the last being
// most: a geometric scale, since a few regions near the front have
// many times the entries of the rest, and a linear one would leave the
// rest all in one shade. Under mapShades, each count has a shade of its
// own, the darkest shades, so that a region with entries never looks
// like one without.
func shadeBounds(most int) []int {
	bounds := make([]int, mapShades)
	for i := range bounds {
		if most < mapShades {
			bounds[i] = max(0, most-(mapShades-1-i))
		} else {
			bounds[i] = int(math.Ceil(math.Pow(float64(most), float64(i+1)/mapShades)))
		}
	}
	bounds[mapShades-1] = most
	return bounds
}

// Map returns the theatre map the page shows, or nil. The home page and
// the regions page show it; so do the page of a country with regions on
// it, and that of a region on it, which is marked.
func (pg *Page) Map() *Map {
	theatre := shapes.Theatre()
	switch pg.Kind {
	case "home", "regions":
		return pg.Site.Map("")
	case "country":
		for _, r := range pg.Place.Regions {
			if _, ok := theatre.Region(r.Code); ok {
				return pg.Site.Map("")
			}
		}
	case "region":
		if _, ok := theatre.Region(pg.Place.Code); ok {
			return pg.Site.Map(pg.Place.Code)
		}
	}
	return nil
}
