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
}

// Write writes the help to w, with the flags of fs.
func (h Help) Write(w io.Writer, fs *flag.FlagSet) {
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
// stdout and reports help; a bad flag gets its error and a pointer to
// -help on fs's output.
func Parse(fs *flag.FlagSet, args []string, h Help, stdout io.Writer) (help bool, err error) {
	fs.Usage = func() {} // the flag package has printed the error; the pointer follows
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			h.Write(stdout, fs)
			return true, nil
		}
		fmt.Fprintf(fs.Output(), "run %s -help for how to use it\n", h.Name)
		return false, err
	}
	return false, nil
}
