/*
 * Emulated libqat.so.4 (and .so.3): the data compression API of a QAT device, asynchronous as the real one is.
 *
 * The submitting thread does what qatlib does on the CPU: it checks the request (the same checks, in the same order,
 * with the same status codes as qatlib 26.08's dc_datapath.c), translates the start of every flat buffer and of the
 * metadata through the application's translation function, writes the device's descriptors into the buffer lists'
 * pPrivateMetaData, and queues the request on the instance's ring (RETRY when full). A device thread per instance,
 * started by icp_sal_userStart, executes requests when due (KQAT_EMU_LATENCY_US): it reads the descriptors and the data
 * only through the emulated IOMMU (a range outside one registration faults the request), deflates or inflates with
 * zlib, and writes the output. icp_sal_DcPollInstance only delivers finished requests: it writes the results and runs
 * the callback on the polling thread, as qatlib does. So the submitting thread's CPU time is the host's cost only.
 *
 * The device answers like the generation it emulates (KQAT_EMU_GEN: 4xxx, 420xx, 6xxx). Tests steer it with
 * KQAT_EMU_* variables, read at icp_sal_userStart, or the kqatemu_* functions, and read its counters. CONFORMANCE.md
 * maps every rule to its qatlib source and to the C test that proves it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "emu_abi.h"

#define EXPORT __attribute__((visibility("default")))
#define MAX_INSTANCES 16
#define SESSION_SIZE 512
#define SESSION_MAGIC 0x6b716174u /* "kqat" */
#define MAX_SGL_BUFFERS 256        /* lac_buffer_desc.c: numBuffers >= 256 fails */
#define DC_BUFFER_MAX_SIZE 0xFFFFFFFFULL
#define NO_REQUEST (-1LL)
#define RING_MESSAGE_BYTES 128     /* a Gen4 request message; the rings live in USDM memory */

#ifdef KQAT_EMU_QATLIB_V3
#define SW_VERSION "Version 23.2"
#else
#define SW_VERSION "Version 26.8"
#endif

/* ---- generations and capabilities ----------------------------------------------------------------------------- */

enum generation { GEN_4XXX = 0, GEN_420XX, GEN_6XXX };
static const char *const generation_names[] = {"4xxx", "420xx", "6xxx"};

struct capabilities {
    int deflate, stateless, dynamic, static_huffman, crc32, adler32, cnv, cnvnr;
};

static const char *const capability_names[] = {"deflate", "stateless", "dynamic", "static", "crc32", "adler32", "cnv",
                                               "cnvnr"};

static int *capability_slot(struct capabilities *c, const char *name) {
    int *slots[] = {&c->deflate, &c->stateless, &c->dynamic, &c->static_huffman, &c->crc32, &c->adler32, &c->cnv,
                    &c->cnvnr};
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
        if (strcmp(name, capability_names[i]) == 0) return slots[i];
    }
    return NULL;
}

/* sal_compression_capabilities.c: SalCtrl_Set4xxxDcCapabilities (4xxx and 420xx) and SalCtrl_Set6xxxDcCapabilities. */
static struct capabilities default_capabilities(enum generation g) {
    struct capabilities c = {1, 1, 1, g != GEN_6XXX, 1, 1, 1, 1};
    return c;
}

/* ---- state ------------------------------------------------------------------------------------------------------ */

struct instance;

struct session {
    uint32_t magic;
    uint32_t level;
    uint32_t direction;
    uint32_t checksum;
    uint32_t huff_type;
    int subsequent; /* qatlib's requestType: DC_REQUEST_SUBSEQUENT after a request that was not a passing FINAL one */
    CpaDcCallbackFn callback;
    struct instance *instance;
    atomic_int in_flight;
};
_Static_assert(sizeof(struct session) <= SESSION_SIZE, "session");

struct request {
    int compress;
    enum generation generation;
    struct session *session;
    uint32_t level, huff_type, checksum_type, flush;
    uint32_t seed;
    uint64_t src_desc, dst_desc; /* device addresses of the descriptors written into the metadata */
    CpaDcRqResults *results;
    void *tag;
    long long seq;
    int fault; /* 1: KQAT_EMU_FAIL_FROM window, 2: KQAT_EMU_FAIL_PERCENT */
    int held;
    struct timespec due;
    /* The device's answer, delivered by the poll. */
    CpaStatus callback_status;
    int32_t status;
    uint32_t produced, consumed, checksum;
    int checksum_valid, uncompressed, eolb;
    int pass; /* the firmware's cmpPass before qatlib turns a compression overflow into a pass */
};

struct instance {
    int index;
    int node;
    int started;
    CpaVirtualToPhysical translate;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    int thread_running;
    int stopping;
    int sleeping; /* the device thread waits for a doorbell (a submission signals it only then) */
    struct request *ring;
    int ring_size;
    int head, count, executed; /* ring[head .. head+executed) are done, the rest queued */
    atomic_llong requests, completed;
};

static pthread_mutex_t global = PTHREAD_MUTEX_INITIALIZER;
static struct instance instances[MAX_INSTANCES];
static int num_instances = 2;
static int ring_size = 64;
static int process_started;
static int start_fails;
static char process_name[64] = "SSL";
static int numa_nodes[MAX_INSTANCES] = {0};
static int num_numa_nodes = 1;
static long long latency_us;
static long long fail_from = NO_REQUEST, fail_count;
static int fail_percent;
static unsigned long long fail_seed = 1;
static atomic_llong hang_from = NO_REQUEST;
static enum generation generation = GEN_4XXX;
static struct capabilities caps = {1, 1, 1, 1, 1, 1, 1, 1};

static atomic_llong requests, bytes_in, bytes_out, faults, retries, sessions_outstanding, completed;
static atomic_llong src_bytes_mapped, src_bytes_alloc, injected_faults, random_faults, errors, max_in_flight;
static atomic_llong translation_failures, sgl_refusals, cnv_refusals, held_now, hung_requests, late_completions;
static atomic_llong decompress_trailing_bytes, overflows, device_ns, invalid_params;

static long long env_ll(const char *name, long long dflt) {
    const char *v = getenv(name);
    return v != NULL && *v != '\0' ? atoll(v) : dflt;
}

static int set_generation(const char *name) { /* global held */
    for (int g = 0; g < 3; g++) {
        if (strcmp(name, generation_names[g]) == 0) {
            generation = (enum generation) g;
            caps = default_capabilities(generation);
            return 0;
        }
    }
    return -1;
}

/* "cnv,dynamic" -> those capabilities off. */
static int capabilities_off(const char *list) { /* global held */
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    int rc = 0;
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t != NULL; t = strtok_r(NULL, ", ", &save)) {
        int *slot = capability_slot(&caps, t);
        if (slot == NULL) rc = -1;
        else *slot = 0;
    }
    return rc;
}

static int parse_nodes(const char *list) { /* global held */
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

/* ---- the sibling libusdm ------------------------------------------------------------------------------------ */

/* The emulator's libusdm is opened by path from this library's own directory, not through a link-time dependency:
 * every variant has the soname libusdm.so.0, and a soname lookup would bind one variant's libqat to whichever
 * libusdm the process loaded first. The application loads the same file by path, so both sides share one table. */
static void *(*usdm_resolve)(uint64_t, uint64_t, int *);
static void (*usdm_vfio_register)(int);
static long long (*usdm_counter)(const char *);
static void (*usdm_set_no_iommu)(int);
static void (*usdm_set_hugepage_mode)(int);
static void (*usdm_set_strict_dontfork)(int);
static int (*usdm_alloc_allowed)(size_t, size_t);
static int (*usdm_node_of)(const void *);
static const char *(*usdm_sysfs_root)(void);
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
    usdm_set_hugepage_mode = (void (*)(int)) dlsym(h, "kqatemu_usdm_set_hugepage_mode");
    usdm_set_strict_dontfork = (void (*)(int)) dlsym(h, "kqatemu_usdm_set_strict_dontfork");
    usdm_alloc_allowed = (int (*)(size_t, size_t)) dlsym(h, "kqatemu_usdm_alloc_allowed");
    usdm_node_of = (int (*)(const void *)) dlsym(h, "kqatemu_usdm_node_of");
    usdm_sysfs_root = (const char *(*)(void)) dlsym(h, "kqatemu_usdm_sysfs_root");
    usdm_reset = (void (*)(void)) dlsym(h, "kqatemu_usdm_reset");
    void *resolve = dlsym(h, "kqatemu_iommu_resolve");
    if (!usdm_vfio_register || !usdm_counter || !usdm_set_no_iommu || !usdm_set_hugepage_mode
            || !usdm_set_strict_dontfork || !usdm_alloc_allowed || !usdm_node_of || !usdm_sysfs_root || !usdm_reset
            || !resolve) {
        return 0;
    }
    usdm_resolve = (void *(*)(uint64_t, uint64_t, int *)) resolve;
    return 1;
}

/* ---- the device ----------------------------------------------------------------------------------------------- */

static int due(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

static long long elapsed_ns(const struct timespec *a, const struct timespec *b) {
    return (b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

/* One buffer list as the device sees it: descriptors read through the IOMMU, then every flat resolved. */
struct device_list {
    uint32_t n;
    uint8_t *host[MAX_SGL_BUFFERS];
    uint32_t len[MAX_SGL_BUFFERS];
    uint64_t total, mapped;
};

static int device_list(uint64_t desc, struct device_list *out) {
    int mapped;
    IcpBufferListDesc *hdr = usdm_resolve(desc, sizeof(IcpBufferListDesc), &mapped);
    if (hdr == NULL || hdr->numBuffers == 0 || hdr->numBuffers >= MAX_SGL_BUFFERS) return 0;
    uint32_t n = hdr->numBuffers;
    IcpFlatBufferDesc *flats = usdm_resolve(desc + sizeof(IcpBufferListDesc), sizeof(IcpFlatBufferDesc) * n, &mapped);
    if (flats == NULL) return 0;
    out->n = n;
    out->total = out->mapped = 0;
    for (uint32_t i = 0; i < n; i++) {
        out->len[i] = flats[i].dataLenInBytes;
        out->host[i] = NULL;
        if (out->len[i] == 0) continue;
        /* Only the start was translated: the whole flat must lie in the same registration. */
        out->host[i] = usdm_resolve(flats[i].phyBuffer, out->len[i], &mapped);
        if (out->host[i] == NULL) return 0;
        out->total += out->len[i];
        if (mapped) out->mapped += out->len[i];
    }
    return 1;
}

static void gather(const struct device_list *l, uint8_t *to) {
    for (uint32_t i = 0; i < l->n; i++) {
        if (l->len[i] == 0) continue;
        memcpy(to, l->host[i], l->len[i]);
        to += l->len[i];
    }
}

static void scatter(const struct device_list *l, const uint8_t *from, uint64_t bytes) {
    for (uint32_t i = 0; i < l->n && bytes > 0; i++) {
        uint64_t k = l->len[i] < bytes ? l->len[i] : bytes;
        if (k == 0) continue;
        memcpy(l->host[i], from, k);
        from += k;
        bytes -= k;
    }
}

/* Per device thread: zlib streams and buffers kept from request to request (the device's own memory). */
struct scratch {
    z_stream def, inf;
    int def_ready, def_level, def_strategy, inf_ready;
    uint8_t *in, *out;
    uint64_t in_cap, out_cap;
};
static __thread struct scratch scratch;

static uint8_t *room(uint8_t **buf, uint64_t *cap, uint64_t want) {
    if (want == 0) want = 1;
    if (*cap < want) {
        uint8_t *p = realloc(*buf, want);
        if (p == NULL) return NULL;
        *buf = p;
        *cap = want;
    }
    return *buf;
}

static z_stream *deflater(int level, int strategy) {
    struct scratch *k = &scratch;
    if (!k->def_ready) {
        memset(&k->def, 0, sizeof k->def);
        if (deflateInit2(&k->def, level, Z_DEFLATED, -15, 8, strategy) != Z_OK) return NULL;
        k->def_ready = 1;
    } else {
        deflateReset(&k->def);
        if ((k->def_level != level || k->def_strategy != strategy)
                && deflateParams(&k->def, level, strategy) != Z_OK) {
            return NULL;
        }
    }
    k->def_level = level;
    k->def_strategy = strategy;
    return &k->def;
}

static z_stream *inflater(void) {
    struct scratch *k = &scratch;
    if (!k->inf_ready) {
        memset(&k->inf, 0, sizeof k->inf);
        if (inflateInit2(&k->inf, -15) != Z_OK) return NULL;
        k->inf_ready = 1;
    } else {
        inflateReset(&k->inf);
    }
    return &k->inf;
}

static void scratch_free(void) {
    if (scratch.def_ready) deflateEnd(&scratch.def);
    if (scratch.inf_ready) inflateEnd(&scratch.inf);
    free(scratch.in);
    free(scratch.out);
    memset(&scratch, 0, sizeof scratch);
}

/* dc_buffers.c: dcDeflateBoundGen4 (4xxx), dcDeflateBoundGen4_2 (420xx, from qatlib 26.08), dcDeflateBoundGen6. */
static CpaStatus deflate_bound(enum generation g, uint32_t huff, uint32_t input, uint32_t *output) {
    uint64_t n = input, out;
    if (g == GEN_6XXX) {
        if (huff != CPA_DC_HT_FULL_DYNAMIC) return CPA_STATUS_INVALID_PARAM;
        out = n + ((n >> 12) + 1) * 5;
    } else if (huff == CPA_DC_HT_STATIC) {
        out = (9 * n + 7) / 8 + 1029;
    } else if (huff == CPA_DC_HT_FULL_DYNAMIC) {
        out = 512 + (9 * n + 7) / 8 + ((8 * n * 155) / 7) / (g == GEN_420XX ? 4 * 1024 : 16 * 1024);
    } else {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (out & 0xFFFFFFFF00000000ULL) return CPA_STATUS_INVALID_PARAM;
    *output = (uint32_t) out;
    return CPA_STATUS_SUCCESS;
}

static uint32_t checksum_of(uint32_t type, uint32_t seed, const uint8_t *p, uint64_t n) {
    if (type == CPA_DC_CRC32) return (uint32_t) crc32_z(seed, p, n);
    if (type == CPA_DC_ADLER32) return (uint32_t) adler32_z(seed, p, n);
    return 0;
}

/* Raw deflate stored blocks: what the device emits for data it cannot compress (storedBlockGeneration). */
static uint64_t store(const uint8_t *in, uint64_t n, uint8_t *out) {
    uint64_t at = 0, done = 0;
    do {
        uint32_t k = n - done > 65535 ? 65535 : (uint32_t) (n - done);
        int last = done + k == n;
        out[at++] = last ? 1 : 0;
        out[at++] = (uint8_t) (k & 0xff);
        out[at++] = (uint8_t) (k >> 8);
        out[at++] = (uint8_t) (~k & 0xff);
        out[at++] = (uint8_t) ((~k >> 8) & 0xff);
        memcpy(out + at, in + done, k);
        at += k;
        done += k;
    } while (done < n);
    return at;
}

static void compress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    int level = rq->level < 1 ? 1 : rq->level > 9 ? 9 : (int) rq->level;
    z_stream *zp = deflater(level, rq->huff_type == CPA_DC_HT_STATIC ? Z_FIXED : Z_DEFAULT_STRATEGY);
    if (zp == NULL) {
        rq->status = CPA_DC_FATALERR;
        return;
    }
    uint64_t cap = deflateBound(zp, (uLong) n) + 5 * (n / 65535 + 2) + 64;
    uint8_t *out = room(&scratch.out, &scratch.out_cap, cap);
    if (out == NULL) {
        rq->status = CPA_DC_FATALERR;
        return;
    }
    int flush = rq->flush == CPA_DC_FLUSH_FINAL ? Z_FINISH : rq->flush == CPA_DC_FLUSH_FULL ? Z_FULL_FLUSH : Z_SYNC_FLUSH;
    zp->next_in = (Bytef *) in;
    zp->avail_in = (uInt) n;
    zp->next_out = out;
    zp->avail_out = (uInt) cap;
    int rc = deflate(zp, flush);
    uint64_t out_len = zp->total_out;
    if ((flush == Z_FINISH && rc != Z_STREAM_END) || (flush != Z_FINISH && rc != Z_OK)) {
        rq->status = CPA_DC_FATALERR;
        return;
    }
    /* Incompressible input: the device emits stored blocks, but only a destination of the generation's full bound
     * is certain to hold what it produces on the way (cpaDcDeflateCompressBound's promise). The emulated device is
     * the strictest such device: short of the bound, incompressible input overflows. */
    int incompressible = n > 0 && out_len >= n;
    if (incompressible && flush == Z_FINISH) out_len = store(in, n, out);
    uint64_t needed = out_len;
    if (incompressible) {
        uint32_t bound;
        needed = deflate_bound(rq->generation, rq->huff_type, (uint32_t) n, &bound) == CPA_STATUS_SUCCESS ? bound
                                                                                                     : UINT64_MAX;
    }
    rq->uncompressed = incompressible;
    if (dst->total >= needed) {
        scatter(dst, out, out_len);
        rq->status = CPA_DC_OK;
        rq->pass = 1;
        rq->callback_status = CPA_STATUS_SUCCESS;
        rq->produced = (uint32_t) out_len;
        rq->consumed = (uint32_t) n;
        rq->checksum = checksum_of(rq->checksum_type, rq->seed, in, n);
        rq->checksum_valid = 1;
    } else {
        /* The device fills the destination and stops. */
        uint64_t produced = dst->total < out_len ? dst->total : out_len;
        scatter(dst, out, produced);
        rq->status = CPA_DC_OVERFLOW;
        atomic_fetch_add(&overflows, 1);
        if (rq->generation != GEN_6XXX) {
            /* Gen4: overflow is a valid outcome of a stateless compression: callback SUCCESS, partial counts. */
            uint64_t consumed = needed == 0 ? 0 : n * produced / needed;
            if (consumed >= n && n > 0) consumed = n - 1;
            rq->callback_status = CPA_STATUS_SUCCESS;
            rq->produced = (uint32_t) produced;
            rq->consumed = (uint32_t) consumed;
            rq->checksum = checksum_of(rq->checksum_type, rq->seed, in, consumed);
            rq->checksum_valid = 1;
        } /* 6xxx (overflowResubmitUnsupported): a failed request, no counts. */
    }
}

/* zlib's message -> the nearest CpaDcReqStatus the device would report. */
static int32_t inflate_error(const char *msg) {
    if (msg == NULL) return CPA_DC_INVALID_CODE;
    if (strstr(msg, "block type")) return CPA_DC_INVALID_BLOCK_TYPE;
    if (strstr(msg, "stored block")) return CPA_DC_BAD_STORED_BLOCK_LEN;
    if (strstr(msg, "too many length")) return CPA_DC_TOO_MANY_CODES;
    if (strstr(msg, "code lengths set")) return CPA_DC_INCOMPLETE_CODE_LENS;
    if (strstr(msg, "repeat")) return CPA_DC_REPEATED_LENS;
    if (strstr(msg, "literal/lengths set")) return CPA_DC_BAD_LITLEN_CODES;
    if (strstr(msg, "distances set")) return CPA_DC_BAD_DIST_CODES;
    if (strstr(msg, "distance too far") || strstr(msg, "distance code")) return CPA_DC_INVALID_DIST;
    return CPA_DC_INVALID_CODE;
}

static void decompress_request(struct request *rq, const uint8_t *in, uint64_t n, struct device_list *dst) {
    z_stream *zp = inflater();
    uint64_t cap = dst->total + 1; /* one byte more than the destination tells an overflow from an exact fit */
    uint8_t *out = room(&scratch.out, &scratch.out_cap, cap);
    if (zp == NULL || out == NULL) {
        rq->status = CPA_DC_FATALERR;
        return;
    }
    zp->next_in = (Bytef *) in;
    zp->avail_in = (uInt) n;
    zp->next_out = out;
    zp->avail_out = (uInt) cap;
    int rc = inflate(zp, Z_FINISH);
    uint64_t produced = zp->total_out, consumed = zp->total_in;
    if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR) {
        rq->status = rc == Z_DATA_ERROR ? inflate_error(zp->msg) : CPA_DC_FATALERR;
    } else if (produced > dst->total) {
        scatter(dst, out, dst->total);
        rq->status = CPA_DC_OVERFLOW; /* stateless decompression: not a pass, no counts, callback FAIL */
        atomic_fetch_add(&overflows, 1);
    } else {
        /* The end of the stream, or input cut short: Gen4 and Gen6 bypass the incomplete-file error (deflate only),
         * so both answer OK; endOfLastBlock tells them apart. */
        int end = rc == Z_STREAM_END;
        scatter(dst, out, produced);
        rq->status = CPA_DC_OK;
        rq->pass = 1;
        rq->callback_status = CPA_STATUS_SUCCESS;
        rq->produced = (uint32_t) produced;
        rq->consumed = (uint32_t) (end ? consumed : n);
        rq->eolb = end;
        rq->checksum = checksum_of(rq->checksum_type, rq->seed, out, produced);
        rq->checksum_valid = 1;
        if (end && consumed < n) atomic_fetch_add(&decompress_trailing_bytes, (long long) (n - consumed));
    }
}

/* Runs one request as the device: descriptors and data through the IOMMU, then (de)compression. */
static void execute(struct request *rq) {
    static __thread struct device_list src, dst;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rq->status = CPA_DC_FATALERR;
    rq->callback_status = CPA_STATUS_FAIL;
    rq->pass = 0;
    rq->produced = rq->consumed = rq->checksum = 0;
    rq->checksum_valid = rq->uncompressed = rq->eolb = 0;
    if (rq->fault) {
        atomic_fetch_add(&injected_faults, 1);
        if (rq->fault == 2) atomic_fetch_add(&random_faults, 1);
    } else if (!device_list(rq->src_desc, &src) || !device_list(rq->dst_desc, &dst)) {
        atomic_fetch_add(&faults, 1);
    } else {
        uint8_t *in = room(&scratch.in, &scratch.in_cap, src.total);
        if (in != NULL) {
            gather(&src, in);
            if (rq->compress) {
                compress_request(rq, in, src.total, &dst);
            } else {
                decompress_request(rq, in, src.total, &dst);
            }
        }
        if (rq->status != CPA_DC_OK) atomic_fetch_add(&errors, 1);
        if (rq->status == CPA_DC_OK) {
            atomic_fetch_add(&bytes_in, (long long) rq->consumed);
            atomic_fetch_add(&bytes_out, (long long) rq->produced);
            if (rq->compress) {
                atomic_fetch_add(&src_bytes_mapped, (long long) src.mapped);
                atomic_fetch_add(&src_bytes_alloc, (long long) (src.total - src.mapped));
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    atomic_fetch_add(&device_ns, elapsed_ns(&t0, &t1));
}

static int held(const struct request *rq) {
    long long from = atomic_load(&hang_from);
    return from != NO_REQUEST && rq->seq >= from;
}

/* The device thread of one instance: executes queued requests in order, each when due, none while hung. While it
 * has been busy lately it looks for work every 50 us on its own, so a submission costs the host no system call (a
 * real submission writes a doorbell); idle for 10 ms, it sleeps until a submission rings. */
#define DEVICE_POLL_NS 50000L
#define DEVICE_IDLE_NS 10000000LL

static void *device_main(void *arg) {
    struct instance *in = arg;
    struct timespec last_work;
    clock_gettime(CLOCK_MONOTONIC, &last_work);
    pthread_mutex_lock(&in->lock);
    while (!in->stopping) {
        if (in->executed == in->count) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (elapsed_ns(&last_work, &now) < DEVICE_IDLE_NS) {
                pthread_mutex_unlock(&in->lock);
                struct timespec pause = {0, DEVICE_POLL_NS};
                nanosleep(&pause, NULL);
                pthread_mutex_lock(&in->lock);
            } else {
                in->sleeping = 1;
                pthread_cond_wait(&in->wake, &in->lock);
                in->sleeping = 0;
            }
            continue;
        }
        struct request *rq = &in->ring[(in->head + in->executed) % in->ring_size];
        if (held(rq)) {
            if (!rq->held) {
                rq->held = 1;
                atomic_fetch_add(&held_now, 1);
                atomic_fetch_add(&hung_requests, 1);
            }
            pthread_cond_wait(&in->wake, &in->lock);
            continue;
        }
        if (!due(&rq->due)) {
            pthread_cond_timedwait(&in->wake, &in->lock, &rq->due);
            continue;
        }
        pthread_mutex_unlock(&in->lock);
        execute(rq); /* the slot stays ours: polls take only executed requests, submissions only free slots */
        pthread_mutex_lock(&in->lock);
        if (rq->held) {
            atomic_fetch_sub(&held_now, 1);
            atomic_fetch_add(&late_completions, 1);
        }
        in->executed++;
        clock_gettime(CLOCK_MONOTONIC, &last_work);
    }
    pthread_mutex_unlock(&in->lock);
    scratch_free();
    return NULL;
}

static void wake_devices(void) {
    for (int i = 0; i < MAX_INSTANCES; i++) {
        if (instances[i].thread_running) {
            pthread_mutex_lock(&instances[i].lock);
            pthread_cond_broadcast(&instances[i].wake);
            pthread_mutex_unlock(&instances[i].lock);
        }
    }
}

/* ---- process and instances ---------------------------------------------------------------------------------- */

static void stop_instances(int n) {
    for (int i = 0; i < n; i++) {
        struct instance *in = &instances[i];
        if (in->thread_running) {
            pthread_mutex_lock(&in->lock);
            in->stopping = 1;
            pthread_cond_broadcast(&in->wake);
            pthread_mutex_unlock(&in->lock);
            pthread_join(in->thread, NULL);
            in->thread_running = 0;
        }
        /* Requests still queued (a hung device) are dropped with the device. */
        for (int k = 0; k < in->count - in->executed; k++) {
            struct request *rq = &in->ring[(in->head + in->executed + k) % in->ring_size];
            if (rq->held) atomic_fetch_sub(&held_now, 1);
        }
        free(in->ring);
        in->ring = NULL;
        pthread_cond_destroy(&in->wake);
        pthread_mutex_destroy(&in->lock);
    }
}

EXPORT CpaStatus icp_sal_userStart(const char *name) {
    pthread_mutex_lock(&global);
    if (process_started) {
        pthread_mutex_unlock(&global);
        return CPA_STATUS_SUCCESS;
    }
    if (!bind_usdm()) {
        pthread_mutex_unlock(&global);
        return CPA_STATUS_FATAL;
    }
    snprintf(process_name, sizeof process_name, "%s", name != NULL && *name != '\0' ? name : "SSL");
    num_instances = (int) env_ll("KQAT_EMU_INSTANCES", num_instances);
    if (num_instances < 0) num_instances = 0;
    if (num_instances > MAX_INSTANCES) num_instances = MAX_INSTANCES;
    ring_size = (int) env_ll("KQAT_EMU_RING_SIZE", ring_size);
    if (ring_size < 1) ring_size = 1;
    latency_us = env_ll("KQAT_EMU_LATENCY_US", latency_us);
    fail_from = env_ll("KQAT_EMU_FAIL_FROM", fail_from);
    fail_count = env_ll("KQAT_EMU_FAIL_COUNT", fail_from == NO_REQUEST ? 0 : (fail_count ? fail_count : 1));
    long long percent = env_ll("KQAT_EMU_FAIL_PERCENT", fail_percent);
    fail_percent = percent < 0 ? 0 : percent > 100 ? 100 : (int) percent;
    fail_seed = (unsigned long long) env_ll("KQAT_EMU_SEED", (long long) fail_seed);
    atomic_store(&hang_from, env_ll("KQAT_EMU_HANG_FROM", atomic_load(&hang_from)));
    const char *v = getenv("KQAT_EMU_GEN");
    int bad_config = v != NULL && *v != '\0' && set_generation(v) != 0;
    v = getenv("KQAT_EMU_CAPS_OFF");
    if (v != NULL && *v != '\0' && capabilities_off(v) != 0) bad_config = 1;
    v = getenv("KQAT_EMU_NUMA_NODES");
    if (v != NULL && *v != '\0' && parse_nodes(v) != 0) bad_config = 1;
    if (bad_config || env_ll("KQAT_EMU_START_FAIL", start_fails) != 0) {
        if (bad_config) fprintf(stderr, "kqat QAT emulator: bad KQAT_EMU_GEN, KQAT_EMU_CAPS_OFF or KQAT_EMU_NUMA_NODES\n");
        pthread_mutex_unlock(&global);
        return CPA_STATUS_FAIL;
    }
    /* Opening the device registers the VFIO container with USDM (which reads no-IOMMU mode then); the instances'
     * rings are then allocated from USDM, which refuses in no-IOMMU mode without huge pages. */
    usdm_vfio_register(1);
    if (num_instances > 0 && !usdm_alloc_allowed((size_t) ring_size * RING_MESSAGE_BYTES, 64)) {
        usdm_vfio_register(0);
        pthread_mutex_unlock(&global);
        return CPA_STATUS_FAIL;
    }
    for (int i = 0; i < num_instances; i++) {
        struct instance *in = &instances[i];
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_init(&in->wake, &attr);
        pthread_condattr_destroy(&attr);
        pthread_mutex_init(&in->lock, NULL);
        in->index = i;
        in->node = numa_nodes[i % num_numa_nodes];
        in->ring_size = ring_size;
        in->ring = calloc((size_t) ring_size, sizeof(struct request));
        in->head = in->count = in->executed = 0;
        in->started = 0;
        in->stopping = 0;
        in->sleeping = 0;
        in->translate = NULL;
        in->thread_running = pthread_create(&in->thread, NULL, device_main, in) == 0;
        if (in->ring == NULL || !in->thread_running) {
            stop_instances(i + 1);
            usdm_vfio_register(0);
            pthread_mutex_unlock(&global);
            return CPA_STATUS_FAIL;
        }
    }
    process_started = 1;
    pthread_mutex_unlock(&global);
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus icp_sal_userStop(void) {
    pthread_mutex_lock(&global);
    if (!process_started) {
        pthread_mutex_unlock(&global);
        return CPA_STATUS_FAIL;
    }
    process_started = 0;
    stop_instances(num_instances);
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
    pthread_mutex_lock(&in->lock);
    int busy = in->count;
    pthread_mutex_unlock(&in->lock);
    if (busy) return CPA_STATUS_RETRY;
    in->started = 0;
    return CPA_STATUS_SUCCESS;
}

/* sal_compression.c: cpaDcQueryCapabilities, for a compression instance of the emulated generation. The emulated
 * device does deflate only, so the LZ4/LZ4S booleans (TRUE on a real 4xxx) stay FALSE. */
EXPORT CpaStatus cpaDcQueryCapabilities(CpaInstanceHandle h, CpaDcInstanceCapabilities *c) {
    if (instance_of(h) == NULL || c == NULL) return CPA_STATUS_INVALID_PARAM;
    pthread_mutex_lock(&global);
    struct capabilities k = caps;
    enum generation g = generation;
    pthread_mutex_unlock(&global);
    memset(c, 0, sizeof *c);
    c->statelessDeflateCompression = k.deflate && k.stateless;
    c->statelessDeflateDecompression = k.deflate && k.stateless;
    c->checksumCRC32 = k.crc32;
    c->checksumAdler32 = k.adler32;
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

/* sal_compression.c: cpaDcInstanceGetInfo2. One emulated device (package) per distinct NUMA node. */
EXPORT CpaStatus cpaDcInstanceGetInfo2(CpaInstanceHandle h, CpaInstanceInfo2 *info) {
    struct instance *in = instance_of(h);
    if (in == NULL || info == NULL) return CPA_STATUS_INVALID_PARAM;
    pthread_mutex_lock(&global);
    int package = 0;
    for (int k = 0; k < num_numa_nodes && numa_nodes[k] != in->node; k++) {
        int seen = 0;
        for (int j = 0; j < k; j++) seen |= numa_nodes[j] == numa_nodes[k];
        if (!seen) package++;
    }
    const char *device = generation_names[generation];
    pthread_mutex_unlock(&global);
    memset(info, 0, sizeof *info);
    info->accelerationServiceType = CPA_ACC_SVC_TYPE_DATA_COMPRESSION;
    snprintf((char *) info->vendorName, sizeof info->vendorName, "%s", "Intel(R)");
    snprintf((char *) info->swVersion, sizeof info->swVersion, "%s", SW_VERSION);
    info->physInstId.packageId = (uint16_t) package;
    info->physInstId.acceleratorId = (uint16_t) package;
    info->physInstId.executionEngineId = 0;
    info->physInstId.busAddress = (uint16_t) ((0x6b + 0x10 * package) << 8 | 1); /* bus:dev.fn of a VF */
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
    pthread_mutex_lock(&global);
    int dynamic = caps.dynamic;
    enum generation g = generation;
    pthread_mutex_unlock(&global);
    if (!dynamic && huff_type == CPA_DC_HT_FULL_DYNAMIC) return CPA_STATUS_INVALID_PARAM;
    return deflate_bound(g, huff_type, input_size, output_size);
}

/* ---- sessions --------------------------------------------------------------------------------------------------- */

static int device_readable(struct instance *in, const void *p, uint64_t len) {
    int mapped;
    if (p == NULL) return 0;
    uint64_t iova = in->translate((void *) p);
    return iova != 0 && usdm_resolve(iova, len == 0 ? 1 : len, &mapped) != NULL;
}

EXPORT CpaStatus cpaDcGetSessionSize(CpaInstanceHandle h, CpaDcSessionSetupData *setup, uint32_t *session_size,
                                     uint32_t *context_size) {
    if (instance_of(h) == NULL || setup == NULL || session_size == NULL) return CPA_STATUS_INVALID_PARAM;
    *session_size = SESSION_SIZE;
    if (context_size != NULL) *context_size = 0;
    return CPA_STATUS_SUCCESS;
}

/* dc_session.c: dcCheckSessionData (INVALID_PARAM), dcCheckUnsupportedParams and the stateful checks (UNSUPPORTED). */
static CpaStatus check_session(const CpaDcSessionSetupData *s, const struct capabilities *k) {
    if (s->compLevel < 1 || s->compLevel > 12) return CPA_STATUS_INVALID_PARAM;
    if (s->autoSelectBestHuffmanTree > 4) return CPA_STATUS_INVALID_PARAM;
    if (s->huffType > CPA_DC_HT_FULL_DYNAMIC || s->huffType == CPA_DC_HT_PRECOMP) return CPA_STATUS_INVALID_PARAM;
    if (s->sessDirection > CPA_DC_DIR_COMBINED) return CPA_STATUS_INVALID_PARAM;
    if (s->sessState > CPA_DC_STATELESS) return CPA_STATUS_INVALID_PARAM;
    if (s->checksum > 4) return CPA_STATUS_INVALID_PARAM;
    if (s->compType < CPA_DC_DEFLATE || s->compType > 6) return CPA_STATUS_INVALID_PARAM;
    if (s->compType == CPA_DC_DEFLATE && s->checksum == 3) return CPA_STATUS_INVALID_PARAM; /* XXHASH32 */
    if (s->compType != CPA_DC_DEFLATE || !k->deflate) return CPA_STATUS_UNSUPPORTED; /* emulated: deflate only */
    if (s->huffType == CPA_DC_HT_STATIC && !k->static_huffman) return CPA_STATUS_UNSUPPORTED;
    if (s->huffType == CPA_DC_HT_FULL_DYNAMIC && !k->dynamic) return CPA_STATUS_UNSUPPORTED;
    if (s->sessState == CPA_DC_STATEFUL) return CPA_STATUS_UNSUPPORTED; /* Gen4+: stateless only */
    if (!k->stateless) return CPA_STATUS_UNSUPPORTED;
    if ((s->checksum == CPA_DC_CRC32 && !k->crc32) || (s->checksum == CPA_DC_ADLER32 && !k->adler32)
            || s->checksum == 4) {
        return CPA_STATUS_UNSUPPORTED;
    }
    return CPA_STATUS_SUCCESS;
}

EXPORT CpaStatus cpaDcInitSession(CpaInstanceHandle h, CpaDcSessionHandle session_memory,
                                  CpaDcSessionSetupData *setup, CpaBufferList *context, CpaDcCallbackFn callback) {
    (void) context;
    struct instance *in = instance_of(h);
    if (in == NULL || !in->started || in->translate == NULL || setup == NULL || session_memory == NULL) {
        return CPA_STATUS_INVALID_PARAM;
    }
    pthread_mutex_lock(&global);
    struct capabilities k = caps;
    pthread_mutex_unlock(&global);
    CpaStatus status = check_session(setup, &k);
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

/* ---- requests ---------------------------------------------------------------------------------------------------- */

static int is_bool(uint32_t v) {
    return v == CPA_TRUE || v == CPA_FALSE;
}

/* LacBuffDesc_BufferListVerify(Null): a list, its flat array and metadata, at least one flat, data where a length is. */
static int verify_list(const CpaBufferList *l, int allow_null_empty, uint64_t *total) {
    if (l == NULL || l->pBuffers == NULL || l->pPrivateMetaData == NULL || l->numBuffers == 0) return 0;
    *total = 0;
    for (uint32_t i = 0; i < l->numBuffers; i++) {
        const CpaFlatBuffer *f = &l->pBuffers[i];
        if (f->pData == NULL && (f->dataLenInBytes != 0 || !allow_null_empty)) return 0;
        *total += f->dataLenInBytes;
    }
    return 1;
}

/* dc_datapath.c: dcCheckOpData. Integrity CRCs and skip regions are not emulated: refused as unsupported. */
static CpaStatus check_op(const CpaDcOpData *op) {
    if (op->flushFlag > CPA_DC_FLUSH_FULL) return CPA_STATUS_INVALID_PARAM;
    if (op->inputSkipData.skipMode > CPA_DC_SKIP_STRIDE || op->outputSkipData.skipMode > CPA_DC_SKIP_STRIDE) {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (!op->integrityCrcCheck && op->verifyHwIntegrityCrcs == CPA_TRUE) return CPA_STATUS_INVALID_PARAM;
    if (!is_bool(op->integrityCrcCheck) || !is_bool(op->verifyHwIntegrityCrcs) || !is_bool(op->compressAndVerify)) {
        return CPA_STATUS_INVALID_PARAM;
    }
    if (op->integrityCrcCheck && op->pCrcData == NULL) return CPA_STATUS_INVALID_PARAM;
    if (op->integrityCrcCheck || op->inputSkipData.skipMode != 0 || op->outputSkipData.skipMode != 0) {
        return CPA_STATUS_UNSUPPORTED;
    }
    return CPA_STATUS_SUCCESS;
}

/* dcCreateRequest's descriptor write (lac_buffer_desc.c): at most 255 flats; the metadata's and every flat's start
 * translated (0 fails the request); a header and one descriptor per flat written at the first 8-byte aligned
 * device address of the metadata. */
static CpaStatus write_descriptors(struct instance *in, CpaBufferList *l, uint64_t *desc) {
    if (l->numBuffers >= MAX_SGL_BUFFERS) {
        atomic_fetch_add(&sgl_refusals, 1);
        return CPA_STATUS_FAIL;
    }
    /* Stricter than qatlib, which reads these two on the CPU: the emulator wants them in DMA-able memory too. */
    if (!device_readable(in, l, sizeof *l) || !device_readable(in, l->pBuffers, sizeof(CpaFlatBuffer) * l->numBuffers)) {
        atomic_fetch_add(&translation_failures, 1);
        return CPA_STATUS_FAIL;
    }
    uint64_t meta = in->translate(l->pPrivateMetaData);
    if (meta == 0) {
        atomic_fetch_add(&translation_failures, 1);
        return CPA_STATUS_FAIL;
    }
    uint64_t aligned = (meta + 7) & ~7ULL;
    IcpBufferListDesc *hdr = (IcpBufferListDesc *) ((uint8_t *) l->pPrivateMetaData + (aligned - meta));
    IcpFlatBufferDesc *flats = (IcpFlatBufferDesc *) (hdr + 1);
    for (uint32_t i = 0; i < l->numBuffers; i++) {
        uint64_t phys = in->translate(l->pBuffers[i].pData);
        if (phys == 0) {
            atomic_fetch_add(&translation_failures, 1);
            return CPA_STATUS_FAIL;
        }
        flats[i].dataLenInBytes = l->pBuffers[i].dataLenInBytes;
        flats[i].reserved = 0;
        flats[i].phyBuffer = phys;
    }
    hdr->resrvd = 0;
    hdr->numBuffers = l->numBuffers;
    hdr->reserved = 0;
    *desc = aligned;
    return CPA_STATUS_SUCCESS;
}

static unsigned long long mix(unsigned long long x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static CpaStatus refuse(CpaStatus status) {
    if (status == CPA_STATUS_INVALID_PARAM) atomic_fetch_add(&invalid_params, 1);
    return status;
}

static CpaStatus submit(int compress, CpaInstanceHandle h, CpaDcSessionHandle session, CpaBufferList *src,
                        CpaBufferList *dst, CpaDcOpData *op, CpaDcRqResults *results, void *tag) {
    if (compress) {
        /* cpaDcCompressData2, before anything else. */
        if (op == NULL) return refuse(CPA_STATUS_INVALID_PARAM);
        if (!is_bool(op->compressAndVerify) || !is_bool(op->compressAndVerifyAndRecover)
                || (!op->compressAndVerify && op->compressAndVerifyAndRecover)) {
            return refuse(CPA_STATUS_INVALID_PARAM);
        }
        if (!op->compressAndVerify) { /* "Data compression without verification is not allowed" */
            atomic_fetch_add(&cnv_refusals, 1);
            return CPA_STATUS_UNSUPPORTED;
        }
    }
    struct instance *in = instance_of(h);
    struct session *s = session;
    if (in == NULL || s == NULL || op == NULL || in->translate == NULL) return refuse(CPA_STATUS_INVALID_PARAM);
    if (!process_started || !in->started) return CPA_STATUS_FAIL; /* SAL_RUNNING_CHECK */
    if (s->magic != SESSION_MAGIC || s->instance != in) return refuse(CPA_STATUS_INVALID_PARAM);
    uint64_t src_total, dst_total;
    if (!verify_list(src, 1, &src_total)) return refuse(CPA_STATUS_INVALID_PARAM);
    pthread_mutex_lock(&global);
    struct capabilities k = caps;
    enum generation g = generation;
    long long delay = latency_us;
    pthread_mutex_unlock(&global);
    if (compress && !k.cnv) { /* "CompressAndVerify feature is not supported" */
        atomic_fetch_add(&cnv_refusals, 1);
        return CPA_STATUS_UNSUPPORTED;
    }
    /* dcCheckSourceData, dcCheckDestinationData, dcCheckOpData, the direction. */
    if (results == NULL || src == dst || src_total > DC_BUFFER_MAX_SIZE) return refuse(CPA_STATUS_INVALID_PARAM);
    if (!verify_list(dst, 0, &dst_total) || dst_total > DC_BUFFER_MAX_SIZE) return refuse(CPA_STATUS_INVALID_PARAM);
    if (compress) {
        /* minOutputBuffSizeDynamic / minOutputBuffSize: 512 / 1026 bytes on Gen4, 6 / 2 on Gen6. */
        uint64_t min = s->huff_type == CPA_DC_HT_FULL_DYNAMIC ? (g == GEN_6XXX ? 6 : 512) : (g == GEN_6XXX ? 2 : 1026);
        if (dst_total < min) return refuse(CPA_STATUS_INVALID_PARAM);
    } else if (dst_total < 1) {
        return refuse(CPA_STATUS_INVALID_PARAM);
    }
    CpaStatus status = check_op(op);
    if (status != CPA_STATUS_SUCCESS) return refuse(status);
    if (compress ? s->direction == CPA_DC_DIR_DECOMPRESS : s->direction == CPA_DC_DIR_COMPRESS) {
        return refuse(CPA_STATUS_INVALID_PARAM);
    }
    if (s->callback == NULL) return refuse(CPA_STATUS_INVALID_PARAM); /* synchronous mode is not emulated */
    /* dcCreateRequest: the CRC seed (stateless "stateful lite": the results' checksum after a request that did not
     * end a stream, never on 6xxx), then the descriptors. */
    uint32_t seed = s->checksum == CPA_DC_ADLER32 ? 1 : 0;
    if (s->subsequent && g != GEN_6XXX && (s->checksum == CPA_DC_CRC32 || s->checksum == CPA_DC_ADLER32)) {
        seed = results->checksum;
    }
    uint64_t src_desc, dst_desc;
    status = write_descriptors(in, src, &src_desc);
    if (status == CPA_STATUS_SUCCESS) status = write_descriptors(in, dst, &dst_desc);
    if (status != CPA_STATUS_SUCCESS) return status;
    pthread_mutex_lock(&in->lock);
    if (in->count == in->ring_size) {
        pthread_mutex_unlock(&in->lock);
        atomic_fetch_add(&retries, 1);
        return CPA_STATUS_RETRY;
    }
    long long n = atomic_fetch_add(&requests, 1);
    atomic_fetch_add(&in->requests, 1);
    struct request *rq = &in->ring[(in->head + in->count) % in->ring_size];
    memset(rq, 0, sizeof *rq);
    rq->compress = compress;
    rq->generation = g;
    rq->session = s;
    rq->level = s->level;
    rq->huff_type = s->huff_type;
    rq->checksum_type = s->checksum;
    rq->flush = op->flushFlag;
    rq->seed = seed;
    rq->src_desc = src_desc;
    rq->dst_desc = dst_desc;
    rq->results = results;
    rq->tag = tag;
    rq->seq = n;
    pthread_mutex_lock(&global);
    if (fail_from != NO_REQUEST && n >= fail_from && n < fail_from + fail_count) {
        rq->fault = 1;
    } else if (fail_percent > 0 && mix(fail_seed * 0x100000001b3ULL + (unsigned long long) n) % 100
            < (unsigned long long) fail_percent) {
        rq->fault = 2;
    }
    pthread_mutex_unlock(&global);
    clock_gettime(CLOCK_MONOTONIC, &rq->due);
    rq->due.tv_nsec += (delay % 1000000) * 1000;
    rq->due.tv_sec += delay / 1000000 + rq->due.tv_nsec / 1000000000;
    rq->due.tv_nsec %= 1000000000;
    atomic_fetch_add(&s->in_flight, 1);
    in->count++;
    long long seen = atomic_load(&max_in_flight);
    while (in->count > seen && !atomic_compare_exchange_weak(&max_in_flight, &seen, in->count)) {
    }
    if (in->sleeping) pthread_cond_signal(&in->wake); /* the doorbell */
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

/* dcCompression_ProcessCallback, on the polling thread: the results (written by the library, not by DMA), the
 * session's request type, the pending count, then the callback. */
static void deliver(struct instance *in, struct request *rq) {
    CpaDcRqResults *r = rq->results;
    r->status = rq->status;
    r->produced = rq->produced;
    r->consumed = rq->consumed;
    if (rq->checksum_valid) r->checksum = rq->checksum;
    if (rq->callback_status == CPA_STATUS_SUCCESS) {
        if (rq->compress) r->dataUncompressed = rq->uncompressed;
        else r->endOfLastBlock = rq->eolb;
    }
    struct session *s = rq->session;
    if (rq->generation != GEN_6XXX) { /* overflowResubmitUnsupported is FALSE on Gen4 */
        s->subsequent = !(rq->flush == CPA_DC_FLUSH_FINAL && rq->pass && rq->status == CPA_DC_OK);
    }
    CpaDcCallbackFn callback = s->callback;
    atomic_fetch_sub(&s->in_flight, 1);
    atomic_fetch_add(&completed, 1);
    atomic_fetch_add(&in->completed, 1);
    callback(rq->tag, rq->callback_status);
}

EXPORT CpaStatus icp_sal_DcPollInstance(CpaInstanceHandle h, uint32_t quota) {
    struct instance *in = instance_of(h);
    if (in == NULL || !in->started || !process_started) return CPA_STATUS_INVALID_PARAM;
    uint32_t done = 0;
    while (quota == 0 || done < quota) {
        pthread_mutex_lock(&in->lock);
        if (in->executed == 0) {
            pthread_mutex_unlock(&in->lock);
            break;
        }
        struct request rq = in->ring[in->head];
        in->head = (in->head + 1) % in->ring_size;
        in->count--;
        in->executed--;
        pthread_mutex_unlock(&in->lock);
        deliver(in, &rq);
        done++;
    }
    return done > 0 ? CPA_STATUS_SUCCESS : CPA_STATUS_RETRY;
}

/* ---- test controls and counters (not part of qatlib) -------------------------------------------------------- */

EXPORT void kqatemu_fail_requests(long long from, long long count) {
    pthread_mutex_lock(&global);
    fail_from = count > 0 ? from : NO_REQUEST;
    fail_count = count;
    pthread_mutex_unlock(&global);
}

/* Each request fails with this probability (0-100), decided from the seed and the request's number. */
EXPORT void kqatemu_set_fail_percent(int percent) {
    pthread_mutex_lock(&global);
    fail_percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    pthread_mutex_unlock(&global);
}

EXPORT void kqatemu_set_seed(long long seed) {
    pthread_mutex_lock(&global);
    fail_seed = (unsigned long long) seed;
    pthread_mutex_unlock(&global);
}

/* On: every request not yet executed, and every later one, is held. Off: held requests run now (late). */
EXPORT void kqatemu_set_hang(int on) {
    atomic_store(&hang_from, on ? 0 : NO_REQUEST);
    wake_devices();
}

/* Requests numbered from (counted from start or the last reset) on are held; negative: none. */
EXPORT void kqatemu_set_hang_from(long long from) {
    atomic_store(&hang_from, from < 0 ? NO_REQUEST : from);
    wake_devices();
}

EXPORT int kqatemu_set_generation(const char *name) {
    if (name == NULL) return -1;
    pthread_mutex_lock(&global);
    int rc = set_generation(name);
    pthread_mutex_unlock(&global);
    return rc;
}

EXPORT const char *kqatemu_generation(void) {
    return generation_names[generation];
}

/* deflate, stateless, dynamic, static, crc32, adler32, cnv, cnvnr. */
EXPORT int kqatemu_set_capability(const char *name, int on) {
    if (name == NULL) return -1;
    pthread_mutex_lock(&global);
    int *slot = capability_slot(&caps, name);
    if (slot != NULL) *slot = on != 0;
    pthread_mutex_unlock(&global);
    return slot == NULL ? -1 : 0;
}

/* Takes effect at the next icp_sal_userStart. */
EXPORT int kqatemu_set_numa_nodes(const char *list) {
    if (list == NULL) return -1;
    pthread_mutex_lock(&global);
    int rc = parse_nodes(list);
    pthread_mutex_unlock(&global);
    return rc;
}

EXPORT void kqatemu_set_latency_us(long long us) {
    pthread_mutex_lock(&global);
    latency_us = us < 0 ? 0 : us;
    pthread_mutex_unlock(&global);
}

/* 1 on, 0 off, -1 back to what the device registration read (KQAT_EMU_NO_IOMMU or the sysfs parameter). */
EXPORT void kqatemu_set_no_iommu(int on) {
    if (bind_usdm()) usdm_set_no_iommu(on);
}

/* 1 2 MiB huge-page mode, 0 4 KiB mode, -1 from QAT_MAX_2M_HPG_PER_PROCESS. */
EXPORT void kqatemu_set_hugepage_mode(int mode) {
    if (bind_usdm()) usdm_set_hugepage_mode(mode);
}

/* 1: qaeMemMapContiguousIova refuses memory not marked MADV_DONTFORK; 0: counts it only; -1: KQAT_EMU_STRICT_DONTFORK. */
EXPORT void kqatemu_set_strict_dontfork(int on) {
    if (bind_usdm()) usdm_set_strict_dontfork(on);
}

/* The node a qaeMemAllocNUMA block was asked for (-1 any), or -2 when p is in none. */
EXPORT int kqatemu_node_of(const void *p) {
    return bind_usdm() ? usdm_node_of(p) : -2;
}

EXPORT const char *kqatemu_sysfs_root(void) {
    return bind_usdm() ? usdm_sysfs_root() : "/sys";
}

/* Takes effect at the next icp_sal_userStart, as the real device's configuration would. */
EXPORT void kqatemu_configure(int instances_wanted, int ring, int fail_start) {
    pthread_mutex_lock(&global);
    num_instances = instances_wanted;
    ring_size = ring;
    start_fails = fail_start;
    pthread_mutex_unlock(&global);
}

static long long instance_counter(const char *name, const char *prefix, int completed_side) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0) return -1;
    char *end = NULL;
    long i = strtol(name + n, &end, 10);
    if (end == name + n || *end != '\0' || i < 0 || i >= MAX_INSTANCES) return -1;
    return atomic_load(completed_side ? &instances[i].completed : &instances[i].requests);
}

EXPORT long long kqatemu_counter(const char *name) {
    if (name == NULL) return -1;
    if (strcmp(name, "requests") == 0) return atomic_load(&requests);
    if (strcmp(name, "completed") == 0) return atomic_load(&completed);
    if (strcmp(name, "bytes_in") == 0) return atomic_load(&bytes_in);
    if (strcmp(name, "bytes_out") == 0) return atomic_load(&bytes_out);
    if (strcmp(name, "iommu_faults") == 0) return atomic_load(&faults);
    if (strcmp(name, "injected_faults") == 0) return atomic_load(&injected_faults);
    if (strcmp(name, "random_faults") == 0) return atomic_load(&random_faults);
    if (strcmp(name, "request_errors") == 0) return atomic_load(&errors);
    if (strcmp(name, "retries") == 0) return atomic_load(&retries);
    if (strcmp(name, "sessions_outstanding") == 0) return atomic_load(&sessions_outstanding);
    if (strcmp(name, "src_bytes_mapped") == 0) return atomic_load(&src_bytes_mapped);
    if (strcmp(name, "src_bytes_alloc") == 0) return atomic_load(&src_bytes_alloc);
    if (strcmp(name, "process_started") == 0) return process_started;
    if (strcmp(name, "max_in_flight") == 0) return atomic_load(&max_in_flight);
    if (strcmp(name, "translation_failures") == 0) return atomic_load(&translation_failures);
    if (strcmp(name, "sgl_refusals") == 0) return atomic_load(&sgl_refusals);
    if (strcmp(name, "cnv_refusals") == 0) return atomic_load(&cnv_refusals);
    if (strcmp(name, "invalid_params") == 0) return atomic_load(&invalid_params);
    if (strcmp(name, "overflows") == 0) return atomic_load(&overflows);
    if (strcmp(name, "held_requests") == 0) return atomic_load(&held_now);
    if (strcmp(name, "hung_requests") == 0) return atomic_load(&hung_requests);
    if (strcmp(name, "late_completions") == 0) return atomic_load(&late_completions);
    if (strcmp(name, "decompress_trailing_bytes") == 0) return atomic_load(&decompress_trailing_bytes);
    if (strcmp(name, "device_ns") == 0) return atomic_load(&device_ns);
    long long v = instance_counter(name, "requests_instance_", 0);
    if (v >= 0) return v;
    v = instance_counter(name, "completed_instance_", 1);
    if (v >= 0) return v;
    return bind_usdm() ? usdm_counter(name) : -1;
}

EXPORT void kqatemu_reset_counters(void) {
    atomic_llong *all[] = {&requests, &completed, &bytes_in, &bytes_out, &faults, &injected_faults, &random_faults,
                           &errors, &retries, &src_bytes_mapped, &src_bytes_alloc, &max_in_flight,
                           &translation_failures, &sgl_refusals, &cnv_refusals, &invalid_params, &overflows,
                           &hung_requests, &late_completions, &decompress_trailing_bytes, &device_ns};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) atomic_store(all[i], 0);
    for (int i = 0; i < MAX_INSTANCES; i++) {
        atomic_store(&instances[i].requests, 0);
        atomic_store(&instances[i].completed, 0);
    }
    if (bind_usdm()) usdm_reset();
}
