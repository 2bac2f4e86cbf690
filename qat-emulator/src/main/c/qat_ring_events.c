/* A ring's interrupt in event mode (see qat_ring_events.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

#include "qat_device_state.h"
#include "qat_ring_events.h"

/* adf_calc_del_cnt: the count the hardware keeps, in [1, 0xFFFF]; 0 disables coalescing. Reads back as count*256. */
static unsigned as_hardware_holds(unsigned ns) {
    if (ns == 0) return 0;
    unsigned count = ns / COALESCING_GRANULARITY_NS;
    if (count < 1) count = 1;
    if (count > 0xFFFF) count = 0xFFFF;
    return count * COALESCING_GRANULARITY_NS;
}

/* A change the device must see now if responses wait for the interrupt. */
static void changed(struct request_ring *r) {
    if (r->executed > 0) pthread_cond_broadcast(&r->wake);
    ring_unlock(r);
}

int ring_response_mode(struct request_ring *r) {
    ring_lock(r);
    int mode = r->events.mode;
    ring_unlock(r);
    return mode;
}

void ring_set_response_mode(struct request_ring *r, int mode, int write_timer) {
    ring_lock(r);
    struct ring_events *e = &r->events;
    if (e->mode != mode) {
        e->mode = mode;
        e->armed = mode == RESPONSES_EVENT;
        e->pending_since = 0;
        if (write_timer) e->timer_ns = as_hardware_holds(e->timer_set ? e->timer_asked_ns : COALESCING_DEFAULT_NS);
    }
    changed(r);
}

void ring_set_coalescing(struct request_ring *r, unsigned ns) {
    ring_lock(r);
    r->events.timer_set = 1;
    r->events.timer_asked_ns = ns;
    r->events.timer_ns = as_hardware_holds(ns);
    changed(r);
}

unsigned ring_coalescing_ns(struct request_ring *r) {
    ring_lock(r);
    unsigned ns = r->events.timer_ns;
    ring_unlock(r);
    return ns;
}

void ring_rearm(struct request_ring *r) {
    ring_lock(r);
    if (r->events.mode == RESPONSES_EVENT) {
        r->events.armed = 1;
        r->events.pending_since = 0;
    }
    changed(r);
}

long long ring_interrupt_step(struct request_ring *r, long long now, const int *vf_fds) {
    struct ring_events *e = &r->events;
    if (e->mode != RESPONSES_EVENT || !e->armed || r->executed == 0) {
        e->pending_since = 0;
        return 0;
    }
    if (e->pending_since == 0) e->pending_since = now;
    long long at = e->pending_since + e->timer_ns;
    if (now < at) return at;
    uint64_t one = 1;
    e->armed = 0;
    e->pending_since = 0;
    DEVICE_COUNT(event_signals, 1); /* before the write: whoever the write wakes sees it counted */
    if (write(vf_fds[e->vf], &one, sizeof one) != (ssize_t) sizeof one) DEVICE_COUNT(host_access_errors, 1);
    return 0;
}
