package output

import (
	"errors"
	"os"
	"path/filepath"
)

var errBusy = errors.New("another build is writing this site; try again when it is done")

// exchangeByRenames swaps a and b through a third name.
func exchangeByRenames(a, b string) error {
	mid := filepath.Join(filepath.Dir(b), "."+filepath.Base(b)+".old-swap")
	if err := os.Rename(b, mid); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(mid, b)
		return err
	}
	return os.Rename(mid, a)
}
