/* Session checks (see qat_session_checks.h). */
#include "qat_release.h"
#include "qat_session_checks.h"

#define LAST_CHECKSUM (RELEASE_HAS_ZSTD_API ? CPA_DC_XXHASH64 : CPA_DC_XXHASH32)

/* dcCheckSessionData: INVALID_PARAM for values out of range or that do not go together. Up to 25.08 the compression
 * type's range is checked here too (3..5); from 26.02 an unknown type is left to dcCheckUnsupportedParams. */
static CpaStatus check_data(const CpaDcSessionSetupData *s) {
    if (s->compLevel < 1 || s->compLevel > 12) return CPA_STATUS_INVALID_PARAM;
    if (s->autoSelectBestHuffmanTree > CPA_DC_ASB_ENABLED) return CPA_STATUS_INVALID_PARAM;
    if (!RELEASE_HAS_ZSTD_API && (s->compType < CPA_DC_DEFLATE || s->compType > CPA_DC_LZ4S)) {
        return CPA_STATUS_INVALID_PARAM;
    }
    /* Every algorithm names a valid Huffman type: it also sets the minimum destination (qat_request_checks.c). */
    if (s->huffType > CPA_DC_HT_FULL_DYNAMIC || s->huffType == CPA_DC_HT_PRECOMP) return CPA_STATUS_INVALID_PARAM;
    if (s->sessDirection > CPA_DC_DIR_COMBINED) return CPA_STATUS_INVALID_PARAM;
    if (s->sessState > CPA_DC_STATELESS) return CPA_STATUS_INVALID_PARAM;
    if (s->checksum > LAST_CHECKSUM) return CPA_STATUS_INVALID_PARAM;
    if (s->compType == CPA_DC_DEFLATE && s->checksum == CPA_DC_XXHASH32) return CPA_STATUS_INVALID_PARAM;
    /* Emulator only: LZ4 is not emulated, so every LZ4 session is UNSUPPORTED (check_algorithm), even one whose
     * checksum or block fields qatlib refuses as INVALID_PARAM here. */
    if (s->compType == CPA_DC_LZ4) return CPA_STATUS_SUCCESS;
    if (s->compType == CPA_DC_LZ4S && s->checksum != CPA_DC_NONE && s->checksum != CPA_DC_XXHASH32) {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (s->compType == CPA_DC_LZ4S && s->minMatch > CPA_DC_MIN_4_BYTE_MATCH) return CPA_STATUS_INVALID_PARAM;
    if (RELEASE_HAS_ZSTD_API && s->compType == CPA_DC_ZSTD && s->checksum != CPA_DC_XXHASH64) {
        return CPA_STATUS_INVALID_PARAM;
    }
    /* Emulator only: CRC32 and Adler-32 together are not emulated for deflate (qatlib accepts them). */
    if (s->compType == CPA_DC_DEFLATE && s->checksum == CPA_DC_CRC32_ADLER32) return CPA_STATUS_INVALID_PARAM;
    return CPA_STATUS_SUCCESS;
}

/* dcCheckUnsupportedParams (26.02+), and the command ids of 22.07-25.08 (dcGetCompressCommandId,
 * dcGetDecompressCommandId: LZ4s has no decompression from 23.08; 22.07 and 23.02 still name one, which the emulator
 * refuses too). LZ4 is not emulated: UNSUPPORTED, as for a device without it. */
static CpaStatus check_algorithm(const CpaDcSessionSetupData *s, const struct capabilities *k, enum generation g) {
    switch (s->compType) {
    case CPA_DC_DEFLATE:
        if (!k->deflate) return CPA_STATUS_UNSUPPORTED;
        if (s->huffType == CPA_DC_HT_STATIC && !k->static_huffman) return CPA_STATUS_UNSUPPORTED;
        if (s->huffType == CPA_DC_HT_FULL_DYNAMIC && !k->dynamic) return CPA_STATUS_UNSUPPORTED;
        return CPA_STATUS_SUCCESS;
    case CPA_DC_LZ4:
        return CPA_STATUS_UNSUPPORTED;
    case CPA_DC_LZ4S: /* lz4s.dirMask = DC_CAPS_COMPRESSION */
        if (!lz4s_available(g, k) || s->sessDirection != CPA_DC_DIR_COMPRESS) return CPA_STATUS_UNSUPPORTED;
        return CPA_STATUS_SUCCESS;
    case CPA_DC_ZSTD:
        if (!zstd_available(g, k)) return CPA_STATUS_UNSUPPORTED;
        /* zstd.asbEnablePref: "CPA_DC_ASB_DISABLED is not supported" (compression sessions only). */
        if (s->sessDirection == CPA_DC_DIR_COMPRESS && s->autoSelectBestHuffmanTree == CPA_DC_ASB_DISABLED) {
            return CPA_STATUS_UNSUPPORTED;
        }
        return CPA_STATUS_SUCCESS;
    default:
        return CPA_STATUS_INVALID_PARAM; /* "Invalid compType value" */
    }
}

/* Emulator only (stricter): a checksum whose capability is switched off, or one the emulated algorithm does not
 * compute (xxHash64 with deflate), is UNSUPPORTED. */
static CpaStatus check_checksum(const CpaDcSessionSetupData *s, const struct capabilities *k) {
    switch (s->checksum) {
    case CPA_DC_CRC32: return k->crc32 ? CPA_STATUS_SUCCESS : CPA_STATUS_UNSUPPORTED;
    case CPA_DC_ADLER32: return k->adler32 ? CPA_STATUS_SUCCESS : CPA_STATUS_UNSUPPORTED;
    case CPA_DC_XXHASH32: return k->xxhash32 ? CPA_STATUS_SUCCESS : CPA_STATUS_UNSUPPORTED;
    case CPA_DC_XXHASH64: return k->xxhash64 && s->compType == CPA_DC_ZSTD ? CPA_STATUS_SUCCESS : CPA_STATUS_UNSUPPORTED;
    default: return CPA_STATUS_SUCCESS;
    }
}

CpaStatus check_session(const CpaDcSessionSetupData *s, const struct capabilities *k, enum generation g) {
    CpaStatus status = check_data(s);
    if (status == CPA_STATUS_SUCCESS) status = check_algorithm(s, k, g);
    if (status != CPA_STATUS_SUCCESS) return status;
    if (s->sessState == CPA_DC_STATEFUL) return CPA_STATUS_UNSUPPORTED; /* Gen4+: stateless only */
    if (!k->stateless) return CPA_STATUS_UNSUPPORTED;
    return check_checksum(s, k);
}
