/* IOVAs, the table's checks and the IOMMU's lookups in it (the table itself is in usdm_table.c). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include "emu_link.h"
#include "usdm_config.h"
#include "usdm_counters.h"
#include "usdm_registrations.h"

#define EXPORT __attribute__((visibility("default")))

static uint64_t next_iova = 1ULL << 32; /* device addresses are unrelated to host addresses, as behind an IOMMU */

uint64_t take_iova(uint64_t size, uint64_t align) {
    if (align < HUGE_2M) align = HUGE_2M;
    uint64_t iova = (next_iova + align - 1) & ~(align - 1);
    next_iova = iova + ((size + HUGE_2M - 1) & ~(HUGE_2M - 1)) + HUGE_2M; /* a guard gap between registrations */
    return iova;
}

int overlaps(uintptr_t virt, uint64_t size) {
    struct iommu_table *t = iommu_table();
    for (int i = 0; t != NULL && i < t->end; i++) {
        struct registration *r = &t->entries[i];
        if (r->kind != FREE && virt < r->virt + r->size && r->virt < virt + size) return 1;
    }
    return 0;
}

int node_index(int node) {
    return node < 0 || node >= MAX_NODES ? MAX_NODES : node;
}

/* VFIO pins DMA memory and charges it to RLIMIT_MEMLOCK unless the process may lock memory freely (root here). */
int over_memlock(uint64_t size) {
    struct rlimit limit;
    if ((geteuid() == 0 && !charge_memlock_always) || getrlimit(RLIMIT_MEMLOCK, &limit) != 0
            || limit.rlim_cur == RLIM_INFINITY) {
        return 0;
    }
    return (uint64_t) (mapped_bytes + pinned_alloc_bytes) + size > (uint64_t) limit.rlim_cur;
}

/* The IOMMU: host view of [iova, iova+len), which must lie inside one registration. */
EXPORT void *kqatemu_iommu_resolve(uint64_t iova, uint64_t len, int *mapped) {
    pthread_mutex_lock(&usdm_lock);
    struct iommu_table *t = iommu_table();
    void *host = t == NULL ? NULL : (void *) iommu_lookup(t, iova, len, mapped);
    pthread_mutex_unlock(&usdm_lock);
    return host;
}

EXPORT int kqatemu_usdm_node_of(const void *p) {
    uintptr_t v = (uintptr_t) p;
    int node = -2;
    pthread_mutex_lock(&usdm_lock);
    struct iommu_table *t = iommu_table();
    for (int i = 0; t != NULL && i < t->end; i++) {
        struct registration *r = &t->entries[i];
        if (r->kind == ALLOCATED && v >= r->virt && v < r->virt + r->size) {
            node = r->node;
            break;
        }
    }
    pthread_mutex_unlock(&usdm_lock);
    return node;
}
