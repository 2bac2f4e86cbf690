/*
 * xxHash32 and xxHash64 (seed 0 is what the device uses): the LZ4S checksum a request returns, and the zstd content
 * checksum (the low 32 bits of xxHash64). Written from the published algorithm; checked against known values in
 * test_lz4s and against libzstd's frame checksum in test_zstd.
 */
#ifndef KQAT_QAT_XXHASH_H
#define KQAT_QAT_XXHASH_H

#include <stddef.h>
#include <stdint.h>

#pragma GCC visibility push(hidden)

uint32_t xxhash32(const uint8_t *p, size_t n, uint32_t seed);
uint64_t xxhash64(const uint8_t *p, size_t n, uint64_t seed);

#pragma GCC visibility pop

#endif
