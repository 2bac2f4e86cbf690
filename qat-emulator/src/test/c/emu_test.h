/*
 * A small harness for the emulator's own tests: loads one variant of the emulator by path (as kqat does), runs each
 * case in a fresh child process (the emulator reads its environment at start and at first use, so every case gets
 * its own environment and state), and offers helpers for sessions, buffer lists and requests.
 */
#ifndef KQAT_EMU_TEST_H
#define KQAT_EMU_TEST_H

#define _GNU_SOURCE
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "emu_abi.h"

/* Everything a test calls, found with dlsym in the variant's two libraries. */
struct emu {
    const char *variant;
    void *qat_handle, *usdm_handle;
    CpaStatus (*userStart)(const char *);
    CpaStatus (*userStop)(void);
    CpaStatus (*poll)(CpaInstanceHandle, uint32_t);
    CpaStatus (*getNumInstances)(uint16_t *);
    CpaStatus (*getInstances)(uint16_t, CpaInstanceHandle *);
    CpaStatus (*setAddressTranslation)(CpaInstanceHandle, CpaVirtualToPhysical);
    CpaStatus (*metaSize)(CpaInstanceHandle, uint32_t, uint32_t *);
    CpaStatus (*startInstance)(CpaInstanceHandle, uint16_t, CpaBufferList **);
    CpaStatus (*stopInstance)(CpaInstanceHandle);
    CpaStatus (*sessionSize)(CpaInstanceHandle, CpaDcSessionSetupData *, uint32_t *, uint32_t *);
    CpaStatus (*initSession)(CpaInstanceHandle, CpaDcSessionHandle, CpaDcSessionSetupData *, CpaBufferList *,
                             CpaDcCallbackFn);
    CpaStatus (*removeSession)(CpaInstanceHandle, CpaDcSessionHandle);
    CpaStatus (*compress)(CpaInstanceHandle, CpaDcSessionHandle, CpaBufferList *, CpaBufferList *, CpaDcOpData *,
                          CpaDcRqResults *, void *);
    CpaStatus (*decompress)(CpaInstanceHandle, CpaDcSessionHandle, CpaBufferList *, CpaBufferList *, CpaDcOpData *,
                            CpaDcRqResults *, void *);
    CpaStatus (*queryCapabilities)(CpaInstanceHandle, CpaDcInstanceCapabilities *);
    CpaStatus (*getInfo2)(CpaInstanceHandle, CpaInstanceInfo2 *);
    CpaStatus (*bound)(CpaInstanceHandle, uint32_t, uint32_t, uint32_t *);
    void *(*alloc)(size_t, int, size_t);
    void (*free)(void **);
    uint64_t (*virtToPhys)(void *);
    uint64_t (*map)(void *, size_t);  /* NULL in the legacy and v3 variants */
    int (*unmap)(void *, size_t);
    long long (*counter)(const char *);
    void (*resetCounters)(void);
    void (*failRequests)(long long, long long);
    void (*setFailPercent)(int);
    void (*setSeed)(long long);
    void (*setHang)(int);
    void (*setHangFrom)(long long);
    int (*setGeneration)(const char *);
    int (*setCapability)(const char *, int);
    int (*setNumaNodes)(const char *);
    void (*setLatency)(long long);
    void (*setNoIommu)(int);
    void (*setHugepageMode)(int);
    void (*setStrictDontfork)(int);
    int (*nodeOf)(const void *);
    const char *(*sysfsRoot)(void);
    void (*configure)(int, int, int);
    void (*setMaxProcesses)(int);
    void (*setInstancesPerVf)(int);
    /* Event mode: NULL where the variant's release has no such function. */
    CpaStatus (*setResponseMode)(CpaInstanceHandle, uint32_t, uint32_t);
    CpaStatus (*getResponseMode)(CpaInstanceHandle, uint32_t, uint32_t *);
    CpaStatus (*setCoalescing)(CpaInstanceHandle, uint32_t, uint32_t);
    CpaStatus (*interruptData)(CpaInstanceHandle, uint32_t, CpaRxInterruptMetaData *);
    CpaStatus (*getFd)(CpaInstanceHandle, int *);
    CpaStatus (*putFd)(CpaInstanceHandle, int);
    /* LZ4s (22.07+) and zstd (26.02+): NULL where the variant's release has no such function. */
    CpaStatus (*lz4sBound)(CpaInstanceHandle, uint32_t, uint32_t *);
    CpaStatus (*lz4Bound)(CpaInstanceHandle, uint32_t, uint32_t *);
    CpaStatus (*zstdBound)(CpaInstanceHandle, uint32_t, uint32_t *);
    CpaStatus (*queryCapability)(CpaInstanceHandle, CpaDcCapabilityReq, CpaDcCapabilityResp *);
    int (*setLz4sNoMatch)(const char *);
};

extern struct emu E;
extern const char *native_dir;

/* Loads variant ("iova", "iova-26.02", "legacy", "v3") into E; fails the case when a library or symbol is missing. */
void emu_load(const char *variant);

/* Starts the process and every instance (translation: USDM's qaeVirtToPhysNUMA). Returns the instance count. */
int emu_start(CpaInstanceHandle *out, int max);
void emu_stop(CpaInstanceHandle *inst, int n);

void check_failed(const char *file, int line, const char *expr, const char *fmt, ...)
        __attribute__((format(printf, 4, 5), noreturn));
#define CHECK(cond, ...) do { if (!(cond)) check_failed(__FILE__, __LINE__, #cond, __VA_ARGS__); } while (0)
#define CHECK_EQ(a, b, what) do { long long a_ = (long long) (a), b_ = (long long) (b); \
    if (a_ != b_) check_failed(__FILE__, __LINE__, #a " == " #b, "%s: got %lld, want %lld", what, a_, b_); } while (0)

/* One request's descriptors in DMA-able memory (qaeMemAllocNUMA): two lists, their flats, metadata, op data, results. */
struct req {
    CpaBufferList *src, *dst;
    CpaFlatBuffer *src_flats, *dst_flats;
    CpaDcOpData *op;
    CpaDcRqResults *results;
    void *block;
    uint32_t max_flats;
};

struct req *req_new(CpaInstanceHandle inst, uint32_t max_flats);
void req_free(struct req *r);
/* Describes [data, data+len) as flats of at most chunk bytes (exactly n flats when chunk is 0 and n > 0). */
void req_source(struct req *r, void *data, uint64_t len, uint64_t chunk);
void req_destination(struct req *r, void *data, uint64_t len, uint64_t chunk);
/* Op data for a stateless FINAL request with compress-and-verify (compress) and a zero CRC seed. */
void req_prepare(struct req *r, int compress);

/* A completion the callback fills (the callback tag points to it). */
struct completion {
    atomic_int done;
    CpaStatus status;
};
void completion_cb(void *tag, CpaStatus status);

/* A stateless deflate session (CRC32) in qaeMemAllocNUMA memory. */
void *session_new(CpaInstanceHandle inst, int compress, int level, uint32_t huff);
void session_free(CpaInstanceHandle inst, void *session);

/* A session of any algorithm in qaeMemAllocNUMA memory: the status cpaDcInitSession answers (the session removed
 * again), or an open session (the case fails unless it opens). */
CpaStatus session_status(CpaInstanceHandle inst, const CpaDcSessionSetupData *setup);
void *session_open(CpaInstanceHandle inst, const CpaDcSessionSetupData *setup);
/* Setup data: stateless LZ4s compression (min_match 3 or 4), and zstd (XXHASH64) in a direction with an ASB mode. */
CpaDcSessionSetupData lz4s_setup(unsigned min_match, uint32_t checksum);
CpaDcSessionSetupData zstd_setup(uint32_t direction, uint32_t asb);

/* Polls until c completes; returns its status. Fails the case after timeout_ms. */
CpaStatus wait_for(CpaInstanceHandle inst, struct completion *c, int timeout_ms);
/* Submits (RETRY is a failure here) and waits. Returns the callback status. */
CpaStatus run_request(CpaInstanceHandle inst, void *session, struct req *r, int compress);

void fill_random(uint8_t *p, size_t n, uint32_t seed);
void fill_text(uint8_t *p, size_t n, uint32_t seed);
/* 2 MiB-aligned anonymous read-write memory (munmap-able in 2 MiB units); dontfork marks it MADV_DONTFORK. */
void *anonymous(size_t size, int dontfork);
void sleep_ms(int ms);

struct test_case {
    const char *name;
    void (*fn)(void);
    const char *env; /* "NAME=value NAME2=value", set in the child before the emulator is loaded */
};

/* Runs every case (or those named on the command line after the native directory) in its own child process. */
int run_cases(int argc, char **argv, const struct test_case *cases, size_t n);

#endif
