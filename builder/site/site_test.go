package site

import (
	"maps"
	"net/url"
	"slices"
	"strings"
	"testing"

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
