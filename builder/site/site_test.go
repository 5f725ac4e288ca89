package site

import (
	"fmt"
	"maps"
	"math"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"timeline/builder/entry"
	"timeline/builder/place"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Volodomyr Zelenskyy Calls On Ukraine's Allies To Step Up Support After Latest Russia 'Terror' Attacks": "volodomyr-zelenskyy-calls-on-ukraines-allies-to-step-up",
		"Два роки повномасштабної війни":                                                                        "dva-roky-povnomasshtabnoi-viiny",
		"Удар по Харкову: 6 загиблих":                                                                           "udar-po-kharkovu-6-zahyblykh",
		"Zaporizhzhia — what's next?":                                                                           "zaporizhzhia-whats-next",
		"Łódź & Kraków: Polish aid":                                                                             "lodz-krakow-polish-aid",
		"  --Hello--  ":                                                                                         "hello",
		"<script>alert(1)</script>":                                                                             "script-alert-1-script",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSlugHashed: a headline without ASCII letters gets a slug from its
// hash: ASCII, stable, and its own.
func TestSlugHashed(t *testing.T) {
	a, b := Slug("ウクライナ東部で戦闘"), Slug("ウクライナ東部で停電")
	if !strings.HasPrefix(a, "entry-") || a == b || a != Slug("ウクライナ東部で戦闘") {
		t.Errorf("Slug gave %q and %q", a, b)
	}
	if n := Slug("2024"); !strings.HasPrefix(n, "entry-2024-") {
		t.Errorf("Slug(2024) = %q: a number alone would read as a day's folder", n)
	}
	for _, r := range a {
		if r > 127 {
			t.Errorf("non-ASCII slug %q", a)
		}
	}
}

func TestDayHeading(t *testing.T) {
	start := entry.Date{Year: 2022, Month: 2, Day: 24}
	for _, c := range []struct {
		d    entry.Date
		want string
	}{
		{entry.Date{Year: 2022, Month: 2, Day: 24}, "24 February 2022 · day 1"},
		{entry.Date{Year: 2025, Month: 2, Day: 2}, "2 February 2025 · day 1,075"},
		{entry.Date{Year: 2023, Month: 6}, "June 2023"},
		{entry.Date{Year: 2021, Month: 12, Day: 1}, "1 December 2021"},
	} {
		if got := DayHeading(c.d, start); got != c.want {
			t.Errorf("DayHeading(%v) = %q, want %q", c.d, got, c.want)
		}
	}
	if got := DayHeading(entry.Date{Year: 2025, Month: 2, Day: 2}, entry.Date{}); got != "2 February 2025" {
		t.Errorf("without war_start: %q", got)
	}
}

// TestModel builds a small model and checks its order, groups and links.
func TestModel(t *testing.T) {
	base, _ := url.Parse("https://owner.github.io/repo/")
	mk := func(path, date, title string, regions ...string) Placed {
		d, err := entry.ParseDate(date)
		if err != nil {
			t.Fatal(err)
		}
		r := place.Result{Regions: regions}
		if len(regions) > 0 {
			r.Countries = []string{"UA"}
		}
		return NewPlaced(&entry.Entry{Path: path, Date: d, Title: title, Summary: title + "."}, r)
	}
	s := New(Config{Title: "T", BaseURL: base, HomeEntries: 2, FeedEntries: 10}, place.Builtin(), []Placed{
		mk("a.txt", "2024-05-25", "B", "UA-63"),
		mk("b.txt", "2024-05-25", "A", "UA-63", "UA-30"),
		mk("c.txt", "2024-05", "Month only"),
		mk("d.txt", "2024-06-01", "Later"),
		mk("e.txt", "2024-05-25", "A"),
	})
	var order []string
	for _, e := range s.Entries {
		order = append(order, e.Path)
	}
	if want := "d.txt b.txt e.txt a.txt c.txt"; join(order) != want {
		t.Errorf("timeline order %s, want %s", join(order), want)
	}
	if got := s.Entries[1].URL; got != "/repo/2024/05/25/a/" {
		t.Errorf("URL %q", got)
	}
	if s.Entries[2].URL == s.Entries[1].URL {
		t.Errorf("two entries share %s", s.Entries[1].URL)
	}
	if got := s.Entries[4].URL; got != "/repo/2024/05/month-only/" {
		t.Errorf("month-only URL %q", got)
	}
	if s.Entries[0].Older != s.Entries[1] || s.Entries[1].Newer != s.Entries[0] {
		t.Errorf("older/newer links wrong")
	}
	if len(s.Days) != 3 || len(s.Days[1].Entries) != 3 || s.Days[2].Heading != "May 2024" {
		t.Errorf("days: %d, want 3 with the 25th holding 3 and May last", len(s.Days))
	}
	if len(s.Months) != 2 || s.Months[1].Count != 4 || s.Months[1].Newer != s.Months[0] {
		t.Errorf("months wrong")
	}
	if len(s.Regions) != 2 || s.Regions[0].Name != "Kharkiv Oblast" || s.Regions[0].Count() != 2 || s.Regions[0].Country.Code != "UA" {
		t.Errorf("regions: %+v", s.Regions[0])
	}
	var home *Page
	for _, p := range s.Pages {
		if p.Kind == "home" {
			home = p
		}
	}
	if n := len(home.Days[0].Entries) + len(home.Days[1].Entries); len(home.Days) != 2 || n != 2 {
		t.Errorf("home shows %d days, want the 2 newest entries", len(home.Days))
	}
}

func join(s []string) string { return strings.Join(s, " ") }

func TestTeaser(t *testing.T) {
	for _, c := range []struct {
		e    entry.Entry
		want string
	}{
		{entry.Entry{Title: "Headline", Summary: "First. Second."}, "First. Second."},
		{entry.Entry{Title: "First thing", TitleDerived: true, Summary: "First thing. Second."}, "Second."},
		{entry.Entry{Title: "A long first…", TitleDerived: true, Summary: "A long first sentence."}, ""},
	} {
		if got := teaser(&c.e); got != c.want {
			t.Errorf("teaser(%q, %q) = %q, want %q", c.e.Title, c.e.Summary, got, c.want)
		}
	}
}

func TestWeekOf(t *testing.T) {
	for _, c := range []struct{ date, dir, title string }{
		{"2024-05-22", "2024/w21/", "20–26 May 2024"},
		{"2024-05-20", "2024/w21/", "20–26 May 2024"},
		{"2024-05-26", "2024/w21/", "20–26 May 2024"},
		{"2024-05-01", "2024/w18/", "29 April – 5 May 2024"},
		{"2025-01-01", "2025/w01/", "30 December 2024 – 5 January 2025"},
		{"2021-01-03", "2020/w53/", "28 December 2020 – 3 January 2021"},
	} {
		d, err := entry.ParseDate(c.date)
		if err != nil {
			t.Fatal(err)
		}
		if dir, title := weekOf(d); dir != c.dir || title != c.title {
			t.Errorf("weekOf(%s) = %q, %q; want %q, %q", c.date, dir, title, c.dir, c.title)
		}
	}
}

// TestSlugsStable: entries of one date with one headline get distinct
// addresses, which depend on their own file's path only: they stay the
// same when more entries with that headline arrive after them, and
// whatever order the entries come in.
func TestSlugsStable(t *testing.T) {
	base, _ := url.Parse("https://example.org/")
	d, _ := entry.ParseDate("2024-05-25")
	urls := func(paths ...string) map[string]string {
		var placed []Placed
		for _, p := range paths {
			placed = append(placed, NewPlaced(&entry.Entry{Path: p, Date: d, Title: "Drone attack on Odesa port"}, place.Result{}))
		}
		s := New(Config{Title: "T", BaseURL: base, HomeEntries: 2, FeedEntries: 10}, place.Builtin(), placed)
		m := map[string]string{}
		for _, e := range s.Entries {
			m[e.Path] = e.URL
		}
		return m
	}
	two := urls("content/a.txt", "content/b.txt")
	if two["content/a.txt"] != "/2024/05/25/drone-attack-on-odesa-port/" || !strings.HasPrefix(two["content/b.txt"], "/2024/05/25/drone-attack-on-odesa-port-") {
		t.Errorf("two entries: %v", two)
	}
	four := urls("content/z.txt", "content/b.txt", "content/c.txt", "content/a.txt")
	for p, u := range two {
		if four[p] != u {
			t.Errorf("%s moved from %s to %s when more arrived", p, u, four[p])
		}
	}
	if len(slices.Compact(slices.Sorted(maps.Values(four)))) != 4 {
		t.Errorf("four entries share addresses: %v", four)
	}
}

// TestChart: the site's chart has a bar for each month with entries, at
// its place on an axis without gaps, each linking to its month's page;
// a place's has one for each week, linking to its week's page; a short
// timeline is charted day by day.
func TestChart(t *testing.T) {
	base, _ := url.Parse("https://example.org/")
	var placed []Placed
	add := func(date string, n int) {
		d, err := entry.ParseDate(date)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			e := &entry.Entry{Path: fmt.Sprintf("%s-%d.txt", date, i), Date: d, Title: fmt.Sprintf("News %s %d", date, i)}
			placed = append(placed, NewPlaced(e, place.Result{Countries: []string{"UA"}, Regions: []string{"UA-63"}}))
		}
	}
	add("2024-01-10", 2)
	add("2024-01", 1) // known to the month only: counted in January, on no week
	add("2024-03-05", 4)
	add("2024-06-30", 1)
	s := New(Config{Title: "T", BaseURL: base, HomeEntries: 2, FeedEntries: 10}, place.Builtin(), placed)

	c := s.Chart()
	if c.Unit != "month" || c.Max != 4 || len(c.Bars) != 3 {
		t.Fatalf("site chart: %s, max %d, %d bars; want month, 4, 3", c.Unit, c.Max, len(c.Bars))
	}
	width := float64(c.Right-c.Left) / 6 // January to June
	for i, want := range []struct {
		month int
		url   string
		label string
		count int
	}{{0, "/2024/01/", "January 2024: 3 entries", 3}, {2, "/2024/03/", "March 2024: 4 entries", 4}, {5, "/2024/06/", "June 2024: 1 entry", 1}} {
		b := c.Bars[i]
		if b.URL != want.url || b.Label != want.label || math.Abs(b.X+b.W/2-(float64(c.Left)+(float64(want.month)+0.5)*width)) > 0.1 {
			t.Errorf("bar %d: %+v, want %s %q at month %d", i, b, want.url, want.label, want.month)
		}
		if h := float64(want.count) / 4 * float64(c.Base-c.Top); math.Abs(b.H-h) > 0.1 || math.Abs(b.Y+b.H-float64(c.Base)) > 0.1 {
			t.Errorf("bar %d: height %.1f from %.1f, want %.1f standing on %d", i, b.H, b.Y, h, c.Base)
		}
	}
	if len(c.Ticks) == 0 || c.Ticks[0].Label != "Jan 2024" || c.Ticks[len(c.Ticks)-1].Label != "Jun" {
		t.Errorf("site chart ticks: %+v", c.Ticks)
	}

	var kharkiv *Place
	for _, r := range s.Regions {
		if r.Code == "UA-63" {
			kharkiv = r
		}
	}
	pc := kharkiv.Chart()
	if pc.Unit != "week" || len(pc.Bars) != 3 || pc.Bars[0].URL != "/regions/kharkiv-oblast/2024/w02/" || pc.Bars[2].URL != "/regions/kharkiv-oblast/2024/w26/" {
		t.Errorf("place chart: %s, bars %+v", pc.Unit, pc.Bars)
	}
	// Weeks 2 (8–14 January) and 26 (24–30 June): 24 weeks apart.
	if w, b := float64(pc.Right-pc.Left)/25, pc.Bars[2]; math.Abs(b.X+b.W/2-(float64(pc.Left)+24.5*w)) > 0.1 {
		t.Errorf("place chart: the last week centred at x %.1f, want %.1f", b.X+b.W/2, float64(pc.Left)+24.5*w)
	}

	short := New(Config{Title: "T", BaseURL: base, HomeEntries: 2, FeedEntries: 10}, place.Builtin(), placed[:3])
	if c := short.Chart(); c.Unit != "day" || len(c.Bars) != 1 || c.Bars[0].URL != "/2024/01/10/" || c.Bars[0].W > 40 {
		t.Errorf("a short timeline's chart: %+v", c)
	}
}

// TestOnThisDayAndRelated: a day's heading links the same day in earlier
// years that have entries, and an entry's related entries share a region
// with it and are the nearest in date, nearest first.
func TestOnThisDayAndRelated(t *testing.T) {
	base, _ := url.Parse("https://example.org/")
	var placed []Placed
	add := func(date, title string, regions ...string) {
		d, err := entry.ParseDate(date)
		if err != nil {
			t.Fatal(err)
		}
		placed = append(placed, NewPlaced(&entry.Entry{Path: title + ".txt", Date: d, Title: title}, place.Result{Countries: []string{"UA"}, Regions: regions}))
	}
	add("2024-05-25", "Now", "UA-63")
	add("2023-05-25", "A year ago", "UA-51")
	add("2022-05-25", "Two years ago", "UA-63")
	add("2024-05-20", "Five days before", "UA-63")
	add("2024-05-27", "Two days after", "UA-63", "UA-51")
	add("2024-05-26", "A day after elsewhere", "UA-51")
	add("2024-01-01", "Long before", "UA-63")
	add("2024-05", "Known to the month", "UA-63")
	s := New(Config{Title: "T", BaseURL: base, HomeEntries: 2, FeedEntries: 10, Related: 3}, place.Builtin(), placed)

	byTitle := map[string]*Entry{}
	for _, e := range s.Entries {
		byTitle[e.Title] = e
	}
	now := byTitle["Now"]
	var earlier []string
	for _, c := range now.Day.Earlier {
		earlier = append(earlier, c.Name+" "+c.URL)
	}
	if want := "2023 /2023/05/25/ 2022 /2022/05/25/"; join(earlier) != want {
		t.Errorf("on this day: %q, want %q", join(earlier), want)
	}
	if d := byTitle["Two years ago"].Day; len(d.Earlier) != 0 {
		t.Errorf("the earliest year has earlier days: %v", d.Earlier)
	}

	var related []string
	for _, e := range now.Related() {
		related = append(related, e.Title)
	}
	// "A day after elsewhere" is nearer but shares no region; "Known to
	// the month" counts from the 1st of May.
	if want := []string{"Two days after", "Five days before", "Known to the month"}; !slices.Equal(related, want) {
		t.Errorf("related: %q, want %q", related, want)
	}
	s.Config.Related = 0
	if r := now.Related(); len(r) != 0 {
		t.Errorf("related = 0 in site.toml: %d related entries", len(r))
	}
}

// TestMap: every region of the theatre is on the map, shaded by its count
// on a scale whose legend covers every count, linked to its page when it
// has one; a region's page marks it; a country without regions on the
// map has none.
func TestMap(t *testing.T) {
	base, _ := url.Parse("https://example.org/")
	var placed []Placed
	add := func(n int, country string, regions ...string) {
		d, _ := entry.ParseDate("2024-05-25")
		for i := range n {
			title := fmt.Sprintf("%s %v %d", country, regions, i)
			placed = append(placed, NewPlaced(&entry.Entry{Path: title + ".txt", Date: d, Title: title}, place.Result{Countries: []string{country}, Regions: regions}))
		}
	}
	add(100, "UA", "UA-63")
	add(10, "UA", "UA-51")
	add(1, "RU", "RU-BEL")
	add(3, "GB")
	s := New(Config{Title: "T", BaseURL: base, HomeEntries: 2, FeedEntries: 10}, place.Builtin(), placed)

	m := s.Map("UA-63")
	if len(m.Regions) != 33 || m.Current == nil || m.Current.Name != "Kharkiv Oblast" {
		t.Fatalf("map: %d regions, current %+v; want 33, Kharkiv Oblast", len(m.Regions), m.Current)
	}
	shades := map[string]int{}
	for _, r := range m.Regions {
		shades[r.Name] = r.Shade
		if (r.URL != "") != (r.Count > 0) || r.Path == "" {
			t.Errorf("%s: %d entries, address %q", r.Name, r.Count, r.URL)
		}
	}
	if shades["Kharkiv Oblast"] != 5 || shades["Belgorod Oblast"] != 1 || shades["Volyn Oblast"] != 0 || shades["Odesa Oblast"] < 2 || shades["Odesa Oblast"] > 4 {
		t.Errorf("shades: Kharkiv %d, Odesa %d, Belgorod %d, Volyn %d; want 5, 2 to 4, 1, 0",
			shades["Kharkiv Oblast"], shades["Odesa Oblast"], shades["Belgorod Oblast"], shades["Volyn Oblast"])
	}
	// The legend's ranges run from 1 to the most, without gap or overlap,
	// and each region's count is in its shade's range.
	next := 1
	for _, st := range m.Legend {
		lo, hi := 0, 0
		if _, err := fmt.Sscanf(strings.Replace(st.Label, "–", " ", 1), "%d %d", &lo, &hi); err != nil {
			fmt.Sscanf(st.Label, "%d", &lo)
			hi = lo
		}
		if lo != next || hi < lo {
			t.Errorf("legend %+v after %d", m.Legend, next-1)
		}
		for _, r := range m.Regions {
			if r.Shade == st.Shade && (r.Count < lo || r.Count > hi) {
				t.Errorf("%s: %d entries in shade %d, %q", r.Name, r.Count, r.Shade, st.Label)
			}
		}
		next = hi + 1
	}
	if next != 101 {
		t.Errorf("legend %+v does not end at 100", m.Legend)
	}

	// A site with few entries shades in the darkest shades, one a count.
	small := New(Config{Title: "T", BaseURL: base, HomeEntries: 2, FeedEntries: 10}, place.Builtin(), placed[108:]) // Odesa 2, Belgorod 1
	sm := small.Map("")
	for _, r := range sm.Regions {
		if want := map[string]int{"Odesa Oblast": 5, "Belgorod Oblast": 4}[r.Name]; r.Shade != want {
			t.Errorf("small site: %s, %d entries, shade %d, want %d", r.Name, r.Count, r.Shade, want)
		}
	}
	if len(sm.Legend) != 2 || sm.Legend[0].Label != "1" || sm.Legend[0].Shade != 4 || sm.Legend[1].Label != "2" {
		t.Errorf("small site: legend %+v, want 1 and 2 in the darkest shades", sm.Legend)
	}

	maps := map[string]bool{}
	for _, pg := range s.Pages {
		if pg.Map() != nil {
			maps[pg.Kind+" "+pg.Title] = true
			maps[pg.Kind] = true
		}
	}
	for page, want := range map[string]bool{"home": true, "regions": true, "entry": false, "country Ukraine": true, "country Russia": true, "country United Kingdom": false, "region Kharkiv Oblast": true} {
		if maps[page] != want {
			t.Errorf("%s: map shown %v, want %v", page, maps[page], want)
		}
	}
}

// TestTicks: a chart's labels never run into each other, and every year
// the chart spans is named by some label.
func TestTicks(t *testing.T) {
	for _, c := range []struct {
		unit   string
		oldest string
		n      int
	}{
		{"month", "2024-01-01", 13}, {"month", "2023-12-01", 14}, {"month", "2022-02-01", 58},
		{"week", "2024-12-23", 30}, {"week", "2022-02-21", 150}, {"day", "2024-01-30", 46}, {"day", "2024-12-30", 5},
	} {
		oldest, _ := entry.ParseDate(c.oldest)
		width := float64(chartRight-chartLeft) / float64(c.n)
		ts := ticks(c.unit, oldest, c.n, func(i int) float64 { return chartLeft + float64(i)*width })
		named := map[string]bool{}
		for i, tk := range ts {
			if i > 0 {
				prev := ts[i-1]
				if end := prev.X + tickCharWidth*float64(len(prev.Label)); tk.X < end+tickGap {
					t.Errorf("%s from %s: %q at %.1f runs into %q ending at %.1f", c.unit, c.oldest, tk.Label, tk.X, prev.Label, end)
				}
			}
			for _, f := range strings.Fields(tk.Label) {
				if len(f) == 4 {
					named[f] = true
				}
			}
		}
		last := oldest.Time()
		switch c.unit {
		case "month":
			last = last.AddDate(0, c.n-1, 0)
		case "week":
			last = last.AddDate(0, 0, 7*(c.n-1))
		default:
			last = last.AddDate(0, 0, c.n-1)
		}
		for y := oldest.Year; y <= last.Year(); y++ {
			if !named[fmt.Sprint(y)] && !(y == last.Year() && last.Month() == time.January && last.Day() < 8) {
				t.Errorf("%s from %s: no label names %d: %+v", c.unit, c.oldest, y, ts)
			}
		}
	}
}
