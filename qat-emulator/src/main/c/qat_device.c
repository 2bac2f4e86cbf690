/* The device's loop over one ring (see qat_device.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <time.h>

#include "qat_deflate.h"
#include "qat_lz4s_request.h"
#include "qat_zstd.h"
#include "qat_device.h"
#include "qat_device_state.h"
#include "qat_execute.h"
#include "qat_ring.h"
#include "qat_ring_events.h"

/* While it has been busy lately the device looks for work every 50 us on its own, so a submission costs the host no
 * system call (a real submission writes a doorbell); idle for 10 ms, it sleeps until a submission rings. */
#define DEVICE_POLL_NS 50000LL
#define DEVICE_IDLE_NS 10000000LL

static long long earliest(long long a, long long b) {
    return a == 0 ? b : b == 0 ? a : a < b ? a : b;
}

/* Nothing queued: look again soon (busy lately), or sleep until a doorbell or the interrupt's time. */
static void idle(struct request_ring *ring, long long now, long long last_work, long long irq_at) {
    if (now - last_work < DEVICE_IDLE_NS) {
        long long pause = irq_at != 0 && irq_at - now < DEVICE_POLL_NS ? irq_at - now : DEVICE_POLL_NS;
        struct timespec t = {0, pause};
        ring_unlock(ring);
        nanosleep(&t, NULL);
        ring_lock(ring);
    } else if (irq_at != 0) {
        ring_wait_until_ns(ring, irq_at);
    } else {
        ring_sleep_until_doorbell(ring);
    }
}

static void hold(struct request *rq) {
    if (!rq->held) {
        rq->held = 1;
        DEVICE_COUNT(held_now, 1);
        DEVICE_COUNT(hung_requests, 1);
    }
}

void device_run(struct request_ring *ring, const int *vf_fds) {
    prctl(PR_SET_TIMERSLACK, 1UL); /* due times and the coalescing timer to the microsecond, not to 50 us */
    scratch_warm();
    long long last_work = monotonic_ns();
    ring_lock(ring);
    while (!ring_stopping(ring)) {
        long long now = monotonic_ns();
        long long irq_at = ring_interrupt_step(ring, now, vf_fds);
        struct request *rq = ring_next_queued(ring);
        if (rq == NULL) {
            idle(ring, now, last_work, irq_at);
            continue;
        }
        if (request_held(rq->seq)) {
            hold(rq);
            ring_wait_until_ns(ring, irq_at);
            continue;
        }
        long long due = rq->due.tv_sec * 1000000000LL + rq->due.tv_nsec;
        if (now < due) {
            ring_wait_until_ns(ring, earliest(irq_at, due));
            continue;
        }
        ring_unlock(ring);
        execute(rq); /* the slot stays ours: polls take only executed requests, submissions only free slots */
        ring_lock(ring);
        if (rq->held) {
            DEVICE_COUNT(held_now, -1);
            DEVICE_COUNT(late_completions, 1);
        }
        ring_mark_executed(ring);
        last_work = monotonic_ns();
    }
    ring_unlock(ring);
    scratch_free();
    lz4s_scratch_free();
    zstd_scratch_free();
}

void device_name_thread(int i) {
    char name[16];
    snprintf(name, sizeof name, "kqat-emu-dev/%d", i);
    pthread_setname_np(pthread_self(), name);
}
