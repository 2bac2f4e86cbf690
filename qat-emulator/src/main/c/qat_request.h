/*
 * One request on its way: written by the submit (qat_submit.c) into a slot of its instance's ring (qat_ring.c),
 * executed there by the device (qat_execute.c), whose answer the poll delivers (qat_completions.c).
 */
#ifndef KQAT_QAT_REQUEST_H
#define KQAT_QAT_REQUEST_H

#include <stdint.h>
#include <time.h>

#include "emu_abi.h"
#include "qat_generation.h"

#define MAX_SGL_BUFFERS 256 /* lac_buffer_desc.c: numBuffers >= 256 fails */

struct session;

struct request {
    int compress;
    enum generation generation;
    struct session *session;
    uint32_t level, huff_type, checksum_type, flush;
    uint32_t comp_type;   /* CPA_DC_DEFLATE, CPA_DC_LZ4S or CPA_DC_ZSTD */
    uint32_t min_match;   /* LZ4s: 3 or 4 */
    int no_match_tokens;  /* LZ4s: LZ4S_NO_MATCH_* (qat_config.h) */
    uint64_t token_seed;  /* LZ4s: the seed its no-match tokens are drawn from */
    uint32_t seed;
    uint64_t src_desc, dst_desc; /* device addresses of the descriptors written into the metadata */
    CpaDcRqResults *results;
    void *tag;
    long long seq;
    int fault; /* FAULT_* (qat_faults.h) */
    int held;
    struct timespec due;
    /* The device's answer, delivered by the poll. */
    CpaStatus callback_status;
    int32_t status;
    uint32_t produced, consumed, checksum;
    int checksum_valid, uncompressed, eolb;
    int pass; /* the firmware's cmpPass before qatlib turns a compression overflow into a pass */
};

#endif
