/* The counters' test API: read one by name (libqat's, its device's, or libusdm's), reset them all. */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "qat_config.h"
#include "qat_counters.h"
#include "qat_device_link.h"
#include "qat_device_state.h"
#include "qat_instance.h"
#include "qat_process_slots.h"
#include "qat_usdm_link.h"

#define EXPORT __attribute__((visibility("default")))

atomic_llong requests, retries, sessions_outstanding, completed, translation_failures, sgl_refusals;
atomic_llong cnv_refusals, invalid_params;

struct named {
    const char *name;
    atomic_llong *value;
};

static const struct named library_counters[] = {
    {"requests", &requests}, {"completed", &completed}, {"retries", &retries},
    {"sessions_outstanding", &sessions_outstanding}, {"translation_failures", &translation_failures},
    {"sgl_refusals", &sgl_refusals}, {"cnv_refusals", &cnv_refusals}, {"invalid_params", &invalid_params},
};

#define DEVICE(name) {#name, offsetof(struct device_counters, name)}
static const struct {
    const char *name;
    size_t offset;
} device_counters[] = {
    DEVICE(bytes_in), DEVICE(bytes_out), DEVICE(iommu_faults), DEVICE(injected_faults), DEVICE(random_faults),
    DEVICE(request_errors), DEVICE(src_bytes_mapped), DEVICE(src_bytes_alloc), DEVICE(hung_requests),
    DEVICE(late_completions), DEVICE(decompress_trailing_bytes), DEVICE(overflows), DEVICE(device_ns),
    DEVICE(max_in_flight), DEVICE(device_cpu_ns), DEVICE(device_requests), DEVICE(event_signals),
    DEVICE(host_access_errors), DEVICE(lz4s_no_match_tokens), {"held_requests", offsetof(struct device_counters, held_now)},
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static atomic_llong *device_counter(size_t offset) {
    return (atomic_llong *) ((char *) &device_state->c + offset);
}

static long long instance_counter(const char *name, const char *prefix, int completed_side) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0) return -1;
    char *end = NULL;
    long i = strtol(name + n, &end, 10);
    if (end == name + n || *end != '\0' || i < 0 || i >= MAX_INSTANCES) return -1;
    return atomic_load(completed_side ? &instances[i].completed : &instances[i].requests);
}

EXPORT long long kqatemu_counter(const char *name) {
    if (name == NULL || !device_state_open()) return -1;
    for (size_t i = 0; i < COUNT(library_counters); i++) {
        if (strcmp(name, library_counters[i].name) == 0) return atomic_load(library_counters[i].value);
    }
    for (size_t i = 0; i < COUNT(device_counters); i++) {
        if (strcmp(name, device_counters[i].name) == 0) return atomic_load(device_counter(device_counters[i].offset));
    }
    if (strcmp(name, "process_started") == 0) return process_started;
    if (strcmp(name, "process_slot_refusals") == 0) return process_slot_refusals();
    if (strcmp(name, "device_pid") == 0) return process_started ? device_link_pid() : 0;
    long long v = instance_counter(name, "requests_instance_", 0);
    if (v >= 0) return v;
    v = instance_counter(name, "completed_instance_", 1);
    if (v >= 0) return v;
    return bind_usdm() ? usdm_counter(name) : -1;
}

EXPORT void kqatemu_reset_counters(void) {
    for (size_t i = 0; i < COUNT(library_counters); i++) {
        if (library_counters[i].value != &sessions_outstanding) atomic_store(library_counters[i].value, 0);
    }
    if (device_state_open()) {
        for (size_t i = 0; i < COUNT(device_counters); i++) {
            if (strcmp(device_counters[i].name, "held_requests") != 0) atomic_store(device_counter(device_counters[i].offset), 0);
        }
    }
    for (int i = 0; i < MAX_INSTANCES; i++) {
        atomic_store(&instances[i].requests, 0);
        atomic_store(&instances[i].completed, 0);
    }
    if (bind_usdm()) usdm_reset();
}
