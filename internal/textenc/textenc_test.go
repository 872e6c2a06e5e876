package textenc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/uacaptivity/captivity/internal/textenc"
)

func TestUTF16(t *testing.T) {
	for in, want := range map[string]string{
		"\xff\xfec\x00": "UTF-16 little-endian", "\xfe\xff\x00c": "UTF-16 big-endian",
		"c\x00a\x00": "UTF-16 little-endian", "\x00c\x00a": "UTF-16 big-endian",
		"case_id": "", "a\x00b": "", "": "", "Кова": "",
	} {
		assert.Equal(t, want, textenc.UTF16([]byte(in)), "%q", in)
	}
}

func TestInvalidUTF8(t *testing.T) {
	assert.Equal(t, 3, textenc.InvalidUTF8([]byte("Ren\xe9")))
	assert.Equal(t, 8, textenc.InvalidUTF8([]byte("Коваленко")[:8]))
	assert.Equal(t, 4, textenc.InvalidUTF8([]byte("Кова")[:4]))
}
