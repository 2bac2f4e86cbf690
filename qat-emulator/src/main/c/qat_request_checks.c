/* qatlib's checks of a request (see qat_request_checks.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>

#include "qat_config.h"
#include "qat_faults.h"
#include "qat_counters.h"
#include "qat_instance.h"
#include "qat_request_checks.h"
#include "qat_session.h"

#define DC_BUFFER_MAX_SIZE 0xFFFFFFFFULL

static int is_bool(uint32_t v) {
    return v == CPA_TRUE || v == CPA_FALSE;
}

/* LacBuffDesc_BufferListVerify(Null): a list, its flat array and metadata, at least one flat, data where a length is. */
static int verify_list(const CpaBufferList *l, int allow_null_empty, uint64_t *total) {
    if (l == NULL || l->pBuffers == NULL || l->pPrivateMetaData == NULL || l->numBuffers == 0) return 0;
    *total = 0;
    for (uint32_t i = 0; i < l->numBuffers; i++) {
        const CpaFlatBuffer *f = &l->pBuffers[i];
        if (f->pData == NULL && (f->dataLenInBytes != 0 || !allow_null_empty)) return 0;
        *total += f->dataLenInBytes;
    }
    return 1;
}

/* dc_datapath.c: dcCheckOpData. Integrity CRCs and skip regions are not emulated: refused as unsupported. */
static CpaStatus check_op(const CpaDcOpData *op) {
    if (op->flushFlag > CPA_DC_FLUSH_FULL) return CPA_STATUS_INVALID_PARAM;
    if (op->inputSkipData.skipMode > CPA_DC_SKIP_STRIDE || op->outputSkipData.skipMode > CPA_DC_SKIP_STRIDE) {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (!op->integrityCrcCheck && op->verifyHwIntegrityCrcs == CPA_TRUE) return CPA_STATUS_INVALID_PARAM;
    if (!is_bool(op->integrityCrcCheck) || !is_bool(op->verifyHwIntegrityCrcs) || !is_bool(op->compressAndVerify)) {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (op->integrityCrcCheck && op->pCrcData == NULL) return CPA_STATUS_INVALID_PARAM;
    if (op->integrityCrcCheck || op->inputSkipData.skipMode != 0 || op->outputSkipData.skipMode != 0) {
        return CPA_STATUS_UNSUPPORTED;
    }
    return CPA_STATUS_SUCCESS;
}

static CpaStatus refuse(CpaStatus status) {
    if (status == CPA_STATUS_INVALID_PARAM) atomic_fetch_add(&invalid_params, 1);
    return status;
}

CpaStatus check_request(int compress, CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                        CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, struct checked_request *out) {
    if (compress) {
        /* cpaDcCompressData2, before anything else. */
        if (op == NULL) return refuse(CPA_STATUS_INVALID_PARAM);
        if (!is_bool(op->compressAndVerify) || !is_bool(op->compressAndVerifyAndRecover)
                || (!op->compressAndVerify && op->compressAndVerifyAndRecover)) {
            return refuse(CPA_STATUS_INVALID_PARAM);
        }
        if (!op->compressAndVerify) { /* "Data compression without verification is not allowed" */
            atomic_fetch_add(&cnv_refusals, 1);
            return CPA_STATUS_UNSUPPORTED;
        }
    }
    struct instance *in = instance_of(h);
    struct session *s = session;
    if (in == NULL || s == NULL || op == NULL || in->translate == NULL) return refuse(CPA_STATUS_INVALID_PARAM);
    if (!process_started || !in->started) return CPA_STATUS_FAIL; /* SAL_RUNNING_CHECK */
    if (s->magic != SESSION_MAGIC || s->instance != in) return refuse(CPA_STATUS_INVALID_PARAM);
    uint64_t src_total, dst_total;
    if (!verify_list(src, 1, &src_total)) return refuse(CPA_STATUS_INVALID_PARAM);
    pthread_mutex_lock(&config_lock);
    struct capabilities k = caps;
    enum generation g = generation;
    long long delay = latency_us;
    int no_match = lz4s_no_match;
    unsigned long long seed = emulator_seed();
    pthread_mutex_unlock(&config_lock);
    if (compress && !k.cnv) { /* "CompressAndVerify feature is not supported" */
        atomic_fetch_add(&cnv_refusals, 1);
        return CPA_STATUS_UNSUPPORTED;
    }
    /* dcCheckSourceData, dcCheckDestinationData, dcCheckOpData, the direction. */
    if (results == NULL || src == dst || src_total > DC_BUFFER_MAX_SIZE) return refuse(CPA_STATUS_INVALID_PARAM);
    if (!verify_list(dst, 0, &dst_total) || dst_total > DC_BUFFER_MAX_SIZE) return refuse(CPA_STATUS_INVALID_PARAM);
    if (compress) {
        /* minOutputBuffSizeDynamic / minOutputBuffSize: 512 / 1026 bytes on Gen4, 6 / 2 on Gen6. */
        uint64_t min = s->huff_type == CPA_DC_HT_FULL_DYNAMIC ? (g == GEN_6XXX ? 6 : 512) : (g == GEN_6XXX ? 2 : 1026);
        if (dst_total < min) return refuse(CPA_STATUS_INVALID_PARAM);
    } else if (dst_total < 1) {
        return refuse(CPA_STATUS_INVALID_PARAM);
    }
    CpaStatus status = check_op(op);
    if (status != CPA_STATUS_SUCCESS) return refuse(status);
    /* Emulator only (stricter): an LZ4s or zstd compression is one whole stateless request ("LZ4S FW requires users
     * to set the BFINAL for every request", qatlib's performance sample; qatlib itself does not check). */
    if (compress && s->comp_type != CPA_DC_DEFLATE && op->flushFlag != CPA_DC_FLUSH_FINAL) {
        return refuse(CPA_STATUS_INVALID_PARAM);
    }
    if (compress ? s->direction == CPA_DC_DIR_DECOMPRESS : s->direction == CPA_DC_DIR_COMPRESS) {
        return refuse(CPA_STATUS_INVALID_PARAM);
    }
    if (s->callback == NULL) return refuse(CPA_STATUS_INVALID_PARAM); /* synchronous mode is not emulated */
    out->instance = in;
    out->session = s;
    out->generation = g;
    out->latency_us = delay;
    out->no_match_tokens = no_match;
    out->seed = seed;
    return CPA_STATUS_SUCCESS;
}
