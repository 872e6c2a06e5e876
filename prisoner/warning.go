package prisoner

import "github.com/uacaptivity/captivity/law"

// A Warning is something the rules had to assume because the case does
// not say it: an application taken as implied by the decision that
// followed it, a release whose kind is not given, a release or death with
// no Register record. It is not an error: the case is decided, and the
// warning says on what assumption, where in the case (Path, a JSON path
// as in [FieldError]; Seq, the event's sequence number when it is about
// an event) and in both languages. Codes are stable.
type Warning struct {
	Code    Code     `json:"code"`
	Path    string   `json:"path"`
	Seq     int      `json:"seq,omitempty"`
	Message law.Text `json:"message"`
}

// Warning codes.
const (
	// WarnImpliedApplication: a Commission decision with no application
	// recorded before it; the application is taken as made on the day of
	// the decision.
	WarnImpliedApplication Code = "implied_application"
	// WarnReleaseKindUnknown: a release date with no release_kind.
	WarnReleaseKindUnknown Code = "release_kind_unknown"
	// WarnNoRegisterRecord: a release or death with no Register record
	// (release_record, death_record event); it takes effect on its own
	// date.
	WarnNoRegisterRecord Code = "no_register_record"
)
