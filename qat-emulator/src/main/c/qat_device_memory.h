/*
 * Host memory as the device reaches it: only through the emulated IOMMU (libusdm's kqatemu_iommu_resolve), from the
 * descriptors the submit wrote. A range outside one registration faults the request.
 */
#ifndef KQAT_QAT_DEVICE_MEMORY_H
#define KQAT_QAT_DEVICE_MEMORY_H

#include <stdint.h>

#include "qat_request.h"

#pragma GCC visibility push(hidden)

/* One buffer list as the device sees it: descriptors read through the IOMMU, then every flat resolved. */
struct device_list {
    uint32_t n;
    uint8_t *host[MAX_SGL_BUFFERS];
    uint32_t len[MAX_SGL_BUFFERS];
    uint64_t total, mapped;
};

/* Reads the list whose descriptors are at device address desc; 0 on an IOMMU fault. */
int device_list(uint64_t desc, struct device_list *out);
void gather(const struct device_list *l, uint8_t *to);
void scatter(const struct device_list *l, const uint8_t *from, uint64_t bytes);

#pragma GCC visibility pop

#endif
