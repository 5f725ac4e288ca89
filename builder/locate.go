package builder

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"timeline/builder/diag"
	"timeline/builder/entry"
	"timeline/builder/place"
	"timeline/builder/site"
)

// A Located is an article file, placed as the site places it.
type Located struct {
	File      string       // as given
	Entry     *entry.Entry // nil when the file is not an article
	Permalink string
	Countries []Named
	Regions   []Named
	Matches   []place.Match // every word that placed it, or was passed over
	Problems  diag.List
}

// Named is a country or region, by code and name.
type Named struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Locate parses and places article files as a build of the site folder
// dir would. A file in the site's content folder gets the address the
// built site gives it, with the suffix that tells it from another article
// of its date and headline; a file elsewhere, the address it would get
// there.
func Locate(dir string, files []string) ([]Located, error) {
	s := NewSession(dir, Options{})
	s.load()
	if s.project == nil {
		return nil, s.problems().Err()
	}
	defer s.openContent()()
	s.readAll()
	contentDir, _ := filepath.Abs(filepath.Join(dir, ContentDir))
	out := make([]Located, len(files))
	keys := make([]string, len(files)) // each file's key in s.articles
	outside := map[string]*article{}
	for i, file := range files {
		out[i].File = file
		abs, _ := filepath.Abs(file)
		if rel, err := filepath.Rel(contentDir, abs); err == nil && !strings.HasPrefix(rel, "..") {
			key := path.Join(ContentDir, filepath.ToSlash(rel))
			if a := s.articles[key]; a != nil {
				keys[i] = key
				continue
			}
		}
		data, err := os.ReadFile(file)
		if err != nil {
			out[i].Problems.Errorf(file, 0, "%v", err)
			continue
		}
		e, r, problems := s.project.Parse(file, data)
		outside[file] = &article{entry: e, placed: site.NewPlaced(e, r), problems: problems}
		keys[i] = file
	}
	// The site's articles get their addresses from the site; another
	// file, from a site of its own, so that it takes no address from them.
	cfg := s.project.siteConfig()
	var placed []site.Placed
	for _, a := range s.articles {
		if a.entry != nil && !a.entry.Draft {
			placed = append(placed, a.placed)
		}
	}
	byPath := map[string]*site.Entry{}
	for _, e := range site.New(cfg, s.project.Gazetteer, placed).Entries {
		byPath[e.Path] = e
	}
	for file, a := range outside {
		s.articles[file] = a
		if a.entry != nil {
			byPath[file] = site.New(cfg, s.project.Gazetteer, []site.Placed{a.placed}).Entries[0]
		}
	}
	g := s.project.Gazetteer
	for i, key := range keys {
		a := s.articles[key]
		if a == nil {
			continue
		}
		out[i].Entry, out[i].Problems = a.entry, append(out[i].Problems, a.problems...)
		if e := byPath[key]; e != nil {
			out[i].Permalink = e.Permalink()
		}
		r := a.placed.Places
		if r.Matches == nil && a.entry != nil {
			// A build keeps neither the matches nor the text they were
			// found in: parse the file again to say why.
			if data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(key))); err == nil {
				_, r, _ = s.project.Parse(key, data)
			}
		}
		out[i].Matches = r.Matches
		out[i].Countries = make([]Named, 0, len(r.Countries))
		for _, c := range r.Countries {
			out[i].Countries = append(out[i].Countries, Named{c, g.Country(c).Name})
		}
		out[i].Regions = make([]Named, 0, len(r.Regions))
		for _, c := range r.Regions {
			out[i].Regions = append(out[i].Regions, Named{c, g.Region(c).Name})
		}
	}
	return out, nil
}
