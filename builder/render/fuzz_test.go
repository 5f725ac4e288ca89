package render

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"timeline/builder/entry"
)

// FuzzBody parses anything as an article and renders its body. What
// comes out must be safe: no element or attribute that runs script, no
// address but http, https, mailto and relative ones. And a plain-text
// body must show every word the parser kept, exactly, in plain
// paragraphs and captions: nothing in it may turn into markup.
func FuzzBody(f *testing.F) {
	files, _ := filepath.Glob("../entry/testdata/shapes/*.txt")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, false)
	}
	f.Add([]byte("+++\ntitle = \"T\"\ndate = 2024-05-01\n+++\n[x](javascript:alert(1)) <script>alert(1)</script> ![i](data:x) <https://a.org> *b* `c`\n"), true)
	f.Add([]byte("date 2024-05-01 T\n\n<img src=x onerror=alert(1)> & # heading\n* list\n    code\n| a | b |\n"), false)
	f.Add([]byte("+++\ntitle = \"T\"\ndate = 2024-05-01\n+++\n- [ ] open\n- [x] done\n"), true)
	r := &Renderer{md: newMarkdown("/repo/")}
	f.Fuzz(func(t *testing.T, src []byte, markdown bool) {
		name := "a.txt"
		if markdown {
			name = "a.md"
		}
		e, _ := entry.Parse(name, src)
		if e == nil {
			return
		}
		out, err := r.body(e)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(out)))
		if err != nil {
			t.Fatal(err)
		}
		checkSafe(t, doc)
		if e.Format == entry.Plain {
			var want, got strings.Builder
			for _, b := range e.Blocks {
				want.WriteString(b.Text)
				if b.Credit != "" {
					want.WriteString(" " + b.Credit)
				}
				want.WriteString("\n")
			}
			plainText(doc, &got, t)
			if norm(got.String()) != norm(want.String()) {
				t.Errorf("plain body shows\n%q\nwant\n%q", got.String(), want.String())
			}
		}
	})
}

// checkSafe fails t for anything in the tree that could run script.
func checkSafe(t *testing.T, n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "script", "style", "iframe", "object", "embed", "form", "button", "base", "meta", "link", "svg", "math", "frame", "frameset":
			t.Errorf("element <%s> in a body", n.Data)
		case "input": // a task list's box, which cannot be ticked
			if !slices.Contains(n.Attr, html.Attribute{Key: "type", Val: "checkbox"}) || !slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "disabled" }) {
				t.Errorf("element <input> in a body: %v", n.Attr)
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "style" || a.Key == "srcdoc" {
				t.Errorf("attribute %s=%q in a body", a.Key, a.Val)
			}
			if slices.Contains([]string{"href", "src", "action", "formaction", "xlink:href", "poster", "cite"}, a.Key) && !safeURL(a.Val) {
				t.Errorf("unsafe address %s=%q", a.Key, a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		checkSafe(t, c)
	}
}

// safeURL reports whether u, as a browser reads it, is an http, https or
// mailto address, or one without a scheme.
func safeURL(u string) bool {
	// Browsers drop tabs and line breaks in addresses, and leading spaces.
	clean := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimLeft(u, " \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"))
	p, err := url.Parse(clean)
	if err != nil {
		i := strings.IndexAny(clean, ":/?#")
		return i < 0 || clean[i] != ':'
	}
	switch strings.ToLower(p.Scheme) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

// plainText writes the words of a plain body's tree, failing t for any element
// a plain body does not make.
func plainText(n *html.Node, b *strings.Builder, t *testing.T) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
	case html.ElementNode:
		if !slices.Contains([]string{"html", "head", "body", "p", "figure", "figcaption", "span"}, n.Data) {
			t.Errorf("element <%s> in a plain-text body", n.Data)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		plainText(c, b, t)
	}
}

// norm drops the white space the HTML around the text adds or parses away.
func norm(s string) string {
	return strings.Join(strings.Fields(string(bytes.ReplaceAll([]byte(s), []byte("\x00"), []byte("\uFFFD")))), " ")
}
