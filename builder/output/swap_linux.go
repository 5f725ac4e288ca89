package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b in one step, with renameat2's
// RENAME_EXCHANGE: there is no moment at which b does not exist.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if err == unix.ENOSYS || err == unix.EINVAL {
		return exchangeByRenames(a, b) // a file system without it
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}
