//go:build unix

package builder

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkBuildVsCopy publishes 10,000 generated articles with Build, then
// copies the published site with cp -r, the floor the issue measures a
// build against, and reports the median of each and their ratio. Both
// write to the folder of the generated site ($TMPDIR), so run it with
// TMPDIR on the disk to measure (a tmpfs leaves out the disk, and shows
// the work that is not writing). Every step starts after a sync, so that
// neither pays for the other's writes.
func BenchmarkBuildVsCopy(b *testing.B) {
	dir := benchSite(b, 10000)
	out, cp := filepath.Join(dir, "public"), filepath.Join(dir, "copy")
	var builds, copies []time.Duration
	for b.Loop() {
		os.RemoveAll(out)
		os.RemoveAll(cp)
		syscall.Sync()
		t := time.Now()
		if _, err := Build(dir, out, Options{Fingerprint: true}); err != nil {
			b.Fatal(err)
		}
		builds = append(builds, time.Since(t))
		syscall.Sync()
		t = time.Now()
		if err := exec.Command("cp", "-r", out, cp).Run(); err != nil {
			b.Fatal(err)
		}
		copies = append(copies, time.Since(t))
	}
	median := func(d []time.Duration) time.Duration {
		slices.Sort(d)
		return d[len(d)/2]
	}
	b.ReportMetric(float64(median(builds).Milliseconds()), "ms-build")
	b.ReportMetric(float64(median(copies).Milliseconds()), "ms-cp")
	b.ReportMetric(float64(median(builds))/float64(median(copies)), "build/cp")
}
