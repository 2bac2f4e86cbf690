/* Rules 20-23: LZ4s through the emulated library and device, per generation and release: sessions, bounds,
 * capability flags, requests, overflow, the window, and the "no match" knob. Every stream is decoded by the tests'
 * strict decoder (lz4s_decoder.c) and must give the input back. */
#include "emu_test.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lz4s_decoder.h"
#include "qat_xxhash.h"

static CpaInstanceHandle inst[16];

static uint32_t u32_at(const void *base, size_t offset) {
    uint32_t v;
    memcpy(&v, (const uint8_t *) base + offset, sizeof v);
    return v;
}

/* Compresses data[0..n) through the device into a destination of dst bytes at out; returns the callback status. */
static CpaStatus compress(void *session, const uint8_t *data, uint32_t n, uint8_t *out, uint32_t dst,
                          CpaDcRqResults *res) {
    struct req *r = req_new(inst[0], 4);
    uint8_t *src = E.alloc(n ? n : 1, 0, 64);
    memcpy(src, data, n);
    req_source(r, src, n, 0);
    req_destination(r, out, dst, 0);
    req_prepare(r, 1);
    CpaStatus cb = run_request(inst[0], session, r, 1);
    *res = *r->results;
    E.free((void **) &src);
    req_free(r);
    return cb;
}

/* Decodes the stream a request produced: it must be valid LZ4s and give data back. */
static void check_stream(const uint8_t *lz, uint32_t len, const uint8_t *data, uint32_t n, unsigned min_match,
                         uint32_t window, struct lz4s_stats *st) {
    uint8_t *back = malloc(n + 1);
    enum lz4s_error e = lz4s_decode(lz, len, min_match, window, back, n, st);
    CHECK(e == LZ4S_OK, "decode %u bytes: %s", n, lz4s_error_name(e));
    CHECK(memcmp(back, data, n) == 0, "round trip of %u bytes", n);
    free(back);
}

/* Text with random runs: long literal runs between matches. */
static void fill_mixed(uint8_t *p, size_t n, uint32_t seed) {
    fill_text(p, n, seed);
    for (size_t at = 0; at + 300 < n; at += 4096) fill_random(p + at, 1 + at % 300, seed + (uint32_t) at);
}

/* Rules 20, 20a: LZ4s sessions on 4xxx, 420xx and 6xxx (26.08). */
static void lz4s_sessions_26_08(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CpaDcSessionSetupData s = lz4s_setup(3, CPA_DC_XXHASH32);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "4xxx, minMatch 3, xxHash32");
    static const uint32_t bad_checksums[] = {CPA_DC_CRC32, CPA_DC_ADLER32, CPA_DC_CRC32_ADLER32, CPA_DC_XXHASH64, 6};
    for (size_t i = 0; i < sizeof bad_checksums / sizeof bad_checksums[0]; i++) {
        s.checksum = bad_checksums[i];
        CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_INVALID_PARAM, "checksum other than NONE or xxHash32");
    }
    s = lz4s_setup(4, CPA_DC_NONE);
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "minMatch 4, no checksum");
    s.minMatch = 2;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_INVALID_PARAM, "minMatch 2");
    s = lz4s_setup(3, CPA_DC_XXHASH32);
    s.sessDirection = CPA_DC_DIR_DECOMPRESS;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "decompression");
    s.sessDirection = CPA_DC_DIR_COMBINED;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "combined");
    s = lz4s_setup(3, CPA_DC_XXHASH32);
    s.sessState = CPA_DC_STATEFUL;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "stateful");
    s = lz4s_setup(3, CPA_DC_XXHASH32);
    s.compLevel = 13;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_INVALID_PARAM, "level 13");
    s.compLevel = 12;
    s.huffType = CPA_DC_HT_PRECOMP;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_INVALID_PARAM, "a Huffman type is still checked");
    s.huffType = CPA_DC_HT_STATIC;
    s.autoSelectBestHuffmanTree = CPA_DC_ASB_ENABLED;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "level 12, static, ASB enabled");
    s = lz4s_setup(3, CPA_DC_XXHASH32);
    CHECK_EQ(E.setCapability("xxhash32", 0), 0, "xxhash32 off");
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "xxHash32 switched off");
    s.checksum = CPA_DC_NONE;
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "no checksum needs none");
    CHECK_EQ(E.setCapability("lz4s", 0), 0, "lz4s off");
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "LZ4s switched off");
    CHECK_EQ(E.setGeneration("420xx"), 0, "420xx");
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "420xx");
    CHECK_EQ(E.setGeneration("6xxx"), 0, "6xxx");
    s.huffType = CPA_DC_HT_STATIC; /* the 6xxx's missing static Huffman concerns deflate only */
    CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "6xxx (26.08)");
}

/* Rule 20b: before 26.08 no release knows the 6xxx; XXHASH64 exists only from 26.02. */
static void lz4s_sessions_before_26_08(void) {
    static const char *const variants[] = {"iova-26.02", "legacy", "v3"};
    for (int v = 0; v < 3; v++) {
        pid_t pid = fork();
        if (pid == 0) {
            emu_load(variants[v]);
            emu_start(inst, 16);
            CpaDcSessionSetupData s = lz4s_setup(3, CPA_DC_XXHASH32);
            CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_SUCCESS, "4xxx");
            s.sessDirection = CPA_DC_DIR_DECOMPRESS;
            CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "decompression");
            s = lz4s_setup(3, CPA_DC_XXHASH64);
            CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_INVALID_PARAM, "xxHash64");
            CHECK_EQ(E.setGeneration("6xxx"), 0, "6xxx");
            s.checksum = CPA_DC_XXHASH32;
            CHECK_EQ(session_status(inst[0], &s), CPA_STATUS_UNSUPPORTED, "no 6xxx before 26.08");
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s", variants[v]);
    }
}

/* Rule 21: cpaDcLZ4SCompressBound, both formulas, its refusals; cpaDcLZ4CompressBound refuses (no LZ4). */
static void lz4s_bounds(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint32_t b = 0;
    static const uint32_t in[] = {1, 2000, 2001, 131072}, gen4[] = {1036, 3035, 3047, 132822},
                          gen6[] = {3, 2113, 2114, 138355};
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(E.lz4sBound(inst[0], in[i], &b), CPA_STATUS_SUCCESS, "bound");
        CHECK_EQ(b, gen4[i], "Gen4: n + ceil(n/2000)*11 + 1024");
    }
    CHECK_EQ(E.lz4sBound(inst[0], 0, &b), CPA_STATUS_INVALID_PARAM, "input 0");
    CHECK_EQ(E.lz4sBound(inst[0], 100, NULL), CPA_STATUS_INVALID_PARAM, "NULL");
    CHECK_EQ(E.lz4sBound((void *) &b, 100, &b), CPA_STATUS_INVALID_PARAM, "not an instance");
    CHECK_EQ(E.lz4sBound(inst[0], 0xFFFFFFFFu, &b), CPA_STATUS_INVALID_PARAM, "above 32 bits");
    CHECK_EQ(E.lz4Bound(inst[0], 100, &b), CPA_STATUS_UNSUPPORTED, "LZ4 is not emulated");
    CHECK_EQ(E.lz4Bound(inst[0], 0, &b), CPA_STATUS_INVALID_PARAM, "LZ4, input 0");
    E.setCapability("lz4s", 0);
    CHECK_EQ(E.lz4sBound(inst[0], 100, &b), CPA_STATUS_UNSUPPORTED, "LZ4s switched off");
    E.setGeneration("6xxx");
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(E.lz4sBound(inst[0], in[i], &b), CPA_STATUS_SUCCESS, "bound");
        CHECK_EQ(b, gen6[i], "Gen6: n + ceil(n/18) + 1");
    }
}

/* Rule 21a: the deprecated capability flags: LZ4s compression and its xxHash32, no LZ4. */
static void lz4s_capability_flags(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CpaDcInstanceCapabilities caps;
    static const char *const gens[] = {"4xxx", "420xx", "6xxx"};
    for (int g = 0; g < 3; g++) {
        E.setGeneration(gens[g]);
        memset(&caps, 0xff, sizeof caps);
        CHECK_EQ(E.queryCapabilities(inst[0], &caps), CPA_STATUS_SUCCESS, "cpaDcQueryCapabilities");
        CHECK_EQ(u32_at(&caps, 76), 1, "statelessLZ4SCompression @76");
        CHECK_EQ(u32_at(&caps, 88), 1, "checksumXXHash32 @88");
        CHECK_EQ(u32_at(&caps, 64), 0, "statelessLZ4Compression @64 (LZ4 is not emulated)");
        CHECK_EQ(u32_at(&caps, 68), 0, "statelessLZ4Decompression @68");
    }
    E.setCapability("lz4s", 0);
    E.queryCapabilities(inst[0], &caps);
    CHECK(caps.statelessLZ4SCompression == 0 && caps.checksumXXHash32 == 0, "LZ4s switched off");
}

/* Rules 22, 22i: requests round-trip on every generation, with either minMatch, the checksum, sizes up to 1 MiB. */
static void lz4s_round_trips_through_the_device(void) {
    emu_load("iova");
    emu_start(inst, 16);
    static const uint32_t sizes[] = {0, 1, 7, 4096, 65536, 1 << 20};
    uint8_t *data = malloc(1 << 20), *out = E.alloc((1 << 20) + (1 << 20) / 16, 0, 64);
    static const char *const gens[] = {"4xxx", "420xx", "6xxx"};
    for (int g = 0; g < 3; g++) {
        E.setGeneration(gens[g]);
        uint32_t window = g == 2 ? 65535 : 32768;
        for (unsigned min = 3; min <= 4; min++) {
            CpaDcSessionSetupData setup = lz4s_setup(min, min == 3 ? CPA_DC_XXHASH32 : CPA_DC_NONE);
            setup.compLevel = 1 + 5 * (min - 3) + 3 * (unsigned) g;
            void *session = session_open(inst[0], &setup);
            for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
                for (int kind = 0; kind < 3; kind++) {
                    uint32_t n = sizes[i], bound = 2048;
                    if (kind == 0) fill_mixed(data, n, (uint32_t) i);
                    else if (kind == 1) fill_random(data, n, (uint32_t) i);
                    else memset(data, 'z', n);
                    if (n > 0) CHECK_EQ(E.lz4sBound(inst[0], n, &bound), CPA_STATUS_SUCCESS, "bound");
                    /* The destination: the bound, but at least qatlib's minimum (6 bytes on Gen6, dynamic). */
                    uint32_t dst = bound < 512 ? 512 : bound;
                    CpaDcRqResults res;
                    CHECK_EQ(compress(session, data, n, out, dst, &res), CPA_STATUS_SUCCESS, "callback");
                    CHECK(res.status == CPA_DC_OK && res.consumed == n && res.produced <= bound && res.produced > 0,
                          "%s %u bytes: status %d, consumed %u, produced %u", gens[g], n, res.status, res.consumed,
                          res.produced);
                    CHECK_EQ(res.dataUncompressed, 0, "dataUncompressed");
                    if (min == 3) CHECK_EQ(res.checksum, xxhash32(data, n, 0), "xxHash32 of the input");
                    struct lz4s_stats st;
                    check_stream(out, res.produced, data, n, min, window, &st);
                    CHECK(st.matches == 0 || st.min_match >= min, "no match below minMatch");
                }
            }
            session_free(inst[0], session);
        }
    }
}

static uint64_t no_match_tokens_of(void *session, const uint8_t *data, uint32_t n, uint8_t *out, uint32_t dst) {
    long long before = E.counter("lz4s_no_match_tokens");
    CpaDcRqResults res;
    CHECK_EQ(compress(session, data, n, out, dst, &res), CPA_STATUS_SUCCESS, "callback");
    struct lz4s_stats st;
    check_stream(out, res.produced, data, n, 3, 32768, &st);
    CHECK_EQ(E.counter("lz4s_no_match_tokens") - before, st.no_match_tokens, "lz4s_no_match_tokens");
    return st.no_match_tokens;
}

/* Rule 22g: KQAT_EMU_LZ4S_NO_MATCH / kqatemu_set_lz4s_no_match and KQAT_EMU_SEED: seeded, deterministic. */
static void lz4s_no_match_knob(void) {
    emu_load("iova");
    emu_start(inst, 16);
    const uint32_t n = 1 << 20;
    uint32_t bound = 0;
    E.lz4sBound(inst[0], n, &bound);
    uint8_t *data = malloc(n), *out = E.alloc(bound, 0, 64), *first = malloc(bound);
    fill_mixed(data, n, 3);
    CpaDcSessionSetupData setup = lz4s_setup(3, CPA_DC_XXHASH32);
    void *session = session_open(inst[0], &setup);
    uint64_t sometimes = no_match_tokens_of(session, data, n, out, bound);
    CHECK(sometimes > 0, "sometimes (the default)");
    CHECK_EQ(E.setLz4sNoMatch("never"), 0, "never");
    CHECK_EQ(no_match_tokens_of(session, data, n, out, bound), 0, "never: none");
    CHECK_EQ(E.setLz4sNoMatch("often"), 0, "often");
    uint64_t often = no_match_tokens_of(session, data, n, out, bound);
    CHECK(often > sometimes, "often %llu > sometimes %llu", (unsigned long long) often, (unsigned long long) sometimes);
    CHECK_EQ(E.setLz4sNoMatch("always"), -1, "an unknown mode");
    E.setSeed(42);
    CpaDcRqResults a, b;
    compress(session, data, n, out, bound, &a);
    memcpy(first, out, a.produced);
    compress(session, data, n, out, bound, &b);
    CHECK(a.produced == b.produced && memcmp(first, out, a.produced) == 0, "the same seed: the same stream");
    E.setSeed(43);
    compress(session, data, n, out, bound, &b);
    CHECK(a.produced != b.produced || memcmp(first, out, a.produced) != 0, "another seed: another stream");
}

static void lz4s_no_match_never_from_the_environment(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint8_t *data = malloc(65536), *out = E.alloc(70000, 0, 64);
    fill_mixed(data, 65536, 4);
    CpaDcSessionSetupData setup = lz4s_setup(3, CPA_DC_NONE);
    CHECK_EQ(no_match_tokens_of(session_open(inst[0], &setup), data, 65536, out, 70000), 0, "never");
}

static void lz4s_bad_no_match_mode_fails_start(void) {
    emu_load("iova");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "KQAT_EMU_LZ4S_NO_MATCH=always");
}

/* Rule 23: an LZ4s request is whole (FINAL), verified (CnV), with a destination of qatlib's minimum. */
static void lz4s_requests_are_whole(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CpaDcSessionSetupData setup = lz4s_setup(3, CPA_DC_XXHASH32);
    void *session = session_open(inst[0], &setup);
    struct req *r = req_new(inst[0], 4);
    uint8_t *in = E.alloc(4096, 0, 64), *out = E.alloc(8192, 0, 64);
    fill_text(in, 4096, 1);
    req_source(r, in, 4096, 0);
    req_destination(r, out, 8192, 0);
    struct completion c = {0, 0};
    static const uint32_t flushes[] = {CPA_DC_FLUSH_NONE, 2, CPA_DC_FLUSH_FULL};
    for (int i = 0; i < 3; i++) {
        req_prepare(r, 1);
        r->op->flushFlag = flushes[i];
        CHECK_EQ(E.compress(inst[0], session, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "!FINAL");
    }
    req_prepare(r, 1);
    r->op->compressAndVerify = CPA_FALSE;
    CHECK_EQ(E.compress(inst[0], session, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_UNSUPPORTED, "no CnV");
    req_prepare(r, 1);
    req_destination(r, out, 511, 0);
    CHECK_EQ(E.compress(inst[0], session, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "511 B");
    req_destination(r, out, 512, 0);
    CHECK_EQ(run_request(inst[0], session, r, 1), CPA_STATUS_SUCCESS, "512 B");
    CHECK_EQ(E.counter("requests"), 1, "one request reached the ring");
}

/* Rule 22i: short of what it needs, Gen4 overflows with partial counts (a pass), Gen6 fails without counts. */
static void lz4s_overflow_per_generation(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint8_t *data = malloc(65536), *out = E.alloc(80000, 0, 64);
    fill_random(data, 65536, 9);
    for (int gen6 = 0; gen6 <= 1; gen6++) {
        E.setGeneration(gen6 ? "6xxx" : "4xxx");
        CpaDcSessionSetupData setup = lz4s_setup(3, CPA_DC_XXHASH32);
        void *session = session_open(inst[0], &setup);
        uint32_t bound = 0;
        E.lz4sBound(inst[0], 65536, &bound);
        CpaDcRqResults res;
        CHECK_EQ(compress(session, data, 65536, out, bound, &res), CPA_STATUS_SUCCESS, "the whole bound");
        CpaStatus cb = compress(session, data, 65536, out, bound - 1, &res);
        CHECK_EQ(res.status, CPA_DC_OVERFLOW, "one byte short of the bound, incompressible");
        CHECK_EQ(cb, gen6 ? CPA_STATUS_FAIL : CPA_STATUS_SUCCESS, "callback");
        CHECK(gen6 ? res.produced == 0 && res.consumed == 0 : res.consumed > 0 && res.consumed < 65536,
              "counts: produced %u, consumed %u", res.produced, res.consumed);
        session_free(inst[0], session);
    }
}

/* Rule 22e: offsets reach exactly the generation's window, never beyond. */
static void lz4s_window_per_generation(void) {
    emu_load("iova");
    emu_start(inst, 16);
    const uint32_t n = 100000;
    uint8_t *data = malloc(n), *out = E.alloc(120000, 0, 64);
    fill_random(data, n, 21);
    memcpy(data + 32768, data, 64);         /* 32 KiB back */
    memcpy(data + 100 + 65535, data + 100, 64); /* 65535 back */
    for (int gen6 = 0; gen6 <= 1; gen6++) {
        E.setGeneration(gen6 ? "6xxx" : "4xxx");
        uint32_t window = gen6 ? 65535 : 32768;
        CpaDcSessionSetupData setup = lz4s_setup(3, CPA_DC_NONE);
        setup.compLevel = 12;
        void *session = session_open(inst[0], &setup);
        CpaDcRqResults res;
        CHECK_EQ(compress(session, data, n, out, 120000, &res), CPA_STATUS_SUCCESS, "callback");
        struct lz4s_stats st;
        check_stream(out, res.produced, data, n, 3, window, &st);
        CHECK(st.max_offset == window && st.offsets_at_window > 0, "largest offset %llu", (unsigned long long) st.max_offset);
        session_free(inst[0], session);
    }
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"lz4s_sessions_26_08", lz4s_sessions_26_08, NULL},
        {"lz4s_sessions_before_26_08", lz4s_sessions_before_26_08, NULL},
        {"lz4s_bounds", lz4s_bounds, NULL},
        {"lz4s_capability_flags", lz4s_capability_flags, NULL},
        {"lz4s_round_trips_through_the_device", lz4s_round_trips_through_the_device, NULL},
        {"lz4s_no_match_knob", lz4s_no_match_knob, NULL},
        {"lz4s_no_match_never_from_the_environment", lz4s_no_match_never_from_the_environment,
         "KQAT_EMU_LZ4S_NO_MATCH=never"},
        {"lz4s_bad_no_match_mode_fails_start", lz4s_bad_no_match_mode_fails_start, "KQAT_EMU_LZ4S_NO_MATCH=always"},
        {"lz4s_requests_are_whole", lz4s_requests_are_whole, NULL},
        {"lz4s_overflow_per_generation", lz4s_overflow_per_generation, NULL},
        {"lz4s_window_per_generation", lz4s_window_per_generation, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
