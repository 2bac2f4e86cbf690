/*
 * qaeMemMapContiguousIova and qaeMemUnmapContiguousIova (qatlib 26.02+, vfio/qae_mem_utils_vfio.c): application
 * memory registered with its own IOVA. Only the iova variant has them.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "emu_abi.h"
#include "emu_link.h"
#include "usdm_config.h"
#include "usdm_counters.h"
#include "usdm_registrations.h"

#define EXPORT __attribute__((visibility("default")))
#define MAX_MAPPING (2ULL << 30)      /* QAE_IOVA_MAP_MAX_SIZE */

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
    pthread_mutex_lock(&usdm_lock);
    load_config();
    uint64_t granule = hugepage_mode ? HUGE_2M : PAGE;
    /* qaeMemMapContiguousIova, in order: NULL; size 0 or above 2 GiB; address and size aligned to 2 MiB in
     * huge-page mode, 4 KiB otherwise; no-IOMMU mode; no VFIO container registered yet. The emulator adds what VFIO
     * itself would refuse (memory not mapped read-write, beyond RLIMIT_MEMLOCK) and refuses overlapping mappings. */
    int refuse = virt == NULL || size == 0 || size > MAX_MAPPING || v % granule != 0 || size % granule != 0
            || usdm_init_error || no_iommu_mode() || !vfio_registered || overlaps(v, size);
    if (!refuse && over_memlock(size)) { /* vfio_pin_pages_remote: "RLIMIT_MEMLOCK ... exceeded" */
        memlock_refusals++;
        refuse = 1;
    }
    int dontfork = 0;
    if (!refuse) {
        refuse = !inspect_range(v, v + size, &dontfork);
    }
    if (!refuse && !dontfork) {
        mappings_without_dontfork++;
        refuse = strict_dontfork;
    }
    struct registration r = {MAPPED, v, size, 0, NULL, 0, -1};
    if (!refuse) r.iova = take_iova(size, HUGE_2M); /* allocate_iova(size, IOVA_SLAB_SIZE) */
    if (refuse || table_insert(&r) == NULL) {
        map_refusals++;
        pthread_mutex_unlock(&usdm_lock);
        return 0;
    }
    mappings_outstanding++;
    mapped_bytes += (long long) size;
    uint64_t iova = r.iova;
    pthread_mutex_unlock(&usdm_lock);
    return iova;
}

/* qatlib looks the IOVA up from the address and unmaps whatever size it is given; the emulator is stricter: it
 * unmaps only an exact earlier mapping (same start, same size), once. */
EXPORT int qaeMemUnmapContiguousIova(void *virt, size_t size) {
    uintptr_t v = (uintptr_t) virt;
    pthread_mutex_lock(&usdm_lock);
    load_config();
    uint64_t granule = hugepage_mode ? HUGE_2M : PAGE;
    if (virt != NULL && size != 0 && size <= MAX_MAPPING && v % granule == 0 && size % granule == 0
            && !no_iommu_mode()) {
        struct iommu_table *t = iommu_table();
        for (int i = 0; t != NULL && i < t->end; i++) {
            if (t->entries[i].kind == MAPPED && t->entries[i].virt == v && t->entries[i].size == size) {
                table_remove(&t->entries[i]);
                mappings_outstanding--;
                mapped_bytes -= (long long) size;
                pthread_mutex_unlock(&usdm_lock);
                return 0;
            }
        }
    }
    unmap_refusals++;
    pthread_mutex_unlock(&usdm_lock);
    return 1;
}
#endif
