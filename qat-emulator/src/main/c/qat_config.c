/* The device's configuration (see qat_config.h): the environment at start, and the test controls for it. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qat_config.h"
#include "qat_faults.h"
#include "qat_generation.h"
#include "qat_process_slots.h"

#define EXPORT __attribute__((visibility("default")))

pthread_mutex_t config_lock = PTHREAD_MUTEX_INITIALIZER;
int num_instances = 2;
int ring_size = 64;
int start_fails;
int numa_nodes[MAX_INSTANCES] = {0};
int num_numa_nodes = 1;
long long latency_us;
int instances_per_vf = 2;
int device_in_process = 1;
int lz4s_no_match = LZ4S_NO_MATCH_SOMETIMES;

static int no_match_mode(const char *name) {
    static const char *const names[] = {"never", "sometimes", "often"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(name, names[i]) == 0) return i;
    }
    return -1;
}

long long env_ll(const char *name, long long dflt) {
    const char *v = getenv(name);
    return v != NULL && *v != '\0' ? atoll(v) : dflt;
}

static int parse_nodes(const char *list) { /* config_lock held */
    char buf[256];
    int n = 0, parsed[MAX_INSTANCES];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t != NULL && n < MAX_INSTANCES;
         t = strtok_r(NULL, ", ", &save)) {
        char *end = NULL;
        long v = strtol(t, &end, 10);
        if (end == t || *end != '\0' || v < 0 || v > 63) return -1;
        parsed[n++] = (int) v;
    }
    if (n == 0) return -1;
    memcpy(numa_nodes, parsed, sizeof parsed);
    num_numa_nodes = n;
    return 0;
}

int config_read_environment(void) { /* config_lock held */
    num_instances = (int) env_ll("KQAT_EMU_INSTANCES", num_instances);
    if (num_instances < 0) num_instances = 0;
    if (num_instances > MAX_INSTANCES) num_instances = MAX_INSTANCES;
    ring_size = (int) env_ll("KQAT_EMU_RING_SIZE", ring_size);
    if (ring_size < 1) ring_size = 1;
    latency_us = env_ll("KQAT_EMU_LATENCY_US", latency_us);
    instances_per_vf = (int) env_ll("KQAT_EMU_INSTANCES_PER_VF", instances_per_vf);
    if (instances_per_vf < 1) instances_per_vf = 1;
    const char *mode = getenv("KQAT_EMU_DEVICE");
    if (mode != NULL && *mode != '\0') device_in_process = strcmp(mode, "thread") != 0;
    max_processes = (int) env_ll("KQAT_EMU_MAX_PROCESSES", max_processes);
    if (max_processes < 0) max_processes = -1;
    faults_read_environment();
    const char *v = getenv("KQAT_EMU_GEN");
    int bad_config = v != NULL && *v != '\0' && set_generation(v) != 0;
    v = getenv("KQAT_EMU_CAPS_OFF");
    if (v != NULL && *v != '\0' && capabilities_off(v) != 0) bad_config = 1;
    v = getenv("KQAT_EMU_LZ4S_NO_MATCH");
    if (v != NULL && *v != '\0') {
        int mode = no_match_mode(v);
        if (mode < 0) bad_config = 1;
        else lz4s_no_match = mode;
    }
    v = getenv("KQAT_EMU_NUMA_NODES");
    if (v != NULL && *v != '\0' && parse_nodes(v) != 0) bad_config = 1;
    return bad_config ? -1 : 0;
}

/* Takes effect at the next icp_sal_userStart. */
EXPORT int kqatemu_set_numa_nodes(const char *list) {
    if (list == NULL) return -1;
    pthread_mutex_lock(&config_lock);
    int rc = parse_nodes(list);
    pthread_mutex_unlock(&config_lock);
    return rc;
}

/* "never", "sometimes" (the default) or "often": from the next request on. -1 for another name. */
EXPORT int kqatemu_set_lz4s_no_match(const char *mode) {
    int m = mode == NULL ? -1 : no_match_mode(mode);
    if (m < 0) return -1;
    pthread_mutex_lock(&config_lock);
    lz4s_no_match = m;
    pthread_mutex_unlock(&config_lock);
    return 0;
}

EXPORT void kqatemu_set_latency_us(long long us) {
    pthread_mutex_lock(&config_lock);
    latency_us = us < 0 ? 0 : us;
    pthread_mutex_unlock(&config_lock);
}

/* Instances per VF (sharing one interrupt and one eventfd), from the next icp_sal_userStart. */
EXPORT void kqatemu_set_instances_per_vf(int n) {
    pthread_mutex_lock(&config_lock);
    instances_per_vf = n < 1 ? 1 : n;
    pthread_mutex_unlock(&config_lock);
}

/* Takes effect at the next icp_sal_userStart, as the real device's configuration would. */
EXPORT void kqatemu_configure(int instances_wanted, int ring, int fail_start) {
    pthread_mutex_lock(&config_lock);
    num_instances = instances_wanted < 0 ? 0 : instances_wanted > MAX_INSTANCES ? MAX_INSTANCES : instances_wanted;
    ring_size = ring < 1 ? 1 : ring;
    start_fails = fail_start;
    pthread_mutex_unlock(&config_lock);
}

