package lawcase

import (
	"embed"
	"io/fs"
)

//go:embed testdata/*.json
var library embed.FS

// Library returns the library's own legal test cases, one file each, at
// the root of the returned file system: the cases this module is checked
// against, and examples of every kind of check a file can make.
func Library() fs.FS {
	sub, err := fs.Sub(library, "testdata")
	if err != nil { // cannot happen: the folder is embedded
		return library
	}
	return sub
}
