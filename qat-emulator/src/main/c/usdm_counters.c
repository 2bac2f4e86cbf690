/* libusdm's counters, and the reset that also turns its overrides off (kqatemu_reset_counters in libqat calls it). */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "emu_link.h"
#include "usdm_config.h"
#include "usdm_counters.h"
#include "usdm_registrations.h"

#define EXPORT __attribute__((visibility("default")))

long long mappings_outstanding, mapped_bytes, allocations_outstanding, allocated_bytes, map_refusals,
        unmap_refusals, translations, alloc_refusals, mappings_without_dontfork, pinned_alloc_bytes, memlock_refusals;
long long node_calls[MAX_NODES + 1], node_bytes[MAX_NODES + 1], node_outstanding[MAX_NODES + 1];

/* Counters back to zero; overrides off; the environment is read again at next use. */
EXPORT void kqatemu_usdm_reset(void) {
    pthread_mutex_lock(&usdm_lock);
    map_refusals = unmap_refusals = translations = alloc_refusals = mappings_without_dontfork = memlock_refusals = 0;
    memset(node_calls, 0, sizeof node_calls);
    memset(node_bytes, 0, sizeof node_bytes);
    config_forget();
    pthread_mutex_unlock(&usdm_lock);
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
    pthread_mutex_lock(&usdm_lock);
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
    else if (strcmp(name, "memlock_refusals") == 0) v = memlock_refusals;
    else if (strcmp(name, "no_iommu_mode") == 0) v = no_iommu_mode();
    else if (strcmp(name, "hugepage_mode") == 0) v = hugepage_mode;
    else if (strcmp(name, "usdm_init_error") == 0) v = usdm_init_error;
    else if ((v = node_counter(name, "alloc_calls_node_", node_calls)) >= 0) {
    } else if ((v = node_counter(name, "alloc_bytes_node_", node_bytes)) >= 0) {
    } else v = node_counter(name, "allocations_node_", node_outstanding);
    pthread_mutex_unlock(&usdm_lock);
    return v;
}
