/*
 * An instance's request ring: the queue between the submitting threads, the device and the polling threads, and the
 * device's doorbell. It lives in a segment shared with the device (qat_device_link.h), so its lock and condition are
 * process-shared and it holds no pointer of either process. A request holds its slot from the submit until the poll
 * delivers it: slots[head .. head+executed) are executed and wait for a poll, the next ones up to head+count are
 * queued for the device. The device works on a queued slot without the lock (polls take only executed slots,
 * submissions only free ones).
 */
#ifndef KQAT_QAT_RING_H
#define KQAT_QAT_RING_H

#include <pthread.h>
#include <stddef.h>

#include "qat_request.h"

#define RESPONSES_POLLED 1 /* CPA_INST_RX_NOTIFY_NONE */
#define RESPONSES_EVENT 2  /* CPA_INST_RX_NOTIFY_BY_EVENT */

#pragma GCC visibility push(hidden)

/* The ring's interrupt (event mode, qatlib 26.02+): see qat_ring_events.h. */
struct ring_events {
    int mode;                  /* RESPONSES_POLLED or RESPONSES_EVENT */
    int armed;                 /* the interrupt may fire: set by the switch to event mode and by every poll */
    long long pending_since;   /* monotonic ns of the first response the interrupt has not signalled; 0: none */
    unsigned timer_ns;         /* the coalescing timer as the hardware holds it (0: signal at once) */
    int timer_set;             /* cpaInstanceSetIntCoalescingTimer was called */
    unsigned timer_asked_ns;   /* what it was given */
    int vf;                    /* the VF whose eventfd the interrupt signals */
};

struct request_ring {
    pthread_mutex_t lock;
    pthread_cond_t wake; /* the doorbell; also a hang's end, a stop, a re-armed interrupt and (timed) a due time */
    int sleeping;        /* the device waits for a doorbell (a submission signals it only then) */
    int stopping;
    int size;
    int head, count, executed;
    struct ring_events events;
    struct request slots[];
};

/* The segment the rings live in, shared with the device: this header, then the rings one after another. */
struct ring_segment {
    unsigned magic;
    int rings, ring_size, vfs;
};

#define RING_SEGMENT_MAGIC 0x6b717267u /* "kqrg" */

size_t ring_segment_bytes(int rings, int ring_size);
/* Lays out the segment (rings polled, ring i on VF vf_of[i]). */
void ring_segment_init(struct ring_segment *s, int rings, int ring_size, int vfs, const int *vf_of);
struct request_ring *ring_at(struct ring_segment *s, int i);

/* Bytes a ring of size slots takes in the shared segment (a multiple of 64). */
size_t ring_bytes(int size);
void ring_init(struct request_ring *r, int size, int vf);
/* After the device stopped: requests still queued (a hung device's) are dropped with it. */
void ring_drop_queued(struct request_ring *r);

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
/* Waits for a signal, or until the monotonic time in ns (0: no time limit). */
void ring_wait_until_ns(struct request_ring *r, long long monotonic_ns);
void ring_sleep_until_doorbell(struct request_ring *r);
void ring_wake_device(struct request_ring *r);
void ring_stop_device(struct request_ring *r);

/* The polling side: takes the oldest executed request off the ring into *out; 0 when none is executed. */
int ring_take_executed(struct request_ring *r, struct request *out);
/* Requests on the ring, queued or executed. */
int ring_occupancy(struct request_ring *r);

long long monotonic_ns(void);

#pragma GCC visibility pop

#endif
