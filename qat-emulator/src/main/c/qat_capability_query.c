/*
 * cpaDcQueryCapabilityByType (qatlib 25.08+, dc_capabilities.c): one capability of one algorithm in one direction,
 * for the emulated generation. Built in the variants whose release has it (iova, iova-26.02). The same order of
 * checks and the same answers as 26.08 (26.02: no CPA_DC_CAP_BOOL_WINDOW_SIZE_64K, no CPA_DC_CAP_BOOL_DICT_ID:
 * UNSUPPORTED). What the emulator does not emulate (LZ4, dictionaries, integrity CRCs, programmable CRC64, chaining)
 * answers FALSE, as an instance without it would. UNSUPPORTED means "unknown", not "no".
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>

#include "emu_abi.h"
#include "qat_config.h"
#include "qat_generation.h"
#include "qat_instance.h"
#include "qat_release.h"

#if RELEASE_HAS_CAPABILITY_QUERY

#define EXPORT __attribute__((visibility("default")))

enum { CAP_STATELESS = 0, CAP_STATEFUL, CAP_STATEFUL_LITE, CAP_WINDOW_4K, CAP_WINDOW_64K = 7, CAP_DEFAULT_WINDOW,
       CAP_DYNAMIC, CAP_STATIC, CAP_BLOCK_CHECKSUM, CAP_ACCUMULATE_XXHASH, CAP_BLOCK_64K, CAP_BLOCK_4M = 16,
       CAP_BLOCK_BITMASK, CAP_CRC32, CAP_ADLER32, CAP_XXHASH32, CAP_XXHASH64, CAP_ASB, CAP_ASB_THRESHOLD, CAP_ASB_RATIO,
       CAP_ASB_PREFERRED, CAP_DETERMINISM, CAP_OVERFLOW_RESUBMIT, CAP_CNV, CAP_CNVNR, CAP_INTEGRITY_CRC32,
       CAP_INTEGRITY_CRC64, CAP_HASH_THEN_COMPRESS, CAP_COMPRESS_THEN_AEAD, CAP_AEAD_THEN_DECOMPRESS,
       CAP_UNCOMPRESSED_DICT, CAP_COMPRESSED_DICT, CAP_ZERO_LENGTH, CAP_PCRC64, CAP_CHAIN_PCRC64, CAP_E2E_CRC_BLOCK,
       CAP_DICT_ID };

/* One algorithm on the emulated generation: directions (bit 0 compress, bit 1 decompress), window sizes (bit i:
 * 4 KiB << i) per direction, history (a CpaDcCompWindowSize), zero-length requests, "keep ASB enabled". */
struct algorithm {
    unsigned dirs, windows[2];
    uint32_t history;
    int zero_length, asb_preferred;
};

static struct algorithm algorithm_of(uint32_t algo, enum generation g, const struct capabilities *k) {
    struct algorithm a = {0, {0, 0}, 0, 0, 0};
    int gen6 = g == GEN_6XXX;
    if (algo == CPA_DC_DEFLATE && k->deflate) { /* deflate.dirMask, validWindowSizeMask*, historyBufferSize */
        a = (struct algorithm) {3, {1u << 3, 0xfu}, CPA_DC_WINSIZE_32K, 1, 0};
    } else if (algo == CPA_DC_LZ4S && lz4s_available(g, k)) { /* compress only, 32 KiB (Gen4) or 64 KiB (Gen6) */
        a = (struct algorithm) {1, {gen6 ? 1u << 4 : 1u << 3, 0}, gen6 ? CPA_DC_WINSIZE_64K : CPA_DC_WINSIZE_32K, 1, 0};
    } else if (algo == CPA_DC_ZSTD && zstd_available(g, k)) {
        a = (struct algorithm) {3, {1u << 4, 0x1fu}, CPA_DC_WINSIZE_64K, 1, 1};
    } /* LZ4: not emulated, as an instance without it */
    return a;
}

static CpaStatus answer(uint32_t algo, uint32_t dir, uint32_t cap, enum generation g, const struct capabilities *k,
                        CpaDcCapabilityResp *r) {
    struct algorithm a = algorithm_of(algo, g, k);
    int compress = dir == CPA_DC_DIR_COMPRESS, gen6 = g == GEN_6XXX;
    unsigned dir_bit = compress ? 1u : 2u;
    switch (cap) {
    case CAP_STATELESS: r->boolStatus = k->stateless && (a.dirs & dir_bit) != 0; return CPA_STATUS_SUCCESS;
    case CAP_STATEFUL: return CPA_STATUS_SUCCESS; /* sessState: stateless only */
    case CAP_STATEFUL_LITE: r->boolStatus = algo == CPA_DC_DEFLATE && !gen6; return CPA_STATUS_SUCCESS;
    case CAP_WINDOW_64K:
        if (QATLIB_RELEASE < 2608) return CPA_STATUS_UNSUPPORTED; /* 26.02: "Window size is not supported" */
        /* fall through */
    case CAP_WINDOW_4K: case CAP_WINDOW_4K + 1: case CAP_WINDOW_4K + 2: case CAP_WINDOW_4K + 3:
        r->boolStatus = (a.windows[compress ? 0 : 1] >> (cap - CAP_WINDOW_4K)) & 1;
        return CPA_STATUS_SUCCESS;
    case CAP_DEFAULT_WINDOW: r->u32Status = a.history; return CPA_STATUS_SUCCESS;
    case CAP_DYNAMIC: r->boolStatus = compress && k->dynamic; return CPA_STATUS_SUCCESS;
    case CAP_STATIC: r->boolStatus = compress && k->static_huffman; return CPA_STATUS_SUCCESS;
    case CAP_BLOCK_CHECKSUM: case CAP_ACCUMULATE_XXHASH: case CAP_BLOCK_BITMASK: return CPA_STATUS_SUCCESS;
    case CAP_CRC32: r->boolStatus = k->crc32; return CPA_STATUS_SUCCESS;
    case CAP_ADLER32: r->boolStatus = k->adler32; return CPA_STATUS_SUCCESS;
    case CAP_XXHASH32: r->boolStatus = k->xxhash32; return CPA_STATUS_SUCCESS;
    case CAP_XXHASH64: r->boolStatus = k->xxhash64 && gen6; return CPA_STATUS_SUCCESS;
    case CAP_ASB: r->boolStatus = compress && algo != CPA_DC_LZ4S; return CPA_STATUS_SUCCESS;
    case CAP_ASB_THRESHOLD: case CAP_ASB_RATIO: r->boolStatus = compress && algo != CPA_DC_LZ4S && gen6;
        return CPA_STATUS_SUCCESS;
    case CAP_ASB_PREFERRED: r->boolStatus = compress && a.asb_preferred; return CPA_STATUS_SUCCESS;
    case CAP_DETERMINISM: r->boolStatus = compress && gen6; return CPA_STATUS_SUCCESS;
    case CAP_OVERFLOW_RESUBMIT: r->boolStatus = !gen6; return CPA_STATUS_SUCCESS;
    case CAP_CNV: r->boolStatus = compress && k->cnv; return CPA_STATUS_SUCCESS;
    case CAP_CNVNR: r->boolStatus = compress && k->cnvnr; return CPA_STATUS_SUCCESS;
    case CAP_INTEGRITY_CRC32: case CAP_INTEGRITY_CRC64: case CAP_HASH_THEN_COMPRESS: case CAP_COMPRESS_THEN_AEAD:
    case CAP_AEAD_THEN_DECOMPRESS: case CAP_UNCOMPRESSED_DICT: case CAP_COMPRESSED_DICT: case CAP_PCRC64:
        return CPA_STATUS_SUCCESS; /* not emulated */
    case CAP_ZERO_LENGTH: r->boolStatus = compress && a.zero_length; return CPA_STATUS_SUCCESS;
    case CAP_CHAIN_PCRC64: /* dcChainGetPcrc64CapabilityStatus has no LZ4s case */
        return algo == CPA_DC_LZ4S ? CPA_STATUS_UNSUPPORTED : CPA_STATUS_SUCCESS;
    case CAP_E2E_CRC_BLOCK: return algo == CPA_DC_LZ4 ? CPA_STATUS_SUCCESS : CPA_STATUS_UNSUPPORTED;
    case CAP_DICT_ID: return QATLIB_RELEASE < 2608 ? CPA_STATUS_UNSUPPORTED : CPA_STATUS_SUCCESS;
    default:
        if (cap >= CAP_BLOCK_64K && cap <= CAP_BLOCK_4M) { /* LZ4 only; LZ4 is not emulated */
            return algo == CPA_DC_LZ4 ? CPA_STATUS_SUCCESS : CPA_STATUS_UNSUPPORTED;
        }
        return CPA_STATUS_UNSUPPORTED; /* "Capability is not supported" */
    }
}

EXPORT CpaStatus cpaDcQueryCapabilityByType(CpaInstanceHandle h, CpaDcCapabilityReq req, CpaDcCapabilityResp *resp) {
    if (instance_of(h) == NULL || resp == NULL) return CPA_STATUS_INVALID_PARAM;
    memset(resp, 0, sizeof *resp);
    if (req.algo < CPA_DC_DEFLATE || req.algo > CPA_DC_ZSTD) return CPA_STATUS_UNSUPPORTED;
    if (req.dir == CPA_DC_DIR_COMBINED) return CPA_STATUS_INVALID_PARAM;
    if (req.dir > CPA_DC_DIR_COMBINED) return CPA_STATUS_UNSUPPORTED;
    pthread_mutex_lock(&config_lock);
    enum generation g = generation;
    struct capabilities k = caps;
    pthread_mutex_unlock(&config_lock);
    return answer(req.algo, req.dir, req.capId, g, &k, resp);
}

#endif
