// The typed options of LAW.md §8, one type per row, written to one pattern.

package aid

import (
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/uacaptivity/captivity/internal/enum"
)

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

var yearBasisTable = enum.Table[YearBasis]{Name: "year_basis", Default: true, Entries: []enum.Entry{{}, {Code: "anniversary"}, {Code: "calendar_year"}}}

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

var partialYearTable = enum.Table[PartialYear]{Name: "released_partial_year", Default: true, Entries: []enum.Entry{{}, {Code: "not_paid"}, {Code: "paid"}}}

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

var heldScopeTable = enum.Table[HeldScope]{Name: "held_claim_scope", Default: true, Entries: []enum.Entry{{}, {Code: "current_year_plus_unpaid_pre_law_block"}, {Code: "current_and_unpaid_started_years"}}}

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

var heldPayeeTable = enum.Table[HeldPayee]{Name: "held_payee", Default: true, Entries: []enum.Entry{{}, {Code: "single_first_applicant"}, {Code: "equal_shares"}}}

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

var afterReleaseTable = enum.Table[AfterRelease]{Name: "family_claim_after_release", Default: true, Entries: []enum.Entry{{}, {Code: "refused"}, {Code: "allowed_for_years_held"}}}

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

var preLawRoundingTable = enum.Table[PreLawRounding]{Name: "pre_law_rounding", Default: true, Entries: []enum.Entry{{}, {Code: "nearest_half_up"}, {Code: "nearest_half_down"}}}

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

var yearAnchorTable = enum.Table[YearAnchor]{Name: "post_law_year_anchor", Default: true, Entries: []enum.Entry{{}, {Code: "deprivation_anniversary"}, {Code: "law_start"}}}

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

var preLawFromTable = enum.Table[PreLawFrom]{Name: "pre_law_claims_from", Default: true, Entries: []enum.Entry{{}, {Code: "law_start"}, {Code: "cmu1182_effective"}}}

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

var deathSplitTable = enum.Table[DeathSplit]{Name: "death_aid_split", Default: true, Entries: []enum.Entry{{}, {Code: "equal_shares_among_applicants"}, {Code: "single_applicant"}}}

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

var recipientsTable = enum.Table[Recipients]{Name: "death_aid_recipients", Default: true, Entries: []enum.Entry{{}, {Code: "family_list_plus_dependants"}, {Code: "family_code_strict"}}}

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

var priorReleaseTable = enum.Table[PriorRelease]{Name: "offset_prior_regime_release_aid", Default: true, Entries: []enum.Entry{{}, {Code: "true"}, {Code: "false"}}}

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

var releasePerTable = enum.Table[ReleasePer]{Name: "release_aid_per", Default: true, Entries: []enum.Entry{{}, {Code: "episode"}, {Code: "person"}}}

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

var foreignFamilyTable = enum.Table[ForeignFamily]{Name: "family_of_foreign_serviceman_covered", Default: true, Entries: []enum.Entry{{}, {Code: "false"}, {Code: "true"}}}

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

var memberCitizenshipTable = enum.Table[MemberCitizenship]{Name: "family_member_citizenship_required", Default: true, Entries: []enum.Entry{{}, {Code: "false"}, {Code: "true"}}}

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

var recoveryScopeTable = enum.Table[RecoveryScope]{Name: "invalidation_recovery", Default: true, Entries: []enum.Entry{{}, {Code: "all_payments"}, {Code: "person_only"}, {Code: "none"}}}

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

var civilian50kTable = enum.Table[Civilian50k]{Name: "civilian_50k_if_fact_established", Default: true, Entries: []enum.Entry{{}, {Code: "false"}, {Code: "true"}}}

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

var cMU38FromTable = enum.Table[CMU38From]{Name: "reg2018_cmu38_deadline_from", Default: true, Entries: []enum.Entry{{}, {Code: "release_date"}, {Code: "resolution_effective_date"}}}

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

var afterDeathTable = enum.Table[AfterDeath]{Name: "unpaid_years_after_death", Default: true, Entries: []enum.Entry{{}, {Code: "nobody"}, {Code: "family"}}}

// GrantedAtDeath is the option `granted_unpaid_after_death`: aid of any kind granted to the person and not paid when the person died (Q11, R3). The zero value is the
// default, GrantedToFamily.
type GrantedAtDeath uint8

// Values of GrantedAtDeath.
const (
	// GrantedToFamily: it passes to the family members (Civil Code art. 1227: social payments due but not received pass to the family members, failing them into the estate).
	GrantedToFamily GrantedAtDeath = iota + 1
	// GrantedToEstate: it goes into the estate, for the heirs by succession.
	GrantedToEstate
)

var grantedAtDeathTable = enum.Table[GrantedAtDeath]{Name: "granted_unpaid_after_death", Default: true, Entries: []enum.Entry{{}, {Code: "family_members"}, {Code: "estate"}}}

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

var earliestTable = enum.Table[Earliest]{Name: "earliest_deprivation_date", Default: true, Entries: []enum.Entry{{}, {Code: "after_2014_02_20"}, {Code: "on_or_after_2014_02_20"}}}

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

var anniversaryReleaseTable = enum.Table[AnniversaryRelease]{Name: "release_on_anniversary_completes_year", Default: true, Entries: []enum.Entry{{}, {Code: "true"}, {Code: "false"}}}

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
	// GrantedUnpaidAfterDeath: aid of any kind granted to the person and not paid when the person died (Q11, R3) (default family_members).
	GrantedUnpaidAfterDeath GrantedAtDeath `json:"granted_unpaid_after_death"`
}

// An option is a field of [Options]: an enumeration whose zero value is
// its default (internal/enumgen writes these methods from its table).
type option interface {
	codes() []string
	setDefault()
}

// normalized returns o with every zero field set to its default, so that
// equal readings hash alike.
func (o Options) normalized() Options {
	v := reflect.ValueOf(&o).Elem()
	for i := range v.NumField() {
		v.Field(i).Addr().Interface().(option).setDefault()
	}
	return o
}

// optionList is the options' JSON names, in field order, and each one's
// codes, the default first: read from the fields of [Options] and their
// tables, so that no list is kept by hand. Made once, never changed.
var optionList = sync.OnceValue(func() (list []struct {
	name  string
	codes []string
}) {
	t := reflect.TypeFor[Options]()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		codes := reflect.Zero(f.Type).Interface().(interface{ codes() []string }).codes()
		list = append(list, struct {
			name  string
			codes []string
		}{name, codes})
	}
	return list
})

// OptionNames lists the JSON names of the options, in field order.
func OptionNames() []string {
	var out []string
	for _, o := range optionList() {
		out = append(out, o.name)
	}
	return out
}

// OptionValues returns the codes an option takes, the default first;
// nil for an unknown name.
func OptionValues(name string) []string {
	for _, o := range optionList() {
		if o.name == name {
			return slices.Clone(o.codes)
		}
	}
	return nil
}
