/*
 * The emulated instances (one per VF ring bank): the handles cpaDcGetInstances gives out, each with its own request
 * ring and device. The process state is set by icp_sal_userStart and icp_sal_userStop (qat_process.c); where each
 * instance sits (node, package, VF) by qat_placement.c.
 */
#ifndef KQAT_QAT_INSTANCE_H
#define KQAT_QAT_INSTANCE_H

#include <pthread.h>
#include <stdatomic.h>

#include "emu_abi.h"
#include "qat_config.h"
#include "qat_ring.h"

#pragma GCC visibility push(hidden)

struct instance {
    int index;
    int node;
    int package;       /* one per distinct NUMA node */
    int vf;            /* the VF it is on, numbered over the whole device: its eventfd's index */
    int vf_in_package;
    int started;
    CpaVirtualToPhysical translate;
    struct request_ring *ring; /* in the segment shared with the device (qat_device_link.h) */
    atomic_llong requests, completed;
};

extern struct instance instances[MAX_INSTANCES];
extern int process_started;
extern char process_name[64];

/* The instance behind a handle, or NULL when h is none of the first num_instances handles. */
struct instance *instance_of(CpaInstanceHandle h);

/* config_lock held, at start: node, package and VF of every instance; returns the number of VFs. */
int place_instances(void);

#pragma GCC visibility pop

#endif
