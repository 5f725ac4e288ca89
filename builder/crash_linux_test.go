package builder

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"timeline/internal/corpus"
)

// The tests below run builds in a child process, the test binary run
// again with childEnv set to the site folder: a build that can be killed,
// or that meets a write error, without taking the test with it.
const (
	childEnv      = "TIMELINE_TEST_CHILD_BUILD"
	childFSizeEnv = "TIMELINE_TEST_CHILD_FSIZE" // a file size limit for the child, in bytes
)

func init() {
	dir := os.Getenv(childEnv)
	if dir == "" {
		return
	}
	if n := os.Getenv(childFSizeEnv); n != "" {
		var limit uint64
		fmt.Sscan(n, &limit)
		// Past the limit a write fails with EFBIG; Go ignores the SIGXFSZ
		// that comes with it.
		syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit})
	}
	rep, err := Build(dir, filepath.Join(dir, "public"), Options{})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%v\n%v\n", err, rep.Problems)
		os.Exit(1)
	}
	os.Exit(0)
}

// childBuild starts a build of dir in a child process.
func childBuild(t *testing.T, dir string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append(env, childEnv+"="+dir)...)
	return cmd
}

// crashSite writes a site of n generated articles whose title is title.
func crashSite(t *testing.T, dir string, n int) {
	t.Helper()
	for src, dst := range map[string]string{"../templates": "templates", "../static": "static"} {
		if err := os.CopyFS(filepath.Join(dir, dst), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	setTitle(t, dir, "A")
	if _, err := corpus.Write(filepath.Join(dir, ContentDir), n, 7, time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC), 300, false); err != nil {
		t.Fatal(err)
	}
}

// setTitle gives the site a title, which every page shows: a build after
// a change of title rewrites every page.
func setTitle(t *testing.T, dir, title string) {
	t.Helper()
	writeFile(t, dir, "site.toml", fmt.Sprintf("title = %q\nbase_url = \"https://owner.github.io/repo/\"\nwar_start = 2022-02-24\n", title))
}

// treeSum hashes the names and bytes of every file under root.
func treeSum(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(name)
		fmt.Fprintf(h, "%s %d\n", strings.TrimPrefix(name, root), len(data))
		h.Write(data)
		return err
	})
	if err != nil {
		return "unreadable: " + err.Error()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestKilledBuild kills builds with SIGKILL at moments spread over a whole
// build, the site changing between each, and checks after each kill that
// public/ is one of the two complete sites, never a mix or a part; and
// that the next build cleans up what the killed ones left and publishes.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a dozen builds")
	}
	dir := t.TempDir()
	crashSite(t, dir, 300)
	out := filepath.Join(dir, "public")
	sums := map[string]string{}
	var took time.Duration
	for _, title := range []string{"B", "A"} {
		setTitle(t, dir, title)
		start := time.Now()
		if err := childBuild(t, dir).Run(); err != nil {
			t.Fatalf("build: %v", err)
		}
		took = max(took, time.Since(start))
		sums[treeSum(t, out)] = title
	}
	if len(sums) != 2 {
		t.Fatal("the two sites are the same")
	}

	rng := rand.New(rand.NewPCG(1, 2))
	killed := 0
	for i := range 10 {
		setTitle(t, dir, []string{"B", "A"}[i%2])
		cmd := childBuild(t, dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Over the whole build and a bit past it, the child process's
		// start included.
		time.Sleep(time.Duration(rng.Int64N(int64(took) * 6 / 5)))
		cmd.Process.Kill()
		if err := cmd.Wait(); err != nil {
			killed++
		}
		if _, ok := sums[treeSum(t, out)]; !ok {
			t.Fatalf("kill %d, after %v: public/ is neither complete site", i, took)
		}
	}
	if killed == 0 {
		t.Errorf("no build was killed before it finished")
	}

	setTitle(t, dir, "A")
	if err := childBuild(t, dir).Run(); err != nil {
		t.Fatalf("build after the kills: %v", err)
	}
	if sums[treeSum(t, out)] != "A" {
		t.Errorf("the build after the kills did not publish the site")
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("left over after a good build: %v", left)
	}
	t.Logf("%d of 10 builds killed before they finished; a build takes %v", killed, took)
}

// leftovers returns the names in dir a build writes and then removes.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, n := range names {
		if strings.HasPrefix(n.Name(), ".public.new-") || strings.HasPrefix(n.Name(), ".public.old-") {
			left = append(left, n.Name())
		}
	}
	return left
}

// TestWriteErrors fails builds on a full disk and on a file size limit,
// and checks each says what went wrong, leaves the published site as it
// was, and leaves nothing behind.
func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	crashSite(t, dir, 50)
	out := filepath.Join(dir, "public")
	if err := childBuild(t, dir).Run(); err != nil {
		t.Fatal(err)
	}
	before := treeSum(t, out)
	setTitle(t, dir, "B")

	fails := func(what string, cmd *exec.Cmd, want string) {
		t.Helper()
		msg, err := cmd.CombinedOutput()
		t.Logf("%s: %s", what, msg)
		var exit *exec.ExitError
		if !errors.As(err, &exit) || !strings.Contains(string(msg), want) {
			t.Errorf("%s: %v, printed %q, want an error saying %q", what, err, msg, want)
		}
		if treeSum(t, out) != before {
			t.Errorf("%s: the published site changed", what)
		}
		if left := leftovers(t, filepath.Dir(out)); len(left) > 0 {
			t.Errorf("%s: left over: %v", what, left)
		}
	}
	fails("file size limit", childBuild(t, dir, childFSizeEnv+"=4096"), "file too large")

	// A full disk: the site on a small tmpfs, where root may mount one.
	disk := filepath.Join(t.TempDir(), "disk")
	os.Mkdir(disk, 0o755)
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=16m"); err != nil {
		t.Skipf("cannot mount a small disk here (%v); the full-disk case is not tried", err)
	}
	t.Cleanup(func() { syscall.Unmount(disk, 0) })
	dir, out = disk, filepath.Join(disk, "public")
	crashSite(t, dir, 50)
	if err := childBuild(t, dir).Run(); err != nil {
		t.Fatal(err)
	}
	before = treeSum(t, out)
	// Fill the disk but for a little, so the next build runs out.
	fill, _ := os.Create(filepath.Join(disk, "fill"))
	for _, err := fill.Write(make([]byte, 64<<10)); err == nil; _, err = fill.Write(make([]byte, 64<<10)) {
	}
	fill.Truncate(must(fill.Seek(0, 1)) - 200<<10)
	fill.Close()
	setTitle(t, dir, "B")
	fails("full disk", childBuild(t, dir), "no space left on device")
	if names, _ := os.ReadDir(disk); !slices.ContainsFunc(names, func(d fs.DirEntry) bool { return d.Name() == "public" }) {
		t.Errorf("public/ is gone")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
