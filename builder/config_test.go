package builder

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadConfig(t *testing.T) {
	cfg, err := LoadConfig(fstest.MapFS{}, "site.toml")
	if err != nil || cfg.Title != "Timeline" || cfg.BaseURLParsed().String() != "http://localhost:1313/" {
		t.Fatalf("defaults without site.toml: %+v, %v", cfg, err)
	}
	cfg, err = LoadConfig(fstest.MapFS{"site.toml": {Data: []byte(
		"title = \"War\"\nbase_url = \"https://owner.github.io/repo\"\nwar_start = 2022-02-24\n")}}, "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURLParsed().Path != "/repo/" || cfg.WarStart.String() != "2022-02-24" {
		t.Errorf("got base path %q, war start %v", cfg.BaseURLParsed().Path, cfg.WarStart)
	}
	for text, want := range map[string]string{
		"title = \"x\"\ntitel = \"y\"\n":               `site.toml:2: unknown setting "titel"`,
		"base_url = \"/repo/\"\n":                      "site.toml:1: base_url: want an absolute http or https address",
		"base_url = \"javascript:alert(1)\"\n":         "site.toml:1: base_url",
		"title = \"x\"\nwar_start = \"2022-02\"\n":     "site.toml:2: war_start: want a day",
		"title = \"x\"\nhome_entries = 0\n":            "site.toml:2: home_entries: must be at least 1",
		"title = \"x\"\nrelated = -1\n":                "site.toml:2: related: must be from 0 (none) to 20",
		"title = \"x\"\nlanguage = \"<en>\"\n":         "site.toml:2: language",
		"title = \"x\"\ntitle = \"y\"\n":               "site.toml:2:",
		"title = 3\n":                                  "site.toml:1: title",
		"[places]\n[[places.region]]\ncode = \"XX\"\n": "", // checked when the gazetteer is made
	} {
		_, err := LoadConfig(fstest.MapFS{"site.toml": {Data: []byte(text)}}, "site.toml")
		if want == "" {
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q...", text, err, want)
		}
	}
}

// TestPlacesInConfig: site.toml can add a region with its towns, so the
// tool serves another war without a code change.
func TestPlacesInConfig(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "site.toml", `
[[places.region]]
code = "IL-D"
name = "Southern District"
names = ["Negev"]
towns = ["Beersheba", "Sderot"]

[[places.country]]
code = "UA"
aliases = ["Ukrayina"]

[places]
stop = ["Sderot Cinematheque"]
`)
	p, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	_, r, problems := p.Parse("a.txt", []byte("date 2024-01-01 Rockets hit Sderot\n\nNews from Ukrayina too, and a film at the Sderot Cinematheque.\n"))
	if problems.Err() != nil {
		t.Fatal(problems)
	}
	if strings.Join(r.Regions, " ") != "IL-D" || strings.Join(r.Countries, " ") != "IL UA" {
		t.Errorf("placed in %v %v", r.Countries, r.Regions)
	}
	writeFile(t, dir, "site.toml", "[[places.region]]\ncode = \"XX-1\"\nname = \"Nowhere\"\n")
	if _, err := Open(dir, ""); err == nil || !strings.Contains(err.Error(), "no country XX") {
		t.Errorf("a region of an unknown country: err = %v", err)
	}
}

func TestIsInput(t *testing.T) {
	for rel, want := range map[string]bool{
		"site.toml": true, "content": true, "content/a.txt": true, "content/sub/b.md": true,
		"templates/base.html": true, "static/style.css": true, "static/img/x.png": true,
		"content/notes.pdf": false, "content/a.txt~": false, "content/.a.txt.swp": false, "content/4913": false,
		"content/#a.txt#": false, "content/.git/x.txt": false, "public/index.html": false, "README.md": false,
		"templates/.base.html.swp": false, "site.toml~": false,
	} {
		if got := IsInput(rel, false); got != want {
			t.Errorf("IsInput(%q) = %v, want %v", rel, got, want)
		}
	}
	if !IsInput("content/2024.old", true) {
		t.Errorf("a folder with a dot in its name is input")
	}
}
