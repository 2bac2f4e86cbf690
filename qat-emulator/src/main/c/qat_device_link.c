/* The library's side of its device (see qat_device_link.h). */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "emu_shared.h"
#include "qat_config.h"
#include "qat_device_link.h"
#include "qat_device_process.h"
#include "qat_device_threads.h"
#include "qat_usdm_link.h"

static struct shm segment = {NULL, 0, -1};
static int vf_fds[MAX_INSTANCES];
static int vf_count;
static int running_in_process, running_on_threads;

static struct ring_segment *rings(void) {
    return segment.addr;
}

static void close_vf_fds(void) {
    for (int v = 0; v < vf_count; v++) {
        if (vf_fds[v] >= 0) close(vf_fds[v]);
        vf_fds[v] = -1;
    }
    vf_count = 0;
}

int device_link_open(int n, int ring_size, int vfs, const int *vf_of) {
    /* qatlib's rings are USDM memory, MADV_DONTFORK: a fork child has none of them. */
    if (!shm_create(&segment, "kqat-emu-rings", ring_segment_bytes(n, ring_size), 1)) return 0;
    ring_segment_init(rings(), n, ring_size, vfs, vf_of);
    vf_count = vfs;
    for (int v = 0; v < vfs; v++) {
#ifdef KQAT_EMU_EVENTS
        /* vfio_lib.c: one eventfd(0, EFD_NONBLOCK) per VF device, its MSI interrupt (CLOEXEC added: no child keeps it). */
        vf_fds[v] = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (vf_fds[v] < 0) {
            device_link_close();
            return 0;
        }
#else
        vf_fds[v] = -1; /* up to 25.08 the library makes no eventfd */
#endif
    }
    return 1;
}

struct request_ring *device_ring(int i) {
    return ring_at(rings(), i);
}

int device_vf_fd(int vf) {
    return vf >= 0 && vf < vf_count ? vf_fds[vf] : -1;
}

int device_link_start(int in_process) {
    int table_fd = -1;
    struct iommu_table *table = usdm_iommu(&table_fd);
    if (table == NULL) return 0;
    if (in_process) {
        int with_eventfds = vf_count > 0 && vf_fds[0] >= 0 ? vf_count : 0;
        running_in_process = device_process_start(segment.fd, table_fd, vf_fds, with_eventfds);
        return running_in_process;
    }
    struct request_ring *all[MAX_INSTANCES];
    for (int i = 0; i < rings()->rings; i++) all[i] = device_ring(i);
    running_on_threads = device_threads_start(all, rings()->rings, vf_fds, table);
    return running_on_threads;
}

void device_link_close(void) {
    if (rings() != NULL) {
        for (int i = 0; i < rings()->rings; i++) ring_stop_device(device_ring(i));
        if (running_in_process) device_process_wait();
        if (running_on_threads) device_threads_join();
        running_in_process = running_on_threads = 0;
        for (int i = 0; i < rings()->rings; i++) ring_drop_queued(device_ring(i));
    }
    shm_close(&segment);
    close_vf_fds();
}

void device_link_forget(void) {
    device_process_forget();
    device_threads_forget();
    running_in_process = running_on_threads = 0;
    if (segment.fd >= 0) close(segment.fd);
    segment.addr = NULL; /* MADV_DONTFORK: not mapped in the child */
    segment.fd = -1;
    close_vf_fds();
}

void wake_devices(void) {
    for (int i = 0; rings() != NULL && i < rings()->rings; i++) ring_wake_device(device_ring(i));
}

pid_t device_link_pid(void) {
    return running_in_process ? device_process_pid() : 0;
}
