/*
 * The device: one thread per instance, started by icp_sal_userStart and stopped by icp_sal_userStop. It executes
 * the requests queued on its instance's ring (qat_ring.c) in order, each when due, none while hung; the work on one
 * request is in qat_execute.c, and the poll (qat_completions.c) delivers what it executed.
 */
#ifndef KQAT_QAT_DEVICE_H
#define KQAT_QAT_DEVICE_H

#include <time.h>

#pragma GCC visibility push(hidden)

struct instance;

void device_start(struct instance *in); /* sets in->thread_running */
void device_stop(struct instance *in);
/* Every device looks at its ring again (a hang's end, a new hang threshold). */
void wake_devices(void);

static inline long long elapsed_ns(const struct timespec *a, const struct timespec *b) {
    return (b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

#pragma GCC visibility pop

#endif
