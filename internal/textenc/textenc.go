// Package textenc tells what the readers of case files need to know about
// text that is not UTF-8: where the first bad byte is, and whether the
// text looks like UTF-16, so a message can say what the file is.
package textenc

import (
	"bytes"
	"unicode/utf8"
)

// UTF16 names the UTF-16 that text starting with b is, by its byte-order
// mark or by ASCII with every other byte zero, or "".
func UTF16(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return "UTF-16 little-endian"
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return "UTF-16 big-endian"
	case len(b) >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
		return "UTF-16 little-endian"
	case len(b) >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
		return "UTF-16 big-endian"
	}
	return ""
}

// InvalidUTF8 returns the offset of the first byte of b that is not part
// of valid UTF-8, or len(b).
func InvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}
