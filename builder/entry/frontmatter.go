package entry

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// frontMatter is the TOML between "+++" lines at the top of a file. Every
// field it sets overrides what Parse works out from the text.
type frontMatter struct {
	Title     string   `toml:"title"`
	Date      any      `toml:"date"` // a TOML date, or a string "2023-06" for a month
	Author    string   `toml:"author"`
	Source    string   `toml:"source"` // the original article's URL
	Summary   string   `toml:"summary"`
	Countries []string `toml:"countries"`
	Regions   []string `toml:"regions"`
	Tags      []string `toml:"tags"`
	Draft     bool     `toml:"draft"`
	Slug      string   `toml:"slug"`

	date  Date
	start int            // the line of the opening "+++"
	keys  map[string]int // the line that sets each key
}

// line returns the line where key is set, or the opening "+++" line.
func (fm *frontMatter) line(key string) int {
	if n, ok := fm.keys[key]; ok {
		return n
	}
	return fm.start
}

// TOMLKeys returns the line on which each key of a TOML text is set, as
// "key = ..." or as a table "[key]" or "[[key]]". Keys in tables are named
// with their table, "places.region.code". lines[0] is line first.
func TOMLKeys(lines []string, first int) map[string]int {
	keys := map[string]int{}
	table := ""
	for i, l := range lines {
		l = strings.TrimSpace(l)
		var key string
		switch {
		case strings.HasPrefix(l, "["):
			table = strings.TrimSpace(strings.Trim(l, "[]"))
			key = table
		case strings.Contains(l, "=") && !strings.HasPrefix(l, "#"):
			key, _, _ = strings.Cut(l, "=")
			key = strings.Trim(strings.TrimSpace(key), `"'`)
			if table != "" {
				key = table + "." + key
			}
		default:
			continue
		}
		if _, ok := keys[key]; !ok {
			keys[key] = first + i
		}
	}
	return keys
}

// frontMatter reads front matter if the file has it, and returns the lines
// after it. ok is false when the front matter is broken.
func (p *parser) frontMatter(lines []line) (fm frontMatter, rest []line, ok bool) {
	lines = skipBlank(lines)
	if len(lines) == 0 || lines[0].text != "+++" {
		return fm, lines, true
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if lines[i].text == "+++" {
			end = i
			break
		}
	}
	if end < 0 {
		p.errorf(lines[0].num, "front matter opened with +++ is never closed: add a line +++ after it")
		return fm, nil, false
	}
	var src strings.Builder
	text := make([]string, 0, end-1)
	for _, l := range lines[1:end] {
		src.WriteString(l.text)
		src.WriteByte('\n')
		text = append(text, l.text)
	}
	fm.start, fm.keys = lines[0].num, TOMLKeys(text, lines[1].num)
	md, err := toml.Decode(src.String(), &fm)
	if err != nil {
		n, msg := TOMLError(err)
		p.errorf(lines[0].num+max(n, 1), "front matter: %s", msg)
		return fm, nil, false
	}
	for _, k := range md.Undecoded() {
		p.warnf(fm.line(k.String()), "front matter: unknown key %q (known: title, date, author, source, summary, countries, regions, tags, draft, slug)", k.String())
	}
	fm.stripBidi(p)
	if fm.Date != nil {
		d, err := dateValue(fm.Date)
		if err != nil {
			p.errorf(fm.line("date"), "front matter: %v", err)
			return fm, nil, false
		}
		fm.date = d
	}
	if fm.Source != "" && !isWebURL(fm.Source) {
		p.warnf(fm.line("source"), "front matter: source %q is not an http or https address; ignored", fm.Source)
		fm.Source = ""
	}
	return fm, lines[end+1:], true
}

// stripBidi removes bidirectional controls that the front matter's strings
// hold as escapes ("\u202E"), which the file's text did not show: Parse
// removed those written as they are.
func (fm *frontMatter) stripBidi(p *parser) {
	strip := func(key string, s *string) {
		if t := StripBidi(*s); t != *s {
			p.warnf(fm.line(key), "front matter: %s: bidirectional control characters removed: they make text show otherwise than it reads", key)
			*s = t
		}
	}
	strip("title", &fm.Title)
	strip("author", &fm.Author)
	strip("source", &fm.Source)
	strip("summary", &fm.Summary)
	strip("slug", &fm.Slug)
	for i := range fm.Tags {
		strip("tags", &fm.Tags[i])
	}
}

// UnmarshalTOML reads a date from TOML: a TOML date, or a string
// "2023-06" for a month.
func (d *Date) UnmarshalTOML(v any) error {
	date, err := dateValue(v)
	*d = date
	return err
}

var tomlLineRE = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): `)

// TOMLError returns the line a BurntSushi/toml error points at (0 when it
// does not say) and its message without the "toml:" prefix. Syntax errors
// carry their position; type errors only say it in their text.
func TOMLError(err error) (line int, msg string) {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		msg = perr.Message
		if perr.LastKey != "" && !strings.Contains(msg, perr.LastKey) {
			msg = perr.LastKey + ": " + msg
		}
		return perr.Position.Line, msg
	}
	msg = err.Error()
	if m := tomlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		return line, m[2] + ": " + plainTypeError(msg[len(m[0]):])
	}
	return 0, strings.TrimPrefix(msg, "toml: ")
}

var tomlTypeRE = regexp.MustCompile(`^incompatible types: TOML value has type (\S+); destination has type (\S+)$`)

// tomlTypes names TOML's and Go's types as an editor writes them.
var tomlTypes = map[string]string{
	"string": "text in quotes", "bool": "true or false", "boolean": "true or false",
	"slice": `a list, ["…"]`, "[]any": `a list, ["…"]`,
	"int64": "a number", "float64": "a number",
	"map": "a table", "map[string]any": "a table", "struct": "a table",
}

// plainTypeError says a TOML type error as what to write instead: "must
// be true or false, not text in quotes".
func plainTypeError(msg string) string {
	m := tomlTypeRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want, got := tomlTypes[m[2]], tomlTypes[m[1]]
	if want == "" || got == "" {
		return msg
	}
	return "must be " + want + ", not " + got
}

func dateValue(v any) (Date, error) {
	switch v := v.(type) {
	case time.Time:
		return makeDate(v.Year(), int(v.Month()), v.Day(), true, v.Format("2006-01-02"))
	case string:
		return ParseDate(strings.TrimSpace(v))
	}
	return Date{}, fmt.Errorf("date must be a date (2025-02-02) or a month in quotes (\"2023-06\"), not %v", v)
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// apply overrides what was worked out from the text with what the front
// matter says.
func (fm *frontMatter) apply(e *Entry) {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	if strings.TrimSpace(fm.Title) != "" {
		e.TitleDerived, e.TitleLine = false, fm.line("title")
	}
	if fm.keys != nil {
		e.FrontMatter = fm.keys
	}
	set(&e.Title, fm.Title)
	set(&e.Byline, fm.Author)
	set(&e.SourceURL, fm.Source)
	set(&e.Summary, fm.Summary)
	set(&e.FrontMatterSlug, fm.Slug)
	e.FrontMatterCountries = fm.Countries
	e.FrontMatterRegions = fm.Regions
	e.Tags = fm.Tags
	e.Draft = fm.Draft
}
