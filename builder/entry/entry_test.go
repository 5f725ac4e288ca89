package entry

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"timeline/builder/diag"
)

// TestShapes parses every testdata/shapes/NAME.txt and compares the entry
// with NAME.want, a hand-written account of what the file holds: one
// "key: value" a line, repeated keys in order (see the README there).
// Keys a .want file leaves out must come out empty.
func TestShapes(t *testing.T) {
	files, _ := filepath.Glob("testdata/shapes/*.txt")
	if len(files) == 0 {
		t.Fatal("no test files in testdata/shapes")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			want, err := readWant(strings.TrimSuffix(file, ".txt") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			e, problems := Parse(name+".txt", src)
			if errs := want["error"]; len(errs) > 0 {
				checkError(t, errs[0], e, problems)
				return
			}
			if e == nil {
				t.Fatalf("rejected: %v", problems.Err())
			}
			got := describe(e)
			for _, key := range []string{"date", "title", "derived", "byline", "readtime", "caption", "caption-credit", "source", "url", "dateline"} {
				if g, w := got[key], want[key]; !slices.Equal(g, w) {
					t.Errorf("%s:\n got %q\nwant %q", key, g, w)
				}
			}
			for _, key := range []string{"sourceline", "credit", "body"} {
				g, w := got[key], want[key]
				if !slices.Equal(g, w) {
					t.Errorf("%s differs:\n%s", key, lineDiff(w, g))
				}
			}
		})
	}
}

func checkError(t *testing.T, want string, e *Entry, problems diag.List) {
	t.Helper()
	lineText, msg, _ := strings.Cut(want, ":")
	line, err := strconv.Atoi(strings.TrimSpace(lineText))
	if err != nil {
		t.Fatalf("bad error line in .want: %q", want)
	}
	msg = strings.TrimSpace(msg)
	if e != nil {
		t.Fatalf("accepted a file that must be rejected with %q", want)
	}
	for _, p := range problems {
		if !p.Warning && p.Line == line && strings.Contains(strings.ToLower(p.Msg), strings.ToLower(msg)) {
			return
		}
	}
	t.Errorf("want error at line %d containing %q; got %v", line, msg, problems)
}

// describe gives the entry in the vocabulary of .want files.
func describe(e *Entry) map[string][]string {
	m := map[string][]string{}
	add := func(key, v string) {
		if v != "" {
			m[key] = append(m[key], v)
		}
	}
	add("date", e.Date.String())
	add("title", e.Title)
	if e.TitleDerived {
		add("derived", "yes")
	}
	add("byline", e.Byline)
	if e.ReadTimeGiven {
		add("readtime", strconv.Itoa(e.ReadTime))
	}
	add("caption", e.Caption.Text)
	add("caption-credit", e.Caption.Credit)
	add("source", e.Source)
	add("url", e.SourceURL)
	add("dateline", e.Dateline)
	for _, s := range e.SourceLines {
		add("sourceline", s)
	}
	for _, s := range e.Credits {
		add("credit", s)
	}
	for _, b := range e.Blocks {
		if b.Kind == Figure {
			add("body", "figure: "+b.Text+" | "+b.Credit)
		} else {
			add("body", "p: "+b.Text)
		}
	}
	return m
}

// readWant reads a .want file. "p:" and "figure:" lines are kept together,
// in order, under "body".
func readWant(name string) (map[string][]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		key, val, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want key: value", name, n)
		}
		val = strings.TrimPrefix(val, " ")
		switch key {
		case "p", "figure":
			m["body"] = append(m["body"], key+": "+val)
		default:
			m[key] = append(m[key], val)
		}
	}
	return m, sc.Err()
}

// lineDiff shows two lists side by side, marking where they differ.
func lineDiff(want, got []string) string {
	var b strings.Builder
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w == g {
			fmt.Fprintf(&b, "   %3d   %.70q\n", i, w)
			continue
		}
		fmt.Fprintf(&b, "-  %3d want %q\n+  %3d got  %q\n", i, w, i, g)
	}
	return b.String()
}
