package builder

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"timeline/builder/diag"
	"timeline/builder/entry"
	"timeline/builder/place"
	"timeline/builder/render"
	"timeline/builder/site"
	"timeline/builder/source"
)

// A Sink receives a build's files. Write may be called from several
// goroutines at once.
type Sink interface {
	Write(name string, data []byte) error
	// Remove is told of a file an earlier build wrote that this one has
	// not: a deleted article's page, say.
	Remove(name string) error
}

// A LazySink can take files that it makes only if they are asked for: a
// preview server need not make, at every edit, data files of megabytes that
// nobody reads.
type LazySink interface {
	Sink
	WriteLazy(name string, make func() ([]byte, error)) error
}

// Options are the choices of a build.
type Options struct {
	BaseURL string // overrides site.toml's base_url
	Drafts  bool   // publish entries marked draft = true too
	Future  bool   // publish entries dated after today too
	// Today is the day the build takes for today; the zero Date means
	// the newest date on Earth now (see Session.today).
	Today entry.Date
	// Fingerprint gives stylesheets names with their hash, so browsers
	// never keep a stale one. A preview server, which tells browsers not to
	// cache, does without: a stylesheet edit then changes no page.
	Fingerprint bool
	// Force makes Build build even when the published site is up to date
	// with the input.
	Force bool
}

// A Session builds a site folder again and again. It keeps what it read and
// what it rendered, so that a build after an edit rereads only the files
// that changed and renders only the files whose content changed. The files
// it writes are always exactly those a fresh full build would write.
type Session struct {
	dir  string
	opts Options

	project  *Project
	renderer *render.Renderer
	settings uint64 // hash of site.toml and the options
	looks    uint64 // hash of the templates
	assets   map[string]string
	static   map[string]staticFile // output name → the static file it copies
	articles map[string]*article   // content path, "content/a.txt" → parsed
	content  fs.FS                 // the content folder, during an update
	stages   Stages                // of the update under way
	prints   map[string]uint64     // each file written → fingerprint of what it was made from
	last     *site.Site            // the model of the files written, for patch

	// What publish decided, for patch to keep to.
	published entry.Date          // the day taken for today
	held      diag.List           // why articles are held back
	holder    map[string]string   // a text's or source address's key → the article published with it
	keysOf    map[string][]string // an article → its keys
	holds     map[string]bool     // articles that hold a copy back
	broken    diag.List           // problems with settings and templates
	ready     bool                // the first full update has run
}

// A staticFile is a file of static/, read when it changed.
type staticFile struct {
	name string // its path in static/
	data []byte
	sum  uint64
}

// An article is a content file as last read.
type article struct {
	entry    *entry.Entry // nil when it cannot be parsed
	placed   site.Placed
	problems diag.List
}

// NewSession starts a session on the site folder dir.
func NewSession(dir string, opts Options) *Session {
	return &Session{dir: dir, opts: opts, articles: map[string]*article{}, prints: map[string]uint64{}}
}

// Report says what an update did.
type Report struct {
	Stats
	Problems diag.List // every problem of the site as it is now, sorted
	Written  []string  // files written, in order
	Removed  []string  // files removed
	// UpToDate says that Build found the published site built from this
	// very input, and wrote nothing; Stats and Problems are that build's.
	UpToDate bool
}

// Update brings the built site up to date with the site folder. changed
// lists what changed since the last update, as slash-separated paths in
// the site folder ("content/a.txt", "templates/base.html", "site.toml");
// a folder stands for everything in it. The first update, and any with
// changed == nil, reads everything.
//
// When the input has errors, Update writes nothing and returns ErrInput:
// the sink keeps the last good site, and the next update after a fix
// catches up with everything that changed in between.
func (s *Session) Update(changed []string, sink Sink) (Report, error) {
	start := time.Now()
	all := !s.ready || changed == nil
	var contentChanged []string
	var reconfigure, restyle, restatic bool
	for _, c := range changed {
		c = path.Clean(c)
		switch {
		case c == "site.toml" || c == ".":
			reconfigure = true
		case c == "templates" || strings.HasPrefix(c, "templates/"):
			restyle = true
		case c == "static" || strings.HasPrefix(c, "static/"):
			restatic = true
		case c == ContentDir || strings.HasPrefix(c, ContentDir+"/"):
			contentChanged = append(contentChanged, c)
		}
	}
	var rep Report
	if all || reconfigure || s.project == nil {
		s.load()
		all = true // every article is placed again with the new settings
	}
	if (all || restyle) && s.project != nil {
		s.loadTemplates()
	}
	if all || restatic {
		s.readStatic()
	}
	defer s.openContent()()
	s.stages = Stages{}
	switch {
	case s.project == nil:
		// Nothing can be read without settings; a fix rereads everything.
		s.ready = false
	case all:
		s.readAll()
	default:
		for _, c := range contentChanged {
			s.read(c)
		}
	}
	rep.Problems = s.problems()
	if rep.Problems.Err() != nil || s.project == nil || s.renderer == nil {
		s.last = nil // what changed in the meantime is caught up with whole
		return rep, ErrInput
	}
	s.ready = true
	var edited []string
	if !all && !reconfigure && !restyle && !restatic {
		edited = contentChanged
	}
	if err := s.render(sink, &rep, edited); err != nil {
		return rep, err
	}
	rep.Duration = time.Since(start)
	rep.Stages = s.stages
	return rep, nil
}

// BasePath returns the path the site is published under, "/repo/", as the
// last good settings say; "/" before any.
func (s *Session) BasePath() string {
	if s.project == nil {
		return "/"
	}
	return s.project.Config.BaseURLParsed().Path
}

// load reads site.toml and makes the gazetteer.
func (s *Session) load() {
	s.broken = slices.DeleteFunc(s.broken, func(p diag.Problem) bool { return p.Path == "site.toml" })
	p, err := Open(s.dir, s.opts.BaseURL)
	if err != nil {
		s.project = nil
		s.broken = append(s.broken, configProblems(err)...)
		return
	}
	s.project = p
	h := fnv.New64a()
	data, _ := os.ReadFile(filepath.Join(s.dir, "site.toml"))
	h.Write(data)
	h.Write([]byte(s.opts.BaseURL))
	fmt.Fprintf(h, "%v %v", s.opts.Drafts, s.opts.Future)
	s.settings = h.Sum64()
}

// configProblems turns Open's error into problems.
func configProblems(err error) diag.List {
	var list diag.List
	if errors.As(err, &list) {
		return list
	}
	return diag.List{{Path: "site.toml", Msg: err.Error()}}
}

// loadTemplates parses the templates.
func (s *Session) loadTemplates() {
	s.broken = slices.DeleteFunc(s.broken, func(p diag.Problem) bool { return strings.HasPrefix(p.Path, "templates") })
	fsys := os.DirFS(filepath.Join(s.dir, "templates"))
	r, err := render.New(fsys, s.project.Config.BaseURLParsed().EscapedPath())
	if err != nil {
		s.renderer = nil
		s.broken = append(s.broken, diag.Problem{Path: "templates", Msg: err.Error()})
		return
	}
	s.renderer = r
	h := fnv.New64a()
	fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(fsys, name)
			h.Write([]byte(name))
			h.Write(data)
		}
		return nil
	})
	s.looks = h.Sum64()
}

// openContent opens the content folder for an update, as an os.Root: no
// path read through it, symbolic links included, can leave the folder. A
// missing folder holds no articles.
func (s *Session) openContent() (close func()) {
	root, err := os.OpenRoot(filepath.Join(s.dir, ContentDir))
	if err != nil {
		s.content = nil
		return func() {}
	}
	s.content = root.FS()
	return func() { root.Close(); s.content = nil }
}

// readAll reads every article.
func (s *Session) readAll() {
	s.articles = map[string]*article{}
	if s.content == nil {
		return // no content folder
	}
	s.readList(".")
}

// readList reads and parses the article files of the content folder dir.
func (s *Session) readList(dir string) {
	t := time.Now()
	names, problems := source.List(s.content, dir, ContentDir)
	s.stages.Read += time.Since(t)
	s.addFiles(names, problems)
}

// read rereads c, a content file or folder, which may be gone.
func (s *Session) read(c string) {
	rel := strings.TrimPrefix(strings.TrimPrefix(c, ContentDir), "/")
	if rel == "" {
		s.readAll()
		return
	}
	for name := range s.articles {
		if name == c || strings.HasPrefix(name, c+"/") {
			delete(s.articles, name)
		}
	}
	if s.content == nil {
		return
	}
	info, err := fs.Lstat(s.content, rel)
	switch {
	case err != nil:
		// Gone: its articles went with it.
	case info.IsDir():
		s.readList(rel)
	case info.Mode()&fs.ModeSymlink != 0 && isDir(s.content, rel):
		// A link to a folder: a full read does not follow it either.
	default:
		s.addFiles([]string{rel}, nil)
	}
}

func isDir(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.IsDir()
}

// addFiles reads, parses and places the content files names, on every
// core, and keeps the problems of files that could not be read with the
// file they concern. A file is read only when a core is ready to parse it,
// so that the files of a large site are never all in memory twice.
func (s *Session) addFiles(names []string, problems diag.List) {
	for _, pr := range problems {
		s.problem(pr)
	}
	parsed := make([]*article, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex // guards s.stages
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var st Stages
			for i := range next {
				parsed[i] = s.parseFile(names[i], &st)
			}
			mu.Lock()
			s.stages.Read += st.Read
			s.stages.Parse += st.Parse
			s.stages.Place += st.Place
			mu.Unlock()
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, name := range names {
		if a := parsed[i]; a != nil {
			s.articles[path.Join(ContentDir, name)] = a
		}
	}
}

// parseFile reads, parses and places the content file name, timing each
// stage into st. It returns nil for a file that is not an article.
func (s *Session) parseFile(name string, st *Stages) *article {
	t0 := time.Now()
	f, ok, problems := source.ReadFile(s.content, name, ContentDir, s.project.Config.MaxFileSize)
	t1 := time.Now()
	st.Read += t1.Sub(t0)
	if !ok {
		if len(problems) > 0 {
			return &article{problems: problems}
		}
		return nil
	}
	e, more := entry.Parse(path.Join(ContentDir, name), f.Data)
	problems = append(problems, more...)
	t2 := time.Now()
	st.Parse += t2.Sub(t1)
	var r place.Result
	if e != nil {
		r, more = s.project.Gazetteer.Place(e, false)
		problems = append(problems, more...)
		// Prose is read only to place the entry, and the session places
		// it again only after parsing it again: a large site's memory
		// need not hold it.
		e.Prose = nil
	}
	st.Place += time.Since(t2)
	return &article{entry: e, placed: site.NewPlaced(e, r), problems: problems}
}

// problem keeps a problem of a file that is no article with the file.
func (s *Session) problem(pr diag.Problem) {
	a := s.articles[pr.Path]
	if a == nil {
		a = &article{}
		s.articles[pr.Path] = a
	}
	a.problems = append(a.problems, pr)
}

// problems returns every problem of the site as it is, sorted.
func (s *Session) problems() diag.List {
	list := slices.Clone(s.broken)
	for _, a := range s.articles {
		list = append(list, a.problems...)
	}
	list.Sort()
	return list
}

// render renders what changed. After an edit that leaves the site's shape
// as it was (see site.Replace), it patches the last model and renders
// the pages that show the edited entries; otherwise it builds the model
// again and renders every file whose fingerprint changed. edited lists
// the content files changed since the last update, or is nil when more
// than content changed.
func (s *Session) render(sink Sink, rep *Report, edited []string) error {
	// Each file to write has a fingerprint of what it is made from; those
	// whose fingerprint changed since the last update are made again.
	prints := make(map[string]uint64)
	var jobs []job
	want := func(name string, print uint64, make func(render.Emit) error) {
		prints[name] = print
		if old, ok := s.prints[name]; !ok || old != print {
			jobs = append(jobs, job{name, make})
		}
	}
	global := s.global()
	mix := func(print uint64) uint64 { return print ^ global*0x9E3779B97F4A7C15 }

	m, pages, feeds := s.patch(edited)
	whole := m == nil
	if whole {
		t := time.Now()
		m = s.model()
		s.stages.Model = time.Since(t)
		pages, feeds = m.Pages, m.Feeds
	}
	rep.Problems = append(rep.Problems, s.held...)
	rep.Problems.Sort()
	s.last = nil // until the files are written
	for i, print := range fingerprints(pages) {
		p := pages[i]
		want(p.Path, mix(print), func(emit render.Emit) error { return s.renderer.Page(p, emit) })
	}
	for _, f := range feeds {
		want(f.Path, mix(f.Fingerprint()), func(emit render.Emit) error { return s.renderer.Feed(f, emit) })
	}
	lazy, isLazy := sink.(LazySink)
	for _, x := range s.renderer.Extras(m) {
		print := mix(x.Fingerprint(m))
		if !isLazy || !x.Lazy {
			want(x.Name, print, func(emit render.Emit) error { return x.Render(m, emit) })
			continue
		}
		prints[x.Name] = print
		if s.prints[x.Name] != print {
			rep.Written = append(rep.Written, x.Name)
			err := lazy.WriteLazy(x.Name, func() (data []byte, err error) {
				err = x.Render(m, func(_ string, b []byte) error { data = bytes.Clone(b); return nil })
				return data, err
			})
			if err != nil {
				return err
			}
		}
	}
	if whole {
		// Static files go last, and may not take a name the build makes.
		for _, name := range slices.Sorted(maps.Keys(s.static)) {
			if _, made := prints[name]; made {
				rep.Problems.Errorf("static/"+s.static[name].name, 0, "the build makes a file of this name (%s); rename or remove it", name)
				continue
			}
			f := s.static[name]
			want(name, f.sum, func(emit render.Emit) error { return emit(name, f.data) })
		}
	}
	if rep.Problems.Err() != nil {
		return ErrInput
	}
	if err := runJobs(jobs, sink, rep, &s.stages); err != nil {
		return err
	}
	if whole {
		for name := range s.prints {
			if _, ok := prints[name]; !ok {
				rep.Removed = append(rep.Removed, name)
			}
		}
		slices.Sort(rep.Removed)
		for _, name := range rep.Removed {
			if err := sink.Remove(name); err != nil {
				return err
			}
		}
		s.prints = prints
	} else {
		maps.Copy(s.prints, prints)
	}
	s.last = m
	rep.Entries, rep.Pages = len(m.Entries), len(m.Pages)
	return nil
}

// fingerprints returns the fingerprints of pages, taken on every core: a
// large site has a hundred thousand pages.
func fingerprints(pages []*site.Page) []uint64 {
	prints := make([]uint64, len(pages))
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0)
	for w := range n {
		wg.Go(func() {
			for i := w; i < len(pages); i += n {
				prints[i] = pages[i].Fingerprint()
			}
		})
	}
	wg.Wait()
	return prints
}

// model builds the site's model from every article it publishes.
func (s *Session) model() *site.Site {
	list, held := s.publish()
	s.held = held
	placed := make([]site.Placed, len(list))
	for i, a := range list {
		placed[i] = a.placed
	}
	cfg := s.project.siteConfig()
	cfg.Assets = map[string]string{}
	for name, hashed := range s.assets {
		cfg.Assets[name] = cfg.BaseURL.EscapedPath() + hashed // an address, as site.URL makes them
	}
	return site.New(cfg, s.project.Gazetteer, placed)
}

// patch puts the edited articles into the last model, when each keeps
// the site's shape, and returns the model with the pages and feeds that
// show them. It returns a nil model when the site must be built again.
func (s *Session) patch(edited []string) (m *site.Site, pages []*site.Page, feeds []*site.Feed) {
	if s.last == nil || len(edited) == 0 || s.opts.today() != s.published {
		return nil, nil, nil
	}
	for _, name := range edited {
		a := s.articles[name]
		if a == nil || a.entry == nil || (a.entry.Draft && !s.opts.Drafts) || !s.sameKeys(name, a) {
			return nil, nil, nil // gone, broken, unpublished or a copy: the site changes shape
		}
		p, f, ok := s.last.Replace(a.placed)
		if !ok {
			return nil, nil, nil // the last model may be half patched; it is dropped
		}
		pages, feeds = append(pages, p...), append(feeds, f...)
	}
	return s.last, pages, feeds
}

// A job makes one file.
type job struct {
	name string
	make func(render.Emit) error
}

// runJobs makes the files and writes them to the sink, on every core.
// Which file is made first does not matter: each stands alone.
func runJobs(jobs []job, sink Sink, rep *Report, stages *Stages) error {
	var mu sync.Mutex // guards rep, stages and failed
	var failed error
	next := make(chan job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var making, writing time.Duration
			emit := func(name string, data []byte) error {
				mu.Lock()
				rep.Files++
				rep.Bytes += int64(len(data))
				rep.Written = append(rep.Written, name)
				mu.Unlock()
				t := time.Now()
				err := sink.Write(name, data)
				writing += time.Since(t)
				return err
			}
			for j := range next {
				t := time.Now()
				if err := j.make(emit); err != nil {
					mu.Lock()
					failed = cmp.Or(failed, err)
					mu.Unlock()
				}
				making += time.Since(t)
			}
			mu.Lock()
			stages.Render += making - writing
			stages.Write += writing
			mu.Unlock()
		}()
	}
	for _, j := range jobs {
		mu.Lock()
		stop := failed != nil
		mu.Unlock()
		if stop {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
	slices.Sort(rep.Written)
	return failed
}

// global hashes what every page depends on: settings, templates, assets.
func (s *Session) global() uint64 {
	h := fnv.New64a()
	h.Write(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, s.settings), s.looks))
	for _, k := range slices.Sorted(maps.Keys(s.assets)) {
		h.Write([]byte(k + "\x00" + s.assets[k] + "\x00"))
	}
	return h.Sum64()
}

// fingerprinted are the kinds of static file that pages link to through
// Site.Asset, and that get a copy named after their hash.
var fingerprinted = map[string]bool{".css": true, ".js": true, ".svg": true, ".ico": true}

// readStatic reads the static files, and names each asset's fingerprinted
// copy ("style.3f2a9c1e.css") when the options ask for it. A folder that
// cannot be read is a problem of the site's.
func (s *Session) readStatic() {
	s.broken = slices.DeleteFunc(s.broken, func(p diag.Problem) bool { return strings.HasPrefix(p.Path, "static") })
	s.static = map[string]staticFile{}
	s.assets = map[string]string{}
	fsys := os.DirFS(filepath.Join(s.dir, "static"))
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
		sum := sha256.Sum256(data)
		f := staticFile{name: name, data: data, sum: binary.LittleEndian.Uint64(sum[:])}
		s.static[name] = f
		if ext := path.Ext(name); fingerprinted[ext] && s.opts.Fingerprint {
			hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
			s.assets[name] = hashed
			s.static[hashed] = f
		}
		return nil
	})
	if err != nil {
		s.broken = append(s.broken, diag.Problem{Path: "static", Msg: fmt.Sprintf("cannot read: %v", err)})
	}
}
