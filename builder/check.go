package builder

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// A CheckReport says what Check found.
type CheckReport struct {
	Report
	Links int // links followed, counted on every page that has them
}

// Check runs every check a build runs (parsing and placing every article,
// finding copies and early articles, rendering every page) and then
// follows every link from page to page, writing nothing. Its Problems are
// what a build would report, and an error for each address of the site
// that a page links to and the site does not have. The error is ErrInput
// when there are errors, as Build's is.
func Check(dir string, opts Options) (CheckReport, error) {
	p, err := Open(dir, opts.BaseURL)
	if err != nil {
		var rep CheckReport
		rep.Problems = configProblems(err)
		return rep, ErrInput
	}
	c := &linkSink{base: p.Config.BaseURLParsed(), files: map[string]bool{}, links: map[string][]string{}, raw: map[string]string{}}
	s := NewSession(dir, opts)
	rep, err := s.Update(nil, c)
	out := CheckReport{Report: rep}
	if err != nil {
		return out, err
	}
	// A broken link on an entry's page is most likely the entry's own.
	blame := map[string]string{}
	for _, pg := range s.last.Pages {
		if pg.Entry != nil {
			blame[pg.Path] = pg.Entry.Path
		}
	}
	for _, target := range slices.Sorted(maps.Keys(c.links)) {
		from := c.links[target]
		out.Links += len(from)
		if c.has(target) {
			continue
		}
		// Each article whose page has the link is named, at its line; a
		// link the templates make is named once, at the first page.
		slices.Sort(from)
		byTemplate := []string{}
		for _, page := range from {
			src, ok := blame[page]
			if !ok {
				byTemplate = append(byTemplate, page)
				continue
			}
			line := lineOf(filepath.Join(dir, filepath.FromSlash(src)), c.raw[target], c.base.Path)
			out.Problems.Errorf(src, line, "links to %s, which is no page of the site", target)
		}
		if len(byTemplate) > 0 {
			out.Problems.Errorf("public/"+byTemplate[0], 0, "links to %s, which is no page of the site (from %s)", target, pageList(byTemplate))
		}
	}
	out.Problems.Sort()
	if out.Problems.Err() != nil {
		return out, ErrInput
	}
	return out, nil
}

// lineOf returns the number of the first line of the file name that holds
// the link, as written on the page or, for a link an article writes from
// the site's root, without the base path the renderer put before it; or 0.
func lineOf(name, link, basePath string) int {
	data, err := os.ReadFile(name)
	if err != nil || link == "" {
		return 0
	}
	i := strings.Index(string(data), link)
	if rooted, ok := strings.CutPrefix(link, strings.TrimSuffix(basePath, "/")); i < 0 && ok && rooted != "" {
		// "[x](/2024/05/02/)", or a reference "[x]: /2024/05/02/".
		if i = strings.Index(string(data), "("+rooted); i < 0 {
			i = strings.Index(string(data), " "+rooted)
		}
	}
	if i < 0 {
		return 0
	}
	return 1 + strings.Count(string(data[:i]), "\n")
}

func pageList(pages []string) string {
	if len(pages) > 3 {
		return fmt.Sprintf("%s and %d more pages", strings.Join(pages[:3], ", "), len(pages)-3)
	}
	return strings.Join(pages, ", ")
}

// linkSink takes a build's files and keeps, rather than their bytes, their
// names and the addresses of the site that each page links to.
type linkSink struct {
	base *url.URL // the site's address: "https://owner.github.io/repo/"

	mu    sync.Mutex
	files map[string]bool
	links map[string][]string // an address of the site → the pages that link to it
	raw   map[string]string   // an address of the site → a link to it as written
}

// pageURLs returns the values of the href and src attributes of a page
// made by html/template, which quotes every attribute with double quotes.
// A scan, not a regular expression: it is a third of a check's time
// otherwise.
func pageURLs(page []byte) [][]byte {
	var urls [][]byte
	for rest := page; ; {
		i := bytes.Index(rest, []byte(`="`))
		if i < 0 {
			return urls
		}
		name := rest[:i]
		rest = rest[i+2:]
		end := bytes.IndexByte(rest, '"')
		if end < 0 {
			return urls
		}
		if bytes.HasSuffix(name, []byte(" href")) || bytes.HasSuffix(name, []byte(" src")) ||
			bytes.HasSuffix(name, []byte("\nhref")) || bytes.HasSuffix(name, []byte("\nsrc")) {
			urls = append(urls, rest[:end])
		}
		rest = rest[end+1:]
	}
}

func (c *linkSink) Write(name string, data []byte) error {
	var found, raw []string
	if strings.HasSuffix(name, ".html") {
		page := c.base.ResolveReference(&url.URL{Path: strings.TrimSuffix(name, "index.html")})
		for _, attr := range pageURLs(data) {
			u, err := url.Parse(html.UnescapeString(string(attr)))
			if err != nil {
				continue // no address a browser could follow to the site
			}
			u = page.ResolveReference(u)
			if (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, c.base.Host) && strings.HasPrefix(u.Path, c.base.Path) {
				u.RawQuery, u.Fragment = "", ""
				found = append(found, u.String())
				raw = append(raw, html.UnescapeString(string(attr)))
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[name] = true
	for i, u := range found {
		c.links[u] = append(c.links[u], name)
		if _, ok := c.raw[u]; !ok {
			c.raw[u] = raw[i]
		}
	}
	return nil
}

func (c *linkSink) Remove(string) error { return nil }

// has reports whether the site has a file that serves the address u, as
// GitHub Pages finds one: a folder's index.html ("x" redirects to "x/"),
// or "x.html" for "x".
func (c *linkSink) has(u string) bool {
	p, _ := url.Parse(u)
	rel := strings.TrimPrefix(p.Path, c.base.Path)
	if rel == "" || strings.HasSuffix(rel, "/") {
		return c.files[rel+"index.html"]
	}
	return c.files[rel] || c.files[rel+"/index.html"] || c.files[rel+".html"]
}
