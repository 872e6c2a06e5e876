// The typed options of LAW.md §8, one type per row, written to one pattern.

package aid

import "github.com/uacaptivity/captivity/internal/enum"

// YearBasis is the option `year_basis`: how captivity years are counted. The zero value is the
// default, Anniversary.
type YearBasis uint8

// Values of YearBasis.
const (
	// Anniversary: captivity years run from the capture date's anniversaries (LAW.md §7).
	Anniversary YearBasis = iota + 1
	// CalendarYear: later years are calendar years (Art. 17(5) reading; Q21).
	CalendarYear
)

var yearBasisTable = enum.Table[YearBasis]{Name: "year_basis", Entries: []enum.Entry{{}, {Code: "anniversary"}, {Code: "calendar_year"}}}

func (o YearBasis) norm() YearBasis {
	if o == 0 {
		return Anniversary
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o YearBasis) String() string { return yearBasisTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o YearBasis) MarshalText() ([]byte, error) { return yearBasisTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *YearBasis) UnmarshalText(b []byte) error {
	v, err := yearBasisTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// PartialYear is the option `released_partial_year`: whether a released person's incomplete last year is paid. The zero value is the
// default, PartialNotPaid.
type PartialYear uint8

// Values of PartialYear.
const (
	// PartialNotPaid: an incomplete last year is not paid ("each full year").
	PartialNotPaid PartialYear = iota + 1
	// PartialPaid: the incomplete last year is paid too.
	PartialPaid
)

var partialYearTable = enum.Table[PartialYear]{Name: "released_partial_year", Entries: []enum.Entry{{}, {Code: "not_paid"}, {Code: "paid"}}}

func (o PartialYear) norm() PartialYear {
	if o == 0 {
		return PartialNotPaid
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o PartialYear) String() string { return partialYearTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o PartialYear) MarshalText() ([]byte, error) { return partialYearTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *PartialYear) UnmarshalText(b []byte) error {
	v, err := partialYearTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// HeldScope is the option `held_claim_scope`: what a claim while the person is held covers. The zero value is the
// default, CurrentPlusBlock.
type HeldScope uint8

// Values of HeldScope.
const (
	// CurrentPlusBlock: the current year and the unpaid pre-law block (Art. 17(6)).
	CurrentPlusBlock HeldScope = iota + 1
	// AllStartedYears: also every unpaid year begun since (catch-up, Q4).
	AllStartedYears
)

var heldScopeTable = enum.Table[HeldScope]{Name: "held_claim_scope", Entries: []enum.Entry{{}, {Code: "current_year_plus_unpaid_pre_law_block"}, {Code: "current_and_unpaid_started_years"}}}

func (o HeldScope) norm() HeldScope {
	if o == 0 {
		return CurrentPlusBlock
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o HeldScope) String() string { return heldScopeTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o HeldScope) MarshalText() ([]byte, error) { return heldScopeTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *HeldScope) UnmarshalText(b []byte) error {
	v, err := heldScopeTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// HeldPayee is the option `held_payee`: who is paid while the person is held. The zero value is the
// default, FirstApplicant.
type HeldPayee uint8

// Values of HeldPayee.
const (
	// FirstApplicant: the first family member who claims takes the year.
	FirstApplicant HeldPayee = iota + 1
	// EqualShares: the year is shared equally among the recognised family members.
	EqualShares
)

var heldPayeeTable = enum.Table[HeldPayee]{Name: "held_payee", Entries: []enum.Entry{{}, {Code: "single_first_applicant"}, {Code: "equal_shares"}}}

func (o HeldPayee) norm() HeldPayee {
	if o == 0 {
		return FirstApplicant
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o HeldPayee) String() string { return heldPayeeTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o HeldPayee) MarshalText() ([]byte, error) { return heldPayeeTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *HeldPayee) UnmarshalText(b []byte) error {
	v, err := heldPayeeTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// AfterRelease is the option `family_claim_after_release`: family claims after the person's release. The zero value is the
// default, FamilyRefused.
type AfterRelease uint8

// Values of AfterRelease.
const (
	// FamilyRefused: family claims after release are refused (Art. 7(1), 17(6)).
	FamilyRefused AfterRelease = iota + 1
	// FamilyForYearsHeld: the family may claim the completed years.
	FamilyForYearsHeld
)

var afterReleaseTable = enum.Table[AfterRelease]{Name: "family_claim_after_release", Entries: []enum.Entry{{}, {Code: "refused"}, {Code: "allowed_for_years_held"}}}

func (o AfterRelease) norm() AfterRelease {
	if o == 0 {
		return FamilyRefused
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o AfterRelease) String() string { return afterReleaseTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o AfterRelease) MarshalText() ([]byte, error) { return afterReleaseTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *AfterRelease) UnmarshalText(b []byte) error {
	v, err := afterReleaseTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// PreLawRounding is the option `pre_law_rounding`: the tie rule of Art. 17(6)'s rounding to the nearest whole year. The zero value is the
// default, HalfUp.
type PreLawRounding uint8

// Values of PreLawRounding.
const (
	// HalfUp: exactly half a year rounds up.
	HalfUp PreLawRounding = iota + 1
	// HalfDown: exactly half a year rounds down.
	HalfDown
)

var preLawRoundingTable = enum.Table[PreLawRounding]{Name: "pre_law_rounding", Entries: []enum.Entry{{}, {Code: "nearest_half_up"}, {Code: "nearest_half_down"}}}

func (o PreLawRounding) norm() PreLawRounding {
	if o == 0 {
		return HalfUp
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o PreLawRounding) String() string { return preLawRoundingTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o PreLawRounding) MarshalText() ([]byte, error) { return preLawRoundingTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *PreLawRounding) UnmarshalText(b []byte) error {
	v, err := preLawRoundingTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// YearAnchor is the option `post_law_year_anchor`: where years after the pre-law block start. The zero value is the
// default, AnchorDeprivation.
type YearAnchor uint8

// Values of YearAnchor.
const (
	// AnchorDeprivation: later years keep running from the capture anniversaries (Q19).
	AnchorDeprivation YearAnchor = iota + 1
	// AnchorLawStart: later years run from 2022-11-19.
	AnchorLawStart
)

var yearAnchorTable = enum.Table[YearAnchor]{Name: "post_law_year_anchor", Entries: []enum.Entry{{}, {Code: "deprivation_anniversary"}, {Code: "law_start"}}}

func (o YearAnchor) norm() YearAnchor {
	if o == 0 {
		return AnchorDeprivation
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o YearAnchor) String() string { return yearAnchorTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o YearAnchor) MarshalText() ([]byte, error) { return yearAnchorTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *YearAnchor) UnmarshalText(b []byte) error {
	v, err := yearAnchorTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// PreLawFrom is the option `pre_law_claims_from`: from when the pre-law years can be claimed. The zero value is the
// default, FromLawStart.
type PreLawFrom uint8

// Values of PreLawFrom.
const (
	// FromLawStart: pre-law years can be claimed from 2022-11-19 (Art. 17(6)).
	FromLawStart PreLawFrom = iota + 1
	// FromCMU1182: only from CMU 1182 (taken as 2023-11-10; Q20).
	FromCMU1182
)

var preLawFromTable = enum.Table[PreLawFrom]{Name: "pre_law_claims_from", Entries: []enum.Entry{{}, {Code: "law_start"}, {Code: "cmu1182_effective"}}}

func (o PreLawFrom) norm() PreLawFrom {
	if o == 0 {
		return FromLawStart
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o PreLawFrom) String() string { return preLawFromTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o PreLawFrom) MarshalText() ([]byte, error) { return preLawFromTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *PreLawFrom) UnmarshalText(b []byte) error {
	v, err := preLawFromTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// DeathSplit is the option `death_aid_split`: how the death aid is split (Q8). The zero value is the
// default, SplitEqual.
type DeathSplit uint8

// Values of DeathSplit.
const (
	// SplitEqual: equal shares among the eligible applicants before payment.
	SplitEqual DeathSplit = iota + 1
	// SplitSingle: the first eligible applicant takes the whole sum.
	SplitSingle
)

var deathSplitTable = enum.Table[DeathSplit]{Name: "death_aid_split", Entries: []enum.Entry{{}, {Code: "equal_shares_among_applicants"}, {Code: "single_applicant"}}}

func (o DeathSplit) norm() DeathSplit {
	if o == 0 {
		return SplitEqual
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o DeathSplit) String() string { return deathSplitTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o DeathSplit) MarshalText() ([]byte, error) { return deathSplitTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *DeathSplit) UnmarshalText(b []byte) error {
	v, err := deathSplitTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// Recipients is the option `death_aid_recipients`: who may receive the death aid (Art. 7(3)). The zero value is the
// default, FamilyListPlusDependants.
type Recipients uint8

// Values of Recipients.
const (
	// FamilyListPlusDependants: the working list of LAW.md §2.4 plus dependants.
	FamilyListPlusDependants Recipients = iota + 1
	// FamilyCodeStrict: spouse, children, parents, household members and dependants only (Q23).
	FamilyCodeStrict
)

var recipientsTable = enum.Table[Recipients]{Name: "death_aid_recipients", Entries: []enum.Entry{{}, {Code: "family_list_plus_dependants"}, {Code: "family_code_strict"}}}

func (o Recipients) norm() Recipients {
	if o == 0 {
		return FamilyListPlusDependants
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o Recipients) String() string { return recipientsTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o Recipients) MarshalText() ([]byte, error) { return recipientsTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *Recipients) UnmarshalText(b []byte) error {
	v, err := recipientsTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// PriorRelease is the option `offset_prior_regime_release_aid`: the offset of 2018-regime release aid (Q9). The zero value is the
// default, OffsetPrior.
type PriorRelease uint8

// Values of PriorRelease.
const (
	// OffsetPrior: no second release payment when the 2018-regime one was paid for the same release (R2).
	OffsetPrior PriorRelease = iota + 1
	// NoOffsetPrior: pay both.
	NoOffsetPrior
)

var priorReleaseTable = enum.Table[PriorRelease]{Name: "offset_prior_regime_release_aid", Entries: []enum.Entry{{}, {Code: "true"}, {Code: "false"}}}

func (o PriorRelease) norm() PriorRelease {
	if o == 0 {
		return OffsetPrior
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o PriorRelease) String() string { return priorReleaseTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o PriorRelease) MarshalText() ([]byte, error) { return priorReleaseTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *PriorRelease) UnmarshalText(b []byte) error {
	v, err := priorReleaseTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// ReleasePer is the option `release_aid_per`: release aid per release or per person (Q10). The zero value is the
// default, PerEpisode.
type ReleasePer uint8

// Values of ReleasePer.
const (
	// PerEpisode: one release payment per release (episode).
	PerEpisode ReleasePer = iota + 1
	// PerPerson: one release payment per person, whatever the episodes.
	PerPerson
)

var releasePerTable = enum.Table[ReleasePer]{Name: "release_aid_per", Entries: []enum.Entry{{}, {Code: "episode"}, {Code: "person"}}}

func (o ReleasePer) norm() ReleasePer {
	if o == 0 {
		return PerEpisode
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o ReleasePer) String() string { return releasePerTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o ReleasePer) MarshalText() ([]byte, error) { return releasePerTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *ReleasePer) UnmarshalText(b []byte) error {
	v, err := releasePerTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// ForeignFamily is the option `family_of_foreign_serviceman_covered`: the family of a foreign serviceman. The zero value is the
// default, ForeignFamilyNotCovered.
type ForeignFamily uint8

// Values of ForeignFamily.
const (
	// ForeignFamilyNotCovered: the family of a foreign serviceman is outside the law (Art. 2(3)).
	ForeignFamilyNotCovered ForeignFamily = iota + 1
	// ForeignFamilyCovered: it is covered.
	ForeignFamilyCovered
)

var foreignFamilyTable = enum.Table[ForeignFamily]{Name: "family_of_foreign_serviceman_covered", Entries: []enum.Entry{{}, {Code: "false"}, {Code: "true"}}}

func (o ForeignFamily) norm() ForeignFamily {
	if o == 0 {
		return ForeignFamilyNotCovered
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o ForeignFamily) String() string { return foreignFamilyTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o ForeignFamily) MarshalText() ([]byte, error) { return foreignFamilyTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *ForeignFamily) UnmarshalText(b []byte) error {
	v, err := foreignFamilyTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// MemberCitizenship is the option `family_member_citizenship_required`: a citizenship condition for family members. The zero value is the
// default, CitizenshipNotRequired.
type MemberCitizenship uint8

// Values of MemberCitizenship.
const (
	// CitizenshipNotRequired: no citizenship condition for family members (Art. 2(3)).
	CitizenshipNotRequired MemberCitizenship = iota + 1
	// CitizenshipRequired: family members must be citizens of Ukraine.
	CitizenshipRequired
)

var memberCitizenshipTable = enum.Table[MemberCitizenship]{Name: "family_member_citizenship_required", Entries: []enum.Entry{{}, {Code: "false"}, {Code: "true"}}}

func (o MemberCitizenship) norm() MemberCitizenship {
	if o == 0 {
		return CitizenshipNotRequired
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o MemberCitizenship) String() string { return memberCitizenshipTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o MemberCitizenship) MarshalText() ([]byte, error) {
	return memberCitizenshipTable.Marshal(o.norm())
}

// UnmarshalText reads a code; empty text is the default.
func (o *MemberCitizenship) UnmarshalText(b []byte) error {
	v, err := memberCitizenshipTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// RecoveryScope is the option `invalidation_recovery`: what is flagged for recovery after invalidation. The zero value is the
// default, RecoverAll.
type RecoveryScope uint8

// Values of RecoveryScope.
const (
	// RecoverAll: every payment under the invalidated decision is due back (Art. 4(9); Q22).
	RecoverAll RecoveryScope = iota + 1
	// RecoverPersonOnly: only payments to the person.
	RecoverPersonOnly
	// RecoverNone: nothing is flagged.
	RecoverNone
)

var recoveryScopeTable = enum.Table[RecoveryScope]{Name: "invalidation_recovery", Entries: []enum.Entry{{}, {Code: "all_payments"}, {Code: "person_only"}, {Code: "none"}}}

func (o RecoveryScope) norm() RecoveryScope {
	if o == 0 {
		return RecoverAll
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o RecoveryScope) String() string { return recoveryScopeTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o RecoveryScope) MarshalText() ([]byte, error) { return recoveryScopeTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *RecoveryScope) UnmarshalText(b []byte) error {
	v, err := recoveryScopeTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// Civilian50k is the option `civilian_50k_if_fact_established`: the 2026 civilian aid when the fact is established (Q12). The zero value is the
// default, Civilian50kExcluded.
type Civilian50k uint8

// Values of Civilian50k.
const (
	// Civilian50kExcluded: not available when the fact is established (C2).
	Civilian50kExcluded Civilian50k = iota + 1
	// Civilian50kAllowed: available anyway.
	Civilian50kAllowed
)

var civilian50kTable = enum.Table[Civilian50k]{Name: "civilian_50k_if_fact_established", Entries: []enum.Entry{{}, {Code: "false"}, {Code: "true"}}}

func (o Civilian50k) norm() Civilian50k {
	if o == 0 {
		return Civilian50kExcluded
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o Civilian50k) String() string { return civilian50kTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o Civilian50k) MarshalText() ([]byte, error) { return civilian50kTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *Civilian50k) UnmarshalText(b []byte) error {
	v, err := civilian50kTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// CMU38From is the option `reg2018_cmu38_deadline_from`: where the CMU 38 six-month term starts. The zero value is the
// default, FromRelease.
type CMU38From uint8

// Values of CMU38From.
const (
	// FromRelease: the six months run from the release.
	FromRelease CMU38From = iota + 1
	// FromResolution: the six months run from the resolution's effective date.
	FromResolution
)

var cMU38FromTable = enum.Table[CMU38From]{Name: "reg2018_cmu38_deadline_from", Entries: []enum.Entry{{}, {Code: "release_date"}, {Code: "resolution_effective_date"}}}

func (o CMU38From) norm() CMU38From {
	if o == 0 {
		return FromRelease
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o CMU38From) String() string { return cMU38FromTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o CMU38From) MarshalText() ([]byte, error) { return cMU38FromTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *CMU38From) UnmarshalText(b []byte) error {
	v, err := cMU38FromTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// AfterDeath is the option `unpaid_years_after_death`: completed unpaid years after the person's death. The zero value is the
// default, AfterDeathNobody.
type AfterDeath uint8

// Values of AfterDeath.
const (
	// AfterDeathNobody: completed unpaid years go to no one (Q6).
	AfterDeathNobody AfterDeath = iota + 1
	// AfterDeathFamily: the family may claim completed unpaid years.
	AfterDeathFamily
)

var afterDeathTable = enum.Table[AfterDeath]{Name: "unpaid_years_after_death", Entries: []enum.Entry{{}, {Code: "nobody"}, {Code: "family"}}}

func (o AfterDeath) norm() AfterDeath {
	if o == 0 {
		return AfterDeathNobody
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o AfterDeath) String() string { return afterDeathTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o AfterDeath) MarshalText() ([]byte, error) { return afterDeathTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *AfterDeath) UnmarshalText(b []byte) error {
	v, err := afterDeathTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// Earliest is the option `earliest_deprivation_date`: the first day of deprivation the pre-law years count from. The zero value is the
// default, AfterAggressionStart.
type Earliest uint8

// Values of Earliest.
const (
	// AfterAggressionStart: deprivation must be later than 2014-02-20 ("after").
	AfterAggressionStart Earliest = iota + 1
	// OnOrAfterAggressionStart: 2014-02-20 itself counts.
	OnOrAfterAggressionStart
)

var earliestTable = enum.Table[Earliest]{Name: "earliest_deprivation_date", Entries: []enum.Entry{{}, {Code: "after_2014_02_20"}, {Code: "on_or_after_2014_02_20"}}}

func (o Earliest) norm() Earliest {
	if o == 0 {
		return AfterAggressionStart
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o Earliest) String() string { return earliestTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o Earliest) MarshalText() ([]byte, error) { return earliestTable.Marshal(o.norm()) }

// UnmarshalText reads a code; empty text is the default.
func (o *Earliest) UnmarshalText(b []byte) error {
	v, err := earliestTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// AnniversaryRelease is the option `release_on_anniversary_completes_year`: a release on the anniversary. The zero value is the
// default, AnniversaryCompletes.
type AnniversaryRelease uint8

// Values of AnniversaryRelease.
const (
	// AnniversaryCompletes: a release on the anniversary completes the year (Civil Code art. 254(1); Q14).
	AnniversaryCompletes AnniversaryRelease = iota + 1
	// AnniversaryIncomplete: it does not.
	AnniversaryIncomplete
)

var anniversaryReleaseTable = enum.Table[AnniversaryRelease]{Name: "release_on_anniversary_completes_year", Entries: []enum.Entry{{}, {Code: "true"}, {Code: "false"}}}

func (o AnniversaryRelease) norm() AnniversaryRelease {
	if o == 0 {
		return AnniversaryCompletes
	}
	return o
}

// String returns the option value's code; the zero value gives the default's.
func (o AnniversaryRelease) String() string { return anniversaryReleaseTable.String(o.norm()) }

// MarshalText writes the code; the zero value writes the default's.
func (o AnniversaryRelease) MarshalText() ([]byte, error) {
	return anniversaryReleaseTable.Marshal(o.norm())
}

// UnmarshalText reads a code; empty text is the default.
func (o *AnniversaryRelease) UnmarshalText(b []byte) error {
	v, err := anniversaryReleaseTable.Parse(string(b))
	if err != nil {
		return err
	}
	*o = v.norm()
	return nil
}

// Options are the readings of the law that LAW.md §8 leaves open, one
// field per row. The zero value of every field is the reference set RPS-1.
type Options struct {
	// YearBasis: how captivity years are counted (default anniversary).
	YearBasis YearBasis `json:"year_basis"`
	// ReleasedPartialYear: whether a released person's incomplete last year is paid (default not_paid).
	ReleasedPartialYear PartialYear `json:"released_partial_year"`
	// HeldClaimScope: what a claim while the person is held covers (default current_year_plus_unpaid_pre_law_block).
	HeldClaimScope HeldScope `json:"held_claim_scope"`
	// HeldPayee: who is paid while the person is held (default single_first_applicant).
	HeldPayee HeldPayee `json:"held_payee"`
	// FamilyClaimAfterRelease: family claims after the person's release (default refused).
	FamilyClaimAfterRelease AfterRelease `json:"family_claim_after_release"`
	// PreLawRounding: the tie rule of Art. 17(6)'s rounding to the nearest whole year (default nearest_half_up).
	PreLawRounding PreLawRounding `json:"pre_law_rounding"`
	// PostLawYearAnchor: where years after the pre-law block start (default deprivation_anniversary).
	PostLawYearAnchor YearAnchor `json:"post_law_year_anchor"`
	// PreLawClaimsFrom: from when the pre-law years can be claimed (default law_start).
	PreLawClaimsFrom PreLawFrom `json:"pre_law_claims_from"`
	// DeathAidSplit: how the death aid is split (Q8) (default equal_shares_among_applicants).
	DeathAidSplit DeathSplit `json:"death_aid_split"`
	// DeathAidRecipients: who may receive the death aid (Art. 7(3)) (default family_list_plus_dependants).
	DeathAidRecipients Recipients `json:"death_aid_recipients"`
	// OffsetPriorRegimeReleaseAid: the offset of 2018-regime release aid (Q9) (default true).
	OffsetPriorRegimeReleaseAid PriorRelease `json:"offset_prior_regime_release_aid"`
	// ReleaseAidPer: release aid per release or per person (Q10) (default episode).
	ReleaseAidPer ReleasePer `json:"release_aid_per"`
	// FamilyOfForeignServicemanCovered: the family of a foreign serviceman (default false).
	FamilyOfForeignServicemanCovered ForeignFamily `json:"family_of_foreign_serviceman_covered"`
	// FamilyMemberCitizenshipRequired: a citizenship condition for family members (default false).
	FamilyMemberCitizenshipRequired MemberCitizenship `json:"family_member_citizenship_required"`
	// InvalidationRecovery: what is flagged for recovery after invalidation (default all_payments).
	InvalidationRecovery RecoveryScope `json:"invalidation_recovery"`
	// Civilian50kIfFactEstablished: the 2026 civilian aid when the fact is established (Q12) (default false).
	Civilian50kIfFactEstablished Civilian50k `json:"civilian_50k_if_fact_established"`
	// Reg2018CMU38DeadlineFrom: where the CMU 38 six-month term starts (default release_date).
	Reg2018CMU38DeadlineFrom CMU38From `json:"reg2018_cmu38_deadline_from"`
	// UnpaidYearsAfterDeath: completed unpaid years after the person's death (default nobody).
	UnpaidYearsAfterDeath AfterDeath `json:"unpaid_years_after_death"`
	// EarliestDeprivation: the first day of deprivation the pre-law years count from (default after_2014_02_20).
	EarliestDeprivation Earliest `json:"earliest_deprivation_date"`
	// ReleaseOnAnniversaryCompletesYear: a release on the anniversary (default true).
	ReleaseOnAnniversaryCompletesYear AnniversaryRelease `json:"release_on_anniversary_completes_year"`
}

// normalized returns o with every zero field set to its default, so that
// equal readings hash alike.
func (o Options) normalized() Options {
	o.YearBasis = o.YearBasis.norm()
	o.ReleasedPartialYear = o.ReleasedPartialYear.norm()
	o.HeldClaimScope = o.HeldClaimScope.norm()
	o.HeldPayee = o.HeldPayee.norm()
	o.FamilyClaimAfterRelease = o.FamilyClaimAfterRelease.norm()
	o.PreLawRounding = o.PreLawRounding.norm()
	o.PostLawYearAnchor = o.PostLawYearAnchor.norm()
	o.PreLawClaimsFrom = o.PreLawClaimsFrom.norm()
	o.DeathAidSplit = o.DeathAidSplit.norm()
	o.DeathAidRecipients = o.DeathAidRecipients.norm()
	o.OffsetPriorRegimeReleaseAid = o.OffsetPriorRegimeReleaseAid.norm()
	o.ReleaseAidPer = o.ReleaseAidPer.norm()
	o.FamilyOfForeignServicemanCovered = o.FamilyOfForeignServicemanCovered.norm()
	o.FamilyMemberCitizenshipRequired = o.FamilyMemberCitizenshipRequired.norm()
	o.InvalidationRecovery = o.InvalidationRecovery.norm()
	o.Civilian50kIfFactEstablished = o.Civilian50kIfFactEstablished.norm()
	o.Reg2018CMU38DeadlineFrom = o.Reg2018CMU38DeadlineFrom.norm()
	o.UnpaidYearsAfterDeath = o.UnpaidYearsAfterDeath.norm()
	o.EarliestDeprivation = o.EarliestDeprivation.norm()
	o.ReleaseOnAnniversaryCompletesYear = o.ReleaseOnAnniversaryCompletesYear.norm()
	return o
}

// OptionNames lists the JSON names of the options, in field order.
func OptionNames() []string {
	return []string{"year_basis", "released_partial_year", "held_claim_scope", "held_payee", "family_claim_after_release", "pre_law_rounding", "post_law_year_anchor", "pre_law_claims_from", "death_aid_split", "death_aid_recipients", "offset_prior_regime_release_aid", "release_aid_per", "family_of_foreign_serviceman_covered", "family_member_citizenship_required", "invalidation_recovery", "civilian_50k_if_fact_established", "reg2018_cmu38_deadline_from", "unpaid_years_after_death", "earliest_deprivation_date", "release_on_anniversary_completes_year"}
}

// OptionValues returns the codes an option takes, the default first;
// nil for an unknown name.
func OptionValues(name string) []string {
	switch name {
	case "year_basis":
		return yearBasisTable.Codes()
	case "released_partial_year":
		return partialYearTable.Codes()
	case "held_claim_scope":
		return heldScopeTable.Codes()
	case "held_payee":
		return heldPayeeTable.Codes()
	case "family_claim_after_release":
		return afterReleaseTable.Codes()
	case "pre_law_rounding":
		return preLawRoundingTable.Codes()
	case "post_law_year_anchor":
		return yearAnchorTable.Codes()
	case "pre_law_claims_from":
		return preLawFromTable.Codes()
	case "death_aid_split":
		return deathSplitTable.Codes()
	case "death_aid_recipients":
		return recipientsTable.Codes()
	case "offset_prior_regime_release_aid":
		return priorReleaseTable.Codes()
	case "release_aid_per":
		return releasePerTable.Codes()
	case "family_of_foreign_serviceman_covered":
		return foreignFamilyTable.Codes()
	case "family_member_citizenship_required":
		return memberCitizenshipTable.Codes()
	case "invalidation_recovery":
		return recoveryScopeTable.Codes()
	case "civilian_50k_if_fact_established":
		return civilian50kTable.Codes()
	case "reg2018_cmu38_deadline_from":
		return cMU38FromTable.Codes()
	case "unpaid_years_after_death":
		return afterDeathTable.Codes()
	case "earliest_deprivation_date":
		return earliestTable.Codes()
	case "release_on_anniversary_completes_year":
		return anniversaryReleaseTable.Codes()
	}
	return nil
}
