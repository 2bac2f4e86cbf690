/* Rule 3 (a device whose worst case is cpaDcDeflateCompressBound), rule 9 (each generation's answers), rule 11
 * (decompression input the device did not need), and the CRC seed after a request that did not end a stream. */
#include "emu_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static CpaInstanceHandle inst[16];

struct bench {
    void *cs, *ds;
    struct req *r;
    uint8_t *in, *out, *back;
    size_t cap;
};

static void setup(struct bench *b, size_t cap) {
    emu_load("iova");
    emu_start(inst, 16);
    b->cs = session_new(inst[0], 1, 6, CPA_DC_HT_FULL_DYNAMIC);
    b->ds = session_new(inst[0], 0, 1, CPA_DC_HT_FULL_DYNAMIC);
    b->r = req_new(inst[0], 64);
    b->cap = cap;
    b->in = E.alloc(cap, 0, 64);
    b->out = E.alloc(cap + cap / 4 + 65536, 0, 64);
    b->back = E.alloc(cap, 0, 64);
    CHECK(b->in && b->out && b->back, "buffers");
}

/* Compresses n bytes of b->in into a destination of dst bytes (in 64 KiB flats); returns the callback status. */
static CpaStatus compress_into(struct bench *b, size_t n, size_t dst) {
    req_source(b->r, b->in, n, 65536);
    req_destination(b->r, b->out, dst, 65536);
    req_prepare(b->r, 1);
    return run_request(inst[0], b->cs, b->r, 1);
}

static CpaStatus decompress_from(struct bench *b, const uint8_t *src, size_t n, size_t dst) {
    req_source(b->r, (void *) src, n, 65536);
    req_destination(b->r, b->back, dst, 65536);
    req_prepare(b->r, 0);
    return run_request(inst[0], b->ds, b->r, 0);
}

/* Random data needs the generation's whole bound: at the bound it compresses (as stored blocks), one byte short it
 * overflows, and so does a destination sized by zlib's bound or by n + n/8 + 1024 once that is below the bound. */
static void incompressible_needs_the_whole_bound(const char *gen, size_t n) {
    struct bench b;
    setup(&b, n);
    CHECK_EQ(E.setGeneration(gen), 0, gen);
    fill_random(b.in, n, 11);
    uint32_t bound = 0;
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, (uint32_t) n, &bound), CPA_STATUS_SUCCESS, "bound");
    CHECK_EQ(compress_into(&b, n, bound), CPA_STATUS_SUCCESS, "at the bound");
    CHECK_EQ(b.r->results->status, CPA_DC_OK, "status at the bound");
    CHECK_EQ(b.r->results->consumed, n, "consumed");
    CHECK_EQ(b.r->results->dataUncompressed, 1, "stored blocks");
    CHECK(b.r->results->produced <= bound && b.r->results->produced >= n, "produced %u", b.r->results->produced);
    uint32_t produced = b.r->results->produced;
    uint8_t *copy = malloc(produced);
    memcpy(copy, b.out, produced);
    uint8_t *src = E.alloc(produced, 0, 64);
    memcpy(src, copy, produced);
    CHECK_EQ(decompress_from(&b, src, produced, n), CPA_STATUS_SUCCESS, "decompress");
    CHECK(memcmp(b.back, b.in, n) == 0, "round trip");

    size_t shorts[] = {bound - 1, compressBound((uLong) n), n + n / 8 + 1024};
    for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++) {
        if (shorts[i] >= bound) continue; /* n + n/8 + 1024 is enough below about 46 KiB (4xxx) */
        CHECK_EQ(compress_into(&b, n, shorts[i]), CPA_STATUS_SUCCESS, "overflow is a SUCCESS callback on Gen4");
        CHECK_EQ(b.r->results->status, CPA_DC_OVERFLOW, "overflow");
        CHECK(b.r->results->consumed < n, "partial consumed %u of %zu", b.r->results->consumed, n);
        CHECK(b.r->results->produced <= shorts[i], "produced %u", b.r->results->produced);
    }
    CHECK(E.counter("overflows") >= 2, "overflows counted");
}

static void bound_4xxx_64k(void) { incompressible_needs_the_whole_bound("4xxx", 65536); }
static void bound_4xxx_1m(void) { incompressible_needs_the_whole_bound("4xxx", 1 << 20); }
static void bound_420xx_64k(void) { incompressible_needs_the_whole_bound("420xx", 65536); }
static void bound_420xx_small(void) { incompressible_needs_the_whole_bound("420xx", 12000); }

/* Compressible data needs only the room its output takes. */
static void compressible_data_fits_a_small_destination(void) {
    struct bench b;
    setup(&b, 1 << 20);
    fill_text(b.in, 1 << 20, 5);
    CHECK_EQ(compress_into(&b, 1 << 20, 512 << 10), CPA_STATUS_SUCCESS, "compress");
    CHECK_EQ(b.r->results->status, CPA_DC_OK, "fits, though far below the bound");
    CHECK(b.r->results->produced < (512 << 10), "produced");
}

/* Gen4 overflow: callback SUCCESS, results OVERFLOW with partial counts (compression); 6xxx: FAIL, no counts. */
static void compression_overflow_per_generation(void) {
    struct bench b;
    setup(&b, 65536);
    fill_text(b.in, 65536, 6);
    const char *gens[] = {"4xxx", "420xx", "6xxx"};
    for (int g = 0; g < 3; g++) {
        CHECK_EQ(E.setGeneration(gens[g]), 0, gens[g]);
        CpaStatus st = compress_into(&b, 65536, 1024);
        CHECK_EQ(b.r->results->status, CPA_DC_OVERFLOW, gens[g]);
        if (g < 2) {
            CHECK_EQ(st, CPA_STATUS_SUCCESS, "Gen4 callback");
            CHECK(b.r->results->consumed > 0 && b.r->results->consumed < 65536, "consumed %u", b.r->results->consumed);
            CHECK(b.r->results->produced > 0 && b.r->results->produced <= 1024, "produced %u", b.r->results->produced);
        } else {
            CHECK_EQ(st, CPA_STATUS_FAIL, "6xxx callback");
            CHECK_EQ(b.r->results->consumed, 0, "6xxx consumed");
            CHECK_EQ(b.r->results->produced, 0, "6xxx produced");
        }
    }
}

/* Input cut short: OK with endOfLastBlock FALSE and partial counts on every generation (the incomplete-file error
 * is bypassed for deflate); a whole stream: endOfLastBlock TRUE. */
static void truncated_input_per_generation(void) {
    struct bench b;
    setup(&b, 200000);
    fill_text(b.in, 200000, 7);
    CHECK_EQ(compress_into(&b, 200000, 200000), CPA_STATUS_SUCCESS, "compress");
    uint32_t full = b.r->results->produced;
    uint8_t *src = E.alloc(full, 0, 64);
    memcpy(src, b.out, full);
    const char *gens[] = {"4xxx", "420xx", "6xxx"};
    for (int g = 0; g < 3; g++) {
        CHECK_EQ(E.setGeneration(gens[g]), 0, gens[g]);
        CHECK_EQ(decompress_from(&b, src, full / 2, 200000), CPA_STATUS_SUCCESS, "cut short");
        CHECK_EQ(b.r->results->status, CPA_DC_OK, "status");
        CHECK_EQ(b.r->results->endOfLastBlock, 0, "endOfLastBlock");
        CHECK_EQ(b.r->results->consumed, full / 2, "consumed");
        uint32_t produced = b.r->results->produced;
        CHECK(produced > 0 && produced < 200000, "partial output %u", produced);
        CHECK(memcmp(b.back, b.in, produced) == 0, "partial output is a prefix");
        CHECK_EQ(decompress_from(&b, src, full, 200000), CPA_STATUS_SUCCESS, "whole");
        CHECK_EQ(b.r->results->endOfLastBlock, 1, "endOfLastBlock");
        CHECK_EQ(b.r->results->produced, 200000, "produced");
    }
}

/* Stateless decompression overflow and bad data: callback FAIL, the error in the results, no counts. */
static void decompression_errors(void) {
    struct bench b;
    setup(&b, 100000);
    fill_text(b.in, 100000, 8);
    CHECK_EQ(compress_into(&b, 100000, 100000), CPA_STATUS_SUCCESS, "compress");
    uint32_t full = b.r->results->produced;
    uint8_t *src = E.alloc(full, 0, 64);
    memcpy(src, b.out, full);
    CHECK_EQ(decompress_from(&b, src, full, 99999), CPA_STATUS_FAIL, "one byte short");
    CHECK_EQ(b.r->results->status, CPA_DC_OVERFLOW, "overflow");
    CHECK_EQ(b.r->results->produced, 0, "produced");
    CHECK_EQ(b.r->results->consumed, 0, "consumed");
    CHECK_EQ(decompress_from(&b, src, full, 100000), CPA_STATUS_SUCCESS, "exact fit");
    uint8_t *bad = E.alloc(64, 0, 64);
    memset(bad, 0xff, 64); /* BTYPE 11 */
    CHECK_EQ(decompress_from(&b, bad, 64, 1000), CPA_STATUS_FAIL, "bad data");
    CHECK_EQ(b.r->results->status, CPA_DC_INVALID_BLOCK_TYPE, "invalid block type");
    static const uint8_t stored[] = {0x01, 0x05, 0x00, 0x00, 0x00};
    memcpy(bad, stored, sizeof stored);
    CHECK_EQ(decompress_from(&b, bad, sizeof stored, 1000), CPA_STATUS_FAIL, "bad stored length");
    CHECK_EQ(b.r->results->status, CPA_DC_BAD_STORED_BLOCK_LEN, "bad stored block length");
}

/* Bytes after the end of the deflate stream are not consumed, and the emulator counts them. */
static void trailing_bytes_counted(void) {
    struct bench b;
    setup(&b, 50000);
    fill_text(b.in, 50000, 9);
    CHECK_EQ(compress_into(&b, 50000, 50000), CPA_STATUS_SUCCESS, "compress");
    uint32_t full = b.r->results->produced;
    uint8_t *src = E.alloc(full + 8, 0, 64);
    memcpy(src, b.out, full);
    memset(src + full, 0x5a, 8); /* a gzip trailer's worth */
    CHECK_EQ(decompress_from(&b, src, full, 50000), CPA_STATUS_SUCCESS, "exact payload");
    CHECK_EQ(E.counter("decompress_trailing_bytes"), 0, "nothing after the stream");
    CHECK_EQ(decompress_from(&b, src, full + 8, 50000), CPA_STATUS_SUCCESS, "payload and trailer");
    CHECK_EQ(b.r->results->consumed, full, "consumed stops at the end of the stream");
    CHECK_EQ(b.r->results->endOfLastBlock, 1, "end of last block");
    CHECK_EQ(E.counter("decompress_trailing_bytes"), 8, "trailing bytes");
}

/* After a request that is not a passing FINAL one (an overflow here), qatlib seeds the next request's CRC with the
 * results' checksum (dcCreateRequest, stateless "SUBSEQUENT"); 6xxx never does. */
static void crc_seed_after_an_overflow(void) {
    struct bench b;
    setup(&b, 8192);
    fill_text(b.in, 8192, 10);
    uint32_t whole = (uint32_t) crc32(0, b.in, 8192);
    CHECK_EQ(compress_into(&b, 8192, 8192), CPA_STATUS_SUCCESS, "first");
    CHECK_EQ(b.r->results->checksum, whole, "first CRC");
    CHECK_EQ(compress_into(&b, 8192, 512), CPA_STATUS_SUCCESS, "overflow");
    CHECK_EQ(b.r->results->status, CPA_DC_OVERFLOW, "overflow");
    req_source(b.r, b.in, 8192, 0);
    req_destination(b.r, b.out, 8192, 0);
    req_prepare(b.r, 1);
    b.r->results->checksum = 0x12345678;
    CHECK_EQ(run_request(inst[0], b.cs, b.r, 1), CPA_STATUS_SUCCESS, "seeded");
    CHECK_EQ(b.r->results->checksum, (uint32_t) crc32(0x12345678, b.in, 8192), "CRC seeded by the results");
    req_prepare(b.r, 1);
    b.r->results->checksum = 0x12345678;
    CHECK_EQ(run_request(inst[0], b.cs, b.r, 1), CPA_STATUS_SUCCESS, "after a passing FINAL request");
    CHECK_EQ(b.r->results->checksum, whole, "not seeded");
    CHECK_EQ(E.setGeneration("6xxx"), 0, "6xxx");
    CHECK_EQ(compress_into(&b, 8192, 512), CPA_STATUS_FAIL, "overflow on 6xxx");
    req_destination(b.r, b.out, 8192, 0);
    req_prepare(b.r, 1);
    b.r->results->checksum = 0x12345678;
    CHECK_EQ(run_request(inst[0], b.cs, b.r, 1), CPA_STATUS_SUCCESS, "6xxx");
    CHECK_EQ(b.r->results->checksum, whole, "6xxx never seeds");
}

static void bad_generation_fails_start(void) {
    emu_load("iova");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "KQAT_EMU_GEN=c62x");
}

static void generation_from_the_environment(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint32_t out = 0;
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 65536, &out), CPA_STATUS_SUCCESS, "bound");
    CHECK_EQ(out, 77074, "420xx bound");
    CpaInstanceInfo2 info;
    E.getInfo2(inst[0], &info);
    CHECK(strstr((char *) info.partName, "420xx") != NULL, "partName %s", (char *) info.partName);
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"bound_4xxx_64k", bound_4xxx_64k, NULL},
        {"bound_4xxx_1m", bound_4xxx_1m, NULL},
        {"bound_420xx_64k", bound_420xx_64k, NULL},
        {"bound_420xx_small", bound_420xx_small, NULL},
        {"compressible_data_fits_a_small_destination", compressible_data_fits_a_small_destination, NULL},
        {"compression_overflow_per_generation", compression_overflow_per_generation, NULL},
        {"truncated_input_per_generation", truncated_input_per_generation, NULL},
        {"decompression_errors", decompression_errors, NULL},
        {"trailing_bytes_counted", trailing_bytes_counted, NULL},
        {"crc_seed_after_an_overflow", crc_seed_after_an_overflow, NULL},
        {"bad_generation_fails_start", bad_generation_fails_start, "KQAT_EMU_GEN=c62x"},
        {"generation_from_the_environment", generation_from_the_environment, "KQAT_EMU_GEN=420xx"},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
