/* Rule 2 (compress-and-verify, capabilities), rule 4 (instance info, placement, several instances), rule 3's bound
 * formulas and minimum destinations. */
#include "emu_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static CpaInstanceHandle inst[16];

static uint32_t u32_at(const void *base, size_t offset) {
    uint32_t v;
    memcpy(&v, (const uint8_t *) base + offset, sizeof v);
    return v;
}

/* cpaDcCompressData2 with compressAndVerify FALSE: UNSUPPORTED at every size, before anything else is looked at. */
static void cnv_false_unsupported_at_every_size(void) {
    emu_load("iova");
    emu_start(inst, 16);
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 4);
    uint8_t *in = E.alloc(70000, 0, 64), *out = E.alloc(90000, 0, 64);
    fill_text(in, 70000, 1);
    uint32_t sizes[] = {1, 100, 4096, 65536, 65537, 70000};
    struct completion c = {0, 0};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        req_source(r, in, sizes[i], 0);
        req_destination(r, out, 90000, 0);
        req_prepare(r, 1);
        r->op->compressAndVerify = CPA_FALSE;
        CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_UNSUPPORTED, "CnV off");
    }
    CHECK_EQ(E.counter("cnv_refusals"), 6, "cnv_refusals");
    r->op->compressAndVerifyAndRecover = CPA_TRUE;
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "CnVnR w/o CnV");
    r->op->compressAndVerify = 2;
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "CnV not bool");
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, NULL, r->results, &c), CPA_STATUS_INVALID_PARAM, "no op data");
    /* Even before the session is looked at. */
    req_prepare(r, 1);
    r->op->compressAndVerify = CPA_FALSE;
    CHECK_EQ(E.compress(inst[0], NULL, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_UNSUPPORTED, "no session");
    CHECK_EQ(E.counter("requests"), 0, "nothing reached the ring");
}

/* The capabilities of a 4xxx instance, read both through the struct and at the offsets measured in qatlib's header. */
static void capabilities_of_a_4xxx(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CpaDcInstanceCapabilities caps;
    memset(&caps, 0xff, sizeof caps);
    CHECK_EQ(E.queryCapabilities(inst[0], &caps), CPA_STATUS_SUCCESS, "cpaDcQueryCapabilities");
    CHECK_EQ(sizeof caps, 152, "sizeof(CpaDcInstanceCapabilities)");
    CHECK_EQ(u32_at(&caps, 56), 1, "statelessDeflateCompression @56");
    CHECK_EQ(u32_at(&caps, 60), 1, "statelessDeflateDecompression @60");
    CHECK_EQ(u32_at(&caps, 48), 0, "statefulDeflateCompression @48");
    CHECK_EQ(u32_at(&caps, 52), 0, "statefulDeflateDecompression @52");
    CHECK_EQ(u32_at(&caps, 80), 1, "checksumCRC32 @80");
    CHECK_EQ(u32_at(&caps, 92), 1, "dynamicHuffman @92");
    CHECK_EQ(u32_at(&caps, 116), 1, "endOfLastBlock @116");
    CHECK_EQ(u32_at(&caps, 128), 1, "compressAndVerify @128");
    CHECK_EQ(u32_at(&caps, 132), 1, "compressAndVerifyStrict @132");
    CHECK_EQ(u32_at(&caps, 0), 0, "statefulLZSCompression @0");
    CHECK_EQ(caps.compressAndVerify, 1, "compressAndVerify");
    CHECK_EQ(E.queryCapabilities(inst[0], NULL), CPA_STATUS_INVALID_PARAM, "NULL");
    CHECK_EQ(E.queryCapabilities((void *) &caps, &caps), CPA_STATUS_INVALID_PARAM, "not an instance");
}

/* Without compress-and-verify the device cannot compress through cpaDcCompressData2 at all ("CompressAndVerify
 * feature is not supported"); decompression still works. In process and from KQAT_EMU_CAPS_OFF. */
static void without_cnv_every_compression_is_unsupported(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CHECK_EQ(E.setCapability("cnv", 0), 0, "kqatemu_set_capability");
    CHECK_EQ(E.setCapability("teleport", 0), -1, "unknown capability");
    CpaDcInstanceCapabilities caps;
    E.queryCapabilities(inst[0], &caps);
    CHECK_EQ(caps.compressAndVerify, 0, "compressAndVerify reported off");
    void *cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    void *ds = session_new(inst[0], 0, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 4);
    uint8_t *in = E.alloc(4096, 0, 64), *out = E.alloc(8192, 0, 64);
    static const uint8_t stored[] = {1, 3, 0, 0xfc, 0xff, 'a', 'b', 'c'};
    memcpy(in, stored, sizeof stored);
    req_source(r, in, 4096, 0);
    req_destination(r, out, 8192, 0);
    req_prepare(r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], cs, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_UNSUPPORTED, "CnV TRUE, no cap");
    req_source(r, in, sizeof stored, 0);
    req_prepare(r, 0);
    CHECK_EQ(run_request(inst[0], ds, r, 0), CPA_STATUS_SUCCESS, "decompression");
    CHECK(memcmp(out, "abc", 3) == 0, "decompressed");
}

static void caps_off_from_the_environment(void) {
    emu_load("iova");
    emu_start(inst, 16);
    CpaDcInstanceCapabilities caps;
    E.queryCapabilities(inst[0], &caps);
    CHECK_EQ(caps.compressAndVerify, 0, "cnv off");
    CHECK_EQ(caps.dynamicHuffman, 0, "dynamic off");
    CHECK_EQ(caps.checksumCRC32, 1, "crc32 still on");
    CpaDcSessionSetupData setup = {1, CPA_DC_DEFLATE, CPA_DC_HT_FULL_DYNAMIC, 0, CPA_DC_DIR_COMPRESS, CPA_DC_STATELESS,
                                   0, 0, 0, 0, 0, CPA_DC_CRC32, 0};
    void *mem = E.alloc(512, 0, 64);
    CHECK_EQ(E.initSession(inst[0], mem, &setup, NULL, completion_cb), CPA_STATUS_UNSUPPORTED, "dynamic session");
    uint32_t bound = 0;
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 1000, &bound), CPA_STATUS_INVALID_PARAM, "dynamic bound");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_STATIC, 1000, &bound), CPA_STATUS_SUCCESS, "static bound");
}

static void bad_caps_list_fails_start(void) {
    emu_load("iova");
    CHECK_EQ(E.userStart("SSL"), CPA_STATUS_FAIL, "KQAT_EMU_CAPS_OFF=warp");
}

/* Instances over NUMA nodes 0 and 1: nodeAffinity, one package per node, names, state, read at qatlib's offsets. */
static void instance_info_and_placement(void) {
    emu_load("iova");
    int n = emu_start(inst, 16);
    CHECK_EQ(n, 4, "KQAT_EMU_INSTANCES=4");
    CpaInstanceInfo2 info;
    CHECK_EQ(sizeof info, 932, "sizeof(CpaInstanceInfo2)");
    for (int i = 0; i < n; i++) {
        memset(&info, 0xff, sizeof info);
        CHECK_EQ(E.getInfo2(inst[i], &info), CPA_STATUS_SUCCESS, "cpaDcInstanceGetInfo2");
        CHECK_EQ(u32_at(&info, 912), i % 2, "nodeAffinity @912");
        CHECK_EQ(info.physInstId.packageId, i % 2, "packageId");
        uint16_t accel;
        memcpy(&accel, (uint8_t *) &info + 390, 2);
        CHECK_EQ(accel, i % 2, "acceleratorId @390");
        CHECK_EQ(u32_at(&info, 0), CPA_ACC_SVC_TYPE_DATA_COMPRESSION, "accelerationServiceType @0");
        CHECK_EQ(u32_at(&info, 916), CPA_OPER_STATE_UP, "operState @916");
        CHECK_EQ(u32_at(&info, 920), 1, "requiresPhysicallyContiguousMemory @920");
        CHECK_EQ(u32_at(&info, 924), 1, "isPolled @924");
        CHECK_EQ(u32_at(&info, 928), 1, "isOffloaded @928");
        char name[16], id[32];
        snprintf(name, sizeof name, "dc%d", i);
        snprintf(id, sizeof id, "SSL_dc%d", i);
        CHECK(strcmp((char *) info.instName, name) == 0, "instName %s", (char *) info.instName);
        CHECK(strcmp((char *) info.instID, id) == 0, "instID %s", (char *) info.instID);
        CHECK(strcmp((char *) info.vendorName, "Intel(R)") == 0, "vendorName");
        CHECK(strstr((char *) info.partName, "4xxx") != NULL, "partName %s", (char *) info.partName);
        CHECK(info.coreAffinity[0] == (1u << i), "coreAffinity");
    }
    CHECK_EQ(E.stopInstance(inst[3]), CPA_STATUS_SUCCESS, "stop");
    E.getInfo2(inst[3], &info);
    CHECK_EQ(info.operState, CPA_OPER_STATE_DOWN, "stopped instance is down");
}

/* Each instance has its own ring and device; requests are counted per instance. */
static void requests_counted_per_instance(void) {
    emu_load("iova");
    int n = emu_start(inst, 16);
    CHECK_EQ(n, 3, "instances");
    uint8_t *in = E.alloc(8192, 0, 64), *out = E.alloc(16384, 0, 64);
    fill_text(in, 8192, 4);
    for (int i = 0; i < n; i++) {
        void *cs = session_new(inst[i], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
        struct req *r = req_new(inst[i], 4);
        for (int k = 0; k <= i; k++) {
            req_source(r, in, 8192, 0);
            req_destination(r, out, 16384, 0);
            req_prepare(r, 1);
            CHECK_EQ(run_request(inst[i], cs, r, 1), CPA_STATUS_SUCCESS, "request");
        }
    }
    for (int i = 0; i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "requests_instance_%d", i);
        CHECK_EQ(E.counter(name), i + 1, name);
        snprintf(name, sizeof name, "completed_instance_%d", i);
        CHECK_EQ(E.counter(name), i + 1, name);
    }
    CHECK_EQ(E.counter("requests_instance_3"), 0, "no fourth instance");
    /* A session belongs to its instance. */
    void *cs0 = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[1], 4);
    req_source(r, in, 8192, 0);
    req_destination(r, out, 16384, 0);
    req_prepare(r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[1], cs0, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "foreign session");
}

/* The formulas of dc_buffers.c, written out independently. */
static uint64_t bound_gen4(uint64_t n, int dynamic, uint64_t per) {
    return dynamic ? 512 + (9 * n + 7) / 8 + ((8 * n * 155) / 7) / per : (9 * n + 7) / 8 + 1029;
}

static void bound_formulas_per_generation(void) {
    emu_load("iova");
    emu_start(inst, 16);
    uint32_t out = 0;
    /* Known values: 64 KiB on 4xxx dynamic = 512 + 73728 + 708; 420xx = 512 + 73728 + 2834; static = 73728 + 1029. */
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 65536, &out), CPA_STATUS_SUCCESS, "bound");
    CHECK_EQ(out, 74948, "4xxx dynamic, 64 KiB");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_STATIC, 65536, &out), CPA_STATUS_SUCCESS, "bound");
    CHECK_EQ(out, 74757, "4xxx static, 64 KiB");
    uint32_t ns[] = {1, 7, 8, 100, 4096, 16384, 65535, 65536, 1000000, 16u << 20, 0xE0000000u};
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, ns[i], &out), CPA_STATUS_SUCCESS, "4xxx dynamic");
        CHECK_EQ(out, bound_gen4(ns[i], 1, 16384), "4xxx dynamic");
        CHECK_EQ(E.bound(inst[0], CPA_DC_HT_STATIC, ns[i], &out), CPA_STATUS_SUCCESS, "4xxx static");
        CHECK_EQ(out, bound_gen4(ns[i], 0, 0), "4xxx static");
    }
    CHECK_EQ(E.setGeneration("420xx"), 0, "420xx");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 65536, &out), CPA_STATUS_SUCCESS, "bound");
    CHECK_EQ(out, 77074, "420xx dynamic, 64 KiB");
    for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
        uint64_t want = bound_gen4(ns[i], 1, 4096);
        CpaStatus st = E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, ns[i], &out);
        if (want > 0xFFFFFFFFu) {
            CHECK_EQ(st, CPA_STATUS_INVALID_PARAM, "420xx dynamic above 32 bits");
        } else {
            CHECK_EQ(st, CPA_STATUS_SUCCESS, "420xx dynamic");
            CHECK_EQ(out, want, "420xx dynamic");
        }
    }
    CHECK_EQ(E.setGeneration("6xxx"), 0, "6xxx");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 65536, &out), CPA_STATUS_SUCCESS, "bound");
    CHECK_EQ(out, 65536 + 17 * 5, "6xxx dynamic, 64 KiB");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_STATIC, 65536, &out), CPA_STATUS_INVALID_PARAM, "6xxx has no static");
    CHECK_EQ(E.setGeneration("4xxx"), 0, "4xxx");
    /* Parameter checks and the 32-bit overflow. */
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 0, &out), CPA_STATUS_INVALID_PARAM, "input 0");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_PRECOMP, 100, &out), CPA_STATUS_INVALID_PARAM, "precompiled");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 100, NULL), CPA_STATUS_INVALID_PARAM, "NULL");
    CHECK_EQ(E.bound(inst[0], CPA_DC_HT_FULL_DYNAMIC, 0xFFFFFFFFu, &out), CPA_STATUS_INVALID_PARAM, "above 32 bits");
    CHECK_EQ(E.setGeneration("c62x"), -1, "qatlib has no pre-Gen4 device");
}

/* minOutputBuffSizeDynamic 512 and minOutputBuffSize 1026 on Gen4; a decompression destination needs 1 byte. */
static void minimum_destinations(void) {
    emu_load("iova");
    emu_start(inst, 16);
    void *dyn = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    void *sta = session_new(inst[0], 1, 1, CPA_DC_HT_STATIC);
    struct req *r = req_new(inst[0], 4);
    uint8_t *in = E.alloc(100, 0, 64), *out = E.alloc(2048, 0, 64);
    memset(in, 'x', 100);
    req_prepare(r, 1);
    req_source(r, in, 100, 0);
    struct completion c = {0, 0};
    req_destination(r, out, 511, 0);
    CHECK_EQ(E.compress(inst[0], dyn, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "511, dynamic");
    req_destination(r, out, 512, 0);
    CHECK_EQ(run_request(inst[0], dyn, r, 1), CPA_STATUS_SUCCESS, "512, dynamic");
    req_destination(r, out, 1025, 0);
    CHECK_EQ(E.compress(inst[0], sta, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "1025, static");
    req_destination(r, out, 1026, 0);
    CHECK_EQ(run_request(inst[0], sta, r, 1), CPA_STATUS_SUCCESS, "1026, static");
    /* The destination's total counts, however it is split. */
    req_destination(r, out, 511, 256);
    CHECK_EQ(E.compress(inst[0], dyn, r->src, r->dst, r->op, r->results, &c), CPA_STATUS_INVALID_PARAM, "511 in flats");
}

/* dcCheckSessionData / dcCheckUnsupportedParams. */
static void session_checks(void) {
    emu_load("iova");
    emu_start(inst, 16);
    void *mem = E.alloc(512, 0, 64);
    CpaDcSessionSetupData ok = {1, CPA_DC_DEFLATE, CPA_DC_HT_FULL_DYNAMIC, 0, CPA_DC_DIR_COMPRESS, CPA_DC_STATELESS,
                                0, 0, 0, 0, 0, CPA_DC_CRC32, 0};
    CpaDcSessionSetupData s = ok;
    s.compLevel = 13;
    CHECK_EQ(E.initSession(inst[0], mem, &s, NULL, completion_cb), CPA_STATUS_INVALID_PARAM, "level 13");
    s = ok;
    s.huffType = CPA_DC_HT_PRECOMP;
    CHECK_EQ(E.initSession(inst[0], mem, &s, NULL, completion_cb), CPA_STATUS_INVALID_PARAM, "precompiled");
    s = ok;
    s.sessState = CPA_DC_STATEFUL;
    CHECK_EQ(E.initSession(inst[0], mem, &s, NULL, completion_cb), CPA_STATUS_UNSUPPORTED, "stateful");
    s = ok;
    s.compType = 4;
    CHECK_EQ(E.initSession(inst[0], mem, &s, NULL, completion_cb), CPA_STATUS_UNSUPPORTED, "LZ4 (not emulated)");
    s = ok;
    s.compType = 1;
    CHECK_EQ(E.initSession(inst[0], mem, &s, NULL, completion_cb), CPA_STATUS_INVALID_PARAM, "compType 1");
    s = ok;
    s.checksum = 3;
    CHECK_EQ(E.initSession(inst[0], mem, &s, NULL, completion_cb), CPA_STATUS_INVALID_PARAM, "XXHASH32 on deflate");
    void *plain = malloc(512);
    CHECK_EQ(E.initSession(inst[0], plain, &ok, NULL, completion_cb), CPA_STATUS_FAIL, "session not DMA-able");
    CHECK_EQ(E.initSession(inst[0], mem, &ok, NULL, completion_cb), CPA_STATUS_SUCCESS, "good session");
    CHECK_EQ(E.setGeneration("6xxx"), 0, "6xxx");
    s = ok;
    s.huffType = CPA_DC_HT_STATIC;
    CHECK_EQ(E.initSession(inst[0], E.alloc(512, 0, 64), &s, NULL, completion_cb), CPA_STATUS_UNSUPPORTED, "6xxx static");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"cnv_false_unsupported_at_every_size", cnv_false_unsupported_at_every_size, NULL},
        {"capabilities_of_a_4xxx", capabilities_of_a_4xxx, NULL},
        {"without_cnv_every_compression_is_unsupported", without_cnv_every_compression_is_unsupported, NULL},
        {"caps_off_from_the_environment", caps_off_from_the_environment, "KQAT_EMU_CAPS_OFF=cnv,dynamic"},
        {"bad_caps_list_fails_start", bad_caps_list_fails_start, "KQAT_EMU_CAPS_OFF=warp"},
        {"instance_info_and_placement", instance_info_and_placement, "KQAT_EMU_INSTANCES=4 KQAT_EMU_NUMA_NODES=0,1"},
        {"requests_counted_per_instance", requests_counted_per_instance, "KQAT_EMU_INSTANCES=3"},
        {"bound_formulas_per_generation", bound_formulas_per_generation, NULL},
        {"minimum_destinations", minimum_destinations, NULL},
        {"session_checks", session_checks, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
