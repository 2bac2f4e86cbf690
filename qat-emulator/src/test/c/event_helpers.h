/* Helpers of the event-mode tests (test_events.c, test_interrupts.c): a small request, and waiting on an eventfd as
 * qatlib's sample does. */
#ifndef KQAT_EVENT_HELPERS_H
#define KQAT_EVENT_HELPERS_H

#include "emu_test.h"

#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#define DC CPA_ACC_SVC_TYPE_DATA_COMPRESSION
#define EVENT CPA_INST_RX_NOTIFY_BY_EVENT
#define POLLED CPA_INST_RX_NOTIFY_NONE

struct small {
    void *cs;
    struct req *r;
    uint8_t *in, *out;
    struct completion c;
};

static inline void small_new(struct small *s, CpaInstanceHandle h) {
    s->cs = session_new(h, 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    s->r = req_new(h, 2);
    s->in = E.alloc(1000, 0, 64);
    s->out = E.alloc(4096, 0, 64);
    fill_text(s->in, 1000, 2);
}

static inline void submit(struct small *s, CpaInstanceHandle h) {
    req_source(s->r, s->in, 1000, 0);
    req_destination(s->r, s->out, 4096, 0);
    req_prepare(s->r, 1);
    memset(&s->c, 0, sizeof s->c);
    CHECK_EQ(E.compress(h, s->cs, s->r->src, s->r->dst, s->r->op, s->r->results, &s->c), CPA_STATUS_SUCCESS, "submit");
}

/* The device has executed n requests since the last counter reset. */
static inline void executed(long long n) {
    for (int i = 0; i < 1000 && E.counter("device_requests") < n; i++) sleep_ms(2);
    CHECK_EQ(E.counter("device_requests"), n, "executed");
}

static inline double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* As qatlib's sample waits: epoll, edge-triggered, on the instance's fd. 1 when it fired within timeout_ms. */
static inline int signalled(int fd, int timeout_ms) {
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN | EPOLLET, {.fd = fd}}, got;
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0, "epoll_ctl");
    int n = epoll_wait(ep, &got, 1, timeout_ms);
    close(ep);
    return n == 1;
}

/* What the eventfd holds now (0 when drained). */
static inline uint64_t eventfd_count(int fd) {
    uint64_t v = 0;
    return read(fd, &v, sizeof v) == (ssize_t) sizeof v ? v : 0;
}

static inline int event_fd_of(CpaInstanceHandle h) {
    int fd = -1;
    CHECK_EQ(E.getFd(h, &fd), CPA_STATUS_SUCCESS, "icp_sal_DcGetFileDescriptor");
    return fd;
}


#endif
