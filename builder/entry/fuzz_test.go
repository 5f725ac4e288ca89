package entry

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// seeds adds every test file of testdata/shapes to the fuzzer's corpus.
func seeds(f *testing.F, add func(src []byte)) {
	files, _ := filepath.Glob("testdata/shapes/*.txt")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		add(src)
	}
}

// FuzzParse parses anything as a plain-text and as a Markdown file. It
// must not panic; it must give the same entry twice; an entry must have a
// date and a headline and hold valid UTF-8; a rejected file must say why.
func FuzzParse(f *testing.F) {
	seeds(f, func(src []byte) { f.Add(src, false) })
	f.Add([]byte("+++\ntitle = \"T\"\ndate = 2024-05-01\ncountries = [\"Ukraine\"]\n+++\nBody *text* <b>x</b> [a](javascript:alert(1))\n"), true)
	f.Fuzz(func(t *testing.T, src []byte, markdown bool) {
		name := "a.txt"
		if markdown {
			name = "a.md"
		}
		e, problems := Parse(name, src)
		e2, problems2 := Parse(name, src)
		if !reflect.DeepEqual(e, e2) || !reflect.DeepEqual(problems, problems2) {
			t.Fatalf("two parses differ")
		}
		if e == nil {
			if problems.Err() == nil {
				t.Fatalf("rejected without an error: %v", problems)
			}
			return
		}
		if e.Date.Year == 0 || strings.TrimSpace(e.Title) == "" {
			t.Errorf("entry without a date or headline: %v %q", e.Date, e.Title)
		}
		for _, s := range append([]string{e.Title, e.Summary, e.Byline, e.Source, e.Markdown}, blockTexts(e)...) {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 kept: %q", s)
			}
		}
		for _, pr := range problems {
			if pr.Path != name || pr.Line < 0 || pr.Msg == "" {
				t.Errorf("problem without a place or message: %+v", pr)
			}
		}
	})
}

func blockTexts(e *Entry) []string {
	var s []string
	for _, b := range e.Blocks {
		s = append(s, b.Text, b.Credit)
	}
	return s
}

// FuzzFrontMatter reads anything as the TOML between "+++" lines: no
// panic, and an error names a line inside the file.
func FuzzFrontMatter(f *testing.F) {
	f.Add("title = \"T\"\ndate = 2024-05-01\n")
	f.Add("title = \"T\"\ndate = \"2023-06\"\nauthor = \"A\"\nsource = \"https://example.org/a\"\nsummary = \"S\"\ncountries = [\"Ukraine\"]\nregions = [\"Kharkiv Oblast\"]\ntags = [\"x\"]\ndraft = false\nslug = \"s\"\n")
	f.Add("title = \"T\"\ndate = 2024-05-01T10:00:00Z\n[places]\nx = 1\n")
	f.Add("date = 2025-02-30\n")
	f.Add("title = [1, 2]\ndate = {a = 1}\n")
	f.Fuzz(func(t *testing.T, toml string) {
		src := "+++\n" + toml + "\n+++\nBody.\n"
		// Lines end as the parser ends them: at "\r\n", "\n" or a lone "\r".
		unix := strings.ReplaceAll(src, "\r\n", "\n")
		lines := strings.Count(unix, "\n") + strings.Count(unix, "\r") + 1
		_, problems := Parse("a.md", []byte(src))
		for _, pr := range problems {
			if pr.Line < 0 || pr.Line > lines {
				t.Errorf("problem at line %d of a %d-line file: %v", pr.Line, lines, pr)
			}
		}
		TOMLKeys(strings.Split(toml, "\n"), 2)
	})
}

// TestHugeLine parses a 10 MB file of one line, above the default size
// limit (a site may raise it): the parser must not hang on it. The bound
// is a hang detector, far above the time it takes.
func TestHugeLine(t *testing.T) {
	src := []byte("date 2024-01-01 " + strings.Repeat("Kharkiv was shelled again, officials said ", 10<<20/43))
	start := time.Now()
	e, problems := Parse("huge.txt", src)
	d := time.Since(start)
	t.Logf("10 MB line: %v", d)
	if d > 10*time.Second {
		t.Errorf("a 10 MB line took %v to parse", d)
	}
	if e == nil {
		t.Fatal(problems.Err())
	}
}

// TestMarkdownHazards: Markdown that would make goldmark's time grow with
// the square of its size is refused, at once and at its line; articles
// with many links and quotes are not.
func TestMarkdownHazards(t *testing.T) {
	head := "+++\ntitle = \"T\"\ndate = 2024-05-01\n+++\nFirst paragraph.\n\n"
	refs := strings.Repeat("[a]: /b\n", 3000) + strings.Repeat("[a] ", 3000)
	for name, c := range map[string]struct {
		body string
		line int
	}{
		"links run together": {strings.Repeat("[a](", 1<<18), 7},
		"links a line each":  {strings.Repeat("[a](\n", 1<<18), 7 + maxBrackets},
		"angle destinations": {strings.Repeat("[a](<b", 1<<17), 7},
		"quotes nested deep": {strings.Repeat(">", 1<<20), 7},
		"references":         {refs, 7 + maxBrackets},
	} {
		start := time.Now()
		e, problems := Parse("a.md", []byte(head+c.body))
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %v to refuse", name, d)
		}
		if e != nil || len(problems) == 0 || problems[0].Line != c.line {
			t.Errorf("%s: entry %v, problems %v; want an error at line %d", name, e != nil, problems, c.line)
		}
	}
	var fine strings.Builder
	fine.WriteString(head)
	for i := range 300 {
		fmt.Fprintf(&fine, "See [report %d](https://example.org/%d).\n\n> > > A quote in a quote in a quote.\n\n", i, i)
	}
	if e, problems := Parse("a.md", []byte(fine.String())); e == nil {
		t.Errorf("an article with 300 links and nested quotes refused: %v", problems)
	}
}
