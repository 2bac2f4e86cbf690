/*
 * The device's compression engine: deflate and inflate with zlib, answered as the emulated generation answers (see
 * CONFORMANCE.md, rules 3a, 9, 9a and 11). Runs on a device thread, in the device process (or in the application in
 * thread mode); the streams and buffers are that thread's own.
 */
#ifndef KQAT_QAT_DEFLATE_H
#define KQAT_QAT_DEFLATE_H

#include <stdint.h>

#include "qat_device_memory.h"
#include "qat_request.h"

#pragma GCC visibility push(hidden)

/* Both write the output into dst and the answer into rq (status, counts, checksum); 0 when the output could not be
 * written to application memory (rq's answer is then not to be trusted). */
int compress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst);
int decompress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst);
/* This thread's input buffer, at least n bytes; NULL when it cannot grow. */
uint8_t *scratch_input(uint64_t n);
/* Makes this thread's streams and buffers before the first request needs them (a device is ready when it starts). */
void scratch_warm(void);
/* Frees this thread's streams and buffers (the device thread, as it ends). */
void scratch_free(void);

#pragma GCC visibility pop

#endif
