package entry

import (
	"regexp"
	"strings"
)

// A plain-text file is a news page as a scraper saved it. Its parts come
// in a loose order, and every part but the date is optional:
//
//	date 2025-02-02 Headline                  the date line
//	Kevin Schofield                           the header zone: byline, read
//	·2 min read                               time, source and time lines,
//	A caption.                                a photo caption printed twice
//	A caption. via Associated Press           (plain, then with its credit)
//
//	KYIV (Reuters) - The first paragraph...   the body: paragraphs between
//	                                          blank lines, opening with a
//	(Reporting by ...; Editing by ...)        dateline maybe; credit lines
//
// Site furniture (navigation, share buttons, cookie prompts, teasers for
// other stories) is dropped wherever it stands, but only when a whole line
// is furniture: a sentence of the article is never dropped. When the date
// line runs straight into the first sentence, as it most often does, there
// is no headline and finish derives one from that sentence.

// dateLine is the file's "date ..." line.
type dateLine struct {
	date Date
	rest string // what follows the date on the line
	num  int
}

var dateLineRE = regexp.MustCompile(`^date\s+(\S+)\s*(.*)$`)

// dateLine reads l as a date line. ok is false when l is not one; a line
// that starts like one but has a bad date is reported.
func (p *parser) dateLine(l line) (d dateLine, ok bool) {
	m := dateLineRE.FindStringSubmatch(l.text)
	if m == nil {
		return d, false
	}
	s := m[1]
	if len(s) > 10 && s[10] == 'T' { // a timestamp: the day is enough
		s = s[:10]
	}
	date, err := ParseDate(s)
	if err != nil {
		p.errorf(l.num, "%v", err)
		return d, false
	}
	return dateLine{date: date, rest: m[2], num: l.num}, true
}

// plain parses the lines after the date line of a plain-text file.
func (p *parser) plain(e *Entry, d dateLine, rest []line) {
	body := p.head(e, d, rest)
	body = p.header(e, body)
	p.body(e, body)
}

// head finds the headline: on the date line, or on the next line when the
// date line holds only a read time, an address or a caption.
func (p *parser) head(e *Entry, d dateLine, rest []line) (body []line) {
	r := d.rest
	switch {
	case r == "":
	case readTimeOf(r) > 0:
		e.ReadTime, e.ReadTimeGiven = readTimeOf(r), true
	case isWebURL(r):
		e.SourceURL = r
	case isNav(r):
	case photoLeadRE.MatchString(r):
		text, credit, n := captionPair(append([]line{{r, d.num}}, rest...))
		if n == 0 {
			text, credit = splitCredit(r)
			n = 1
		}
		e.Caption = Caption{Text: text, Credit: credit, Line: d.num}
		rest = rest[n-1:]
	default:
		if headlineShaped(r) && !continued(rest) {
			e.Title, e.TitleLine = r, d.num
			return rest
		}
		return append([]line{{r, d.num}}, rest...)
	}
	for len(rest) > 0 && (rest[0].text == "" || isNav(rest[0].text)) {
		rest = rest[1:]
	}
	if len(rest) > 0 && headlineShaped(rest[0].text) && !continued(rest[1:]) && !isHeaderLine(rest[0].text) {
		e.Title, e.TitleLine = rest[0].text, rest[0].num
		rest = rest[1:]
	}
	return rest
}

// continued reports whether the next line carries on the sentence above
// it, as in a hard-wrapped paragraph.
func continued(next []line) bool {
	return len(next) > 0 && next[0].text != "" && startsLower(next[0].text)
}

// isHeaderLine reports whether s is something the header zone would take,
// so it is not mistaken for a headline.
func isHeaderLine(s string) bool {
	_, _, ok := byline(s)
	return ok || readTimeOf(s) > 0 || isSourceLine(s)
}

// header consumes the lines between headline and body: bylines, read
// times, source and time lines, a caption, navigation.
func (p *parser) header(e *Entry, body []line) []line {
	for len(body) > 0 {
		l := body[0]
		switch {
		case l.text == "" || isNav(l.text) || isFurniture(l.text):
		case !e.ReadTimeGiven && readTimeOf(l.text) > 0:
			e.ReadTime, e.ReadTimeGiven = readTimeOf(l.text), true
		case e.Byline == "" && isByline(l.text):
			name, minutes, _ := byline(l.text)
			e.Byline = name
			if minutes > 0 && !e.ReadTimeGiven {
				e.ReadTime, e.ReadTimeGiven = minutes, true
			}
		case isSourceLine(l.text):
			src, kept, more := sourceLine(l.text)
			e.SourceLines = append(e.SourceLines, kept)
			if e.Source == "" {
				e.Source = src
			}
			if more != "" { // "(MENAFN- X) The first sentence..."
				body[0].text = more
				return body
			}
		default:
			if e.Caption.Text != "" {
				return body
			}
			text, credit, n := captionPair(body)
			if n == 0 {
				return body
			}
			e.Caption = Caption{Text: text, Credit: credit, Line: l.num}
			body = body[n-1:]
		}
		body = body[1:]
	}
	return body
}

// body splits the rest of the file into paragraphs, figures and credits.
func (p *parser) body(e *Entry, lines []line) {
	var block []line // the lines of the paragraph being read
	flush := func() {
		e.Blocks = append(e.Blocks, paragraphs(block)...)
		block = block[:0]
	}
	teaser := false // in a list of other stories' headlines
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.text == "" {
			flush()
			continue
		}
		if teaser {
			if headlineShaped(l.text) {
				continue
			}
			teaser = false
		}
		switch {
		case isTeaserMarker(l.text):
			flush()
			teaser = true
		case isFurniture(l.text):
			flush()
		case isCredit(l.text):
			flush()
			e.Credits = append(e.Credits, l.text)
		default:
			if text, credit, n := captionPair(lines[i:]); n > 0 {
				flush()
				e.Blocks = append(e.Blocks, Block{Kind: Figure, Text: text, Credit: credit, Line: l.num})
				i += n - 1
				continue
			}
			block = append(block, l)
		}
	}
	flush()

	lead := true
	for _, b := range e.Blocks {
		s := b.Text
		if lead && b.Kind == Paragraph {
			lead = false
			if dl, agency := dateline(s); dl != "" {
				e.Dateline = dl
				s = strings.TrimSpace(s[len(dl):])
				if e.Source == "" {
					e.Source = agency
				}
			}
			p.lead = s
		}
		e.Prose = append(e.Prose, Text{S: s, Line: b.Line})
	}
}

// paragraphs turns the lines of one block into paragraphs. A line that
// carries on the sentence above it (a hard wrap) joins it; a line that
// starts afresh after a finished sentence is a paragraph of its own, as
// pages scraped one paragraph a line are.
func paragraphs(lines []line) []Block {
	var out []Block
	for _, l := range lines {
		if n := len(out); n > 0 && (!endsSentence(out[n-1].Text) || startsLower(l.text)) {
			out[n-1].Text += " " + l.text
			continue
		}
		out = append(out, Block{Kind: Paragraph, Text: l.text, Line: l.num})
	}
	return out
}

// captionPair recognises a caption printed twice, the second time with its
// credit: "X" then "X via Associated Press". It returns the caption, the
// credit and how many lines the pair took, or n == 0.
func captionPair(lines []line) (text, credit string, n int) {
	if len(lines) < 2 || lines[0].text == "" {
		return "", "", 0
	}
	x, j := lines[0].text, 1
	if lines[1].text == "" && len(lines) > 2 { // one blank line between is fine
		j = 2
	}
	y := lines[j].text
	if len(y) <= len(x) || !strings.HasPrefix(y, x) || len(strings.Fields(x)) < 3 {
		return "", "", 0
	}
	rest := strings.TrimSpace(y[len(x):])
	if !looksLikeCredit(rest) {
		return "", "", 0
	}
	return x, trimVia(rest), j + 1
}

func trimVia(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "via ") {
		return strings.TrimSpace(s[4:])
	}
	return s
}
