/* One request as the device runs it (see qat_execute.h): the device's side of a request, and its counters. */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <time.h>

#include "emu_abi.h"
#include "qat_counters.h"
#include "qat_deflate.h"
#include "qat_device.h"
#include "qat_device_memory.h"
#include "qat_execute.h"
#include "qat_faults.h"

void execute(struct request *rq) {
    static __thread struct device_list src, dst;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rq->status = CPA_DC_FATALERR;
    rq->callback_status = CPA_STATUS_FAIL;
    rq->pass = 0;
    rq->produced = rq->consumed = rq->checksum = 0;
    rq->checksum_valid = rq->uncompressed = rq->eolb = 0;
    if (rq->fault) {
        atomic_fetch_add(&injected_faults, 1);
        if (rq->fault == FAULT_BY_PERCENT) atomic_fetch_add(&random_faults, 1);
    } else if (!device_list(rq->src_desc, &src) || !device_list(rq->dst_desc, &dst)) {
        atomic_fetch_add(&iommu_faults, 1);
    } else {
        uint8_t *in = scratch_input(src.total);
        if (in != NULL) {
            gather(&src, in);
            if (rq->compress) {
                compress_request(rq, in, src.total, &dst);
            } else {
                decompress_request(rq, in, src.total, &dst);
            }
        }
        if (rq->status != CPA_DC_OK) atomic_fetch_add(&request_errors, 1);
        if (rq->status == CPA_DC_OK) {
            atomic_fetch_add(&bytes_in, (long long) rq->consumed);
            atomic_fetch_add(&bytes_out, (long long) rq->produced);
            if (rq->compress) {
                atomic_fetch_add(&src_bytes_mapped, (long long) src.mapped);
                atomic_fetch_add(&src_bytes_alloc, (long long) (src.total - src.mapped));
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    atomic_fetch_add(&device_ns, elapsed_ns(&t0, &t1));
}
