package render

import (
	"bytes"
	"html/template"
	"net/url"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"timeline/builder/entry"
)

// newMarkdown returns the goldmark that renders Markdown bodies: GFM and
// typographer, raw HTML off (goldmark's default), and two transformers of
// ours: links are made safe and placed under the base path, and headings
// are renumbered from h2 so that the page's headline stays its only h1. Table
// cells are aligned by class (class="align-center"), not by goldmark's
// style="text-align:center" or its obsolete align="center": no page has a
// style attribute, and none can have one from content.
func newMarkdown(basePath string) goldmark.Markdown {
	table := extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone))
	return goldmark.New(
		// extension.GFM, with that table.
		goldmark.WithExtensions(extension.Linkify, table, extension.Strikethrough, extension.TaskList, extension.Typographer),
		goldmark.WithParserOptions(parser.WithASTTransformers(
			util.Prioritized(bodyTransformer{basePath: basePath}, 100),
		)),
	)
}

// bodyTransformer rewrites a Markdown body's tree before it is rendered.
type bodyTransformer struct {
	basePath string // "/repo/"
}

func (t bodyTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var unsafe, bare []ast.Node
	var headings []*ast.Heading
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *east.TableCell:
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", "align-"+n.Alignment.String())
			}
		case *ast.Link:
			if n.Destination = t.url(n.Destination, true); n.Destination == nil {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			if n.Destination = t.url(n.Destination, true); n.Destination == nil {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			// "<ftp://...>" and "www.x.org" alike: the same rule as links.
			if t.url(n.URL(src), false) == nil {
				bare = append(bare, n)
			}
		}
		return ast.WalkContinue, nil
	})
	outline(headings)
	for _, n := range bare {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.(*ast.AutoLink).Label(src)))
	}
	// A link or image whose address was dropped shows its words alone.
	for _, n := range unsafe {
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// outline renumbers a body's headings from h2, the page's headline being
// its h1, with no level skipped: "##" then "####" become h2 then h3, as
// screen readers and the HTML outline want.
func outline(headings []*ast.Heading) {
	var levels []int
	for _, h := range headings {
		levels = append(levels, h.Level)
	}
	slices.Sort(levels)
	levels = slices.Compact(levels)
	for _, h := range headings {
		h.Level = min(2+slices.Index(levels, h.Level), 6)
	}
}

// url returns dest if it is safe to follow, under the base path if it is
// root-relative, or nothing. Safe means http, https or mailto, or no scheme
// at all; goldmark drops javascript: and its kin too, but allows data:
// images, and browsers ignore tabs and line breaks inside a scheme
// ("java\tscript:"), so this check removes them first and allows, rather
// than refuses, by name.
//
// It checks the address as goldmark will write it: a link's or image's
// with its backslash escapes and entities resolved (resolve), for
// "&#106;avascript:" and "\/\/evil.example" are javascript: and another
// site by then; an autolink's as it is. dest itself is kept, for goldmark
// resolves it again when it writes it.
func (t bodyTransformer) url(dest []byte, resolve bool) []byte {
	clean := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.TrimSpace(string(util.URLEscape(dest, resolve))))
	u, err := url.Parse(clean)
	if err != nil {
		return nil
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto":
		return dest
	case "":
		if strings.HasPrefix(clean, "/") && !strings.HasPrefix(clean, "//") {
			return append([]byte(strings.TrimSuffix(t.basePath, "/")), dest...)
		}
		if strings.HasPrefix(clean, "//") || strings.Contains(strings.SplitN(clean, "/", 2)[0], ":") {
			return nil
		}
		return dest
	}
	return nil
}

// body renders an entry's body as HTML. A plain-text body is its
// paragraphs and figures, escaped: its words are shown exactly as the file
// has them, and nothing in them can become markup.
func (r *Renderer) body(e *entry.Entry) (template.HTML, error) {
	var b bytes.Buffer
	if e.Format == entry.Markdown {
		if err := r.md.Convert([]byte(e.Markdown), &b); err != nil {
			return "", err
		}
		// Parse removed the bidirectional controls written as they are;
		// goldmark writes those written as entities ("&#x202E;") as they are.
		return template.HTML(entry.StripBidi(b.String())), nil
	}
	for _, blk := range e.Blocks {
		switch blk.Kind {
		case entry.Figure:
			b.WriteString(`<figure class="figure"><figcaption>`)
			template.HTMLEscape(&b, []byte(blk.Text))
			if blk.Credit != "" {
				b.WriteString(` <span class="credit">`)
				template.HTMLEscape(&b, []byte(blk.Credit))
				b.WriteString(`</span>`)
			}
			b.WriteString("</figcaption></figure>\n")
		default:
			b.WriteString("<p>")
			template.HTMLEscape(&b, []byte(blk.Text))
			b.WriteString("</p>\n")
		}
	}
	return template.HTML(b.String()), nil
}
