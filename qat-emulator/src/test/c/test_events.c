/* Rule 16: waiting for completions in event mode (qatlib 26.02+): the functions each release has, their status
 * codes, one eventfd per VF shared by its instances, one signal per arming, the coalescing timer (26.08), and which
 * release's poll drains the eventfd. */
#include "emu_test.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DC CPA_ACC_SVC_TYPE_DATA_COMPRESSION
#define EVENT CPA_INST_RX_NOTIFY_BY_EVENT
#define POLLED CPA_INST_RX_NOTIFY_NONE

static CpaInstanceHandle inst[16];

struct small {
    void *cs;
    struct req *r;
    uint8_t *in, *out;
    struct completion c;
};

static void small_new(struct small *s, CpaInstanceHandle h) {
    s->cs = session_new(h, 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    s->r = req_new(h, 2);
    s->in = E.alloc(1000, 0, 64);
    s->out = E.alloc(4096, 0, 64);
    fill_text(s->in, 1000, 2);
}

static void submit(struct small *s, CpaInstanceHandle h) {
    req_source(s->r, s->in, 1000, 0);
    req_destination(s->r, s->out, 4096, 0);
    req_prepare(s->r, 1);
    memset(&s->c, 0, sizeof s->c);
    CHECK_EQ(E.compress(h, s->cs, s->r->src, s->r->dst, s->r->op, s->r->results, &s->c), CPA_STATUS_SUCCESS, "submit");
}

/* The device has executed n requests since the last counter reset. */
static void executed(long long n) {
    for (int i = 0; i < 1000 && E.counter("device_requests") < n; i++) sleep_ms(2);
    CHECK_EQ(E.counter("device_requests"), n, "executed");
}

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* As qatlib's sample waits: epoll, edge-triggered, on the instance's fd. 1 when it fired within timeout_ms. */
static int signalled(int fd, int timeout_ms) {
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN | EPOLLET, {.fd = fd}}, got;
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0, "epoll_ctl");
    int n = epoll_wait(ep, &got, 1, timeout_ms);
    close(ep);
    return n == 1;
}

/* What the eventfd holds now (0 when drained). */
static uint64_t eventfd_count(int fd) {
    uint64_t v = 0;
    return read(fd, &v, sizeof v) == (ssize_t) sizeof v ? v : 0;
}

static int event_fd_of(CpaInstanceHandle h) {
    int fd = -1;
    CHECK_EQ(E.getFd(h, &fd), CPA_STATUS_SUCCESS, "icp_sal_DcGetFileDescriptor");
    return fd;
}

/* Which release has which function: 26.08 all six, 26.02 no coalescing timer, 22.07-25.08 only the fd functions
 * (exported by every release, and UNSUPPORTED there: no instance is ever in event mode). */
static void each_release_has_its_functions(void) {
    static const struct {
        const char *variant;
        int mode, timer;
    } releases[] = {{"iova", 1, 1}, {"iova-26.02", 1, 0}, {"legacy", 0, 0}, {"v3", 0, 0}};
    for (size_t i = 0; i < sizeof releases / sizeof releases[0]; i++) {
        emu_load(releases[i].variant);
        CHECK((E.setResponseMode != NULL) == releases[i].mode, "%s: cpaInstanceSetResponseMode", releases[i].variant);
        CHECK((E.getResponseMode != NULL) == releases[i].mode, "%s: cpaInstanceGetResponseMode", releases[i].variant);
        CHECK((E.setCoalescing != NULL) == releases[i].timer, "%s: SetIntCoalescingTimer", releases[i].variant);
        CHECK((E.interruptData != NULL) == releases[i].timer, "%s: GetRxInterruptMetaData", releases[i].variant);
        CHECK(E.getFd != NULL && E.putFd != NULL, "%s: the fd functions", releases[i].variant);
    }
}

/* Before 26.02 the fd functions exist but no instance is in event mode. */
static void before_26_02_every_instance_is_polled(void) {
    emu_load("legacy");
    emu_start(inst, 16);
    int fd = -1;
    CHECK_EQ(E.getFd(inst[0], &fd), CPA_STATUS_UNSUPPORTED, "polled");
    CHECK_EQ(E.putFd(inst[0], 3), CPA_STATUS_UNSUPPORTED, "polled");
    CHECK_EQ(E.getFd(NULL, &fd), CPA_STATUS_INVALID_PARAM, "NULL");
    emu_stop(inst, 2);
    CHECK_EQ(E.getFd(inst[0], &fd), CPA_STATUS_FAIL, "not running");
}

/* cpaInstanceSetResponseMode/GetResponseMode and the fd functions' answers (qatlib 26.08). */
static void response_mode_status_codes(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint32_t mode = 0;
    int fd = -1;
    CHECK_EQ(E.getResponseMode(inst[0], DC, &mode), CPA_STATUS_SUCCESS, "get");
    CHECK_EQ(mode, POLLED, "polled from the start");
    CHECK_EQ(E.getFd(inst[0], &fd), CPA_STATUS_UNSUPPORTED, "fd of a polled instance");
    CHECK_EQ(E.putFd(inst[0], 3), CPA_STATUS_UNSUPPORTED, "put on a polled instance");
    CHECK_EQ(E.setResponseMode(inst[0], DC, 3), CPA_STATUS_UNSUPPORTED, "unknown mode");
    CHECK_EQ(E.setResponseMode(inst[0], 99, 3), CPA_STATUS_UNSUPPORTED, "the mode is checked first");
    CHECK_EQ(E.setResponseMode(NULL, DC, EVENT), CPA_STATUS_INVALID_PARAM, "NULL instance");
    CHECK_EQ(E.setResponseMode(inst[0], CPA_ACC_SVC_TYPE_CRYPTO_SYM, EVENT), CPA_STATUS_INVALID_PARAM, "crypto type");
    CHECK_EQ(E.setResponseMode(inst[0], CPA_ACC_SVC_TYPE_DATA_DECOMPRESSION, EVENT), CPA_STATUS_FAIL, "no decomp ring");
    CHECK_EQ(E.getResponseMode(inst[0], DC, NULL), CPA_STATUS_INVALID_PARAM, "NULL mode");
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
    CHECK_EQ(E.getResponseMode(inst[0], DC, &mode), CPA_STATUS_SUCCESS, "get");
    CHECK_EQ(mode, EVENT, "event mode");
    CHECK_EQ(E.getResponseMode(inst[0], CPA_ACC_SVC_TYPE_DATA_DECOMPRESSION, &mode), CPA_STATUS_SUCCESS, "decomp type");
    CHECK_EQ(mode, EVENT, "the same instance");
    CHECK_EQ(E.getResponseMode(inst[1], DC, &mode), CPA_STATUS_SUCCESS, "the other instance");
    CHECK_EQ(mode, POLLED, "still polled");
    fd = event_fd_of(inst[0]);
    CHECK(fd >= 0 && (fcntl(fd, F_GETFL) & O_NONBLOCK), "a non-blocking descriptor");
    char link[64], target[64] = {0};
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    CHECK(readlink(link, target, sizeof target - 1) > 0 && strstr(target, "eventfd") != NULL, "an eventfd: %s", target);
    CHECK_EQ(E.putFd(inst[0], fd), CPA_STATUS_SUCCESS, "put");
    CHECK(fcntl(fd, F_GETFD) >= 0, "still open after put: it is the VF's");
    CHECK_EQ(E.setResponseMode(inst[0], DC, POLLED), CPA_STATUS_SUCCESS, "back to polled");
    CHECK_EQ(E.getFd(inst[0], &fd), CPA_STATUS_UNSUPPORTED, "polled again");
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode again");
    emu_stop(inst, 2);
    CHECK_EQ(E.getFd(inst[0], &fd), CPA_STATUS_FAIL, "the service is not running");
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_FAIL, "no ring after the stop");
}

/* 26.08 refuses to switch while a request is in flight; 26.02 does not check. */
static void switching_with_requests_in_flight(const char *variant, CpaStatus want) {
    emu_load(variant);
    emu_start(inst, 16);
    struct small s;
    small_new(&s, inst[0]);
    E.setHang(1);
    submit(&s, inst[0]);
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), want, "a switch with a request in flight");
    E.setHang(0);
    CHECK_EQ(wait_for(inst[0], &s.c, 5000), CPA_STATUS_SUCCESS, "delivered");
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "nothing in flight");
}

static void retry_with_requests_in_flight_26_08(void) {
    switching_with_requests_in_flight("iova", CPA_STATUS_RETRY);
}

static void no_retry_check_in_26_02(void) {
    switching_with_requests_in_flight("iova-26.02", CPA_STATUS_SUCCESS);
}

/* Four instances, two per VF: instances on a VF share one eventfd and one bus address, and a completion on either
 * signals it, so a waiter must poll every instance behind the fd. */
static void one_eventfd_per_vf(void) {
    emu_load("iova");
    CHECK_EQ(emu_start(inst, 16), 4, "instances");
    int fd[4];
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(E.setResponseMode(inst[i], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
        CHECK_EQ(E.setCoalescing(inst[i], DC, 0), CPA_STATUS_SUCCESS, "no coalescing");
        fd[i] = event_fd_of(inst[i]);
    }
    CHECK(fd[0] == fd[1] && fd[2] == fd[3] && fd[0] != fd[2], "fds %d %d %d %d", fd[0], fd[1], fd[2], fd[3]);
    CpaInstanceInfo2 a, b, c;
    E.getInfo2(inst[0], &a);
    E.getInfo2(inst[1], &b);
    E.getInfo2(inst[2], &c);
    CHECK(a.physInstId.busAddress == b.physInstId.busAddress, "one VF, one bus address");
    CHECK(a.physInstId.busAddress != c.physInstId.busAddress, "another VF, another bus address");
    struct small s;
    small_new(&s, inst[1]);
    submit(&s, inst[1]);
    CHECK(signalled(fd[0], 5000), "a completion on instance 1 wakes the waiter on instance 0's fd");
    CHECK_EQ(E.poll(inst[0], 0), CPA_STATUS_RETRY, "instance 0 has nothing");
    CHECK_EQ(E.poll(inst[1], 0), CPA_STATUS_SUCCESS, "instance 1 has the response");
    CHECK(atomic_load(&s.c.done), "delivered");
    CHECK(!signalled(fd[2], 50), "the other VF's fd stays quiet");
}

/* An interrupt fires once per arming: responses that follow before a poll add no signal; the poll re-arms it. In
 * polled mode nothing is signalled. */
static void one_signal_until_the_next_poll(void) {
    emu_load("iova");
    emu_start(inst, 16);
    struct small s[3];
    for (int i = 0; i < 3; i++) small_new(&s[i], inst[0]);
    submit(&s[0], inst[0]);
    CHECK_EQ(wait_for(inst[0], &s[0].c, 5000), CPA_STATUS_SUCCESS, "polled");
    CHECK_EQ(E.counter("event_signals"), 0, "polled mode signals nothing");
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
    CHECK_EQ(E.setCoalescing(inst[0], DC, 0), CPA_STATUS_SUCCESS, "no coalescing");
    int fd = event_fd_of(inst[0]);
    E.resetCounters();
    submit(&s[1], inst[0]);
    CHECK(signalled(fd, 5000), "signalled");
    submit(&s[2], inst[0]);
    executed(2);
    sleep_ms(20);
    CHECK_EQ(E.counter("event_signals"), 1, "one signal until a poll");
    CHECK_EQ(E.poll(inst[0], 0), CPA_STATUS_SUCCESS, "both delivered");
    CHECK(atomic_load(&s[1].c.done) && atomic_load(&s[2].c.done), "both");
    submit(&s[1], inst[0]);
    CHECK(signalled(fd, 5000), "re-armed by the poll");
    CHECK_EQ(E.counter("event_signals"), 2, "a second signal");
}

/* A poll with a quota leaves responses on the ring: the re-armed interrupt signals them again. */
static void responses_left_by_a_quota_signal_again(void) {
    emu_load("iova");
    emu_start(inst, 16);
    struct small s[2];
    for (int i = 0; i < 2; i++) small_new(&s[i], inst[0]);
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
    CHECK_EQ(E.setCoalescing(inst[0], DC, 0), CPA_STATUS_SUCCESS, "no coalescing");
    int fd = event_fd_of(inst[0]);
    E.setHang(1);
    submit(&s[0], inst[0]);
    submit(&s[1], inst[0]);
    E.setHang(0);
    executed(2);
    CHECK(signalled(fd, 5000), "signalled");
    CHECK_EQ(E.poll(inst[0], 1), CPA_STATUS_SUCCESS, "one of two");
    CHECK(signalled(fd, 5000), "signalled again for the one left");
    CHECK_EQ(E.poll(inst[0], 0), CPA_STATUS_SUCCESS, "the other");
}

/* 26.08's poll drains the eventfd; 26.02's does not (the count keeps growing). */
static void poll_and_the_eventfd(const char *variant, int drained) {
    emu_load(variant);
    emu_start(inst, 16);
    struct small s;
    small_new(&s, inst[0]);
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
    int fd = event_fd_of(inst[0]);
    submit(&s, inst[0]);
    CHECK(signalled(fd, 5000), "signalled");
    CHECK_EQ(E.poll(inst[0], 0), CPA_STATUS_SUCCESS, "delivered");
    CHECK_EQ(eventfd_count(fd) > 0, !drained, drained ? "drained by the poll" : "left by the poll");
}

static void the_26_08_poll_drains_the_eventfd(void) {
    poll_and_the_eventfd("iova", 1);
}

static void the_26_02_poll_does_not_drain_it(void) {
    poll_and_the_eventfd("iova-26.02", 0);
}

/* cpaInstanceSetIntCoalescingTimer/GetRxInterruptMetaData: 256 ns counts, 512 us cap, 10 us by default once in event
 * mode, 0 disables; above the cap INVALID_PARAM. */
static void coalescing_timer_limits(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CpaRxInterruptMetaData d;
    memset(&d, 0xff, sizeof d);
    CHECK_EQ(E.interruptData(inst[0], DC, &d), CPA_STATUS_SUCCESS, "read");
    CHECK_EQ(d.coalescingTimerInNs, 0, "not written before event mode");
    CHECK_EQ(d.coalescingTimerMaxInNs, 512000, "maximum");
    CHECK_EQ(d.coalescingTimerGranularityInNs, 256, "granularity");
    CHECK(d.reserved1 == 0 && d.reserved2 == 0, "reserved fields zeroed");
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
    E.interruptData(inst[0], DC, &d);
    CHECK_EQ(d.coalescingTimerInNs, 9984, "the 10 us default, in 256 ns counts");
    CHECK_EQ(E.setCoalescing(inst[0], DC, 512001), CPA_STATUS_INVALID_PARAM, "above the maximum");
    CHECK_EQ(E.setCoalescing(inst[0], DC, 512000), CPA_STATUS_SUCCESS, "the maximum");
    E.interruptData(inst[0], DC, &d);
    CHECK_EQ(d.coalescingTimerInNs, 512000, "512 us");
    CHECK_EQ(E.setCoalescing(inst[0], DC, 1000), CPA_STATUS_SUCCESS, "1 us");
    E.interruptData(inst[0], DC, &d);
    CHECK_EQ(d.coalescingTimerInNs, 768, "rounded down to 256 ns counts");
    CHECK_EQ(E.setCoalescing(inst[0], DC, 100), CPA_STATUS_SUCCESS, "below one count");
    E.interruptData(inst[0], DC, &d);
    CHECK_EQ(d.coalescingTimerInNs, 256, "at least one count");
    CHECK_EQ(E.setCoalescing(inst[0], DC, 0), CPA_STATUS_SUCCESS, "disabled");
    E.interruptData(inst[0], DC, &d);
    CHECK_EQ(d.coalescingTimerInNs, 0, "disabled");
    CHECK_EQ(E.setCoalescing(inst[1], DC, 20000), CPA_STATUS_SUCCESS, "a polled instance takes it too");
    CHECK_EQ(E.interruptData(inst[0], DC, NULL), CPA_STATUS_INVALID_PARAM, "NULL data");
    CHECK_EQ(E.setCoalescing(inst[0], CPA_ACC_SVC_TYPE_DATA_DECOMPRESSION, 0), CPA_STATUS_FAIL, "no decomp ring");
    CHECK_EQ(E.setCoalescing(inst[0], CPA_ACC_SVC_TYPE_CRYPTO_ASYM, 0), CPA_STATUS_INVALID_PARAM, "crypto type");
    CHECK_EQ(E.setCoalescing(NULL, DC, 0), CPA_STATUS_INVALID_PARAM, "NULL instance");
}

/* Milliseconds from a submission to the signal, with the given coalescing timer. */
static double submission_to_signal_ms(struct small *s, uint32_t timer_ns) {
    CHECK_EQ(E.setCoalescing(inst[0], DC, timer_ns), CPA_STATUS_SUCCESS, "timer");
    int fd = event_fd_of(inst[0]);
    double t0 = now_ms();
    submit(s, inst[0]);
    CHECK(signalled(fd, 5000), "signalled");
    double ms = now_ms() - t0;
    CHECK_EQ(E.poll(inst[0], 0), CPA_STATUS_SUCCESS, "delivered");
    return ms;
}

/* The coalescing timer delays the signal: the fd fires no sooner than the timer after the response. */
static void the_coalescing_timer_delays_the_signal(void) {
    emu_load("iova");
    emu_start(inst, 16);
    struct small s;
    small_new(&s, inst[0]);
    CHECK_EQ(E.setResponseMode(inst[0], DC, EVENT), CPA_STATUS_SUCCESS, "event mode");
    double immediate = submission_to_signal_ms(&s, 0), coalesced = submission_to_signal_ms(&s, 512000);
    printf("     submission to signal: %.3f ms with the timer off, %.3f ms with 0.512 ms\n", immediate, coalesced);
    CHECK(coalesced >= 0.512, "signalled %.3f ms after the submission, timer 0.512 ms", coalesced);
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"each_release_has_its_functions", each_release_has_its_functions, NULL},
        {"before_26_02_every_instance_is_polled", before_26_02_every_instance_is_polled, NULL},
        {"response_mode_status_codes", response_mode_status_codes, NULL},
        {"retry_with_requests_in_flight_26_08", retry_with_requests_in_flight_26_08, NULL},
        {"no_retry_check_in_26_02", no_retry_check_in_26_02, NULL},
        {"one_eventfd_per_vf", one_eventfd_per_vf, "KQAT_EMU_INSTANCES=4 KQAT_EMU_INSTANCES_PER_VF=2"},
        {"one_eventfd_per_vf_thread_mode", one_eventfd_per_vf,
         "KQAT_EMU_INSTANCES=4 KQAT_EMU_INSTANCES_PER_VF=2 KQAT_EMU_DEVICE=thread"},
        {"one_signal_until_the_next_poll", one_signal_until_the_next_poll, NULL},
        {"responses_left_by_a_quota_signal_again", responses_left_by_a_quota_signal_again, NULL},
        {"the_26_08_poll_drains_the_eventfd", the_26_08_poll_drains_the_eventfd, NULL},
        {"the_26_02_poll_does_not_drain_it", the_26_02_poll_does_not_drain_it, NULL},
        {"coalescing_timer_limits", coalescing_timer_limits, NULL},
        {"the_coalescing_timer_delays_the_signal", the_coalescing_timer_delays_the_signal, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
