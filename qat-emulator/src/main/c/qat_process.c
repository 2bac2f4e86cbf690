/*
 * Emulated libqat.so.4 (and .so.3): the data compression API of a QAT device, asynchronous as the real one is.
 * src/main/c/README.md maps the files; this one starts and stops the library for the process.
 *
 * The submitting thread does what qatlib does on the CPU: it checks the request (qat_request_checks.c: the same
 * checks, in the same order, with the same status codes as qatlib 26.08's dc_datapath.c), translates the start of
 * every flat buffer and of the metadata through the application's translation function and writes the device's
 * descriptors into the buffer lists' pPrivateMetaData (qat_descriptors.c), and queues the request on the instance's
 * ring (qat_submit.c, qat_ring.c; RETRY when full). The device (qat_device_link.h), started here in a process of its
 * own, runs a thread per instance (qat_device.c) that executes requests when due (KQAT_EMU_LATENCY_US): it reads the
 * descriptors and the data only through the emulated IOMMU (qat_device_memory.c; a range outside one registration
 * faults the request), deflates or inflates with zlib (qat_deflate.c), and writes the output.
 * icp_sal_DcPollInstance only delivers finished requests (qat_completions.c): it writes the results and runs the
 * callback on the polling thread, as qatlib does. So the application's CPU time is the host's cost only.
 *
 * The device answers like the generation it emulates (KQAT_EMU_GEN: 4xxx, 420xx, 6xxx). Tests steer it with
 * KQAT_EMU_* variables, read at icp_sal_userStart, or the kqatemu_* functions, and read its counters. CONFORMANCE.md
 * maps every rule to its qatlib source and to the C test that proves it.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

#include "emu_abi.h"
#include "qat_config.h"
#include "qat_device_link.h"
#include "qat_device_state.h"
#include "qat_instance.h"
#include "qat_process_slots.h"
#include "qat_usdm_link.h"

#define EXPORT __attribute__((visibility("default")))
#define RING_MESSAGE_BYTES 128 /* a Gen4 request message; the rings live in USDM memory */

int process_started;
char process_name[64] = "SSL";

/* fork: a child has none of its parent's device. qatlib resets itself when getpid() is not the pid that started it
 * (sal_user.c: start_ref_pid), so the child is not started, its icp_sal_userStop fails, and its icp_sal_userStart
 * opens a device of its own. config_lock is held across fork so the child's copy is consistent. */
static void before_fork(void) {
    pthread_mutex_lock(&config_lock);
}

static void after_fork_in_parent(void) {
    pthread_mutex_unlock(&config_lock);
}

static void after_fork_in_child(void) {
    process_started = 0;
    for (int i = 0; i < MAX_INSTANCES; i++) {
        instances[i].ring = NULL;
        instances[i].started = 0;
    }
    device_link_forget();
    device_state_forget();
    process_slot_forget();
    pthread_mutex_unlock(&config_lock);
}

__attribute__((constructor)) static void watch_forks(void) {
    pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
}

/* What a start that went wrong had taken, given back (config_lock held). */
static CpaStatus give_back(int rings_open) {
    if (rings_open) device_link_close();
    for (int i = 0; i < MAX_INSTANCES; i++) instances[i].ring = NULL;
    usdm_vfio_register(0);
    process_slot_release();
    pthread_mutex_unlock(&config_lock);
    return CPA_STATUS_FAIL;
}

EXPORT CpaStatus icp_sal_userStart(const char *name) {
    pthread_mutex_lock(&config_lock);
    if (process_started) {
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_SUCCESS;
    }
    if (!bind_usdm() || !device_state_open()) {
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_FATAL;
    }
    snprintf(process_name, sizeof process_name, "%s", name != NULL && *name != '\0' ? name : "SSL");
    int bad_config = config_read_environment() != 0;
    /* icp_adf_userProcessToStart: qatmgr gives this process a section (a VF), or answers "No section available". */
    if (bad_config || env_ll("KQAT_EMU_START_FAIL", start_fails) != 0 || !process_slot_take()) {
        if (bad_config) {
            fprintf(stderr, "kqat QAT emulator: bad KQAT_EMU_GEN, KQAT_EMU_CAPS_OFF, KQAT_EMU_NUMA_NODES or "
                            "KQAT_EMU_LZ4S_NO_MATCH\n");
        }
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_FAIL;
    }
    /* Opening the device registers the VFIO container with USDM (which reads no-IOMMU mode then); the instances'
     * rings are then allocated from USDM, which refuses in no-IOMMU mode without huge pages. */
    usdm_vfio_register(1);
    if (num_instances > 0 && !usdm_alloc_allowed((size_t) ring_size * RING_MESSAGE_BYTES, 64)) return give_back(0);
    int vfs = place_instances(), vf_of[MAX_INSTANCES];
    for (int i = 0; i < num_instances; i++) vf_of[i] = instances[i].vf;
    if (!device_link_open(num_instances, ring_size, vfs, vf_of)) return give_back(0);
    for (int i = 0; i < num_instances; i++) {
        instances[i].ring = device_ring(i);
        instances[i].started = 0;
        instances[i].translate = NULL;
    }
    if (!device_link_start(device_in_process)) return give_back(1);
    process_started = 1;
    pthread_mutex_unlock(&config_lock);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus icp_sal_userStop(void) {
    pthread_mutex_lock(&config_lock);
    if (!process_started) {
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_FAIL;
    }
    process_started = 0;
    device_link_close();
    for (int i = 0; i < MAX_INSTANCES; i++) instances[i].ring = NULL;
    usdm_vfio_register(0);
    process_slot_release();
    pthread_mutex_unlock(&config_lock);
    return CPA_STATUS_SUCCESS;
}
