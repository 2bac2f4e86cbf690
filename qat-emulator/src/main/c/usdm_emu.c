/*
 * Emulated libusdm.so.0: the user-space DMA memory manager as the device's IOMMU sees it. Every piece of memory the
 * device may touch is registered here with a device address (IOVA): allocations from qaeMemAllocNUMA, and (in the
 * IOVA build) application memory mapped with qaeMemMapContiguousIova. kqatemu_iommu_resolve is the IOMMU: the device
 * side of the emulator reaches host memory only through it, so an address outside every registration faults.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "emu_abi.h"

#define EXPORT __attribute__((visibility("default")))
#define MAX_REGIONS 4096
#define PAGE 4096ULL
#define HUGE_2M (2ULL << 20)
#define MAX_MAPPING (2ULL << 30)

enum kind { FREE = 0, ALLOCATED, MAPPED };

struct registration {
    enum kind kind;
    uintptr_t virt;
    uint64_t size;
    uint64_t iova;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct registration table[MAX_REGIONS];
static uint64_t next_iova = 1ULL << 32; /* device addresses are unrelated to host addresses, as behind an IOMMU */
static int vfio_registered;
static int no_iommu = -1; /* -1: read KQAT_EMU_NO_IOMMU on first use */
static long long mappings_outstanding, mapped_bytes, allocations_outstanding, map_refusals, unmap_refusals, translations;

__attribute__((unused)) static int no_iommu_mode(void) {
    if (no_iommu < 0) {
        const char *v = getenv("KQAT_EMU_NO_IOMMU");
        no_iommu = v != NULL && strcmp(v, "1") == 0;
    }
    return no_iommu;
}

static uint64_t take_iova(uint64_t size) {
    uint64_t iova = (next_iova + HUGE_2M - 1) & ~(HUGE_2M - 1);
    next_iova = iova + ((size + HUGE_2M - 1) & ~(HUGE_2M - 1)) + HUGE_2M; /* a guard gap between registrations */
    return iova;
}

static struct registration *free_slot(void) {
    for (int i = 0; i < MAX_REGIONS; i++) {
        if (table[i].kind == FREE) {
            return &table[i];
        }
    }
    return NULL;
}

__attribute__((unused)) static int overlaps(uintptr_t virt, uint64_t size) {
    for (int i = 0; i < MAX_REGIONS; i++) {
        if (table[i].kind != FREE && virt < table[i].virt + table[i].size && table[i].virt < virt + size) {
            return 1;
        }
    }
    return 0;
}

EXPORT void *qaeMemAllocNUMA(size_t size, int node, size_t phys_align) {
    (void) node;
    if (size == 0) {
        return NULL;
    }
    size_t align = phys_align < 64 ? 64 : phys_align;
    void *p = NULL;
    if (posix_memalign(&p, align, size) != 0) {
        return NULL;
    }
    memset(p, 0, size);
    pthread_mutex_lock(&lock);
    struct registration *r = free_slot();
    if (r == NULL) {
        pthread_mutex_unlock(&lock);
        free(p);
        return NULL;
    }
    r->kind = ALLOCATED;
    r->virt = (uintptr_t) p;
    r->size = size;
    r->iova = take_iova(size);
    allocations_outstanding++;
    pthread_mutex_unlock(&lock);
    return p;
}

EXPORT void qaeMemFreeNUMA(void **ptr) {
    if (ptr == NULL || *ptr == NULL) {
        return;
    }
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_REGIONS; i++) {
        if (table[i].kind == ALLOCATED && table[i].virt == (uintptr_t) *ptr) {
            table[i].kind = FREE;
            allocations_outstanding--;
            pthread_mutex_unlock(&lock);
            free(*ptr);
            *ptr = NULL;
            return;
        }
    }
    pthread_mutex_unlock(&lock);
    /* Not ours: like USDM, ignore it rather than corrupt the heap. */
}

EXPORT uint64_t qaeVirtToPhysNUMA(void *virt) {
    uintptr_t v = (uintptr_t) virt;
    uint64_t result = 0;
    pthread_mutex_lock(&lock);
    translations++;
    for (int i = 0; i < MAX_REGIONS; i++) {
        if (table[i].kind != FREE && v >= table[i].virt && v < table[i].virt + table[i].size) {
            result = table[i].iova + (v - table[i].virt);
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return result;
}

#ifdef KQAT_EMU_IOVA
/* VFIO pins mapped memory and charges it to RLIMIT_MEMLOCK unless the process may lock memory freely (root here). */
static int over_memlock(uint64_t size) {
    struct rlimit limit;
    if (geteuid() == 0 || getrlimit(RLIMIT_MEMLOCK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 0;
    return (uint64_t) mapped_bytes + size > (uint64_t) limit.rlim_cur;
}

EXPORT uint64_t qaeMemMapContiguousIova(void *virt, size_t size) {
    uintptr_t v = (uintptr_t) virt;
    pthread_mutex_lock(&lock);
    int refuse = virt == NULL || size == 0 || size % PAGE != 0 || size > MAX_MAPPING || v % PAGE != 0
            || no_iommu_mode() || !vfio_registered || overlaps(v, size) || over_memlock(size);
    struct registration *r = refuse ? NULL : free_slot();
    if (r == NULL) {
        map_refusals++;
        pthread_mutex_unlock(&lock);
        return 0;
    }
    r->kind = MAPPED;
    r->virt = v;
    r->size = size;
    r->iova = take_iova(size);
    mappings_outstanding++;
    mapped_bytes += (long long) size;
    uint64_t iova = r->iova;
    pthread_mutex_unlock(&lock);
    return iova;
}

EXPORT int qaeMemUnmapContiguousIova(void *virt, size_t size) {
    uintptr_t v = (uintptr_t) virt;
    pthread_mutex_lock(&lock);
    if (virt != NULL && !no_iommu_mode()) {
        for (int i = 0; i < MAX_REGIONS; i++) {
            if (table[i].kind == MAPPED && table[i].virt == v && table[i].size == size) {
                table[i].kind = FREE;
                mappings_outstanding--;
                mapped_bytes -= (long long) size;
                pthread_mutex_unlock(&lock);
                return 0;
            }
        }
    }
    unmap_refusals++;
    pthread_mutex_unlock(&lock);
    return 1;
}
#endif

EXPORT void *kqatemu_iommu_resolve(uint64_t iova, uint64_t len, int *mapped) {
    void *host = NULL;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_REGIONS; i++) {
        if (table[i].kind != FREE && iova >= table[i].iova && len <= table[i].size
                && iova - table[i].iova <= table[i].size - len) {
            host = (void *) (table[i].virt + (iova - table[i].iova));
            *mapped = table[i].kind == MAPPED;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return host;
}

EXPORT int kqatemu_vfio_registered(void) {
    return vfio_registered;
}

EXPORT void kqatemu_vfio_register(int on) {
    pthread_mutex_lock(&lock);
    vfio_registered = on;
    pthread_mutex_unlock(&lock);
}

EXPORT void kqatemu_usdm_set_no_iommu(int on) {
    pthread_mutex_lock(&lock);
    no_iommu = on;
    pthread_mutex_unlock(&lock);
}

EXPORT void kqatemu_usdm_reset(void) {
    pthread_mutex_lock(&lock);
    map_refusals = unmap_refusals = translations = 0;
    no_iommu = -1;
    pthread_mutex_unlock(&lock);
}

EXPORT long long kqatemu_usdm_counter(const char *name) {
    long long v = -1;
    pthread_mutex_lock(&lock);
    if (strcmp(name, "mappings_outstanding") == 0) v = mappings_outstanding;
    else if (strcmp(name, "mapped_bytes") == 0) v = mapped_bytes;
    else if (strcmp(name, "allocations_outstanding") == 0) v = allocations_outstanding;
    else if (strcmp(name, "map_refusals") == 0) v = map_refusals;
    else if (strcmp(name, "unmap_refusals") == 0) v = unmap_refusals;
    else if (strcmp(name, "usdm_translations") == 0) v = translations;
    pthread_mutex_unlock(&lock);
    return v;
}
