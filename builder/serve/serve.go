// Package serve previews a site while it is being edited.
//
// A Server builds the site into memory with a builder.Session and serves
// it under the site's base path, so that a site published at
// https://owner.github.io/repo/ is previewed at http://127.0.0.1:1313/repo/.
// Rebuild brings it up to date with what changed, rendering only what the
// change touched; a Watcher calls it when files change, gathering a burst
// of events into one rebuild. Browsers hear of every rebuild over
// Server-Sent Events, through a small script the server adds to each page
// it serves (a built site never has it): a page reloads when the rebuild
// changed it, swaps its stylesheet when only that changed, and shows the
// build's errors over the last good page while the site is broken.
package serve

import (
	"bytes"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"timeline/builder"
)

//go:embed live.js
var liveJS []byte

// Paths the server answers itself, outside any site.
const (
	eventsPath = "/__timeline/events"
	scriptPath = "/__timeline/live.js"
)

// A Server serves a site from memory and rebuilds it on demand.
type Server struct {
	log     io.Writer
	id      string // tells browsers this server from an earlier one
	session *builder.Session
	hub     *hub

	rebuilding sync.Mutex // one rebuild at a time

	mu     sync.RWMutex
	files  map[string]*file // the last good site; replaced, never changed
	base   string           // its base path, "/repo/"
	build  int              // how many good builds so far
	errors []string         // the problems that stop the site building, if it does not
}

// New builds the site folder dir and returns a server for it. A site that
// does not build yet is served as an error page until it does.
func New(dir string, opts builder.Options, log io.Writer) *Server {
	id := make([]byte, 6)
	rand.Read(id)
	s := &Server{
		log:     log,
		id:      hex.EncodeToString(id),
		session: builder.NewSession(dir, opts),
		hub:     newHub(),
		files:   map[string]*file{},
		base:    "/",
	}
	s.Rebuild(nil)
	return s
}

// BasePath returns the path the site is served under.
func (s *Server) BasePath() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.base
}

// HTTPServer returns an http.Server that serves s, with the limits a
// server on a shared machine needs: a client that sends its request
// slowly, or never, or one of megabytes, or reads nothing of the answer,
// is cut off instead of holding a connection and a goroutine for ever.
// The request line counts against MaxHeaderBytes, so a huge path gets
// 431 before it reaches the handler. The event stream outlives
// WriteTimeout: it sets a deadline of its own for each message.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// Clients returns the number of browsers listening for reloads.
func (s *Server) Clients() int { return s.hub.count() }

// Close disconnects the browsers listening for reloads.
func (s *Server) Close() { s.hub.close() }

// A file is a file of the site: its bytes, or how to make them when a
// browser first asks.
type file struct {
	once sync.Once
	data []byte
	make func() ([]byte, error)
	err  error
}

func (f *file) bytes() ([]byte, error) {
	f.once.Do(func() {
		if f.make != nil {
			f.data, f.err = f.make()
			f.make = nil
		}
	})
	return f.data, f.err
}

// pending collects an update's files, to apply once it has succeeded.
type pending struct {
	mu      sync.Mutex
	writes  map[string]*file
	removes []string
}

func (p *pending) Write(name string, data []byte) error {
	f := &file{data: bytes.Clone(data)}
	p.mu.Lock()
	p.writes[name] = f
	p.mu.Unlock()
	return nil
}

func (p *pending) WriteLazy(name string, make func() ([]byte, error)) error {
	p.mu.Lock()
	p.writes[name] = &file{make: make}
	p.mu.Unlock()
	return nil
}

func (p *pending) Remove(name string) error {
	p.mu.Lock()
	p.removes = append(p.removes, name)
	p.mu.Unlock()
	return nil
}

// A message tells browsers about a rebuild.
type message struct {
	Server  string   `json:"server"`
	Build   int      `json:"build"`
	Errors  []string `json:"errors"`
	Changed []string `json:"changed,omitempty"` // addresses of pages that changed
	Styles  []string `json:"styles,omitempty"`  // stylesheets that changed
}

// Rebuild updates the site with what changed (paths in the site folder; nil
// for everything), and tells browsers. While the site has errors, the last
// good site is served and browsers show the errors.
func (s *Server) Rebuild(changed []string) {
	s.rebuilding.Lock()
	defer s.rebuilding.Unlock()
	p := &pending{writes: map[string]*file{}}
	rep, err := s.session.Update(changed, p)
	if err != nil {
		var errs []string
		for _, pr := range rep.Problems {
			if !pr.Warning {
				errs = append(errs, pr.Error())
			}
		}
		if len(errs) == 0 {
			errs = []string{err.Error()}
		}
		for _, e := range errs {
			fmt.Fprintln(s.log, e)
		}
		fmt.Fprintf(s.log, "build failed: %d error(s); serving the last good site\n", len(errs))
		s.mu.Lock()
		s.errors = errs
		msg := s.message(nil, nil)
		s.mu.Unlock()
		s.hub.send(msg)
		return
	}

	// A new site, made from the old and what changed, replaces it whole:
	// a request in flight sees one or the other, never a mixture.
	files := maps.Clone(s.files)
	maps.Copy(files, p.writes)
	for _, name := range p.removes {
		delete(files, name)
	}
	s.mu.Lock()
	wasBroken := len(s.errors) > 0
	s.files, s.base = files, s.session.BasePath()
	s.build++
	s.errors = nil
	var pages, styles []string
	for _, name := range append(slices.Collect(maps.Keys(p.writes)), p.removes...) {
		switch path.Ext(name) {
		case ".css":
			styles = append(styles, s.base+name)
		case ".html":
			pages = append(pages, s.base+strings.TrimSuffix(name, "index.html"))
		}
	}
	slices.Sort(pages)
	slices.Sort(styles)
	msg := s.message(pages, styles)
	s.mu.Unlock()
	s.hub.send(msg)

	_, warnings := rep.Problems.Count()
	switch {
	case changed == nil || wasBroken:
		entries := "entries"
		if rep.Entries == 1 {
			entries = "entry"
		}
		fmt.Fprintf(s.log, "built %d %s, %d pages in %v; %d warnings\n", rep.Entries, entries, rep.Pages, rep.Duration.Round(time.Millisecond), warnings)
	default:
		fmt.Fprintf(s.log, "rebuilt in %v: %d files written, %d removed\n", rep.Duration.Round(time.Millisecond), len(p.writes), len(p.removes))
	}
}

// message encodes the state of the site for browsers; s.mu is held.
func (s *Server) message(changed, styles []string) []byte {
	b, _ := json.Marshal(message{Server: s.id, Build: s.build, Errors: nonNil(s.errors), Changed: changed, Styles: styles})
	return b
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// maxPath bounds the paths the server looks up: the site's longest is a
// few hundred bytes.
const maxPath = 4 << 10

// ServeHTTP serves the site, the reload script and the reload events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Path) > maxPath {
		http.Error(w, "URI too long", http.StatusRequestURITooLong)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveJS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.RLock()
	base, files, build := s.base, s.files, s.build // never changed, only replaced
	broken := len(s.errors) > 0
	s.mu.RUnlock()

	p := r.URL.Path
	if !strings.HasPrefix(p, base) {
		if p == "/" || p+"/" == base {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		s.notFound(w, files, build)
		return
	}
	rel := p[len(base):]
	if !safe(rel) {
		s.notFound(w, files, build)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	f, ok := files[name]
	_, isDir := files[name+"/index.html"]
	switch {
	case ok:
		data, err := f.bytes()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		s.serve(w, r, name, data, build, http.StatusOK)
	case isDir:
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
	case len(files) == 0 && broken:
		// Nothing built yet: the overlay shows why.
		s.serve(w, r, "index.html", []byte("<!doctype html><title>Building…</title><body><p>The site does not build yet.</p></body>"), build, http.StatusServiceUnavailable)
	default:
		s.notFound(w, files, build)
	}
}

// safe reports whether rel, a decoded path inside the site, is one the
// site could hold: no "." or ".." element, no backslash, no NUL, no empty
// element.
func safe(rel string) bool {
	if strings.ContainsAny(rel, "\\\x00") {
		return false
	}
	for _, elem := range strings.Split(strings.TrimSuffix(rel, "/"), "/") {
		if elem == "." || elem == ".." || elem == "" && rel != "" {
			return false
		}
	}
	return true
}

func (s *Server) notFound(w http.ResponseWriter, files map[string]*file, build int) {
	f, ok := files["404.html"]
	var data []byte
	if ok {
		data, _ = f.bytes()
	}
	if data == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.serve(w, nil, "404.html", data, build, http.StatusNotFound)
}

// contentTypes are the types of the files a site has, as GitHub Pages
// serves them.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
	".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
	".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
	".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff", ".pdf": "application/pdf",
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, name string, data []byte, build, status int) {
	ext := path.Ext(name)
	ct, ok := contentTypes[ext]
	if !ok {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if ext == ".html" {
		data = inject(data, s.id, build)
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r == nil || r.Method != http.MethodHead {
		w.Write(data)
	}
}

// inject adds the reload script to a page, before its </body>.
func inject(page []byte, id string, build int) []byte {
	tag := fmt.Sprintf(`<script src="%s" data-server="%s" data-build="%d" defer></script>`, scriptPath, id, build)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// eventWriteTimeout is how long a browser may take to accept one message
// before its stream is cut. One that stopped reading (a frozen tab, a
// sleeping laptop) would otherwise hold its connection and goroutine for
// as long as its socket stays open; the hub has dropped it already.
var eventWriteTimeout = 10 * time.Second

// events streams rebuild messages to one browser, starting with where the
// site stands now.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if _, ok := w.(http.Flusher); !ok {
		http.Error(w, "no events", http.StatusInternalServerError)
		return
	}
	rc := http.NewResponseController(w)
	send := func(format string, args ...any) bool {
		rc.SetWriteDeadline(time.Now().Add(eventWriteTimeout)) // also lifts the server's WriteTimeout
		if _, err := fmt.Fprintf(w, format, args...); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	c, ok := s.hub.join()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.leave(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	s.mu.RLock()
	state := s.message(nil, nil)
	s.mu.RUnlock()
	if !send("retry: 500\n\ndata: %s\n\n", state) {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case msg, ok := <-c:
			if !ok || !send("data: %s\n\n", msg) {
				return
			}
		case <-ping.C:
			// A comment keeps proxies from closing the stream, and finds
			// browsers that are gone or stalled.
			if !send(": ping\n\n") {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}
