package builder

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// testdata/hostile is a site whose every string tries to run script in
// the pages made from it: headlines, bylines, captions, credits, bodies,
// front matter and site.toml carry <script>, "><img onerror=...>,
// javascript:, data: and vbscript: addresses in every spelling, JSON-LD
// and CSS breakouts, raw HTML of every dangerous kind, bidirectional
// overrides, homoglyphs and a 100,000-character word. Every payload sets
// window.__pwned: serve/escape_browser_test.go loads each page in Chromium
// and looks for it; TestEscaping reads the pages as a browser would.

// newHostileSite copies testdata/hostile, with the templates and static
// files, into a temporary site folder.
func newHostileSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{"testdata/hostile": "", "../templates": "templates", "../static": "static"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestEscaping builds the hostile site and checks every file it makes:
// no page holds a script, an event handler, a dangerous address or markup
// that came from the content, and the hostile text is all there, shown as
// text.
func TestEscaping(t *testing.T) {
	dir := newHostileSite(t)
	out := filepath.Join(t.TempDir(), "public")
	rep, err := Build(dir, out, Options{Fingerprint: true})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, rep.Problems)
	}
	files, _ := filepath.Glob("testdata/hostile/content/*")
	if rep.Entries != len(files) {
		t.Errorf("built %d entries of %d files: hostile text must be shown, harmlessly, not dropped", rep.Entries, len(files))
	}
	allowed := templateParts(t)
	allowed.assets = staticScripts(t, dir, out)

	pages := map[string]*html.Node{}
	searchTitles := map[string]bool{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if i := bytes.IndexFunc(data, isBidiControl); i >= 0 {
			r, _ := utf8.DecodeRune(data[i:])
			t.Errorf("%s: bidirectional control %U at byte %d: it reverses the text around it", rel, r, i)
		}
		switch path.Ext(rel) {
		case ".html":
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Errorf("%s: %v", rel, err)
				return nil
			}
			pages[rel] = doc
			escCheckPage(t, rel, doc, allowed)
		case ".xml":
			escCheckXML(t, rel, data)
		case ".json":
			if strings.HasPrefix(rel, "search/") {
				escCheckSearch(t, rel, data, searchTitles)
			} else {
				escCheckJSON(t, rel, data)
			}
		case ".csv":
			escCheckCSV(t, rel, data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// The hostile text is all there, as text: each file's headline heads
	// its page, and what the payloads say is shown, not run and not lost.
	const P = "window.__pwned=1"
	shown := map[string]string{} // an entry page's headline → the text of its main
	for rel, doc := range pages {
		if a := escFind(doc, "article"); a != nil && escAttr(a, "class") == "entry" {
			h1 := escFind(a, "h1")
			shown[escText(h1)] = escText(escFind(doc, "main"))
		}
		if title := escText(escFind(doc, "title")); !strings.Contains(title, `<script>`+P+`</script>Hostile "Timeline" '><svg onload=`+P+`>`) {
			t.Errorf("%s: title %q lacks the site's name as text", rel, title)
		}
	}
	for headline, texts := range map[string][]string{
		`<script>` + P + `</script> Officials say "><img src=x onerror="` + P + `"> attack hit Xland`: {
			`Jane '><svg onload=` + P + `> Doe`,
			`Updated: <script>` + P + `</script> March 1, 2024`,
			`A <b onmouseover="` + P + `">caption</b> of the damage in Evilshire. <script>` + P + `</script> Agency`,
			`The first paragraph has <script>` + P + `</script> and "><img src=x onerror="` + P + `">`,
			`<iframe src="javascript:` + P + `"></iframe> <object data="javascript:` + P + `"></object>`,
			`<base href="javascript:` + P + `//"> <meta http-equiv="refresh"`,
			`The raw entities &lt;script&gt;` + P + `&lt;/script&gt; stay as written`,
			`(Reporting by <script>` + P + `</script>; Editing by "><img src=x onerror=` + P + `>)`,
			`"><svg onload=` + P + `>Xland`,
			`</script><img src=x onerror=` + P + `> Evilshire`,
		},
		`</script><script>` + P + `</script><!-- front matter headline`: {
			`"><img src=x onerror="` + P + `"></script><script>` + P + `</script>`,
			`Tags: </script><script>` + P + `</script>, <!--, "><img src=x onerror=` + P + `>`,
			`A body paragraph with <img src=x onerror="` + P + `"> in it.`,
		},
		"Source is javascript":            {"a javascript: address"},
		"Source is data":                  {`=HYPERLINK("javascript:` + P + `","x")`},
		"Source is vbscript":              {"a vbscript: address"},
		"Source is mixed-case javascript": {"javascript: with a space and mixed case"},
		"Links of every kind":             {"Inline: a b c d", "Heading {#id onclick=“" + P + "”}", "<img src=x onerror=" + P + ">"},
		"Raw HTML in Markdown":            {"<svg onload=" + P + ">", "<script>" + P + "</script>"},
		"&lt;script&gt;" + P + "&lt;/script&gt; entities in the title": {
			"&lt;img src=x onerror=" + P + "&gt;",
			"<script>" + P + "</script> and <script>" + P + "</script> and <img src=x onerror=" + P + ">.",
		},
		"&lt;script&gt;" + P + "&lt;/script&gt; and &#60;img src=x onerror=" + P + "&#62; in a plain headline": {
			"&#60;script&#62;" + P + "&#60;/script&#62; in a plain body stays as written.",
		},
		"</script><script>" + P + "</script></style><style>*{background:url(javascript:" + P + ")}</style>": {
			"</SCRIPT ><script>" + P + "</script>",
			"Tags: </script>, <!--<script>, ]]>",
		},
		// Bidirectional controls are removed; homoglyphs are letters, kept.
		"Invoice fdp.exe and an unclosed isolate in the headline": {
			"By eoD enaJ", "or moc.evil or text nested first strong left : an unterminated override runs",
		},
		"gnp.exe homoglyph bank: pаypal.com and аpple.com": {"rohtua isolated", "Pay at pаypal.com or moc.knab or https://аpple.com/.", "Written as entities: desrever and niaga."},
		strings.Repeat("Averylongheadline", 9):             {strings.Repeat("A", 100_000)},
		`A headline after an address with "quotes" in it`:  {`Source: https://evil.example/"onmouseover="` + P + `"><script>` + P + `</script>`},
	} {
		text, ok := shown[headline]
		if !ok {
			t.Errorf("no entry page has the headline %q", headline)
			continue
		}
		for _, s := range texts {
			if !strings.Contains(text, s) {
				t.Errorf("the page of %q does not show %q", headline, s)
			}
		}
	}
	if len(shown) != len(files) {
		t.Errorf("%d entry pages, want %d", len(shown), len(files))
	}
	for headline := range shown {
		if !searchTitles[headline] {
			t.Errorf("the search index lacks the headline %q, as it was written", headline)
		}
	}
}

// TestEscapingSettings: the settings that become addresses take nothing
// but an http or https address, or a domain name.
func TestEscapingSettings(t *testing.T) {
	for _, setting := range []string{
		`base_url = "javascript:window.__pwned=1//example.org/"`,
		`base_url = " JaVaScRiPt://example.org/"`,
		`base_url = "data:text/html,<script>window.__pwned=1</script>"`,
		`base_url = "vbscript:msgbox"`,
		`base_url = "//evil.example/"`,
		`base_url = "https://user:pw@example.org/"`,
		`cname = "example.org"><script>window.__pwned=1</script>"`,
		`language = "en"><script>window.__pwned=1</script>"`,
	} {
		fsys := fstest.MapFS{"site.toml": {Data: []byte(setting + "\n")}}
		if _, err := LoadConfig(fsys, "site.toml"); err == nil {
			t.Errorf("%s: accepted", setting)
		}
	}
}

// urlAttrs are the attributes whose value a browser follows or fetches.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "srcset": true, "poster": true,
	"data": true, "background": true, "cite": true, "ping": true, "longdesc": true, "usemap": true,
	"manifest": true, "codebase": true, "archive": true, "classid": true, "icon": true, "lowsrc": true, "dynsrc": true,
}

// markdownElements are the elements goldmark writes for Markdown, with
// GFM: the elements of an entry's body that no template has.
var markdownElements = []string{"p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
	"h2", "h3", "h4", "h5", "h6", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "del", "input"}

// allowedParts is what the templates themselves put on pages: the
// elements they use, and their own scripts and styles, which are allowed
// as they are and no others.
type allowedParts struct {
	elements        map[string]bool
	scripts, styles map[string]bool // attributes and text, see partKey
	// shaped are the forms, inputs and scripts by address that the
	// templates ship, as patterns: a template action in an attribute
	// stands for any value (it is an address under the base path), and
	// the rest must be as the template has it. See shapeOf.
	shaped map[string][]*regexp.Regexp
	// assets are the addresses of the site's own scripts: static/*.js
	// as the build published them, byte for byte.
	assets map[string]bool
}

// hasShape reports whether n is a form, input or script as a template
// ships it.
func (a allowedParts) hasShape(n *html.Node) bool {
	key := partKey(n)
	return slices.ContainsFunc(a.shaped[n.Data], func(re *regexp.Regexp) bool { return re.MatchString(key) })
}

var actionRE = regexp.MustCompile(`\{\{.*?\}\}`)

// shapeOf returns a pattern of the partKey of a template's element in
// which each template action matches any attribute value text.
func shapeOf(key string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i, p := range actionRE.Split(key, -1) {
		if i > 0 {
			b.WriteString("[^\x00]*")
		}
		b.WriteString(regexp.QuoteMeta(p))
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// staticScripts returns the addresses of the scripts of static/ in the
// site built from dir into out.
func staticScripts(t *testing.T, dir, out string) map[string]bool {
	t.Helper()
	p, err := Open(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	base := p.Config.BaseURLParsed().Path
	scripts := map[string]bool{}
	names, _ := filepath.Glob("../static/*.js")
	built, _ := os.ReadDir(out)
	for _, name := range names {
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range built {
			if got, err := os.ReadFile(filepath.Join(out, f.Name())); err == nil && bytes.Equal(got, want) {
				scripts[base+f.Name()] = true
			}
		}
	}
	if len(scripts) < len(names) {
		t.Fatalf("the site publishes %d of the %d scripts of static/", len(scripts), len(names))
	}
	return scripts
}

// templateParts reads the templates for the elements, scripts and styles
// they ship. A script or style with a template action in it is made from
// data, and is not shipped as it is: JSON-LD is checked on its own.
func templateParts(t *testing.T) allowedParts {
	t.Helper()
	a := allowedParts{elements: map[string]bool{"html": true, "head": true, "body": true}, scripts: map[string]bool{}, styles: map[string]bool{}, shaped: map[string][]*regexp.Regexp{}}
	for _, e := range markdownElements {
		a.elements[e] = true
	}
	names, _ := filepath.Glob("../templates/*.html")
	if len(names) == 0 {
		t.Fatal("no templates in ../templates")
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		z := html.NewTokenizer(bytes.NewReader(data))
		for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
			if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				name, _ := z.TagName()
				a.elements[string(name)] = true
			}
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch key := partKey(n); {
			case n.Data == "form" || n.Data == "input" || n.Data == "script" && escHasAttr(n, "src") && n.FirstChild == nil:
				// Their actions are written with `raw strings`, so that
				// the attribute's quotes hold the whole action.
				a.shaped[n.Data] = append(a.shaped[n.Data], shapeOf(key))
				continue
			case strings.Contains(key, "{{"):
				continue
			}
			switch n.Data {
			case "script":
				a.scripts[partKey(n)] = true
			case "style":
				a.styles[partKey(n)] = true
			}
		}
	}
	return a
}

// partKey identifies a script or style element by its attributes and text.
func partKey(n *html.Node) string {
	var b strings.Builder
	for _, a := range n.Attr {
		b.WriteString(a.Key + "=" + a.Val + "\x00")
	}
	return b.String() + "\x00" + escText(n)
}

// escCheckPage checks one page as a browser would read it.
func escCheckPage(t *testing.T, rel string, doc *html.Node, allowed allowedParts) {
	t.Helper()
	var h1 string
	var ld struct {
		Headline *string `json:"headline"`
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if !allowed.elements[n.Data] {
			t.Errorf("%s: <%s>, an element no template and no Markdown makes", rel, n.Data)
		}
		switch n.Data {
		case "h1":
			h1 = escText(n)
		case "script":
			if escHasAttr(n, "src") {
				src, err := url.PathUnescape(escAttr(n, "src"))
				if !allowed.hasShape(n) || err != nil || !allowed.assets[src] {
					t.Errorf("%s: a script the templates do not ship, or not from static/: %.200s", rel, escRender(n))
				}
				break
			}
			if escAttr(n, "type") != "application/ld+json" {
				if !allowed.scripts[partKey(n)] {
					t.Errorf("%s: a script the templates do not ship: %.200s", rel, escRender(n))
				}
				break
			}
			text := escText(n)
			lower := strings.ToLower(text)
			if strings.Contains(lower, "</script") || strings.Contains(lower, "<!--") {
				t.Errorf("%s: JSON-LD holds </script or <!--, which end or hide the script: %.200s", rel, text)
			}
			if err := json.Unmarshal([]byte(text), &ld); err != nil {
				t.Errorf("%s: JSON-LD is not JSON (%v): %.200s", rel, err, text)
			}
		case "style":
			if !allowed.styles[partKey(n)] {
				t.Errorf("%s: a style element the templates do not ship: %.200s", rel, escRender(n))
			}
		case "form":
			if !allowed.hasShape(n) {
				t.Errorf("%s: a form the templates do not ship: %s", rel, escRender(n))
			}
		case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "noscript", "template":
			t.Errorf("%s: <%s>", rel, n.Data)
		case "svg": // the templates' charts and maps only, drawn from numbers and names
			if p := n.Parent; p == nil || p.Data != "figure" || !slices.Contains(strings.Fields(escAttr(p, "class")), "chart") && (p.Parent == nil || escAttr(p.Parent, "class") != "map") {
				t.Errorf("%s: <svg> outside a chart or map: %.200s", rel, escRender(n))
			}
		case "meta":
			if escHasAttr(n, "http-equiv") {
				t.Errorf("%s: %s", rel, escRender(n))
			}
		case "input":
			if (escAttr(n, "type") != "checkbox" || !escHasAttr(n, "disabled")) && !allowed.hasShape(n) {
				t.Errorf("%s: an input that is not a task list's checkbox or a template's: %s", rel, escRender(n))
			}
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("%s: event handler %s on <%s>", rel, escRender(n), n.Data)
			case key == "style" || key == "srcdoc":
				t.Errorf("%s: %s attribute: %s", rel, key, escRender(n))
			case urlAttrs[key]:
				var urls []string
				switch key {
				case "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							urls = append(urls, f[0])
						}
					}
				case "ping", "archive":
					urls = strings.Fields(a.Val)
				default:
					urls = []string{a.Val}
				}
				for _, u := range urls {
					if why := unsafeURL(u); why != "" {
						t.Errorf("%s: %s=%q on <%s>: %s", rel, a.Key, u, n.Data, why)
					}
				}
			}
		}
	}
	if ld.Headline != nil && *ld.Headline != h1 {
		t.Errorf("%s: JSON-LD headline %q, the page's %q: the data must be the text, exactly", rel, *ld.Headline, h1)
	}
}

// unsafeURL says why a browser would do with u what no link of the site
// should: run it, show a document made from it, or leave the site's scheme
// and base path behind for another host; or "" when u is safe. It reads u
// as a browser does: leading and trailing controls and spaces trimmed,
// tabs and line breaks anywhere removed, the scheme in any case.
func unsafeURL(u string) string {
	if u == "" {
		return "empty: a dropped address must drop its link"
	}
	for _, r := range u {
		if r >= utf8.RuneSelf {
			return "not ASCII: a host must be shown as punycode, never as letters that pass for others"
		}
	}
	s := strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	if scheme := urlScheme(s); scheme != "" {
		switch scheme {
		case "http", "https", "mailto":
			return ""
		}
		return "scheme " + scheme + ":"
	}
	if len(s) >= 2 && strings.ContainsRune(`/\`, rune(s[0])) && strings.ContainsRune(`/\`, rune(s[1])) {
		return "another host, under the page's scheme"
	}
	return ""
}

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// urlScheme returns the scheme of u, in lower case, or "" when it has
// none: a colon after anything but a scheme's characters makes a relative
// address.
func urlScheme(u string) string {
	if m := schemeRE.FindString(u); m != "" {
		return strings.ToLower(strings.TrimSuffix(m, ":"))
	}
	return ""
}

// escCheckXML checks that a feed or sitemap is well-formed XML, that feeds
// give titles and summaries as text (a reader renders type="html"), and
// that every address in it is http or https.
func escCheckXML(t *testing.T, rel string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var inLoc, inID bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed: %v", rel, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inLoc, inID = tok.Name.Local == "loc", tok.Name.Local == "id"
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && (tok.Name.Local == "title" || tok.Name.Local == "summary") && a.Value != "text" {
					t.Errorf("%s: <%s type=%q>: a feed reader would render it", rel, tok.Name.Local, a.Value)
				}
				if a.Name.Local == "href" {
					if s := urlScheme(a.Value); s != "http" && s != "https" {
						t.Errorf("%s: href %q", rel, a.Value)
					}
				}
			}
		case xml.CharData:
			if s := urlScheme(string(tok)); (inLoc || inID) && s != "http" && s != "https" {
				t.Errorf("%s: address %q", rel, tok)
			}
		case xml.EndElement:
			inLoc, inID = false, false
		}
	}
}

// escCheckJSON checks that timeline.json is JSON whose addresses are all
// http or https, and that it gives the hostile headlines as data, exactly.
func escCheckJSON(t *testing.T, rel string, data []byte) {
	t.Helper()
	var v struct {
		Entries []struct {
			Title, URL, Byline string
			SourceURL          string `json:"source_url"`
		}
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	var titles, bylines []string
	for _, e := range v.Entries {
		titles, bylines = append(titles, e.Title), append(bylines, e.Byline)
		for _, u := range []string{e.URL, e.SourceURL} {
			if s := urlScheme(u); u != "" && s != "http" && s != "https" {
				t.Errorf("%s: address %q", rel, u)
			}
		}
	}
	if !slices.Contains(titles, "</script><script>window.__pwned=1</script><!-- front matter headline") ||
		!slices.Contains(bylines, `=HYPERLINK("javascript:window.__pwned=1","x")`) {
		t.Errorf("%s: the hostile headline and byline are not there as they were written", rel)
	}
}

// searchFolder is an entry's folder as the search index gives it, and
// as static/search.js insists on: a path under the base path, nothing
// a browser would take for another scheme or host.
var searchFolder = regexp.MustCompile(`^[0-9]{4}/[0-9]{2}/([0-9]{2}/)?[a-z0-9-]+/$`)

// escCheckSearch checks a file of the search index: JSON whose terms are
// words, whose postings are digits, and whose entries' addresses are
// folders of the site; it collects the headlines, which must be there as
// they were written.
func escCheckSearch(t *testing.T, rel string, data []byte, titles map[string]bool) {
	t.Helper()
	var v struct {
		T map[string]string `json:"t"`
		D [][4]json.RawMessage
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	word := regexp.MustCompile(`^[\p{L}\p{N}\p{Mc}]+\*?$`)
	for term, postings := range v.T {
		if !word.MatchString(term) || strings.Trim(postings, "!0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_") != "" {
			t.Errorf("%s: term %q: %.100q", rel, term, postings)
		}
	}
	for _, d := range v.D {
		var title, folder string
		if json.Unmarshal(d[0], &title) != nil || json.Unmarshal(d[1], &folder) != nil {
			t.Errorf("%s: an entry that is not [headline, folder, ...]: %s", rel, d[0])
			continue
		}
		titles[title] = true
		if !searchFolder.MatchString(folder) {
			t.Errorf("%s: entry %q has the address %q", rel, title, folder)
		}
	}
}

// escCheckCSV checks that timeline.csv is CSV with no cell a spreadsheet
// would run as a formula, and that it gives the hostile text as data.
func escCheckCSV(t *testing.T, rel string, data []byte) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	var bylines []string
	for _, row := range rows {
		bylines = append(bylines, row[3])
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("%s: cell %q would run as a formula", rel, cell)
			}
		}
	}
	if !slices.Contains(bylines, `'=HYPERLINK("javascript:window.__pwned=1","x")`) {
		t.Errorf("%s: the formula byline is not there, quoted", rel)
	}
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate, as entry.StripBidi removes.
func isBidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

func escFind(n *html.Node, tag string) *html.Node {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && c.Data == tag {
			return c
		}
	}
	return nil
}

// escText returns the text of n as a reader sees it, white space runs as
// one space.
func escText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func escAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func escHasAttr(n *html.Node, key string) bool {
	return slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == key })
}

func escRender(n *html.Node) string {
	var b strings.Builder
	html.Render(&b, n)
	return b.String()
}
