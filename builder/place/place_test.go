package place

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"timeline/builder/entry"
)

// TestCases checks the matcher against testdata/cases.txt: sentences with
// the exact countries and regions a careful reader would give them, traps
// included.
func TestCases(t *testing.T) {
	f, err := os.Open("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g := Builtin()
	type tc struct {
		line                int
		text                string
		countries, regions  []string
		hasCountry, hasRegs bool
	}
	var cases []tc
	var c tc
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		key, val, _ := strings.Cut(l, ":")
		val = strings.TrimSpace(val)
		switch key {
		case "text":
			c = tc{line: n, text: val}
		case "countries":
			c.countries, c.hasCountry = strings.Fields(val), true
		case "regions":
			c.regions, c.hasRegs = strings.Fields(val), true
			if !c.hasCountry || c.text == "" {
				t.Fatalf("cases.txt:%d: want text, countries, regions", n)
			}
			cases = append(cases, c)
		}
	}
	if len(cases) < 100 {
		t.Fatalf("only %d cases read", len(cases))
	}
	failed := 0
	for _, c := range cases {
		r := g.Match([]Text{{S: c.text, Line: 1}}, true)
		slices.Sort(c.countries)
		slices.Sort(c.regions)
		if !slices.Equal(r.Countries, c.countries) || !slices.Equal(r.Regions, c.regions) {
			failed++
			t.Errorf("cases.txt:%d: %s\n got countries %v regions %v\nwant countries %v regions %v\n%s",
				c.line, c.text, r.Countries, r.Regions, c.countries, c.regions, explain(r))
		}
	}
	t.Logf("%d cases, %d failed", len(cases), failed)
}

func explain(r Result) string {
	var b strings.Builder
	for _, m := range r.Matches {
		b.WriteString("    " + m.Text + " → " + strings.Join(m.Codes, ",") + " (" + m.Why + ")\n")
	}
	return b.String()
}

// TestExample places the example article as the issue says it must be.
func TestExample(t *testing.T) {
	src, err := os.ReadFile("../../content/000_16b2b9d5e41fa0f4.txt")
	if err != nil {
		t.Fatal(err)
	}
	e, problems := entry.Parse("000_16b2b9d5e41fa0f4.txt", src)
	if e == nil {
		t.Fatal(problems.Err())
	}
	r, problems := Builtin().Place(e, true)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	wantRegions := []string{"UA-23", "UA-30", "UA-51", "UA-53", "UA-59", "UA-63", "UA-68"}
	if !slices.Equal(r.Regions, wantRegions) {
		t.Errorf("regions = %v, want %v\n%s", r.Regions, wantRegions, explain(r))
	}
	for _, c := range []string{"UA", "RU", "GB"} {
		if !slices.Contains(r.Countries, c) {
			t.Errorf("countries %v lack %s", r.Countries, c)
		}
	}
}

// TestLead checks the places lists show under a headline: those the
// headline and summary name, and only those the whole entry is placed in.
func TestLead(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"headline and lead", "date 2024-05-01 Drones hit Kharkiv\n\nRussian drones hit Kharkiv overnight, the governor said.\n\nIran has supplied the drones, officials in Poland say.\n",
			[]string{"UA-63", "RU", "UA"}},
		{"none named", "date 2024-05-01 A quiet night\n\nNothing happened overnight, officials said.\n\nLater, shelling was reported in Kherson.\n",
			nil},
		{"front matter rules", "+++\ntitle = \"Ukraine and Poland sign a deal\"\ndate = 2024-05-01\ncountries = [\"Poland\"]\n+++\nThe deal was signed in Warsaw.\n",
			[]string{"PL"}},
	} {
		name := c.name + ".txt"
		if strings.HasPrefix(c.src, "+++") {
			name = c.name + ".md"
		}
		e, problems := entry.Parse(name, []byte(c.src))
		if e == nil {
			t.Fatal(problems.Err())
		}
		r, _ := Builtin().Place(e, false)
		if !slices.Equal(r.Lead, c.want) {
			t.Errorf("%s: lead = %v, want %v (countries %v, regions %v)", c.name, r.Lead, c.want, r.Countries, r.Regions)
		}
	}
}
