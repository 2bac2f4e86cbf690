/* Thread mode (see qat_device_threads.h). */
#define _GNU_SOURCE
#include <pthread.h>

#include "qat_config.h"
#include "qat_device.h"
#include "qat_device_memory.h"
#include "qat_device_threads.h"
#include "qat_host_memory.h"
#include "qat_ring.h"

struct device_thread {
    pthread_t thread;
    struct request_ring *ring;
    const int *vf_fds;
    int index;
};

static struct device_thread threads[MAX_INSTANCES];
static int started;

static void *thread_main(void *arg) {
    struct device_thread *t = arg;
    device_name_thread(t->index);
    device_run(t->ring, t->vf_fds);
    return NULL;
}

int device_threads_start(struct request_ring **rings, int n, const int *vf_fds, struct iommu_table *table) {
    host_memory_in(0);
    device_memory_use(table);
    started = 0;
    for (int i = 0; i < n; i++) {
        threads[i] = (struct device_thread) {0, rings[i], vf_fds, i};
        if (pthread_create(&threads[i].thread, NULL, thread_main, &threads[i]) != 0) {
            for (int k = 0; k < i; k++) ring_stop_device(rings[k]);
            device_threads_join();
            return 0;
        }
        started = i + 1;
    }
    return 1;
}

void device_threads_join(void) {
    for (int i = 0; i < started; i++) pthread_join(threads[i].thread, NULL);
    started = 0;
}

void device_threads_forget(void) {
    started = 0; /* threads are not forked */
}
