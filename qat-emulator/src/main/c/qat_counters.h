/* libqat's counters (kqatemu_counter; CONFORMANCE.md says what each counts). Atomic: every thread updates them. */
#ifndef KQAT_QAT_COUNTERS_H
#define KQAT_QAT_COUNTERS_H

#include <stdatomic.h>

#pragma GCC visibility push(hidden)

extern atomic_llong requests, bytes_in, bytes_out, iommu_faults, retries, sessions_outstanding, completed;
extern atomic_llong src_bytes_mapped, src_bytes_alloc, injected_faults, random_faults, request_errors, max_in_flight;
extern atomic_llong translation_failures, sgl_refusals, cnv_refusals, held_now, hung_requests, late_completions;
extern atomic_llong decompress_trailing_bytes, overflows, device_ns, invalid_params;

#pragma GCC visibility pop

#endif
