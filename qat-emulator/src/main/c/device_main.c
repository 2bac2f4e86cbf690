/*
 * kqat-emu-device: the emulated QAT device in a process of its own (see qat_device_process.h). Started by libqat at
 * icp_sal_userStart with its shared segments and the VFs' eventfds as descriptors 3 onwards, it runs one thread per
 * ring (qat_device.c) and reaches the application's memory only through the IOMMU table and process_vm_readv/writev.
 * It ends when the lifeline closes: at icp_sal_userStop, or when the application dies.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/uio.h>
#include <unistd.h>

#include "emu_iommu.h"
#include "emu_shared.h"
#include "qat_config.h"
#include "qat_device.h"
#include "qat_device_memory.h"
#include "qat_device_process.h"
#include "qat_device_state.h"
#include "qat_host_memory.h"
#include "qat_ring.h"

struct device_thread {
    pthread_t thread;
    struct request_ring *ring;
    int index;
};

static int vf_fds[MAX_INSTANCES];

static void *thread_main(void *arg) {
    struct device_thread *t = arg;
    device_name_thread(t->index);
    device_run(t->ring, vf_fds);
    return NULL;
}

/* Whether this process can read the application's memory: the cookie libqat put there. */
static int probe(pid_t app, uintptr_t at) {
    uint64_t word = 0;
    struct iovec mine = {&word, sizeof word}, theirs = {(void *) at, sizeof word};
    if (process_vm_readv(app, &mine, 1, &theirs, 1, 0) != (ssize_t) sizeof word) return errno ? errno : EFAULT;
    return word == DEVICE_PROBE_COOKIE ? 0 : EINVAL;
}

static int attach(struct shm *rings, struct shm *table) {
    if (!device_state_attach(DEVICE_STATE_FD) || !shm_attach(rings, DEVICE_RINGS_FD) || !shm_attach(table, DEVICE_IOMMU_FD)) {
        return EINVAL;
    }
    struct ring_segment *s = rings->addr;
    struct iommu_table *t = table->addr;
    if (s->magic != RING_SEGMENT_MAGIC || s->rings > MAX_INSTANCES || t->magic != IOMMU_MAGIC) return EINVAL;
    return rings->len >= ring_segment_bytes(s->rings, s->ring_size) ? 0 : EINVAL;
}

static void report(int err) {
    if (write(DEVICE_READY_FD, &err, sizeof err) != (ssize_t) sizeof err) err = EPIPE;
    close(DEVICE_READY_FD);
    if (err != 0) exit(1);
}

int main(int argc, char **argv) {
    if (argc < 4) return 2;
    pid_t app = (pid_t) atol(argv[1]);
    uintptr_t cookie = (uintptr_t) strtoull(argv[2], NULL, 16);
    int vfs = atoi(argv[3]);
    if (vfs < 0 || vfs > MAX_INSTANCES) return 2;
    close_range((unsigned) (DEVICE_VF_FD0 + vfs), ~0U, 0); /* whatever else the application let through */
    prctl(PR_SET_NAME, "kqat-emu-dev");
    signal(SIGPIPE, SIG_IGN);
    for (int v = 0; v < vfs; v++) vf_fds[v] = DEVICE_VF_FD0 + v;
    char go;
    if (read(DEVICE_LIFELINE_FD, &go, 1) != 1) return 3; /* the application is gone before it let us in */
    struct shm rings, table;
    int err = probe(app, cookie);
    if (err == 0) err = attach(&rings, &table);
    report(err);
    host_memory_in(app);
    device_memory_use(table.addr);
    struct ring_segment *s = rings.addr;
    static struct device_thread threads[MAX_INSTANCES];
    int started = 0;
    for (int i = 0; i < s->rings; i++, started++) {
        threads[i] = (struct device_thread) {0, ring_at(s, i), i};
        if (pthread_create(&threads[i].thread, NULL, thread_main, &threads[i]) != 0) break;
    }
    ssize_t r;
    do {
        r = read(DEVICE_LIFELINE_FD, &go, 1);
    } while (r > 0 || (r < 0 && errno == EINTR));
    for (int i = 0; i < started; i++) ring_stop_device(ring_at(s, i));
    for (int i = 0; i < started; i++) pthread_join(threads[i].thread, NULL);
    return 0;
}
