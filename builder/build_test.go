package builder

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"timeline/builder/entry"
)

// newTestSite copies testdata/site, with the project's own templates and
// static files, to a fresh folder and returns it.
func newTestSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{"testdata/site": "", "../templates": "templates", "../static": "static"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func buildSite(t *testing.T, dir, baseURL, out string) Report {
	t.Helper()
	rep, err := Build(dir, out, Options{BaseURL: baseURL, Fingerprint: true})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, rep.Problems)
	}
	return rep
}

// TestBuild builds the test site under three base URLs and checks every
// page of it: that it parses, that it has the landmarks a reader needs,
// and that every link and asset it names is there.
func TestBuild(t *testing.T) {
	dir := newTestSite(t)
	for _, base := range []string{"https://example.org/", "https://owner.github.io/repo/", "http://127.0.0.1:1313/deep/sub/path", "https://example.org/war%23diary%3F/"} {
		t.Run(base, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			stats := buildSite(t, dir, base, out)
			if stats.Entries != 8 {
				t.Errorf("built %d entries, want 8 (9 files, one a draft; hidden and backup files ignored)", stats.Entries)
			}
			checkSite(t, out, base)
		})
	}
}

// checkSite checks every file of a built site.
func checkSite(t *testing.T, out, base string) {
	t.Helper()
	baseURL, _ := url.Parse(base)
	basePath := strings.TrimSuffix(baseURL.Path, "/") + "/"
	pages := 0
	err := filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(name, out+string(filepath.Separator)))
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		switch path.Ext(rel) {
		case ".html":
			pages++
			checkPage(t, out, basePath, rel, data)
		case ".xml":
			if strings.HasSuffix(rel, "feed.xml") {
				checkFeed(t, out, baseURL, basePath, rel, data)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 {
		t.Errorf("only %d pages", pages)
	}
}

// checkPage parses one page and follows its links.
func checkPage(t *testing.T, out, basePath, rel string, data []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	checkBalanced(t, rel, data)
	var h1, mains int
	var lang string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "h1":
			h1++
		case "main":
			mains++
		case "html":
			lang = attr(n, "lang")
		case "script":
			// The only scripts a built page may hold are JSON-LD data and
			// the site's own scripts, from static/, by address (which
			// checkLink follows).
			if src := attr(n, "src"); src != "" {
				if n.FirstChild != nil || path.Ext(src) != ".js" {
					t.Errorf("%s: a script that is not one of static/: %s", rel, src)
				}
				break
			}
			var v any
			if attr(n, "type") != "application/ld+json" || n.FirstChild == nil || json.Unmarshal([]byte(n.FirstChild.Data), &v) != nil {
				t.Errorf("%s: a script that is not JSON-LD", rel)
			}
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "href", "src":
				checkLink(t, out, basePath, rel, a.Val)
			case "srcset":
				for _, c := range strings.Split(a.Val, ",") {
					checkLink(t, out, basePath, rel, strings.Fields(c)[0])
				}
			}
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: event handler attribute %s", rel, a.Key)
			}
		}
	}
	if h1 != 1 || mains != 1 || lang == "" {
		t.Errorf("%s: %d h1, %d main, lang %q; want one h1, one main and a lang", rel, h1, mains, lang)
	}
	if !bytes.Contains(data, []byte(`href="#main">Skip to content`)) {
		t.Errorf("%s: no skip link", rel)
	}
}

// checkBalanced reports elements left open or closed twice: html.Parse
// repairs such mistakes silently, browsers too, differently.
func checkBalanced(t *testing.T, rel string, data []byte) {
	t.Helper()
	void := map[string]bool{"meta": true, "link": true, "br": true, "img": true, "hr": true, "input": true, "source": true, "wbr": true}
	var stack []string
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if len(stack) > 0 {
				t.Errorf("%s: unclosed elements %v", rel, stack)
			}
			return
		case html.StartTagToken:
			name, _ := z.TagName()
			if !void[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Errorf("%s: </%s> closes %v", rel, name, stack)
				return
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// checkLink checks that a link found on page rel resolves, when it points
// inside the site: it asks for it as a browser would, of a server that
// serves the site as GitHub Pages does (see pagesServer).
func checkLink(t *testing.T, out, basePath, rel, link string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Errorf("%s: bad link %q", rel, link)
		return
	}
	if u.Scheme != "" && u.Host != "example.org" && u.Host != "owner.github.io" && u.Host != "127.0.0.1:1313" {
		if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
			t.Errorf("%s: link with scheme %q: %q", rel, u.Scheme, link)
		}
		return // outside the site
	}
	if link == "" {
		t.Errorf("%s: empty link", rel)
		return
	}
	if u.Path == "" {
		return // "#main"
	}
	if u.Host == "" && !strings.HasPrefix(u.Path, "/") {
		t.Errorf("%s: relative link %q; want links under the base path", rel, link)
		return
	}
	w := httptest.NewRecorder()
	pagesServer(out, basePath).ServeHTTP(w, httptest.NewRequest("GET", u.EscapedPath(), nil))
	if w.Code != http.StatusOK {
		t.Errorf("%s: link %q answers %d", rel, link, w.Code)
	}
}

// pagesServer serves a built site as GitHub Pages serves a project site:
// under its base path, folders by their index.html, and 404.html, with
// status 404, for everything else.
func pagesServer(out, basePath string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		notFound := func() {
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(out, "404.html"))
			w.Write(b)
		}
		rel, ok := strings.CutPrefix(r.URL.Path, basePath)
		if !ok || strings.Contains(rel, "..") {
			notFound()
			return
		}
		name := filepath.Join(out, filepath.FromSlash(rel))
		if info, err := os.Stat(name); err == nil && info.IsDir() {
			if !strings.HasSuffix(rel, "/") && rel != "" {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			name = filepath.Join(name, "index.html")
		}
		b, err := os.ReadFile(name)
		if err != nil {
			notFound()
			return
		}
		w.Write(b)
	})
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Author  *struct{ Name string } `xml:"author"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// checkFeed checks an Atom feed for what RFC 4287 requires: id, title and
// updated on the feed and each entry, a self link, an author.
func checkFeed(t *testing.T, out string, base *url.URL, basePath, rel string, data []byte) {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	self := ""
	for _, l := range f.Links {
		if l.Rel == "self" {
			self = l.Href
		}
	}
	wantSelf := base.Scheme + "://" + base.Host + (&url.URL{Path: basePath}).EscapedPath() + rel
	if f.ID == "" || f.Title == "" || f.Updated == "" || f.Author == nil || self != wantSelf {
		t.Errorf("%s: id %q title %q updated %q author %v self %q (want %q)", rel, f.ID, f.Title, f.Updated, f.Author, self, wantSelf)
	}
	if len(f.Entries) == 0 {
		t.Errorf("%s: no entries", rel)
	}
	for _, e := range f.Entries {
		if e.ID == "" || e.Title == "" || e.Updated == "" {
			t.Errorf("%s: entry %+v lacks id, title or updated", rel, e)
		}
		checkLink(t, out, basePath, rel, e.Link.Href)
	}
}

// reader returns a function that reads a file of the built site out.
func reader(t *testing.T, out string) func(name string) string {
	return func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
}

// TestBuildContent checks what the test site's pages say.
func TestBuildContent(t *testing.T) {
	dir := newTestSite(t)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, dir, "https://owner.github.io/repo/", out)
	read := reader(t, out)

	example := read("2025/02/02/volodomyr-zelenskyy-calls-on-ukraines-allies-to-step-up/index.html")
	caption := "Keir Starmer announced further support for Ukraine during a visit to Kyiv last month."
	if n := strings.Count(example, caption); n != 1 {
		t.Errorf("example: caption shown %d times, want once", n)
	}
	for _, want := range []string{"Associated Press", "Kevin Schofield", "2 min read", "day 1,075", "Poltava Oblast", "/repo/regions/kyiv/"} {
		if !strings.Contains(example, want) {
			t.Errorf("example page lacks %q", want)
		}
	}

	md := read("2023/07/18/grain-corridor-what-we-know/index.html")
	for _, bad := range []string{"javascript:", "<script>", "alert(3)</script>"} {
		if strings.Contains(md, bad) {
			t.Errorf("markdown page contains %q", bad)
		}
	}
	for _, want := range []string{"<table>", "<h2>Ports</h2>", `href="/repo/2024/05/25/"`, `href="https://example.com/"`, "Desk &lt;Editor&gt;", `href="https://example.com/grain?a=1&amp;b=2"`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown page lacks %q", want)
		}
	}

	month := read("2023/06/index.html")
	if !strings.Contains(month, "June 2023") || !strings.Contains(month, "/repo/2023/06/kakhovka-dam-breach-floods-kherson-region/") {
		t.Errorf("month page does not list the month-only entry as June 2023")
	}
	if _, err := os.Stat(filepath.Join(out, "2023/06/01")); err == nil {
		t.Errorf("a month-only entry made a page for the 1st")
	}

	// Two entries with the same headline and date get distinct slugs.
	day := read("2024/05/25/index.html")
	if strings.Count(day, `href="/repo/2024/05/25/drone-attack-on-odesa-port`) != 2 {
		t.Errorf("day page does not list both same-headline entries")
	}
	if _, err := os.Stat(filepath.Join(out, "2024/02/24/dva-roky-povnomasshtabnoi-viiny/index.html")); err != nil {
		t.Errorf("Cyrillic headline not transliterated: %v", err)
	}
	if strings.Contains(read("timeline.json"), "Unfinished draft") {
		t.Errorf("a draft was published")
	}
	sumy := read("regions/sumy-oblast/index.html")
	if !strings.Contains(sumy, "Fighting along the border") {
		t.Errorf("front matter regions = [\"Sumy\"] did not place the entry in Sumy Oblast")
	}
	if strings.Contains(read("index.html"), "Grain corridor") {
		t.Errorf("home page shows more than home_entries = 5 entries")
	}
}

// TestData checks timeline.json and timeline.csv: every published entry,
// its places by code, and the codes' names.
func TestData(t *testing.T) {
	dir := newTestSite(t)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, dir, "https://owner.github.io/repo/", out)
	read := reader(t, out)

	type dataEntry struct {
		Date, Title, URL, Byline, Source string
		Countries, Regions               []string
	}
	var data struct {
		Places  map[string]string
		Entries []dataEntry
	}
	if err := json.Unmarshal([]byte(read("timeline.json")), &data); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(read("timeline.csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sitemap := read("sitemap.xml")
	if len(data.Entries) == 0 || len(rows) != len(data.Entries)+1 {
		t.Fatalf("%d JSON entries, %d CSV rows with the header", len(data.Entries), len(rows))
	}
	for i, e := range data.Entries {
		if !strings.Contains(sitemap, "<loc>"+e.URL+"</loc>") {
			t.Errorf("timeline.json: %s is not a page of the site", e.URL)
		}
		row := rows[i+1]
		if row[0] != e.Date || row[2] != e.URL || row[6] != strings.Join(e.Countries, ";") {
			t.Errorf("CSV row %d %q does not match JSON entry %+v", i+1, row, e)
		}
		var names []string
		for _, code := range e.Countries {
			if data.Places[code] == "" {
				t.Errorf("%s: country %s has no name in places", e.URL, code)
			}
			names = append(names, data.Places[code])
		}
		if row[7] != strings.Join(names, ";") {
			t.Errorf("CSV country_names %q, want %q", row[7], strings.Join(names, ";"))
		}
	}
	example := data.Entries[slices.IndexFunc(data.Entries, func(e dataEntry) bool { return e.Date == "2025-02-02" })]
	if example.Byline != "Kevin Schofield" || !slices.Contains(example.Countries, "UA") ||
		!slices.Contains(example.Regions, "UA-53") || data.Places["UA-53"] != "Poltava Oblast" {
		t.Errorf("example entry: %+v, UA-53 = %q", example, data.Places["UA-53"])
	}
}

// TestDeterministic builds the site twice and compares every byte.
func TestDeterministic(t *testing.T) {
	dir := newTestSite(t)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	buildSite(t, dir, "", a)
	buildSite(t, dir, "", b)
	if diff := compareTrees(t, a, b); diff != "" {
		t.Error(diff)
	}
}

// compareTrees returns how two folders differ, or "".
func compareTrees(t *testing.T, a, b string) string {
	t.Helper()
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(name)
				m[strings.TrimPrefix(name, root)] = data
			}
			return nil
		})
		return m
	}
	fa, fb := files(a), files(b)
	var diffs []string
	for name, data := range fa {
		if other, ok := fb[name]; !ok {
			diffs = append(diffs, "only in first: "+name)
		} else if !bytes.Equal(data, other) {
			diffs = append(diffs, "differs: "+name)
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			diffs = append(diffs, "only in second: "+name)
		}
	}
	slices.Sort(diffs)
	return strings.Join(diffs, "\n")
}

// TestBuildErrors adds broken files to a built site: the build reports
// every one, with its line, and leaves the published site as it was.
func TestBuildErrors(t *testing.T) {
	dir := newTestSite(t)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, dir, "", out)
	before := filepath.Join(t.TempDir(), "before")
	if err := os.CopyFS(before, os.DirFS(out)); err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{
		"bad/feb30.txt":    "date 2025-02-30 A day that never was\n\nText.\n",
		"bad/nodate.txt":   "Just a headline\n\nAnd some text.\n",
		"bad/broken.md":    "+++\ntitle = \"x\"\ndate = 2025-01-01\ncountries = [\"UA\"\n+++\nText.\n",
		"bad/open.md":      "+++\ntitle = \"x\"\ndate = 2025-01-01\n\nText.\n",
		"bad/binary.txt":   "date 2025-01-01 x\n\x00\x01\x02",
		"bad/empty.txt":    "",
		"bad/country.md":   "+++\ntitle = \"x\"\ndate = 2025-01-01\ncountries = [\"Narnia\"]\n+++\nText.\n",
		"bad/wrongtype.md": "+++\ntitle = \"x\"\ndate = 2025-01-01\ndraft = \"yes\"\n+++\nText.\n",
		"bad/blank.txt":    " \n\t\n\r\n   \n",
		"bad/month13.txt":  "date 2025-13-01 A month that never was\n\nText.\n",
		"bad/year1.txt":    "\ndate 0001-01-01 Long ago\n\nText.\n",
		"bad/year3000.md":  "+++\ntitle = \"x\"\ndate = 3000-01-01\n+++\nText.\n",
		"bad/unknown.md":   "+++\ntitle = \"x\"\ndate = 2025-01-01\ncolour = \"red\"\n+++\nText.\n",
	}
	for name, text := range bad {
		name = filepath.Join(dir, "content", name)
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// 50 MB, over the default max_file_size of 1 MiB (sparse: refused
	// before it is read).
	big, err := os.Create(filepath.Join(dir, "content", "bad", "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	big.Truncate(50 << 20)
	big.Close()
	rep, err := Build(dir, out, Options{})
	problems := rep.Problems
	if !errors.Is(err, ErrInput) {
		t.Fatalf("build of broken files: err = %v, want ErrInput", err)
	}
	want := map[string]string{
		"content/bad/feb30.txt:1":    "impossible date",
		"content/bad/nodate.txt:1":   "no date",
		"content/bad/broken.md:4":    "front matter",
		"content/bad/open.md:1":      "never closed",
		"content/bad/binary.txt:2":   "NUL",
		"content/bad/empty.txt:1":    "empty",
		"content/bad/country.md:4":   "unknown country",
		"content/bad/wrongtype.md:4": "draft",
		"content/bad/blank.txt:1":    "empty",
		"content/bad/month13.txt:1":  "impossible date",
		"content/bad/year1.txt:2":    "year",
		"content/bad/year3000.md:3":  "year",
		"content/bad/unknown.md:4":   "colour",
		"content/bad/big.txt:0":      "file is 50.0 MB, over the limit of 1.0 MB (max_file_size in site.toml)",
	}
	for _, pr := range problems {
		key := fmt.Sprintf("%s:%d", pr.Path, pr.Line)
		if w, ok := want[key]; ok && strings.Contains(pr.Msg, w) {
			delete(want, key)
		}
	}
	for k, w := range want {
		t.Errorf("no error %q at %s; got:\n%v", w, k, problems)
	}
	if diff := compareTrees(t, before, out); diff != "" {
		t.Errorf("a failed build changed the published site:\n%s", diff)
	}
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	name = filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPublish checks what GitHub Pages, search engines and link previews
// read from a site published under a subpath with a custom domain.
func TestPublish(t *testing.T) {
	dir := newTestSite(t)
	toml, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	writeFile(t, dir, "site.toml", string(toml)+"cname = \"timeline.example.org\"\n")
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, dir, "https://owner.github.io/repo", out)
	read := reader(t, out)
	if read(".nojekyll") != "" || read("CNAME") != "timeline.example.org\n" {
		t.Errorf(".nojekyll or CNAME wrong")
	}
	if got := read("robots.txt"); !strings.Contains(got, "Sitemap: https://owner.github.io/repo/sitemap.xml\n") {
		t.Errorf("robots.txt: %q", got)
	}

	// The stylesheet is fingerprinted, and the copy is the file.
	home := read("index.html")
	css := regexp.MustCompile(`href="/repo/(style\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(home)
	if css == nil || read(css[1]) != read("style.css") {
		t.Fatalf("no fingerprinted stylesheet linked from the home page")
	}

	// An entry's page: canonical link, Open Graph, Twitter card, JSON-LD.
	const permalink = "https://owner.github.io/repo/2025/02/02/volodomyr-zelenskyy-calls-on-ukraines-allies-to-step-up/"
	doc, err := html.Parse(strings.NewReader(read("2025/02/02/volodomyr-zelenskyy-calls-on-ukraines-allies-to-step-up/index.html")))
	if err != nil {
		t.Fatal(err)
	}
	meta := map[string]string{}
	var ld string
	for n := range doc.Descendants() {
		switch {
		case n.Type != html.ElementNode:
		case n.Data == "meta":
			meta[attr(n, "property")+attr(n, "name")] = attr(n, "content")
		case n.Data == "link" && attr(n, "rel") == "canonical":
			meta["canonical"] = attr(n, "href")
		case n.Data == "script":
			ld = n.FirstChild.Data
		}
	}
	for key, want := range map[string]string{
		"canonical": permalink, "og:url": permalink, "og:type": "article", "og:site_name": "Test Timeline",
		"og:title":               "Volodomyr Zelenskyy Calls On Ukraine's Allies To Step Up Support After Latest Russia 'Terror' Attacks",
		"article:published_time": "2025-02-02", "twitter:card": "summary",
	} {
		if meta[key] != want {
			t.Errorf("%s = %q, want %q", key, meta[key], want)
		}
	}
	if !strings.HasPrefix(meta["description"], "Volodymyr Zelenskyy has has called") {
		t.Errorf("description %q", meta["description"])
	}
	var article struct {
		Type, Headline, DatePublished string
		Author                        []struct{ Name string }
		Publisher                     struct{ Name string }
	}
	if err := json.Unmarshal([]byte(strings.ReplaceAll(ld, `"@type"`, `"type"`)), &article); err != nil {
		t.Fatalf("JSON-LD: %v\n%s", err, ld)
	}
	if article.Type != "NewsArticle" || article.DatePublished != "2025-02-02" ||
		len(article.Author) != 1 || article.Author[0].Name != "Kevin Schofield" || article.Publisher.Name != "Test Timeline" ||
		article.Headline != meta["og:title"] {
		t.Errorf("JSON-LD: %+v", article)
	}

	// The sitemap lists every page but the 404 and the search page (which
	// has nothing to find by itself), by absolute address.
	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(read("sitemap.xml")), &sm); err != nil {
		t.Fatal(err)
	}
	pages := 0
	filepath.WalkDir(out, func(name string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, "404.html") && !strings.HasSuffix(name, "search/index.html") {
			pages++
		}
		return nil
	})
	if len(sm.URLs) != pages {
		t.Errorf("sitemap lists %d pages, the site has %d", len(sm.URLs), pages)
	}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, "https://owner.github.io/repo/") || !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(u.LastMod) {
			t.Errorf("sitemap entry %+v", u)
		}
	}

	// A feed's date is its newest entry's: a build at another time gives
	// the same feed.
	var feed atomFeed
	xml.Unmarshal([]byte(read("feed.xml")), &feed)
	if feed.Updated != "2025-02-02T00:00:00Z" {
		t.Errorf("feed updated %q, want the newest entry's date", feed.Updated)
	}
}

// TestLinksOut: no article outside content/ is published, through a
// link to a file, a link to a folder, or a link through a linked folder,
// in a full build or a preview's update.
func TestLinksOut(t *testing.T) {
	dir := newTestSite(t)
	outside := t.TempDir()
	writeFile(t, outside, "x.txt", "date 2024-01-01 Secret outside\n\nNot for publishing.\n")
	content := filepath.Join(dir, "content")
	for link, target := range map[string]string{
		"d": outside, "via.txt": "d/x.txt", "abs.txt": filepath.Join(outside, "x.txt"), "rel.txt": "../../" + filepath.Base(outside) + "/x.txt",
	} {
		if err := os.Symlink(target, filepath.Join(content, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	m := memSink{}
	s := NewSession(dir, Options{})
	rep, err := s.Update(nil, m)
	if err != nil {
		t.Fatal(err)
	}
	if _, w := rep.Problems.Count(); w < 3 {
		t.Errorf("want a warning for each link out; got %v", rep.Problems)
	}
	// A preview told of the folder link.
	if _, err := s.Update([]string{"content/d", "content/via.txt"}, m); err != nil {
		t.Fatal(err)
	}
	for name, data := range m {
		if strings.Contains(data, "Secret outside") {
			t.Errorf("%s shows an article from outside content/", name)
		}
	}
}

// TestLocate: a file of the site gets the address the built site gives it;
// a file from elsewhere takes none of theirs.
func TestLocate(t *testing.T) {
	dir := newTestSite(t)
	outside := filepath.Join(t.TempDir(), "draft.txt")
	os.WriteFile(outside, []byte("date 2024-05-25 Drone attack on Odesa port\n\nA third report.\n"), 0o644)
	located, err := Locate(dir, []string{filepath.Join(dir, "content", "d001.txt"), filepath.Join(dir, "content", "d002.txt"), outside})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"https://example.org/2024/05/25/drone-attack-on-odesa-port/",
		"https://example.org/2024/05/25/drone-attack-on-odesa-port-",
		"https://example.org/2024/05/25/drone-attack-on-odesa-port",
	}
	if located[0].Permalink == located[1].Permalink {
		t.Errorf("two articles of the site share %s", located[0].Permalink)
	}
	for i, l := range located {
		if !strings.HasPrefix(l.Permalink, want[i]) {
			t.Errorf("%s: permalink %q, want one starting %q", l.File, l.Permalink, want[i])
		}
		if len(l.Regions) != 1 || l.Regions[0] != (Named{"UA-51", "Odesa Oblast"}) {
			t.Errorf("%s: regions %v", l.File, l.Regions)
		}
	}
}

// TestHeldBack: an article dated after today waits for its day, unless
// the build is told otherwise; an article in two files shows once, from
// the first, and the other gets a warning.
func TestHeldBack(t *testing.T) {
	dir := newTestSite(t)
	article := "date %s %s\n\nThe shelling of Kherson went on through the night, officials said on %s.\n"
	long := "Power was cut to most of the city, and the regional administration said repairs would take days because crews could not reach the damaged lines while the shelling continued.\n"
	files := map[string]string{
		"content/future.txt": fmt.Sprintf(article, "2025-03-02", "A report from tomorrow", "Sunday"),
		"content/today.txt":  fmt.Sprintf(article, "2025-03-01", "A report from today", "Saturday"),
		"content/a-copy.txt": fmt.Sprintf(article, "2025-02-20", "Kherson shelled", "Thursday") + "\n" + long,
		"content/b-copy.txt": strings.Replace(fmt.Sprintf(article, "2025-02-20", "Kherson shelled overnight", "Thursday")+"\n"+long, "\n\n", "\nBy Jane Doe\n\n", 1),
		// A short body alone does not make two articles one.
		"content/a-stub.txt":   "date 2025-02-22 Blast in Sumy\n\nDeveloping story.\n",
		"content/b-stub.txt":   "date 2025-02-22 Blast in Kharkiv\n\nDeveloping story.\n",
		"content/c-stub.txt":   "date 2025-02-23 Blast in Kharkiv\n\nDeveloping story.\n",
		"content/a-source.md":  "+++\ntitle = \"Drones over Odesa\"\ndate = 2025-02-21\nsource = \"https://www.example.com/news/odesa/?utm_source=x\"\n+++\nDrones flew over Odesa.\n",
		"content/b-source.md":  "+++\ntitle = \"Drones over Odesa, again\"\ndate = 2025-02-21\nsource = \"http://example.com/news/odesa\"\n+++\nDrones were seen over Odesa.\n",
		"content/other-one.md": "+++\ntitle = \"Drones over Odesa, another story\"\ndate = 2025-02-21\nsource = \"https://example.com/news/odesa-2\"\n+++\nMore drones.\n",
	}
	for name, text := range files {
		writeFile(t, dir, name, text)
	}
	today := entry.Date{Year: 2025, Month: 3, Day: 1}
	for _, future := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "public")
		rep, err := Build(dir, out, Options{Today: today, Future: future})
		if err != nil {
			t.Fatal(err, rep.Problems)
		}
		warned := map[string]string{}
		for _, pr := range rep.Problems {
			if pr.Warning {
				warned[pr.Path] = pr.Msg
			}
		}
		data := reader(t, out)("timeline.csv")
		if strings.Contains(data, "A report from tomorrow") != future {
			t.Errorf("future = %v: the article dated tomorrow shown: %v", future, !future)
		}
		if !future && !strings.Contains(warned["content/future.txt"], "after today (2025-03-01)") {
			t.Errorf("no warning for the article dated tomorrow: %q", warned["content/future.txt"])
		}
		if !strings.Contains(data, "A report from today") {
			t.Errorf("the article dated today is not shown")
		}
		for copy, first := range map[string]string{"content/b-copy.txt": "content/a-copy.txt", "content/b-source.md": "content/a-source.md"} {
			if !strings.Contains(warned[copy], "the same article as "+first) {
				t.Errorf("%s: warning %q, want one naming %s", copy, warned[copy], first)
			}
		}
		rows, _ := csv.NewReader(strings.NewReader(data)).ReadAll()
		shown := map[string]int{}
		for _, row := range rows {
			shown[row[1]]++
		}
		for title, want := range map[string]int{
			"Kherson shelled": 1, "Kherson shelled overnight": 0,
			"Drones over Odesa": 1, "Drones over Odesa, again": 0, "Drones over Odesa, another story": 1,
			"Blast in Sumy": 1, "Blast in Kharkiv": 2,
		} {
			if shown[title] != want {
				t.Errorf("%q shown %d times, want %d", title, shown[title], want)
			}
		}
	}
}
