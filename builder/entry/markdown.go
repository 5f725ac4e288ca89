package entry

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// mdParser reads Markdown bodies for their text; rendering them is the
// render stage's job. It has the extensions that change block structure.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

// markdown reads a Markdown body, whose first line is line first of raw.
// A level-one heading opening the body is the headline, unless front
// matter gives one.
func (p *parser) markdown(e *Entry, raw []string, first int) {
	lines := raw[min(first, len(raw)+1)-1:]
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines, first = lines[1:], first+1
	}
	if len(lines) > 0 && strings.HasPrefix(lines[0], "# ") {
		e.Title = strings.TrimSpace(strings.Trim(strings.TrimSpace(lines[0][2:]), "#"))
		e.TitleLine = first
		lines, first = lines[1:], first+1
	}
	if n, msg := markdownHazard(lines); msg != "" {
		p.errorf(first+n, "%s", msg)
		return
	}
	e.Markdown = strings.Join(lines, "\n")
	e.BodyLine = first

	src := []byte(e.Markdown)
	doc := mdParser.Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock || n.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*ast.CodeBlock); ok {
			return ast.WalkSkipChildren, nil
		}
		if _, ok := n.(*ast.FencedCodeBlock); ok {
			return ast.WalkSkipChildren, nil
		}
		s := strings.TrimSpace(inlineText(n, src))
		if s == "" {
			return ast.WalkSkipChildren, nil
		}
		line := first + bytes.Count(src[:n.Lines().At(0).Start], []byte("\n"))
		e.Prose = append(e.Prose, Text{S: s, Line: line})
		if _, ok := n.(*ast.Paragraph); ok && p.lead == "" {
			p.lead, p.leadLine = s, line
		}
		return ast.WalkSkipChildren, nil
	})
}

// Markdown parsers, goldmark among them, take time that grows with the
// square of some constructs' size: blockquotes nested thousands deep
// (">>>>..."), and brackets by the thousand ("[a]([a]([a](...", a
// reference defined and used thousands of times), each read to the end
// of what follows. No article has either, and a file that does would stall
// the build for minutes: these bounds are far above what writing needs.
const (
	maxQuoteDepth = 32
	maxBrackets   = 2000
)

// markdownHazard returns the index in lines, and a message, of the first
// construct beyond those bounds, or "" when there is none.
func markdownHazard(lines []string) (int, string) {
	brackets := 0
	for i, l := range lines {
		depth := 0
		for _, c := range l {
			if c == '>' {
				depth++
			} else if c != ' ' && c != '\t' {
				break
			}
		}
		if depth > maxQuoteDepth {
			return i, fmt.Sprintf("blockquotes nested %d deep: Markdown allows %d here", depth, maxQuoteDepth)
		}
		if brackets += strings.Count(l, "["); brackets > maxBrackets {
			return i, fmt.Sprintf("more than %d brackets \"[\" (links, references): Markdown allows no more in one file", maxBrackets)
		}
	}
	return 0, ""
}

// inlineText returns the words of a block's inline content, with line
// breaks as spaces and markup dropped.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
