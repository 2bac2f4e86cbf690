/* An instance's request ring (see qat_ring.h). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "qat_counters.h"
#include "qat_ring.h"

int ring_init(struct request_ring *r, int size) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&r->wake, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&r->lock, NULL);
    r->size = size;
    r->slots = calloc((size_t) size, sizeof(struct request));
    r->head = r->count = r->executed = 0;
    r->stopping = 0;
    r->sleeping = 0;
    return r->slots != NULL;
}

void ring_drop_queued(struct request_ring *r) {
    for (int k = 0; k < r->count - r->executed; k++) {
        struct request *rq = &r->slots[(r->head + r->executed + k) % r->size];
        if (rq->held) atomic_fetch_sub(&held_now, 1);
    }
}

void ring_destroy(struct request_ring *r) {
    free(r->slots);
    r->slots = NULL;
    pthread_cond_destroy(&r->wake);
    pthread_mutex_destroy(&r->lock);
}

struct request *ring_reserve(struct request_ring *r) {
    pthread_mutex_lock(&r->lock);
    if (r->count == r->size) {
        pthread_mutex_unlock(&r->lock);
        return NULL;
    }
    return &r->slots[(r->head + r->count) % r->size];
}

void ring_commit(struct request_ring *r) {
    r->count++;
    long long seen = atomic_load(&max_in_flight);
    while (r->count > seen && !atomic_compare_exchange_weak(&max_in_flight, &seen, r->count)) {
    }
    if (r->sleeping) pthread_cond_signal(&r->wake); /* the doorbell */
    pthread_mutex_unlock(&r->lock);
}

void ring_lock(struct request_ring *r) {
    pthread_mutex_lock(&r->lock);
}

void ring_unlock(struct request_ring *r) {
    pthread_mutex_unlock(&r->lock);
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

void ring_wait(struct request_ring *r) {
    pthread_cond_wait(&r->wake, &r->lock);
}

void ring_wait_until(struct request_ring *r, const struct timespec *monotonic) {
    pthread_cond_timedwait(&r->wake, &r->lock, monotonic);
}

void ring_sleep_until_doorbell(struct request_ring *r) {
    r->sleeping = 1;
    pthread_cond_wait(&r->wake, &r->lock);
    r->sleeping = 0;
}

void ring_wake_device(struct request_ring *r) {
    pthread_mutex_lock(&r->lock);
    pthread_cond_broadcast(&r->wake);
    pthread_mutex_unlock(&r->lock);
}

void ring_stop_device(struct request_ring *r) {
    pthread_mutex_lock(&r->lock);
    r->stopping = 1;
    pthread_cond_broadcast(&r->wake);
    pthread_mutex_unlock(&r->lock);
}

int ring_take_executed(struct request_ring *r, struct request *out) {
    pthread_mutex_lock(&r->lock);
    if (r->executed == 0) {
        pthread_mutex_unlock(&r->lock);
        return 0;
    }
    *out = r->slots[r->head];
    r->head = (r->head + 1) % r->size;
    r->count--;
    r->executed--;
    pthread_mutex_unlock(&r->lock);
    return 1;
}

int ring_occupancy(struct request_ring *r) {
    pthread_mutex_lock(&r->lock);
    int n = r->count;
    pthread_mutex_unlock(&r->lock);
    return n;
}
