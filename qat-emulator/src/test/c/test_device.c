/* Rule 13 (fail percent, hang and late completion), rule 14 (a device thread: the submitting thread's CPU is the
 * host's cost only; completions delivered by the poll), and what exists: fault injection by number, RETRY on a full
 * ring, RETRY on removing a session with requests in flight, a start that fails. */
#include "emu_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static CpaInstanceHandle inst[16];

struct fixture {
    void *cs;
    struct req *r;
    uint8_t *in, *out;
};

static void setup(struct fixture *f, size_t in_bytes) {
    emu_load("iova");
    emu_start(inst, 16);
    f->cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    f->r = req_new(inst[0], 8);
    f->in = E.alloc(in_bytes, 0, 64);
    f->out = E.alloc(in_bytes + in_bytes / 4 + 4096, 0, 64);
    fill_text(f->in, in_bytes, 1);
}

static CpaStatus one(struct fixture *f, size_t n) {
    req_source(f->r, f->in, n, 0);
    req_destination(f->r, f->out, n + n / 4 + 4096, 0);
    req_prepare(f->r, 1);
    return run_request(inst[0], f->cs, f->r, 1);
}

/* 200 requests at 30%: the same requests fail for the same seed, after a counter reset too; another seed differs. */
static void pattern(struct fixture *f, char *out, int n) {
    for (int i = 0; i < n; i++) {
        CpaStatus s = one(f, 1000);
        out[i] = s == CPA_STATUS_SUCCESS ? '.' : 'x';
        if (s != CPA_STATUS_SUCCESS) CHECK_EQ(f->r->results->status, CPA_DC_FATALERR, "a failed request");
    }
    out[n] = '\0';
}

static void fail_percent_is_deterministic(void) {
    struct fixture f;
    setup(&f, 1000);
    char a[201], b[201], c[201];
    pattern(&f, a, 200);
    long long failed = E.counter("random_faults");
    CHECK(failed >= 35 && failed <= 85, "%lld of 200 failed at 30%%", failed);
    CHECK_EQ(E.counter("injected_faults"), failed, "counted as injected faults too");
    E.resetCounters();
    pattern(&f, b, 200);
    CHECK(strcmp(a, b) == 0, "same seed, same failures:\n%s\n%s", a, b);
    E.resetCounters();
    E.setSeed(43);
    pattern(&f, c, 200);
    CHECK(strcmp(a, c) != 0, "another seed, other failures");
    E.setFailPercent(0);
    pattern(&f, c, 50);
    CHECK(strchr(c, 'x') == NULL, "0%%: none fails");
    E.setFailPercent(100);
    pattern(&f, c, 50);
    CHECK(strchr(c, '.') == NULL, "100%%: all fail");
}

/* KQAT_EMU_FAIL_FROM/COUNT, and kqatemu_fail_requests: requests numbered from..from+count-1 fail. */
static void failing_requests_by_number(void) {
    struct fixture f;
    setup(&f, 1000);
    char p[11];
    pattern(&f, p, 10);
    CHECK(strcmp(p, "..xx......") == 0, "KQAT_EMU_FAIL_FROM=2 COUNT=2: %s", p);
    E.resetCounters();
    E.failRequests(5, 1);
    pattern(&f, p, 10);
    CHECK(strcmp(p, ".....x....") == 0, "kqatemu_fail_requests(5, 1): %s", p);
}

/* A hung device accepts requests and never completes them; un-hung, it writes the output late, on its own, and the
 * callback comes with the next poll. */
static void hang_then_late_completion(void) {
    struct fixture f;
    setup(&f, 20000);
    E.setHang(1);
    memset(f.out, 0xAA, 1024);
    req_source(f.r, f.in, 20000, 0);
    req_destination(f.r, f.out, 25000, 0);
    req_prepare(f.r, 1);
    f.r->results->status = 99;
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], f.cs, f.r->src, f.r->dst, f.r->op, f.r->results, &c), CPA_STATUS_SUCCESS, "accepted");
    for (int i = 0; i < 20; i++) {
        E.poll(inst[0], 0);
        sleep_ms(10);
    }
    CHECK(!atomic_load(&c.done), "no completion while hung");
    CHECK_EQ(E.counter("held_requests"), 1, "held");
    CHECK(f.out[0] == 0xAA && f.out[500] == 0xAA, "nothing written while hung");
    CHECK_EQ(E.removeSession(inst[0], f.cs), CPA_STATUS_RETRY, "the session has a request in flight");
    E.setHang(0);
    for (int i = 0; i < 500 && E.counter("late_completions") == 0; i++) sleep_ms(2);
    CHECK_EQ(E.counter("late_completions"), 1, "completed late");
    CHECK(f.out[0] != 0xAA || f.out[500] != 0xAA, "the device wrote its output without a poll");
    CHECK(!atomic_load(&c.done), "the callback waits for a poll");
    CHECK_EQ(f.r->results->status, 99, "results are written by the poll");
    CHECK_EQ(wait_for(inst[0], &c, 5000), CPA_STATUS_SUCCESS, "delivered");
    CHECK_EQ(f.r->results->status, CPA_DC_OK, "status");
    CHECK_EQ(E.counter("held_requests"), 0, "none held");
    CHECK_EQ(E.counter("hung_requests"), 1, "one hung");
    CHECK_EQ(E.removeSession(inst[0], f.cs), CPA_STATUS_SUCCESS, "removable now");
}

/* KQAT_EMU_HANG_FROM=2: requests 0 and 1 complete, 2 and later are held until kqatemu_set_hang_from(-1). */
static void hang_from_the_environment(void) {
    struct fixture f;
    setup(&f, 1000);
    CHECK_EQ(one(&f, 1000), CPA_STATUS_SUCCESS, "request 0");
    CHECK_EQ(one(&f, 1000), CPA_STATUS_SUCCESS, "request 1");
    req_prepare(f.r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], f.cs, f.r->src, f.r->dst, f.r->op, f.r->results, &c), CPA_STATUS_SUCCESS, "request 2");
    for (int i = 0; i < 10; i++) {
        E.poll(inst[0], 0);
        sleep_ms(10);
    }
    CHECK(!atomic_load(&c.done), "request 2 held");
    E.setHangFrom(-1);
    CHECK_EQ(wait_for(inst[0], &c, 5000), CPA_STATUS_SUCCESS, "request 2 after the hang");
}

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* The device thread does the (de)compression: the submitting and polling thread's CPU time is a small part of the
 * process's. */
static void the_device_works_on_its_own_thread(void) {
    struct fixture f;
    size_t n = 8 << 20;
    setup(&f, n);
    f.cs = session_new(inst[0], 1, 6, CPA_DC_HT_FULL_DYNAMIC);
    double thread0 = seconds(CLOCK_THREAD_CPUTIME_ID), process0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
    double submit_cpu = 0;
    int requests = 0;
    for (size_t off = 0; off < n; off += 65536, requests++) {
        req_source(f.r, f.in + off, 65536, 0);
        req_destination(f.r, f.out, 65536 + 4096, 0);
        req_prepare(f.r, 1);
        struct completion c = {0, 0};
        double s0 = seconds(CLOCK_THREAD_CPUTIME_ID);
        CHECK_EQ(E.compress(inst[0], f.cs, f.r->src, f.r->dst, f.r->op, f.r->results, &c), CPA_STATUS_SUCCESS, "submit");
        submit_cpu += seconds(CLOCK_THREAD_CPUTIME_ID) - s0;
        CHECK_EQ(wait_for(inst[0], &c, 10000), CPA_STATUS_SUCCESS, "request");
    }
    printf("     cpaDcCompressData2: %.1f us of CPU per 64 KiB request on the submitting thread\n",
           submit_cpu * 1e6 / requests);
    double thread = seconds(CLOCK_THREAD_CPUTIME_ID) - thread0, process = seconds(CLOCK_PROCESS_CPUTIME_ID) - process0;
    double device = E.counter("device_ns") / 1e9;
    printf("     host thread %.3f s CPU, process %.3f s CPU, device %.3f s busy\n", thread, process, device);
    CHECK(thread < 0.25 * device, "host thread %.3f s, device %.3f s", thread, device);
    CHECK(device > 0.5 * process, "device busy %.3f s of %.3f s", device, process);
}

/* A ring of 2: a third request is answered RETRY until a completion is delivered. */
static void full_ring_answers_retry(void) {
    struct fixture f;
    setup(&f, 1000);
    E.setHang(1);
    struct req *r[3];
    struct completion c[3];
    for (int i = 0; i < 3; i++) {
        r[i] = req_new(inst[0], 2);
        req_source(r[i], f.in, 1000, 0);
        req_destination(r[i], E.alloc(2048, 0, 64), 2048, 0);
        req_prepare(r[i], 1);
        memset(&c[i], 0, sizeof c[i]);
    }
    CHECK_EQ(E.compress(inst[0], f.cs, r[0]->src, r[0]->dst, r[0]->op, r[0]->results, &c[0]), CPA_STATUS_SUCCESS, "1");
    CHECK_EQ(E.compress(inst[0], f.cs, r[1]->src, r[1]->dst, r[1]->op, r[1]->results, &c[1]), CPA_STATUS_SUCCESS, "2");
    CHECK_EQ(E.compress(inst[0], f.cs, r[2]->src, r[2]->dst, r[2]->op, r[2]->results, &c[2]), CPA_STATUS_RETRY, "3");
    CHECK_EQ(E.counter("retries"), 1, "retries");
    CHECK_EQ(E.counter("max_in_flight"), 2, "max_in_flight");
    CHECK_EQ(E.stopInstance(inst[0]), CPA_STATUS_RETRY, "stop with requests in flight");
    E.setHang(0);
    CHECK_EQ(wait_for(inst[0], &c[0], 5000), CPA_STATUS_SUCCESS, "first");
    CHECK_EQ(E.compress(inst[0], f.cs, r[2]->src, r[2]->dst, r[2]->op, r[2]->results, &c[2]), CPA_STATUS_SUCCESS, "3 now");
    CHECK_EQ(wait_for(inst[0], &c[1], 5000), CPA_STATUS_SUCCESS, "second");
    CHECK_EQ(wait_for(inst[0], &c[2], 5000), CPA_STATUS_SUCCESS, "third");
    CHECK_EQ(E.counter("completed"), 3, "completed");
}

/* KQAT_EMU_LATENCY_US: a request completes no earlier than its latency, counted from submission; requests submitted
 * together complete together (the device is not serial). */
static void latency(void) {
    struct fixture f;
    setup(&f, 1000);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK_EQ(one(&f, 1000), CPA_STATUS_SUCCESS, "request");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    CHECK(ms >= 50, "completed after %.1f ms", ms);
    struct req *r[4];
    struct completion c[4];
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 4; i++) {
        r[i] = req_new(inst[0], 2);
        req_source(r[i], f.in, 1000, 0);
        req_destination(r[i], E.alloc(2048, 0, 64), 2048, 0);
        req_prepare(r[i], 1);
        memset(&c[i], 0, sizeof c[i]);
        CHECK_EQ(E.compress(inst[0], f.cs, r[i]->src, r[i]->dst, r[i]->op, r[i]->results, &c[i]), CPA_STATUS_SUCCESS, "s");
    }
    for (int i = 0; i < 4; i++) CHECK_EQ(wait_for(inst[0], &c[i], 5000), CPA_STATUS_SUCCESS, "completion");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    CHECK(ms < 4 * 50, "four requests in %.1f ms", ms);
}

static void start_failure(void) {
    emu_load("iova");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "KQAT_EMU_START_FAIL=1");
    CHECK_EQ(E.counter("process_started"), 0, "not started");
}

/* Stop while a request is held: the device thread ends, the process stops, nothing is written later. */
static void stop_with_a_held_request(void) {
    struct fixture f;
    setup(&f, 1000);
    E.setHang(1);
    req_source(f.r, f.in, 1000, 0);
    req_destination(f.r, f.out, 2048, 0);
    req_prepare(f.r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], f.cs, f.r->src, f.r->dst, f.r->op, f.r->results, &c), CPA_STATUS_SUCCESS, "submit");
    sleep_ms(20);
    CHECK_EQ(E.userStop(), CPA_STATUS_SUCCESS, "stop");
    CHECK_EQ(E.counter("held_requests"), 0, "dropped with the device");
    CHECK_EQ(E.counter("process_started"), 0, "stopped");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"fail_percent_is_deterministic", fail_percent_is_deterministic, "KQAT_EMU_FAIL_PERCENT=30 KQAT_EMU_SEED=42"},
        {"failing_requests_by_number", failing_requests_by_number, "KQAT_EMU_FAIL_FROM=2 KQAT_EMU_FAIL_COUNT=2"},
        {"hang_then_late_completion", hang_then_late_completion, NULL},
        {"hang_from_the_environment", hang_from_the_environment, "KQAT_EMU_HANG_FROM=2"},
        {"the_device_works_on_its_own_thread", the_device_works_on_its_own_thread, NULL},
        {"full_ring_answers_retry", full_ring_answers_retry, "KQAT_EMU_RING_SIZE=2"},
        {"latency", latency, "KQAT_EMU_LATENCY_US=50000"},
        {"start_failure", start_failure, "KQAT_EMU_START_FAIL=1"},
        {"stop_with_a_held_request", stop_with_a_held_request, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
