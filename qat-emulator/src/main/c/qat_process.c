/*
 * Emulated libqat.so.4 (and .so.3): the data compression API of a QAT device, asynchronous as the real one is.
 * src/main/c/README.md maps the files; this one starts and stops the library for the process.
 *
 * The submitting thread does what qatlib does on the CPU: it checks the request (qat_request_checks.c: the same
 * checks, in the same order, with the same status codes as qatlib 26.08's dc_datapath.c), translates the start of
 * every flat buffer and of the metadata through the application's translation function and writes the device's
 * descriptors into the buffer lists' pPrivateMetaData (qat_descriptors.c), and queues the request on the instance's
 * ring (qat_submit.c, qat_ring.c; RETRY when full). A device thread per instance (qat_device.c), started here,
 * executes requests when due (KQAT_EMU_LATENCY_US): it reads the descriptors and the data only through the emulated
 * IOMMU (qat_device_memory.c; a range outside one registration faults the request), deflates or inflates with zlib
 * (qat_deflate.c), and writes the output. icp_sal_DcPollInstance only delivers finished requests
 * (qat_completions.c): it writes the results and runs the callback on the polling thread, as qatlib does. So the
 * submitting thread's CPU time is the host's cost only.
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
#include "qat_device.h"
#include "qat_instance.h"
#include "qat_process_slots.h"
#include "qat_ring.h"
#include "qat_usdm_link.h"

#define EXPORT __attribute__((visibility("default")))
#define RING_MESSAGE_BYTES 128 /* a Gen4 request message; the rings live in USDM memory */

int process_started;
char process_name[64] = "SSL";

static void stop_instances(int n) {
    for (int i = 0; i < n; i++) {
        struct instance *in = &instances[i];
        device_stop(in);
        ring_drop_queued(&in->ring);
        ring_destroy(&in->ring);
    }
}

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
    process_slot_forget();
    pthread_mutex_unlock(&config_lock);
}

__attribute__((constructor)) static void watch_forks(void) {
    pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
}

EXPORT CpaStatus icp_sal_userStart(const char *name) {
    pthread_mutex_lock(&config_lock);
    if (process_started) {
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_SUCCESS;
    }
    if (!bind_usdm()) {
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_FATAL;
    }
    snprintf(process_name, sizeof process_name, "%s", name != NULL && *name != '\0' ? name : "SSL");
    int bad_config = config_read_environment() != 0;
    /* icp_adf_userProcessToStart: qatmgr gives this process a section (a VF), or answers "No section available". */
    if (bad_config || env_ll("KQAT_EMU_START_FAIL", start_fails) != 0 || !process_slot_take()) {
        if (bad_config) fprintf(stderr, "kqat QAT emulator: bad KQAT_EMU_GEN, KQAT_EMU_CAPS_OFF or KQAT_EMU_NUMA_NODES\n");
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_FAIL;
    }
    /* Opening the device registers the VFIO container with USDM (which reads no-IOMMU mode then); the instances'
     * rings are then allocated from USDM, which refuses in no-IOMMU mode without huge pages. */
    usdm_vfio_register(1);
    if (num_instances > 0 && !usdm_alloc_allowed((size_t) ring_size * RING_MESSAGE_BYTES, 64)) {
        usdm_vfio_register(0);
        process_slot_release();
        pthread_mutex_unlock(&config_lock);
        return CPA_STATUS_FAIL;
    }
    for (int i = 0; i < num_instances; i++) {
        struct instance *in = &instances[i];
        int ring_allocated = ring_init(&in->ring, ring_size);
        in->index = i;
        in->node = numa_nodes[i % num_numa_nodes];
        in->started = 0;
        in->translate = NULL;
        device_start(in);
        if (!ring_allocated || !in->thread_running) {
            stop_instances(i + 1);
            usdm_vfio_register(0);
            process_slot_release();
            pthread_mutex_unlock(&config_lock);
            return CPA_STATUS_FAIL;
        }
    }
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
    stop_instances(num_instances);
    usdm_vfio_register(0);
    process_slot_release();
    pthread_mutex_unlock(&config_lock);
    return CPA_STATUS_SUCCESS;
}
