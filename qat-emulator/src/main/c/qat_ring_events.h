/*
 * A ring's interrupt in event mode (qatlib 26.02+), as the VF's hardware and adf_user_transport_ctrl.c make it: a
 * response on an armed ring signals the VF's eventfd once the coalescing timer has run from the first response not
 * yet signalled (at once when the timer is 0), and disarms the ring; every poll of the instance re-arms it. The VF's
 * eventfd is shared by all its instances. The device signals (ring_interrupt_step); the library switches modes, sets
 * the timer and re-arms.
 */
#ifndef KQAT_QAT_RING_EVENTS_H
#define KQAT_QAT_RING_EVENTS_H

#include "qat_ring.h"

/* adf_platform_acceldev_common.h (26.08): 256 CPP cycles at 1 GHz per count, a 16-bit count, a 512 us software cap,
 * 10 us unless set. */
#define COALESCING_GRANULARITY_NS 256u
#define COALESCING_MAX_NS 512000u
#define COALESCING_DEFAULT_NS 10000u

#pragma GCC visibility push(hidden)

/* The library's side; each takes the ring's lock. */
int ring_response_mode(struct request_ring *r);
/* Switches mode; with write_timer (26.08's icp_adf_transSetRespMode), the timer is written on a real switch too. */
void ring_set_response_mode(struct request_ring *r, int mode, int write_timer);
void ring_set_coalescing(struct request_ring *r, unsigned ns);
unsigned ring_coalescing_ns(struct request_ring *r);
/* icp_adf_pollInstance in event mode: the interrupt is enabled again. */
void ring_rearm(struct request_ring *r);

/* The device's side, ring locked: signals vf_fds[vf] when the interrupt is due; returns when it will be (monotonic
 * ns), or 0 when none is pending. */
long long ring_interrupt_step(struct request_ring *r, long long now, const int *vf_fds);

#pragma GCC visibility pop

#endif
