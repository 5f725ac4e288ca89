// Package render turns the site model into the site's files: each page
// through its html/template, entry bodies through goldmark, and the feeds,
// sitemap and data files through encoding/xml, encoding/json and
// encoding/csv. It writes nothing to disk; it hands each file to a
// function, path and bytes.
//
// Templates are trusted and content is not: every value from an article
// reaches a page through html/template's escaping, and the only HTML that
// passes unescaped is the body goldmark renders with raw HTML off.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"timeline/builder/site"
)

// Kinds are the page kinds, each rendered by the template file of its name
// in the templates folder, inside base.html.
var Kinds = []string{"home", "entry", "day", "month", "span", "year", "archive", "search", "countries", "regions", "country", "region", "404"}

// A Renderer renders sites with one set of templates.
type Renderer struct {
	pages map[string]*template.Template
	md    goldmark.Markdown
	buf   sync.Pool

	mu    sync.Mutex
	cache map[fragmentKey]template.HTML // see fragment
}

type fragmentKey struct {
	name  string
	print uint64
}

// New parses the templates in fsys: base.html, the layout every page
// shares; partials.html, pieces they share; and one file for each kind of
// page. basePath is the site's path, "/repo/", for links in Markdown.
func New(fsys fs.FS, basePath string) (*Renderer, error) {
	r := &Renderer{pages: map[string]*template.Template{}, md: newMarkdown(basePath), cache: map[fragmentKey]template.HTML{}}
	r.buf.New = func() any { return new(bytes.Buffer) }
	for _, kind := range Kinds {
		t := template.New("base.html").Funcs(template.FuncMap{"body": r.body, "fragment": r.fragment, "fragments": r.fragments, "thousands": site.Thousands})
		t, err := t.ParseFS(fsys, "base.html", "partials.html", kind+".html")
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		r.pages[kind] = t
	}
	return r, nil
}

// A printer is what a fragment shows: an entry, or the site's settings.
type printer interface{ Print() uint64 }

// fragment renders the template name for e, once for each version of e: a
// list shows an entry alike on every page that lists it, and the site
// lists each entry on many pages (its day, its month, each of its places'
// months); the site's masthead is the same on every page. A version is
// e's Print.
func (r *Renderer) fragment(name string, e printer) (template.HTML, error) {
	key := fragmentKey{name, e.Print()}
	r.mu.Lock()
	h, ok := r.cache[key]
	r.mu.Unlock()
	if ok {
		return h, nil
	}
	var b strings.Builder
	if err := r.pages[Kinds[0]].ExecuteTemplate(&b, name, e); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	r.mu.Lock()
	if len(r.cache) > maxFragments {
		clear(r.cache) // old versions pile up; start afresh
	}
	r.cache[key] = h
	r.mu.Unlock()
	return h, nil
}

// fragments renders the template name for each of entries, as list items:
// <li>...</li>, one a line. It is fragment for a whole list at once, which
// spares the template engine a call, and its escaping, for each entry.
func (r *Renderer) fragments(name string, entries []*site.Entry) (template.HTML, error) {
	var b strings.Builder
	for _, e := range entries {
		h, err := r.fragment(name, e)
		if err != nil {
			return "", err
		}
		b.WriteString("\n  <li>")
		b.WriteString(string(h))
		b.WriteString("</li>")
	}
	return template.HTML(b.String()), nil
}

// maxFragments bounds the fragment cache: room for two lists of a large
// site's entries.
const maxFragments = 400_000

// Emit receives each rendered file: its path in the site, slash-separated,
// and its contents, which it must not keep past the call.
type Emit func(path string, data []byte) error

// Page renders one page.
func (r *Renderer) Page(p *site.Page, emit Emit) error {
	t := r.pages[p.Kind]
	if t == nil {
		return fmt.Errorf("%s: no template for pages of kind %q", p.Path, p.Kind)
	}
	b := r.buf.Get().(*bytes.Buffer)
	defer r.buf.Put(b)
	b.Reset()
	if err := t.Execute(b, p); err != nil {
		return fmt.Errorf("%s: %w", p.Path, err)
	}
	return emit(p.Path, b.Bytes())
}
