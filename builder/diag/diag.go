// Package diag records the problems a build finds in its input.
//
// A Problem ties a message to a file and line, the way go/scanner's Error
// does, so an editor can jump straight to what needs fixing. A List gathers
// every problem of a run: the build reports them all at once instead of
// stopping at the first. Errors stop a build from publishing; warnings do not.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Problem is one thing wrong with one input file.
type Problem struct {
	Path    string // file path as the editor knows it, e.g. "content/a.txt"
	Line    int    // 1-based; 0 when the problem concerns the whole file
	Msg     string
	Warning bool // the build goes on, and publishes
}

// Error formats the problem as "path:line: msg", or "path: msg" without a
// line; warnings say so after the position.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Path)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// A List is a set of problems. The zero List is empty and ready to use.
type List []Problem

// Errorf adds an error.
func (l *List) Errorf(path string, line int, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning.
func (l *List) Warnf(path string, line int, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// Sort orders the list by path, then line, then message, so that reports
// are stable from run to run.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			strings.Compare(a.Msg, b.Msg),
		)
	})
}

// Count returns the number of errors and of warnings.
func (l List) Count() (errs, warnings int) {
	for _, p := range l {
		if p.Warning {
			warnings++
		} else {
			errs++
		}
	}
	return errs, warnings
}

// Error prints every problem of the list, one a line: a List is an error,
// as go/scanner's ErrorList is.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil when the list holds no error (warnings alone are not a
// failure), and otherwise the list of its errors.
func (l List) Err() error {
	var errs List
	for _, p := range l {
		if !p.Warning {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Size writes a number of bytes as people read it: "3.2 MB", "512 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
