package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func count(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func TestRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-n", "3", "-out", dir}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "not empty") {
		t.Fatalf("run into a non-empty folder = %d, %q; want 1 and a complaint", code, errb.String())
	}
	if count(t, dir) != 1 {
		t.Fatal("wrote files into a non-empty folder")
	}
	errb.Reset()
	if code := run([]string{"-n", "3", "-out", dir, "-force"}, &out, &errb); code != 0 {
		t.Fatalf("run -force = %d: %s", code, errb.String())
	}
	if got := count(t, dir); got != 4 {
		t.Fatalf("after -force the folder holds %d files, want 4", got)
	}
	for _, args := range [][]string{{"-n", "3"}, {"-out", dir, "-start", "2022-02-30"}, {"-out", dir, "-days", "0"}, {"-out", dir, "extra"}} {
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("run %q = %d, want 2", args, code)
		}
	}
}
