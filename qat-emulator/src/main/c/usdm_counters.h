/* libusdm's counters (read by kqatemu_usdm_counter, see CONFORMANCE.md), guarded by usdm_lock. */
#ifndef KQAT_USDM_COUNTERS_H
#define KQAT_USDM_COUNTERS_H

#include "usdm_registrations.h"

#pragma GCC visibility push(hidden)

extern long long mappings_outstanding, mapped_bytes, allocations_outstanding, allocated_bytes, map_refusals,
        unmap_refusals, translations, alloc_refusals, mappings_without_dontfork, pinned_alloc_bytes, memlock_refusals;
/* Per node asked for; the last slot is "any node" (see node_index). */
extern long long node_calls[MAX_NODES + 1], node_bytes[MAX_NODES + 1], node_outstanding[MAX_NODES + 1];

#pragma GCC visibility pop

#endif
