/*
 * Between the emulator's two libraries (not part of qatlib): what libusdm exports for libqat, which finds each
 * function with dlsym. The IOMMU's view of device addresses, VFIO registration, USDM's modes and refusals, counters.
 */
#ifndef KQAT_EMU_LINK_H
#define KQAT_EMU_LINK_H

#include <stddef.h>
#include <stdint.h>

struct iommu_table;

void *kqatemu_iommu_resolve(uint64_t iova, uint64_t len, int *mapped);
struct iommu_table *kqatemu_usdm_iommu(int *fd);
int kqatemu_vfio_registered(void);
void kqatemu_vfio_register(int on);
long long kqatemu_usdm_counter(const char *name);
void kqatemu_usdm_set_no_iommu(int on);
void kqatemu_usdm_set_hugepage_mode(int mode);
void kqatemu_usdm_set_strict_dontfork(int on);
int kqatemu_usdm_alloc_allowed(size_t size, size_t align);
int kqatemu_usdm_node_of(const void *p);
const char *kqatemu_usdm_sysfs_root(void);
void kqatemu_usdm_reset(void);

#endif
