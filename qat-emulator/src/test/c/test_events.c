/* Rule 16, 16a, 16b and 16f: event mode (qatlib 26.02+): the functions each release has, their status codes, the
 * RETRY of 26.08, and the coalescing timer's limits (test_interrupts.c: how the interrupt behaves). */
#include "event_helpers.h"

#include <fcntl.h>
#include <stdio.h>

static CpaInstanceHandle inst[16];

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

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"each_release_has_its_functions", each_release_has_its_functions, NULL},
        {"before_26_02_every_instance_is_polled", before_26_02_every_instance_is_polled, NULL},
        {"response_mode_status_codes", response_mode_status_codes, NULL},
        {"retry_with_requests_in_flight_26_08", retry_with_requests_in_flight_26_08, NULL},
        {"no_retry_check_in_26_02", no_retry_check_in_26_02, NULL},
        {"coalescing_timer_limits", coalescing_timer_limits, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
