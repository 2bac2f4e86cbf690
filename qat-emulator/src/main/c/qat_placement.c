/*
 * Where each instance sits: its NUMA node (KQAT_EMU_NUMA_NODES, round-robin), its package (one per distinct node)
 * and its VF. A VF holds instances_per_vf instances of one package (KQAT_EMU_INSTANCES_PER_VF); its instances share
 * one interrupt, so one eventfd in event mode (qatlib: one eventfd per VF device, vfio_lib.c).
 */
#define _GNU_SOURCE

#include "qat_config.h"
#include "qat_instance.h"

static int package_of(int node) {
    int package = 0;
    for (int k = 0; k < num_numa_nodes && numa_nodes[k] != node; k++) {
        int seen = 0;
        for (int j = 0; j < k; j++) seen |= numa_nodes[j] == numa_nodes[k];
        if (!seen) package++;
    }
    return package;
}

int place_instances(void) { /* config_lock held */
    int vfs = 0;
    for (int i = 0; i < num_instances; i++) {
        struct instance *in = &instances[i];
        in->index = i;
        in->node = numa_nodes[i % num_numa_nodes];
        in->package = package_of(in->node);
        int rank = 0;
        for (int j = 0; j < i; j++) rank += instances[j].package == in->package;
        in->vf_in_package = rank / instances_per_vf;
        in->vf = vfs;
        for (int j = 0; j < i; j++) {
            if (instances[j].package == in->package && instances[j].vf_in_package == in->vf_in_package) {
                in->vf = instances[j].vf;
            }
        }
        if (in->vf == vfs) vfs++;
    }
    return vfs;
}
