/*
 * Emulated libqat.so.4: the data compression API of a QAT device, asynchronous as the real one is. Submissions go
 * into a per-instance ring (RETRY when full); icp_sal_DcPollInstance completes them and calls the application's
 * callback. Completion is the "device": it translates every flat buffer, and the buffer lists and their metadata,
 * through the translation function the application registered, reaches memory only through the emulated IOMMU (an
 * unregistered address faults the request), and deflates with zlib. Tests steer it with KQAT_EMU_* variables, read at
 * icp_sal_userStart, or the kqatemu_* functions, and read its counters.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "emu_abi.h"

#define EXPORT __attribute__((visibility("default")))
#define MAX_INSTANCES 8
#define SESSION_SIZE 512
#define SESSION_MAGIC 0x6b716174u /* "kqat" */
#define MAX_FLAT_BUFFERS 4096
#define NO_FAULT (-1LL)

struct session {
    uint32_t magic;
    uint32_t level;
    uint32_t direction;
    uint32_t checksum;
    uint32_t huff_type;
    CpaDcCallbackFn callback;
    atomic_int in_flight;
};

struct request {
    int compress;
    struct session *session;
    CpaBufferList *src;
    CpaBufferList *dst;
    CpaDcRqResults *results;
    void *tag;
    int inject_fault;
    struct timespec due;
};

struct instance {
    int started;
    CpaVirtualToPhysical translate;
    pthread_mutex_t lock;
    struct request *ring;
    int head, count;
};

static pthread_mutex_t global = PTHREAD_MUTEX_INITIALIZER;
static struct instance instances[MAX_INSTANCES];
static int num_instances = 2;
static int ring_size = 64;
static int process_started;
static int start_fails;
static long long latency_us;
static long long fail_from = NO_FAULT, fail_count;
static atomic_llong requests, bytes_in, bytes_out, faults, retries, sessions_outstanding, completed;
static atomic_llong src_bytes_mapped, src_bytes_alloc, injected_faults, errors, max_in_flight;

static long long env_ll(const char *name, long long dflt) {
    const char *v = getenv(name);
    return v != NULL && *v != '\0' ? atoll(v) : dflt;
}

/* ---- the sibling libusdm ------------------------------------------------------------------------------------ */

/* The emulator's libusdm is opened by path from this library's own directory, not through a link-time dependency:
 * both variants share the soname libusdm.so.0, and a soname lookup would bind one variant's libqat to whichever
 * libusdm the process loaded first. The application loads the same file by path, so both sides share one table. */
static void *(*usdm_resolve)(uint64_t, uint64_t, int *);
static void (*usdm_vfio_register)(int);
static long long (*usdm_counter)(const char *);
static void (*usdm_set_no_iommu)(int);
static void (*usdm_reset)(void);

static int bind_usdm(void) {
    if (usdm_resolve != NULL) return 1;
    Dl_info self;
    if (dladdr((void *) &bind_usdm, &self) == 0 || self.dli_fname == NULL) return 0;
    char path[4096];
    snprintf(path, sizeof path, "%s", self.dli_fname);
    char *slash = strrchr(path, '/');
    if (slash == NULL) return 0;
    snprintf(slash + 1, sizeof path - (size_t) (slash + 1 - path), "libusdm.so.0");
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) return 0;
    usdm_vfio_register = (void (*)(int)) dlsym(h, "kqatemu_vfio_register");
    usdm_counter = (long long (*)(const char *)) dlsym(h, "kqatemu_usdm_counter");
    usdm_set_no_iommu = (void (*)(int)) dlsym(h, "kqatemu_usdm_set_no_iommu");
    usdm_reset = (void (*)(void)) dlsym(h, "kqatemu_usdm_reset");
    void *resolve = dlsym(h, "kqatemu_iommu_resolve");
    if (!usdm_vfio_register || !usdm_counter || !usdm_set_no_iommu || !usdm_reset || !resolve) return 0;
    usdm_resolve = (void *(*)(uint64_t, uint64_t, int *)) resolve;
    return 1;
}

/* ---- process and instances ---------------------------------------------------------------------------------- */

EXPORT CpaStatus icp_sal_userStart(const char *process_name) {
    (void) process_name;
    pthread_mutex_lock(&global);
    if (process_started) {
        pthread_mutex_unlock(&global);
        return CPA_STATUS_SUCCESS;
    }
    if (!bind_usdm()) {
        pthread_mutex_unlock(&global);
        return CPA_STATUS_FATAL;
    }
    num_instances = (int) env_ll("KQAT_EMU_INSTANCES", num_instances);
    if (num_instances < 0) num_instances = 0;
    if (num_instances > MAX_INSTANCES) num_instances = MAX_INSTANCES;
    ring_size = (int) env_ll("KQAT_EMU_RING_SIZE", ring_size);
    if (ring_size < 1) ring_size = 1;
    latency_us = env_ll("KQAT_EMU_LATENCY_US", latency_us);
    fail_from = env_ll("KQAT_EMU_FAIL_FROM", fail_from);
    fail_count = env_ll("KQAT_EMU_FAIL_COUNT", fail_from == NO_FAULT ? 0 : (fail_count ? fail_count : 1));
    if (env_ll("KQAT_EMU_START_FAIL", start_fails) != 0) {
        pthread_mutex_unlock(&global);
        return CPA_STATUS_FAIL;
    }
    for (int i = 0; i < num_instances; i++) {
        pthread_mutex_init(&instances[i].lock, NULL);
        instances[i].ring = calloc((size_t) ring_size, sizeof(struct request));
        instances[i].head = instances[i].count = 0;
        instances[i].started = 0;
        instances[i].translate = NULL;
    }
    process_started = 1;
    usdm_vfio_register(1); /* opening the device registers the VFIO container with USDM */
    pthread_mutex_unlock(&global);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus icp_sal_userStop(void) {
    pthread_mutex_lock(&global);
    if (!process_started) {
        pthread_mutex_unlock(&global);
        return CPA_STATUS_FAIL;
    }
    for (int i = 0; i < num_instances; i++) {
        free(instances[i].ring);
        instances[i].ring = NULL;
        pthread_mutex_destroy(&instances[i].lock);
    }
    process_started = 0;
    usdm_vfio_register(0);
    pthread_mutex_unlock(&global);
    return CPA_STATUS_SUCCESS;
}

static struct instance *instance_of(CpaInstanceHandle h) {
    for (int i = 0; i < num_instances; i++) {
        if (h == &instances[i]) {
            return &instances[i];
        }
    }
    return NULL;
}

EXPORT CpaStatus cpaDcGetNumInstances(uint16_t *count) {
    if (count == NULL) return CPA_STATUS_INVALID_PARAM;
    if (!process_started) return CPA_STATUS_FAIL;
    *count = (uint16_t) num_instances;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcGetInstances(uint16_t count, CpaInstanceHandle *out) {
    if (out == NULL || count > num_instances) return CPA_STATUS_INVALID_PARAM;
    if (!process_started) return CPA_STATUS_FAIL;
    for (int i = 0; i < count; i++) out[i] = &instances[i];
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcSetAddressTranslation(CpaInstanceHandle h, CpaVirtualToPhysical fn) {
    struct instance *in = instance_of(h);
    if (in == NULL || fn == NULL) return CPA_STATUS_INVALID_PARAM;
    in->translate = fn;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcBufferListGetMetaSize(CpaInstanceHandle h, uint32_t num_buffers, uint32_t *bytes) {
    if (instance_of(h) == NULL || bytes == NULL || num_buffers == 0) return CPA_STATUS_INVALID_PARAM;
    *bytes = 64 + 16 * num_buffers;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcStartInstance(CpaInstanceHandle h, uint16_t num_intermediate, CpaBufferList **intermediate) {
    (void) intermediate;
    struct instance *in = instance_of(h);
    if (in == NULL || num_intermediate != 0) return CPA_STATUS_INVALID_PARAM; /* gen4: stateless, none needed */
    in->started = 1;
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcStopInstance(CpaInstanceHandle h) {
    struct instance *in = instance_of(h);
    if (in == NULL) return CPA_STATUS_INVALID_PARAM;
    pthread_mutex_lock(&in->lock);
    int busy = in->count;
    pthread_mutex_unlock(&in->lock);
    if (busy) return CPA_STATUS_RETRY;
    in->started = 0;
    return CPA_STATUS_SUCCESS;
}

/* ---- the emulated IOMMU path ------------------------------------------------------------------------------- */

/* Host view of [virt, virt+len) as the device reaches it: translate with the application's function, then resolve
 * the device address through the IOMMU. NULL is a fault. */
static void *device_view(struct instance *in, const void *virt, uint64_t len, int *mapped) {
    int ignored;
    if (virt == NULL) return NULL;
    uint64_t iova = in->translate((void *) virt);
    if (iova == 0) return NULL;
    return usdm_resolve(iova, len == 0 ? 1 : len, mapped ? mapped : &ignored);
}

/* Checks a buffer list as the device would read it; fills the host views of its flat buffers. */
static int device_buffers(struct instance *in, CpaBufferList *list, uint8_t **hosts, uint32_t *lens, uint32_t *n,
                          uint64_t *total, long long *mapped_bytes) {
    CpaBufferList *l = device_view(in, list, sizeof(CpaBufferList), NULL);
    if (l == NULL || l->numBuffers == 0 || l->numBuffers > MAX_FLAT_BUFFERS) return 0;
    if (device_view(in, l->pPrivateMetaData, 64 + 16 * (uint64_t) l->numBuffers, NULL) == NULL) return 0;
    CpaFlatBuffer *flats = device_view(in, l->pBuffers, sizeof(CpaFlatBuffer) * (uint64_t) l->numBuffers, NULL);
    if (flats == NULL) return 0;
    *total = 0;
    *mapped_bytes = 0;
    for (uint32_t i = 0; i < l->numBuffers; i++) {
        int mapped = 0;
        hosts[i] = device_view(in, flats[i].pData, flats[i].dataLenInBytes, &mapped);
        if (hosts[i] == NULL) return 0;
        lens[i] = flats[i].dataLenInBytes;
        *total += lens[i];
        if (mapped) *mapped_bytes += lens[i];
    }
    *n = l->numBuffers;
    return 1;
}

/* Moves the output window to the next flat buffer when the current one is full; 0 when none is left. */
static int next_output(z_stream *z, uint8_t **out_b, uint32_t *out_l, uint32_t out_n, uint32_t *oi, uint32_t *produced) {
    if (z->avail_out != 0) return 1;
    *produced += out_l[*oi];
    if (++*oi == out_n) return 0;
    z->next_out = out_b[*oi];
    z->avail_out = out_l[*oi];
    return 1;
}

static int32_t run_deflate(struct session *s, uint8_t **in_b, uint32_t *in_l, uint32_t in_n, uint8_t **out_b,
                           uint32_t *out_l, uint32_t out_n, CpaDcRqResults *r) {
    z_stream z;
    memset(&z, 0, sizeof z);
    int level = s->level < 1 ? 1 : s->level > 9 ? 9 : (int) s->level;
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, s->huff_type == 0 ? Z_FIXED : Z_DEFAULT_STRATEGY) != Z_OK) {
        return CPA_DC_FATALERR;
    }
    uint32_t crc = crc32(0L, Z_NULL, 0);
    uint32_t oi = 0, produced = 0, consumed = 0;
    z.next_out = out_b[0];
    z.avail_out = out_l[0];
    for (uint32_t i = 0; i < in_n; i++) {
        z.next_in = in_b[i];
        z.avail_in = in_l[i];
        crc = crc32(crc, in_b[i], in_l[i]);
        consumed += in_l[i];
        while (z.avail_in > 0) {
            if (!next_output(&z, out_b, out_l, out_n, &oi, &produced)) { deflateEnd(&z); return CPA_DC_OVERFLOW; }
            int rc = deflate(&z, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_BUF_ERROR) { deflateEnd(&z); return CPA_DC_FATALERR; }
        }
    }
    for (;;) {
        if (!next_output(&z, out_b, out_l, out_n, &oi, &produced)) { deflateEnd(&z); return CPA_DC_OVERFLOW; }
        int rc = deflate(&z, Z_FINISH);
        if (rc == Z_STREAM_END) break;
        if (rc != Z_OK && rc != Z_BUF_ERROR) { deflateEnd(&z); return CPA_DC_FATALERR; }
    }
    produced += out_l[oi] - z.avail_out;
    deflateEnd(&z);
    r->produced = produced;
    r->consumed = consumed;
    r->checksum = s->checksum == CPA_DC_CRC32 ? crc : 0;
    r->endOfLastBlock = 1;
    return CPA_DC_OK;
}

static int32_t run_inflate(struct session *s, uint8_t **in_b, uint32_t *in_l, uint32_t in_n, uint8_t **out_b,
                           uint32_t *out_l, uint32_t out_n, CpaDcRqResults *r) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -15) != Z_OK) return CPA_DC_FATALERR;
    uint32_t crc = crc32(0L, Z_NULL, 0);
    uint32_t ii = 0, oi = 0, consumed = 0, produced = 0;
    z.next_in = in_b[0];
    z.avail_in = in_l[0];
    z.next_out = out_b[0];
    z.avail_out = out_l[0];
    int32_t status = CPA_DC_OK;
    for (;;) {
        uint8_t *before = z.next_out;
        int rc = inflate(&z, Z_NO_FLUSH);
        crc = crc32(crc, before, (uInt) (z.next_out - before));
        if (rc == Z_STREAM_END) break;
        if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) { status = CPA_DC_INVALID_BLOCK_TYPE; break; }
        if (z.avail_out == 0) {
            produced += out_l[oi];
            if (++oi == out_n) { status = CPA_DC_OVERFLOW; break; }
            z.next_out = out_b[oi];
            z.avail_out = out_l[oi];
            continue;
        }
        if (z.avail_in == 0) {
            consumed += in_l[ii];
            if (++ii == in_n) { status = CPA_DC_INCOMPLETE_FILE_ERR; break; }
            z.next_in = in_b[ii];
            z.avail_in = in_l[ii];
            continue;
        }
        if (rc == Z_BUF_ERROR) { status = CPA_DC_INVALID_BLOCK_TYPE; break; }
    }
    if (status == CPA_DC_OK) {
        consumed += in_l[ii] - z.avail_in;
        produced += out_l[oi] - z.avail_out;
        r->produced = produced;
        r->consumed = consumed;
        r->checksum = s->checksum == CPA_DC_CRC32 ? crc : 0;
        r->endOfLastBlock = 1;
    }
    inflateEnd(&z);
    return status;
}

/* ---- sessions and requests ---------------------------------------------------------------------------------- */

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
    if (in == NULL || !in->started || in->translate == NULL || setup == NULL) return CPA_STATUS_INVALID_PARAM;
    if (setup->compType != CPA_DC_DEFLATE || setup->sessState != CPA_DC_STATELESS
            || setup->sessDirection > CPA_DC_DIR_COMBINED || setup->compLevel < 1 || setup->compLevel > 12) {
        return CPA_STATUS_INVALID_PARAM;
    }
    /* The device reads session memory: it must be DMA-able. */
    struct session *s = device_view(in, session_memory, SESSION_SIZE, NULL);
    if (s == NULL) return CPA_STATUS_INVALID_PARAM;
    memset(s, 0, sizeof *s);
    s->magic = SESSION_MAGIC;
    s->level = setup->compLevel;
    s->direction = setup->sessDirection;
    s->checksum = setup->checksum;
    s->huff_type = setup->huffType;
    s->callback = callback;
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

static CpaStatus submit(int compress, CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                        CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, void *tag) {
    struct instance *in = instance_of(h);
    struct session *s = session;
    if (in == NULL || !in->started || s == NULL || s->magic != SESSION_MAGIC || src == NULL || dst == NULL
            || op == NULL || results == NULL || s->callback == NULL) {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (compress ? s->direction == CPA_DC_DIR_DECOMPRESS : s->direction == CPA_DC_DIR_COMPRESS) {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (compress) {
        uint64_t total_in = 0, total_out = 0;
        for (uint32_t i = 0; i < src->numBuffers && src->pBuffers; i++) total_in += src->pBuffers[i].dataLenInBytes;
        for (uint32_t i = 0; i < dst->numBuffers && dst->pBuffers; i++) total_out += dst->pBuffers[i].dataLenInBytes;
        if (total_in > 65536 && !op->compressAndVerify) return CPA_STATUS_UNSUPPORTED;
        if (total_out < 512) return CPA_STATUS_INVALID_PARAM;
    }
    pthread_mutex_lock(&in->lock);
    if (in->count == ring_size) {
        pthread_mutex_unlock(&in->lock);
        atomic_fetch_add(&retries, 1);
        return CPA_STATUS_RETRY;
    }
    long long n = atomic_fetch_add(&requests, 1);
    struct request *rq = &in->ring[(in->head + in->count) % ring_size];
    in->count++;
    long long seen = atomic_load(&max_in_flight);
    while (in->count > seen && !atomic_compare_exchange_weak(&max_in_flight, &seen, in->count)) {
    }
    rq->compress = compress;
    rq->session = s;
    rq->src = src;
    rq->dst = dst;
    rq->results = results;
    rq->tag = tag;
    pthread_mutex_lock(&global);
    rq->inject_fault = fail_from != NO_FAULT && n >= fail_from && n < fail_from + fail_count;
    long long delay = latency_us;
    pthread_mutex_unlock(&global);
    clock_gettime(CLOCK_MONOTONIC, &rq->due);
    rq->due.tv_nsec += (delay % 1000000) * 1000;
    rq->due.tv_sec += delay / 1000000 + rq->due.tv_nsec / 1000000000;
    rq->due.tv_nsec %= 1000000000;
    atomic_fetch_add(&s->in_flight, 1);
    pthread_mutex_unlock(&in->lock);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcCompressData2(CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                                    CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, void *tag) {
    return submit(1, h, session, src, dst, op, results, tag);
}

EXPORT CpaStatus cpaDcDecompressData2(CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                                      CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, void *tag) {
    return submit(0, h, session, src, dst, op, results, tag);
}

/* Runs one request as the device: address translation, IOMMU checks, (de)compression. */
static CpaStatus execute(struct instance *in, struct request *rq) {
    static __thread uint8_t *in_b[MAX_FLAT_BUFFERS], *out_b[MAX_FLAT_BUFFERS];
    static __thread uint32_t in_l[MAX_FLAT_BUFFERS], out_l[MAX_FLAT_BUFFERS];
    uint32_t in_n, out_n;
    uint64_t total_in, total_out;
    long long mapped_in, mapped_out;
    CpaDcRqResults *r = rq->results; /* written by the library on the CPU, not by DMA */
    r->produced = r->consumed = 0;
    r->endOfLastBlock = 0;
    r->dataUncompressed = 0;
    if (rq->inject_fault) {
        atomic_fetch_add(&injected_faults, 1);
        r->status = CPA_DC_FATALERR;
        return CPA_STATUS_FAIL;
    }
    if (!device_buffers(in, rq->src, in_b, in_l, &in_n, &total_in, &mapped_in)
            || !device_buffers(in, rq->dst, out_b, out_l, &out_n, &total_out, &mapped_out)) {
        atomic_fetch_add(&faults, 1);
        r->status = CPA_DC_FATALERR;
        return CPA_STATUS_FAIL;
    }
    int32_t status = rq->compress ? run_deflate(rq->session, in_b, in_l, in_n, out_b, out_l, out_n, r)
                                  : run_inflate(rq->session, in_b, in_l, in_n, out_b, out_l, out_n, r);
    r->status = status;
    if (status != CPA_DC_OK) {
        atomic_fetch_add(&errors, 1);
        return CPA_STATUS_FAIL;
    }
    atomic_fetch_add(&bytes_in, (long long) r->consumed);
    atomic_fetch_add(&bytes_out, (long long) r->produced);
    if (rq->compress) {
        atomic_fetch_add(&src_bytes_mapped, mapped_in);
        atomic_fetch_add(&src_bytes_alloc, (long long) total_in - mapped_in);
    }
    return CPA_STATUS_SUCCESS;
}

static int due(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

EXPORT CpaStatus icp_sal_DcPollInstance(CpaInstanceHandle h, uint32_t quota) {
    struct instance *in = instance_of(h);
    if (in == NULL || !in->started) return CPA_STATUS_INVALID_PARAM;
    uint32_t done = 0;
    while (quota == 0 || done < quota) {
        pthread_mutex_lock(&in->lock);
        if (in->count == 0 || !due(&in->ring[in->head].due)) {
            pthread_mutex_unlock(&in->lock);
            break;
        }
        struct request rq = in->ring[in->head];
        in->head = (in->head + 1) % ring_size;
        in->count--;
        pthread_mutex_unlock(&in->lock);
        CpaStatus status = execute(in, &rq);
        CpaDcCallbackFn callback = rq.session->callback;
        atomic_fetch_add(&completed, 1);
        callback(rq.tag, status);
        /* Only now may the session be removed: its memory is the application's to free afterwards. */
        atomic_fetch_sub(&rq.session->in_flight, 1);
        done++;
    }
    return done > 0 ? CPA_STATUS_SUCCESS : CPA_STATUS_RETRY;
}

/* ---- test controls and counters (not part of qatlib) -------------------------------------------------------- */

EXPORT void kqatemu_fail_requests(long long from, long long count) {
    pthread_mutex_lock(&global);
    fail_from = count > 0 ? from : NO_FAULT;
    fail_count = count;
    pthread_mutex_unlock(&global);
}

EXPORT void kqatemu_set_latency_us(long long us) {
    pthread_mutex_lock(&global);
    latency_us = us < 0 ? 0 : us;
    pthread_mutex_unlock(&global);
}

EXPORT void kqatemu_set_no_iommu(int on) {
    if (bind_usdm()) usdm_set_no_iommu(on);
}

/* Takes effect at the next icp_sal_userStart, as the real device's configuration would. */
EXPORT void kqatemu_configure(int instances, int ring, int fail_start) {
    pthread_mutex_lock(&global);
    num_instances = instances;
    ring_size = ring;
    start_fails = fail_start;
    pthread_mutex_unlock(&global);
}

EXPORT long long kqatemu_counter(const char *name) {
    if (name == NULL) return -1;
    if (strcmp(name, "requests") == 0) return atomic_load(&requests);
    if (strcmp(name, "completed") == 0) return atomic_load(&completed);
    if (strcmp(name, "bytes_in") == 0) return atomic_load(&bytes_in);
    if (strcmp(name, "bytes_out") == 0) return atomic_load(&bytes_out);
    if (strcmp(name, "iommu_faults") == 0) return atomic_load(&faults);
    if (strcmp(name, "injected_faults") == 0) return atomic_load(&injected_faults);
    if (strcmp(name, "request_errors") == 0) return atomic_load(&errors);
    if (strcmp(name, "retries") == 0) return atomic_load(&retries);
    if (strcmp(name, "sessions_outstanding") == 0) return atomic_load(&sessions_outstanding);
    if (strcmp(name, "src_bytes_mapped") == 0) return atomic_load(&src_bytes_mapped);
    if (strcmp(name, "src_bytes_alloc") == 0) return atomic_load(&src_bytes_alloc);
    if (strcmp(name, "process_started") == 0) return process_started;
    if (strcmp(name, "max_in_flight") == 0) return atomic_load(&max_in_flight);
    return bind_usdm() ? usdm_counter(name) : -1;
}

EXPORT void kqatemu_reset_counters(void) {
    atomic_store(&requests, 0);
    atomic_store(&completed, 0);
    atomic_store(&bytes_in, 0);
    atomic_store(&bytes_out, 0);
    atomic_store(&faults, 0);
    atomic_store(&injected_faults, 0);
    atomic_store(&errors, 0);
    atomic_store(&retries, 0);
    atomic_store(&src_bytes_mapped, 0);
    atomic_store(&src_bytes_alloc, 0);
    atomic_store(&max_in_flight, 0);
    if (bind_usdm()) usdm_reset();
}
