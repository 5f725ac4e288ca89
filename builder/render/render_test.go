package render

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"timeline/builder/entry"
	"timeline/builder/site"
)

func TestURL(t *testing.T) {
	tr := bodyTransformer{basePath: "/repo/"}
	for in, want := range map[string]string{
		"https://example.com/a?b=1":   "https://example.com/a?b=1",
		"HTTP://EXAMPLE.COM/":         "HTTP://EXAMPLE.COM/",
		"mailto:desk@example.com":     "mailto:desk@example.com",
		"/2024/05/25/":                "/repo/2024/05/25/",
		"#notes":                      "#notes",
		"other/page/":                 "other/page/",
		"javascript:alert(1)":         "",
		"JavaScript:alert(1)":         "",
		"java\tscript:alert(1)":       "",
		" javascript:alert(1)":        "",
		"vbscript:msgbox":             "",
		"data:text/html,<script>":     "",
		"data:image/png;base64,AAAA":  "",
		"file:///etc/passwd":          "",
		"//evil.example/":             "",
		"\x01javascript:alert(1)":     "",
		"jav&#x09;ascript:alert(1)":   "",
		"http://ok.example/ja vascri": "http://ok.example/ja vascri",
		// Escapes and entities are resolved before the check, as goldmark
		// resolves them before it writes the address.
		"&#106;avascript:alert(1)":         "",
		"javascript&colon;alert(1)":        "",
		"data&colon;image/png;base64,AAAA": "",
		`\/\/evil.example/`:                "",
		"&#47;&#47;evil.example/":          "",
		"&#47;2024/":                       "/repo&#47;2024/",
		`a\&b`:                             `a\&b`,
	} {
		if got := string(tr.url([]byte(in), true)); got != want {
			t.Errorf("url(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlainBody(t *testing.T) {
	r := &Renderer{md: newMarkdown("/")}
	e := &entry.Entry{Format: entry.Plain, Blocks: []entry.Block{
		{Kind: entry.Paragraph, Text: `# Not a heading <script>alert("x")</script> & *not em* 1. not a list`},
		{Kind: entry.Figure, Text: `A <b>caption</b>`, Credit: `"Credit"`},
	}}
	got, err := r.body(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `<p># Not a heading &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; *not em* 1. not a list</p>
<figure class="figure"><figcaption>A &lt;b&gt;caption&lt;/b&gt; <span class="credit">&#34;Credit&#34;</span></figcaption></figure>
`
	if string(got) != want {
		t.Errorf("body:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarkdownBody(t *testing.T) {
	r := &Renderer{md: newMarkdown("/repo/")}
	e := &entry.Entry{Format: entry.Markdown, Markdown: "# Heading\n\n" +
		"<img src=x onerror=alert(1)> and <b>bold</b>\n\n" +
		"[x](javascript:alert(1)) [y](/a/) ![i](data:text/html,x)\n\n" +
		"\"Quotes\" -- and www.example.com\n\n<ftp://files.example/x> <javascript:alert(2)> <https://ok.example/>\n\n" +
		"&#x202E;reversed&#8236; [z](\\/\\/evil.example/) ![j](data&colon;image/png;base64,AAAA)\n\n" +
		"| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n#### Deep\n\n###### Deeper\n"}
	got, err := r.body(e)
	if err != nil {
		t.Fatal(err)
	}
	s := string(got)
	for _, want := range []string{"<h2>Heading</h2>", "<h3>Deep</h3>", "<h4>Deeper</h4>", `<p>x <a href="/repo/a/">y</a> i</p>`, "&ldquo;Quotes&rdquo; &ndash;", `<a href="http://www.example.com">`} {
		if !strings.Contains(s, want) {
			t.Errorf("body lacks %q:\n%s", want, s)
		}
	}
	if !strings.Contains(s, `<a href="https://ok.example/">`) || !strings.Contains(s, "ftp://files.example/x") {
		t.Errorf("autolinks: %s", s)
	}
	if !strings.Contains(s, `<th class="align-center">a</th>`) || !strings.Contains(s, `<td class="align-right">2</td>`) {
		t.Errorf("table cells not aligned by class: %s", s)
	}
	for _, bad := range []string{"<img src=x", "onerror", "<b>", `href="javascript:`, "data:", "<h1", `href="ftp:`, `href=""`, "evil.example", "\u202E", "\u202C", "align=", "style="} {
		if strings.Contains(s, bad) {
			t.Errorf("body contains %q:\n%s", bad, s)
		}
	}
}

// TestSitemapIndex: past 50,000 pages, the sitemap is an index of sitemaps
// of at most 50,000 pages each (sitemaps.org).
func TestSitemapIndex(t *testing.T) {
	base, _ := url.Parse("https://example.org/x/")
	s := &site.Site{Config: site.Config{BaseURL: base, Title: "T"}}
	for i := range 120001 {
		s.Pages = append(s.Pages, &site.Page{Kind: "day", Path: fmt.Sprintf("p%d/index.html", i), Site: s})
	}
	files := map[string]string{}
	for _, x := range (&Renderer{}).Extras(s) {
		if strings.HasPrefix(x.Name, "sitemap") {
			x.Render(s, func(name string, data []byte) error { files[name] = string(data); return nil })
		}
	}
	if len(files) != 4 {
		t.Fatalf("wrote %d sitemap files, want an index and 3 sitemaps", len(files))
	}
	if !strings.Contains(files["sitemap.xml"], "<sitemapindex") || !strings.Contains(files["sitemap.xml"], "<loc>https://example.org/x/sitemap-3.xml</loc>") {
		t.Errorf("index: %.300s", files["sitemap.xml"])
	}
	if n := strings.Count(files["sitemap-1.xml"], "<url>"); n != 50000 {
		t.Errorf("sitemap-1.xml lists %d pages", n)
	}
	if n := strings.Count(files["sitemap-3.xml"], "<url>"); n != 20001 {
		t.Errorf("sitemap-3.xml lists %d pages", n)
	}
}
