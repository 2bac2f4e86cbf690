/* The compression bound of each generation (see qat_generation.h): used by the API and by the device. */
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
