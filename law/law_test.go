package law_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/law"
)

func TestCitationForms(t *testing.T) {
	tests := []struct {
		give         law.Citation
		code, en, uk string
	}{
		{law.Cite(law.Law2010, "7", "3"), "2010-IX:7(3)", "Law No. 2010-IX, Art. 7(3)", "Закон № 2010-IX, ст. 7 ч. 3"},
		{law.Cite(law.Law2010, "4", "1", "2"), "2010-IX:4(1)(2)", "Law No. 2010-IX, Art. 4(1)(2)", "Закон № 2010-IX, ст. 4 ч. 1 п. 2"},
		{law.Cite(law.CivilCode, "254", "1"), "435-IV:254(1)", "Civil Code of Ukraine, Art. 254(1)", "Цивільний кодекс України, ст. 254 ч. 1"},
		{law.Cite(law.CMU328, ""), "CMU-328/2018", "CMU Resolution No. 328/2018", "Постанова КМУ № 328/2018"},
		{law.Cite(law.Brief, "7").WithNote("feb29_rule"), "LAW.md:7", "LAW.md (project brief), § 7 (feb29_rule)", "LAW.md (правила проєкту), § 7 (feb29_rule)"},
		{law.Cite(law.Draft6700, ""), "Bill-6700/2017", "Draft law No. 6700/2017", "Проєкт закону № 6700/2017"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			assert.Equal(t, tt.code, tt.give.Code())
			assert.Equal(t, tt.en, tt.give.EN())
			assert.Equal(t, tt.uk, tt.give.UK())
			assert.Equal(t, law.Text{UK: tt.uk, EN: tt.en}, tt.give.Text())
		})
	}
}

func TestCatalogue(t *testing.T) {
	acts := law.Acts()
	seen := map[law.ActID]bool{}
	for _, a := range acts {
		assert.False(t, seen[a.ID], "duplicate act %s", a.ID)
		seen[a.ID] = true
		assert.Equal(t, a.ID.Kind(), a.Kind, "kind of %s follows its ID", a.ID)
		assert.NotEmpty(t, a.Title.UK, a.ID)
		assert.NotEmpty(t, a.Title.EN, a.ID)
		assert.True(t, a.Confidence.Valid(), a.ID)
		assert.NotEmpty(t, a.Governs, a.ID)
	}
	l, ok := law.ActByID(law.Law2010)
	require.True(t, ok)
	assert.False(t, l.InForceOn(civil.MustParse("2022-11-18")), "Art. 17(1): not before 19.11.2022")
	assert.True(t, l.InForceOn(civil.MustParse("2022-11-19")))

	draft, ok := law.ActByID(law.Draft6700)
	require.True(t, ok)
	assert.False(t, draft.Enacted, "LAW.md §10: draft 6700 never entered into force")
	assert.False(t, draft.InForceOn(civil.MustParse("2026-01-01")))

	// The catalogue is a fresh copy each time: changing one does not change the next.
	acts[0].Title.EN = "changed"
	assert.NotEqual(t, "changed", law.Acts()[0].Title.EN)
	_, ok = law.ActByID("nope")
	assert.False(t, ok)
}

func TestConfidence(t *testing.T) {
	for _, c := range []law.Confidence{law.Verified, law.Secondary, law.Assumption} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back law.Confidence
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
		require.NoError(t, back.UnmarshalText([]byte(c.Letter())))
		assert.Equal(t, c, back)
	}
	assert.Equal(t, law.Assumption, law.Weaker(law.Verified, law.Assumption))
	assert.Equal(t, law.Secondary, law.Weaker(law.Secondary, law.Verified))
	_, err := law.Confidence(0).MarshalText()
	assert.Error(t, err)
	var c law.Confidence
	assert.Error(t, c.UnmarshalText([]byte("maybe")))
	out, err := json.Marshal(law.Cite(law.Law2010, "17", "6"))
	require.NoError(t, err)
	assert.JSONEq(t, `{"act":"2010-IX","article":"17","part":"6"}`, string(out))
}
