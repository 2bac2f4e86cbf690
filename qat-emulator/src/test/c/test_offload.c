/* Rule 19: the device's work is not the application's. The device runs in a process of its own, reaches application
 * memory only through the IOMMU, counts its CPU time per request, ends with the application, and is never shared
 * with a fork child. */
#include "emu_test.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MB (1ull << 20)
static CpaInstanceHandle inst[16];

/* A process's state letter and parent from /proc/<pid>/stat; state 0 when it is gone. */
static char proc_state(pid_t pid, pid_t *parent) {
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *close_paren = strrchr(buf, ')');
    char state = 0;
    int ppid = 0;
    if (close_paren == NULL || sscanf(close_paren + 2, "%c %d", &state, &ppid) != 2) return 0;
    if (parent != NULL) *parent = ppid;
    return state;
}

static void comm_of(const char *path, char *out, size_t len) {
    FILE *f = fopen(path, "r");
    out[0] = '\0';
    if (f == NULL) return;
    if (fgets(out, (int) len, f) != NULL) out[strcspn(out, "\n")] = '\0';
    fclose(f);
}

static int has_thread(pid_t pid, const char *name) {
    char path[384], comm[32];
    snprintf(path, sizeof path, "/proc/%d/task", (int) pid);
    DIR *d = opendir(path);
    int found = 0;
    for (struct dirent *e; d != NULL && !found && (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "/proc/%d/task/%s/comm", (int) pid, e->d_name);
        comm_of(path, comm, sizeof comm);
        found = strcmp(comm, name) == 0;
    }
    if (d != NULL) closedir(d);
    return found;
}

static int gone(pid_t pid) {
    char s = proc_state(pid, NULL);
    return s == 0 || s == 'Z' || s == 'X';
}

static double cpu_seconds_of_this_process(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/* The device is a child process named kqat-emu-dev, with a thread per instance, and icp_sal_userStop reaps it. */
static void the_device_is_a_process_of_its_own(void) {
    emu_load("iova");
    int n = emu_start(inst, 16);
    pid_t device = (pid_t) E.counter("device_pid"), parent = 0;
    CHECK(device > 0 && device != getpid(), "device pid %d", (int) device);
    CHECK(proc_state(device, &parent) != 0 && parent == getpid(), "a child of the application (parent %d)", parent);
    char path[96], comm[32];
    snprintf(path, sizeof path, "/proc/%d/comm", (int) device);
    comm_of(path, comm, sizeof comm);
    CHECK(strcmp(comm, "kqat-emu-dev") == 0, "comm %s", comm);
    for (int i = 0; i < n; i++) {
        char want[32];
        snprintf(want, sizeof want, "kqat-emu-dev/%d", i);
        int found = 0;
        for (int k = 0; k < 100 && !(found = has_thread(device, want)); k++) sleep_ms(10); /* it names itself */
        CHECK(found, "a device thread named %s", want);
    }
    emu_stop(inst, n);
    CHECK(proc_state(device, NULL) == 0, "reaped at icp_sal_userStop");
    CHECK_EQ(E.counter("device_pid"), 0, "no device after the stop");
}

/* Between polls: a 50 us nap, or (event mode) epoll on the VF's eventfd the two instances share. */
static void wait_a_little(int epoll_fd) {
    if (epoll_fd >= 0) {
        struct epoll_event got;
        epoll_wait(epoll_fd, &got, 1, 100);
        return;
    }
    struct timespec t = {0, 50000};
    nanosleep(&t, NULL);
}

/* Compresses total bytes in 64 KiB requests, 4 in flight on each of two instances, polling both after each wait.
 * Returns the requests made. */
static int compress_all(uint8_t *in, size_t total, int epoll_fd) {
    void *cs[2] = {session_new(inst[0], 1, 6, CPA_DC_HT_FULL_DYNAMIC), session_new(inst[1], 1, 6, CPA_DC_HT_FULL_DYNAMIC)};
    enum { DEPTH = 8, CHUNK = 65536 };
    struct req *r[DEPTH];
    struct completion c[DEPTH];
    uint8_t *out = E.alloc((size_t) DEPTH * (CHUNK + 4096), 0, 64);
    CHECK(out != NULL, "destinations");
    for (int k = 0; k < DEPTH; k++) r[k] = req_new(inst[k % 2], 2);
    size_t next = 0;
    int requests = 0, in_flight = 0, busy[DEPTH] = {0};
    while (next < total || in_flight > 0) {
        for (int k = 0; k < DEPTH; k++) {
            if (busy[k] && atomic_load(&c[k].done)) {
                CHECK_EQ(c[k].status, CPA_STATUS_SUCCESS, "compression");
                busy[k] = 0;
                in_flight--;
            }
            if (!busy[k] && next < total) {
                req_source(r[k], in + next, CHUNK, 0);
                req_destination(r[k], out + (size_t) k * (CHUNK + 4096), CHUNK + 4096, 0);
                req_prepare(r[k], 1);
                memset(&c[k], 0, sizeof c[k]);
                CHECK_EQ(E.compress(inst[k % 2], cs[k % 2], r[k]->src, r[k]->dst, r[k]->op, r[k]->results, &c[k]),
                         CPA_STATUS_SUCCESS, "submit");
                busy[k] = 1;
                in_flight++;
                next += CHUNK;
                requests++;
            }
        }
        E.poll(inst[0], 0);
        E.poll(inst[1], 0);
        if (in_flight > 0 || next < total) wait_a_little(epoll_fd);
    }
    return requests;
}

/* An epoll set on the VF's eventfd, both instances in event mode without coalescing; -1 for polling. */
static int event_waiting(int events) {
    if (!events) return -1;
    int fd = -1, ep = epoll_create1(0);
    for (int i = 0; i < 2; i++) {
        CHECK_EQ(E.setResponseMode(inst[i], CPA_ACC_SVC_TYPE_DATA_COMPRESSION, CPA_INST_RX_NOTIFY_BY_EVENT),
                 CPA_STATUS_SUCCESS, "event mode");
        CHECK_EQ(E.getFd(inst[i], &fd), CPA_STATUS_SUCCESS, "fd");
    }
    struct epoll_event ev = {EPOLLIN | EPOLLET, {.fd = fd}};
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0, "epoll_ctl");
    return ep;
}

/* 64 MiB through the device: the application's CPU time (getrusage) is a small part of what the device reports. */
static void measure_host_and_device(int events) {
    size_t total = 64 * MB;
    emu_load("iova");
    CHECK_EQ(emu_start(inst, 16), 2, "instances");
    uint8_t *in = E.alloc(total, 0, 64);
    CHECK(in != NULL, "64 MiB");
    fill_text(in, total, 9);
    int epoll_fd = event_waiting(events);
    E.resetCounters();
    double host0 = cpu_seconds_of_this_process();
    int requests = compress_all(in, total, epoll_fd);
    double host = cpu_seconds_of_this_process() - host0, device = E.counter("device_cpu_ns") / 1e9;
    CHECK_EQ(E.counter("device_requests"), requests, "device requests");
    printf("     64 MiB in %d requests (%s): host %.3f s CPU (%.1f us/request), device %.3f s CPU (%.1f us/request)\n",
           requests, events ? "epoll on the VF's eventfd" : "polls 50 us apart", host, host * 1e6 / requests, device,
           device * 1e6 / requests);
    CHECK(device > 0.1, "the device did the work: %.3f s", device);
    /* Polling costs the host CPU in proportion to the wall time, which a loaded machine stretches. */
    double share = events ? 0.1 : 0.5;
    CHECK(host < device * share, "host %.3f s of CPU against the device's %.3f s", host, device);
}

static void device_cpu_is_not_the_applications(void) {
    measure_host_and_device(0);
}

static void device_cpu_is_not_the_applications_event_mode(void) {
    measure_host_and_device(1);
}

/* The control: with the device on the application's threads, its CPU time is the application's. */
static void in_thread_mode_device_cpu_is_the_applications(void) {
    size_t total = 16 * MB;
    emu_load("iova");
    CHECK_EQ(emu_start(inst, 16), 2, "instances");
    CHECK_EQ(E.counter("device_pid"), 0, "no device process");
    uint8_t *in = E.alloc(total, 0, 64);
    fill_text(in, total, 9);
    E.resetCounters();
    double host0 = cpu_seconds_of_this_process();
    compress_all(in, total, -1);
    double host = cpu_seconds_of_this_process() - host0, device = E.counter("device_cpu_ns") / 1e9;
    printf("     thread mode, 16 MiB: process %.3f s CPU, device threads %.3f s CPU\n", host, device);
    CHECK(host > device, "the process's CPU (%.3f s) includes the device's (%.3f s)", host, device);
}

/* An address outside every registration faults in the device process as on threads; so does a registered range the
 * application has unmapped since (the device's process_vm_readv fails where a thread would crash the application). */
static void unreachable_memory_faults_in_the_device_process(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CHECK(E.counter("device_pid") > 0, "process mode");
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 4);
    uint8_t *out = E.alloc(64 << 10, 0, 64), *a = anonymous(4 * MB, 1);
    fill_text(a, 4 * MB, 3);
    CHECK(E.map(a, 2 * MB) != 0, "mapped");
    req_source(r, a + 2 * MB - 4096, 8192, 0); /* runs out of the mapping */
    req_destination(r, out, 64 << 10, 0);
    req_prepare(r, 1);
    CHECK_EQ(run_request(inst[0], cs, r, 1), CPA_STATUS_FAIL, "a flat past its mapping");
    CHECK_EQ(r->results->status, CPA_DC_FATALERR, "device error");
    CHECK_EQ(E.counter("iommu_faults"), 1, "IOMMU fault");
    req_source(r, a, 8192, 0);
    req_prepare(r, 1);
    CHECK_EQ(run_request(inst[0], cs, r, 1), CPA_STATUS_SUCCESS, "inside the mapping");
    CHECK(munmap(a, 2 * MB) == 0, "the application unmaps the memory, still registered");
    req_prepare(r, 1);
    CHECK_EQ(run_request(inst[0], cs, r, 1), CPA_STATUS_FAIL, "memory gone");
    CHECK_EQ(E.counter("iommu_faults"), 2, "faulted");
    CHECK_EQ(E.counter("host_access_errors"), 1, "the device could not read it");
}

/* The device ends with the application, however it ends (here SIGKILL, with no icp_sal_userStop). */
static void the_device_ends_with_the_application(void) {
    emu_load("iova");
    int pipe_fds[2];
    CHECK(pipe(pipe_fds) == 0, "pipe");
    pid_t app = fork();
    if (app == 0) {
        pid_t device = E.userStart("SSL") == CPA_STATUS_SUCCESS ? (pid_t) E.counter("device_pid") : 0;
        if (write(pipe_fds[1], &device, sizeof device) != (ssize_t) sizeof device) _exit(1);
        raise(SIGKILL);
    }
    pid_t device = 0;
    CHECK(read(pipe_fds[0], &device, sizeof device) == (ssize_t) sizeof device && device > 0, "the device started");
    waitpid(app, NULL, 0);
    for (int i = 0; i < 500 && !gone(device); i++) sleep_ms(10);
    CHECK(gone(device), "device %d still running after the application died", (int) device);
}

static pid_t parent_device;

static int child_has_a_device_of_its_own(void) {
    uint16_t n = 9;
    if (E.getNumInstances(&n) != CPA_STATUS_RESOURCE) return 1; /* not started in the child */
    if (E.userStop() != CPA_STATUS_FAIL) return 2;               /* "Process id mismatch" */
    CpaInstanceHandle mine[16];
    emu_start(mine, 16);
    pid_t device = (pid_t) E.counter("device_pid");
    if (device <= 0 || device == parent_device) return 3;
    void *cs = session_new(mine[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(mine[0], 2);
    uint8_t *in = E.alloc(10000, 0, 64), *out = E.alloc(20000, 0, 64);
    fill_text(in, 10000, 5);
    req_source(r, in, 10000, 0);
    req_destination(r, out, 20000, 0);
    req_prepare(r, 1);
    if (run_request(mine[0], cs, r, 1) != CPA_STATUS_SUCCESS) return 4;
    emu_stop(mine, 2);
    return 0;
}

/* A fork child is not started, cannot stop its parent's device, and gets a device of its own when it starts; the
 * parent's device carries on. */
static void a_fork_child_does_not_share_the_device(void) {
    emu_load("iova");
    int n = emu_start(inst, 16);
    parent_device = (pid_t) E.counter("device_pid");
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) _exit(child_has_a_device_of_its_own());
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child: status %d", status);
    CHECK_EQ(E.counter("device_pid"), parent_device, "the parent's device");
    CHECK(!gone(parent_device), "still running");
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 2);
    uint8_t *in = E.alloc(10000, 0, 64), *out = E.alloc(20000, 0, 64);
    fill_text(in, 10000, 6);
    req_source(r, in, 10000, 0);
    req_destination(r, out, 20000, 0);
    req_prepare(r, 1);
    CHECK_EQ(run_request(inst[0], cs, r, 1), CPA_STATUS_SUCCESS, "the parent's request");
    emu_stop(inst, n);
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"the_device_is_a_process_of_its_own", the_device_is_a_process_of_its_own, "KQAT_EMU_DEVICE=process"},
        {"device_cpu_is_not_the_applications", device_cpu_is_not_the_applications, "KQAT_EMU_DEVICE=process"},
        {"device_cpu_is_not_the_applications_event_mode", device_cpu_is_not_the_applications_event_mode,
         "KQAT_EMU_DEVICE=process"},
        {"in_thread_mode_device_cpu_is_the_applications", in_thread_mode_device_cpu_is_the_applications,
         "KQAT_EMU_DEVICE=thread"},
        {"unreachable_memory_faults_in_the_device_process", unreachable_memory_faults_in_the_device_process,
         "KQAT_EMU_DEVICE=process"},
        {"the_device_ends_with_the_application", the_device_ends_with_the_application, "KQAT_EMU_DEVICE=process"},
        {"a_fork_child_does_not_share_the_device", a_fork_child_does_not_share_the_device, "KQAT_EMU_DEVICE=process"},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
