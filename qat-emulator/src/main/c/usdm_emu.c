/*
 * Emulated libusdm.so.0: the user-space DMA memory manager as the device's IOMMU sees it. Every piece of memory the
 * device may touch is registered here with a device address (IOVA): allocations from qaeMemAllocNUMA, and (in the
 * IOVA build) application memory mapped with qaeMemMapContiguousIova. kqatemu_iommu_resolve is the IOMMU: the device
 * side of the emulator reaches host memory only through it, so a range outside every registration, or one that runs
 * from one registration into the next, faults.
 *
 * The refusals follow qatlib 26.08's USDM (qae_mem_common.c, vfio/qae_mem_utils_vfio.c, qae_mem_sysfs_utils.c); see
 * CONFORMANCE.md. Its environment (QAT_MAX_2M_HPG_PER_PROCESS, the sysfs files) is read at first use and again after
 * kqatemu_usdm_reset; no-IOMMU mode is read when the device registers (icp_sal_userStart), as qaeRegisterDevice does.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu_abi.h"
#include "emu_link.h"

#define EXPORT __attribute__((visibility("default")))
#define MAX_REGIONS 4096
#define PAGE 4096ULL
#define HUGE_2M (2ULL << 20)
#define MAX_MAPPING (2ULL << 30)      /* QAE_IOVA_MAP_MAX_SIZE */
#define MAX_ALLOC (64ULL << 20)       /* QAE_MAX_ALLOC_SIZE: "Size cannot exceed 64M for vfio" */
#define MAX_PHYS_ALIGN (4ULL << 20)   /* QAE_MAX_PHYS_ALIGN */
#define UNIT 1024ULL                  /* UNIT_SIZE: a slab is managed in 1 KiB units */
#define SLAB_UNITS 2048ULL            /* QAE_NUM_PAGES_PER_ALLOC (512) * 4 KiB / UNIT_SIZE: one 2 MiB slab */
#define SLAB_HEADER_UNITS 9ULL        /* ceil(get_ctrl_size() / UNIT_SIZE) = ceil(8584 / 1024) on x86-64 */
#define MAX_NODES 64
#define MAX_ENV_VAL 0x10000UL         /* qae_mem_sysfs_utils.c */

enum kind { FREE = 0, ALLOCATED, MAPPED };

struct registration {
    enum kind kind;
    uintptr_t virt;
    uint64_t size;
    uint64_t iova;
    void *mem;      /* ALLOCATED: the mmap behind it */
    size_t mem_len;
    int node;       /* ALLOCATED: the node asked for (-1: any) */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct registration table[MAX_REGIONS];
static int table_end; /* one past the highest slot in use: lookups stop there */
static uint64_t next_iova = 1ULL << 32; /* device addresses are unrelated to host addresses, as behind an IOMMU */
static int vfio_registered;
static int no_iommu_registered;   /* what the last registration read (sysfs or KQAT_EMU_NO_IOMMU) */
static int no_iommu_override = -1; /* kqatemu_usdm_set_no_iommu */
static int hugepage_override = -1; /* kqatemu_usdm_set_hugepage_mode */
static int strict_dontfork_override = -1;

/* Read at first use and after a reset. */
static int config_loaded;
static int hugepage_mode;       /* QAT_MAX_2M_HPG_PER_PROCESS > 0 with 2 MiB pages reserved */
static int usdm_init_error;     /* QAT_MAX_2M_HPG_PER_PROCESS > 0 without 2 MiB pages: USDM cannot open */
static int strict_dontfork;
static int charge_memlock_always;
static char sysfs_root[4096];

static long long mappings_outstanding, mapped_bytes, allocations_outstanding, allocated_bytes, map_refusals,
        unmap_refusals, translations, alloc_refusals, mappings_without_dontfork, pinned_alloc_bytes;
static long long node_calls[MAX_NODES + 1], node_bytes[MAX_NODES + 1], node_outstanding[MAX_NODES + 1];

/* ---- configuration ------------------------------------------------------------------------------------------- */

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

static void load_config(void) { /* lock held */
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
static int read_no_iommu(void) { /* lock held */
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

static int no_iommu_mode(void) { /* lock held */
    return no_iommu_override >= 0 ? no_iommu_override : no_iommu_registered;
}

/* ---- the table ----------------------------------------------------------------------------------------------- */

static uint64_t take_iova(uint64_t size, uint64_t align) {
    if (align < HUGE_2M) align = HUGE_2M;
    uint64_t iova = (next_iova + align - 1) & ~(align - 1);
    next_iova = iova + ((size + HUGE_2M - 1) & ~(HUGE_2M - 1)) + HUGE_2M; /* a guard gap between registrations */
    return iova;
}

static struct registration *free_slot(void) {
    for (int i = 0; i < MAX_REGIONS; i++) {
        if (table[i].kind == FREE) {
            if (i >= table_end) table_end = i + 1;
            return &table[i];
        }
    }
    return NULL;
}

static void release_slot(struct registration *r) {
    r->kind = FREE;
    while (table_end > 0 && table[table_end - 1].kind == FREE) table_end--;
}

__attribute__((unused)) static int overlaps(uintptr_t virt, uint64_t size) {
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind != FREE && virt < table[i].virt + table[i].size && table[i].virt < virt + size) {
            return 1;
        }
    }
    return 0;
}

static int node_index(int node) {
    return node < 0 || node >= MAX_NODES ? MAX_NODES : node;
}

/* VFIO pins DMA memory and charges it to RLIMIT_MEMLOCK unless the process may lock memory freely (root here). */
static int over_memlock(uint64_t size) {
    struct rlimit limit;
    if ((geteuid() == 0 && !charge_memlock_always) || getrlimit(RLIMIT_MEMLOCK, &limit) != 0
            || limit.rlim_cur == RLIM_INFINITY) {
        return 0;
    }
    return (uint64_t) (mapped_bytes + pinned_alloc_bytes) + size > (uint64_t) limit.rlim_cur;
}

/* ---- allocations --------------------------------------------------------------------------------------------- */

/* qaeMemAllocNUMA's refusals, in qatlib's order. */
static int alloc_allowed(size_t size, size_t align) { /* lock held */
    load_config();
    if (size == 0) return 0;
    if (align == 0 || (align & (align - 1)) != 0) return 0; /* non-zero power of 2 */
    if (usdm_init_error) return 0;                           /* __qae_open fails */
    if (size > MAX_ALLOC) return 0;
    if (align > MAX_PHYS_ALIGN) return 0;
    /* __qae_alloc_addr: more units than one 2 MiB slab holds after its control block, or an alignment of a whole
     * slab, makes a LARGE slab, and LARGE slabs do not exist in huge-page mode. */
    uint64_t units = (size + UNIT - 1) / UNIT + SLAB_HEADER_UNITS;
    int large = units > SLAB_UNITS || align >= SLAB_UNITS * UNIT;
    if (large && hugepage_mode) return 0;
    /* ioctl_alloc_slab: without huge pages, no-IOMMU mode cannot allocate ("Hugepages are needed"). */
    if (!hugepage_mode && no_iommu_mode()) return 0;
    return 1;
}

EXPORT void *qaeMemAllocNUMA(size_t size, int node, size_t phys_align) {
    pthread_mutex_lock(&lock);
    uint64_t pinned = (size + PAGE - 1) & ~(PAGE - 1);
    if (!alloc_allowed(size, phys_align) || over_memlock(pinned)) {
        alloc_refusals++;
        pthread_mutex_unlock(&lock);
        return NULL;
    }
    struct registration *r = free_slot();
    if (r == NULL) {
        alloc_refusals++;
        pthread_mutex_unlock(&lock);
        return NULL;
    }
    /* Page-granular memory of its own, kept out of fork children as USDM's slabs are (MADV_DONTFORK). */
    size_t align = phys_align < PAGE ? PAGE : phys_align;
    size_t len = pinned + (align > PAGE ? align : 0);
    void *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        alloc_refusals++;
        pthread_mutex_unlock(&lock);
        return NULL;
    }
    uintptr_t p = ((uintptr_t) mem + align - 1) & ~(uintptr_t) (align - 1);
    madvise(mem, len, MADV_DONTFORK);
    r->kind = ALLOCATED;
    r->virt = p;
    r->size = size;
    r->iova = take_iova(size, align);
    r->mem = mem;
    r->mem_len = len;
    r->node = node;
    allocations_outstanding++;
    allocated_bytes += (long long) size;
    pinned_alloc_bytes += (long long) pinned;
    int ni = node_index(node);
    node_calls[ni]++;
    node_bytes[ni] += (long long) size;
    node_outstanding[ni]++;
    pthread_mutex_unlock(&lock);
    return (void *) p;
}

EXPORT void qaeMemFreeNUMA(void **ptr) {
    if (ptr == NULL || *ptr == NULL) {
        return;
    }
    pthread_mutex_lock(&lock);
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind == ALLOCATED && table[i].virt == (uintptr_t) *ptr) {
            struct registration r = table[i];
            release_slot(&table[i]);
            allocations_outstanding--;
            allocated_bytes -= (long long) r.size;
            pinned_alloc_bytes -= (long long) ((r.size + PAGE - 1) & ~(PAGE - 1));
            node_outstanding[node_index(r.node)]--;
            pthread_mutex_unlock(&lock);
            munmap(r.mem, r.mem_len);
            *ptr = NULL;
            return;
        }
    }
    pthread_mutex_unlock(&lock);
    /* Not ours: like USDM ("Unable to free as lookup failed"), ignore it rather than corrupt anything. */
}

EXPORT uint64_t qaeVirtToPhysNUMA(void *virt) {
    uintptr_t v = (uintptr_t) virt;
    uint64_t result = 0;
    pthread_mutex_lock(&lock);
    translations++;
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind != FREE && v >= table[i].virt && v < table[i].virt + table[i].size) {
            result = table[i].iova + (v - table[i].virt);
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return result;
}

#ifdef KQAT_EMU_IOVA
/*
 * The range as the kernel sees it (/proc/self/smaps): every page must be mapped readable and writable (VFIO pins it
 * for DMA in both directions, or VFIO_IOMMU_MAP_DMA fails). Sets *dontfork when every VMA of the range carries
 * VmFlags "dc" ("do not copy area on fork", what MADV_DONTFORK sets; "dd" is MADV_DONTDUMP). Returns 0 when part of
 * the range is not mapped read-write.
 */
static int inspect_range(uintptr_t start, uintptr_t end, int *dontfork) {
    FILE *f = fopen("/proc/self/smaps", "r");
    if (f == NULL) {
        *dontfork = 0;
        return 1; /* cannot tell: do not refuse */
    }
    char line[1024];
    uintptr_t covered = start;
    int all_dc = 1, in_range = 0, rw_ok = 1;
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 && strchr(line, '-') != NULL
                && line[0] != 'V') {
            in_range = lo < end && start < hi;
            if (in_range) {
                if (lo > covered) rw_ok = 0; /* a hole */
                if (hi > covered) covered = hi;
                if (perms[0] != 'r' || perms[1] != 'w') rw_ok = 0;
            }
            continue;
        }
        if (in_range && strncmp(line, "VmFlags:", 8) == 0) {
            if (strstr(line, " dc") == NULL) all_dc = 0;
        }
    }
    fclose(f);
    if (covered < end) rw_ok = 0;
    *dontfork = all_dc && rw_ok;
    return rw_ok;
}

EXPORT uint64_t qaeMemMapContiguousIova(void *virt, size_t size) {
    uintptr_t v = (uintptr_t) virt;
    pthread_mutex_lock(&lock);
    load_config();
    uint64_t granule = hugepage_mode ? HUGE_2M : PAGE;
    /* qaeMemMapContiguousIova, in order: NULL; size 0 or above 2 GiB; address and size aligned to 2 MiB in
     * huge-page mode, 4 KiB otherwise; no-IOMMU mode; no VFIO container registered yet. The emulator adds what VFIO
     * itself would refuse (memory not mapped read-write, beyond RLIMIT_MEMLOCK) and refuses overlapping mappings. */
    int refuse = virt == NULL || size == 0 || size > MAX_MAPPING || v % granule != 0 || size % granule != 0
            || usdm_init_error || no_iommu_mode() || !vfio_registered || overlaps(v, size) || over_memlock(size);
    int dontfork = 0;
    if (!refuse) {
        refuse = !inspect_range(v, v + size, &dontfork);
    }
    if (!refuse && !dontfork) {
        mappings_without_dontfork++;
        refuse = strict_dontfork;
    }
    struct registration *r = refuse ? NULL : free_slot();
    if (r == NULL) {
        map_refusals++;
        pthread_mutex_unlock(&lock);
        return 0;
    }
    r->kind = MAPPED;
    r->virt = v;
    r->size = size;
    r->iova = take_iova(size, HUGE_2M); /* allocate_iova(size, IOVA_SLAB_SIZE) */
    r->mem = NULL;
    r->mem_len = 0;
    r->node = -1;
    mappings_outstanding++;
    mapped_bytes += (long long) size;
    uint64_t iova = r->iova;
    pthread_mutex_unlock(&lock);
    return iova;
}

/* qatlib looks the IOVA up from the address and unmaps whatever size it is given; the emulator is stricter: it
 * unmaps only an exact earlier mapping (same start, same size), once. */
EXPORT int qaeMemUnmapContiguousIova(void *virt, size_t size) {
    uintptr_t v = (uintptr_t) virt;
    pthread_mutex_lock(&lock);
    load_config();
    uint64_t granule = hugepage_mode ? HUGE_2M : PAGE;
    if (virt != NULL && size != 0 && size <= MAX_MAPPING && v % granule == 0 && size % granule == 0
            && !no_iommu_mode()) {
        for (int i = 0; i < table_end; i++) {
            if (table[i].kind == MAPPED && table[i].virt == v && table[i].size == size) {
                release_slot(&table[i]);
                mappings_outstanding--;
                mapped_bytes -= (long long) size;
                pthread_mutex_unlock(&lock);
                return 0;
            }
        }
    }
    unmap_refusals++;
    pthread_mutex_unlock(&lock);
    return 1;
}
#endif

/* ---- between the emulator's libraries ------------------------------------------------------------------------ */

/* The IOMMU: host view of [iova, iova+len), which must lie inside one registration. */
EXPORT void *kqatemu_iommu_resolve(uint64_t iova, uint64_t len, int *mapped) {
    void *host = NULL;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind != FREE && iova >= table[i].iova && len <= table[i].size
                && iova - table[i].iova <= table[i].size - len) {
            host = (void *) (table[i].virt + (iova - table[i].iova));
            *mapped = table[i].kind == MAPPED;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return host;
}

EXPORT int kqatemu_vfio_registered(void) {
    return vfio_registered;
}

/* qaeRegisterDevice (icp_sal_userStart opening the device) reads the no-IOMMU parameter; unregistering keeps it. */
EXPORT void kqatemu_vfio_register(int on) {
    pthread_mutex_lock(&lock);
    load_config();
    if (on) no_iommu_registered = read_no_iommu();
    vfio_registered = on;
    pthread_mutex_unlock(&lock);
}

EXPORT void kqatemu_usdm_set_no_iommu(int on) {
    pthread_mutex_lock(&lock);
    no_iommu_override = on < 0 ? -1 : on != 0;
    pthread_mutex_unlock(&lock);
}

EXPORT void kqatemu_usdm_set_hugepage_mode(int mode) {
    pthread_mutex_lock(&lock);
    hugepage_override = mode < 0 ? -1 : mode != 0;
    config_loaded = 0;
    pthread_mutex_unlock(&lock);
}

EXPORT void kqatemu_usdm_set_strict_dontfork(int on) {
    pthread_mutex_lock(&lock);
    strict_dontfork_override = on < 0 ? -1 : on != 0;
    config_loaded = 0;
    pthread_mutex_unlock(&lock);
}

EXPORT int kqatemu_usdm_alloc_allowed(size_t size, size_t align) {
    pthread_mutex_lock(&lock);
    int ok = alloc_allowed(size, align);
    pthread_mutex_unlock(&lock);
    return ok;
}

EXPORT int kqatemu_usdm_node_of(const void *p) {
    uintptr_t v = (uintptr_t) p;
    int node = -2;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < table_end; i++) {
        if (table[i].kind == ALLOCATED && v >= table[i].virt && v < table[i].virt + table[i].size) {
            node = table[i].node;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return node;
}

EXPORT const char *kqatemu_usdm_sysfs_root(void) {
    pthread_mutex_lock(&lock);
    load_config();
    pthread_mutex_unlock(&lock);
    return sysfs_root;
}

/* Counters back to zero; overrides off; the environment is read again at next use. */
EXPORT void kqatemu_usdm_reset(void) {
    pthread_mutex_lock(&lock);
    map_refusals = unmap_refusals = translations = alloc_refusals = mappings_without_dontfork = 0;
    memset(node_calls, 0, sizeof node_calls);
    memset(node_bytes, 0, sizeof node_bytes);
    no_iommu_override = -1;
    hugepage_override = -1;
    strict_dontfork_override = -1;
    config_loaded = 0;
    pthread_mutex_unlock(&lock);
}

static long long node_counter(const char *name, const char *prefix, const long long *values) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0) return -1;
    const char *rest = name + n;
    if (strcmp(rest, "any") == 0) return values[MAX_NODES];
    char *end = NULL;
    long node = strtol(rest, &end, 10);
    if (end == rest || *end != '\0' || node < 0 || node >= MAX_NODES) return -1;
    return values[node];
}

EXPORT long long kqatemu_usdm_counter(const char *name) {
    long long v = -1;
    pthread_mutex_lock(&lock);
    load_config();
    if (strcmp(name, "mappings_outstanding") == 0) v = mappings_outstanding;
    else if (strcmp(name, "mapped_bytes") == 0) v = mapped_bytes;
    else if (strcmp(name, "allocations_outstanding") == 0) v = allocations_outstanding;
    else if (strcmp(name, "allocated_bytes") == 0) v = allocated_bytes;
    else if (strcmp(name, "map_refusals") == 0) v = map_refusals;
    else if (strcmp(name, "unmap_refusals") == 0) v = unmap_refusals;
    else if (strcmp(name, "usdm_translations") == 0) v = translations;
    else if (strcmp(name, "alloc_refusals") == 0) v = alloc_refusals;
    else if (strcmp(name, "mappings_without_dontfork") == 0) v = mappings_without_dontfork;
    else if (strcmp(name, "no_iommu_mode") == 0) v = no_iommu_mode();
    else if (strcmp(name, "hugepage_mode") == 0) v = hugepage_mode;
    else if (strcmp(name, "usdm_init_error") == 0) v = usdm_init_error;
    else if ((v = node_counter(name, "alloc_calls_node_", node_calls)) >= 0) {
    } else if ((v = node_counter(name, "alloc_bytes_node_", node_bytes)) >= 0) {
    } else v = node_counter(name, "allocations_node_", node_outstanding);
    pthread_mutex_unlock(&lock);
    return v;
}
