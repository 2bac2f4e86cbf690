/*
 * Emulated libusdm.so.0: the user-space DMA memory manager as the device's IOMMU sees it. Every piece of memory the
 * device may touch is registered here with a device address (IOVA): allocations from qaeMemAllocNUMA
 * (usdm_alloc.c), and (in the IOVA build) application memory mapped with qaeMemMapContiguousIova (usdm_iova.c).
 * kqatemu_iommu_resolve is the IOMMU: the device side of the emulator reaches host memory only through it, so a
 * range outside every registration, or one that runs from one registration into the next, faults.
 *
 * The refusals follow qatlib 26.08's USDM (qae_mem_common.c, vfio/qae_mem_utils_vfio.c, qae_mem_sysfs_utils.c); see
 * CONFORMANCE.md. The configuration is in usdm_config.c, the counters in usdm_counters.c.
 */
#ifndef KQAT_USDM_REGISTRATIONS_H
#define KQAT_USDM_REGISTRATIONS_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_REGIONS 4096
#define PAGE 4096ULL
#define HUGE_2M (2ULL << 20)
#define MAX_NODES 64

#pragma GCC visibility push(hidden)

enum kind { FREE = 0, ALLOCATED, MAPPED };

struct registration {
    enum kind kind;
    uintptr_t virt;
    uint64_t size;
    uint64_t iova;
    void *mem;      /* ALLOCATED: the mmap behind it */
    size_t mem_len;
    int node;       /* ALLOCATED: the node asked for (-1: any) */
};

/* Guards all of libusdm's state: the table, the configuration and the counters. */
extern pthread_mutex_t usdm_lock;
extern struct registration table[MAX_REGIONS];
extern int table_end; /* one past the highest slot in use: lookups stop there */

/* All with usdm_lock held. */
uint64_t take_iova(uint64_t size, uint64_t align);
struct registration *free_slot(void);
void release_slot(struct registration *r);
int overlaps(uintptr_t virt, uint64_t size);
int node_index(int node);
int over_memlock(uint64_t size);

#pragma GCC visibility pop

#endif
