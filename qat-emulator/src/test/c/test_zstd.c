/* Rules 24-24d: native zstd on the emulated 6xxx (qatlib 26.08 only): sessions, bound, the frames it writes (read
 * back by libzstd) and the frames it reads, overflow, and its refusals elsewhere. */
#define ZSTD_STATIC_LINKING_ONLY
#include "emu_test.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zstd.h>

#include "qat_xxhash.h"

static CpaInstanceHandle inst[16];

/* Runs data[0..n) through session into a destination of dst bytes at out; returns the callback status. */
static CpaStatus run(void *session, int compress, const uint8_t *data, uint32_t n, uint8_t *out, uint32_t dst,
                     CpaDcRqResults *res) {
    struct req *r = req_new(inst[0], 4);
    uint8_t *src = E.alloc(n ? n : 1, 0, 64);
    memcpy(src, data, n);
    req_source(r, src, n, 0);
    req_destination(r, out, dst, 0);
    req_prepare(r, compress);
    CpaStatus cb = run_request(inst[0], session, r, compress);
    *res = *r->results;
    E.free((void **) &src);
    req_free(r);
    return cb;
}

static void start_6xxx(const char *variant) {
    emu_load(variant);
    emu_start(inst, 16);
    CHECK_EQ(E.setGeneration("6xxx"), 0, "6xxx");
}

/* Rule 24: zstd sessions on a 26.08 6xxx: xxHash64 required, ASB kept enabled for compression; nowhere else. */
static void zstd_sessions_26_08(void) {
    start_6xxx("iova");
    CpaDcSessionSetupData s = zstd_setup(CPA_DC_DIR_COMPRESS, CPA_DC_ASB_ENABLED);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "compression");
    s.huffType = CPA_DC_HT_STATIC;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "static Huffman type (deflate's concern)");
    s = zstd_setup(CPA_DC_DIR_COMPRESS, CPA_DC_ASB_DISABLED);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "compression with ASB disabled");
    s = zstd_setup(CPA_DC_DIR_COMBINED, CPA_DC_ASB_DISABLED);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "combined, ASB disabled");
    s = zstd_setup(CPA_DC_DIR_DECOMPRESS, CPA_DC_ASB_DISABLED);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "decompression");
    static const uint32_t bad[] = {CPA_DC_NONE, CPA_DC_CRC32, CPA_DC_ADLER32, CPA_DC_XXHASH32, 6};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        s.checksum = bad[i];
        CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_INVALID_PARAM, "a checksum other than xxHash64");
    }
    s = zstd_setup(CPA_DC_DIR_COMPRESS, CPA_DC_ASB_ENABLED);
    s.sessState = CPA_DC_STATEFUL;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "stateful");
    s = zstd_setup(CPA_DC_DIR_COMPRESS, CPA_DC_ASB_ENABLED);
    E.setCapability("xxhash64", 0);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "xxHash64 switched off");
    E.setCapability("xxhash64", 1);
    E.setCapability("zstd", 0);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "zstd switched off");
    static const char *const others[] = {"4xxx", "420xx"};
    for (int g = 0; g < 2; g++) {
        E.setGeneration(others[g]);
        E.setCapability("zstd", 1); /* a switch cannot give a generation what it lacks */
        CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, others[g]);
    }
}

/* Rule 24a: 26.02 has CPA_DC_ZSTD but no device with it; 22.07-25.08 do not know the type at all. */
static void zstd_sessions_before_26_08(void) {
    static const char *const variants[] = {"iova-26.02", "legacy", "v3"};
    for (int v = 0; v < 3; v++) {
        pid_t pid = fork();
        if (pid == 0) {
            start_6xxx(variants[v]);
            CpaDcSessionSetupData s = zstd_setup(CPA_DC_DIR_COMPRESS, CPA_DC_ASB_ENABLED);
            CHECK_EQ(session_status(inst[0], &s), v == 0 ? CPA_STATUS_UNSUPPORTED : CPA_STATUS_INVALID_PARAM, "zstd");
            s.checksum = CPA_DC_XXHASH32;
            CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_INVALID_PARAM, "zstd without xxHash64");
            uint32_t b = 0;
            CHECK_EQ(E.zstdBound != NULL, v == 0, "cpaDcZstdCompressBound from 26.02 on");
            if (E.zstdBound != NULL) CHECK_EQ(E.zstdBound(inst[0], 100, &b), CPA_STATUS_UNSUPPORTED, "bound");
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s", variants[v]);
    }
}

/* Rule 24b: cpaDcZstdCompressBound = 14 + n + ((n >> 16) + 1) * 3 + 4, on a 6xxx only. */
static void zstd_bounds(void) {
    start_6xxx("iova");
    uint32_t b = 0;
    static const uint32_t in[] = {1, 65535, 65536, 1 << 20}, want[] = {22, 65556, 65560, 1048576 + 14 + 17 * 3 + 4};
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(E.zstdBound(inst[0], in[i], &b), CPA_STATUS_SUCCESS, "bound");
        CHECK_EQ(b, want[i], "14 + n + ((n >> 16) + 1) * 3 + 4");
    }
    CHECK_EQ(E.zstdBound(inst[0], 0, &b), CPA_STATUS_INVALID_PARAM, "input 0");
    CHECK_EQ(E.zstdBound(inst[0], 0xFFFFFFFFu, &b), CPA_STATUS_INVALID_PARAM, "above 32 bits");
    E.setGeneration("4xxx");
    CHECK_EQ(E.zstdBound(inst[0], 100, &b), CPA_STATUS_UNSUPPORTED, "4xxx");
}

static uint32_t le32_at(const uint8_t *p) {
    return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

/* Rule 24c: one standard frame per request: 64 KiB window and blocks, the content checksum, the content size; the
 * result's checksum is that checksum (the low 32 bits of xxHash64); raw blocks only: dataUncompressed. */
static void zstd_compress_emits_a_standard_frame(void) {
    start_6xxx("iova");
    static const uint32_t sizes[] = {0, 1, 1000, 65536, 65537, 1 << 20};
    uint8_t *data = malloc(1 << 20), *back = malloc(1 << 20), *out = E.alloc((1 << 20) + 4096, 0, 64);
    for (unsigned level = 1; level <= 12; level += 11) {
        CpaDcSessionSetupData setup = zstd_setup(CPA_DC_DIR_COMPRESS, CPA_DC_ASB_ENABLED);
        setup.compLevel = level;
        void *session = session_open(inst[0], &setup);
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            for (int kind = 0; kind < 3; kind++) {
                uint32_t n = sizes[i], bound = 22;
                if (kind == 0) fill_text(data, n, (uint32_t) i);
                else if (kind == 1) fill_random(data, n, (uint32_t) i);
                else memset(data, 0, n);
                if (n > 0) E.zstdBound(inst[0], n, &bound);
                CpaDcRqResults res;
                CHECK_EQ(run(session, 1, data, n, out, bound, &res), CPA_STATUS_SUCCESS, "callback");
                CHECK(res.status == CPA_DC_OK && res.consumed == n && res.produced <= bound, "%u bytes: status %d, "
                      "produced %u of %u", n, res.status, res.produced, bound);
                ZSTD_frameHeader h;
                CHECK_EQ(ZSTD_getFrameHeader(&h, out, res.produced), 0, "a frame header");
                CHECK(h.frameType == ZSTD_frame && h.checksumFlag == 1 && h.frameContentSize == n, "frame fields");
                CHECK(h.windowSize <= 65536 && h.blockSizeMax <= 65536, "window %llu", (unsigned long long) h.windowSize);
                CHECK_EQ(ZSTD_decompress(back, n, out, res.produced), n, "libzstd reads it");
                CHECK(memcmp(back, data, n) == 0, "round trip");
                CHECK_EQ(res.checksum, (uint32_t) xxhash64(data, n, 0), "the low 32 bits of xxHash64");
                CHECK_EQ(res.checksum, le32_at(out + res.produced - 4), "= the frame's content checksum");
                if (n >= 1000 && kind != 2) CHECK_EQ(res.dataUncompressed, kind == 1, "dataUncompressed: raw blocks");
            }
        }
        session_free(inst[0], session);
    }
}

/* Rule 24d: one frame of at most a 64 KiB window is read; anything else fails as the device reports it. */
static void zstd_decompress(void) {
    start_6xxx("iova");
    CpaDcSessionSetupData setup = zstd_setup(CPA_DC_DIR_DECOMPRESS, CPA_DC_ASB_DISABLED);
    void *session = session_open(inst[0], &setup);
    const uint32_t n = 50000, big = 1 << 20;
    uint8_t *data = malloc(big), *frame = malloc(ZSTD_compressBound(big) + 16), *out = E.alloc(big + 1, 0, 64);
    fill_text(data, big, 8);
    ZSTD_CCtx *cctx = ZSTD_createCCtx(); /* level 3, with the content checksum; single segment: a 50000-byte window */
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    size_t len = ZSTD_compress2(cctx, frame, ZSTD_compressBound(n), data, n);
    CHECK(!ZSTD_isError(len), "libzstd");
    memcpy(frame + len, "TAIL", 4);
    CpaDcRqResults res;
    CHECK_EQ(run(session, 0, frame, (uint32_t) len + 4, out, n, &res), CPA_STATUS_SUCCESS, "a libzstd frame");
    CHECK(res.status == CPA_DC_OK && res.produced == n && res.consumed == len && res.endOfLastBlock, "results");
    CHECK(memcmp(out, data, n) == 0, "content");
    CHECK_EQ(res.checksum, (uint32_t) xxhash64(data, n, 0), "xxHash64 of the output");
    CHECK_EQ(E.counter("decompress_trailing_bytes"), 4, "bytes after the frame");
    CHECK_EQ(run(session, 0, frame, (uint32_t) len, out, n - 1, &res), CPA_STATUS_FAIL, "one byte short");
    CHECK(res.status == CPA_DC_OVERFLOW && res.produced == 0 && res.consumed == 0, "overflow, no counts");
    CHECK_EQ(run(session, 0, frame, (uint32_t) len - 10, out, n, &res), CPA_STATUS_FAIL, "cut short");
    CHECK_EQ(res.status, CPA_DC_INCOMPLETE_FILE_ERR, "not bypassed for zstd");
    frame[len - 1] ^= 1;
    CHECK_EQ(run(session, 0, frame, (uint32_t) len, out, n, &res), CPA_STATUS_FAIL, "checksum");
    CHECK_EQ(res.status, CPA_DC_ZSTD_FRAME_CONTENT_CHECKSUM_MISMATCH, "checksum mismatch");
    frame[0] ^= 1;
    CHECK_EQ(run(session, 0, frame, (uint32_t) len, out, n, &res), CPA_STATUS_FAIL, "magic");
    CHECK_EQ(res.status, CPA_DC_INVALID_ZSTD_FRAME, "not a zstd frame");
    len = ZSTD_compress(frame, ZSTD_compressBound(big), data, big, 3); /* single segment: a 1 MiB window */
    CHECK_EQ(run(session, 0, frame, (uint32_t) len, out, big, &res), CPA_STATUS_FAIL, "1 MiB window");
    CHECK_EQ(res.status, CPA_DC_INVALID_ZSTD_FRAME, "a window beyond 64 KiB");
}

/* Rules 24c, 9: the device reads back what it writes; short of the bound, incompressible input fails (Gen6). */
static void zstd_round_trip_and_overflow(void) {
    start_6xxx("iova");
    CpaDcSessionSetupData setup = zstd_setup(CPA_DC_DIR_COMBINED, CPA_DC_ASB_ENABLED);
    void *session = session_open(inst[0], &setup);
    const uint32_t n = 200000;
    uint32_t bound = 0;
    E.zstdBound(inst[0], n, &bound);
    uint8_t *data = malloc(n), *out = E.alloc(bound, 0, 64), *back = E.alloc(n, 0, 64);
    fill_text(data, n, 2);
    CpaDcRqResults res;
    CHECK_EQ(run(session, 1, data, n, out, bound, &res), CPA_STATUS_SUCCESS, "compress");
    CHECK_EQ(run(session, 0, out, res.produced, back, n, &res), CPA_STATUS_SUCCESS, "decompress");
    CHECK(res.produced == n && memcmp(back, data, n) == 0, "round trip");
    fill_random(data, n, 2);
    CHECK_EQ(run(session, 1, data, n, out, bound, &res), CPA_STATUS_SUCCESS, "incompressible, the whole bound");
    CHECK_EQ(run(session, 1, data, n, out, bound - 1, &res), CPA_STATUS_FAIL, "one byte short");
    CHECK(res.status == CPA_DC_OVERFLOW && res.produced == 0 && res.consumed == 0, "Gen6: no counts");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"zstd_sessions_26_08", zstd_sessions_26_08, NULL},
        {"zstd_sessions_before_26_08", zstd_sessions_before_26_08, NULL},
        {"zstd_bounds", zstd_bounds, NULL},
        {"zstd_compress_emits_a_standard_frame", zstd_compress_emits_a_standard_frame, NULL},
        {"zstd_decompress", zstd_decompress, NULL},
        {"zstd_round_trip_and_overflow", zstd_round_trip_and_overflow, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
