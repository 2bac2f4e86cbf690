/*
 * Process mode (the default): the device runs in a process of its own, kqat-emu-device (device_main.c), spawned
 * from the library's directory at icp_sal_userStart. It gets the shared segments (the device's state, the rings,
 * libusdm's IOMMU table) and the VFs' eventfds as file descriptors, and reaches application memory only with
 * process_vm_readv/writev at addresses the IOMMU table gives it. It stops when the library closes its end of the
 * lifeline pipe: at icp_sal_userStop, or when the application dies, however it dies.
 */
#ifndef KQAT_QAT_DEVICE_PROCESS_H
#define KQAT_QAT_DEVICE_PROCESS_H

#include <stdint.h>
#include <sys/types.h>

/* The file descriptors the device process gets, in this order, from DEVICE_FIRST_FD on. */
#define DEVICE_FIRST_FD 3
#define DEVICE_STATE_FD 3
#define DEVICE_RINGS_FD 4
#define DEVICE_IOMMU_FD 5
#define DEVICE_LIFELINE_FD 6 /* read end: EOF means stop */
#define DEVICE_READY_FD 7    /* write end: 0, or the errno that kept the device from starting */
#define DEVICE_VF_FD0 8      /* then one eventfd per VF */

/* What the device process reads in the application before it reports ready: proof it can reach its memory. */
#define DEVICE_PROBE_COOKIE 0x6b7161742d646576ULL /* "kqat-dev" */

#pragma GCC visibility push(hidden)

/* 0 when the device process could not be started or could not reach the application's memory (said on stderr). */
int device_process_start(int rings_fd, int iommu_fd, const int *vf_fds, int vfs);
/* After every ring was stopped: closes the lifeline and reaps the process. */
void device_process_wait(void);
/* A fork child: the parent's device is not the child's (and the child's copy of the lifeline must not keep it). */
void device_process_forget(void);
pid_t device_process_pid(void);

#pragma GCC visibility pop

#endif
