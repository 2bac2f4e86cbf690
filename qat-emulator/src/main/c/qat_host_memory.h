/*
 * How the device copies to and from the application's memory, at application addresses the IOMMU gave it: in its
 * own process with process_vm_readv/process_vm_writev (as DMA reaches host memory from outside the CPU's process),
 * or, on the device threads of thread mode, with memcpy. A copy that cannot be made (memory gone, no permission) is
 * counted in host_access_errors and fails the request as an IOMMU fault would.
 */
#ifndef KQAT_QAT_HOST_MEMORY_H
#define KQAT_QAT_HOST_MEMORY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#pragma GCC visibility push(hidden)

/* pid: the application's process (the device process); 0: this process (thread mode). */
void host_memory_in(pid_t pid);

/* Each returns 1 when every byte was copied. */
int host_read(uintptr_t from, void *to, size_t len);
/* n pieces at addr[i] of len[i] bytes, in order, into to / from from (total bytes). */
int host_gather(const uintptr_t *addr, const uint32_t *len, uint32_t n, uint8_t *to, uint64_t total);
int host_scatter(const uintptr_t *addr, const uint32_t *len, uint32_t n, const uint8_t *from, uint64_t total);

#pragma GCC visibility pop

#endif
