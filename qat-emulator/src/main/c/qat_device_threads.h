/* Thread mode (KQAT_EMU_DEVICE=thread): the device on threads of the application, one per ring. Its CPU time is then
 * the application's; the threads are named kqat-emu-dev/<i> so per-thread figures can tell them apart. */
#ifndef KQAT_QAT_DEVICE_THREADS_H
#define KQAT_QAT_DEVICE_THREADS_H

#pragma GCC visibility push(hidden)

struct request_ring;
struct iommu_table;

/* 0 when a thread could not be started (those started are joined once their rings are stopped). */
int device_threads_start(struct request_ring **rings, int n, const int *vf_fds, struct iommu_table *table);
/* After every ring was stopped. */
void device_threads_join(void);
void device_threads_forget(void);

#pragma GCC visibility pop

#endif
