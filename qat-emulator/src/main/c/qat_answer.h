/*
 * How the device answers an LZ4s or zstd compression once it has its output (qat_lz4s_request.c, qat_zstd.c): the
 * same rules as deflate's (CONFORMANCE.md, rules 3a and 9): output that did not shrink needs the generation's whole
 * bound; short of what it needs, Gen4 overflows with partial counts (callback SUCCESS), Gen6 fails without counts.
 */
#ifndef KQAT_QAT_ANSWER_H
#define KQAT_QAT_ANSWER_H

#include <stdint.h>

#include "qat_device_memory.h"
#include "qat_request.h"

#pragma GCC visibility push(hidden)

/* The request's checksum over in[0..n): xxHash32, or the low 32 bits of xxHash64 (the zstd content checksum). */
uint32_t xxhash_checksum(uint32_t type, const uint8_t *in, uint64_t n);
/* Writes out[0..out_len) (or what fits) into dst and the answer into rq; needed is the room the device needs (the
 * bound when the output did not shrink). 0 when application memory could not be written. */
int answer_compression(struct request *rq, const uint8_t *in, uint64_t n, const uint8_t *out, uint64_t out_len,
                       uint64_t needed, struct device_list *dst);

#pragma GCC visibility pop

#endif
