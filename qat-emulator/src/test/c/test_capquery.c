/* Rule 25: cpaDcQueryCapabilityByType (25.08+: the iova and iova-26.02 variants), per generation and release, and its
 * status codes. */
#include "emu_test.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static CpaInstanceHandle inst[16];

enum { STATELESS = 0, STATEFUL = 1, WINDOW_32K = 6, WINDOW_64K = 7, DEFAULT_WINDOW = 8, BLOCK_SIZE_64K = 13,
       XXHASH32 = 20, XXHASH64 = 21, ASB = 22, ASB_PREFERRED = 25, DETERMINISM = 26, OVERFLOW_RESUBMIT = 27,
       CNV = 28, ZERO_LENGTH = 37, CHAIN_PCRC64 = 39, DICT_ID = 41 };

static CpaStatus ask(uint32_t algo, uint32_t dir, uint32_t cap, CpaDcCapabilityResp *r) {
    CpaDcCapabilityReq req = {algo, dir, cap};
    memset(r, 0xee, sizeof *r);
    return E.queryCapability(inst[0], req, r);
}

/* A boolean answer, which must come with SUCCESS. */
static int yes(uint32_t algo, uint32_t dir, uint32_t cap) {
    CpaDcCapabilityResp r;
    CHECK_EQ(ask(algo, dir, cap, &r), CPA_STATUS_SUCCESS, "query");
    CHECK(r.boolStatus == 0 || r.boolStatus == 1, "a boolean");
    return (int) r.boolStatus;
}

static uint32_t u32(uint32_t algo, uint32_t dir, uint32_t cap) {
    CpaDcCapabilityResp r;
    CHECK_EQ(ask(algo, dir, cap, &r), CPA_STATUS_SUCCESS, "query");
    return r.u32Status;
}

#define C CPA_DC_DIR_COMPRESS
#define D CPA_DC_DIR_DECOMPRESS

static void answers_of_a_4xxx(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CHECK(yes(CPA_DC_LZ4S, C, STATELESS) && !yes(CPA_DC_LZ4S, D, STATELESS), "LZ4s: compression only");
    CHECK(!yes(CPA_DC_LZ4S, C, STATEFUL), "stateless only");
    CHECK(yes(CPA_DC_LZ4S, C, WINDOW_32K) && !yes(CPA_DC_LZ4S, C, WINDOW_64K), "LZ4s: 32 KiB");
    CHECK_EQ(u32(CPA_DC_LZ4S, C, DEFAULT_WINDOW), CPA_DC_WINSIZE_32K, "LZ4s history");
    CHECK(yes(CPA_DC_LZ4S, C, XXHASH32) && !yes(CPA_DC_LZ4S, C, XXHASH64), "xxHash32, no xxHash64");
    CHECK(yes(CPA_DC_LZ4S, C, ZERO_LENGTH) && !yes(CPA_DC_LZ4S, C, ASB), "zero-length requests; ASB not for LZ4s");
    CHECK(yes(CPA_DC_DEFLATE, C, ASB) && !yes(CPA_DC_LZ4S, C, ASB_PREFERRED), "ASB");
    CHECK(!yes(CPA_DC_ZSTD, C, STATELESS) && !yes(CPA_DC_ZSTD, D, STATELESS), "no zstd");
    CHECK_EQ(u32(CPA_DC_ZSTD, C, DEFAULT_WINDOW), 0, "no zstd history");
    CHECK(!yes(CPA_DC_LZ4, C, STATELESS), "no LZ4 (not emulated)");
    CHECK(yes(CPA_DC_DEFLATE, C, OVERFLOW_RESUBMIT) && !yes(CPA_DC_DEFLATE, C, DETERMINISM), "Gen4");
    CHECK(yes(CPA_DC_LZ4S, C, CNV), "compress-and-verify");
    CHECK(!yes(CPA_DC_ZSTD, C, DICT_ID), "26.08: dictionary id answered (not emulated: FALSE)");
    E.setCapability("lz4s", 0);
    CHECK(!yes(CPA_DC_LZ4S, C, STATELESS) && !yes(CPA_DC_LZ4S, C, WINDOW_32K), "LZ4s switched off");
}

static void answers_of_a_6xxx(void) {
    emu_load("iova");
    emu_start(inst, 16);
    E.setGeneration("6xxx");
    CHECK(yes(CPA_DC_LZ4S, C, WINDOW_64K) && !yes(CPA_DC_LZ4S, C, WINDOW_32K), "LZ4s: 64 KiB");
    CHECK_EQ(u32(CPA_DC_LZ4S, C, DEFAULT_WINDOW), CPA_DC_WINSIZE_64K, "LZ4s history");
    CHECK(yes(CPA_DC_ZSTD, C, STATELESS) && yes(CPA_DC_ZSTD, D, STATELESS), "zstd both ways");
    CHECK(yes(CPA_DC_ZSTD, C, WINDOW_64K) && yes(CPA_DC_ZSTD, D, WINDOW_64K) && yes(CPA_DC_ZSTD, D, 3), "windows");
    CHECK(!yes(CPA_DC_ZSTD, C, WINDOW_32K), "compression: 64 KiB only");
    CHECK_EQ(u32(CPA_DC_ZSTD, D, DEFAULT_WINDOW), CPA_DC_WINSIZE_64K, "zstd history");
    CHECK(yes(CPA_DC_ZSTD, C, ASB_PREFERRED) && !yes(CPA_DC_ZSTD, D, ASB_PREFERRED), "keep ASB for zstd compression");
    CHECK(yes(CPA_DC_ZSTD, C, XXHASH64) && yes(CPA_DC_ZSTD, C, ZERO_LENGTH), "xxHash64, zero-length requests");
    CHECK(yes(CPA_DC_ZSTD, C, DETERMINISM) && !yes(CPA_DC_ZSTD, C, OVERFLOW_RESUBMIT), "Gen6");
}

/* 26.02 answers "unknown" for the 64 KiB window and the dictionary id, and knows no 6xxx (no LZ4s, no zstd). */
static void answers_of_26_02(void) {
    emu_load("iova-26.02");
    emu_start(inst, 16);
    CpaDcCapabilityResp r;
    CHECK_EQ(ask(CPA_DC_LZ4S, C, WINDOW_64K, &r), CPA_STATUS_UNSUPPORTED, "64 KiB window");
    CHECK_EQ(ask(CPA_DC_ZSTD, C, DICT_ID, &r), CPA_STATUS_UNSUPPORTED, "dictionary id");
    CHECK(yes(CPA_DC_LZ4S, C, STATELESS) && yes(CPA_DC_LZ4S, C, WINDOW_32K), "4xxx LZ4s");
    E.setGeneration("6xxx");
    CHECK(!yes(CPA_DC_LZ4S, C, STATELESS) && !yes(CPA_DC_ZSTD, C, STATELESS), "no 6xxx LZ4s or zstd in 26.02");
}

static void status_codes(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CpaDcCapabilityResp r;
    CpaDcCapabilityReq req = {CPA_DC_LZ4S, C, STATELESS};
    CHECK_EQ(E.queryCapability(inst[0], req, NULL), CPA_STATUS_INVALID_PARAM, "NULL");
    CHECK_EQ(E.queryCapability((void *) &r, req, &r), CPA_STATUS_INVALID_PARAM, "not an instance");
    CHECK_EQ(ask(7, C, STATELESS, &r), CPA_STATUS_UNSUPPORTED, "algorithm 7");
    CHECK_EQ(ask(2, C, STATELESS, &r), CPA_STATUS_UNSUPPORTED, "algorithm 2");
    CHECK_EQ(ask(CPA_DC_LZ4S, CPA_DC_DIR_COMBINED, STATELESS, &r), CPA_STATUS_INVALID_PARAM, "combined");
    CHECK_EQ(ask(CPA_DC_LZ4S, 3, STATELESS, &r), CPA_STATUS_UNSUPPORTED, "direction 3");
    CHECK_EQ(ask(CPA_DC_LZ4S, C, 42, &r), CPA_STATUS_UNSUPPORTED, "capability 42");
    CHECK_EQ(ask(CPA_DC_LZ4S, C, BLOCK_SIZE_64K, &r), CPA_STATUS_UNSUPPORTED, "LZ4 block sizes, asked of LZ4s");
    CHECK_EQ(ask(CPA_DC_LZ4, C, BLOCK_SIZE_64K, &r), CPA_STATUS_SUCCESS, "LZ4 block sizes");
    CHECK_EQ(ask(CPA_DC_LZ4S, C, CHAIN_PCRC64, &r), CPA_STATUS_UNSUPPORTED, "no LZ4s case for chained CRC64");
    CHECK_EQ(r.u64Status, 0, "the answer is zeroed first");
}

/* Only from 25.08: the legacy (23.08) and v3 (22.07) variants do not export it. */
static void absent_before_25_08(void) {
    static const char *const variants[] = {"legacy", "v3"};
    for (int v = 0; v < 2; v++) {
        pid_t pid = fork();
        if (pid == 0) {
            emu_load(variants[v]);
            CHECK(E.queryCapability == NULL && E.zstdBound == NULL, "%s", variants[v]);
            CHECK(E.lz4sBound != NULL && E.lz4Bound != NULL, "the LZ4 and LZ4s bounds exist since 22.07");
            _exit(0);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s", variants[v]);
    }
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"answers_of_a_4xxx", answers_of_a_4xxx, NULL},
        {"answers_of_a_6xxx", answers_of_a_6xxx, NULL},
        {"answers_of_26_02", answers_of_26_02, NULL},
        {"status_codes", status_codes, NULL},
        {"absent_before_25_08", absent_before_25_08, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
