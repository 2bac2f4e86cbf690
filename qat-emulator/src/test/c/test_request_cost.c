/* The emulator's share of a request's host CPU: a caller in C that makes what kqat makes per request (one stateless
 * deflate request of 16 or 64 KiB in event mode, on qatlib 26.08) and waits as kqat does (epoll on the VF's eventfd,
 * then one poll, which runs the callback and drains the eventfd), its thread CPU per request printed. Whatever the
 * emulator's library and the kernel cost here (the submission, the sleep and wake-up, the poll) is a floor under
 * kqat's figure on the same machine; the rest of kqat's figure is its own Java and JNA. The checks only make sure the
 * loop measured what it says: every request completed, and the caller slept while the device worked. Longer runs:
 * KQAT_COST_REQUESTS=N in the environment (default 200 per size). */
#include "event_helpers.h"

#include <stdio.h>
#include <stdlib.h>

static double thread_cpu_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

/* Submits and waits for one request as kqat's waiting caller does. */
static void one_request(CpaInstanceHandle h, void *session, struct req *r, int ep) {
    struct completion c = {0};
    CHECK_EQ(E.compress(h, session, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_SUCCESS, "submit");
    while (!atomic_load(&c.done)) {
        struct epoll_event got;
        int n = epoll_wait(ep, &got, 1, 5000);
        CHECK(n == 1, "no signal within 5 s");
        E.poll(h, 0);
    }
    CHECK_EQ(c.status, CPA_STATUS_SUCCESS, "callback status");
}

static void cost_at(CpaInstanceHandle h, int kib, int requests) {
    size_t len = (size_t) kib << 10;
    void *session = session_new(h, 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(h, 4);
    uint8_t *in = E.alloc(len, 0, 64), *out = E.alloc(2 * len + 1024, 0, 64);
    fill_text(in, len, 7);
    req_source(r, in, len, 64 << 10);
    req_destination(r, out, 2 * len + 1024, 64 << 10);
    req_prepare(r, 1);
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN | EPOLLET, {.fd = event_fd_of(h)}};
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, ev.data.fd, &ev) == 0, "epoll_ctl");
    E.setLatency(5 + kib * 25LL / 64); /* device-test's latency knob: about a 4xxx's at level 1 */
    for (int i = 0; i < 50; i++) one_request(h, session, r, ep);
    double cpu0 = thread_cpu_us(), wall0 = now_ms();
    for (int i = 0; i < requests; i++) one_request(h, session, r, ep);
    double cpu = (thread_cpu_us() - cpu0) / requests, wall = (now_ms() - wall0) * 1e3 / requests;
    printf("C caller, %d KiB, event-driven: %.1f us of its thread's CPU per request, %.0f us of wall time (%d requests)\n",
           kib, cpu, wall, requests);
    CHECK(cpu > 0 && cpu < wall / 2, "the caller slept while the device worked (%.1f us CPU of %.0f us)", cpu, wall);
    close(ep);
    E.free((void **) &in);
    E.free((void **) &out);
    req_free(r);
    session_free(h, session);
}

static void a_c_callers_cost_per_request(void) {
    const char *n = getenv("KQAT_COST_REQUESTS");
    int requests = n ? atoi(n) : 200;
    CHECK(requests > 0, "KQAT_COST_REQUESTS");
    static CpaInstanceHandle inst[16];
    emu_load("iova");
    int count = emu_start(inst, 16);
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
    long long before = E.counter("device_requests");
    cost_at(inst[0], 16, requests);
    cost_at(inst[0], 64, requests);
    CHECK_EQ(E.counter("device_requests") - before, 2 * (requests + 50), "every request reached the device");
    emu_stop(inst, count);
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"a_c_callers_cost_per_request", a_c_callers_cost_per_request, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
