/*
 * The emulated device's configuration: instances, rings, NUMA placement and latency, from KQAT_EMU_* variables read
 * at icp_sal_userStart or from the kqatemu_* controls. config_lock guards these, the generation and capabilities
 * (qat_generation.h) and the fault knobs (qat_faults.h), and serialises icp_sal_userStart and icp_sal_userStop.
 */
#ifndef KQAT_QAT_CONFIG_H
#define KQAT_QAT_CONFIG_H

#include <pthread.h>

#define MAX_INSTANCES 16

#pragma GCC visibility push(hidden)

extern pthread_mutex_t config_lock;
extern int num_instances; /* asked for; from start to stop, the instances running */
extern int ring_size;
extern int start_fails;
extern int numa_nodes[MAX_INSTANCES];
extern int num_numa_nodes;
extern long long latency_us;
extern int instances_per_vf;  /* at least 1 */
extern int device_in_process; /* the device runs in its own process (KQAT_EMU_DEVICE=process, the default) */
/* How often the LZ4s the device emits has "no match" tokens (KQAT_EMU_LZ4S_NO_MATCH, kqatemu_set_lz4s_no_match). */
#define LZ4S_NO_MATCH_NEVER 0
#define LZ4S_NO_MATCH_SOMETIMES 1
#define LZ4S_NO_MATCH_OFTEN 2
extern int lz4s_no_match;

long long env_ll(const char *name, long long dflt);
/* config_lock held: every KQAT_EMU_* knob but KQAT_EMU_START_FAIL; -1 for a bad generation, capability or node list. */
int config_read_environment(void);

#pragma GCC visibility pop

#endif
