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
        {"a_region_above_the_memlock_limit", a_region_above_the_memlock_limit, "KQAT_EMU_CHARGE_MEMLOCK=1"},
        {"root_is_not_charged", root_is_not_charged, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
