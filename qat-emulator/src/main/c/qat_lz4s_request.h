/* An LZ4s compression as the emulated device runs it (CONFORMANCE.md, rules 22-22g); on a device thread. */
#ifndef KQAT_QAT_LZ4S_REQUEST_H
#define KQAT_QAT_LZ4S_REQUEST_H

#include <stdint.h>

#include "qat_device_memory.h"
#include "qat_request.h"

#pragma GCC visibility push(hidden)

/* Writes the LZ4s stream into dst and the answer into rq; 0 when application memory could not be written. */
int lz4s_compress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst);
/* Frees this thread's match finder and buffers. */
void lz4s_scratch_free(void);

#pragma GCC visibility pop

#endif
