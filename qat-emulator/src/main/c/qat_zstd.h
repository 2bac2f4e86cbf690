/*
 * Native zstd as the emulated 6xxx runs it (CONFORMANCE.md, rules 24-24d), with libzstd: compression emits one
 * standard frame (header, blocks of at most 64 KiB, the content checksum) with a 64 KiB window; decompression takes
 * one frame whose window is at most 64 KiB. On a device thread.
 */
#ifndef KQAT_QAT_ZSTD_H
#define KQAT_QAT_ZSTD_H

#include <stdint.h>

#include "qat_device_memory.h"
#include "qat_request.h"

#pragma GCC visibility push(hidden)

#define ZSTD_DEVICE_WINDOW_LOG 16 /* zstd.historyBufferSize: CPA_DC_WINSIZE_64K */

/* Both write the output into dst and the answer into rq; 0 when application memory could not be written. */
int zstd_compress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst);
int zstd_decompress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst);
/* Frees this thread's contexts and buffer. */
void zstd_scratch_free(void);

#pragma GCC visibility pop

#endif
