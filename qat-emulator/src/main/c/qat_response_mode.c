/*
 * Waiting for completions without polling blindly (event mode). qatlib 26.02 adds cpaInstanceSetResponseMode and
 * cpaInstanceGetResponseMode (sal_resp_type.c); 26.08 refuses a switch with requests in flight (RETRY) and adds the
 * interrupt coalescing timer (sal_transport_cfg.c). icp_sal_DcGetFileDescriptor and icp_sal_DcPutFileDescriptor are
 * exported by every release (sal_compression.c), but up to 25.08 no instance is ever in event mode (qatmgr configures
 * them all polled), so they answer UNSUPPORTED there. The fd is the VF's eventfd, shared by the VF's instances.
 */
#define _GNU_SOURCE

#include "emu_abi.h"
#include "qat_device_link.h"
#include "qat_instance.h"
#include "qat_ring.h"
#include "qat_ring_events.h"

#define EXPORT __attribute__((visibility("default")))

#ifdef KQAT_EMU_EVENTS
/* The instance's ring for this service type (SalCtrl_GetTransHandleRx): a compression instance has no
 * decompression ring (FAIL), another service's type is INVALID_PARAM, and a stopped process has no ring (FAIL). */
static CpaStatus ring_of(CpaInstanceHandle h, uint32_t type, struct request_ring **ring) {
    struct instance *in = instance_of(h);
    if (h == NULL || in == NULL) return CPA_STATUS_INVALID_PARAM;
    if (type == CPA_ACC_SVC_TYPE_DATA_DECOMPRESSION) return CPA_STATUS_FAIL;
    if (type != CPA_ACC_SVC_TYPE_DATA_COMPRESSION) return CPA_STATUS_INVALID_PARAM;
    if (!process_started || in->ring == NULL) return CPA_STATUS_FAIL;
    *ring = in->ring;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaInstanceSetResponseMode(CpaInstanceHandle h, uint32_t type, uint32_t mode) {
    if (h == NULL) return CPA_STATUS_INVALID_PARAM;
    if (mode != CPA_INST_RX_NOTIFY_NONE && mode != CPA_INST_RX_NOTIFY_BY_EVENT) return CPA_STATUS_UNSUPPORTED;
    struct request_ring *ring = NULL;
    CpaStatus status = ring_of(h, type, &ring);
    if (status != CPA_STATUS_SUCCESS) return status;
#if KQAT_EMU_EVENTS >= 2608
    if (ring_occupancy(ring) > 0) return CPA_STATUS_RETRY; /* "Cannot switch response mode with inflight requests" */
#endif
    ring_set_response_mode(ring, mode == CPA_INST_RX_NOTIFY_BY_EVENT ? RESPONSES_EVENT : RESPONSES_POLLED,
                           KQAT_EMU_EVENTS >= 2608);
    return CPA_STATUS_SUCCESS;
}

/* The decompression type reads the same instance's mode; a crypto type is refused (qatlib would read another
 * structure's field: stricter). */
EXPORT CpaStatus cpaInstanceGetResponseMode(CpaInstanceHandle h, uint32_t type, uint32_t *mode) {
    if (h == NULL || mode == NULL) return CPA_STATUS_INVALID_PARAM;
    *mode = CPA_INST_RX_NOTIFY_NONE;
    struct request_ring *ring = NULL;
    CpaStatus status = ring_of(h, type == CPA_ACC_SVC_TYPE_DATA_DECOMPRESSION ? CPA_ACC_SVC_TYPE_DATA_COMPRESSION : type,
                               &ring);
    if (status != CPA_STATUS_SUCCESS) return status;
    if (ring_response_mode(ring) == RESPONSES_EVENT) *mode = CPA_INST_RX_NOTIFY_BY_EVENT;
    return CPA_STATUS_SUCCESS;
}
#endif

#if defined(KQAT_EMU_EVENTS) && KQAT_EMU_EVENTS >= 2608
/* icp_adf_transSetIntCoalTimer: above the 512 us cap INVALID_PARAM; the hardware keeps it in 256 ns counts. */
EXPORT CpaStatus cpaInstanceSetIntCoalescingTimer(CpaInstanceHandle h, uint32_t type, uint32_t ns) {
    struct request_ring *ring = NULL;
    CpaStatus status = ring_of(h, type, &ring);
    if (status != CPA_STATUS_SUCCESS) return status;
    if (ns > COALESCING_MAX_NS) return CPA_STATUS_INVALID_PARAM;
    ring_set_coalescing(ring, ns);
    return CPA_STATUS_SUCCESS;
}

/* icp_adf_transGetIntCoalTimerData: the timer as the hardware holds it (0 until the first switch to event mode or
 * the first set), the cap and the granularity. */
EXPORT CpaStatus cpaInstanceGetRxInterruptMetaData(CpaInstanceHandle h, uint32_t type, CpaRxInterruptMetaData *data) {
    if (data == NULL) return CPA_STATUS_INVALID_PARAM;
    struct request_ring *ring = NULL;
    CpaStatus status = ring_of(h, type, &ring);
    if (status != CPA_STATUS_SUCCESS) return status;
    data->coalescingTimerInNs = ring_coalescing_ns(ring);
    data->coalescingTimerMaxInNs = COALESCING_MAX_NS;
    data->coalescingTimerGranularityInNs = COALESCING_GRANULARITY_NS;
    data->reserved1 = 0;
    data->reserved2 = 0;
    return CPA_STATUS_SUCCESS;
}
#endif

/* LAC_CHECK_NULL_PARAM, SAL_RUNNING_CHECK (FAIL), then UNSUPPORTED unless the instance is in event mode. */
static CpaStatus event_instance(CpaInstanceHandle h, struct instance **out) {
    struct instance *in = instance_of(h);
    if (h == NULL || in == NULL) return CPA_STATUS_INVALID_PARAM;
    if (!process_started || in->ring == NULL) return CPA_STATUS_FAIL;
    if (ring_response_mode(in->ring) != RESPONSES_EVENT) return CPA_STATUS_UNSUPPORTED;
    *out = in;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus icp_sal_DcGetFileDescriptor(CpaInstanceHandle h, int *fd) {
    struct instance *in = NULL;
    CpaStatus status = event_instance(h, &in);
    if (status != CPA_STATUS_SUCCESS) return status;
    if (fd == NULL) return CPA_STATUS_INVALID_PARAM;
    int vf_fd = device_vf_fd(in->vf);
    if (vf_fd < 0) return CPA_STATUS_FAIL;
    *fd = vf_fd;
    return CPA_STATUS_SUCCESS;
}

/* Gives nothing back: the eventfd is the VF's, closed at icp_sal_userStop. */
EXPORT CpaStatus icp_sal_DcPutFileDescriptor(CpaInstanceHandle h, int fd) {
    (void) fd;
    struct instance *in = NULL;
    return event_instance(h, &in);
}
