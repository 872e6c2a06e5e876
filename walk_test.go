package captivity_test

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/uacaptivity/captivity/aid"
	"github.com/uacaptivity/captivity/civil"
	"github.com/uacaptivity/captivity/export"
	"github.com/uacaptivity/captivity/law"
	"github.com/uacaptivity/captivity/lawcase"
	"github.com/uacaptivity/captivity/prisoner"
	"github.com/uacaptivity/captivity/status"
)

// The library promises (doc.go) never to panic on any input or zero
// value. This walk calls every exported function, and every exported
// method of the zero value of every exported type (value and pointer),
// with zero arguments and with hostile ones (empty, huge, negative, nil,
// garbage), and fails on any panic. The lists below are checked against
// the source, so a new exported name cannot be left out.

var types = map[string]any{
	"civil.Date":                  *new(civil.Date),
	"civil.Feb29Rule":             *new(civil.Feb29Rule),
	"civil.Period":                *new(civil.Period),
	"law.ActID":                   *new(law.ActID),
	"law.ActKind":                 *new(law.ActKind),
	"law.Act":                     *new(law.Act),
	"law.Text":                    *new(law.Text),
	"law.Confidence":              *new(law.Confidence),
	"law.Citation":                *new(law.Citation),
	"prisoner.DecodeOptions":      *new(prisoner.DecodeOptions),
	"prisoner.Decoder":            *new(prisoner.Decoder),
	"prisoner.EncodeOptions":      *new(prisoner.EncodeOptions),
	"prisoner.Category":           *new(prisoner.Category),
	"prisoner.ReleaseKind":        *new(prisoner.ReleaseKind),
	"prisoner.Relation":           *new(prisoner.Relation),
	"prisoner.Proof":              *new(prisoner.Proof),
	"prisoner.EventKind":          *new(prisoner.EventKind),
	"prisoner.DecisionKind":       *new(prisoner.DecisionKind),
	"prisoner.Ground":             *new(prisoner.Ground),
	"prisoner.RulingKind":         *new(prisoner.RulingKind),
	"prisoner.AidKind":            *new(prisoner.AidKind),
	"prisoner.Regime":             *new(prisoner.Regime),
	"prisoner.Code":               *new(prisoner.Code),
	"prisoner.FieldError":         *new(prisoner.FieldError),
	"prisoner.Warning":            *new(prisoner.Warning),
	"prisoner.ValidationError":    *new(prisoner.ValidationError),
	"prisoner.CaseError":          *new(prisoner.CaseError),
	"prisoner.FileError":          *new(prisoner.FileError),
	"prisoner.Case":               *new(prisoner.Case),
	"prisoner.Person":             *new(prisoner.Person),
	"prisoner.Episode":            *new(prisoner.Episode),
	"prisoner.FamilyMember":       *new(prisoner.FamilyMember),
	"prisoner.Event":              *new(prisoner.Event),
	"status.EffectiveOn":          *new(status.EffectiveOn),
	"status.AssessedAt":           *new(status.AssessedAt),
	"status.Implied":              *new(status.Implied),
	"status.Options":              *new(status.Options),
	"status.Problem":              *new(status.Problem),
	"status.HistoryError":         *new(status.HistoryError),
	"status.Change":               *new(status.Change),
	"status.EpisodeTimeline":      *new(status.EpisodeTimeline),
	"status.Snapshot":             *new(status.Snapshot),
	"status.Timeline":             *new(status.Timeline),
	"status.MemberStatus":         *new(status.MemberStatus),
	"status.State":                *new(status.State),
	"status.Signal":               *new(status.Signal),
	"status.MemberState":          *new(status.MemberState),
	"status.Transition":           *new(status.Transition),
	"status.Cond":                 *new(status.Cond),
	"status.TransitionError":      *new(status.TransitionError),
	"aid.BatchOptions":            *new(aid.BatchOptions),
	"aid.Item":                    *new(aid.Item),
	"aid.Difference":              *new(aid.Difference),
	"aid.Setting":                 *new(aid.Setting),
	"aid.EntitlementChange":       *new(aid.EntitlementChange),
	"aid.MoneyPair":               *new(aid.MoneyPair),
	"aid.GrantedAtDeath":          *new(aid.GrantedAtDeath),
	"aid.Outcome":                 *new(aid.Outcome),
	"aid.ClaimChange":             *new(aid.ClaimChange),
	"aid.KindTotal":               *new(aid.KindTotal),
	"aid.PartyTotal":              *new(aid.PartyTotal),
	"aid.Comparison":              *new(aid.Comparison),
	"aid.Draft6700":               *new(aid.Draft6700),
	"aid.DraftMonth":              *new(aid.DraftMonth),
	"aid.DraftResult":             *new(aid.DraftResult),
	"aid.EntitlementState":        *new(aid.EntitlementState),
	"aid.Entitlement":             *new(aid.Entitlement),
	"aid.Claimable":               *new(aid.Claimable),
	"aid.Condition":               *new(aid.Condition),
	"aid.DocumentNeed":            *new(aid.DocumentNeed),
	"aid.DocumentState":           *new(aid.DocumentState),
	"aid.EpisodeScreening":        *new(aid.EpisodeScreening),
	"aid.Likelihood":              *new(aid.Likelihood),
	"aid.MissingFact":             *new(aid.MissingFact),
	"aid.ProjectOptions":          *new(aid.ProjectOptions),
	"aid.ProjectedEpisode":        *new(aid.ProjectedEpisode),
	"aid.Projection":              *new(aid.Projection),
	"aid.Reminder":                *new(aid.Reminder),
	"aid.ReminderKind":            *new(aid.ReminderKind),
	"aid.Screening":               *new(aid.Screening),
	"aid.Calculator":              *new(aid.Calculator),
	"aid.Money":                   *new(aid.Money),
	"aid.Rounding":                *new(aid.Rounding),
	"aid.YearBasis":               *new(aid.YearBasis),
	"aid.PartialYear":             *new(aid.PartialYear),
	"aid.HeldScope":               *new(aid.HeldScope),
	"aid.HeldPayee":               *new(aid.HeldPayee),
	"aid.AfterRelease":            *new(aid.AfterRelease),
	"aid.PreLawRounding":          *new(aid.PreLawRounding),
	"aid.YearAnchor":              *new(aid.YearAnchor),
	"aid.PreLawFrom":              *new(aid.PreLawFrom),
	"aid.DeathSplit":              *new(aid.DeathSplit),
	"aid.Recipients":              *new(aid.Recipients),
	"aid.PriorRelease":            *new(aid.PriorRelease),
	"aid.ReleasePer":              *new(aid.ReleasePer),
	"aid.ForeignFamily":           *new(aid.ForeignFamily),
	"aid.MemberCitizenship":       *new(aid.MemberCitizenship),
	"aid.RecoveryScope":           *new(aid.RecoveryScope),
	"aid.Civilian50k":             *new(aid.Civilian50k),
	"aid.CMU38From":               *new(aid.CMU38From),
	"aid.AfterDeath":              *new(aid.AfterDeath),
	"aid.Earliest":                *new(aid.Earliest),
	"aid.AnniversaryRelease":      *new(aid.AnniversaryRelease),
	"aid.Options":                 *new(aid.Options),
	"aid.Version":                 *new(aid.Version),
	"aid.Schedule":                *new(aid.Schedule),
	"aid.Parameters":              *new(aid.Parameters),
	"aid.Code":                    *new(aid.Code),
	"aid.Decision":                *new(aid.Decision),
	"aid.YearLine":                *new(aid.YearLine),
	"aid.Share":                   *new(aid.Share),
	"aid.Reason":                  *new(aid.Reason),
	"aid.Recovery":                *new(aid.Recovery),
	"aid.Result":                  *new(aid.Result),
	"aid.RuleSet":                 *new(aid.RuleSet),
	"aid.LegalDate":               *new(aid.LegalDate),
	"aid.Dates":                   *new(aid.Dates),
	"aid.Stamp":                   *new(aid.Stamp),
	"aid.Step":                    *new(aid.Step),
	"export.Lang":                 *new(export.Lang),
	"export.CSVOptions":           *new(export.CSVOptions),
	"export.CalendarOptions":      *new(export.CalendarOptions),
	"export.Sources":              *new(export.Sources),
	"export.CaseTablesReader":     *new(export.CaseTablesReader),
	"export.ReportTables":         *new(export.ReportTables),
	"export.ReportCSVWriter":      *new(export.ReportCSVWriter),
	"export.Report":               *new(export.Report),
	"export.EpisodeStatus":        *new(export.EpisodeStatus),
	"export.TimelineChange":       *new(export.TimelineChange),
	"export.JSONWriter":           *new(export.JSONWriter),
	"export.Tables":               *new(export.Tables),
	"export.CaseTablesWriter":     *new(export.CaseTablesWriter),
	"export.CaseWorkbookWriter":   *new(export.CaseWorkbookWriter),
	"export.ReportWorkbookWriter": *new(export.ReportWorkbookWriter),
	"export.CellProblem":          *new(export.CellProblem),
	"export.TableError":           *new(export.TableError),
	"lawcase.File":                *new(lawcase.File),
	"lawcase.Expect":              *new(lawcase.Expect),
	"lawcase.StatusCheck":         *new(lawcase.StatusCheck),
	"lawcase.RecoveryCheck":       *new(lawcase.RecoveryCheck),
	"lawcase.EntitlementCheck":    *new(lawcase.EntitlementCheck),
	"lawcase.DecisionCheck":       *new(lawcase.DecisionCheck),
	"lawcase.Outcome":             *new(lawcase.Outcome),
}

var funcs = map[string]any{
	"civil.IsLeap":                   civil.IsLeap,
	"civil.DaysIn":                   civil.DaysIn,
	"civil.New":                      civil.New,
	"civil.MustNew":                  civil.MustNew,
	"civil.MustParse":                civil.MustParse,
	"civil.Parse":                    civil.Parse,
	"civil.DateOf":                   civil.DateOf,
	"civil.Min":                      civil.Min,
	"civil.NewPeriod":                civil.NewPeriod,
	"law.StateBudget":                law.StateBudget,
	"law.ActByID":                    law.ActByID,
	"law.PluralUK":                   law.PluralUK,
	"law.PluralEN":                   law.PluralEN,
	"law.Acts":                       law.Acts,
	"law.Weaker":                     law.Weaker,
	"law.Cite":                       law.Cite,
	"prisoner.Decode":                prisoner.Decode,
	"prisoner.NewDecoder":            prisoner.NewDecoder,
	"prisoner.DecodeCase":            prisoner.DecodeCase,
	"prisoner.DecodeValue":           prisoner.DecodeValue,
	"prisoner.Encode":                prisoner.Encode,
	"prisoner.Schema":                prisoner.Schema,
	"prisoner.AidKinds":              prisoner.AidKinds,
	"prisoner.AggressionStart":       prisoner.AggressionStart,
	"prisoner.ValidRNOKPP":           prisoner.ValidRNOKPP,
	"status.LawStart":                status.LawStart,
	"status.Build":                   status.Build,
	"status.States":                  status.States,
	"status.Signals":                 status.Signals,
	"status.Transitions":             status.Transitions,
	"status.Next":                    status.Next,
	"status.Mermaid":                 status.Mermaid,
	"status.Readme":                  status.Readme,
	"aid.Differences":                aid.Differences,
	"aid.Compare":                    aid.Compare,
	"aid.DefaultDraft6700":           aid.DefaultDraft6700,
	"aid.DraftRounding":              aid.DraftRounding,
	"aid.DraftCitation":              aid.DraftCitation,
	"aid.Evaluate":                   aid.Evaluate,
	"aid.New":                        aid.New,
	"aid.InputHash":                  aid.InputHash,
	"aid.Kopiykas":                   aid.Kopiykas,
	"aid.UAH":                        aid.UAH,
	"aid.ParseMoney":                 aid.ParseMoney,
	"aid.MustParseMoney":             aid.MustParseMoney,
	"aid.Allocate":                   aid.Allocate,
	"aid.OptionNames":                aid.OptionNames,
	"aid.OptionValues":               aid.OptionValues,
	"aid.Settings":                   aid.Settings,
	"aid.PartyLabel":                 aid.PartyLabel,
	"aid.NewSchedule":                aid.NewSchedule,
	"aid.DefaultParameters":          aid.DefaultParameters,
	"aid.Codes":                      aid.Codes,
	"aid.ModuleVersion":              aid.ModuleVersion,
	"aid.DefaultDates":               aid.DefaultDates,
	"aid.Default":                    aid.Default,
	"aid.LoadRuleSet":                aid.LoadRuleSet,
	"export.Neutralize":              export.Neutralize,
	"export.Unneutralize":            export.Unneutralize,
	"export.ReportSchema":            export.ReportSchema,
	"export.NewCaseTablesReader":     export.NewCaseTablesReader,
	"export.OpenCaseTables":          export.OpenCaseTables,
	"export.ReadCaseTables":          export.ReadCaseTables,
	"export.ReadAll":                 export.ReadAll,
	"export.NewReportCSVWriter":      export.NewReportCSVWriter,
	"export.NewReport":               export.NewReport,
	"export.NewJSONWriter":           export.NewJSONWriter,
	"export.NewCaseTablesWriter":     export.NewCaseTablesWriter,
	"export.NewCaseWorkbookWriter":   export.NewCaseWorkbookWriter,
	"export.NewCaseWorkbookReader":   export.NewCaseWorkbookReader,
	"export.WriteCaseTemplate":       export.WriteCaseTemplate,
	"export.WriteICS":                export.WriteICS,
	"export.WriteRemindersCSV":       export.WriteRemindersCSV,
	"export.WriteRemindersWorkbook":  export.WriteRemindersWorkbook,
	"export.NewReportWorkbookWriter": export.NewReportWorkbookWriter,
	"lawcase.Load":                   lawcase.Load,
	"lawcase.Check":                  lawcase.Check,
	"lawcase.CaseOf":                 lawcase.CaseOf,
	"lawcase.Library":                lawcase.Library,
	"lawcase.Describe":               lawcase.Describe,
	"lawcase.CheckDir":               lawcase.CheckDir,
}

var packages = []string{"civil", "law", "prisoner", "status", "aid", "export", "lawcase"}

// TestWalkListsEveryExportedName keeps the lists in step with the source.
// It also checks that every exported identifier has a doc comment.
func TestWalkListsEveryExportedName(t *testing.T) {
	var missing, undocumented []string
	for _, p := range packages {
		fset := token.NewFileSet()
		entries, err := os.ReadDir(p)
		require.NoError(t, err)
		var files []*ast.File
		for _, e := range entries {
			if n := e.Name(); strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
				f, err := parser.ParseFile(fset, filepath.Join(p, n), nil, parser.ParseComments)
				require.NoError(t, err)
				files = append(files, f)
			}
		}
		for _, f := range files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Name.IsExported() && d.Doc == nil && exportedRecv(d) {
						undocumented = append(undocumented, fset.Position(d.Pos()).String()+" "+d.Name.Name)
					}
					if d.Recv == nil && d.Name.IsExported() && d.Type.TypeParams == nil {
						if _, ok := funcs[p+"."+d.Name.Name]; !ok {
							missing = append(missing, "func "+p+"."+d.Name.Name)
						}
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						documented := d.Doc != nil
						switch s := s.(type) {
						case *ast.TypeSpec:
							documented = documented || s.Doc != nil
							if s.Name.IsExported() && !documented {
								undocumented = append(undocumented, fset.Position(s.Pos()).String()+" "+s.Name.Name)
							}
						case *ast.ValueSpec:
							documented = documented || s.Doc != nil || s.Comment != nil
							if s.Names[0].IsExported() && !documented {
								undocumented = append(undocumented, fset.Position(s.Pos()).String()+" "+s.Names[0].Name)
							}
						}
						if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() && ts.TypeParams == nil {
							if _, ok := types[p+"."+ts.Name.Name]; !ok {
								missing = append(missing, "type "+p+"."+ts.Name.Name)
							}
						}
					}
				}
			}
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "add these to the walk's lists")
	assert.Empty(t, undocumented, "every exported identifier has a doc comment")
}

// exportedRecv reports whether d is a function, or a method of an
// exported type.
func exportedRecv(d *ast.FuncDecl) bool {
	if d.Recv == nil {
		return true
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	id, ok := t.(*ast.Ident)
	return !ok || id.IsExported()
}

// hostile returns the arguments of kind k for a parameter of type t:
// k = 0 is the zero value, the others are hostile values.
func hostile(t reflect.Type, k int) reflect.Value {
	switch {
	case t == reflect.TypeFor[context.Context]():
		return reflect.ValueOf(context.Background())
	case t == reflect.TypeFor[io.Reader]():
		return reflect.ValueOf(io.Reader([]io.Reader{bytes.NewReader(nil), strings.NewReader("\x00\xff{[\"garbage"), strings.NewReader(strings.Repeat("[", 1<<16))}[k]))
	case t == reflect.TypeFor[io.Writer]():
		return reflect.ValueOf(io.Writer(io.Discard))
	case t == reflect.TypeFor[time.Duration]():
		return reflect.ValueOf(time.Duration(k))
	}
	v := reflect.New(t).Elem()
	if k == 0 {
		return v
	}
	switch t.Kind() {
	case reflect.String:
		v.SetString([]string{"", "\x00\xff\u202e\x1b[2J", strings.Repeat("я", 1<<16)}[k])
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt([]int64{0, -1, math.MinInt64}[k] >> (64 - t.Bits()))
		if k == 1 {
			v.SetInt(-1)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(math.MaxUint64 >> (64 - t.Bits()))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		if k == 1 {
			v.Set(reflect.MakeSlice(t, 0, 0))
		} else {
			s := reflect.MakeSlice(t, 3, 3)
			for i := 0; i < 3; i++ {
				s.Index(i).Set(hostile(t.Elem(), i%3))
			}
			v.Set(s)
		}
	case reflect.Pointer:
		if k == 2 {
			v.Set(reflect.New(t.Elem()))
		}
	case reflect.Struct:
		if t == reflect.TypeFor[civil.Date]() {
			v.Set(reflect.ValueOf([]civil.Date{{}, civil.MustNew(1, 1, 1), civil.MustNew(9999, 12, 31)}[k]))
			break
		}
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				v.Field(i).Set(hostile(t.Field(i).Type, k))
			}
		}
	case reflect.Func:
		// a function that returns zero values (an io.EOF-like end is not
		// promised): callbacks are the caller's, left nil at k = 1
		if k == 2 {
			v.Set(reflect.MakeFunc(t, func([]reflect.Value) []reflect.Value {
				out := make([]reflect.Value, t.NumOut())
				for i := range out {
					out[i] = reflect.New(t.Out(i)).Elem()
					if t.Out(i) == reflect.TypeFor[error]() {
						out[i] = reflect.ValueOf(&io.EOF).Elem()
					}
				}
				return out
			}))
		}
	}
	return v
}

var calls int

func call(t *testing.T, name string, fn reflect.Value) {
	calls++
	ft := fn.Type()
	for k := 0; k < 3; k++ {
		args := make([]reflect.Value, ft.NumIn())
		for i := range args {
			pt := ft.In(i)
			if ft.IsVariadic() && i == ft.NumIn()-1 {
				args[i] = hostile(pt, k)
				continue
			}
			args[i] = hostile(pt, k)
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s with arguments of kind %d panics: %v", name, k, r)
				}
			}()
			done := make(chan struct{})
			go func() {
				defer close(done)
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s with arguments of kind %d panics: %v", name, k, r)
					}
				}()
				if ft.IsVariadic() {
					fn.CallSlice(args)
				} else {
					fn.Call(args)
				}
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Errorf("%s with arguments of kind %d does not return", name, k)
			}
		}()
	}
}

func TestNoPanicOnZeroOrHostileValues(t *testing.T) {
	for name, f := range funcs {
		if skip[name] {
			continue
		}
		call(t, name, reflect.ValueOf(f))
	}
	for name, v := range types {
		for _, recv := range []reflect.Value{reflect.ValueOf(v), reflect.New(reflect.TypeOf(v))} {
			rt := recv.Type()
			for i := 0; i < rt.NumMethod(); i++ {
				m := rt.Method(i)
				full := fmt.Sprintf("(%s).%s", rt, m.Name)
				if skip[full] {
					continue
				}
				call(t, full, recv.Method(i))
			}
		}
		_ = name
	}
	assert.Greater(t, calls, 400, "the walk reached the API")
}

// skip lists what the walk does not call, each with why.
var skip = map[string]bool{
	// Must* are documented to panic on bad input, as regexp.MustCompile:
	// for literals in programs and tests.
	"civil.MustNew": true, "civil.MustParse": true, "aid.MustParseMoney": true,
}
