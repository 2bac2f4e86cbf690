/* The registration table (see usdm_registrations.h) and the IOMMU's lookups in it. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include "emu_link.h"
#include "usdm_config.h"
#include "usdm_counters.h"
#include "usdm_registrations.h"

#define EXPORT __attribute__((visibility("default")))

pthread_mutex_t usdm_lock = PTHREAD_MUTEX_INITIALIZER;
struct registration table[MAX_REGIONS];
int table_end;
static uint64_t next_iova = 1ULL << 32; /* device addresses are unrelated to host addresses, as behind an IOMMU */

uint64_t take_iova(uint64_t size, uint64_t align) {
    if (align < HUGE_2M) align = HUGE_2M;
    uint64_t iova = (next_iova + align - 1) & ~(align - 1);
    next_iova = iova + ((size + HUGE_2M - 1) & ~(HUGE_2M - 1)) + HUGE_2M; /* a guard gap between registrations */
    return iova;
}

struct registration *free_slot(void) {
    for (int i = 0; i < MAX_REGIONS; i++) {
        if (table[i].kind == FREE) {
            if (i >= table_end) table_end = i + 1;
            return &table[i];
        }
    }
    return NULL;
}

void release_slot(struct registration *r) {
    r->kind = FREE;
    while (table_end > 0 && table[table_end - 1].kind == FREE) table_end--;
}

int overlaps(uintptr_t virt, uint64_t size) {
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind != FREE && virt < table[i].virt + table[i].size && table[i].virt < virt + size) {
            return 1;
        }
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
    void *host = NULL;
    pthread_mutex_lock(&usdm_lock);
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind != FREE && iova >= table[i].iova && len <= table[i].size
                && iova - table[i].iova <= table[i].size - len) {
            host = (void *) (table[i].virt + (iova - table[i].iova));
            *mapped = table[i].kind == MAPPED;
            break;
        }
    }
    pthread_mutex_unlock(&usdm_lock);
    return host;
}

EXPORT int kqatemu_usdm_node_of(const void *p) {
    uintptr_t v = (uintptr_t) p;
    int node = -2;
    pthread_mutex_lock(&usdm_lock);
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind == ALLOCATED && v >= table[i].virt && v < table[i].virt + table[i].size) {
            node = table[i].node;
            break;
        }
    }
    pthread_mutex_unlock(&usdm_lock);
    return node;
}
