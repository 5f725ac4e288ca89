package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

var start = time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)

// readTree returns every file under dir, by slash path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestDeterministic(t *testing.T) {
	const n = 300
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, err := Write(dir, n, 7, start, 1000, false); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != n || len(fb) != n {
		t.Fatalf("wrote %d and %d files, want %d", len(fa), len(fb), n)
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Fatalf("%s differs between two runs with the same flags", name)
		}
	}

	// Another seed gives other files.
	g := newGenerator(8, start, 1000)
	same := 0
	for i := range 50 {
		art, _ := g.article(i, nil, nil)
		if bytes.Equal(art, fa[g7.name(i)]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 50 articles are the same with seeds 7 and 8", same)
	}
}

var g7 = newGenerator(7, start, 1000)

var nameRE = regexp.MustCompile(`^([0-9]{2})/([0-9]{6})_[0-9a-f]{16}\.txt$`)

func TestNamesAndFolders(t *testing.T) {
	const n = 300
	dir := t.TempDir()
	if _, err := g7.writeAll(dir, n, false); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	if len(files) != n {
		t.Fatalf("wrote %d files, want %d", len(files), n)
	}
	folders := map[string]int{}
	numbers := map[int]bool{}
	for name := range files {
		m := nameRE.FindStringSubmatch(name)
		if m == nil {
			t.Fatalf("file name %q is not like 07/000123_0123456789abcdef.txt", name)
		}
		folders[m[1]]++
		k, _ := strconv.Atoi(m[2])
		numbers[k] = true
	}
	for i := range n {
		if !numbers[i] {
			t.Errorf("no file numbered %06d", i)
		}
	}
	// 300 files in 100 folders: about 95 folders used, none crowded.
	if len(folders) < 80 {
		t.Errorf("files spread over %d folders, want at least 80", len(folders))
	}
	for f, k := range folders {
		if k > 15 {
			t.Errorf("folder %s holds %d of %d files", f, k, n)
		}
	}
}

var dateLineRE = regexp.MustCompile(`^ ?date ([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)(?: |\n|$)`)

// The shapes a test can tell from the text alone.
const (
	kDerived     = "no headline"
	kDateline    = "no headline, dateline"
	kHeadline    = "headline"
	kAgency      = "headline + agency line"
	kTimeLine    = "headline + time line"
	kNav         = "navigation first"
	kDateOnly    = "date line alone"
	kReadTime    = "read time on date line"
	kURL         = "URL on date line"
	kCaption     = "caption first"
	kCyrillic    = "Cyrillic"
	kMonth       = "month-only date"
	kReadMore    = "Read more/also line"
	kCredits     = "reporting credits"
	kWrapped     = "hard-wrapped"
	kByline      = "byline"
	kReadTimeHdr = "read time after headline"
	kCaptionPair = "caption printed twice"
)

var (
	agencyRE   = regexp.MustCompile(`^[A-Za-z ]+ \| [A-Za-z ]+ \| Updated: `)
	timeLineRE = regexp.MustCompile(`^(Published: |By HNN Staff|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} |\(MENAFN- )`)
	datelineRE = regexp.MustCompile(`^([A-Z][A-Z .,]*(, Ukraine)? \((Reuters|AP)\) [-—] |MOSCOW, [A-Z][a-z]+ [0-9]+\. /TASS/\. |Kyiv: )`)
	readTimeRE = regexp.MustCompile(`^·?[0-9]+ (min|mins|minute|minutes) read$`)
	bylineRE   = regexp.MustCompile(`^(By |Author: |The Associated Press$|[A-Z][a-z]+ [A-Z][a-z-]+$)`)
	creditsRE  = regexp.MustCompile(`(?m)^\(?Reporting by `)
)

// classify returns what kinds a file is, and its headline if it has one on
// the date line.
func classify(text string) (kinds []string, headline string) {
	lines := strings.Split(text, "\n")
	m := dateLineRE.FindStringSubmatch(text)
	if m == nil {
		return nil, ""
	}
	if len(m[1]) == 7 {
		kinds = append(kinds, kMonth)
	}
	if strings.Contains(text, "\nRead more: ") || strings.Contains(text, "\nRead also: ") {
		kinds = append(kinds, kReadMore)
	}
	if creditsRE.MatchString(text) {
		kinds = append(kinds, kCredits)
	}
	if strings.IndexFunc(lines[0], func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0 {
		return append(kinds, kCyrillic), ""
	}
	rest := strings.TrimSpace(lines[0][len(m[0]):])
	if !strings.HasSuffix(m[0], " ") {
		rest = ""
	}
	next := ""
	if len(lines) > 1 {
		next = lines[1]
	}
	wrapped := false
	for _, l := range lines[1:] {
		if utf8.RuneCountInString(l) > 85 {
			wrapped = false
			break
		}
		if l != "" && !strings.HasSuffix(l, ".") && !strings.HasSuffix(l, "”") && !strings.HasSuffix(l, `"`) && !strings.HasSuffix(l, ")") {
			wrapped = true
		}
	}
	if wrapped && !strings.Contains(text, "\n\n\n") {
		kinds = append(kinds, kWrapped)
	}
	switch {
	case rest == "":
		return append(kinds, kDateOnly), ""
	case rest == "Skip to content" || rest == "News" || strings.HasPrefix(rest, "Home>"):
		return append(kinds, kNav), ""
	case readTimeRE.MatchString(rest):
		return append(kinds, kReadTime), ""
	case strings.HasPrefix(rest, "http"):
		return append(kinds, kURL), ""
	case strings.HasPrefix(rest, "epaselect") || strings.HasPrefix(rest, "Photo"):
		return append(kinds, kCaption), ""
	case strings.HasSuffix(rest, ".") || strings.HasSuffix(rest, "”") || strings.HasSuffix(rest, `"`) || next != "":
		if datelineRE.MatchString(rest) {
			return append(kinds, kDateline), ""
		}
		return append(kinds, kDerived), ""
	}
	// A headline: what follows it?
	header := []string{}
	for _, l := range lines[2:] {
		if l == "" {
			if len(header) > 0 {
				break
			}
			continue
		}
		header = append(header, l)
	}
	for i, l := range header {
		switch {
		case agencyRE.MatchString(l) && i == 0:
			return append(kinds, kAgency), rest
		case timeLineRE.MatchString(l) && i == 0:
			return append(kinds, kTimeLine), rest
		case readTimeRE.MatchString(l):
			kinds = append(kinds, kReadTimeHdr)
		case bylineRE.MatchString(l) && i == 0:
			kinds = append(kinds, kByline)
		case i > 0 && strings.HasPrefix(l, header[i-1]+" "):
			kinds = append(kinds, kCaptionPair)
		}
	}
	return append(kinds, kHeadline), rest
}

type stats struct {
	n        int
	kinds    map[string]int
	bytes    int
	perDay   map[string]int
	heads    map[string]int // headline+date → count
	headDays map[string]map[string]bool
	short    []string // headlines out of 40..120
	invalid  []string
}

func collect(g *generator, n int) stats {
	st := stats{n: n, kinds: map[string]int{}, perDay: map[string]int{}, heads: map[string]int{}, headDays: map[string]map[string]bool{}}
	var buf, scratch []byte
	for i := range n {
		buf, scratch = g.article(i, buf[:0], scratch[:0])
		text := string(buf)
		st.bytes += len(buf)
		m := dateLineRE.FindStringSubmatch(text)
		if m == nil {
			st.invalid = append(st.invalid, g.name(i)+": no date line: "+strings.SplitN(text, "\n", 2)[0])
			continue
		}
		layout := "2006-01-02"
		if len(m[1]) == 7 {
			layout = "2006-01"
		}
		if _, err := time.Parse(layout, m[1]); err != nil {
			st.invalid = append(st.invalid, g.name(i)+": "+err.Error())
		}
		st.perDay[m[1]]++
		kinds, h := classify(text)
		for _, k := range kinds {
			st.kinds[k]++
		}
		if h != "" {
			if n := utf8.RuneCountInString(h); n < 40 || n > 120 {
				st.short = append(st.short, h)
			}
			st.heads[m[1]+" "+h]++
			if st.headDays[h] == nil {
				st.headDays[h] = map[string]bool{}
			}
			st.headDays[h][m[1]] = true
		}
	}
	return st
}

func (st stats) pct(k string) float64 { return 100 * float64(st.kinds[k]) / float64(st.n) }

func TestShapes(t *testing.T) {
	st := collect(g7, 3000)
	for _, s := range st.invalid {
		t.Error(s)
	}
	for _, h := range st.short {
		t.Errorf("headline of %d characters: %q", utf8.RuneCountInString(h), h)
	}
	check := func(what string, got, lo, hi float64) {
		t.Helper()
		if got < lo || got > hi {
			t.Errorf("%s: %.1f%%, want %.0f%% to %.0f%%", what, got, lo, hi)
		}
	}
	check(kMonth, st.pct(kMonth), 10, 30)
	check("no headline (with or without dateline)", st.pct(kDerived)+st.pct(kDateline), 36, 54)
	check("with a dateline, of those without headline", 100*float64(st.kinds[kDateline])/float64(st.kinds[kDerived]+st.kinds[kDateline]), 22, 45)
	check(kHeadline, st.pct(kHeadline), 27, 45)
	check(kAgency, st.pct(kAgency), 6, 15)
	check(kCyrillic, st.pct(kCyrillic), 0.8, 3.5)
	check(kNav, st.pct(kNav), 1, 6)
	for _, k := range []string{kReadMore, kCredits, kWrapped, kCaptionPair, kByline, kReadTimeHdr, kDateOnly, kReadTime, kURL, kCaption, kTimeLine} {
		if st.kinds[k] == 0 {
			t.Errorf("no article of kind %q in %d", k, st.n)
		}
	}
	if avg := st.bytes / st.n; avg < 2000 || avg > 3000 {
		t.Errorf("average file size %d bytes, want about 2500", avg)
	}
	// Headlines mostly unique; some repeat on one day, as syndicated copies do.
	repeats := 0
	for _, k := range st.heads {
		if k > 1 {
			repeats += k - 1
		}
	}
	if repeats == 0 || repeats > st.n/10 {
		t.Errorf("%d headlines repeat on the same day in %d articles", repeats, st.n)
	}
	// Several a day, more on some days.
	busiest := 0
	for d, k := range st.perDay {
		if len(d) == 10 {
			busiest = max(busiest, k)
		}
	}
	if busiest < 8 {
		t.Errorf("the busiest day has only %d of %d articles", busiest, st.n)
	}
}

func TestPlaces(t *testing.T) {
	var all strings.Builder
	var buf, scratch []byte
	for i := range 500 {
		buf, scratch = g7.article(i, buf[:0], scratch[:0])
		all.Write(buf)
	}
	text := all.String()
	for _, name := range []string{"Kharkiv", "Odesa", "Zaporizhzhia", "Sumy", "Donetsk", "Bakhmut", "Pokrovsk", "Kupiansk",
		"Kherson", "Belgorod", "Kursk", "Bryansk", "Poland", "Germany", "Iran", "North Korea", "Turkey", "China", "British",
		"U.S.", "Oblast", " region", "Zelensk"} {
		if !strings.Contains(text, name) {
			t.Errorf("no %q in 500 articles", name)
		}
	}
	for _, bad := range []string{"{", "}", "  ", " ,", " .", "..", "\n\n\n"} {
		if i := strings.Index(text, bad); i >= 0 {
			t.Errorf("%q in the text: %q", bad, text[max(0, i-60):min(len(text), i+60)])
		}
	}
}

// TestStats prints the measured proportions: GENCORPUS_STATS=10000 go test -run Stats -v ./cmd/gencorpus
func TestStats(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("GENCORPUS_STATS"))
	if n == 0 {
		t.Skip("set GENCORPUS_STATS=N to print the shapes of N articles")
	}
	g := newGenerator(1, start, 1000)
	st := collect(g, n)
	keys := make([]string, 0, len(st.kinds))
	for k := range st.kinds {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return st.kinds[keys[i]] > st.kinds[keys[j]] })
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%-36s %6d  %5.1f%%\n", k, st.kinds[k], st.pct(k))
	}
	repeats, busiest, days := 0, 0, 0
	for _, k := range st.heads {
		repeats += k - 1
	}
	otherDay := 0
	for _, ds := range st.headDays {
		if len(ds) > 1 {
			otherDay++
		}
	}
	counts := []int{}
	for d, k := range st.perDay {
		if len(d) == 10 {
			days++
			counts = append(counts, k)
			busiest = max(busiest, k)
		}
	}
	sort.Ints(counts)
	fmt.Fprintf(&b, "average size %d bytes; headlines repeated on the same day %d, on other days %d; %d days with full dates, median %d a day, busiest %d\n",
		st.bytes/st.n, repeats, otherDay, days, counts[len(counts)/2], busiest)
	t.Log("\n" + b.String())
}
