package aid_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/prisoner"
)

// R3, Q11 (Civil Code art. 1227): aid granted to the person before the
// death and not paid does not lapse: it passes to the family members, or
// failing them (or under granted_unpaid_after_death=estate) into the
// estate. A payment recorded to the person settles it.
func TestGrantedUnpaidAtDeath(t *testing.T) {
	base := func() *cb {
		return newCase(prisoner.Civilian, "2022-06-01").established("2022-12-01", "2023-01-10").
			released("2023-03-01").claim("2023-03-10", prisoner.ReleaseAid, prisoner.PartyPerson).died("2023-05-01", false)
	}
	unpaid := func(c prisoner.Case, rs aid.RuleSet) []aid.Entitlement {
		r, err := aid.Evaluate(c, rs)
		require.NoError(t, err)
		var out []aid.Entitlement
		for _, e := range r.Entitlements(d("2026-11-28")) {
			if e.State == aid.StateUnpaidAtDeath {
				out = append(out, e)
			}
		}
		return out
	}
	withFamily := base().member("f1", prisoner.Spouse).build()
	got := unpaid(withFamily, aid.Default())
	require.Len(t, got, 1)
	assert.Equal(t, "100000.00", got[0].Amount.String())
	got[0].Amount = aid.Money{}
	assert.Equal(t, aid.Entitlement{Episode: "e1", Aid: prisoner.ReleaseAid, State: aid.StateUnpaidAtDeath, Party: aid.PartyFamily,
		Date: d("2023-05-01")}, got[0])

	got = unpaid(base().build(), aid.Default())
	require.Len(t, got, 1)
	assert.Equal(t, aid.PartyEstate, got[0].Party, "no family member: the estate")

	got = unpaid(withFamily, with(func(rs *aid.RuleSet) { rs.Options.GrantedUnpaidAfterDeath = aid.GrantedToEstate }))
	require.Len(t, got, 1)
	assert.Equal(t, aid.PartyEstate, got[0].Party, "granted_unpaid_after_death=estate")

	paid := base().member("f1", prisoner.Spouse).paid("2023-04-01", prisoner.ReleaseAid, prisoner.PartyPerson, 0).build()
	assert.Empty(t, unpaid(paid, aid.Default()), "paid before the death")

	alive := newCase(prisoner.Civilian, "2022-06-01").established("2022-12-01", "2023-01-10").
		released("2023-03-01").claim("2023-03-10", prisoner.ReleaseAid, prisoner.PartyPerson).build()
	assert.Empty(t, unpaid(alive, aid.Default()), "no death, nothing passes")
}

// A claim granted before the death but decided after it (decided): what
// the death left unpaid is dated by the decision, so nothing was granted
// to the person while alive. And a family member's person_ref goes with
// every entitlement line of that member (party_ref), for totals per payee
// across cases.
func TestDecidedDateAndPartyRef(t *testing.T) {
	late := newCase(prisoner.Civilian, "2022-06-01").established("2022-12-01", "2023-01-10").
		released("2023-03-01").claim("2023-03-10", prisoner.ReleaseAid, prisoner.PartyPerson, func(e *prisoner.Event) { e.Decided = d("2023-06-01") }).
		died("2023-05-01", false).member("f1", prisoner.Spouse).build()
	r, err := aid.Evaluate(late, aid.Default())
	require.NoError(t, err)
	for _, e := range r.Entitlements(d("2026-11-28")) {
		assert.NotEqual(t, aid.StateUnpaidAtDeath, e.State, "decided after the death: not granted to the person while alive")
	}

	c := newCase(prisoner.Political, "2023-02-10").member("f1", prisoner.Parent, func(m *prisoner.FamilyMember) { m.PersonRef = "REG-77" }).
		established("2023-03-01", "2023-04-01").claim("2023-05-01", prisoner.Annual, "f1").build()
	r, err = aid.Evaluate(c, aid.Default())
	require.NoError(t, err)
	var refs []string
	for _, e := range r.Entitlements(d("2026-11-28")) {
		if e.Party == "f1" {
			refs = append(refs, e.PartyRef)
		}
	}
	require.NotEmpty(t, refs)
	for _, ref := range refs {
		assert.Equal(t, "REG-77", ref)
	}
}
