/* Rule 19, the process boundary: the device process reaches application memory only through the IOMMU, ends with
 * the application, and is never shared with a fork child. */
#include "emu_test.h"
#include "proc_helpers.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define MB (1ull << 20)
static CpaInstanceHandle inst[16];

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
        {"unreachable_memory_faults_in_the_device_process", unreachable_memory_faults_in_the_device_process,
         "KQAT_EMU_DEVICE=process"},
        {"the_device_ends_with_the_application", the_device_ends_with_the_application, "KQAT_EMU_DEVICE=process"},
        {"a_fork_child_does_not_share_the_device", a_fork_child_does_not_share_the_device, "KQAT_EMU_DEVICE=process"},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
