/* The counters' test API: read one by name (libqat's, or libusdm's), reset them all. */
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "qat_config.h"
#include "qat_counters.h"
#include "qat_instance.h"
#include "qat_process_slots.h"
#include "qat_usdm_link.h"

#define EXPORT __attribute__((visibility("default")))

atomic_llong requests, bytes_in, bytes_out, iommu_faults, retries, sessions_outstanding, completed;
atomic_llong src_bytes_mapped, src_bytes_alloc, injected_faults, random_faults, request_errors, max_in_flight;
atomic_llong translation_failures, sgl_refusals, cnv_refusals, held_now, hung_requests, late_completions;
atomic_llong decompress_trailing_bytes, overflows, device_ns, invalid_params;

static long long instance_counter(const char *name, const char *prefix, int completed_side) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0) return -1;
    char *end = NULL;
    long i = strtol(name + n, &end, 10);
    if (end == name + n || *end != '\0' || i < 0 || i >= MAX_INSTANCES) return -1;
    return atomic_load(completed_side ? &instances[i].completed : &instances[i].requests);
}

EXPORT long long kqatemu_counter(const char *name) {
    if (name == NULL) return -1;
    if (strcmp(name, "requests") == 0) return atomic_load(&requests);
    if (strcmp(name, "completed") == 0) return atomic_load(&completed);
    if (strcmp(name, "bytes_in") == 0) return atomic_load(&bytes_in);
    if (strcmp(name, "bytes_out") == 0) return atomic_load(&bytes_out);
    if (strcmp(name, "iommu_faults") == 0) return atomic_load(&iommu_faults);
    if (strcmp(name, "injected_faults") == 0) return atomic_load(&injected_faults);
    if (strcmp(name, "random_faults") == 0) return atomic_load(&random_faults);
    if (strcmp(name, "request_errors") == 0) return atomic_load(&request_errors);
    if (strcmp(name, "retries") == 0) return atomic_load(&retries);
    if (strcmp(name, "sessions_outstanding") == 0) return atomic_load(&sessions_outstanding);
    if (strcmp(name, "src_bytes_mapped") == 0) return atomic_load(&src_bytes_mapped);
    if (strcmp(name, "src_bytes_alloc") == 0) return atomic_load(&src_bytes_alloc);
    if (strcmp(name, "process_started") == 0) return process_started;
    if (strcmp(name, "max_in_flight") == 0) return atomic_load(&max_in_flight);
    if (strcmp(name, "translation_failures") == 0) return atomic_load(&translation_failures);
    if (strcmp(name, "sgl_refusals") == 0) return atomic_load(&sgl_refusals);
    if (strcmp(name, "cnv_refusals") == 0) return atomic_load(&cnv_refusals);
    if (strcmp(name, "invalid_params") == 0) return atomic_load(&invalid_params);
    if (strcmp(name, "overflows") == 0) return atomic_load(&overflows);
    if (strcmp(name, "held_requests") == 0) return atomic_load(&held_now);
    if (strcmp(name, "hung_requests") == 0) return atomic_load(&hung_requests);
    if (strcmp(name, "late_completions") == 0) return atomic_load(&late_completions);
    if (strcmp(name, "decompress_trailing_bytes") == 0) return atomic_load(&decompress_trailing_bytes);
    if (strcmp(name, "device_ns") == 0) return atomic_load(&device_ns);
    if (strcmp(name, "process_slot_refusals") == 0) return process_slot_refusals();
    long long v = instance_counter(name, "requests_instance_", 0);
    if (v >= 0) return v;
    v = instance_counter(name, "completed_instance_", 1);
    if (v >= 0) return v;
    return bind_usdm() ? usdm_counter(name) : -1;
}

EXPORT void kqatemu_reset_counters(void) {
    atomic_llong *all[] = {&requests, &completed, &bytes_in, &bytes_out, &iommu_faults, &injected_faults,
                           &random_faults, &request_errors, &retries, &src_bytes_mapped, &src_bytes_alloc,
                           &max_in_flight, &translation_failures, &sgl_refusals, &cnv_refusals, &invalid_params,
                           &overflows, &hung_requests, &late_completions, &decompress_trailing_bytes, &device_ns};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) atomic_store(all[i], 0);
    for (int i = 0; i < MAX_INSTANCES; i++) {
        atomic_store(&instances[i].requests, 0);
        atomic_store(&instances[i].completed, 0);
    }
    if (bind_usdm()) usdm_reset();
}
