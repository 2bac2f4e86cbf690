/*
 * The LZ4, LZ4s and zstd compression bounds (dc_buffers.c): cpaDcLZ4SCompressBound and cpaDcLZ4CompressBound from
 * 22.07, cpaDcZstdCompressBound from 26.02. Each checks the instance, the output pointer and a non-zero input
 * (INVALID_PARAM), then whether the instance has the algorithm (UNSUPPORTED), then applies the generation's formula
 * (qat_bound.c; INVALID_PARAM above 32 bits). cpaDcDeflateCompressBound is in qat_instances.c.
 */
#define _GNU_SOURCE
#include <pthread.h>

#include "emu_abi.h"
#include "qat_config.h"
#include "qat_generation.h"
#include "qat_instance.h"
#include "qat_release.h"

#define EXPORT __attribute__((visibility("default")))

static CpaStatus check(CpaInstanceHandle h, uint32_t input, uint32_t *output, enum generation *g,
                       struct capabilities *k) {
    if (instance_of(h) == NULL || output == NULL || input == 0) return CPA_STATUS_INVALID_PARAM;
    pthread_mutex_lock(&config_lock);
    *g = generation;
    *k = caps;
    pthread_mutex_unlock(&config_lock);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcLZ4SCompressBound(CpaInstanceHandle h, uint32_t input_size, uint32_t *output_size) {
    enum generation g;
    struct capabilities k;
    CpaStatus status = check(h, input_size, output_size, &g, &k);
    if (status != CPA_STATUS_SUCCESS) return status;
    if (!lz4s_available(g, &k)) return CPA_STATUS_UNSUPPORTED;
    return lz4s_bound(g, input_size, output_size);
}

/* LZ4 is not emulated: answered as by an instance without it. */
EXPORT CpaStatus cpaDcLZ4CompressBound(CpaInstanceHandle h, uint32_t input_size, uint32_t *output_size) {
    enum generation g;
    struct capabilities k;
    CpaStatus status = check(h, input_size, output_size, &g, &k);
    return status != CPA_STATUS_SUCCESS ? status : CPA_STATUS_UNSUPPORTED;
}

#if RELEASE_HAS_ZSTD_API
EXPORT CpaStatus cpaDcZstdCompressBound(CpaInstanceHandle h, uint32_t input_size, uint32_t *output_size) {
    enum generation g;
    struct capabilities k;
    CpaStatus status = check(h, input_size, output_size, &g, &k);
    if (status != CPA_STATUS_SUCCESS) return status;
    if (!zstd_available(g, &k)) return CPA_STATUS_UNSUPPORTED;
    return zstd_bound(input_size, output_size);
}
#endif
