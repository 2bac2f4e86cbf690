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

#include "emu_iommu.h"

#define PAGE 4096ULL
#define HUGE_2M (2ULL << 20)
#define MAX_NODES 64

#pragma GCC visibility push(hidden)

/* Guards all of libusdm's state: the table, the configuration and the counters. Only libusdm changes the table, and
 * only with usdm_lock held, so its own reads need no more; changes also take the table's lock, for the device. */
extern pthread_mutex_t usdm_lock;

/* All with usdm_lock held. */
/* The table, in its shared segment (created at first use; NULL only if no memory at all). */
struct iommu_table *iommu_table(void);
uint64_t take_iova(uint64_t size, uint64_t align);
/* Publishes r in a free slot; NULL when the table is full. */
struct registration *table_insert(const struct registration *r);
void table_remove(struct registration *r);
int overlaps(uintptr_t virt, uint64_t size);
int node_index(int node);
int over_memlock(uint64_t size);

#pragma GCC visibility pop

#endif
