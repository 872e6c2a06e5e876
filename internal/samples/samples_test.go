package samples_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/internal/samples"
)

func TestSamplesDecode(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(cs), 12)
}
