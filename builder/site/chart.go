package site

import (
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"timeline/builder/entry"
)

// A Chart is a bar chart of entries over time, which the templates draw
// as SVG: one bar a day, week or month, each a link to the page of its
// span. Time runs left to right without gaps, so a span with no entries
// is an empty slot, not a missing one. All lengths are in the units of
// the chart's viewBox, ChartWidth by ChartHeight.
type Chart struct {
	Label string // what it shows, for those who cannot see it
	Unit  string // "day", "week" or "month"
	Max   int    // the tallest bar's count: the axis's top label
	Bars  []Bar
	Ticks []Tick // labels under the axis

	// The geometry, the same for every chart: the viewBox, and the plot
	// inside it, with margins for the labels.
	Width, Height, Left, Right, Top, Base int
}

// A Bar is one span's count.
type Bar struct {
	X, Y, W, H float64
	URL        string
	Label      string // "20–26 May 2024: 35 entries"
}

// A Tick labels the axis at X.
type Tick struct {
	X     float64
	Label string
}

// The chart's geometry, in viewBox units.
const (
	chartWidth  = 720
	chartHeight = 130
	chartLeft   = 34               // room for the count labels
	chartRight  = chartWidth - 4   // where the axis stops
	chartTop    = 8                // y of the tallest bar's top
	chartBase   = chartHeight - 22 // y of the axis; the tick labels go below
	chartBarMax = 40               // the widest bar
)

// A slot is one span of the chart's time axis, before it is drawn.
type slot struct {
	start entry.Date // the span's first day
	count int
	url   string
	title string // the span's name: "May 2024"
}

// chartMonthsMin is the fewest months the site's chart shows month by
// month; a shorter timeline shows day by day.
const chartMonthsMin = 4

// Chart returns the chart of the site's dated entries: month by month,
// or day by day when they span less than chartMonthsMin months. It is
// nil when no entry has a day.
func (s *Site) Chart() *Chart {
	if len(s.Months) == 0 {
		return nil
	}
	first, last := s.Months[len(s.Months)-1], s.Months[0]
	months := (last.Year-first.Year)*12 + int(last.Month-first.Month) + 1
	if months < chartMonthsMin {
		var slots []slot
		for _, d := range s.Days {
			if d.Date.HasDay() {
				slots = append(slots, slot{start: d.Date, count: len(d.Entries), url: d.URL, title: DateText(d.Date)})
			}
		}
		return newChart("day", slots)
	}
	slots := make([]slot, 0, len(s.Months))
	for _, m := range s.Months {
		d := entry.Date{Year: m.Year, Month: m.Month}
		slots = append(slots, slot{start: entry.Date{Year: m.Year, Month: m.Month, Day: 1}, count: m.Count, url: m.URL, title: DateText(d)})
	}
	return newChart("month", slots)
}

// Chart returns the chart of the place's entries week by week, which its
// week pages list; nil when none of them has a day.
func (p *Place) Chart() *Chart {
	slots := make([]slot, 0, len(p.Weeks))
	for _, w := range p.Weeks {
		t := w.Days[0].Date.Time()
		monday := entry.DateOf(t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)))
		slots = append(slots, slot{start: monday, count: w.Count, url: w.URL, title: w.Title})
	}
	return newChart("week", slots)
}

// newChart lays out slots, newest first and each a unit long, on a time
// axis from the oldest to the newest.
func newChart(unit string, slots []slot) *Chart {
	if len(slots) == 0 {
		return nil
	}
	oldest, newest := slots[len(slots)-1].start, slots[0].start
	n := units(unit, oldest, newest) + 1
	c := &Chart{Unit: unit, Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartRight, Top: chartTop, Base: chartBase}
	for _, sl := range slots {
		c.Max = max(c.Max, sl.count)
	}
	width := float64(chartRight-chartLeft) / float64(n)
	gap := min(width*0.2, 2)
	if width < 2 {
		gap = 0 // hairlines side by side read better than gaps
	}
	// A bar stands in the middle of its slot, and is no wider than
	// chartBarMax: a chart of a few spans is a few bars, not a wall.
	bar := min(width-gap, chartBarMax)
	x := func(i int) float64 { return chartLeft + float64(i)*width }
	c.Bars = make([]Bar, 0, len(slots))
	for i := len(slots) - 1; i >= 0; i-- {
		sl := slots[i]
		h := max(float64(sl.count)/float64(c.Max)*(chartBase-chartTop), 1)
		c.Bars = append(c.Bars, Bar{
			X: round1(x(units(unit, oldest, sl.start)) + (width-bar)/2), W: round1(bar),
			Y: round1(chartBase - h), H: round1(h),
			URL: sl.url, Label: sl.title + ": " + plural(sl.count, "entry", "entries"),
		})
	}
	c.Ticks = ticks(unit, oldest, n, x)
	c.Label = fmt.Sprintf("Entries per %s, %s to %s; the most in one %s: %s.", unit,
		slots[len(slots)-1].title, slots[0].title, unit, Thousands(c.Max))
	return c
}

// units returns the number of whole units from a to b.
func units(unit string, a, b entry.Date) int {
	switch unit {
	case "month":
		return (b.Year-a.Year)*12 + int(b.Month-a.Month)
	case "week":
		return int(b.Time().Sub(a.Time()).Hours()/24) / 7
	}
	return int(math.Round(b.Time().Sub(a.Time()).Hours() / 24))
}

// ticks labels the axis: each year, when the chart spans more than about
// 18 months; else each month, the first shown with its year, as is each
// January. A label that would run into the one before it is left out;
// the year it carries then goes to the next.
func ticks(unit string, oldest entry.Date, n int, x func(int) float64) []Tick {
	start := oldest.Time()
	at := func(i int) time.Time {
		switch unit {
		case "month":
			return start.AddDate(0, i, 0)
		case "week":
			return start.AddDate(0, 0, 7*i)
		}
		return start.AddDate(0, 0, i)
	}
	years := at(n).Sub(start).Hours() > 24*550
	var out []Tick
	end := math.Inf(-1) // where the last label ends
	shownYear := 0      // the year the last label named
	for i := range n {
		t := at(i)
		if i > 0 {
			prev := at(i - 1)
			if t.Year() == prev.Year() && (years || t.Month() == prev.Month()) {
				continue // its year's, or month's, tick is placed
			}
		}
		label := t.Format("Jan")
		switch {
		case years:
			label = fmt.Sprint(t.Year())
		case t.Year() != shownYear:
			label = t.Format("Jan 2006")
		}
		if x(i) < end+tickGap {
			continue
		}
		out = append(out, Tick{X: round1(x(i)), Label: label})
		end = x(i) + tickCharWidth*float64(utf8.RuneCountInString(label))
		shownYear = t.Year()
	}
	return out
}

// A tick label's width is about tickCharWidth units a character, at the
// labels' 13px; tickGap keeps two apart.
const (
	tickCharWidth = 7.5
	tickGap       = 6
)

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}
