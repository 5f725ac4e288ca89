package entry

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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

// dateLine reads l as a date line. ok is false when l is not one; a line
// that starts like one but has a bad date is reported.
func (p *parser) dateLine(l line) (d dateLine, ok bool) {
	// "date", space, a word, and the rest: by hand, for a line can be
	// megabytes long.
	const space = " \t\f\r\n"
	rest, ok := strings.CutPrefix(l.text, "date")
	if !ok || rest == "" || !strings.ContainsRune(space, rune(rest[0])) {
		return d, false
	}
	rest = strings.TrimLeft(rest, space)
	if rest == "" {
		return d, false
	}
	s := rest
	if i := strings.IndexAny(rest, space); i >= 0 {
		s, rest = rest[:i], strings.TrimLeft(rest[i:], space)
	} else {
		rest = ""
	}
	if len(s) > 10 && s[10] == 'T' { // a timestamp: the day is enough
		s = s[:10]
	}
	date, err := ParseDate(s)
	if err != nil {
		p.errorf(l.num, "%v", err)
		return d, false
	}
	return dateLine{date: date, rest: rest, num: l.num}, true
}

// plain parses the lines after the date line of a plain-text file.
func (p *parser) plain(e *Entry, d dateLine, rest []line) {
	body := p.head(e, d, rest)
	body = p.header(e, body)
	p.body(e, body)
}

// head finds the headline: on the date line, or among the lines after it
// when the date line holds only a read time, an address, a site's name or
// furniture.
func (p *parser) head(e *Entry, d dateLine, rest []line) (body []line) {
	r := d.rest
	switch {
	case r == "":
	case readTimeOf(r) > 0:
		e.ReadTime, e.ReadTimeGiven = readTimeOf(r), true
	case isWebURL(r):
		e.SourceURL = r
	case isNav(r) || isFurniture(r):
	case photoLeadRE.MatchString(r):
		text, credit, n := captionPair(append([]line{{r, d.num}}, rest...))
		if n == 0 {
			text, credit = splitCredit(r)
			n = 1
		}
		e.Caption = Caption{Text: text, Credit: credit, Line: d.num}
		rest = rest[n-1:]
	case isOutlet(r) || siteName(r, rest):
		if e.Source == "" {
			e.Source = r
		}
	default:
		if headlineShaped(r) && !continued(r, rest) {
			e.Title, e.TitleLine = r, d.num
			return rest
		}
		return append([]line{{r, d.num}}, rest...)
	}
	i := findHeadline(rest)
	if i < 0 {
		return rest
	}
	e.Title, e.TitleLine = rest[i].text, rest[i].num
	return rest[i+1:]
}

// findHeadline picks the headline among the lines that open a page before
// its article: navigation, the site's name, section names, the headline.
// They run until the first line that belongs to the article (a sentence,
// a byline, a time, a caption). The headline is the first of them with
// five words or more, or else the longest. It returns -1 when there is
// none; the lines before the headline are the page's, not the article's.
func findHeadline(lines []line) int {
	best, bestWords := -1, 0
	for i, l := range lines {
		if i > 40 {
			break
		}
		switch {
		case l.text == "":
			continue
		case isNav(l.text) || isFurniture(l.text) || isOutlet(l.text):
			continue
		case isTimeLine(l.text) || isSourceLine(l.text) || readTimeOf(l.text) > 0 || hasBy(l.text) && isByline(l.text):
			return best // the article's header: the headline was above
		case !headlineShaped(l.text) || continued(l.text, lines[i+1:]):
			return best // a sentence: the article has begun
		}
		if _, _, n := captionPair(lines[i:]); n > 0 {
			return best
		}
		if n := letterWords(l.text); n >= 5 {
			return i
		} else if n >= bestWords {
			best, bestWords = i, n
		}
	}
	return best
}

// siteName reports whether r, on the date line, is the name of the site
// rather than the headline: a few words, followed by a longer headline.
func siteName(r string, rest []line) bool {
	if letterWords(r) > 4 {
		return false
	}
	rest = skipBlank(rest)
	return len(rest) > 0 && headlineShaped(rest[0].text) && !isHeaderLine(rest[0].text) &&
		letterWords(rest[0].text) >= letterWords(r)+2
}

// letterWords counts the words of s that hold a letter.
func letterWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// continued reports whether the next line carries on the sentence of s,
// as in a hard-wrapped paragraph: it starts with a word in lower case, or s
// ends with one that no headline ends with ("at Ukraine on" / "Monday, ...").
func continued(s string, next []line) bool {
	if len(next) == 0 || next[0].text == "" || isHeaderLine(next[0].text) {
		return false
	}
	return startsLowerWord(next[0].text) || openEnded[lastWord(s)]
}

// openEnded are the English words a sentence cut at a line's end may
// stop on, but a headline does not: articles, prepositions, conjunctions.
var openEnded = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "with": true, "from": true, "by": true, "and": true, "or": true, "but": true,
	"into": true, "as": true, "that": true, "than": true, "its": true, "their": true, "his": true, "her": true,
}

// lastWord returns the last word of s, as it is.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// startsLowerWord reports whether s starts with a word in lower case:
// "and", but not "iPlayer".
func startsLowerWord(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	return startsLower(w) && strings.IndexFunc(w, unicode.IsUpper) < 0
}

// hasBy reports whether s starts with "By ".
func hasBy(s string) bool { return len(s) > 3 && strings.EqualFold(s[:3], "by ") }

// isHeaderLine reports whether s is something the header zone would take,
// so it is not mistaken for a headline.
func isHeaderLine(s string) bool {
	_, _, ok := byline(s)
	return ok || readTimeOf(s) > 0 || isSourceLine(s)
}

// header consumes the lines between headline and body: bylines, read
// times, source and time lines, the site's name, a caption, navigation.
func (p *parser) header(e *Entry, body []line) []line {
	for len(body) > 0 {
		l := body[0]
		if more, ok := p.headerLine(e, l.text, true); ok {
			if more != "" { // "(MENAFN- X) The first sentence..."
				body[0].text = more
				return body
			}
			body = body[1:]
			continue
		}
		if e.Caption.Text != "" {
			return body
		}
		text, credit, n := captionPair(body)
		if n == 0 {
			return body
		}
		e.Caption = Caption{Text: text, Credit: credit, Line: l.num}
		body = body[n:]
	}
	return body
}

// headerLine takes s into e if it is a line of the page's header: a
// byline, a read time, a source or time line, the site's name, furniture.
// short allows names alone ("Jane Doe", "BIRN") as bylines and source
// lines, which only the header zone may hold. more is article text that
// followed a source on the same line.
func (p *parser) headerLine(e *Entry, s string, short bool) (more string, ok bool) {
	switch {
	case s == "" || isNav(s) || isFurniture(s):
	case !e.ReadTimeGiven && readTimeOf(s) > 0:
		e.ReadTime, e.ReadTimeGiven = readTimeOf(s), true
	case e.Byline == "" && isByline(s) && (short || hasBy(s)):
		name, minutes, _ := byline(s)
		e.Byline = name
		if minutes > 0 && !e.ReadTimeGiven {
			e.ReadTime, e.ReadTimeGiven = minutes, true
		}
	case !e.ReadTimeGiven && timeWithReadTime(s) > 0:
		// "February 17, 2024 3:08 AM 2 min read"
		e.ReadTime, e.ReadTimeGiven = timeWithReadTime(s), true
		e.SourceLines = append(e.SourceLines, s)
	case isSourceLine(s):
		src, kept, more := sourceLine(s)
		e.SourceLines = append(e.SourceLines, kept)
		if e.Source == "" {
			e.Source = src
		}
		return more, true
	case isOutlet(s) || short && isShortLabel(s):
		e.SourceLines = append(e.SourceLines, s)
		if e.Source == "" && isOutlet(s) {
			e.Source = s
		}
	default:
		return "", false
	}
	return "", true
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
		// A line that carries on the sentence above it is the article's,
		// whatever it looks like: "... a bill on" / "copyright would ...".
		if n := len(block); n > 0 && startsLowerWord(l.text) && joins(block[n-1].text, l.text) {
			block = append(block, l)
			continue
		}
		// Bylines and times may follow the first paragraph: a standfirst,
		// or "KYIV (AP) — ..." where the file had no headline, then "By
		// HANNA ARHIROVA" and "Updated 4:12 PM GMT+2, May 12, 2024".
		if len(e.Blocks) <= 1 && !isFurniture(l.text) {
			if _, ok := p.headerLine(e, l.text, false); ok {
				continue
			}
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
			if text, credit := bracketCredit(l.text); credit != "" {
				// "Palestinians search for survivors [Mohammed Saber/EPA]"
				flush()
				e.Blocks = append(e.Blocks, Block{Kind: Figure, Text: text, Credit: credit, Line: l.num})
				continue
			}
			block = append(block, l)
		}
	}
	flush()
	p.sourceAtEnd(e)

	lead := true
	for _, b := range e.Blocks {
		s := b.Text
		if lead && b.Kind == Paragraph {
			lead = false
			p.lead, p.leadLine = s, b.Line
			if dl, agency, strong := dateline(s); dl != "" {
				e.Dateline = dl
				s = strings.TrimSpace(s[len(dl):])
				if strong {
					p.lead = s
				}
				if e.Source == "" {
					e.Source = agency
				}
			}
		}
		e.Prose = append(e.Prose, Text{S: s, Line: b.Line})
	}
}

// sourceAtEnd takes a last paragraph "Source: Al Jazeera and news agencies"
// as the source.
func (p *parser) sourceAtEnd(e *Entry) {
	n := len(e.Blocks)
	if n < 2 || e.Blocks[n-1].Kind != Paragraph {
		return
	}
	if m := sourceEndRE.FindStringSubmatch(e.Blocks[n-1].Text); m != nil {
		e.SourceLines = append(e.SourceLines, e.Blocks[n-1].Text)
		if e.Source == "" {
			e.Source = m[1]
		}
		e.Blocks = e.Blocks[:n-1]
	}
}

// paragraphs turns the lines of one block into paragraphs. A line that
// carries on the sentence above it (a hard wrap) joins it; a line that
// starts afresh after a finished sentence, or after a short line that is a
// heading or a time of its own, is a paragraph of its own, as on pages
// scraped one paragraph a line. A list item starts a paragraph.
func paragraphs(lines []line) []Block {
	var out []Block
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && joins(lines[j-1].text, lines[j].text) {
			j++
		}
		text := lines[i].text
		if j > i+1 {
			parts := make([]string, j-i)
			for k := range parts {
				parts[k] = lines[i+k].text
			}
			text = strings.Join(parts, " ")
		}
		out = append(out, Block{Kind: Paragraph, Text: text, Line: lines[i].num})
		i = j
	}
	return out
}

// wrapMin is the shortest line that a hard wrap leaves: shorter lines
// without a full stop are headings, labels or times.
const wrapMin = 40

// joins reports whether next, a line of a block, carries on the line prev
// above it.
func joins(prev, next string) bool {
	switch {
	case isListItem(next), isTimeLine(prev), isTimeLine(next), readTimeOf(next) > 0, hasBy(next) && isByline(next):
		return false
	case startsLowerWord(next):
		return true
	}
	last := prev[strings.LastIndexByte(prev, ' ')+1:]
	return !endsSentence(prev) && utf8.RuneCountInString(prev) >= wrapMin || strings.HasSuffix(last, "-") && len(last) > 1
}

func isListItem(s string) bool {
	return strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "• ") || strings.HasPrefix(s, "– ")
}

// captionPair recognises a caption printed twice, the second time with its
// credit: "X" then "X via Associated Press"; or twice alike, credit and
// all. It returns the caption, the credit and how many lines the pair
// took, or n == 0.
func captionPair(lines []line) (text, credit string, n int) {
	if len(lines) < 2 || lines[0].text == "" {
		return "", "", 0
	}
	x, j := lines[0].text, 1
	if lines[1].text == "" && len(lines) > 2 { // one blank line between is fine
		j = 2
	}
	y := lines[j].text
	if y == x && len(strings.Fields(x)) >= 3 {
		// Printed twice alike: the credit is in it, or on the next line.
		text, credit = splitCredit(x)
		if credit == "" && j+1 < len(lines) && creditLeadRE.MatchString(lines[j+1].text) && looksLikeCredit(lines[j+1].text) {
			return text, trimVia(lines[j+1].text), j + 2
		}
		return text, credit, j + 1
	}
	if len(y) <= len(x) || !strings.HasPrefix(y, x) || len(strings.Fields(x)) < 3 {
		return "", "", 0
	}
	rest := strings.TrimSpace(y[len(x):])
	if !looksLikeCredit(rest) {
		return "", "", 0
	}
	return x, trimVia(rest), j + 1
}

var bracketCreditRE = regexp.MustCompile(`^(.{10,300}?)\s*\[([^\[\]]{2,60}/[^\[\]]{2,40})\]$`)

// bracketCredit splits a caption that ends with its credit in brackets,
// as Al Jazeera prints them: "... in Gaza [Mohammed Saber/EPA]".
func bracketCredit(s string) (text, credit string) {
	if !strings.HasSuffix(s, "]") {
		return s, ""
	}
	if m := bracketCreditRE.FindStringSubmatch(s); m != nil {
		return m[1], m[2]
	}
	return s, ""
}

func trimVia(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "via ") {
		return strings.TrimSpace(s[4:])
	}
	return s
}
