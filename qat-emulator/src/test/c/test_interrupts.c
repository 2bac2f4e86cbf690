/* Rules 16c to 16f: the interrupt of event mode: one eventfd per VF shared by its instances, one signal per arming,
 * which release's poll drains the eventfd, and the coalescing timer's delay. */
#include "event_helpers.h"

#include <stdio.h>

static CpaInstanceHandle inst[16];

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
        {"one_eventfd_per_vf", one_eventfd_per_vf, "KQAT_EMU_INSTANCES=4 KQAT_EMU_INSTANCES_PER_VF=2"},
        {"one_eventfd_per_vf_thread_mode", one_eventfd_per_vf,
         "KQAT_EMU_INSTANCES=4 KQAT_EMU_INSTANCES_PER_VF=2 KQAT_EMU_DEVICE=thread"},
        {"one_signal_until_the_next_poll", one_signal_until_the_next_poll, NULL},
        {"responses_left_by_a_quota_signal_again", responses_left_by_a_quota_signal_again, NULL},
        {"the_26_08_poll_drains_the_eventfd", the_26_08_poll_drains_the_eventfd, NULL},
        {"the_26_02_poll_does_not_drain_it", the_26_02_poll_does_not_drain_it, NULL},
        {"the_coalescing_timer_delays_the_signal", the_coalescing_timer_delays_the_signal, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
