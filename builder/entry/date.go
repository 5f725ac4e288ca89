package entry

import (
	"fmt"
	"strconv"
	"time"
)

// A Date is the day an article was published, or only its month when the
// file gives no more: a month-only date is shown as "June 2023", never
// invented into the 1st.
type Date struct {
	Year  int
	Month time.Month
	Day   int // 0 when only the month is known
}

// HasDay reports whether the date is precise to the day.
func (d Date) HasDay() bool { return d.Day != 0 }

// String returns "2025-02-02", or "2023-06" for a month.
func (d Date) String() string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) // no date a file can give
	}
	// By hand, not with fmt: pages print dates by the hundred thousand.
	b := make([]byte, 0, 10)
	b = append(b, byte('0'+d.Year/1000), byte('0'+d.Year/100%10), byte('0'+d.Year/10%10), byte('0'+d.Year%10),
		'-', byte('0'+d.Month/10), byte('0'+d.Month%10))
	if d.Day != 0 {
		b = append(b, '-', byte('0'+d.Day/10), byte('0'+d.Day%10))
	}
	return string(b)
}

// Time returns midnight UTC of the date's day, or of the 1st for a month.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// Compare orders dates in time. A month-only date sorts before every day
// of its month: it is known to fall within the month and nothing more.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	}
	return cmpInt(d.Day, o.Day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Years outside this range are typing mistakes, not news.
const minYear, maxYear = 1900, 2999

// ParseDate reads "YYYY-MM-DD" or "YYYY-MM" and checks that the day exists.
func ParseDate(s string) (Date, error) {
	if len(s) != 7 && len(s) != 10 || s[4] != '-' || len(s) == 10 && s[7] != '-' {
		return Date{}, fmt.Errorf("malformed date %q: want YYYY-MM-DD or YYYY-MM", s)
	}
	num := func(t string) (int, bool) {
		for _, c := range t {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := 0, true
	if len(s) == 10 {
		d, ok3 = num(s[8:])
	}
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("malformed date %q: want YYYY-MM-DD or YYYY-MM", s)
	}
	return makeDate(y, m, d, len(s) == 10, s)
}

func makeDate(y, m, d int, hasDay bool, text string) (Date, error) {
	if y < minYear || y > maxYear {
		return Date{}, fmt.Errorf("impossible date %s: year must be between %d and %d", text, minYear, maxYear)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("impossible date %s: there is no month %d", text, m)
	}
	if hasDay {
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d < 1 || d > last {
			return Date{}, fmt.Errorf("impossible date %s: %s %d has %d days", text, time.Month(m), y, last)
		}
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, nil
}

// DateOf returns the day of t.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}
