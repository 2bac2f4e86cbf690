/* libqat's link to libusdm (see qat_usdm_link.h), and the test controls that libqat passes on to libusdm. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "qat_paths.h"
#include "qat_usdm_link.h"

#define EXPORT __attribute__((visibility("default")))

/* The emulator's libusdm is opened by path from this library's own directory, not through a link-time dependency:
 * every variant has the soname libusdm.so.0, and a soname lookup would bind one variant's libqat to whichever
 * libusdm the process loaded first. The application loads the same file by path, so both sides share one table. */
__typeof__(kqatemu_iommu_resolve) *usdm_resolve;
__typeof__(kqatemu_vfio_register) *usdm_vfio_register;
__typeof__(kqatemu_usdm_alloc_allowed) *usdm_alloc_allowed;
__typeof__(kqatemu_usdm_counter) *usdm_counter;
__typeof__(kqatemu_usdm_reset) *usdm_reset;
__typeof__(kqatemu_usdm_iommu) *usdm_iommu;
static __typeof__(kqatemu_usdm_set_no_iommu) *usdm_set_no_iommu;
static __typeof__(kqatemu_usdm_set_hugepage_mode) *usdm_set_hugepage_mode;
static __typeof__(kqatemu_usdm_set_strict_dontfork) *usdm_set_strict_dontfork;
static __typeof__(kqatemu_usdm_node_of) *usdm_node_of;
static __typeof__(kqatemu_usdm_sysfs_root) *usdm_sysfs_root;

int bind_usdm(void) {
    if (usdm_resolve != NULL) return 1;
    char path[4096];
    if (!library_sibling("libusdm.so.0", path, sizeof path)) return 0;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) return 0;
    usdm_vfio_register = (__typeof__(usdm_vfio_register)) dlsym(h, "kqatemu_vfio_register");
    usdm_counter = (__typeof__(usdm_counter)) dlsym(h, "kqatemu_usdm_counter");
    usdm_set_no_iommu = (__typeof__(usdm_set_no_iommu)) dlsym(h, "kqatemu_usdm_set_no_iommu");
    usdm_set_hugepage_mode = (__typeof__(usdm_set_hugepage_mode)) dlsym(h, "kqatemu_usdm_set_hugepage_mode");
    usdm_set_strict_dontfork = (__typeof__(usdm_set_strict_dontfork)) dlsym(h, "kqatemu_usdm_set_strict_dontfork");
    usdm_alloc_allowed = (__typeof__(usdm_alloc_allowed)) dlsym(h, "kqatemu_usdm_alloc_allowed");
    usdm_node_of = (__typeof__(usdm_node_of)) dlsym(h, "kqatemu_usdm_node_of");
    usdm_sysfs_root = (__typeof__(usdm_sysfs_root)) dlsym(h, "kqatemu_usdm_sysfs_root");
    usdm_reset = (__typeof__(usdm_reset)) dlsym(h, "kqatemu_usdm_reset");
    usdm_iommu = (__typeof__(usdm_iommu)) dlsym(h, "kqatemu_usdm_iommu");
    void *resolve = dlsym(h, "kqatemu_iommu_resolve");
    if (!usdm_vfio_register || !usdm_counter || !usdm_set_no_iommu || !usdm_set_hugepage_mode
            || !usdm_set_strict_dontfork || !usdm_alloc_allowed || !usdm_node_of || !usdm_sysfs_root || !usdm_reset
            || !usdm_iommu || !resolve) {
        return 0;
    }
    usdm_resolve = (__typeof__(usdm_resolve)) resolve; /* last: a bound usdm_resolve means all are bound */
    return 1;
}

/* 1 on, 0 off, -1 back to what the device registration read (KQAT_EMU_NO_IOMMU or the sysfs parameter). */
EXPORT void kqatemu_set_no_iommu(int on) {
    if (bind_usdm()) usdm_set_no_iommu(on);
}

/* 1 2 MiB huge-page mode, 0 4 KiB mode, -1 from QAT_MAX_2M_HPG_PER_PROCESS. */
EXPORT void kqatemu_set_hugepage_mode(int mode) {
    if (bind_usdm()) usdm_set_hugepage_mode(mode);
}

/* 1: qaeMemMapContiguousIova refuses memory not marked MADV_DONTFORK; 0: counts it only; -1: KQAT_EMU_STRICT_DONTFORK. */
EXPORT void kqatemu_set_strict_dontfork(int on) {
    if (bind_usdm()) usdm_set_strict_dontfork(on);
}

/* The node a qaeMemAllocNUMA block was asked for (-1 any), or -2 when p is in none. */
EXPORT int kqatemu_node_of(const void *p) {
    return bind_usdm() ? usdm_node_of(p) : -2;
}

EXPORT const char *kqatemu_sysfs_root(void) {
    return bind_usdm() ? usdm_sysfs_root() : "/sys";
}
