/*
 * Host memory as the device reaches it: only through the emulated IOMMU (the registration table libusdm shares,
 * emu_iommu.h), from the descriptors the submit wrote. A range outside one registration faults the request.
 */
#ifndef KQAT_QAT_DEVICE_MEMORY_H
#define KQAT_QAT_DEVICE_MEMORY_H

#include <stdint.h>

#include "qat_request.h"

#pragma GCC visibility push(hidden)

struct iommu_table;

/* One buffer list as the device sees it: descriptors read through the IOMMU, then every flat resolved to an
 * application address (0 for an empty flat). */
struct device_list {
    uint32_t n;
    uintptr_t host[MAX_SGL_BUFFERS];
    uint32_t len[MAX_SGL_BUFFERS];
    uint64_t total, mapped;
};

/* The table the device's IOMMU reads (set before the device runs). */
void device_memory_use(struct iommu_table *table);
/* Reads the list whose descriptors are at device address desc; 0 on an IOMMU fault. */
int device_list(uint64_t desc, struct device_list *out);
/* Copies the list's bytes out of / into application memory; 0 when they cannot be reached. */
int gather(const struct device_list *l, uint8_t *to);
int scatter(const struct device_list *l, const uint8_t *from, uint64_t bytes);

#pragma GCC visibility pop

#endif
