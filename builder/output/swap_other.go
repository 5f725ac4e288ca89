//go:build !linux

package output

// exchange swaps the folders a and b. Without an atomic exchange, b is
// missing for a moment between two renames.
func exchange(a, b string) error { return exchangeByRenames(a, b) }
