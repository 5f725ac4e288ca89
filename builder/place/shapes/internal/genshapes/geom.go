package main

import (
	"container/heap"
	"math"
	"strconv"
)

// pt is a point in the map's coordinates: x to the right, y down.
type pt struct{ x, y float64 }

func (p pt) sub(q pt) pt { return pt{p.x - q.x, p.y - q.y} }

func dist(p, q pt) float64 { return math.Hypot(p.x-q.x, p.y-q.y) }

// albers is the spherical Albers equal-area conic projection with standard
// parallels lat1 and lat2 and central meridian lon0, in degrees. It returns
// x east and y north, in Earth radii.
type albers struct{ n, c, lon0 float64 }

func newAlbers(lat1, lat2, lon0 float64) albers {
	s1, s2 := sin(lat1), sin(lat2)
	n := (s1 + s2) / 2
	return albers{n: n, c: cos(lat1)*cos(lat1) + 2*n*s1, lon0: lon0}
}

func (a albers) project(p lonLat) (x, y float64) {
	rho := math.Sqrt(a.c-2*a.n*sin(p.lat)) / a.n
	theta := a.n * (p.lon - a.lon0) * math.Pi / 180
	return rho * math.Sin(theta), -rho * math.Cos(theta)
}

func sin(deg float64) float64 { return math.Sin(deg * math.Pi / 180) }
func cos(deg float64) float64 { return math.Cos(deg * math.Pi / 180) }

// A projection takes positions in degrees to the map's coordinates: the
// Albers projection, then a scale and a shift that put the frame in the
// viewBox with y down.
type projection struct {
	albers
	scale, x0, y0 float64
}

func (p *projection) point(q lonLat) pt {
	x, y := p.project(q)
	return pt{(x - p.x0) * p.scale, (p.y0 - y) * p.scale}
}

// simplify is Douglas–Peucker: it keeps the ends of line and drops the
// points within eps of the line the kept points make.
func simplify(line []pt, eps float64) []pt {
	if len(line) < 3 {
		return append([]pt(nil), line...)
	}
	keep := make([]bool, len(line))
	keep[0], keep[len(line)-1] = true, true
	type span struct{ i, j int }
	stack := []span{{0, len(line) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		far, farD := -1, eps
		for k := s.i + 1; k < s.j; k++ {
			if d := segDist(line[k], line[s.i], line[s.j]); d > farD {
				far, farD = k, d
			}
		}
		if far >= 0 {
			keep[far] = true
			stack = append(stack, span{s.i, far}, span{far, s.j})
		}
	}
	var out []pt
	for k, p := range line {
		if keep[k] {
			out = append(out, p)
		}
	}
	return out
}

// closest returns the point of segment ab closest to p and its place on the
// segment (0 at a, 1 at b).
func closest(p, a, b pt) (pt, float64) {
	d := b.sub(a)
	l2 := d.x*d.x + d.y*d.y
	if l2 == 0 {
		return a, 0
	}
	t := ((p.x-a.x)*d.x + (p.y-a.y)*d.y) / l2
	t = math.Max(0, math.Min(1, t))
	return pt{a.x + t*d.x, a.y + t*d.y}, t
}

func segDist(p, a, b pt) float64 {
	q, _ := closest(p, a, b)
	return dist(p, q)
}

// A polyline is a line of the master outline that other shapes are snapped
// to, with the length along it at each vertex.
type polyline struct {
	pts    []pt
	cum    []float64
	closed bool // last point equals first
	min    pt
	max    pt
}

func newPolyline(pts []pt) *polyline {
	l := &polyline{pts: pts, cum: make([]float64, len(pts)), min: pts[0], max: pts[0]}
	for i := 1; i < len(pts); i++ {
		l.cum[i] = l.cum[i-1] + dist(pts[i-1], pts[i])
	}
	for _, p := range pts {
		l.min = pt{math.Min(l.min.x, p.x), math.Min(l.min.y, p.y)}
		l.max = pt{math.Max(l.max.x, p.x), math.Max(l.max.y, p.y)}
	}
	l.closed = len(pts) > 2 && pts[0] == pts[len(pts)-1]
	return l
}

// add adds a line to the master.
func (m *master) add(pts []pt) {
	m.lines = append(m.lines, newPolyline(pts))
	m.meets = nil
}

func (l *polyline) length() float64 { return l.cum[len(l.cum)-1] }

// A foot is where a point lands on the master: the line, the segment
// (from vertex seg to seg+1), the point, its length along the line, and its
// distance from the point snapped.
type foot struct {
	line, seg int
	at        pt
	s, d      float64
}

// A master is the set of lines other layers are snapped to.
type master struct {
	lines []*polyline
	meets map[[2]int][][2]foot // where line a meets line b: feet on a and b
}

// nearest returns the foot on the master closest to p, if one is within tol.
func (m *master) nearest(p pt, tol float64) (foot, bool) {
	best := foot{d: math.Inf(1)}
	for li := range m.lines {
		if f, ok := m.on(li, p, tol); ok && f.d < best.d {
			best = f
		}
	}
	return best, best.d <= tol
}

// along returns the signed length from foot a to foot b along their line,
// the short way round on a closed line.
func (m *master) along(a, b foot) float64 {
	l := m.lines[a.line]
	d := b.s - a.s
	if l.closed {
		L := l.length()
		if d > L/2 {
			d -= L
		} else if d < -L/2 {
			d += L
		}
	}
	return d
}

// path returns the master's line from foot a to foot b, going forward
// (the way the line's points run) if fwd: a's point, the line's vertices
// passed on the way, b's point.
func (m *master) path(a, b foot, fwd bool) []pt {
	l := m.lines[a.line]
	last := len(l.pts) - 2 // the last segment
	out := []pt{a.at}
	for k, n := a.seg, 0; k != b.seg && n <= last; n++ {
		if fwd {
			out = append(out, l.pts[k+1])
			if k++; k > last {
				if !l.closed {
					break
				}
				k = 0
			}
		} else {
			out = append(out, l.pts[k])
			if k--; k < 0 {
				if !l.closed {
					break
				}
				k = last
			}
		}
	}
	return dedupe(append(out, b.at))
}

// snap moves the stretches of line that run along the master onto it: each
// run of points within tol of one master line, whose feet follow one another
// along it, is replaced by the master's own points between the run's first
// and last feet. Shared borders then have the same points on both sides.
// Where line goes from one master line to another (along Ukraine's border,
// then Russia's), the two runs meet at the point where the master lines
// meet, so no sliver opens between them.
func (m *master) snap(line []pt, tol float64) []pt {
	feet := make([]foot, len(line))
	near := make([]bool, len(line))
	for i, p := range line {
		feet[i], near[i] = m.nearest(p, tol)
	}
	var out []pt
	var next *foot // where the next run starts, if not at its first point's foot
	for i := 0; i < len(line); {
		if !near[i] {
			out = append(out, line[i])
			next = nil
			i++
			continue
		}
		first := feet[i]
		if next != nil {
			first, next = *next, nil
		}
		j, total := i, m.along(first, feet[i])
		for j+1 < len(line) && near[j+1] && feet[j+1].line == feet[i].line {
			d := m.along(feet[j], feet[j+1])
			if math.Abs(d) > 2*dist(line[j], line[j+1])+2*tol {
				break // the feet jump: the line leaves the master between them
			}
			total += d
			j++
		}
		last := feet[j]
		if j+1 < len(line) && near[j+1] && feet[j+1].line != feet[i].line {
			if a, b, ok := m.junction(feet[i].line, feet[j+1].line, line[j], line[j+1], tol); ok {
				total += m.along(last, a)
				last, next = a, &b
			}
		}
		if first == last {
			out = append(out, first.at)
		} else {
			out = append(out, m.path(first, last, total >= 0)...)
		}
		i = j + 1
	}
	return dedupe(out)
}

// junction returns the point where master lines a and b meet that is the
// nearest way round from p to q, within tol of them, as feet on a and b.
func (m *master) junction(a, b int, p, q pt, tol float64) (foot, foot, bool) {
	if m.meets == nil {
		m.meets = map[[2]int][][2]foot{}
		for lb, l := range m.lines {
			for k, v := range l.pts {
				fb := foot{line: lb, seg: min(k, len(l.pts)-2), at: v, s: l.cum[k]}
				for la := range m.lines {
					if la == lb {
						continue
					}
					if fa, ok := m.on(la, v, 1e-9); ok {
						fa.at = v
						m.meets[[2]int{la, lb}] = append(m.meets[[2]int{la, lb}], [2]foot{fa, fb})
					}
				}
			}
		}
	}
	best, bestD := [2]foot{}, math.Inf(1)
	for _, f := range m.meets[[2]int{a, b}] {
		v := f[0].at
		if d := dist(p, v) + dist(v, q); d < bestD && d <= dist(p, q)+2*tol {
			best, bestD = f, d
		}
	}
	return best[0], best[1], !math.IsInf(bestD, 1)
}

// on returns the foot of p on master line li, if p is within tol of it.
func (m *master) on(li int, p pt, tol float64) (foot, bool) {
	l := m.lines[li]
	if p.x < l.min.x-tol || p.x > l.max.x+tol || p.y < l.min.y-tol || p.y > l.max.y+tol {
		return foot{}, false
	}
	best := foot{d: math.Inf(1)}
	for i := 0; i+1 < len(l.pts); i++ {
		q, t := closest(p, l.pts[i], l.pts[i+1])
		if d := dist(p, q); d < best.d {
			best = foot{line: li, seg: i, at: q, s: l.cum[i] + t*(l.cum[i+1]-l.cum[i]), d: d}
		}
	}
	return best, best.d <= tol
}

// dedupe drops points equal to the one before.
func dedupe(line []pt) []pt {
	var out []pt
	for i, p := range line {
		if i == 0 || p != out[len(out)-1] {
			out = append(out, p)
		}
	}
	return out
}

// clip is Sutherland–Hodgman: it cuts ring (closed, last point not
// repeated) to the rectangle [0,w]×[0,h]. Parts of the ring outside become
// runs along the rectangle's edges, which add no area.
func clip(ring []pt, w, h float64) []pt {
	type edge struct {
		in  func(pt) bool
		cut func(a, b pt) pt
	}
	cutX := func(x float64) func(a, b pt) pt {
		return func(a, b pt) pt { return pt{x, a.y + (b.y-a.y)*(x-a.x)/(b.x-a.x)} }
	}
	cutY := func(y float64) func(a, b pt) pt {
		return func(a, b pt) pt { return pt{a.x + (b.x-a.x)*(y-a.y)/(b.y-a.y), y} }
	}
	edges := []edge{
		{func(p pt) bool { return p.x >= 0 }, cutX(0)},
		{func(p pt) bool { return p.x <= w }, cutX(w)},
		{func(p pt) bool { return p.y >= 0 }, cutY(0)},
		{func(p pt) bool { return p.y <= h }, cutY(h)},
	}
	out := ring
	for _, e := range edges {
		in := out
		out = nil
		for i, cur := range in {
			prev := in[(i+len(in)-1)%len(in)]
			switch {
			case e.in(cur) && e.in(prev):
				out = append(out, cur)
			case e.in(cur):
				out = append(out, e.cut(prev, cur), cur)
			case e.in(prev):
				out = append(out, e.cut(prev, cur))
			}
		}
	}
	return out
}

// ipt is a point rounded to the map's whole units.
type ipt struct{ x, y int }

// area2 is twice the ring's signed area: positive when the ring runs
// clockwise on screen (y down).
func area2(r []ipt) int {
	a := 0
	for i, p := range r {
		q := r[(i+1)%len(r)]
		a += p.x*q.y - q.x*p.y
	}
	return a
}

// round rounds a closed ring (last point not repeated) to whole units and
// drops repeated points, points on a straight stretch and spikes.
func round(ring []pt) []ipt {
	var r []ipt
	for _, p := range ring {
		q := ipt{int(math.Round(p.x)), int(math.Round(p.y))}
		if len(r) == 0 || q != r[len(r)-1] {
			r = append(r, q)
		}
	}
	for changed := true; changed && len(r) > 2; {
		changed = false
		for i := 0; i < len(r) && len(r) > 2; i++ {
			prev, next := r[(i+len(r)-1)%len(r)], r[(i+1)%len(r)]
			cur := r[i]
			if cur == prev || collinear(prev, cur, next) {
				r = append(r[:i], r[i+1:]...)
				changed = true
				i--
			}
		}
	}
	return r
}

// collinear reports whether a, b and c lie on one line: then b adds no
// area, whether it lies between a and c or is the tip of a spike.
func collinear(a, b, c ipt) bool {
	return (b.x-a.x)*(c.y-a.y)-(b.y-a.y)*(c.x-a.x) == 0
}

// pathData writes rings as SVG path data: an absolute move to each ring's
// first point, then relative lines, then a close.
func pathData(rings [][]ipt) string {
	var b []byte
	num := func(v int, first bool) {
		if !first && v >= 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	for _, r := range rings {
		b = append(b, 'M')
		num(r[0].x, true)
		num(r[0].y, false)
		b = append(b, 'l')
		for i := 1; i < len(r); i++ {
			num(r[i].x-r[i-1].x, i == 1)
			num(r[i].y-r[i-1].y, false)
		}
		b = append(b, 'z')
	}
	return string(b)
}

// inside reports whether p is inside the rings by the even-odd rule.
func inside(p pt, rings [][]pt) bool {
	in := false
	for _, r := range rings {
		for i, a := range r {
			b := r[(i+1)%len(r)]
			if (a.y > p.y) != (b.y > p.y) && p.x < a.x+(p.y-a.y)*(b.x-a.x)/(b.y-a.y) {
				in = !in
			}
		}
	}
	return in
}

// edgeDist is the distance from p to the nearest edge of the rings, negative
// outside them.
func edgeDist(p pt, rings [][]pt) float64 {
	d := math.Inf(1)
	for _, r := range rings {
		for i, a := range r {
			d = math.Min(d, segDist(p, a, r[(i+1)%len(r)]))
		}
	}
	if !inside(p, rings) {
		d = -d
	}
	return d
}

// A cell is a square of the label search: its centre, half its side, the
// distance from its centre to the shape's edge, and the most any point in it
// could have.
type cell struct {
	c       pt
	h, d, m float64
}

func newCell(c pt, h float64, rings [][]pt) cell {
	d := edgeDist(c, rings)
	return cell{c, h, d, d + h*math.Sqrt2}
}

type cells []cell

func (q cells) Len() int           { return len(q) }
func (q cells) Less(i, j int) bool { return q[i].m > q[j].m }
func (q cells) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cells) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cells) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// label returns the pole of inaccessibility of the rings, the point inside
// them farthest from their edges, to within precision: the best place for a
// label (Mapbox's polylabel algorithm).
func label(rings [][]pt, precision float64) pt {
	lo, hi := rings[0][0], rings[0][0]
	for _, r := range rings {
		for _, p := range r {
			lo = pt{math.Min(lo.x, p.x), math.Min(lo.y, p.y)}
			hi = pt{math.Max(hi.x, p.x), math.Max(hi.y, p.y)}
		}
	}
	size := math.Min(hi.x-lo.x, hi.y-lo.y)
	if size == 0 {
		return lo
	}
	h := size / 2
	q := &cells{}
	for x := lo.x; x < hi.x; x += size {
		for y := lo.y; y < hi.y; y += size {
			heap.Push(q, newCell(pt{x + h, y + h}, h, rings))
		}
	}
	// Start from the centroid of the first ring, as polylabel does.
	best := newCell(centroid(rings[0]), 0, rings)
	if c := newCell(pt{(lo.x + hi.x) / 2, (lo.y + hi.y) / 2}, 0, rings); c.d > best.d {
		best = c
	}
	for q.Len() > 0 {
		c := heap.Pop(q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.m-best.d <= precision {
			continue
		}
		h := c.h / 2
		for _, d := range []pt{{-h, -h}, {h, -h}, {-h, h}, {h, h}} {
			heap.Push(q, newCell(pt{c.c.x + d.x, c.c.y + d.y}, h, rings))
		}
	}
	return best.c
}

func centroid(r []pt) pt {
	var a, x, y float64
	for i, p := range r {
		q := r[(i+1)%len(r)]
		f := p.x*q.y - q.x*p.y
		a += f
		x += (p.x + q.x) * f
		y += (p.y + q.y) * f
	}
	if a == 0 {
		return r[0]
	}
	return pt{x / (3 * a), y / (3 * a)}
}
