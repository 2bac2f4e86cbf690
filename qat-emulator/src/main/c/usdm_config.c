/*
 * libusdm's configuration and its switches (see usdm_config.h). The refusals it feeds follow qatlib 26.08's USDM
 * (qae_mem_sysfs_utils.c, vfio/qae_mem_utils_vfio.c); see CONFORMANCE.md.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emu_link.h"
#include "usdm_config.h"
#include "usdm_registrations.h"

#define EXPORT __attribute__((visibility("default")))
#define MAX_ENV_VAL 0x10000UL         /* qae_mem_sysfs_utils.c */

int vfio_registered;
static int no_iommu_registered;   /* what the last registration read (sysfs or KQAT_EMU_NO_IOMMU) */
static int no_iommu_override = -1; /* kqatemu_usdm_set_no_iommu */
static int hugepage_override = -1; /* kqatemu_usdm_set_hugepage_mode */
static int strict_dontfork_override = -1;

/* Read at first use and after a reset. */
static int config_loaded;
int hugepage_mode;
int usdm_init_error;
int strict_dontfork;
int charge_memlock_always;
static char sysfs_root[4096];

/* The emulator's own sysfs tree sits next to the library (<variant>/sys, made by build-native.sh). */
static void default_sysfs_root(char *out, size_t len) {
    Dl_info self;
    snprintf(out, len, "/sys");
    if (dladdr((void *) &default_sysfs_root, &self) == 0 || self.dli_fname == NULL) return;
    char path[4096];
    snprintf(path, sizeof path, "%s", self.dli_fname);
    char *slash = strrchr(path, '/');
    if (slash == NULL) return;
    *slash = '\0';
    snprintf(out, len, "%s/sys", path);
}

/* An unsigned value in a sysfs file, as parse_sysfs_value reads it; -1 when missing or malformed. */
__attribute__((unused)) static long sysfs_value(const char *relative) {
    char path[4352];
    snprintf(path, sizeof path, "%s/%s", sysfs_root, relative);
    FILE *f = fopen(path, "r");
    if (f == NULL) return -1;
    char buf[64];
    long v = -1;
    if (fgets(buf, sizeof buf, f) != NULL) {
        char *end = NULL;
        errno = 0;
        unsigned long u = strtoul(buf, &end, 0);
        if (errno == 0 && end != buf && (*end == '\n' || *end == '\0') && u <= MAX_ENV_VAL) v = (long) u;
    }
    fclose(f);
    return v;
}

/* parse_uint32_env: NULL, empty, malformed or above 64 Ki reads as 0. */
__attribute__((unused)) static unsigned long env_uint(const char *name) {
    const char *v = getenv(name);
    if (v == NULL || *v == '\0') return 0;
    char *end = NULL;
    errno = 0;
    unsigned long u = strtoul(v, &end, 10);
    return errno != 0 || end == v || *end != '\0' || u > MAX_ENV_VAL ? 0 : u;
}

static int env_flag(const char *name, int dflt) {
    const char *v = getenv(name);
    if (v == NULL || *v == '\0') return dflt;
    return strcmp(v, "1") == 0 || strcmp(v, "Y") == 0 || strcmp(v, "y") == 0 || strcmp(v, "true") == 0;
}

void load_config(void) { /* usdm_lock held */
    if (config_loaded) return;
    const char *root = getenv("KQAT_EMU_SYSFS_ROOT");
    if (root != NULL && *root != '\0') {
        snprintf(sysfs_root, sizeof sysfs_root, "%s", root);
    } else {
        default_sysfs_root(sysfs_root, sizeof sysfs_root);
    }
    hugepage_mode = 0;
    usdm_init_error = 0;
#ifndef KQAT_EMU_NO_HUGEPAGE_MODE
    /* __qae_hugepage_config_init: 4 KiB mode unless the variable is a positive number; then 2 MiB pages must be
     * reserved (the hugepages-2048kB directory and a non-zero nr_hugepages), or USDM fails to initialise. */
    if (env_uint("QAT_MAX_2M_HPG_PER_PROCESS") > 0) {
        char dir[4352];
        struct stat st;
        snprintf(dir, sizeof dir, "%s/kernel/mm/hugepages/hugepages-2048kB", sysfs_root);
        long nr = stat(dir, &st) == 0 ? sysfs_value("kernel/mm/hugepages/hugepages-2048kB/nr_hugepages") : -1;
        if (nr > 0) {
            hugepage_mode = 1;
        } else {
            usdm_init_error = 1;
        }
    }
#endif
    if (hugepage_override >= 0) {
        hugepage_mode = hugepage_override;
        usdm_init_error = 0;
    }
    strict_dontfork = strict_dontfork_override >= 0 ? strict_dontfork_override : env_flag("KQAT_EMU_STRICT_DONTFORK", 0);
    charge_memlock_always = env_flag("KQAT_EMU_CHARGE_MEMLOCK", 0);
    config_loaded = 1;
}

/* vfio_noiommu_enabled: the first byte of the module parameter is 'Y'. A missing file means IOMMU mode. */
static int read_no_iommu(void) { /* usdm_lock held */
    const char *v = getenv("KQAT_EMU_NO_IOMMU");
    if (v != NULL && *v != '\0') return strcmp(v, "1") == 0 || v[0] == 'Y' || v[0] == 'y';
    char path[4352];
    snprintf(path, sizeof path, "%s/module/vfio/parameters/enable_unsafe_noiommu_mode", sysfs_root);
    FILE *f = fopen(path, "r");
    if (f == NULL) return 0;
    int c = fgetc(f);
    fclose(f);
    return c == 'Y';
}

int no_iommu_mode(void) { /* usdm_lock held */
    return no_iommu_override >= 0 ? no_iommu_override : no_iommu_registered;
}

void config_forget(void) { /* usdm_lock held */
    no_iommu_override = -1;
    hugepage_override = -1;
    strict_dontfork_override = -1;
    config_loaded = 0;
}

EXPORT int kqatemu_vfio_registered(void) {
    return vfio_registered;
}

/* qaeRegisterDevice (icp_sal_userStart opening the device) reads the no-IOMMU parameter; unregistering keeps it. */
EXPORT void kqatemu_vfio_register(int on) {
    pthread_mutex_lock(&usdm_lock);
    load_config();
    if (on) no_iommu_registered = read_no_iommu();
    vfio_registered = on;
    pthread_mutex_unlock(&usdm_lock);
}

EXPORT void kqatemu_usdm_set_no_iommu(int on) {
    pthread_mutex_lock(&usdm_lock);
    no_iommu_override = on < 0 ? -1 : on != 0;
    pthread_mutex_unlock(&usdm_lock);
}

EXPORT void kqatemu_usdm_set_hugepage_mode(int mode) {
    pthread_mutex_lock(&usdm_lock);
    hugepage_override = mode < 0 ? -1 : mode != 0;
    config_loaded = 0;
    pthread_mutex_unlock(&usdm_lock);
}

EXPORT void kqatemu_usdm_set_strict_dontfork(int on) {
    pthread_mutex_lock(&usdm_lock);
    strict_dontfork_override = on < 0 ? -1 : on != 0;
    config_loaded = 0;
    pthread_mutex_unlock(&usdm_lock);
}

EXPORT const char *kqatemu_usdm_sysfs_root(void) {
    pthread_mutex_lock(&usdm_lock);
    load_config();
    pthread_mutex_unlock(&usdm_lock);
    return sysfs_root;
}
