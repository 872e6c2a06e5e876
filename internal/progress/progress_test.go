package progress_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/uacaptivity/captivity/internal/progress"
)

func TestMeter(t *testing.T) {
	var buf bytes.Buffer
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	m := progress.Meter{W: &buf, Prefix: "x", Total: 10, Live: true, Now: func() time.Time { now = now.Add(500 * time.Millisecond); return now }}
	for i := 0; i < 4; i++ {
		m.Tick()
	}
	m.Finish()
	assert.Equal(t, "x: 3/10 cases, 3/s, about 2s left\nx: 4 cases in 2s\n", buf.String())
}
