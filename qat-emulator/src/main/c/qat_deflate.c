/* The device's compression engine (see qat_deflate.h). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "emu_abi.h"
#include "qat_deflate.h"
#include "qat_device_state.h"
#include "qat_generation.h"

/* Per device thread: zlib streams and buffers kept from request to request (the device's own memory). */
struct scratch {
    z_stream def, inf;
    int def_ready, def_level, def_strategy, inf_ready;
    uint8_t *in, *out;
    uint64_t in_cap, out_cap;
};
static __thread struct scratch scratch;

static uint8_t *room(uint8_t **buf, uint64_t *cap, uint64_t want) {
    if (want == 0) want = 1;
    if (*cap < want) {
        uint8_t *p = realloc(*buf, want);
        if (p == NULL) return NULL;
        *buf = p;
        *cap = want;
    }
    return *buf;
}

static z_stream *deflater(int level, int strategy) {
    struct scratch *k = &scratch;
    if (!k->def_ready) {
        memset(&k->def, 0, sizeof k->def);
        if (deflateInit2(&k->def, level, Z_DEFLATED, -15, 8, strategy) != Z_OK) return NULL;
        k->def_ready = 1;
    } else {
        deflateReset(&k->def);
        if ((k->def_level != level || k->def_strategy != strategy)
                && deflateParams(&k->def, level, strategy) != Z_OK) {
            return NULL;
        }
    }
    k->def_level = level;
    k->def_strategy = strategy;
    return &k->def;
}

static z_stream *inflater(void) {
    struct scratch *k = &scratch;
    if (!k->inf_ready) {
        memset(&k->inf, 0, sizeof k->inf);
        if (inflateInit2(&k->inf, -15) != Z_OK) return NULL;
        k->inf_ready = 1;
    } else {
        inflateReset(&k->inf);
    }
    return &k->inf;
}

void scratch_free(void) {
    if (scratch.def_ready) deflateEnd(&scratch.def);
    if (scratch.inf_ready) inflateEnd(&scratch.inf);
    free(scratch.in);
    free(scratch.out);
    memset(&scratch, 0, sizeof scratch);
}

uint8_t *scratch_input(uint64_t n) {
    return room(&scratch.in, &scratch.in_cap, n);
}

void scratch_warm(void) {
    enum { WARM = 256 << 10 };
    uint8_t *in = room(&scratch.in, &scratch.in_cap, WARM), *out = room(&scratch.out, &scratch.out_cap, WARM);
    if (in != NULL) memset(in, 0, WARM);
    if (out != NULL) memset(out, 0, WARM);
    deflater(6, Z_DEFAULT_STRATEGY);
    inflater();
}

static uint32_t checksum_of(uint32_t type, uint32_t seed, const uint8_t *p, uint64_t n) {
    if (type == CPA_DC_CRC32) return (uint32_t) crc32_z(seed, p, n);
    if (type == CPA_DC_ADLER32) return (uint32_t) adler32_z(seed, p, n);
    return 0;
}

/* Raw deflate stored blocks: what the device emits for data it cannot compress (storedBlockGeneration). */
static uint64_t store(const uint8_t *in, uint64_t n, uint8_t *out) {
    uint64_t at = 0, done = 0;
    do {
        uint32_t k = n - done > 65535 ? 65535 : (uint32_t) (n - done);
        int last = done + k == n;
        out[at++] = last ? 1 : 0;
        out[at++] = (uint8_t) (k & 0xff);
        out[at++] = (uint8_t) (k >> 8);
        out[at++] = (uint8_t) (~k & 0xff);
        out[at++] = (uint8_t) ((~k >> 8) & 0xff);
        memcpy(out + at, in + done, k);
        at += k;
        done += k;
    } while (done < n);
    return at;
}

int compress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    int level = rq->level < 1 ? 1 : rq->level > 9 ? 9 : (int) rq->level;
    z_stream *zp = deflater(level, rq->huff_type == CPA_DC_HT_STATIC ? Z_FIXED : Z_DEFAULT_STRATEGY);
    if (zp == NULL) {
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    uint64_t cap = deflateBound(zp, (uLong) n) + 5 * (n / 65535 + 2) + 64;
    uint8_t *out = room(&scratch.out, &scratch.out_cap, cap);
    if (out == NULL) {
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    int flush = rq->flush == CPA_DC_FLUSH_FINAL ? Z_FINISH : rq->flush == CPA_DC_FLUSH_FULL ? Z_FULL_FLUSH : Z_SYNC_FLUSH;
    zp->next_in = (Bytef *) in;
    zp->avail_in = (uInt) n;
    zp->next_out = out;
    zp->avail_out = (uInt) cap;
    int rc = deflate(zp, flush);
    uint64_t out_len = zp->total_out;
    if ((flush == Z_FINISH && rc != Z_STREAM_END) || (flush != Z_FINISH && rc != Z_OK)) {
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    /* Incompressible input: the device emits stored blocks, but only a destination of the generation's full bound
     * is certain to hold what it produces on the way (cpaDcDeflateCompressBound's promise). The emulated device is
     * the strictest such device: short of the bound, incompressible input overflows. */
    int incompressible = n > 0 && out_len >= n;
    if (incompressible && flush == Z_FINISH) out_len = store(in, n, out);
    uint64_t needed = out_len;
    if (incompressible) {
        uint32_t bound;
        needed = deflate_bound(rq->generation, rq->huff_type, (uint32_t) n, &bound) == CPA_STATUS_SUCCESS ? bound
                                                                                                     : UINT64_MAX;
    }
    rq->uncompressed = incompressible;
    if (dst->total >= needed) {
        if (!scatter(dst, out, out_len)) return 0;
        rq->status = CPA_DC_OK;
        rq->pass = 1;
        rq->callback_status = CPA_STATUS_SUCCESS;
        rq->produced = (uint32_t) out_len;
        rq->consumed = (uint32_t) n;
        rq->checksum = checksum_of(rq->checksum_type, rq->seed, in, n);
        rq->checksum_valid = 1;
    } else {
        /* The device fills the destination and stops. */
        uint64_t produced = dst->total < out_len ? dst->total : out_len;
        if (!scatter(dst, out, produced)) return 0;
        rq->status = CPA_DC_OVERFLOW;
        DEVICE_COUNT(overflows, 1);
        if (rq->generation != GEN_6XXX) {
            /* Gen4: overflow is a valid outcome of a stateless compression: callback SUCCESS, partial counts. */
            uint64_t consumed = needed == 0 ? 0 : n * produced / needed;
            if (consumed >= n && n > 0) consumed = n - 1;
            rq->callback_status = CPA_STATUS_SUCCESS;
            rq->produced = (uint32_t) produced;
            rq->consumed = (uint32_t) consumed;
            rq->checksum = checksum_of(rq->checksum_type, rq->seed, in, consumed);
            rq->checksum_valid = 1;
        } /* 6xxx (overflowResubmitUnsupported): a failed request, no counts. */
    }
    return 1;
}

/* zlib's message -> the nearest CpaDcReqStatus the device would report. */
static int32_t inflate_error(const char *msg) {
    if (msg == NULL) return CPA_DC_INVALID_CODE;
    if (strstr(msg, "block type")) return CPA_DC_INVALID_BLOCK_TYPE;
    if (strstr(msg, "stored block")) return CPA_DC_BAD_STORED_BLOCK_LEN;
    if (strstr(msg, "too many length")) return CPA_DC_TOO_MANY_CODES;
    if (strstr(msg, "code lengths set")) return CPA_DC_INCOMPLETE_CODE_LENS;
    if (strstr(msg, "repeat")) return CPA_DC_REPEATED_LENS;
    if (strstr(msg, "literal/lengths set")) return CPA_DC_BAD_LITLEN_CODES;
    if (strstr(msg, "distances set")) return CPA_DC_BAD_DIST_CODES;
    if (strstr(msg, "distance too far") || strstr(msg, "distance code")) return CPA_DC_INVALID_DIST;
    return CPA_DC_INVALID_CODE;
}

int decompress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    z_stream *zp = inflater();
    uint64_t cap = dst->total + 1; /* one byte more than the destination tells an overflow from an exact fit */
    uint8_t *out = room(&scratch.out, &scratch.out_cap, cap);
    if (zp == NULL || out == NULL) {
        rq->status = CPA_DC_FATALERR;
        return 1;
    }
    zp->next_in = (Bytef *) in;
    zp->avail_in = (uInt) n;
    zp->next_out = out;
    zp->avail_out = (uInt) cap;
    int rc = inflate(zp, Z_FINISH);
    uint64_t produced = zp->total_out, consumed = zp->total_in;
    if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR) {
        rq->status = rc == Z_DATA_ERROR ? inflate_error(zp->msg) : CPA_DC_FATALERR;
    } else if (produced > dst->total) {
        if (!scatter(dst, out, dst->total)) return 0;
        rq->status = CPA_DC_OVERFLOW; /* stateless decompression: not a pass, no counts, callback FAIL */
        DEVICE_COUNT(overflows, 1);
    } else {
        /* The end of the stream, or input cut short: Gen4 and Gen6 bypass the incomplete-file error (deflate only),
         * so both answer OK; endOfLastBlock tells them apart. */
        int end = rc == Z_STREAM_END;
        if (!scatter(dst, out, produced)) return 0;
        rq->status = CPA_DC_OK;
        rq->pass = 1;
        rq->callback_status = CPA_STATUS_SUCCESS;
        rq->produced = (uint32_t) produced;
        rq->consumed = (uint32_t) (end ? consumed : n);
        rq->eolb = end;
        rq->checksum = checksum_of(rq->checksum_type, rq->seed, out, produced);
        rq->checksum_valid = 1;
        if (end && consumed < n) DEVICE_COUNT(decompress_trailing_bytes, n - consumed);
    }
    return 1;
}
