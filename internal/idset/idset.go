// Package idset keeps the case IDs a reader has seen, to find a repeated
// one anywhere in a register, in little memory and none that the
// collector must scan: the IDs are copied into one byte slab, indexed by a
// map from their hash to their place. A million IDs take some 35 MB, where
// a map of strings took twice that and made every collection walk it.
package idset

import (
	"encoding/binary"
	"hash/maphash"
)

// A Set is the IDs seen, each with a number the caller gives (the line or
// index where it was first seen). The zero value is an empty set. It is
// not safe for concurrent use.
type Set struct {
	seed maphash.Seed
	slab []byte            // each ID: its length (uvarint), its bytes, its number (8 bytes)
	at   map[uint64]uint32 // hash -> place in slab, plus one
}

// Add adds id with number n, unless it is in the set already: then it
// returns the number id was added with, and true.
func (s *Set) Add(id string, n int64) (int64, bool) {
	if s.at == nil {
		s.seed = maphash.MakeSeed()
		s.at = map[uint64]uint32{}
	}
	h := maphash.String(s.seed, id)
	// Open addressing over the hash: two IDs whose hashes meet take the
	// next free hash, so a lookup compares the IDs themselves and is exact.
	for {
		p, ok := s.at[h]
		if !ok {
			break
		}
		if got, num := s.read(p - 1); got == id {
			return num, true
		}
		h++
	}
	if len(s.slab) >= 1<<32-1-len(id)-binary.MaxVarintLen64-8 {
		return 0, false // past what a place can point to: not remembered
	}
	s.at[h] = uint32(len(s.slab)) + 1
	s.slab = binary.AppendUvarint(s.slab, uint64(len(id)))
	s.slab = append(s.slab, id...)
	s.slab = binary.LittleEndian.AppendUint64(s.slab, uint64(n))
	return 0, false
}

// Len returns the number of IDs in the set.
func (s *Set) Len() int { return len(s.at) }

func (s *Set) read(p uint32) (string, int64) {
	b := s.slab[p:]
	l, k := binary.Uvarint(b)
	id := string(b[k : k+int(l)])
	return id, int64(binary.LittleEndian.Uint64(b[k+int(l):]))
}
