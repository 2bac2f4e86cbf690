/* Rule 17 (instances as qatlib counts them), rule 18 (qatmgr's process slots: "No section available") and rule 8a
 * (the memlock limit). */
#include "emu_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define MB (1ull << 20)

static CpaInstanceHandle inst[16];

/* Lac_GetDcNumInstancesByType: RESOURCE before a start, the count zeroed; SUCCESS with 0 on a device without
 * compression instances. Lac_GetDcInstancesByType: 0 is INVALID_PARAM, more than there are is RESOURCE. */
static void instances_as_qatlib_counts_them(void) {
    emu_load("iova");
    uint16_t n = 7;
    CHECK_EQ(E.getNumInstances(&n), CPA_STATUS_RESOURCE, "before icp_sal_userStart");
    CHECK_EQ(n, 0, "count zeroed");
    CHECK_EQ(E.getNumInstances(NULL), CPA_STATUS_INVALID_PARAM, "NULL");
    CHECK_EQ(E.getInstances(1, inst), CPA_STATUS_RESOURCE, "handles before a start");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_SUCCESS, "start");
    CHECK_EQ(E.getNumInstances(&n), CPA_STATUS_SUCCESS, "started");
    CHECK_EQ(n, 2, "two instances");
    CHECK_EQ(E.getInstances(0, inst), CPA_STATUS_INVALID_PARAM, "zero handles");
    CHECK_EQ(E.getInstances(2, NULL), CPA_STATUS_INVALID_PARAM, "NULL handles");
    CHECK_EQ(E.getInstances(3, inst), CPA_STATUS_RESOURCE, "more than there are");
    CHECK_EQ(E.getInstances(2, inst), CPA_STATUS_SUCCESS, "all");
    CHECK_EQ(E.userStop(), CPA_STATUS_SUCCESS, "stop");
    CHECK_EQ(E.getNumInstances(&n), CPA_STATUS_RESOURCE, "after icp_sal_userStop");
}

static void no_compression_instances(void) {
    emu_load("iova");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_SUCCESS, "start");
    uint16_t n = 7;
    CHECK_EQ(E.getNumInstances(&n), CPA_STATUS_SUCCESS, "a device without dc instances");
    CHECK_EQ(n, 0, "none");
}

/* Runs fn in a fork child of this (started) process; its exit status. */
static int in_child(int (*fn)(void)) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) _exit(fn());
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

static int start_is_refused(void) {
    if (E.userStart("SSL") != CPA_STATUS_FAIL) return 1;
    return E.counter("process_slot_refusals") == 1 ? 0 : 2;
}

static int start_and_stop(void) {
    if (E.userStart("SSL") != CPA_STATUS_SUCCESS) return 1;
    return E.userStop() == CPA_STATUS_SUCCESS ? 0 : 2;
}

static char slot_dir[] = "/tmp/kqat-emu-slots-XXXXXX";

static void use_a_slot_directory(void) {
    CHECK(mkdtemp(slot_dir) != NULL, "mkdtemp");
    setenv("KQAT_EMU_VAR_DIR", slot_dir, 1);
}

static void remove_the_slot_directory(int slots) {
    char path[128];
    for (int i = 0; i < slots; i++) {
        snprintf(path, sizeof path, "%s/qatmgr-slot-%d", slot_dir, i);
        unlink(path);
    }
    rmdir(slot_dir);
}

/* KQAT_EMU_MAX_PROCESSES=1: while this process holds the only slot, another process's start fails ("No section
 * available"); once it stops, the other starts. A fork child does not inherit the parent's slot. */
static void no_section_available(void) {
    use_a_slot_directory();
    emu_load("iova");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_SUCCESS, "the first process");
    CHECK_EQ(in_child(start_is_refused), 0, "a second process is refused");
    CHECK_EQ(E.userStop(), CPA_STATUS_SUCCESS, "the first stops");
    CHECK_EQ(in_child(start_and_stop), 0, "now the second starts");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_SUCCESS, "the first again");
    CHECK_EQ(E.userStop(), CPA_STATUS_SUCCESS, "stop");
    remove_the_slot_directory(1);
}

/* kqatemu_set_max_processes: 0 refuses every start, -1 lifts the limit (from the next start). */
static void max_processes_control(void) {
    use_a_slot_directory();
    emu_load("iova");
    E.setMaxProcesses(0);
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "no slot at all");
    CHECK_EQ(E.counter("process_slot_refusals"), 1, "counted");
    CHECK_EQ(E.counter("process_started"), 0, "not started");
    E.setMaxProcesses(-1);
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_SUCCESS, "no limit");
    remove_the_slot_directory(0);
}

/* One region above RLIMIT_MEMLOCK: VFIO cannot pin it, and qaeMemMapContiguousIova returns 0 (counted). */
static void a_region_above_the_memlock_limit(void) {
    struct rlimit limit = {8 * MB, 8 * MB};
    CHECK(setrlimit(RLIMIT_MEMLOCK, &limit) == 0, "setrlimit");
    emu_load("iova");
    emu_start(inst, 16);
    uint8_t *a = anonymous(16 * MB, 1);
    CHECK_EQ(E.map(a, 10 * MB), 0, "10 MiB under an 8 MiB limit");
    CHECK_EQ(E.counter("memlock_refusals"), 1, "refused for the limit");
    CHECK(E.map(a, 8 * MB) != 0, "8 MiB fits");
}

/* VFIO does not charge a process with CAP_IPC_LOCK (root here): without KQAT_EMU_CHARGE_MEMLOCK nothing is refused. */
static void root_is_not_charged(void) {
    if (geteuid() != 0) return;
    struct rlimit limit = {8 * MB, 8 * MB};
    CHECK(setrlimit(RLIMIT_MEMLOCK, &limit) == 0, "setrlimit");
    emu_load("iova");
    emu_start(inst, 16);
    CHECK(E.map(anonymous(16 * MB, 1), 16 * MB) != 0, "16 MiB under an 8 MiB limit, as root");
    CHECK_EQ(E.counter("memlock_refusals"), 0, "none");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"instances_as_qatlib_counts_them", instances_as_qatlib_counts_them, NULL},
        {"no_compression_instances", no_compression_instances, "KQAT_EMU_INSTANCES=0"},
        {"no_section_available", no_section_available, "KQAT_EMU_MAX_PROCESSES=1"},
        {"max_processes_control", max_processes_control, NULL},
        {"a_region_above_the_memlock_limit", a_region_above_the_memlock_limit, "KQAT_EMU_CHARGE_MEMLOCK=1"},
        {"root_is_not_charged", root_is_not_charged, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
