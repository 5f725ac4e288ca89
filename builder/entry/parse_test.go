package entry

import (
	"slices"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-02-02": "2025-02-02", "2023-06": "2023-06", "2024-02-29": "2024-02-29",
		"2025-02-29": "impossible date 2025-02-29: February 2025 has 28 days",
		"2025-13-01": "impossible date 2025-13-01: there is no month 13",
		"2025-00":    "impossible date 2025-00: there is no month 0",
		"0001-01-01": "impossible date 0001-01-01: year must be between 1900 and 2999",
		"2025-2-2":   "malformed date", "2025/02/02": "malformed date", "２０２５-02-02": "malformed date",
		"2025-02-0x": "malformed date",
	} {
		d, err := ParseDate(in)
		got := d.String()
		if err != nil {
			got = err.Error()
		}
		if !strings.HasPrefix(got, want) {
			t.Errorf("ParseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func parse(t *testing.T, name, text string) (*Entry, []string) {
	t.Helper()
	e, problems := Parse(name, []byte(text))
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	return e, msgs
}

func TestFrontMatter(t *testing.T) {
	e, msgs := parse(t, "a.txt", `+++
title = "Corrected headline"
date = "2023-06"
countries = ["UA"]
colour = "red"
source = "javascript:alert(1)"
+++
date 2024-01-01 Scraped headline

By Jane Doe

Body text here.
`)
	if e == nil {
		t.Fatal(msgs)
	}
	if e.Title != "Corrected headline" || e.Date.String() != "2023-06" || e.Byline != "Jane Doe" || e.SourceURL != "" {
		t.Errorf("front matter did not override: %+v", e)
	}
	if e.TitleLine != 2 || e.FrontMatterLine("countries") != 4 {
		t.Errorf("lines: title %d, countries %d", e.TitleLine, e.FrontMatterLine("countries"))
	}
	want := []string{
		`a.txt:5: warning: front matter: unknown key "colour" (known: title, date, author, source, summary, countries, regions, tags, draft, slug)`,
		`a.txt:6: warning: front matter: source "javascript:alert(1)" is not an http or https address; ignored`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}

	for text, want := range map[string]string{
		"+++\ntitle = \"x\"\ndate = 2024-01-01\n":                          "a.md:1: front matter opened with +++ is never closed",
		"+++\ntitle = \"x\"\ndate = 2024-01-01\ndraft = \"no\"\n+++\n":     "a.md:4: front matter: draft: must be true or false, not text in quotes",
		"+++\ntitle = \"x\"\ncountries = \"UA\"\ndate = 2024-01-01\n+++\n": `a.md:3: front matter: countries: must be a list, ["…"], not text in quotes`,
		"+++\ntitle = \"x\nx\"\ndate = 2024-01-01\n+++\n":                  "a.md:2: front matter:",
		"+++\ntitle = \"x\"\ndate = 2024\n+++\n":                           "a.md:3: front matter: date must be a date",
		"+++\ntitle = \"x\"\ndate = \"2024-02-30\"\n+++\n":                 "a.md:3: front matter: impossible date",
		"+++\ntitle = \"x\"\n+++\nNo date anywhere.\n":                     "a.md:4: no date",
	} {
		_, msgs := parse(t, "a.md", text)
		if len(msgs) == 0 || !strings.HasPrefix(msgs[0], want) {
			t.Errorf("%q:\n got %q\nwant %q...", text, msgs, want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	e, msgs := parse(t, "a.md", "+++\ndate = 2024-03-01\n+++\n\n# The headline\n\nFirst *paragraph* with [a link](https://x.example/).\n\n## Section\n\nMore in Kharkiv.\n")
	if e == nil {
		t.Fatal(msgs)
	}
	if e.Title != "The headline" || e.TitleLine != 5 || e.BodyLine != 6 || strings.Contains(e.Markdown, "The headline") {
		t.Errorf("title %q at %d, body at %d: %q", e.Title, e.TitleLine, e.BodyLine, e.Markdown)
	}
	if e.Summary != "First paragraph with a link." {
		t.Errorf("summary %q", e.Summary)
	}
	want := []Text{{"First paragraph with a link.", 7}, {"Section", 9}, {"More in Kharkiv.", 11}}
	if len(e.Prose) != 3 || e.Prose[0] != want[0] || e.Prose[1] != want[1] || e.Prose[2] != want[2] {
		t.Errorf("prose %v, want %v", e.Prose, want)
	}
}

func TestInvalidUTF8(t *testing.T) {
	e, msgs := parse(t, "a.txt", "date 2024-01-01 Headline\n\nGood line.\nBad \xff byte.\n")
	if e == nil || len(msgs) != 1 || msgs[0] != "a.txt:4: warning: invalid UTF-8 (shown as \uFFFD): save the file as UTF-8" {
		t.Fatalf("got %v", msgs)
	}
	if len(e.Blocks) != 2 || e.Blocks[1].Text != "Bad \uFFFD byte." {
		t.Errorf("paragraphs %v", e.Blocks)
	}
	// Lines end at a lone CR too, as on an old Mac.
	if _, msgs := parse(t, "a.txt", "date 2024-01-01 Headline\r\rGood line.\r\nBad \xff byte.\r"); len(msgs) != 1 || !strings.HasPrefix(msgs[0], "a.txt:4: warning: invalid UTF-8") {
		t.Errorf("lone CRs: got %v", msgs)
	}
}

// TestBidi: bidirectional overrides, embeddings and isolates are removed,
// written as they are or as front matter escapes, with a warning.
func TestBidi(t *testing.T) {
	e, msgs := parse(t, "a.txt", "date 2024-01-01 Invoice \u202Efdp.exe\n\nA body \u2066left open.\n")
	if e == nil || len(msgs) != 1 || msgs[0] != "a.txt:1: warning: bidirectional control character U+202E removed: it makes text show otherwise than it reads" {
		t.Fatalf("got %v", msgs)
	}
	if e.Title != "Invoice fdp.exe" || len(e.Blocks) != 1 || e.Blocks[0].Text != "A body left open." {
		t.Errorf("title %q, paragraphs %v", e.Title, e.Blocks)
	}
	e, msgs = parse(t, "a.md", "+++\ntitle = \"T\"\ndate = 2024-01-01\nauthor = \"\\u202Erohtua\"\ntags = [\"a\\u2069\"]\n+++\nBody \u200Ekept.\n")
	if e == nil || len(msgs) != 2 || !strings.HasPrefix(msgs[0], "a.md:4: warning: front matter: author: bidirectional") || !strings.HasPrefix(msgs[1], "a.md:5: warning: front matter: tags:") {
		t.Fatalf("got %v", msgs)
	}
	if e.Byline != "rohtua" || !slices.Equal(e.Tags, []string{"a"}) || strings.TrimSpace(e.Markdown) != "Body \u200Ekept." {
		t.Errorf("byline %q, tags %q, body %q", e.Byline, e.Tags, e.Markdown)
	}
}

func TestSentences(t *testing.T) {
	for in, want := range map[string]string{
		"Mr. Smith went to Kyiv. He stayed.":            "Mr. Smith went to Kyiv.",
		"The U.S. sent aid on Feb. 23. Then more came.": "The U.S. sent aid on Feb. 23.",
		"Is it over? Nobody knows.":                     "Is it over?",
		"He said “enough.” Then he left.":               "He said “enough.”",
		"No end here":                                   "No end here",
		"3.5 million fled. Many returned.":              "3.5 million fled.",
		"東部で戦闘が続いた。住民が避難した。":                            "東部で戦闘が続いた。",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCut(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"one two, three", 8, "one two…"},
		{"東部で戦闘が続いた", 4, "東部で戦…"},
	} {
		if got := cut(c.in, c.n); got != c.want {
			t.Errorf("cut(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"Fits as it is. Both sentences.", 40, "Fits as it is. Both sentences."},
		{"First sentence. Second one is longer.", 20, "First sentence."},
		{"Mr. Smith went to Kyiv. He stayed there.", 30, "Mr. Smith went to Kyiv."},
		{"One long sentence without an end in sight", 20, "One long sentence…"},
	} {
		if got := Shorten(c.in, c.n); got != c.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// TestLargeFiles parses files as large as the default limit allows, of
// the shapes that make a careless parser quadratic: a million short lines
// of one paragraph, and one line of a million characters. (Were the work
// to grow with the square of the size, this test would run for minutes.)
func TestLargeFiles(t *testing.T) {
	for name, body := range map[string]string{
		"short lines": strings.Repeat("a\n", MaxSize/2-20),
		"one line":    strings.Repeat("word ", MaxSize/5-20),
		"sentences":   strings.Repeat("Kharkiv was shelled again. ", MaxSize/27-2),
	} {
		e, problems := Parse("big.txt", []byte("date 2024-01-01 Big\n\n"+body))
		if e == nil {
			t.Errorf("%s: %v", name, problems)
		}
	}
}
