/* Host memory as the device reaches it (see qat_device_memory.h). */
#define _GNU_SOURCE
#include <string.h>

#include "emu_abi.h"
#include "qat_device_memory.h"
#include "qat_usdm_link.h"

int device_list(uint64_t desc, struct device_list *out) {
    int mapped;
    IcpBufferListDesc *hdr = usdm_resolve(desc, sizeof(IcpBufferListDesc), &mapped);
    if (hdr == NULL || hdr->numBuffers == 0 || hdr->numBuffers >= MAX_SGL_BUFFERS) return 0;
    uint32_t n = hdr->numBuffers;
    IcpFlatBufferDesc *flats = usdm_resolve(desc + sizeof(IcpBufferListDesc), sizeof(IcpFlatBufferDesc) * n, &mapped);
    if (flats == NULL) return 0;
    out->n = n;
    out->total = out->mapped = 0;
    for (uint32_t i = 0; i < n; i++) {
        out->len[i] = flats[i].dataLenInBytes;
        out->host[i] = NULL;
        if (out->len[i] == 0) continue;
        /* Only the start was translated: the whole flat must lie in the same registration. */
        out->host[i] = usdm_resolve(flats[i].phyBuffer, out->len[i], &mapped);
        if (out->host[i] == NULL) return 0;
        out->total += out->len[i];
        if (mapped) out->mapped += out->len[i];
    }
    return 1;
}

void gather(const struct device_list *l, uint8_t *to) {
    for (uint32_t i = 0; i < l->n; i++) {
        if (l->len[i] == 0) continue;
        memcpy(to, l->host[i], l->len[i]);
        to += l->len[i];
    }
}

void scatter(const struct device_list *l, const uint8_t *from, uint64_t bytes) {
    for (uint32_t i = 0; i < l->n && bytes > 0; i++) {
        uint64_t k = l->len[i] < bytes ? l->len[i] : bytes;
        if (k == 0) continue;
        memcpy(l->host[i], from, k);
        from += k;
        bytes -= k;
    }
}
