// Package builder builds a timeline site from a folder of article files.
//
// A site folder holds site.toml (settings, all optional), content/ (the
// articles), templates/ (html/template files) and static/ (files copied as
// they are). Build runs the pipeline, one package a stage, data flowing
// one way:
//
//	source   content/ → files
//	entry    file → Entry: date, headline, byline, body...
//	place    Entry → its countries and regions
//	site     entries with places → the site model: every page and feed
//	render   model → each file's bytes
//	output   bytes → public/, all at once or not at all
//
// Every problem with the input is collected, not just the first: a build
// with errors reports them all and leaves public/ as it was.
package builder

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"timeline/builder/diag"
	"timeline/builder/entry"
	"timeline/builder/output"
	"timeline/builder/place"
	"timeline/builder/render"
	"timeline/builder/site"
	"timeline/builder/source"
)

// A Project is a site folder with its settings loaded.
type Project struct {
	Dir       string
	Config    Config
	Gazetteer *place.Gazetteer
}

// Open loads the site folder dir. A non-empty baseURL overrides
// site.toml's base_url.
func Open(dir, baseURL string) (*Project, error) {
	cfg, err := loadSiteConfig(dir, baseURL)
	if err != nil {
		return nil, err
	}
	g, err := place.Builtin().With(cfg.Places)
	if err != nil {
		return nil, errors.New(filepath.Join(dir, "site.toml") + ": " + err.Error())
	}
	return &Project{Dir: dir, Config: cfg, Gazetteer: g}, nil
}

// ContentDir is the folder of articles, inside the site folder.
const ContentDir = "content"

// Parse reads one article and places it. path names the file in messages.
func (p *Project) Parse(path string, data []byte) (*entry.Entry, place.Result, diag.List) {
	e, problems := entry.Parse(path, data)
	if e == nil {
		return nil, place.Result{}, problems
	}
	r, more := p.Gazetteer.Place(e)
	return e, r, append(problems, more...)
}

// Options are the choices of one build.
type Options struct {
	Out    string // where to publish; default the site folder's public/
	Drafts bool   // publish entries marked draft = true
}

// Stats say what a build did.
type Stats struct {
	Entries  int
	Pages    int // HTML pages
	Files    int // every file written, pages included
	Bytes    int64
	Duration time.Duration
}

// ErrInput is returned when the input has errors; Result.Problems lists
// them.
var ErrInput = errors.New("the build found errors in its input; nothing was published")

// Build builds the site and publishes it to opts.Out. It returns what it
// found wrong, errors and warnings, sorted; on any error public/ is left
// untouched and the error is ErrInput or what stopped the build.
func (p *Project) Build(opts Options) (Stats, diag.List, error) {
	start := time.Now()
	var stats Stats
	files, problems := source.Read(os.DirFS(filepath.Join(p.Dir, ContentDir)), ContentDir, p.Config.MaxFileSize)
	var placed []site.Placed
	for _, f := range files {
		e, r, more := p.Parse(path.Join(ContentDir, f.Path), f.Data)
		problems = append(problems, more...)
		if e != nil && (!e.Draft || opts.Drafts) {
			placed = append(placed, site.Placed{Entry: e, Places: r})
		}
	}
	problems.Sort()
	if problems.Err() != nil {
		return stats, problems, ErrInput
	}

	s := site.New(p.siteConfig(), p.Gazetteer, placed)
	r, err := render.New(os.DirFS(filepath.Join(p.Dir, "templates")), s.URL(""))
	if err != nil {
		return stats, problems, err
	}
	if opts.Out == "" {
		opts.Out = filepath.Join(p.Dir, "public")
	}
	out, err := output.Begin(opts.Out)
	if err != nil {
		return stats, problems, err
	}
	write := func(name string, data []byte) error {
		stats.Files++
		stats.Bytes += int64(len(data))
		return out.Write(name, data)
	}
	s.Assets, err = p.copyStatic(s, write)
	if err == nil {
		err = r.Render(s, write)
	}
	if err != nil {
		out.Abort()
		return stats, problems, err
	}
	if err := out.Commit(); err != nil {
		return stats, problems, err
	}
	stats.Entries, stats.Pages = len(s.Entries), len(s.Pages)
	stats.Duration = time.Since(start)
	return stats, problems, nil
}

func (p *Project) siteConfig() site.Config {
	c := p.Config
	return site.Config{
		Title:       c.Title,
		Description: c.Description,
		BaseURL:     c.baseURL,
		Language:    c.Language,
		WarStart:    c.WarStart,
		HomeEntries: c.HomeEntries,
		FeedEntries: c.FeedEntries,
	}
}

// copyStatic copies static/ into the site, and each stylesheet a second
// time under a name with its hash ("style.3f2a9c1e.css"), which pages link
// to: a new stylesheet gets a new address, so no browser keeps the old.
func (p *Project) copyStatic(s *site.Site, write render.Emit) (map[string]string, error) {
	assets := map[string]string{}
	fsys := os.DirFS(filepath.Join(p.Dir, "static"))
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && name == "." {
			return fs.SkipAll // no static folder
		}
		if err != nil {
			return err
		}
		if name != "." && source.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if err := write(name, data); err != nil {
			return err
		}
		if ext := path.Ext(name); ext == ".css" {
			sum := sha256.Sum256(data)
			hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
			assets[name] = s.URL(hashed)
			return write(hashed, data)
		}
		return nil
	})
	return assets, err
}
