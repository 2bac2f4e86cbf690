/*
 * Completion delivery: icp_sal_DcPollInstance takes the requests the device has executed off the ring, in order, and
 * delivers each on the polling thread as qatlib does (dcCompression_ProcessCallback): it writes the results, updates
 * the session, then runs the callback. The device itself never writes the results or calls back.
 */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stdint.h>
#include <unistd.h>

#include "emu_abi.h"
#include "qat_counters.h"
#include "qat_instance.h"
#include "qat_request.h"
#include "qat_device_link.h"
#include "qat_ring.h"
#include "qat_ring_events.h"
#include "qat_session.h"

#define EXPORT __attribute__((visibility("default")))

/* dcCompression_ProcessCallback, on the polling thread: the results (written by the library, not by DMA), the
 * session's request type, the pending count, then the callback. */
static void deliver(struct instance *in, struct request *rq) {
    CpaDcRqResults *r = rq->results;
    r->status = rq->status;
    r->produced = rq->produced;
    r->consumed = rq->consumed;
    if (rq->checksum_valid) r->checksum = rq->checksum;
    if (rq->callback_status == CPA_STATUS_SUCCESS) {
        if (rq->compress) r->dataUncompressed = rq->uncompressed;
        else r->endOfLastBlock = rq->eolb;
    }
    struct session *s = rq->session;
    if (rq->generation != GEN_6XXX) { /* overflowResubmitUnsupported is FALSE on Gen4 */
        s->subsequent = !(rq->flush == CPA_DC_FLUSH_FINAL && rq->pass && rq->status == CPA_DC_OK);
    }
    CpaDcCallbackFn callback = s->callback;
    atomic_fetch_sub(&s->in_flight, 1);
    atomic_fetch_add(&completed, 1);
    atomic_fetch_add(&in->completed, 1);
    callback(rq->tag, rq->callback_status);
}

/* icp_adf_pollInstance in event mode, after the ring: 26.08 drains the VF's eventfd (consume_efd_events: whichever
 * instance signalled it), then every release enables the interrupt again. */
static void after_poll(struct instance *in) {
#ifdef KQAT_EMU_EVENTS
    if (ring_response_mode(in->ring) != RESPONSES_EVENT) return;
#if KQAT_EMU_EVENTS >= 2608
    uint64_t signalled;
    if (read(device_vf_fd(in->vf), &signalled, sizeof signalled) < 0) signalled = 0; /* EAGAIN: nothing to drain */
#endif
    ring_rearm(in->ring);
#else
    (void) in;
#endif
}

EXPORT CpaStatus icp_sal_DcPollInstance(CpaInstanceHandle h, uint32_t quota) {
    struct instance *in = instance_of(h);
    if (in == NULL || !in->started || !process_started) return CPA_STATUS_INVALID_PARAM;
    uint32_t done = 0;
    while (quota == 0 || done < quota) {
        struct request rq;
        if (!ring_take_executed(in->ring, &rq)) break;
        deliver(in, &rq);
        done++;
    }
    after_poll(in);
    return done > 0 ? CPA_STATUS_SUCCESS : CPA_STATUS_RETRY;
}
