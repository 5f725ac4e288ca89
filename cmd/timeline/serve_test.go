package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"

	"timeline/builder"
)

// TestServeWarnsOffLoopback: serving on an address other machines can
// reach (drafts and all) prints a warning right under the address, and
// serving on loopback does not.
func TestServeWarnsOffLoopback(t *testing.T) {
	dir := testSite(t)
	for _, c := range []struct {
		bind string
		warn bool
	}{
		{"0.0.0.0", true},
		{"::", true},
		{"", true},
		{"127.0.0.1", false},
		{"::1", false},
		{"localhost", false},
	} {
		ln, err := net.Listen("tcp", net.JoinHostPort(c.bind, "0"))
		if err != nil {
			t.Logf("--bind %q: %v; skipped", c.bind, err)
			continue
		}
		// Stopped before it starts: the warning comes first.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var log bytes.Buffer
		err = runServer(ctx, ln, dir, 0, builder.Options{}, &log)
		ln.Close()
		if err != nil {
			t.Errorf("--bind %q: %v", c.bind, err)
		}
		lines := strings.Split(log.String(), "\n")
		warned := false
		for i, line := range lines {
			if strings.HasPrefix(line, "WARNING: ") && strings.Contains(line, "other machines can reach") && i > 0 && strings.HasPrefix(lines[i-1], "serving http://") {
				warned = true
			}
		}
		if warned != c.warn {
			t.Errorf("--bind %q: warned %v, want %v; log:\n%s", c.bind, warned, c.warn, log.String())
		}
	}
}
