/*
 * The device: one thread per instance's ring, in the device process (device_main.c) or, in thread mode, in the
 * application (qat_device_threads.c). It executes the requests queued on its ring (qat_ring.c) in order, each when
 * due, none while hung; the work on one request is in qat_execute.c, and the poll (qat_completions.c) delivers what it
 * executed. In event mode it also raises the ring's interrupt (qat_ring_events.c).
 */
#ifndef KQAT_QAT_DEVICE_H
#define KQAT_QAT_DEVICE_H

#pragma GCC visibility push(hidden)

struct request_ring;

/* Runs the ring's device until the ring is stopped. vf_fds: the VFs' eventfds as this process sees them. */
void device_run(struct request_ring *ring, const int *vf_fds);
/* The name of device thread i ("kqat-emu-dev/<i>"), for ps, top and per-thread CPU figures. */
void device_name_thread(int i);

#pragma GCC visibility pop

#endif
