/* Host memory as the device reaches it (see qat_device_memory.h). */
#define _GNU_SOURCE
#include <pthread.h>

#include "emu_abi.h"
#include "emu_iommu.h"
#include "qat_device_memory.h"
#include "qat_host_memory.h"

static struct iommu_table *iommu;

void device_memory_use(struct iommu_table *table) {
    iommu = table;
}

static uintptr_t resolve(uint64_t iova, uint64_t len, int *mapped) {
    shared_lock(&iommu->lock);
    uintptr_t host = iommu_lookup(iommu, iova, len, mapped);
    pthread_mutex_unlock(&iommu->lock);
    return host;
}

int device_list(uint64_t desc, struct device_list *out) {
    static __thread IcpFlatBufferDesc flats[MAX_SGL_BUFFERS];
    IcpBufferListDesc hdr;
    int mapped;
    uintptr_t at = resolve(desc, sizeof hdr, &mapped);
    if (at == 0 || !host_read(at, &hdr, sizeof hdr)) return 0;
    if (hdr.numBuffers == 0 || hdr.numBuffers >= MAX_SGL_BUFFERS) return 0;
    uint32_t n = hdr.numBuffers;
    at = resolve(desc + sizeof hdr, sizeof(IcpFlatBufferDesc) * n, &mapped);
    if (at == 0 || !host_read(at, flats, sizeof(IcpFlatBufferDesc) * n)) return 0;
    out->n = n;
    out->total = out->mapped = 0;
    for (uint32_t i = 0; i < n; i++) {
        out->len[i] = flats[i].dataLenInBytes;
        out->host[i] = 0;
        if (out->len[i] == 0) continue;
        /* Only the start was translated: the whole flat must lie in the same registration. */
        out->host[i] = resolve(flats[i].phyBuffer, out->len[i], &mapped);
        if (out->host[i] == 0) return 0;
        out->total += out->len[i];
        if (mapped) out->mapped += out->len[i];
    }
    return 1;
}

int gather(const struct device_list *l, uint8_t *to) {
    return host_gather(l->host, l->len, l->n, to, l->total);
}

int scatter(const struct device_list *l, const uint8_t *from, uint64_t bytes) {
    return bytes == 0 || host_scatter(l->host, l->len, l->n, from, bytes);
}
