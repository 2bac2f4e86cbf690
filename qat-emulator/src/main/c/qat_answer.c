/* The device's answer to an LZ4s or zstd compression (see qat_answer.h). */
#include "emu_abi.h"
#include "qat_answer.h"
#include "qat_device_state.h"
#include "qat_xxhash.h"

uint32_t xxhash_checksum(uint32_t type, const uint8_t *in, uint64_t n) {
    if (type == CPA_DC_XXHASH32) return xxhash32(in, n, 0);
    if (type == CPA_DC_XXHASH64) return (uint32_t) xxhash64(in, n, 0);
    return 0;
}

int answer_compression(struct request *rq, const uint8_t *in, uint64_t n, const uint8_t *out, uint64_t out_len,
                       uint64_t needed, struct device_list *dst) {
    if (dst->total >= needed) {
        if (!scatter(dst, out, out_len)) return 0;
        rq->status = CPA_DC_OK;
        rq->pass = 1;
        rq->callback_status = CPA_STATUS_SUCCESS;
        rq->produced = (uint32_t) out_len;
        rq->consumed = (uint32_t) n;
        rq->checksum = xxhash_checksum(rq->checksum_type, in, n);
        rq->checksum_valid = 1;
        return 1;
    }
    uint64_t produced = dst->total < out_len ? dst->total : out_len; /* the device fills the destination, stops */
    if (!scatter(dst, out, produced)) return 0;
    rq->status = CPA_DC_OVERFLOW;
    DEVICE_COUNT(overflows, 1);
    if (rq->generation != GEN_6XXX) { /* overflowResubmitUnsupported FALSE: a pass with partial counts */
        uint64_t consumed = needed == 0 ? 0 : n * produced / needed;
        if (consumed >= n && n > 0) consumed = n - 1;
        rq->callback_status = CPA_STATUS_SUCCESS;
        rq->produced = (uint32_t) produced;
        rq->consumed = (uint32_t) consumed;
        rq->checksum = xxhash_checksum(rq->checksum_type, in, consumed);
        rq->checksum_valid = 1;
    }
    return 1;
}
