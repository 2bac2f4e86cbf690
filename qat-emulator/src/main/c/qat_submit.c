/*
 * cpaDcCompressData2 and cpaDcDecompressData2: a request is checked (qat_request_checks.c), its descriptors written
 * (qat_descriptors.c), then it is queued on its instance's ring for the device (RETRY when the ring is full).
 */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "emu_abi.h"
#include "qat_counters.h"
#include "qat_descriptors.h"
#include "qat_faults.h"
#include "qat_instance.h"
#include "qat_request.h"
#include "qat_request_checks.h"
#include "qat_ring.h"
#include "qat_session.h"

#define EXPORT __attribute__((visibility("default")))

static CpaStatus submit(int compress, CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                        CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, void *tag) {
    struct checked_request checked;
    CpaStatus status = check_request(compress, h, session, src, dst, op, results, &checked);
    if (status != CPA_STATUS_SUCCESS) return status;
    struct instance *in = checked.instance;
    struct session *s = checked.session;
    enum generation g = checked.generation;
    long long delay = checked.latency_us;
    /* dcCreateRequest: the CRC seed (stateless "stateful lite": the results' checksum after a request that did not
     * end a stream, never on 6xxx), then the descriptors. */
    uint32_t seed = s->checksum == CPA_DC_ADLER32 ? 1 : 0;
    if (s->subsequent && g != GEN_6XXX && (s->checksum == CPA_DC_CRC32 || s->checksum == CPA_DC_ADLER32)) {
        seed = results->checksum;
    }
    uint64_t src_desc, dst_desc;
    status = write_descriptors(in, src, &src_desc);
    if (status == CPA_STATUS_SUCCESS) status = write_descriptors(in, dst, &dst_desc);
    if (status != CPA_STATUS_SUCCESS) return status;
    struct request *rq = ring_reserve(in->ring);
    if (rq == NULL) {
        atomic_fetch_add(&retries, 1);
        return CPA_STATUS_RETRY;
    }
    long long n = atomic_fetch_add(&requests, 1);
    atomic_fetch_add(&in->requests, 1);
    memset(rq, 0, sizeof *rq);
    rq->compress = compress;
    rq->generation = g;
    rq->session = s;
    rq->level = s->level;
    rq->huff_type = s->huff_type;
    rq->checksum_type = s->checksum;
    rq->comp_type = s->comp_type;
    rq->min_match = s->min_match;
    rq->no_match_tokens = checked.no_match_tokens;
    rq->token_seed = checked.seed;
    rq->flush = op->flushFlag;
    rq->seed = seed;
    rq->src_desc = src_desc;
    rq->dst_desc = dst_desc;
    rq->results = results;
    rq->tag = tag;
    rq->seq = n;
    rq->fault = fault_for_request(n);
    clock_gettime(CLOCK_MONOTONIC, &rq->due);
    rq->due.tv_nsec += (delay % 1000000) * 1000;
    rq->due.tv_sec += delay / 1000000 + rq->due.tv_nsec / 1000000000;
    rq->due.tv_nsec %= 1000000000;
    atomic_fetch_add(&s->in_flight, 1);
    ring_commit(in->ring);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcCompressData2(CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                                    CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, void *tag) {
    return submit(1, h, session, src, dst, op, results, tag);
}

EXPORT CpaStatus cpaDcDecompressData2(CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                                      CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, void *tag) {
    return submit(0, h, session, src, dst, op, results, tag);
}
