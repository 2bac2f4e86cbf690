/* The library's own counters (kqatemu_counter; CONFORMANCE.md says what each counts); the device's are in the state
 * it shares with the library (qat_device_state.h). Atomic: every thread updates them. */
#ifndef KQAT_QAT_COUNTERS_H
#define KQAT_QAT_COUNTERS_H

#include <stdatomic.h>

#pragma GCC visibility push(hidden)

extern atomic_llong requests, retries, sessions_outstanding, completed, translation_failures, sgl_refusals;
extern atomic_llong cnv_refusals, invalid_params;

#pragma GCC visibility pop

#endif
