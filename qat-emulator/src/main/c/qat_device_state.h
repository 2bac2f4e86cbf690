/*
 * What the library and its device share for the life of the process: the device's counters and the hang threshold.
 * It lives in a memfd segment, so the device may run in its own process (qat_device_link.h) and still count where
 * kqatemu_counter reads, and still see a hang set by kqatemu_set_hang. A fork child does not get it (MADV_DONTFORK):
 * its library opens one of its own.
 */
#ifndef KQAT_QAT_DEVICE_STATE_H
#define KQAT_QAT_DEVICE_STATE_H

#include <stdatomic.h>
#include <stdint.h>

#define NO_REQUEST (-1LL)

struct device_counters {
    atomic_llong bytes_in, bytes_out, iommu_faults, injected_faults, random_faults, request_errors;
    atomic_llong src_bytes_mapped, src_bytes_alloc, held_now, hung_requests, late_completions;
    atomic_llong decompress_trailing_bytes, overflows, device_ns, max_in_flight;
    atomic_llong device_cpu_ns, device_requests, event_signals, host_access_errors, lz4s_no_match_tokens;
};

struct device_state {
    uint32_t magic;
    atomic_llong hang_from; /* requests numbered from here on are held; NO_REQUEST: none */
    struct device_counters c;
};

#pragma GCC visibility push(hidden)

/* Set once the state is open (the library) or attached (the device process). */
extern struct device_state *device_state;

#define DEVICE_COUNT(counter, n) atomic_fetch_add(&device_state->c.counter, (long long) (n))

/* The library: opens the state on first use; 0 when no memory could be had. */
int device_state_open(void);
int device_state_fd(void);
/* A fork child: the parent's state is not mapped here; the next use opens a new one. */
void device_state_forget(void);
/* The device process: the state behind fd. */
int device_state_attach(int fd);

/* Whether a hang holds request number seq now. */
static inline int request_held(long long seq) {
    long long from = atomic_load(&device_state->hang_from);
    return from != NO_REQUEST && seq >= from;
}

#pragma GCC visibility pop

#endif
