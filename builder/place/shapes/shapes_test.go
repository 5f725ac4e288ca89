package shapes

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var regionCodes = []string{
	"RU-BEL", "RU-BRY", "RU-KDA", "RU-KRS", "RU-ROS", "RU-VOR",
	"UA-05", "UA-07", "UA-09", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26",
	"UA-30", "UA-32", "UA-35", "UA-40", "UA-43", "UA-46", "UA-48", "UA-51", "UA-53",
	"UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68", "UA-71", "UA-74", "UA-77",
}

type point struct{ x, y float64 }

// rings decodes SVG path data into rings of absolute points. It knows the
// commands a polygon needs (M m L l H h V v Z z) and fails on others.
func rings(d string) ([][]point, error) {
	var out [][]point
	var cur []point
	var pos, start point
	cmd := byte(0)
	i := 0
	number := func() (float64, error) {
		for i < len(d) && (d[i] == ' ' || d[i] == ',') {
			i++
		}
		j := i
		if j < len(d) && (d[j] == '-' || d[j] == '+') {
			j++
		}
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.') {
			j++
		}
		v, err := strconv.ParseFloat(d[i:j], 64)
		if err != nil {
			return 0, fmt.Errorf("at %d: bad number %q", i, d[i:j])
		}
		i = j
		return v, nil
	}
	closeRing := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	for {
		for i < len(d) && (d[i] == ' ' || d[i] == ',') {
			i++
		}
		if i == len(d) {
			break
		}
		if c := d[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			cmd = c
			i++
			if cmd == 'z' || cmd == 'Z' {
				closeRing()
				pos = start
				continue
			}
		} else if cmd == 0 || cmd == 'z' || cmd == 'Z' {
			return nil, fmt.Errorf("at %d: number without a command", i)
		}
		switch cmd {
		case 'M', 'm', 'L', 'l':
			x, err := number()
			if err != nil {
				return nil, err
			}
			y, err := number()
			if err != nil {
				return nil, err
			}
			if cmd == 'm' || cmd == 'l' {
				x, y = pos.x+x, pos.y+y
			}
			pos = point{x, y}
			if cmd == 'M' || cmd == 'm' {
				closeRing()
				start = pos
				cmd-- // further pairs are lines: 'M'-1 is 'L', 'm'-1 is 'l'
			}
			cur = append(cur, pos)
		case 'H', 'h', 'V', 'v':
			v, err := number()
			if err != nil {
				return nil, err
			}
			switch cmd {
			case 'H':
				pos.x = v
			case 'h':
				pos.x += v
			case 'V':
				pos.y = v
			case 'v':
				pos.y += v
			}
			cur = append(cur, pos)
		default:
			return nil, fmt.Errorf("at %d: command %q", i, cmd)
		}
	}
	if cur != nil {
		return nil, fmt.Errorf("ring not closed")
	}
	return out, nil
}

func mustRings(t *testing.T, s Shape) [][]point {
	t.Helper()
	r, err := rings(s.Path)
	if err != nil {
		t.Fatalf("%s: %v", s.Code, err)
	}
	return r
}

// inside reports whether p is inside the rings, even-odd.
func inside(p point, rs [][]point) bool {
	in := false
	for _, r := range rs {
		for i, a := range r {
			b := r[(i+1)%len(r)]
			if (a.y > p.y) != (b.y > p.y) && p.x < a.x+(p.y-a.y)*(b.x-a.x)/(b.y-a.y) {
				in = !in
			}
		}
	}
	return in
}

func bounds(rs [][]point) (lo, hi point) {
	lo, hi = point{math.Inf(1), math.Inf(1)}, point{math.Inf(-1), math.Inf(-1)}
	for _, r := range rs {
		for _, p := range r {
			lo = point{math.Min(lo.x, p.x), math.Min(lo.y, p.y)}
			hi = point{math.Max(hi.x, p.x), math.Max(hi.y, p.y)}
		}
	}
	return lo, hi
}

func all(m *Map) []Shape { return slices.Concat(m.Regions, m.Context) }

func TestRegions(t *testing.T) {
	m := Theatre()
	var got []string
	for _, s := range m.Regions {
		got = append(got, s.Code)
	}
	if !slices.Equal(got, regionCodes) {
		t.Errorf("regions:\n got %v\nwant %v", got, regionCodes)
	}
	for _, c := range regionCodes {
		if s, ok := m.Region(c); !ok || s.Code != c || s.Path == "" {
			t.Errorf("Region(%q) = %q, %v", c, s.Code, ok)
		}
	}
	for _, c := range []string{"UA", "UA-99", "RU-MOW", "BY", ""} {
		if _, ok := m.Region(c); ok {
			t.Errorf("Region(%q) found", c)
		}
	}
	var ctx []string
	for _, s := range m.Context {
		ctx = append(ctx, s.Code)
	}
	for _, c := range []string{"BY", "HU", "MD", "PL", "RO", "RU", "SK"} {
		if !slices.Contains(ctx, c) {
			t.Errorf("context lacks %s (has %v)", c, ctx)
		}
	}
	if Theatre() != m {
		t.Error("Theatre parses more than once")
	}
}

func TestPaths(t *testing.T) {
	m := Theatre()
	if m.Width < 900 || m.Width > 1100 || m.Height < 400 || m.Height > 800 {
		t.Errorf("viewBox 0 0 %d %d, want about 1000 wide", m.Width, m.Height)
	}
	total := 0
	for _, s := range all(m) {
		total += len(s.Path)
		rs := mustRings(t, s)
		if len(rs) == 0 {
			t.Errorf("%s: no rings", s.Code)
		}
		for _, r := range rs {
			if len(r) < 3 {
				t.Errorf("%s: ring of %d points", s.Code, len(r))
			}
			for _, p := range r {
				if p.x < 0 || p.y < 0 || p.x > float64(m.Width) || p.y > float64(m.Height) {
					t.Errorf("%s: point %v outside the viewBox", s.Code, p)
					break
				}
			}
		}
	}
	t.Logf("%d bytes of path data", total)
	if total > 35000 {
		t.Errorf("%d bytes of path data, want under 35000", total)
	}
}

func TestLabels(t *testing.T) {
	for _, s := range all(Theatre()) {
		rs := mustRings(t, s)
		p := point{float64(s.LabelX), float64(s.LabelY)}
		if lo, hi := bounds(rs); p.x < lo.x || p.y < lo.y || p.x > hi.x || p.y > hi.y {
			t.Errorf("%s: label %v outside the bounding box %v-%v", s.Code, p, lo, hi)
		}
		if !inside(p, rs) {
			t.Errorf("%s: label %v outside the shape", s.Code, p)
		}
	}
}

// Crimea and Sevastopol are Ukraine's: no Russian region and no context
// country (Russia's outline among them) may hold them.
func TestCrimea(t *testing.T) {
	m := Theatre()
	for _, code := range []string{"UA-43", "UA-40"} {
		s, ok := m.Region(code)
		if !ok {
			t.Fatalf("no %s", code)
		}
		own := mustRings(t, s)
		label := point{float64(s.LabelX), float64(s.LabelY)}
		// The label and every point of the region's outline, nudged toward
		// the label so as not to sit on a shared border.
		probes := []point{label}
		for _, r := range own {
			for _, p := range r {
				probes = append(probes, point{p.x + (label.x-p.x)*0.02, p.y + (label.y-p.y)*0.02})
			}
		}
		for _, o := range all(m) {
			if o.Code == code {
				continue
			}
			rs := mustRings(t, o)
			n := 0
			for _, p := range probes {
				if inside(p, rs) && inside(p, own) {
					n++
				}
			}
			if inside(label, rs) || n > len(probes)/20 {
				t.Errorf("%s covers %s (label inside: %v; %d of %d probes)", o.Code, code, inside(label, rs), n, len(probes))
			}
		}
	}
}

// Shapes do not overlap, but Russia's outline lies beneath its regions.
func TestNoOverlap(t *testing.T) {
	m := Theatre()
	type decoded struct {
		code   string
		rs     [][]point
		lo, hi point
	}
	var ds []decoded
	for _, s := range all(m) {
		rs := mustRings(t, s)
		lo, hi := bounds(rs)
		ds = append(ds, decoded{s.Code, rs, lo, hi})
	}
	overlaps := map[string]int{}
	// A grid whose points fall between the integer vertices.
	for y := 0.37; y < float64(m.Height); y += 2.9 {
		for x := 0.21; x < float64(m.Width); x += 2.9 {
			p := point{x, y}
			var in []string
			for _, d := range ds {
				if p.x >= d.lo.x && p.x <= d.hi.x && p.y >= d.lo.y && p.y <= d.hi.y && inside(p, d.rs) {
					in = append(in, d.code)
				}
			}
			if len(in) == 2 && strings.HasPrefix(in[0], "RU-") && in[1] == "RU" {
				continue
			}
			if len(in) > 1 {
				overlaps[strings.Join(in, "+")]++
			}
		}
	}
	for k, n := range overlaps {
		t.Errorf("%s overlap at %d grid points", k, n)
	}
}

func TestParse(t *testing.T) {
	m, err := parse("# c\nmap 10 20\nregion A 1 2 Name here\n M0 0l1 0 0 1z\n M5 5l1 0 0 1z\nregion B 3 4 B\n M1 1l1 0z\ncontext C 0 0 C\n M0 0l2 0 0 2z\n")
	if err != nil {
		t.Fatal(err)
	}
	want := &Map{Width: 10, Height: 20,
		Regions: []Shape{{"A", "M0 0l1 0 0 1zM5 5l1 0 0 1z", 1, 2}, {"B", "M1 1l1 0z", 3, 4}},
		Context: []Shape{{"C", "M0 0l2 0 0 2z", 0, 0}},
	}
	if fmt.Sprint(m) != fmt.Sprint(want) {
		t.Errorf("parse:\n got %+v\nwant %+v", m, want)
	}
	for _, bad := range []string{
		"",
		"map 10 20\n",
		" M0 0z\nmap 1 1\n",
		"map 10 20\nregion A x 2 A\n",
		"map 10 20\nshape A 1 2 A\n",
		"map 10 20\nregion B 1 2 B\n M0 0z\nregion A 1 2 A\n M0 0z\n",
	} {
		if _, err := parse(bad); err == nil {
			t.Errorf("parse(%q) succeeded", bad)
		}
	}
}

func TestRings(t *testing.T) {
	rs, err := rings("M10 20l5 0 0-5-5 0zM1 1L2 2h1v-1z")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]point{{{10, 20}, {15, 20}, {15, 15}, {10, 15}}, {{1, 1}, {2, 2}, {3, 2}, {3, 1}}}
	if fmt.Sprint(rs) != fmt.Sprint(want) {
		t.Errorf("rings = %v, want %v", rs, want)
	}
	for _, bad := range []string{"M1 1l2", "M1 1l2 2", "1 2z", "M1 1c1 1 2 2 3 3z"} {
		if _, err := rings(bad); err == nil {
			t.Errorf("rings(%q) succeeded", bad)
		}
	}
}
