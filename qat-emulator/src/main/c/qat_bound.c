/* The compression bounds and the LZ4s window of each generation (see qat_generation.h): used by the API and by the
 * device. */
#include <stdint.h>

#include "emu_abi.h"
#include "qat_generation.h"

/* dc_buffers.c: dcDeflateBoundGen4 (4xxx), dcDeflateBoundGen4_2 (420xx, from qatlib 26.08), dcDeflateBoundGen6. */
CpaStatus deflate_bound(enum generation g, uint32_t huff, uint32_t input, uint32_t *output) {
    uint64_t n = input, out;
    if (g == GEN_6XXX) {
        if (huff != CPA_DC_HT_FULL_DYNAMIC) return CPA_STATUS_INVALID_PARAM;
        out = n + ((n >> 12) + 1) * 5;
    } else if (huff == CPA_DC_HT_STATIC) {
        out = (9 * n + 7) / 8 + 1029;
    } else if (huff == CPA_DC_HT_FULL_DYNAMIC) {
        out = 512 + (9 * n + 7) / 8 + ((8 * n * 155) / 7) / (g == GEN_420XX ? 4 * 1024 : 16 * 1024);
    } else {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (out & 0xFFFFFFFF00000000ULL) return CPA_STATUS_INVALID_PARAM;
    *output = (uint32_t) out;
    return CPA_STATUS_SUCCESS;
}

/* dc_buffers.c: dcLZ4SBoundGen4 (4xxx, 420xx) n + ceil(n/2000)*11 + 1024, in 22.07-23.08 and again from 25.08 (23.11
 * to 24.09 used ceil(n/18), a release no variant models); dcLZ4SBoundGen6 n + ceil(n/18) + 1. */
CpaStatus lz4s_bound(enum generation g, uint32_t input, uint32_t *output) {
    uint64_t n = input;
    uint64_t out = g == GEN_6XXX ? n + (n + 17) / 18 + 1 : n + (n + 1999) / 2000 * 11 + 1024;
    if (out & 0xFFFFFFFF00000000ULL) return CPA_STATUS_INVALID_PARAM;
    *output = (uint32_t) out;
    return CPA_STATUS_SUCCESS;
}

/* dc_buffers.c: dcZstdBoundGen6, 14 (frame header) + n + ((n >> 16) + 1) * 3 (a block header per 64 KiB) + 4 (the
 * content checksum). */
CpaStatus zstd_bound(uint32_t input, uint32_t *output) {
    uint64_t n = input;
    uint64_t out = 14 + n + ((n >> 16) + 1) * 3 + 4;
    if (out & 0xFFFFFFFF00000000ULL) return CPA_STATUS_INVALID_PARAM;
    *output = (uint32_t) out;
    return CPA_STATUS_SUCCESS;
}

/* lz4s.historyBufferSize: CPA_DC_WINSIZE_32K on 4xxx/420xx, 64K on 6xxx (the 16-bit offset field's largest value). */
uint32_t lz4s_window(enum generation g) {
    return g == GEN_6XXX ? 65535 : 32768;
}
