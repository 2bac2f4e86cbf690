/* One request as the device runs it (see qat_execute.h): the device's side of a request, and its counters. */
#define _GNU_SOURCE
#include <time.h>

#include "emu_abi.h"
#include "qat_deflate.h"
#include "qat_device_memory.h"
#include "qat_device_state.h"
#include "qat_execute.h"
#include "qat_faults.h"
#include "qat_lz4s_request.h"
#include "qat_zstd.h"

static long long clock_ns(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void fatal(struct request *rq) {
    rq->status = CPA_DC_FATALERR;
    rq->callback_status = CPA_STATUS_FAIL;
    rq->pass = 0;
    rq->produced = rq->consumed = rq->checksum = 0;
    rq->checksum_valid = rq->uncompressed = rq->eolb = 0;
}

/* The engine for the request's algorithm (LZ4s sessions are compression sessions: qat_session_checks.c). */
static int engine(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    if (rq->comp_type == CPA_DC_LZ4S) return lz4s_compress_request(rq, in, n, dst);
    if (rq->comp_type == CPA_DC_ZSTD) {
        return rq->compress ? zstd_compress_request(rq, in, n, dst) : zstd_decompress_request(rq, in, n, dst);
    }
    return rq->compress ? compress_request(rq, in, n, dst) : decompress_request(rq, in, n, dst);
}

/* Descriptors, data in, (de)compression, data out; 0 when application memory could not be reached (an IOMMU fault). */
static int run(struct request *rq) {
    static __thread struct device_list src, dst;
    if (!device_list(rq->src_desc, &src) || !device_list(rq->dst_desc, &dst)) return 0;
    uint8_t *in = scratch_input(src.total);
    if (in == NULL) { /* no device memory: FATALERR */
        DEVICE_COUNT(request_errors, 1);
        return 1;
    }
    if (!gather(&src, in)) return 0;
    if (!engine(rq, in, src.total, &dst)) return 0;
    if (rq->status != CPA_DC_OK) DEVICE_COUNT(request_errors, 1);
    if (rq->status == CPA_DC_OK) {
        DEVICE_COUNT(bytes_in, rq->consumed);
        DEVICE_COUNT(bytes_out, rq->produced);
        if (rq->compress) {
            DEVICE_COUNT(src_bytes_mapped, src.mapped);
            DEVICE_COUNT(src_bytes_alloc, src.total - src.mapped);
        }
    }
    return 1;
}

void execute(struct request *rq) {
    long long wall = clock_ns(CLOCK_MONOTONIC), cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID);
    fatal(rq);
    if (rq->fault) {
        DEVICE_COUNT(injected_faults, 1);
        if (rq->fault == FAULT_BY_PERCENT) DEVICE_COUNT(random_faults, 1);
    } else if (!run(rq)) {
        fatal(rq);
        DEVICE_COUNT(iommu_faults, 1);
    }
    DEVICE_COUNT(device_cpu_ns, clock_ns(CLOCK_THREAD_CPUTIME_ID) - cpu);
    DEVICE_COUNT(device_ns, clock_ns(CLOCK_MONOTONIC) - wall);
    DEVICE_COUNT(device_requests, 1);
}
