/* Rule 19: the device's work is not the application's. The device runs in a process of its own (named, reaped at
 * the stop) and counts its CPU time per request; the application's CPU time is the host's cost alone (test_boundary.c:
 * what crosses the process boundary, and what does not). */
#include "emu_test.h"
#include "proc_helpers.h"

#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define MB (1ull << 20)
static CpaInstanceHandle inst[16];

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

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"the_device_is_a_process_of_its_own", the_device_is_a_process_of_its_own, "KQAT_EMU_DEVICE=process"},
        {"device_cpu_is_not_the_applications", device_cpu_is_not_the_applications, "KQAT_EMU_DEVICE=process"},
        {"device_cpu_is_not_the_applications_event_mode", device_cpu_is_not_the_applications_event_mode,
         "KQAT_EMU_DEVICE=process"},
        {"in_thread_mode_device_cpu_is_the_applications", in_thread_mode_device_cpu_is_the_applications,
         "KQAT_EMU_DEVICE=thread"},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
