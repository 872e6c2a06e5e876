package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Help is a program's help text: what it does, how to call it, worked
// examples and what its exit status means. The flags are listed from the
// flag set, so that the text never falls behind them.
type Help struct {
	Name     string   // the program
	Usage    string   // the call, after the name: "[flags] [FOLDER]"
	About    string   // what it does, a paragraph or two
	Examples []string // "command  # what it does", one a line
	Exit     string   // what each exit status means
	// UK is the same help in Ukrainian, for -lang uk -help; its Flags
	// give each flag's description by name (the English one where absent).
	UK *HelpUK
}

// HelpUK is a program's help text in Ukrainian.
type HelpUK struct {
	About    string
	Examples []string
	Exit     string
	Flags    map[string]string
}

// Write writes the help to w, with the flags of fs, in lang.
func (h Help) Write(w io.Writer, fs *flag.FlagSet, lang string) {
	if lang == "uk" && h.UK != nil {
		u := h.UK
		fmt.Fprintf(w, "%s\n\nВиклик:\n  %s %s\n\nПриклади:\n", strings.TrimSpace(u.About), h.Name, strings.NewReplacer("[flags]", "[прапорці]", "FOLDER", "ТЕКА").Replace(h.Usage))
		for _, e := range u.Examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
		fmt.Fprintln(w, "\nПрапорці:")
		fs.VisitAll(func(f *flag.Flag) {
			usage := f.Usage
			if uk, ok := u.Flags[f.Name]; ok {
				usage = uk
			}
			def := ""
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				def = " (типово " + f.DefValue + ")"
			}
			fmt.Fprintf(w, "  -%s\n    \t%s%s\n", f.Name, usage, def)
		})
		fmt.Fprintf(w, "\nКод завершення: %s\n", u.Exit)
		return
	}
	fmt.Fprintf(w, "%s\n\nUsage:\n  %s %s\n\nExamples:\n", strings.TrimSpace(h.About), h.Name, h.Usage)
	for _, e := range h.Examples {
		fmt.Fprintf(w, "  %s\n", e)
	}
	fmt.Fprintln(w, "\nFlags:")
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
	fmt.Fprintf(w, "\nExit status: %s\n", h.Exit)
}

// Parse parses args with fs. With -help (or -h) it writes the help to
// stdout and reports help; a bad flag gets its error (in Ukrainian when
// args ask for -lang uk) and a pointer to -help on fs's output.
func Parse(fs *flag.FlagSet, args []string, h Help, stdout io.Writer) (help bool, err error) {
	out := fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard) // the error is written below, in its language
	err = fs.Parse(args)
	fs.SetOutput(out)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			h.Write(stdout, fs, LangOf(args))
			return true, nil
		}
		if LangOf(args) == "uk" {
			fmt.Fprintf(out, "%s\nзапустіть %s -help, щоб дізнатися, як ним користуватися\n", flagErrorUK(err), h.Name)
		} else {
			fmt.Fprintf(out, "%v\nrun %s -help for how to use it\n", err, h.Name)
		}
		return false, err
	}
	return false, nil
}

// LangOf returns the value of -lang in args ("uk", "en"), or "" if none
// is given: for messages written before the flags are parsed.
func LangOf(args []string) string {
	for i, a := range args {
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		switch {
		case a == "lang" && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(a, "lang="):
			return strings.TrimPrefix(a, "lang=")
		}
	}
	return ""
}

// flagErrorUK says in Ukrainian what the flag package's error says.
func flagErrorUK(err error) string {
	msg := err.Error()
	for _, p := range []struct{ en, uk string }{
		{"flag provided but not defined: ", "невідомий прапорець "},
		{"flag needs an argument: ", "прапорцю потрібне значення: "},
		{"bad flag syntax: ", "неправильний запис прапорця: "},
	} {
		if rest, ok := strings.CutPrefix(msg, p.en); ok {
			return p.uk + rest
		}
	}
	if strings.HasPrefix(msg, "invalid value ") || strings.HasPrefix(msg, "invalid boolean value ") {
		return "неправильне значення прапорця (" + msg + ")"
	}
	return msg
}
