/*
 * Instances: the handles, address translation, start and stop, and what an instance tells about itself
 * (capabilities, info, the compression bound) for the emulated generation.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "emu_abi.h"
#include "qat_config.h"
#include "qat_generation.h"
#include "qat_instance.h"
#include "qat_ring.h"

#define EXPORT __attribute__((visibility("default")))

#ifdef KQAT_EMU_QATLIB_V3
#define SW_VERSION "Version 23.2"
#elif defined(KQAT_EMU_EVENTS) && KQAT_EMU_EVENTS == 2602
#define SW_VERSION "Version 26.2"
#else
#define SW_VERSION "Version 26.8"
#endif

struct instance instances[MAX_INSTANCES];

struct instance *instance_of(CpaInstanceHandle h) {
    for (int i = 0; i < num_instances; i++) {
        if (h == &instances[i]) {
            return &instances[i];
        }
    }
    return NULL;
}

/* sal_instances.c (Lac_GetDcNumInstancesByType): the count is zeroed first; no started device is RESOURCE ("Accel
 * devices are not available"); a started device without compression instances is SUCCESS with 0. */
EXPORT CpaStatus cpaDcGetNumInstances(uint16_t *count) {
    if (count == NULL) return CPA_STATUS_INVALID_PARAM;
    *count = 0;
    if (!process_started) return CPA_STATUS_RESOURCE;
    *count = (uint16_t) num_instances;
    return CPA_STATUS_SUCCESS;
}

/* Lac_GetDcInstancesByType: NULL or 0 is INVALID_PARAM; more than there are, or no started device, is RESOURCE. */
EXPORT CpaStatus cpaDcGetInstances(uint16_t count, CpaInstanceHandle *out) {
    if (out == NULL || count == 0) return CPA_STATUS_INVALID_PARAM;
    if (!process_started || count > num_instances) return CPA_STATUS_RESOURCE;
    for (int i = 0; i < count; i++) out[i] = &instances[i];
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcSetAddressTranslation(CpaInstanceHandle h, CpaVirtualToPhysical fn) {
    struct instance *in = instance_of(h);
    if (in == NULL || fn == NULL) return CPA_STATUS_INVALID_PARAM;
    in->translate = fn;
    return CPA_STATUS_SUCCESS;
}

/* dc_buffers.c: sizeof(icp_buffer_list_desc_t) + sizeof(icp_flat_buffer_desc_t) * (numBuffers + 1) + 8. */
EXPORT CpaStatus cpaDcBufferListGetMetaSize(CpaInstanceHandle h, uint32_t num_buffers, uint32_t *bytes) {
    if (instance_of(h) == NULL || bytes == NULL || num_buffers == 0) return CPA_STATUS_INVALID_PARAM;
    *bytes = (uint32_t) (sizeof(IcpBufferListDesc) + sizeof(IcpFlatBufferDesc) * (num_buffers + 1) + 8);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcStartInstance(CpaInstanceHandle h, uint16_t num_intermediate, CpaBufferList **intermediate) {
    (void) intermediate;
    struct instance *in = instance_of(h);
    if (in == NULL || num_intermediate != 0) return CPA_STATUS_INVALID_PARAM; /* Gen4+: stateless, none needed */
    in->started = 1;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcStopInstance(CpaInstanceHandle h) {
    struct instance *in = instance_of(h);
    if (in == NULL) return CPA_STATUS_INVALID_PARAM;
    if (process_started && ring_occupancy(in->ring)) return CPA_STATUS_RETRY; /* after a stop there is no ring */
    in->started = 0;
    return CPA_STATUS_SUCCESS;
}

/* sal_compression.c: cpaDcQueryCapabilities, for a compression instance of the emulated generation. LZ4 is not
 * emulated, so its booleans (TRUE on a real 4xxx) stay FALSE; statelessLZ4SCompression and checksumXXHash32 (the
 * LZ4s one) are TRUE where the generation has LZ4s. The structure has no zstd field. */
EXPORT CpaStatus cpaDcQueryCapabilities(CpaInstanceHandle h, CpaDcInstanceCapabilities *c) {
    if (instance_of(h) == NULL || c == NULL) return CPA_STATUS_INVALID_PARAM;
    pthread_mutex_lock(&config_lock);
    struct capabilities k = caps;
    enum generation g = generation;
    pthread_mutex_unlock(&config_lock);
    memset(c, 0, sizeof *c);
    c->statelessDeflateCompression = k.deflate && k.stateless;
    c->statelessDeflateDecompression = k.deflate && k.stateless;
    c->checksumCRC32 = k.crc32;
    c->checksumAdler32 = k.adler32;
    c->statelessLZ4SCompression = lz4s_available(g, &k) && k.stateless;
    c->checksumXXHash32 = lz4s_available(g, &k) && k.xxhash32;
    c->dynamicHuffman = k.dynamic;
    c->dynamicHuffmanBufferReq = g != GEN_6XXX;
    c->precompiledHuffman = CPA_FALSE;
    c->autoSelectBestHuffmanTree = CPA_TRUE;
    c->endOfLastBlock = CPA_TRUE;
    c->compressAndVerify = k.cnv;
    c->compressAndVerifyStrict = CPA_TRUE;
    c->compressAndVerifyAndRecover = k.cnvnr;
    c->integrityCrcs = CPA_FALSE;
    c->integrityCrcs64b = CPA_TRUE;
    return CPA_STATUS_SUCCESS;
}

/* sal_compression.c: cpaDcInstanceGetInfo2. One emulated device (package) per distinct NUMA node (qat_placement.c). */
EXPORT CpaStatus cpaDcInstanceGetInfo2(CpaInstanceHandle h, CpaInstanceInfo2 *info) {
    struct instance *in = instance_of(h);
    if (in == NULL || info == NULL) return CPA_STATUS_INVALID_PARAM;
    pthread_mutex_lock(&config_lock);
    int package = in->package;
    const char *device = generation_names[generation];
    pthread_mutex_unlock(&config_lock);
    memset(info, 0, sizeof *info);
    info->accelerationServiceType = CPA_ACC_SVC_TYPE_DATA_COMPRESSION;
    snprintf((char *) info->vendorName, sizeof info->vendorName, "%s", "Intel(R)");
    snprintf((char *) info->swVersion, sizeof info->swVersion, "%s", SW_VERSION);
    info->physInstId.packageId = (uint16_t) package;
    info->physInstId.acceleratorId = (uint16_t) package;
    info->physInstId.executionEngineId = 0;
    /* The VF's bus:dev.fn: a bus per package, VFs from function 1 on. */
    info->physInstId.busAddress = (uint16_t) ((0x6b + 0x10 * package) << 8 | ((in->vf_in_package + 1) & 0xff));
    info->coreAffinity[in->index / 32] |= 1u << (in->index % 32);
    info->nodeAffinity = (uint32_t) in->node;
    info->operState = in->started ? CPA_OPER_STATE_UP : CPA_OPER_STATE_DOWN;
    info->requiresPhysicallyContiguousMemory = CPA_TRUE;
    info->isPolled = CPA_TRUE;
    info->isOffloaded = CPA_TRUE;
    snprintf((char *) info->partName, sizeof info->partName, "%svf with Intel(R) QuickAssist Technology", device);
    snprintf((char *) info->instName, sizeof info->instName, "dc%d", in->index);
    snprintf((char *) info->instID, sizeof info->instID, "%s_dc%d", process_name, in->index);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcDeflateCompressBound(CpaInstanceHandle h, uint32_t huff_type, uint32_t input_size,
                                           uint32_t *output_size) {
    if (instance_of(h) == NULL || output_size == NULL || input_size == 0) return CPA_STATUS_INVALID_PARAM;
    if (huff_type != CPA_DC_HT_STATIC && huff_type != CPA_DC_HT_FULL_DYNAMIC) return CPA_STATUS_INVALID_PARAM;
    pthread_mutex_lock(&config_lock);
    int dynamic = caps.dynamic;
    enum generation g = generation;
    pthread_mutex_unlock(&config_lock);
    if (!dynamic && huff_type == CPA_DC_HT_FULL_DYNAMIC) return CPA_STATUS_INVALID_PARAM;
    return deflate_bound(g, huff_type, input_size, output_size);
}
