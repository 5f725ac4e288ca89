package main

import (
	"fmt"
	"io"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"

	"timeline/builder"
	"timeline/builder/diag"
)

// heapWatch samples the heap in use until stopped, and keeps its peak.
type heapWatch struct {
	stop chan struct{}
	done sync.WaitGroup
	peak uint64
}

func watchHeap() *heapWatch {
	w := &heapWatch{stop: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			w.peak = max(w.peak, sample[0].Value.Uint64())
			select {
			case <-w.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return w
}

// Peak stops the watch and returns the peak heap in use, in bytes.
func (w *heapWatch) Peak() uint64 {
	close(w.stop)
	w.done.Wait()
	return w.peak
}

// printStats prints the --stats line: where the time went, what was
// written, and the memory it took.
func printStats(out io.Writer, st builder.Stats, peakHeap uint64) {
	s := st.Stages
	ms := func(d time.Duration) string { return d.Round(time.Millisecond).String() }
	fmt.Fprintf(out, "stats: read %s, parse %s, place %s, model %s, render %s, write %s (summed over cores); %d pages, %d files, %s written; peak heap %s, peak RSS %s\n",
		ms(s.Read), ms(s.Parse), ms(s.Place), ms(s.Model), ms(s.Render), ms(s.Write),
		st.Pages, st.Files, diag.Size(st.Bytes), diag.Size(int64(peakHeap)), diag.Size(peakRSS()))
}

// profile starts a CPU profile into cpu, if named, and returns what stops
// it and writes a heap profile into mem, if named.
func profile(cpu, mem string) (stop func() error, err error) {
	var f *os.File
	if cpu != "" {
		if f, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
	}
	return func() error {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if mem == "" {
			return nil
		}
		m, err := os.Create(mem)
		if err != nil {
			return err
		}
		defer m.Close()
		return pprof.Lookup("allocs").WriteTo(m, 0)
	}, nil
}
