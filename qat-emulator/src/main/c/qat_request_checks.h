/*
 * qatlib's checks of a compression or decompression request, on the submitting thread, before anything is written
 * for the device: the same checks, in the same order, with the same status codes as qatlib 26.08's dc_datapath.c
 * (CONFORMANCE.md rules 1b, 2, 3b).
 */
#ifndef KQAT_QAT_REQUEST_CHECKS_H
#define KQAT_QAT_REQUEST_CHECKS_H

#include "emu_abi.h"
#include "qat_generation.h"

#pragma GCC visibility push(hidden)

struct instance;
struct session;

/* What a request that passed its checks goes on with. */
struct checked_request {
    struct instance *instance;
    struct session *session;
    enum generation generation; /* as the request was checked */
    long long latency_us;
    int no_match_tokens;     /* LZ4s: as configured when the request was checked */
    unsigned long long seed; /* KQAT_EMU_SEED then */
};

/* SUCCESS with *out filled, or the status the submission answers (INVALID_PARAM counted in invalid_params). */
CpaStatus check_request(int compress, CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                        CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, struct checked_request *out);

#pragma GCC visibility pop

#endif
