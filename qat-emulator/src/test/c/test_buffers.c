/* Rule 1 (at most 255 flat buffers per list) and the CPU side of a submission: metadata size, the descriptors qatlib
 * writes into the metadata, translation at submit, in-place requests. Plus a plain round trip. */
#include "emu_test.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static CpaInstanceHandle inst[16];

/* 255 source flats of 64 bytes compress; 256 fail the submission with FAIL (lac_buffer_desc.c, MAX_SGL_BUFFERS). */
static void flats_255_pass_256_fail(void) {
    emu_load("iova");
    emu_start(inst, 16);
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    void *ds = session_new(inst[0], 0, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 300);
    uint8_t *in = E.alloc(256 * 64, 0, 64), *out = E.alloc(64 << 10, 0, 64), *back = E.alloc(256 * 64, 0, 64);
    fill_text(in, 256 * 64, 1);

    req_source(r, in, 255 * 64, 64);
    req_destination(r, out, 64 << 10, 0);
    req_prepare(r, 1);
    CHECK_EQ(r->src->numBuffers, 255, "source flats");
    CHECK_EQ(run_request(inst[0], cs, r, 1), CPA_STATUS_SUCCESS, "255 flats");
    CHECK_EQ(r->results->status, CPA_DC_OK, "status");
    CHECK_EQ(r->results->consumed, 255 * 64, "consumed");
    uint32_t produced = r->results->produced;

    req_source(r, in, 256 * 64, 64);
    req_prepare(r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_FAIL, "256 source flats");
    CHECK_EQ(E.counter("sgl_refusals"), 1, "sgl_refusals");

    /* The destination list too, and decompression. */
    req_source(r, in, 64, 0);
    req_destination(r, out, 256 * 64, 64);
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_FAIL, "256 destination flats");
    req_source(r, out, produced, 0);
    req_destination(r, back, 256 * 64, 64);
    req_prepare(r, 0);
    CHECK_EQ(E.decompress(inst[0], ds, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_FAIL, "decompress, 256 flats");
    req_destination(r, back, 255 * 64, 64);
    CHECK_EQ(run_request(inst[0], ds, r, 0), CPA_STATUS_SUCCESS, "decompress, 255 flats");
    CHECK(memcmp(back, in, 255 * 64) == 0, "round trip through 255 flats");
    CHECK_EQ(E.counter("sgl_refusals"), 3, "sgl_refusals");
    CHECK_EQ(E.counter("completed"), 2, "only the two accepted requests completed");
}

/* cpaDcBufferListGetMetaSize: 16 + 16 * (n + 1) + 8 (icp_buffer_list_desc_t, icp_flat_buffer_desc_t, alignment). */
static void meta_size_is_qatlibs(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint32_t bytes = 0;
    uint32_t ns[] = {1, 2, 255, 256, 1000};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        CHECK_EQ(E.metaSize(inst[0], ns[i], &bytes), CPA_STATUS_SUCCESS, "cpaDcBufferListGetMetaSize");
        CHECK_EQ(bytes, 16 + 16 * (ns[i] + 1) + 8, "metadata bytes");
    }
    CHECK_EQ(E.metaSize(inst[0], 0, &bytes), CPA_STATUS_INVALID_PARAM, "0 buffers");
}

/* The submission writes the device's descriptors into the metadata: the header's numBuffers and, per flat, its
 * length and the translated address of its start. */
static void descriptors_written_into_metadata(void) {
    emu_load("iova");
    emu_start(inst, 16);
    E.setHang(1);
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 8);
    uint8_t *in = E.alloc(3000, 0, 64), *out = E.alloc(8192, 0, 64);
    fill_text(in, 3000, 2);
    req_source(r, in, 3000, 1000);
    req_destination(r, out, 8192, 0);
    req_prepare(r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_SUCCESS, "submit");
    uint64_t meta = E.virtToPhys(r->src->pPrivateMetaData);
    uint8_t *aligned = (uint8_t *) r->src->pPrivateMetaData + (((meta + 7) & ~7ULL) - meta);
    IcpBufferListDesc *hdr = (IcpBufferListDesc *) aligned;
    IcpFlatBufferDesc *flats = (IcpFlatBufferDesc *) (hdr + 1);
    CHECK_EQ(hdr->numBuffers, 3, "descriptor numBuffers");
    for (int i = 0; i < 3; i++) {
        CHECK_EQ(flats[i].dataLenInBytes, 1000, "descriptor length");
        CHECK_EQ(flats[i].phyBuffer, E.virtToPhys(in + 1000 * i), "descriptor address");
    }
    E.setHang(0);
    CHECK_EQ(wait_for(inst[0], &c, 5000), CPA_STATUS_SUCCESS, "completion");
}

/* A flat or metadata the translation function cannot translate fails the submission (FAIL), as in dcCreateRequest. */
static void untranslatable_memory_fails_the_submission(void) {
    emu_load("iova");
    emu_start(inst, 16);
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 4);
    uint8_t *plain = malloc(4096), *out = E.alloc(8192, 0, 64);
    memset(plain, 7, 4096);
    req_source(r, plain, 4096, 0);
    req_destination(r, out, 8192, 0);
    req_prepare(r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_FAIL, "malloc'd source");
    CHECK_EQ(E.counter("translation_failures"), 1, "translation_failures");
    uint8_t *in = E.alloc(4096, 0, 64);
    req_source(r, in, 4096, 0);
    void *meta = r->dst->pPrivateMetaData;
    r->dst->pPrivateMetaData = malloc(64 * 1024);
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_FAIL, "malloc'd metadata");
    r->dst->pPrivateMetaData = meta;
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_SUCCESS, "all DMA-able");
    CHECK_EQ(wait_for(inst[0], &c, 5000), CPA_STATUS_SUCCESS, "completion");
    CHECK_EQ(E.counter("iommu_faults"), 0, "nothing reached the device unmapped");
}

/* dcCheckSourceData: "In place operation is not supported". Null lists, no metadata, 0 flats: INVALID_PARAM. */
static void invalid_lists(void) {
    emu_load("iova");
    emu_start(inst, 16);
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 4);
    uint8_t *in = E.alloc(4096, 0, 64);
    req_source(r, in, 4096, 0);
    req_destination(r, in, 4096, 0);
    req_prepare(r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->src, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "in place");
    CHECK_EQ(E.compress(inst[0], cs, NULL, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "null source");
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, NULL, &c), CPA_STATUS_INVALID_PARAM, "null results");
    r->src->numBuffers = 0;
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "0 flats");
    r->src->numBuffers = 1;
    void *meta = r->src->pPrivateMetaData;
    r->src->pPrivateMetaData = NULL;
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "no metadata");
    r->src->pPrivateMetaData = meta;
    r->op->flushFlag = 7;
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "flush flag");
}

/* Every level, scatter-gather in and out, CRC32 of the input in the results. */
static void round_trip_every_level(void) {
    emu_load("iova");
    emu_start(inst, 16);
    size_t n = 300000;
    uint8_t *in = E.alloc(n, 0, 64), *out = E.alloc(n + 4096, 0, 64), *back = E.alloc(n, 0, 64);
    fill_text(in, n, 3);
    struct req *r = req_new(inst[0], 64);
    void *ds = session_new(inst[0], 0, 1, CPA_DC_HT_FULL_DYNAMIC);
    for (int level = 1; level <= 12; level++) {
        void *cs = session_new(inst[0], 1, level, level % 2 ? CPA_DC_HT_FULL_DYNAMIC : CPA_DC_HT_STATIC);
        req_source(r, in, n, 65536);
        req_destination(r, out, n + 4096, 65536);
        req_prepare(r, 1);
        CHECK_EQ(run_request(inst[0], cs, r, 1), CPA_STATUS_SUCCESS, "compress");
        CHECK_EQ(r->results->status, CPA_DC_OK, "compress status");
        CHECK_EQ(r->results->consumed, n, "consumed");
        CHECK_EQ(r->results->checksum, crc32(0, in, (uInt) n), "CRC32 of the input");
        CHECK_EQ(r->results->dataUncompressed, 0, "compressible data is not stored");
        uint32_t produced = r->results->produced;
        req_source(r, out, produced, 4096);
        req_destination(r, back, n, 65536);
        req_prepare(r, 0);
        CHECK_EQ(run_request(inst[0], ds, r, 0), CPA_STATUS_SUCCESS, "decompress");
        CHECK_EQ(r->results->status, CPA_DC_OK, "decompress status");
        CHECK_EQ(r->results->endOfLastBlock, 1, "end of last block");
        CHECK_EQ(r->results->produced, n, "produced");
        CHECK_EQ(r->results->consumed, produced, "consumed");
        CHECK_EQ(r->results->checksum, crc32(0, in, (uInt) n), "CRC32 of the output");
        CHECK(memcmp(back, in, n) == 0, "level %d round trip", level);
        session_free(inst[0], cs);
    }
    session_free(inst[0], ds);
    CHECK_EQ(E.counter("sessions_outstanding"), 0, "sessions");
    emu_stop(inst, 2);
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"flats_255_pass_256_fail", flats_255_pass_256_fail, NULL},
        {"meta_size_is_qatlibs", meta_size_is_qatlibs, NULL},
        {"descriptors_written_into_metadata", descriptors_written_into_metadata, NULL},
        {"untranslatable_memory_fails_the_submission", untranslatable_memory_fails_the_submission, NULL},
        {"invalid_lists", invalid_lists, NULL},
        {"round_trip_every_level", round_trip_every_level, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
