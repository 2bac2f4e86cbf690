/*
 * An instance's request ring: the queue between the submitting threads, the device and the polling threads, and the
 * device's doorbell. A request holds its slot from the submit until the poll delivers it: slots[head ..
 * head+executed) are executed and wait for a poll, the next ones up to head+count are queued for the device. The
 * device works on a queued slot without the lock (polls take only executed slots, submissions only free ones).
 */
#ifndef KQAT_QAT_RING_H
#define KQAT_QAT_RING_H

#include <pthread.h>
#include <time.h>

#include "qat_request.h"

#pragma GCC visibility push(hidden)

struct request_ring {
    pthread_mutex_t lock;
    pthread_cond_t wake; /* the doorbell; also a hang's end, a stop and (timed) a request's due time */
    int sleeping;        /* the device waits for a doorbell (a submission signals it only then) */
    int stopping;
    struct request *slots;
    int size;
    int head, count, executed;
};

/* 0 when the slots could not be allocated (the ring must still be destroyed). */
int ring_init(struct request_ring *r, int size);
/* After the device stopped: requests still queued (a hung device's) are dropped with it; then the ring goes. */
void ring_drop_queued(struct request_ring *r);
void ring_destroy(struct request_ring *r);

/* The submitting side: a free slot, returned with the ring locked; NULL (unlocked) when the ring is full. */
struct request *ring_reserve(struct request_ring *r);
/* Queues the reserved slot, rings the doorbell if the device sleeps, unlocks. */
void ring_commit(struct request_ring *r);

/* The device's side, all with the ring locked but ring_wake_device and ring_stop_device. */
void ring_lock(struct request_ring *r);
void ring_unlock(struct request_ring *r);
int ring_stopping(struct request_ring *r);
struct request *ring_next_queued(struct request_ring *r); /* NULL when every queued request is executed */
void ring_mark_executed(struct request_ring *r);          /* the oldest queued request is now executed */
void ring_wait(struct request_ring *r);
void ring_wait_until(struct request_ring *r, const struct timespec *monotonic);
void ring_sleep_until_doorbell(struct request_ring *r);
void ring_wake_device(struct request_ring *r);
void ring_stop_device(struct request_ring *r);

/* The polling side: takes the oldest executed request off the ring into *out; 0 when none is executed. */
int ring_take_executed(struct request_ring *r, struct request *out);
/* Requests on the ring, queued or executed. */
int ring_occupancy(struct request_ring *r);

#pragma GCC visibility pop

#endif
