/* An instance's request ring (see qat_ring.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "emu_shared.h"
#include "qat_device_state.h"
#include "qat_ring.h"

size_t ring_bytes(int size) {
    size_t n = sizeof(struct request_ring) + (size_t) size * sizeof(struct request);
    return (n + 63) & ~(size_t) 63;
}

#define SEGMENT_HEADER 64

size_t ring_segment_bytes(int rings, int ring_size) {
    return SEGMENT_HEADER + (size_t) rings * ring_bytes(ring_size);
}

struct request_ring *ring_at(struct ring_segment *s, int i) {
    return (struct request_ring *) ((char *) s + SEGMENT_HEADER + (size_t) i * ring_bytes(s->ring_size));
}

void ring_segment_init(struct ring_segment *s, int rings, int ring_size, int vfs, const int *vf_of) {
    _Static_assert(sizeof(struct ring_segment) <= SEGMENT_HEADER, "segment header");
    s->magic = RING_SEGMENT_MAGIC;
    s->rings = rings;
    s->ring_size = ring_size;
    s->vfs = vfs;
    for (int i = 0; i < rings; i++) ring_init(ring_at(s, i), ring_size, vf_of[i]);
}

void ring_init(struct request_ring *r, int size, int vf) {
    memset(r, 0, ring_bytes(size));
    shared_mutex_init(&r->lock);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&r->wake, &attr);
    pthread_condattr_destroy(&attr);
    r->size = size;
    r->events.mode = RESPONSES_POLLED;
    r->events.vf = vf;
}

void ring_drop_queued(struct request_ring *r) {
    for (int k = 0; k < r->count - r->executed; k++) {
        struct request *rq = &r->slots[(r->head + r->executed + k) % r->size];
        if (rq->held) DEVICE_COUNT(held_now, -1);
    }
}

void ring_lock(struct request_ring *r) {
    shared_lock(&r->lock);
}

void ring_unlock(struct request_ring *r) {
    pthread_mutex_unlock(&r->lock);
}

struct request *ring_reserve(struct request_ring *r) {
    ring_lock(r);
    if (r->count == r->size) {
        ring_unlock(r);
        return NULL;
    }
    return &r->slots[(r->head + r->count) % r->size];
}

void ring_commit(struct request_ring *r) {
    r->count++;
    long long seen = atomic_load(&device_state->c.max_in_flight);
    while (r->count > seen && !atomic_compare_exchange_weak(&device_state->c.max_in_flight, &seen, r->count)) {
    }
    if (r->sleeping) pthread_cond_signal(&r->wake); /* the doorbell */
    ring_unlock(r);
}

int ring_stopping(struct request_ring *r) {
    return r->stopping;
}

struct request *ring_next_queued(struct request_ring *r) {
    return r->executed == r->count ? NULL : &r->slots[(r->head + r->executed) % r->size];
}

void ring_mark_executed(struct request_ring *r) {
    r->executed++;
}

static void wait_on(struct request_ring *r, const struct timespec *until) {
    int rc = until == NULL ? pthread_cond_wait(&r->wake, &r->lock) : pthread_cond_timedwait(&r->wake, &r->lock, until);
    if (rc == EOWNERDEAD) pthread_mutex_consistent(&r->lock);
}

void ring_wait_until_ns(struct request_ring *r, long long monotonic) {
    struct timespec t = {monotonic / 1000000000LL, monotonic % 1000000000LL};
    wait_on(r, monotonic > 0 ? &t : NULL);
}

void ring_sleep_until_doorbell(struct request_ring *r) {
    r->sleeping = 1;
    wait_on(r, NULL);
    r->sleeping = 0;
}

void ring_wake_device(struct request_ring *r) {
    ring_lock(r);
    pthread_cond_broadcast(&r->wake);
    ring_unlock(r);
}

void ring_stop_device(struct request_ring *r) {
    ring_lock(r);
    r->stopping = 1;
    pthread_cond_broadcast(&r->wake);
    ring_unlock(r);
}

int ring_take_executed(struct request_ring *r, struct request *out) {
    ring_lock(r);
    if (r->executed == 0) {
        ring_unlock(r);
        return 0;
    }
    *out = r->slots[r->head];
    r->head = (r->head + 1) % r->size;
    r->count--;
    r->executed--;
    ring_unlock(r);
    return 1;
}

int ring_occupancy(struct request_ring *r) {
    ring_lock(r);
    int n = r->count;
    ring_unlock(r);
    return n;
}

long long monotonic_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}
