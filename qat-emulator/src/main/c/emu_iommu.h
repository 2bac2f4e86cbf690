/*
 * The emulated IOMMU's table (not part of qatlib): every range the device may reach, with its device address (IOVA).
 * libusdm writes it (qaeMemAllocNUMA, qaeMemMapContiguousIova) into a memfd segment; the device, in its own process
 * or on its threads, reads it to turn a device address into an application address. A range outside one
 * registration has no application address: the device's access faults.
 */
#ifndef KQAT_EMU_IOMMU_H
#define KQAT_EMU_IOMMU_H

#include <pthread.h>
#include <stdint.h>

#include "emu_shared.h"

#define IOMMU_MAGIC 0x6b71696fu /* "kqio" */
#define MAX_REGIONS 4096

enum kind { FREE = 0, ALLOCATED, MAPPED };

struct registration {
    enum kind kind;
    uintptr_t virt;
    uint64_t size;
    uint64_t iova;
    void *mem;      /* ALLOCATED: the mmap behind it (libusdm's own) */
    size_t mem_len;
    int node;       /* ALLOCATED: the node asked for (-1: any) */
};

struct iommu_table {
    uint32_t magic;
    pthread_mutex_t lock; /* taken by libusdm to change the table, and by the device to read it */
    int end;              /* one past the highest slot in use: lookups stop there */
    struct registration entries[MAX_REGIONS];
};

/* The application address of [iova, iova+len), which must lie inside one registration; 0 when it does not. Sets
 * *mapped when that registration is an IOVA mapping (not a qaeMemAllocNUMA block). The caller holds t->lock. */
static inline uintptr_t iommu_lookup(const struct iommu_table *t, uint64_t iova, uint64_t len, int *mapped) {
    for (int i = 0; i < t->end; i++) {
        const struct registration *r = &t->entries[i];
        if (r->kind != FREE && iova >= r->iova && len <= r->size && iova - r->iova <= r->size - len) {
            *mapped = r->kind == MAPPED;
            return r->virt + (iova - r->iova);
        }
    }
    return 0;
}

#endif
