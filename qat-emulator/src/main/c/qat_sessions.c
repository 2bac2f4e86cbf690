/* Sessions: their size, initialisation (after qatlib's checks, qat_session_checks.c) and removal. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "emu_abi.h"
#include "qat_config.h"
#include "qat_counters.h"
#include "qat_descriptors.h"
#include "qat_generation.h"
#include "qat_instance.h"
#include "qat_session.h"
#include "qat_session_checks.h"

#define EXPORT __attribute__((visibility("default")))

EXPORT CpaStatus cpaDcGetSessionSize(CpaInstanceHandle h, CpaDcSessionSetupData *setup, uint32_t *session_size,
                                     uint32_t *context_size) {
    if (instance_of(h) == NULL || setup == NULL || session_size == NULL) return CPA_STATUS_INVALID_PARAM;
    *session_size = SESSION_SIZE;
    if (context_size != NULL) *context_size = 0;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcInitSession(CpaInstanceHandle h, CpaDcSessionHandle session_memory,
                                  CpaDcSessionSetupData *setup, CpaBufferList *context, CpaDcCallbackFn callback) {
    (void) context;
    struct instance *in = instance_of(h);
    if (in == NULL || !in->started || in->translate == NULL || setup == NULL || session_memory == NULL) {
        return CPA_STATUS_INVALID_PARAM;
    }
    pthread_mutex_lock(&config_lock);
    struct capabilities k = caps;
    enum generation g = generation;
    pthread_mutex_unlock(&config_lock);
    CpaStatus status = check_session(setup, &k, g);
    if (status != CPA_STATUS_SUCCESS) return status;
    /* "Unable to get the physical address of the session": the device reads session memory (the emulator: all of
     * it), so it must be DMA-able. */
    if (in->translate((uint8_t *) session_memory + sizeof(void *)) == 0
            || !device_readable(in, session_memory, SESSION_SIZE)) {
        atomic_fetch_add(&translation_failures, 1);
        return CPA_STATUS_FAIL;
    }
    struct session *s = session_memory;
    memset(s, 0, sizeof *s);
    s->magic = SESSION_MAGIC;
    s->level = setup->compLevel;
    s->direction = setup->sessDirection;
    s->checksum = setup->checksum;
    s->huff_type = setup->huffType;
    s->comp_type = setup->compType;
    s->min_match = setup->minMatch == CPA_DC_MIN_4_BYTE_MATCH ? 4 : 3;
    s->callback = callback;
    s->instance = in;
    atomic_fetch_add(&sessions_outstanding, 1);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcRemoveSession(CpaInstanceHandle h, CpaDcSessionHandle session) {
    struct session *s = session;
    if (instance_of(h) == NULL || s == NULL || s->magic != SESSION_MAGIC) return CPA_STATUS_INVALID_PARAM;
    if (atomic_load(&s->in_flight) > 0) return CPA_STATUS_RETRY;
    s->magic = 0;
    atomic_fetch_sub(&sessions_outstanding, 1);
    return CPA_STATUS_SUCCESS;
}
