/*
 * The library's side of its device. At icp_sal_userStart the rings are laid out in a memfd segment shared with the
 * device, each VF gets its eventfd (event-mode releases only), and the device starts: by default in a process of its
 * own (qat_device_process.c), which reaches the application's memory only through the IOMMU table libusdm shares and
 * process_vm_readv/writev, so its work is not the application's CPU time; with KQAT_EMU_DEVICE=thread, on threads of
 * the application (qat_device_threads.c). At icp_sal_userStop the device stops and requests still queued are dropped.
 */
#ifndef KQAT_QAT_DEVICE_LINK_H
#define KQAT_QAT_DEVICE_LINK_H

#include <sys/types.h>

#include "qat_ring.h"

#pragma GCC visibility push(hidden)

/* Lays out rings rings of ring_size slots, ring i on VF vf_of[i] (of vfs), and the VFs' eventfds; 0 on failure. */
int device_link_open(int rings, int ring_size, int vfs, const int *vf_of);
struct request_ring *device_ring(int i);
/* The VF's eventfd (-1 in releases without event mode). */
int device_vf_fd(int vf);
/* Starts the device on the open rings, in its own process or on threads; 0 on failure. */
int device_link_start(int in_process);
/* Stops the device, drops what it still held, closes the rings and the eventfds. */
void device_link_close(void);
/* A fork child: nothing of the parent's device is its own (the rings are not even mapped in it). */
void device_link_forget(void);
/* Every device looks at its ring again (a hang's end, a new hang threshold). */
void wake_devices(void);
/* The device process (0 in thread mode or when none runs). */
pid_t device_link_pid(void);

#pragma GCC visibility pop

#endif
