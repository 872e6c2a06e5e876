// Command gendiagram writes status/README.md: the life-cycle diagram drawn
// from the transition table. Run it with `go generate ./status`.
package main

import (
	"fmt"
	"os"

	"github.com/uacaptivity/captivity/status"
)

func main() {
	if err := os.WriteFile("README.md", []byte(status.Readme()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
