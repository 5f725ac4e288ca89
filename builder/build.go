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
	"encoding/json"
	"errors"
	"path/filepath"
	"time"

	"timeline/builder/diag"
	"timeline/builder/entry"
	"timeline/builder/output"
	"timeline/builder/place"
	"timeline/builder/site"
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
		var problems diag.List
		problems.Errorf("site.toml", 0, "%v", err)
		return nil, problems.Err()
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
	r, more := p.Gazetteer.Place(e, true)
	return e, r, append(problems, more...)
}

// Stats say what a build did.
type Stats struct {
	Entries int
	Pages   int // HTML pages
	Files   int // files made, pages included
	Bytes   int64
	// Unchanged counts the files made that the published site already
	// held, byte for byte: they were kept, not written again.
	Unchanged int
	Duration  time.Duration
	// Stages is the time spent in each stage. Stages that run on every
	// core count the time of each: their sum can pass Duration.
	Stages Stages
}

// Stages is the time spent in each stage of a build.
type Stages struct {
	Read, Parse, Place, Model, Render, Write time.Duration
}

// ErrInput is returned when the input has errors; the report's Problems
// list them.
var ErrInput = errors.New("the build found errors in its input; nothing was published")

// Build builds the site folder dir and publishes it to out (default: dir's
// public/), all at once: on any error out is left as it was, and the error
// is ErrInput or what stopped the build. The report lists every problem
// found, errors and warnings, sorted.
//
// A site built from the very same input is up to date, and Build leaves it
// be, unless opts.Force; otherwise only the files that changed are written
// (see package output).
func Build(dir, out string, opts Options) (Report, error) {
	if out == "" {
		out = filepath.Join(dir, "public")
	}
	start := time.Now()
	st := stamp(dir, opts)
	d, err := output.Begin(out)
	if err != nil {
		return Report{}, err
	}
	var last buildNote
	if note, ok := d.UpToDate(st); ok && !opts.Force && json.Unmarshal(note, &last) == nil {
		d.Abort()
		rep := Report{Stats: last.Stats, Problems: last.Problems, UpToDate: true}
		rep.Stages = Stages{}
		rep.Duration = time.Since(start)
		return rep, nil
	}
	rep, err := NewSession(dir, opts).Update(nil, outputSink{d})
	if err != nil {
		d.Abort()
		return rep, err
	}
	note, _ := json.Marshal(buildNote{rep.Stats, rep.Problems})
	err = d.Commit(st, note)
	rep.Unchanged = d.Linked()
	rep.Duration = time.Since(start) // publishing included
	return rep, err
}

// buildNote is what a build records with the site it publishes, for a
// build that finds the site up to date to report.
type buildNote struct {
	Stats    Stats
	Problems diag.List
}

// outputSink writes to an output.Dir, which starts empty: nothing is ever
// removed from it.
type outputSink struct{ *output.Dir }

func (outputSink) Remove(string) error { return nil }

func (p *Project) siteConfig() site.Config {
	c := p.Config
	sc := site.Config{
		Title:       c.Title,
		Description: c.Description,
		BaseURL:     c.baseURL,
		Language:    c.Language,
		WarStart:    c.WarStart,
		HomeEntries: c.HomeEntries,
		FeedEntries: c.FeedEntries,
		Related:     site.DefaultRelated,
		CNAME:       c.CNAME,
	}
	if c.Related != nil {
		sc.Related = *c.Related
	}
	return sc
}
