#include "emu_test.h"

#include <dlfcn.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct emu E;
const char *native_dir;
static const char *current_case = "?";

void check_failed(const char *file, int line, const char *expr, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "FAIL %s (%s:%d): %s: ", current_case, file, line, expr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
    _exit(1);
}

static void *need(void *handle, const char *name) {
    void *f = dlsym(handle, name);
    CHECK(f != NULL, "symbol %s missing in the %s variant", name, E.variant);
    return f;
}

#define BIND(lib, field, name) do { void *f_ = need(lib, name); memcpy(&E.field, &f_, sizeof f_); } while (0)
#define OPTIONAL(lib, field, name) do { void *f_ = dlsym(lib, name); memcpy(&E.field, &f_, sizeof f_); } while (0)

void emu_load(const char *variant) {
    char path[4096];
    memset(&E, 0, sizeof E);
    E.variant = variant;
    snprintf(path, sizeof path, "%s/%s/libusdm.so.0", native_dir, variant);
    E.usdm_handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    CHECK(E.usdm_handle != NULL, "dlopen %s: %s", path, dlerror());
    const char *qat = strcmp(variant, "v3") == 0 ? "libqat.so.3" : "libqat.so.4";
    snprintf(path, sizeof path, "%s/%s/%s", native_dir, variant, qat);
    E.qat_handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    CHECK(E.qat_handle != NULL, "dlopen %s: %s", path, dlerror());
    void *q = E.qat_handle, *u = E.usdm_handle;
    BIND(q, userStart, "icp_sal_userStart");
    BIND(q, userStop, "icp_sal_userStop");
    BIND(q, poll, "icp_sal_DcPollInstance");
    BIND(q, getNumInstances, "cpaDcGetNumInstances");
    BIND(q, getInstances, "cpaDcGetInstances");
    BIND(q, setAddressTranslation, "cpaDcSetAddressTranslation");
    BIND(q, metaSize, "cpaDcBufferListGetMetaSize");
    BIND(q, startInstance, "cpaDcStartInstance");
    BIND(q, stopInstance, "cpaDcStopInstance");
    BIND(q, sessionSize, "cpaDcGetSessionSize");
    BIND(q, initSession, "cpaDcInitSession");
    BIND(q, removeSession, "cpaDcRemoveSession");
    BIND(q, compress, "cpaDcCompressData2");
    BIND(q, decompress, "cpaDcDecompressData2");
    BIND(q, queryCapabilities, "cpaDcQueryCapabilities");
    BIND(q, getInfo2, "cpaDcInstanceGetInfo2");
    BIND(q, bound, "cpaDcDeflateCompressBound");
    BIND(u, alloc, "qaeMemAllocNUMA");
    BIND(u, free, "qaeMemFreeNUMA");
    BIND(u, virtToPhys, "qaeVirtToPhysNUMA");
    void *m = dlsym(u, "qaeMemMapContiguousIova"), *um = dlsym(u, "qaeMemUnmapContiguousIova");
    memcpy(&E.map, &m, sizeof m);
    memcpy(&E.unmap, &um, sizeof um);
    BIND(q, counter, "kqatemu_counter");
    BIND(q, resetCounters, "kqatemu_reset_counters");
    BIND(q, failRequests, "kqatemu_fail_requests");
    BIND(q, setFailPercent, "kqatemu_set_fail_percent");
    BIND(q, setSeed, "kqatemu_set_seed");
    BIND(q, setHang, "kqatemu_set_hang");
    BIND(q, setHangFrom, "kqatemu_set_hang_from");
    BIND(q, setGeneration, "kqatemu_set_generation");
    BIND(q, setCapability, "kqatemu_set_capability");
    BIND(q, setNumaNodes, "kqatemu_set_numa_nodes");
    BIND(q, setLatency, "kqatemu_set_latency_us");
    BIND(q, setNoIommu, "kqatemu_set_no_iommu");
    BIND(q, setHugepageMode, "kqatemu_set_hugepage_mode");
    BIND(q, setStrictDontfork, "kqatemu_set_strict_dontfork");
    BIND(q, nodeOf, "kqatemu_node_of");
    BIND(q, sysfsRoot, "kqatemu_sysfs_root");
    BIND(q, configure, "kqatemu_configure");
    BIND(q, setMaxProcesses, "kqatemu_set_max_processes");
    BIND(q, setInstancesPerVf, "kqatemu_set_instances_per_vf");
    OPTIONAL(q, setResponseMode, "cpaInstanceSetResponseMode");
    OPTIONAL(q, getResponseMode, "cpaInstanceGetResponseMode");
    OPTIONAL(q, setCoalescing, "cpaInstanceSetIntCoalescingTimer");
    OPTIONAL(q, interruptData, "cpaInstanceGetRxInterruptMetaData");
    OPTIONAL(q, getFd, "icp_sal_DcGetFileDescriptor");
    OPTIONAL(q, putFd, "icp_sal_DcPutFileDescriptor");
    OPTIONAL(q, lz4sBound, "cpaDcLZ4SCompressBound");
    OPTIONAL(q, lz4Bound, "cpaDcLZ4CompressBound");
    OPTIONAL(q, zstdBound, "cpaDcZstdCompressBound");
    OPTIONAL(q, queryCapability, "cpaDcQueryCapabilityByType");
    BIND(q, setLz4sNoMatch, "kqatemu_set_lz4s_no_match");
}

int emu_start(CpaInstanceHandle *out, int max) {
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_SUCCESS, "icp_sal_userStart");
    uint16_t n = 0;
    CHECK_EQ(E.getNumInstances(&n), CPA_STATUS_SUCCESS, "cpaDcGetNumInstances");
    CHECK(n > 0 && n <= max, "instances: %u", n);
    CHECK_EQ(E.getInstances(n, out), CPA_STATUS_SUCCESS, "cpaDcGetInstances");
    for (int i = 0; i < n; i++) {
        CHECK_EQ(E.setAddressTranslation(out[i], (CpaVirtualToPhysical) E.virtToPhys), CPA_STATUS_SUCCESS, "translation");
        CHECK_EQ(E.startInstance(out[i], 0, NULL), CPA_STATUS_SUCCESS, "cpaDcStartInstance");
    }
    return n;
}

void emu_stop(CpaInstanceHandle *inst, int n) {
    for (int i = 0; i < n; i++) {
        CHECK_EQ(E.stopInstance(inst[i]), CPA_STATUS_SUCCESS, "cpaDcStopInstance");
    }
    CHECK_EQ(E.userStop(), CPA_STATUS_SUCCESS, "icp_sal_userStop");
}

static size_t align64(size_t v) {
    return (v + 63) & ~(size_t) 63;
}

struct req *req_new(CpaInstanceHandle inst, uint32_t max_flats) {
    uint32_t meta = 0;
    CHECK_EQ(E.metaSize(inst, max_flats, &meta), CPA_STATUS_SUCCESS, "cpaDcBufferListGetMetaSize");
    size_t lists = align64(2 * sizeof(CpaBufferList));
    size_t flats = align64(sizeof(CpaFlatBuffer) * max_flats);
    size_t total = lists + 2 * flats + 2 * align64(meta) + align64(sizeof(CpaDcOpData)) + align64(sizeof(CpaDcRqResults));
    uint8_t *block = E.alloc(total, 0, 64);
    CHECK(block != NULL, "qaeMemAllocNUMA(%zu) for descriptors", total);
    struct req *r = calloc(1, sizeof *r);
    CHECK(r != NULL, "calloc");
    r->block = block;
    r->max_flats = max_flats;
    r->src = (CpaBufferList *) block;
    r->dst = r->src + 1;
    r->src_flats = (CpaFlatBuffer *) (block + lists);
    r->dst_flats = (CpaFlatBuffer *) (block + lists + flats);
    uint8_t *metas = block + lists + 2 * flats;
    r->src->pBuffers = r->src_flats;
    r->dst->pBuffers = r->dst_flats;
    r->src->pPrivateMetaData = metas;
    r->dst->pPrivateMetaData = metas + align64(meta);
    r->op = (CpaDcOpData *) (metas + 2 * align64(meta));
    r->results = (CpaDcRqResults *) ((uint8_t *) r->op + align64(sizeof(CpaDcOpData)));
    return r;
}

void req_free(struct req *r) {
    E.free(&r->block);
    free(r);
}

static void describe(CpaBufferList *l, CpaFlatBuffer *f, uint32_t max, uint8_t *data, uint64_t len, uint64_t chunk) {
    uint32_t n = (uint32_t) (chunk == 0 ? 1 : (len + chunk - 1) / chunk);
    if (n == 0) n = 1;
    CHECK(n <= max, "%u flats, room for %u", n, max);
    for (uint32_t i = 0; i < n; i++) {
        uint64_t off = chunk == 0 ? 0 : (uint64_t) i * chunk;
        f[i].pData = data + off;
        f[i].dataLenInBytes = (uint32_t) (chunk == 0 ? len : (len - off < chunk ? len - off : chunk));
    }
    l->numBuffers = n;
}

void req_source(struct req *r, void *data, uint64_t len, uint64_t chunk) {
    describe(r->src, r->src_flats, r->max_flats, data, len, chunk);
}

void req_destination(struct req *r, void *data, uint64_t len, uint64_t chunk) {
    describe(r->dst, r->dst_flats, r->max_flats, data, len, chunk);
}

void req_prepare(struct req *r, int compress) {
    memset(r->op, 0, sizeof *r->op);
    r->op->flushFlag = CPA_DC_FLUSH_FINAL;
    r->op->compressAndVerify = compress ? CPA_TRUE : CPA_FALSE;
    memset(r->results, 0, sizeof *r->results);
}

void completion_cb(void *tag, CpaStatus status) {
    struct completion *c = tag;
    c->status = status;
    atomic_store(&c->done, 1);
}

void *session_new(CpaInstanceHandle inst, int compress, int level, uint32_t huff) {
    CpaDcSessionSetupData setup;
    memset(&setup, 0, sizeof setup);
    setup.compLevel = (uint32_t) level;
    setup.compType = CPA_DC_DEFLATE;
    setup.huffType = huff;
    setup.sessDirection = compress ? CPA_DC_DIR_COMPRESS : CPA_DC_DIR_DECOMPRESS;
    setup.sessState = CPA_DC_STATELESS;
    setup.checksum = CPA_DC_CRC32;
    uint32_t size = 0, ctx = 0;
    CHECK_EQ(E.sessionSize(inst, &setup, &size, &ctx), CPA_STATUS_SUCCESS, "cpaDcGetSessionSize");
    void *mem = E.alloc(size, 0, 64);
    CHECK(mem != NULL, "session memory");
    CHECK_EQ(E.initSession(inst, mem, &setup, NULL, completion_cb), CPA_STATUS_SUCCESS, "cpaDcInitSession");
    return mem;
}

CpaStatus session_status(CpaInstanceHandle inst, const CpaDcSessionSetupData *setup) {
    CpaDcSessionSetupData copy = *setup;
    void *mem = E.alloc(512, 0, 64);
    CHECK(mem != NULL, "session memory");
    CpaStatus s = E.initSession(inst, mem, &copy, NULL, completion_cb);
    if (s == CPA_STATUS_SUCCESS) CHECK_EQ(E.removeSession(inst, mem), CPA_STATUS_SUCCESS, "cpaDcRemoveSession");
    E.free(&mem);
    return s;
}

void *session_open(CpaInstanceHandle inst, const CpaDcSessionSetupData *setup) {
    CpaDcSessionSetupData copy = *setup;
    void *mem = E.alloc(512, 0, 64);
    CHECK(mem != NULL, "session memory");
    CHECK_EQ(E.initSession(inst, mem, &copy, NULL, completion_cb), CPA_STATUS_SUCCESS, "cpaDcInitSession");
    return mem;
}

CpaDcSessionSetupData lz4s_setup(unsigned min_match, uint32_t checksum) {
    CpaDcSessionSetupData s = {1, CPA_DC_LZ4S, CPA_DC_HT_FULL_DYNAMIC, CPA_DC_ASB_DISABLED, CPA_DC_DIR_COMPRESS,
                               CPA_DC_STATELESS, 0, min_match == 4 ? CPA_DC_MIN_4_BYTE_MATCH : CPA_DC_MIN_3_BYTE_MATCH,
                               0, 0, 0, checksum, 0};
    return s;
}

CpaDcSessionSetupData zstd_setup(uint32_t direction, uint32_t asb) {
    CpaDcSessionSetupData s = {3, CPA_DC_ZSTD, CPA_DC_HT_FULL_DYNAMIC, asb, direction, CPA_DC_STATELESS, 0, 0, 0, 0, 0,
                               CPA_DC_XXHASH64, 0};
    return s;
}

void session_free(CpaInstanceHandle inst, void *session) {
    CHECK_EQ(E.removeSession(inst, session), CPA_STATUS_SUCCESS, "cpaDcRemoveSession");
    E.free(&session);
}

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

void sleep_ms(int ms) {
    struct timespec t = {ms / 1000, (long) (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

CpaStatus wait_for(CpaInstanceHandle inst, struct completion *c, int timeout_ms) {
    long long deadline = now_ms() + timeout_ms;
    while (!atomic_load(&c->done)) {
        E.poll(inst, 0);
        if (atomic_load(&c->done)) break;
        CHECK(now_ms() < deadline, "request not completed within %d ms", timeout_ms);
        struct timespec t = {0, 50000};
        nanosleep(&t, NULL);
    }
    return c->status;
}

CpaStatus run_request(CpaInstanceHandle inst, void *session, struct req *r, int compress) {
    struct completion c = {0, 0};
    CpaStatus s = compress ? E.compress(inst, session, r->src, r->dst, r->op, r->results, &c)
                           : E.decompress(inst, session, r->src, r->dst, r->op, r->results, &c);
    CHECK_EQ(s, CPA_STATUS_SUCCESS, "submission");
    return wait_for(inst, &c, 10000);
}

void fill_random(uint8_t *p, size_t n, uint32_t seed) {
    uint64_t x = seed * 0x9e3779b97f4a7c15ULL + 1;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        p[i] = (uint8_t) (x >> 24);
    }
}

void fill_text(uint8_t *p, size_t n, uint32_t seed) {
    static const char *words[] = {"kafka", "record", "batch", "gzip", "offset", "partition", "topic", "key", "value",
                                  "header", "timestamp", "producer", "{\"id\":", "\"name\":", "\"ts\":", ", "};
    uint64_t x = seed + 7;
    size_t at = 0;
    while (at < n) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const char *w = words[(x >> 33) % 16];
        for (size_t k = 0; w[k] && at < n; k++) p[at++] = (uint8_t) w[k];
    }
}

void *anonymous(size_t size, int dontfork) {
    size_t huge = 2u << 20;
    uint8_t *p = mmap(NULL, size + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "mmap %zu", size);
    uint8_t *a = (uint8_t *) (((uintptr_t) p + huge - 1) & ~(uintptr_t) (huge - 1));
    if (dontfork) CHECK(madvise(a, size, MADV_DONTFORK) == 0, "madvise");
    return a;
}

static void set_env(const char *spec) {
    if (spec == NULL) return;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *save = NULL, *t = strtok_r(buf, " ", &save); t != NULL; t = strtok_r(NULL, " ", &save)) {
        char *eq = strchr(t, '=');
        if (eq == NULL) continue;
        *eq = '\0';
        setenv(t, eq + 1, 1);
    }
}

int run_cases(int argc, char **argv, const struct test_case *cases, size_t n) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s NATIVE_DIR [case...]\n", argv[0]);
        return 2;
    }
    native_dir = argv[1];
    int failed = 0, ran = 0;
    for (size_t i = 0; i < n; i++) {
        if (argc > 2) {
            int wanted = 0;
            for (int a = 2; a < argc; a++) wanted |= strcmp(argv[a], cases[i].name) == 0;
            if (!wanted) continue;
        }
        ran++;
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            current_case = cases[i].name;
            /* No emulator variable leaks in from the caller's environment. */
            static const char *const vars[] = {"KQAT_EMU_INSTANCES", "KQAT_EMU_RING_SIZE", "KQAT_EMU_LATENCY_US",
                "KQAT_EMU_FAIL_FROM", "KQAT_EMU_FAIL_COUNT", "KQAT_EMU_FAIL_PERCENT", "KQAT_EMU_SEED",
                "KQAT_EMU_HANG_FROM", "KQAT_EMU_GEN", "KQAT_EMU_CAPS_OFF", "KQAT_EMU_NUMA_NODES", "KQAT_EMU_NO_IOMMU",
                "KQAT_EMU_START_FAIL", "KQAT_EMU_SYSFS_ROOT", "KQAT_EMU_STRICT_DONTFORK", "KQAT_EMU_CHARGE_MEMLOCK",
                "KQAT_EMU_MAX_PROCESSES", "KQAT_EMU_VAR_DIR", "KQAT_EMU_INSTANCES_PER_VF", "KQAT_EMU_LZ4S_NO_MATCH",
                "QAT_MAX_2M_HPG_PER_PROCESS"};
            for (size_t v = 0; v < sizeof vars / sizeof vars[0]; v++) unsetenv(vars[v]);
            set_env(cases[i].env);
            alarm(60);
            cases[i].fn();
            fflush(stdout);
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            printf("ok   %s\n", cases[i].name);
        } else {
            failed++;
            if (WIFSIGNALED(status)) {
                printf("FAIL %s (signal %d%s)\n", cases[i].name, WTERMSIG(status),
                       WTERMSIG(status) == SIGALRM ? ": timed out" : "");
            } else {
                printf("FAIL %s\n", cases[i].name);
            }
        }
    }
    printf("%s: %d case(s), %d failed\n", argv[0], ran, failed);
    return failed ? 1 : 0;
}
