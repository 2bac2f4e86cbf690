/* Rule 5 (USDM allocation limits), rule 7 (no-IOMMU mode from sysfs), rule 8 (mapping alignment per page mode),
 * rule 12 (MADV_DONTFORK), and NUMA placement of allocations. */
#include "emu_test.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MB (1ull << 20)
static CpaInstanceHandle inst[16];

/* qae_mem_common.c: size 0, alignment 0 or not a power of 2, above 64 MiB, alignment above 4 MiB: NULL. */
static void allocation_limits_4k_mode(void) {
    emu_load("iova");
    CHECK_EQ(E.counter("hugepage_mode"), 0, "4 KiB mode");
    void *p = E.alloc(64 * MB, 0, 64);
    CHECK(p != NULL, "64 MiB");
    E.free(&p);
    CHECK(p == NULL, "freed pointer cleared");
    CHECK(E.alloc(64 * MB + 1, 0, 64) == NULL, "64 MiB + 1");
    CHECK(E.alloc(0, 0, 64) == NULL, "0 bytes");
    CHECK(E.alloc(4096, 0, 0) == NULL, "alignment 0");
    CHECK(E.alloc(4096, 0, 96) == NULL, "alignment 96");
    CHECK(E.alloc(4096, 0, 8 * MB) == NULL, "alignment 8 MiB");
    p = E.alloc(4096, 0, 4 * MB);
    CHECK(p != NULL && (uintptr_t) p % (4 * MB) == 0, "alignment 4 MiB");
    CHECK_EQ(E.virtToPhys(p) % (4 * MB), 0, "device address aligned too");
    p = E.alloc(3 * MB, 0, 64);
    CHECK(p != NULL, "3 MiB: a large slab in 4 KiB mode");
    CHECK_EQ(E.counter("alloc_refusals"), 5, "alloc_refusals");
}

/* Huge-page mode (QAT_MAX_2M_HPG_PER_PROCESS > 0 and 2 MiB pages reserved): only what fits one 2 MiB slab after its
 * 9 KiB control block, 2039 KiB, and alignments below 2 MiB. */
static void allocation_limits_hugepage_mode(void) {
    emu_load("iova");
    CHECK_EQ(E.counter("hugepage_mode"), 1, "huge-page mode");
    CHECK(E.alloc(2039 * 1024, 0, 64) != NULL, "2039 KiB");
    CHECK(E.alloc(2039 * 1024 + 1, 0, 64) == NULL, "2039 KiB + 1");
    CHECK(E.alloc(2 * MB, 0, 64) == NULL, "2 MiB");
    CHECK(E.alloc(4096, 0, 2 * MB) == NULL, "alignment 2 MiB");
    CHECK(E.alloc(4096, 0, MB) != NULL, "alignment 1 MiB");
    CHECK(E.alloc(64 * MB, 0, 64) == NULL, "64 MiB");
    E.setHugepageMode(0);
    CHECK(E.alloc(2 * MB, 0, 64) != NULL, "2 MiB after kqatemu_set_hugepage_mode(0)");
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "fopen %s", path);
    fputs(text, f);
    fclose(f);
}

/* A sysfs tree of our own: enable_unsafe_noiommu_mode and nr_hugepages as given (NULL: file absent). */
static void fake_sysfs(const char *noiommu, const char *nr_hugepages) {
    char root[] = "/tmp/kqat-emu-sysfs-XXXXXX";
    CHECK(mkdtemp(root) != NULL, "mkdtemp");
    char path[512];
    snprintf(path, sizeof path, "%s/module/vfio/parameters", root);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p %s %s/kernel/mm/hugepages/hugepages-2048kB", path, root);
    CHECK(system(cmd) == 0, "mkdir");
    if (noiommu != NULL) {
        snprintf(path, sizeof path, "%s/module/vfio/parameters/enable_unsafe_noiommu_mode", root);
        write_file(path, noiommu);
    }
    if (nr_hugepages != NULL) {
        snprintf(path, sizeof path, "%s/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages", root);
        write_file(path, nr_hugepages);
    }
    setenv("KQAT_EMU_SYSFS_ROOT", root, 1);
}

/* QAT_MAX_2M_HPG_PER_PROCESS set without 2 MiB pages reserved: USDM cannot initialise, nothing allocates, and the
 * library cannot start (its rings live in USDM memory). */
static void hugepage_variable_without_hugepages(void) {
    fake_sysfs("N\n", "0\n");
    emu_load("iova");
    CHECK_EQ(E.counter("usdm_init_error"), 1, "USDM initialisation error");
    CHECK(E.alloc(4096, 0, 64) == NULL, "allocation");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "icp_sal_userStart");
}

/* The emulator's own sysfs tree is <variant>/sys, with N in the no-IOMMU parameter. */
static void default_sysfs_root_is_the_variants(void) {
    emu_load("iova");
    const char *root = E.sysfsRoot();
    char want[4096];
    snprintf(want, sizeof want, "%s/iova/sys", native_dir);
    char real_root[4096], real_want[4096];
    CHECK(realpath(root, real_root) != NULL && realpath(want, real_want) != NULL, "paths exist: %s", root);
    CHECK(strcmp(real_root, real_want) == 0, "sysfs root %s", root);
    char path[4352];
    snprintf(path, sizeof path, "%s/module/vfio/parameters/enable_unsafe_noiommu_mode", root);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "%s", path);
    CHECK(fgetc(f) == 'N', "IOMMU mode");
    fclose(f);
}

/* No-IOMMU mode read from <sysfs root>/module/vfio/parameters/enable_unsafe_noiommu_mode when the device registers:
 * in 4 KiB mode USDM cannot allocate (ioctl_alloc_slab needs huge pages), so the library cannot start. */
static void no_iommu_from_sysfs_4k_mode(void) {
    fake_sysfs("Y\n", "0\n");
    emu_load("iova");
    CHECK(E.alloc(4096, 0, 64) != NULL, "before registration USDM does not know yet");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "icp_sal_userStart in no-IOMMU 4 KiB mode");
    CHECK_EQ(E.counter("no_iommu_mode"), 1, "no-IOMMU read");
    CHECK(E.alloc(4096, 0, 64) == NULL, "allocation after registration");
}

/* With huge pages the library starts; mappings are refused, allocations work. */
static void no_iommu_from_sysfs_hugepage_mode(void) {
    fake_sysfs("Y\n", "64\n");
    emu_load("iova");
    emu_start(inst, 16);
    CHECK_EQ(E.counter("no_iommu_mode"), 1, "no-IOMMU read");
    void *a = anonymous(2 * MB, 1);
    CHECK_EQ(E.map(a, 2 * MB), 0, "mapping in no-IOMMU mode");
    CHECK(E.alloc(4096, 0, 64) != NULL, "allocation");
    E.setNoIommu(0);
    CHECK(E.map(a, 2 * MB) != 0, "kqatemu_set_no_iommu(0) overrides");
}

/* A missing parameter file means IOMMU mode; KQAT_EMU_NO_IOMMU and kqatemu_set_no_iommu override the file. */
static void no_iommu_overrides(void) {
    fake_sysfs(NULL, "0\n");
    emu_load("iova");
    emu_start(inst, 16);
    CHECK_EQ(E.counter("no_iommu_mode"), 0, "no file: IOMMU mode");
    void *a = anonymous(2 * MB, 1);
    E.setNoIommu(1);
    CHECK_EQ(E.map(a, 2 * MB), 0, "kqatemu_set_no_iommu(1)");
    E.setNoIommu(-1);
    uint64_t iova = E.map(a, 2 * MB);
    CHECK(iova != 0, "back to the file");
    CHECK_EQ(E.unmap(a, 2 * MB), 0, "unmap");
}

static void no_iommu_from_the_environment(void) {
    emu_load("iova");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "KQAT_EMU_NO_IOMMU=1 in 4 KiB mode");
}

/* qaeMemMapContiguousIova in 4 KiB mode: address and size multiples of 4 KiB, at most 2 GiB, after the device
 * registered, never over memory that is not mapped read-write. */
static void mapping_alignment_4k_mode(void) {
    emu_load("iova");
    uint8_t *a = anonymous(8 * MB, 1);
    CHECK_EQ(E.map(a, 4096), 0, "before icp_sal_userStart");
    emu_start(inst, 16);
    uint64_t iova = E.map(a + 4096, 8192);
    CHECK(iova != 0 && iova % (2 * MB) == 0, "4 KiB-aligned mapping, 2 MiB-aligned IOVA");
    CHECK_EQ(E.virtToPhys(a + 4096 + 100), iova + 100, "translation inside");
    CHECK_EQ(E.virtToPhys(a + 4096 + 8192), 0, "one past the end");
    CHECK_EQ(E.map(a + 100, 4096), 0, "unaligned address");
    CHECK_EQ(E.map(a + 2 * MB, 1000), 0, "size not a page multiple");
    CHECK_EQ(E.map(NULL, 4096), 0, "NULL");
    CHECK_EQ(E.map(a + 2 * MB, 0), 0, "size 0");
    CHECK_EQ(E.map(a + 2 * MB, (2ull << 30) + 4096), 0, "above 2 GiB");
    CHECK_EQ(E.map(a + 4096, 4096), 0, "overlapping");
    CHECK_EQ(E.unmap(a + 4096, 4096), 1, "wrong size");
    CHECK_EQ(E.unmap(a + 4096, 8192), 0, "unmap");
    CHECK_EQ(E.unmap(a + 4096, 8192), 1, "twice");
    uint8_t *gone = anonymous(4 * MB, 1);
    CHECK(munmap(gone + 2 * MB, 2 * MB) == 0, "munmap");
    CHECK_EQ(E.map(gone, 4 * MB), 0, "half of it not mapped");
    CHECK(mprotect(gone, 4096, PROT_READ) == 0, "mprotect");
    CHECK_EQ(E.map(gone, 2 * MB), 0, "read-only page");
    CHECK_EQ(E.counter("mappings_outstanding"), 0, "nothing left");
}

/* Huge-page mode: a 2 MiB-aligned address and a size that is a multiple of 2 MiB, for mapping and unmapping. */
static void mapping_alignment_hugepage_mode(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CHECK_EQ(E.counter("hugepage_mode"), 1, "huge-page mode");
    uint8_t *a = anonymous(8 * MB, 1);
    CHECK_EQ(E.map(a + 4096, 2 * MB), 0, "4 KiB-aligned address");
    CHECK_EQ(E.map(a, 4096), 0, "4 KiB size");
    CHECK_EQ(E.map(a, 3 * MB), 0, "3 MiB");
    CHECK(E.map(a, 4 * MB) != 0, "2 MiB-aligned address, 4 MiB");
    CHECK_EQ(E.unmap(a, 4 * MB), 0, "unmap");
    E.setHugepageMode(0);
    CHECK(E.map(a + 4096, 4096) != 0, "4 KiB mode accepts it");
}

/* qaeMemAllocNUMA records the node asked for. */
static void allocations_record_their_node(void) {
    emu_load("iova");
    void *a = E.alloc(1000, 1, 64), *b = E.alloc(2000, 1, 64), *c = E.alloc(3000, -1, 64), *d = E.alloc(10, 0, 64);
    CHECK_EQ(E.nodeOf(a), 1, "node of a");
    CHECK_EQ(E.nodeOf((uint8_t *) b + 1999), 1, "node of b's last byte");
    CHECK_EQ(E.nodeOf(c), -1, "any node");
    CHECK_EQ(E.nodeOf(d), 0, "node 0");
    CHECK_EQ(E.nodeOf(&a), -2, "not an allocation");
    CHECK_EQ(E.counter("alloc_calls_node_1"), 2, "calls on node 1");
    CHECK_EQ(E.counter("alloc_bytes_node_1"), 3000, "bytes on node 1");
    CHECK_EQ(E.counter("allocations_node_1"), 2, "outstanding on node 1");
    CHECK_EQ(E.counter("alloc_calls_node_any"), 1, "calls on any node");
    E.free(&a);
    CHECK_EQ(E.counter("allocations_node_1"), 1, "after a free");
    CHECK_EQ(E.counter("alloc_calls_node_1"), 2, "calls stay");
}

/* Memory from qaeMemAllocNUMA is MADV_DONTFORK, as USDM's slabs are: a child does not have it. */
static void allocations_are_not_inherited_by_fork(void) {
    emu_load("iova");
    volatile uint8_t *p = E.alloc(4096, 0, 64);
    p[0] = 1;
    pid_t pid = fork();
    if (pid == 0) {
        p[0] = 2; /* faults: not mapped in the child */
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "child status %d", status);
}

/* Mappings of memory not marked MADV_DONTFORK are counted; strict mode refuses them. */
static void mappings_without_dontfork(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint8_t *plain = anonymous(4 * MB, 0), *marked = anonymous(4 * MB, 1);
    CHECK(E.map(plain, 2 * MB) != 0, "counted, not refused, by default");
    CHECK_EQ(E.counter("mappings_without_dontfork"), 1, "counted");
    CHECK(E.map(marked, 4 * MB) != 0, "marked");
    CHECK_EQ(E.counter("mappings_without_dontfork"), 1, "marked memory is not counted");
    CHECK(madvise(plain + 2 * MB, 1 * MB, MADV_DONTFORK) == 0, "half marked");
    E.setStrictDontfork(1);
    CHECK_EQ(E.map(plain + 2 * MB, 2 * MB), 0, "strict: half marked is refused");
    CHECK_EQ(E.counter("mappings_without_dontfork"), 2, "counted again");
    CHECK(madvise(plain + 3 * MB, 1 * MB, MADV_DONTFORK) == 0, "all marked");
    CHECK(E.map(plain + 2 * MB, 2 * MB) != 0, "strict: all marked");
}

static void strict_dontfork_from_the_environment(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CHECK_EQ(E.map(anonymous(2 * MB, 0), 2 * MB), 0, "KQAT_EMU_STRICT_DONTFORK=1");
}

/* VFIO charges pinned memory, mapped or allocated, to RLIMIT_MEMLOCK (KQAT_EMU_CHARGE_MEMLOCK=1 charges root too). */
static void memlock_is_charged(void) {
    struct rlimit limit = {6 * MB, 6 * MB};
    CHECK(setrlimit(RLIMIT_MEMLOCK, &limit) == 0, "setrlimit");
    emu_load("iova");
    emu_start(inst, 16);
    uint8_t *a = anonymous(8 * MB, 1);
    CHECK(E.map(a, 4 * MB) != 0, "4 MiB of 6");
    CHECK_EQ(E.counter("memlock_refusals"), 0, "none refused yet");
    CHECK_EQ(E.map(a + 4 * MB, 4 * MB), 0, "8 MiB of 6");
    CHECK_EQ(E.counter("memlock_refusals"), 1, "the mapping refused for the limit");
    CHECK_EQ(E.counter("map_refusals"), 1, "and counted as a refused mapping");
    void *p = E.alloc(MB, 0, 64);
    CHECK(p != NULL, "5 MiB of 6");
    CHECK(E.alloc(2 * MB, 0, 64) == NULL, "7 MiB of 6");
    CHECK_EQ(E.counter("memlock_refusals"), 2, "the allocation refused for the limit");
    CHECK(E.alloc(0, 0, 64) == NULL, "size 0");
    CHECK_EQ(E.counter("memlock_refusals"), 2, "other refusals are not the limit's");
    E.free(&p);
    CHECK(E.alloc(2 * MB, 0, 64) != NULL, "6 MiB of 6 after a free");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"allocation_limits_4k_mode", allocation_limits_4k_mode, NULL},
        {"allocation_limits_hugepage_mode", allocation_limits_hugepage_mode, "QAT_MAX_2M_HPG_PER_PROCESS=16"},
        {"hugepage_variable_without_hugepages", hugepage_variable_without_hugepages, "QAT_MAX_2M_HPG_PER_PROCESS=16"},
        {"hugepage_variable_zero_is_4k_mode", allocation_limits_4k_mode, "QAT_MAX_2M_HPG_PER_PROCESS=0"},
        {"hugepage_variable_malformed_is_4k_mode", allocation_limits_4k_mode, "QAT_MAX_2M_HPG_PER_PROCESS=lots"},
        {"default_sysfs_root_is_the_variants", default_sysfs_root_is_the_variants, NULL},
        {"no_iommu_from_sysfs_4k_mode", no_iommu_from_sysfs_4k_mode, NULL},
        {"no_iommu_from_sysfs_hugepage_mode", no_iommu_from_sysfs_hugepage_mode, "QAT_MAX_2M_HPG_PER_PROCESS=8"},
        {"no_iommu_overrides", no_iommu_overrides, NULL},
        {"no_iommu_from_the_environment", no_iommu_from_the_environment, "KQAT_EMU_NO_IOMMU=1"},
        {"mapping_alignment_4k_mode", mapping_alignment_4k_mode, NULL},
        {"mapping_alignment_hugepage_mode", mapping_alignment_hugepage_mode, "QAT_MAX_2M_HPG_PER_PROCESS=4"},
        {"allocations_record_their_node", allocations_record_their_node, NULL},
        {"allocations_are_not_inherited_by_fork", allocations_are_not_inherited_by_fork, NULL},
        {"mappings_without_dontfork", mappings_without_dontfork, NULL},
        {"strict_dontfork_from_the_environment", strict_dontfork_from_the_environment, "KQAT_EMU_STRICT_DONTFORK=1"},
        {"memlock_is_charged", memlock_is_charged, "KQAT_EMU_CHARGE_MEMLOCK=1"},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
