// Package entry parses one article file into an Entry: the dated, titled,
// attributed text that becomes one item of the timeline.
//
// Two shapes of file are understood. Scraped plain text (.txt) opens with a
// line "date YYYY-MM-DD" (or "date YYYY-MM") and holds whatever a news page
// printed: maybe a headline, a byline, a read time, a photo caption printed
// twice, a dateline, site furniture, then paragraphs. Parse works out which
// line is which; see plain.go for the rules. Markdown (.md) carries its
// metadata in TOML front matter between "+++" lines and a Markdown body.
// Front matter may open a .txt file too: it is how an editor corrects what
// was worked out, since every field it sets wins.
//
// Parse does no I/O and keeps line numbers, so that every problem and every
// place later found in the text can point at the line it came from.
package entry

import (
	"bytes"
	"hash/fnv"
	"path"
	"strings"
	"unicode/utf8"

	"timeline/builder/diag"
)

// An Entry is one parsed article.
type Entry struct {
	Path string // slash-separated path of the file, as given to Parse
	Sum  uint64 // a hash of the file's bytes: same Sum, same entry
	// TextSum is a hash of the body's words, white space aside: the same
	// article scraped twice, from pages with other furniture, has one
	// TextSum. A short body could be shared by different articles (a
	// "Developing story." stub), so below textSumWords words the date and
	// headline are hashed too. It is 0 for an entry without a body.
	TextSum uint64
	Format  Format
	Line    int // line of the date, for messages about the entry as a whole

	Date          Date
	Title         string
	TitleLine     int
	TitleDerived  bool // no headline in the file: Title is cut from the first sentence
	Byline        string
	ReadTime      int  // minutes
	ReadTimeGiven bool // ReadTime comes from the file, not from counting words
	Summary       string
	Caption       Caption

	Source      string   // the agency, such as "Reuters"
	SourceURL   string   // the article's original address, when known
	SourceLines []string // the site's own source and time lines, kept as printed
	Dateline    string   // "KYIV (Reuters) -": where the reporter sat, not where it happened
	Credits     []string // "(Reporting by ...; Editing by ...)"

	Blocks   []Block // the body of a plain-text file
	Markdown string  // the body of a Markdown file
	BodyLine int     // line of the Markdown body's first line

	// Prose is the body's text, each piece with the line it came from,
	// without bylines, source lines and the dateline: with Title and
	// Caption, it is where places are looked for.
	Prose []Text

	// FrontMatter holds the line of each key the front matter sets.
	FrontMatter map[string]int

	// Set only by front matter; the place stage treats them as final.
	FrontMatterSlug      string
	FrontMatterCountries []string
	FrontMatterRegions   []string
	Tags                 []string
	Draft                bool
}

// Format says how an entry's body is written.
type Format int

const (
	Plain    Format = iota // scraped text, shown exactly as written
	Markdown               // Markdown, rendered by goldmark
)

// A Caption is a photo caption with its credit.
type Caption struct {
	Text   string
	Credit string // "Associated Press", "REUTERS/Gleb Garanich"
	Line   int
}

// A Block is one part of a plain-text body.
type Block struct {
	Kind BlockKind
	Text string // the paragraph, or a figure's caption
	// Credit is a figure's photo credit.
	Credit string
	Line   int
}

// BlockKind tells paragraphs from figures.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Figure              // a photo caption printed in the body
)

// Text is a piece of prose and the line it starts on.
type Text struct {
	S    string
	Line int
}

// MaxSize is the largest file Parse accepts by default. News articles are
// kilobytes; anything this large is a mistake, and would bloat every page
// that lists it.
const MaxSize = 1 << 20

// Parse parses the file at path (slash-separated, used in messages and to
// tell .md from .txt) with contents src. It returns the entry, or nil when
// the file cannot become one, and every problem found, as errors and
// warnings positioned at their lines.
func Parse(path string, src []byte) (*Entry, diag.List) {
	p := &parser{path: path}
	e := p.parse(src)
	if p.problems.Err() != nil {
		return nil, p.problems
	}
	return e, p.problems
}

type parser struct {
	path     string
	problems diag.List
	lead     string // the first paragraph, without its dateline
	leadLine int
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.problems.Errorf(p.path, line, format, args...)
}

func (p *parser) warnf(line int, format string, args ...any) {
	p.problems.Warnf(p.path, line, format, args...)
}

// A line is one line of the file, trimmed of surrounding white space.
type line struct {
	text string
	num  int
}

func (p *parser) parse(src []byte) *Entry {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		p.errorf(1+bytes.Count(src[:i], []byte("\n")), "not a text file: it contains a NUL byte")
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	text := string(src)
	if !utf8.ValidString(text) {
		p.warnf(lineAt(text, firstInvalid(text)), "invalid UTF-8 (shown as \uFFFD): save the file as UTF-8")
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	if i := strings.IndexFunc(text, isBidiControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(text[i:])
		p.warnf(lineAt(text, i), "bidirectional control character %U removed: it makes text show otherwise than it reads", r)
		text = StripBidi(text)
	}
	if strings.TrimSpace(text) == "" {
		p.errorf(1, "no date and no text: the file is empty")
		return nil
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	lines := make([]line, len(raw))
	for i, s := range raw {
		lines[i] = line{text: strings.TrimSpace(s), num: i + 1}
	}

	e := &Entry{Path: p.path, Format: Plain, Sum: sum(src)}
	if strings.EqualFold(path.Ext(p.path), ".md") {
		e.Format = Markdown
	}
	fm, rest, ok := p.frontMatter(lines)
	if !ok {
		return nil
	}
	rest = skipBlank(rest)
	var d dateLine
	if len(rest) > 0 {
		if d, ok = p.dateLine(rest[0]); ok {
			rest = rest[1:]
		} else if p.problems.Err() != nil {
			return nil // a malformed date line, already reported
		}
	}
	switch {
	case fm.Date != nil:
		e.Date, e.Line = fm.date, fm.line("date")
	case d.num > 0:
		e.Date, e.Line = d.date, d.num
	default:
		n := 1
		if len(rest) > 0 {
			n = rest[0].num
		}
		p.errorf(n, "no date: the file must start with a line \"date YYYY-MM-DD\" (or front matter with date = ...)")
		return nil
	}
	if e.Format == Markdown {
		first := len(raw) + 1
		if len(rest) > 0 {
			first = rest[0].num
		}
		if d.rest != "" {
			// An unusual file: the date line goes on; keep its words.
			raw[d.num-1], first = d.rest, d.num
		}
		p.markdown(e, raw, first)
	} else {
		p.plain(e, d, rest)
	}
	if p.problems.Err() != nil {
		return nil
	}
	fm.apply(e)
	p.finish(e)
	return e
}

func sum(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

func skipBlank(lines []line) []line {
	for len(lines) > 0 && lines[0].text == "" {
		lines = lines[1:]
	}
	return lines
}

// finish fills in what the file did not say: a headline, a summary and a
// read time, worked out from the body.
func (p *parser) finish(e *Entry) {
	if e.Title == "" {
		e.Title, e.TitleLine = deriveTitle(p.lead), p.leadLine
		e.TitleDerived = true
		if e.Title == "" {
			p.errorf(e.Line, "no text: the article has neither a headline nor a body")
			return
		}
	}
	if e.Summary == "" {
		e.Summary = Shorten(p.lead, summaryMax)
	}
	if !e.ReadTimeGiven {
		e.ReadTime = readTime(e.Prose)
	}
	e.TextSum = textSum(e.Date.String()+" "+e.Title, e.Prose)
}

// lineAt returns the number of the line of text that holds byte i, lines
// ending as Parse ends them: at "\r\n", "\n" or a lone "\r".
func lineAt(text string, i int) int {
	before := strings.ReplaceAll(text[:i], "\r\n", "\n")
	return 1 + strings.Count(before, "\n") + strings.Count(before, "\r")
}

// textSumWords is the length of body that alone tells one article from
// another.
const textSumWords = 30

// textSum hashes the words of prose, and of head if prose is short, or
// returns 0 when prose has no words.
func textSum(head string, prose []Text) uint64 {
	h := fnv.New64a()
	words := 0
	for _, t := range prose {
		for _, w := range strings.Fields(t.S) {
			h.Write([]byte(w))
			h.Write([]byte{' '})
			words++
		}
	}
	if words == 0 {
		return 0
	}
	if words < textSumWords {
		h.Write([]byte{0})
		for _, w := range strings.Fields(head) {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
	}
	return h.Sum64()
}

// FrontMatterLine returns the line where the front matter sets key, or the
// entry's date line.
func (e *Entry) FrontMatterLine(key string) int {
	if n, ok := e.FrontMatter[key]; ok {
		return n
	}
	return e.Line
}
