/*
 * libqat's link to the emulator's libusdm: the IOMMU, VFIO registration, the ring allocation check and libusdm's
 * counters, found with dlsym in the libusdm.so.0 next to this library (see qat_usdm_link.c for why not by soname).
 */
#ifndef KQAT_QAT_USDM_LINK_H
#define KQAT_QAT_USDM_LINK_H

#include "emu_link.h"

#pragma GCC visibility push(hidden)

/* Opens libusdm and finds its functions (once); 0 when it cannot, and then none of these may be called. */
int bind_usdm(void);

extern __typeof__(kqatemu_iommu_resolve) *usdm_resolve;
extern __typeof__(kqatemu_vfio_register) *usdm_vfio_register;
extern __typeof__(kqatemu_usdm_alloc_allowed) *usdm_alloc_allowed;
extern __typeof__(kqatemu_usdm_counter) *usdm_counter;
extern __typeof__(kqatemu_usdm_reset) *usdm_reset;
extern __typeof__(kqatemu_usdm_iommu) *usdm_iommu;

#pragma GCC visibility pop

#endif
