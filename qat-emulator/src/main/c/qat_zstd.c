/* Native zstd on the device (see qat_zstd.h). */
#define ZSTD_STATIC_LINKING_ONLY /* ZSTD_getFrameHeader, ZSTD_frameHeaderSize: exported by libzstd.so.1 */
#include <stdlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "emu_abi.h"
#include "qat_answer.h"
#include "qat_device_state.h"
#include "qat_generation.h"
#include "qat_zstd.h"

/* Per device thread, kept from request to request. */
static __thread ZSTD_CCtx *cctx;
static __thread ZSTD_DCtx *dctx;
static __thread uint8_t *out;
static __thread uint64_t out_cap;

void zstd_scratch_free(void) {
    ZSTD_freeCCtx(cctx);
    ZSTD_freeDCtx(dctx);
    free(out);
    cctx = NULL;
    dctx = NULL;
    out = NULL;
    out_cap = 0;
}

static int room(uint64_t want) {
    if (want == 0) want = 1;
    if (out_cap >= want) return 1;
    uint8_t *p = realloc(out, want);
    if (p == NULL) return 0;
    out = p;
    out_cap = want;
    return 1;
}

/* Whether every block of the frame is a raw block: the input as it was ("dataUncompressed"). */
static int only_raw_blocks(const uint8_t *f, size_t len) {
    size_t at = ZSTD_frameHeaderSize(f, len);
    if (ZSTD_isError(at)) return 0;
    for (int last = 0; !last && at + 3 <= len;) {
        uint32_t header = (uint32_t) f[at] | (uint32_t) f[at + 1] << 8 | (uint32_t) f[at + 2] << 16;
        uint32_t type = (header >> 1) & 3, size = header >> 3;
        if (type != 0) return 0;
        last = header & 1;
        at += 3 + size;
    }
    return 1;
}

static int setup_compressor(uint32_t level) {
    if (cctx == NULL) cctx = ZSTD_createCCtx();
    if (cctx == NULL) return 0;
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
    return !ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, (int) level))
        && !ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_windowLog, ZSTD_DEVICE_WINDOW_LOG))
        && !ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1))
        && !ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1));
}

int zstd_compress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    uint32_t bound;
    size_t len = 0;
    if (zstd_bound((uint32_t) n, &bound) == CPA_STATUS_SUCCESS && setup_compressor(rq->level)
            && room(ZSTD_compressBound(n))) {
        len = ZSTD_compress2(cctx, out, out_cap, in, n);
    }
    if (len == 0 || ZSTD_isError(len) || len > bound) { /* never for a frame of raw blocks: the bound's worst case */
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    rq->uncompressed = only_raw_blocks(out, len);
    return answer_compression(rq, in, n, out, len, n > 0 && len >= n ? bound : len, dst);
}

/* libzstd's error -> the device's status for it. */
static int32_t decode_error(size_t rc) {
    switch (ZSTD_getErrorCode(rc)) {
    case ZSTD_error_prefix_unknown:
    case ZSTD_error_frameParameter_unsupported:
    case ZSTD_error_frameParameter_windowTooLarge:
    case ZSTD_error_dictionary_wrong: return CPA_DC_INVALID_ZSTD_FRAME;
    case ZSTD_error_checksum_wrong: return CPA_DC_ZSTD_FRAME_CONTENT_CHECKSUM_MISMATCH;
    case ZSTD_error_dstSize_tooSmall: return CPA_DC_OVERFLOW;
    default: return CPA_DC_ZSTD_LITERAL_DECOMPRESSION_DATA_ERROR; /* the hardware's exact code is not modelled */
    }
}

/* The frame at in: its compressed size, or a status (negative) that refuses it. */
static int64_t frame_size(const uint8_t *in, uint64_t n) {
    ZSTD_frameHeader header;
    size_t rc = ZSTD_getFrameHeader(&header, in, n);
    if (ZSTD_isError(rc)) return decode_error(rc);
    if (rc > 0) return CPA_DC_INCOMPLETE_FILE_ERR; /* the header itself is cut short */
    /* One zstd frame with at most the device's 64 KiB window (validWindowSizeMaskDecompression: 4K..64K). */
    if (header.frameType != ZSTD_frame || header.windowSize > (1u << ZSTD_DEVICE_WINDOW_LOG) || header.dictID != 0) {
        return CPA_DC_INVALID_ZSTD_FRAME;
    }
    size_t size = ZSTD_findFrameCompressedSize(in, n);
    if (ZSTD_isError(size)) {
        return ZSTD_getErrorCode(size) == ZSTD_error_srcSize_wrong ? CPA_DC_INCOMPLETE_FILE_ERR : decode_error(size);
    }
    return (int64_t) size;
}

int zstd_decompress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    int64_t size = frame_size(in, n);
    if (size < 0) { /* only deflate's incomplete-file error is bypassed: a frame cut short fails */
        rq->status = (int32_t) size;
        return 1;
    }
    if (dctx == NULL) dctx = ZSTD_createDCtx();
    if (dctx == NULL || !room(dst->total + 1)) {
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    size_t produced = ZSTD_decompressDCtx(dctx, out, dst->total + 1, in, (size_t) size);
    rq->status = ZSTD_isError(produced) ? decode_error(produced) : produced > dst->total ? CPA_DC_OVERFLOW : CPA_DC_OK;
    if (rq->status == CPA_DC_OVERFLOW) DEVICE_COUNT(overflows, 1); /* stateless: a failure without counts */
    if (rq->status != CPA_DC_OK) return 1;
    if (!scatter(dst, out, produced)) return 0;
    rq->pass = 1;
    rq->callback_status = CPA_STATUS_SUCCESS;
    rq->produced = (uint32_t) produced;
    rq->consumed = (uint32_t) size;
    rq->eolb = 1;
    rq->checksum = xxhash_checksum(rq->checksum_type, out, produced);
    rq->checksum_valid = 1;
    if ((uint64_t) size < n) DEVICE_COUNT(decompress_trailing_bytes, n - (uint64_t) size);
    return 1;
}
