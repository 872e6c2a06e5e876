package whatif_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/internal/samples"
	"github.com/uacaptivity/captivity/internal/whatif"
)

func TestParse(t *testing.T) {
	base := aid.Default()
	for _, spec := range []string{"draft6700", "held_payee=equal_shares", "feb29_rule=mar1", "split_rounding=half_up",
		"claim_deadline_days=30", "decision_effective_on=decision_date", "family_status_assessed_at=deprivation_date"} {
		alt, err := whatif.Parse(spec)
		require.NoError(t, err, spec)
		if spec != "draft6700" {
			assert.Len(t, aid.Differences(base, alt.RuleSet), 1, spec)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"name":"mine","options":{"release_aid_per":"person"}}`), 0o644))
	alt, err := whatif.Parse(path)
	require.NoError(t, err)
	assert.Equal(t, "mine", alt.Name)
	for _, bad := range []string{"nope=1", "held_payee=all", filepath.Join(dir, "missing.json")} {
		_, err := whatif.Parse(bad)
		assert.Error(t, err, bad)
	}
}

func TestSummary(t *testing.T) {
	cs, err := samples.Cases()
	require.NoError(t, err)
	alt, err := whatif.Parse("family_claim_after_release=allowed_for_years_held")
	require.NoError(t, err)
	var s whatif.Summary
	var text bytes.Buffer
	for _, c := range cs {
		row, err := whatif.CompareCase(c, aid.Default(), alt, civil.MustParse("2026-11-28"))
		require.NoError(t, err)
		s.Add(row)
		whatif.WriteText(&text, row, "en")
	}
	assert.Equal(t, 13, s.Cases)
	assert.Equal(t, s.Cases, s.Gain+s.Lose+s.Same)
	assert.True(t, s.TotalOther.Sub(s.TotalBase).Sign() >= 0, "letting families claim after release never costs less")
	assert.Contains(t, text.String(), "because of family_claim_after_release")
}
