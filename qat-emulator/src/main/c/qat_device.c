/* The device thread of each instance (see qat_device.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "qat_config.h"
#include "qat_counters.h"
#include "qat_deflate.h"
#include "qat_device.h"
#include "qat_execute.h"
#include "qat_faults.h"
#include "qat_instance.h"
#include "qat_ring.h"

/* While it has been busy lately the device looks for work every 50 us on its own, so a submission costs the host no
 * system call (a real submission writes a doorbell); idle for 10 ms, it sleeps until a submission rings. */
#define DEVICE_POLL_NS 50000L
#define DEVICE_IDLE_NS 10000000LL

static int due(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

static void *device_main(void *arg) {
    struct instance *in = arg;
    struct request_ring *ring = &in->ring;
    struct timespec last_work;
    clock_gettime(CLOCK_MONOTONIC, &last_work);
    ring_lock(ring);
    while (!ring_stopping(ring)) {
        struct request *rq = ring_next_queued(ring);
        if (rq == NULL) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (elapsed_ns(&last_work, &now) < DEVICE_IDLE_NS) {
                ring_unlock(ring);
                struct timespec pause = {0, DEVICE_POLL_NS};
                nanosleep(&pause, NULL);
                ring_lock(ring);
            } else {
                ring_sleep_until_doorbell(ring);
            }
            continue;
        }
        if (request_held(rq->seq)) {
            if (!rq->held) {
                rq->held = 1;
                atomic_fetch_add(&held_now, 1);
                atomic_fetch_add(&hung_requests, 1);
            }
            ring_wait(ring);
            continue;
        }
        if (!due(&rq->due)) {
            ring_wait_until(ring, &rq->due);
            continue;
        }
        ring_unlock(ring);
        execute(rq); /* the slot stays ours: polls take only executed requests, submissions only free slots */
        ring_lock(ring);
        if (rq->held) {
            atomic_fetch_sub(&held_now, 1);
            atomic_fetch_add(&late_completions, 1);
        }
        ring_mark_executed(ring);
        clock_gettime(CLOCK_MONOTONIC, &last_work);
    }
    ring_unlock(ring);
    scratch_free();
    return NULL;
}

void device_start(struct instance *in) {
    in->thread_running = pthread_create(&in->thread, NULL, device_main, in) == 0;
}

void device_stop(struct instance *in) {
    if (in->thread_running) {
        ring_stop_device(&in->ring);
        pthread_join(in->thread, NULL);
        in->thread_running = 0;
    }
}

void wake_devices(void) {
    for (int i = 0; i < MAX_INSTANCES; i++) {
        if (instances[i].thread_running) ring_wake_device(&instances[i].ring);
    }
}
