/* The descriptors the device reads, and the translation they need (see qat_descriptors.h). */
#define _GNU_SOURCE
#include <stdatomic.h>

#include "qat_counters.h"
#include "qat_descriptors.h"
#include "qat_instance.h"
#include "qat_request.h"
#include "qat_usdm_link.h"

int device_readable(struct instance *in, const void *p, uint64_t len) {
    int mapped;
    if (p == NULL) return 0;
    uint64_t iova = in->translate((void *) p);
    return iova != 0 && usdm_resolve(iova, len == 0 ? 1 : len, &mapped) != NULL;
}

/* dcCreateRequest's descriptor write (lac_buffer_desc.c): at most 255 flats; the metadata's and every flat's start
 * translated (0 fails the request); a header and one descriptor per flat written at the first 8-byte aligned
 * device address of the metadata. */
CpaStatus write_descriptors(struct instance *in, CpaBufferList *l, uint64_t *desc) {
    if (l->numBuffers >= MAX_SGL_BUFFERS) {
        atomic_fetch_add(&sgl_refusals, 1);
        return CPA_STATUS_FAIL;
    }
    /* Stricter than qatlib, which reads these two on the CPU: the emulator wants them in DMA-able memory too. */
    if (!device_readable(in, l, sizeof *l) || !device_readable(in, l->pBuffers, sizeof(CpaFlatBuffer) * l->numBuffers)) {
        atomic_fetch_add(&translation_failures, 1);
        return CPA_STATUS_FAIL;
    }
    uint64_t meta = in->translate(l->pPrivateMetaData);
    if (meta == 0) {
        atomic_fetch_add(&translation_failures, 1);
        return CPA_STATUS_FAIL;
    }
    uint64_t aligned = (meta + 7) & ~7ULL;
    IcpBufferListDesc *hdr = (IcpBufferListDesc *) ((uint8_t *) l->pPrivateMetaData + (aligned - meta));
    IcpFlatBufferDesc *flats = (IcpFlatBufferDesc *) (hdr + 1);
    for (uint32_t i = 0; i < l->numBuffers; i++) {
        uint64_t phys = in->translate(l->pBuffers[i].pData);
        if (phys == 0) {
            atomic_fetch_add(&translation_failures, 1);
            return CPA_STATUS_FAIL;
        }
        flats[i].dataLenInBytes = l->pBuffers[i].dataLenInBytes;
        flats[i].reserved = 0;
        flats[i].phyBuffer = phys;
    }
    hdr->resrvd = 0;
    hdr->numBuffers = l->numBuffers;
    hdr->reserved = 0;
    *desc = aligned;
    return CPA_STATUS_SUCCESS;
}
