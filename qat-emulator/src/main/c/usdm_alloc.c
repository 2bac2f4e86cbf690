/* qaeMemAllocNUMA and its refusals (qatlib 26.08's qae_mem_common.c), qaeMemFreeNUMA, qaeVirtToPhysNUMA. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/mman.h>

#include "emu_abi.h"
#include "emu_link.h"
#include "usdm_config.h"
#include "usdm_counters.h"
#include "usdm_registrations.h"

#define EXPORT __attribute__((visibility("default")))
#define MAX_ALLOC (64ULL << 20)       /* QAE_MAX_ALLOC_SIZE: "Size cannot exceed 64M for vfio" */
#define MAX_PHYS_ALIGN (4ULL << 20)   /* QAE_MAX_PHYS_ALIGN */
#define UNIT 1024ULL                  /* UNIT_SIZE: a slab is managed in 1 KiB units */
#define SLAB_UNITS 2048ULL            /* QAE_NUM_PAGES_PER_ALLOC (512) * 4 KiB / UNIT_SIZE: one 2 MiB slab */
#define SLAB_HEADER_UNITS 9ULL        /* ceil(get_ctrl_size() / UNIT_SIZE) = ceil(8584 / 1024) on x86-64 */

/* qaeMemAllocNUMA's refusals, in qatlib's order. */
static int alloc_allowed(size_t size, size_t align) { /* usdm_lock held */
    load_config();
    if (size == 0) return 0;
    if (align == 0 || (align & (align - 1)) != 0) return 0; /* non-zero power of 2 */
    if (usdm_init_error) return 0;                           /* __qae_open fails */
    if (size > MAX_ALLOC) return 0;
    if (align > MAX_PHYS_ALIGN) return 0;
    /* __qae_alloc_addr: more units than one 2 MiB slab holds after its control block, or an alignment of a whole
     * slab, makes a LARGE slab, and LARGE slabs do not exist in huge-page mode. */
    uint64_t units = (size + UNIT - 1) / UNIT + SLAB_HEADER_UNITS;
    int large = units > SLAB_UNITS || align >= SLAB_UNITS * UNIT;
    if (large && hugepage_mode) return 0;
    /* ioctl_alloc_slab: without huge pages, no-IOMMU mode cannot allocate ("Hugepages are needed"). */
    if (!hugepage_mode && no_iommu_mode()) return 0;
    return 1;
}

EXPORT void *qaeMemAllocNUMA(size_t size, int node, size_t phys_align) {
    pthread_mutex_lock(&usdm_lock);
    uint64_t pinned = (size + PAGE - 1) & ~(PAGE - 1);
    int allowed = alloc_allowed(size, phys_align);
    int memlock = allowed && over_memlock(pinned);
    if (!allowed || memlock) {
        alloc_refusals++;
        memlock_refusals += memlock;
        pthread_mutex_unlock(&usdm_lock);
        return NULL;
    }
    /* Page-granular memory of its own, kept out of fork children as USDM's slabs are (MADV_DONTFORK). */
    size_t align = phys_align < PAGE ? PAGE : phys_align;
    size_t len = pinned + (align > PAGE ? align : 0);
    void *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        alloc_refusals++;
        pthread_mutex_unlock(&usdm_lock);
        return NULL;
    }
    uintptr_t p = ((uintptr_t) mem + align - 1) & ~(uintptr_t) (align - 1);
    madvise(mem, len, MADV_DONTFORK);
    struct registration r = {ALLOCATED, p, size, 0, mem, len, node};
    r.iova = take_iova(size, align);
    if (table_insert(&r) == NULL) { /* the table is full */
        munmap(mem, len);
        alloc_refusals++;
        pthread_mutex_unlock(&usdm_lock);
        return NULL;
    }
    allocations_outstanding++;
    allocated_bytes += (long long) size;
    pinned_alloc_bytes += (long long) pinned;
    int ni = node_index(node);
    node_calls[ni]++;
    node_bytes[ni] += (long long) size;
    node_outstanding[ni]++;
    pthread_mutex_unlock(&usdm_lock);
    return (void *) p;
}

EXPORT void qaeMemFreeNUMA(void **ptr) {
    if (ptr == NULL || *ptr == NULL) {
        return;
    }
    pthread_mutex_lock(&usdm_lock);
    struct iommu_table *t = iommu_table();
    for (int i = 0; t != NULL && i < t->end; i++) {
        if (t->entries[i].kind == ALLOCATED && t->entries[i].virt == (uintptr_t) *ptr) {
            struct registration r = t->entries[i];
            table_remove(&t->entries[i]);
            allocations_outstanding--;
            allocated_bytes -= (long long) r.size;
            pinned_alloc_bytes -= (long long) ((r.size + PAGE - 1) & ~(PAGE - 1));
            node_outstanding[node_index(r.node)]--;
            pthread_mutex_unlock(&usdm_lock);
            munmap(r.mem, r.mem_len);
            *ptr = NULL;
            return;
        }
    }
    pthread_mutex_unlock(&usdm_lock);
    /* Not ours: like USDM ("Unable to free as lookup failed"), ignore it rather than corrupt anything. */
}

EXPORT uint64_t qaeVirtToPhysNUMA(void *virt) {
    uintptr_t v = (uintptr_t) virt;
    uint64_t result = 0;
    pthread_mutex_lock(&usdm_lock);
    translations++;
    struct iommu_table *t = iommu_table();
    for (int i = 0; t != NULL && i < t->end; i++) {
        struct registration *r = &t->entries[i];
        if (r->kind != FREE && v >= r->virt && v < r->virt + r->size) {
            result = r->iova + (v - r->virt);
            break;
        }
    }
    pthread_mutex_unlock(&usdm_lock);
    return result;
}

/* Whether qaeMemAllocNUMA would allocate: libqat asks before it allocates its rings (icp_sal_userStart). */
EXPORT int kqatemu_usdm_alloc_allowed(size_t size, size_t align) {
    pthread_mutex_lock(&usdm_lock);
    int ok = alloc_allowed(size, align);
    pthread_mutex_unlock(&usdm_lock);
    return ok;
}
