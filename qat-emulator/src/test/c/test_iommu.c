/* Rule 6 (only a flat's start is translated: a flat must not cross from one mapping into another, or run past its
 * mapping or allocation) and the device reaching memory only through the IOMMU, at execution time. */
#include "emu_test.h"

#include <string.h>
#include <sys/mman.h>
#include <zlib.h>

static uint32_t crc32_of(const uint8_t *p, size_t n) {
    return (uint32_t) crc32(0, p, (uInt) n);
}

#define MB (1ull << 20)
static CpaInstanceHandle inst[16];

struct fixture {
    void *cs;
    struct req *r;
    uint8_t *out;
};

static void setup(struct fixture *f) {
    emu_load("iova");
    emu_start(inst, 16);
    f->cs = session_new(inst[0], 1, 1, CPA_DC_HT_FULL_DYNAMIC);
    f->r = req_new(inst[0], 4);
    f->out = E.alloc(64 << 10, 0, 64);
}

static CpaStatus compress_flat(struct fixture *f, uint8_t *data, size_t len) {
    req_source(f->r, data, len, 0);
    req_destination(f->r, f->out, 64 << 10, 0);
    req_prepare(f->r, 1);
    return run_request(inst[0], f->cs, f->r, 1);
}

/* Two adjacent 2 MiB mappings: a flat inside either works, a flat across the boundary faults, though the memory
 * behind it is contiguous; one 4 MiB mapping of the same memory takes the same flat. */
static void a_flat_across_two_adjacent_mappings_faults(void) {
    struct fixture f;
    setup(&f);
    uint8_t *a = anonymous(4 * MB, 1);
    fill_text(a, 4 * MB, 1);
    uint64_t lo = E.map(a, 2 * MB), hi = E.map(a + 2 * MB, 2 * MB);
    CHECK(lo != 0 && hi != 0, "two mappings");
    CHECK(hi != lo + 2 * MB, "unrelated device addresses");
    CHECK_EQ(compress_flat(&f, a + 2 * MB - 8192, 8192), CPA_STATUS_SUCCESS, "inside the first");
    CHECK_EQ(compress_flat(&f, a + 2 * MB, 8192), CPA_STATUS_SUCCESS, "inside the second");
    CHECK_EQ(E.counter("iommu_faults"), 0, "no fault yet");
    CHECK_EQ(compress_flat(&f, a + 2 * MB - 4096, 8192), CPA_STATUS_FAIL, "across the boundary");
    CHECK_EQ(f.r->results->status, CPA_DC_FATALERR, "device error");
    CHECK_EQ(E.counter("iommu_faults"), 1, "IOMMU fault");
    CHECK_EQ(E.unmap(a, 2 * MB), 0, "unmap");
    CHECK_EQ(E.unmap(a + 2 * MB, 2 * MB), 0, "unmap");
    CHECK(E.map(a, 4 * MB) != 0, "one mapping");
    CHECK_EQ(compress_flat(&f, a + 2 * MB - 4096, 8192), CPA_STATUS_SUCCESS, "inside one mapping");
    CHECK_EQ(E.counter("src_bytes_mapped"), 3 * 8192, "bytes read from mappings");
}

/* A flat running past the end of its mapping, or of its qaeMemAllocNUMA block, faults. */
static void a_flat_past_the_end_faults(void) {
    struct fixture f;
    setup(&f);
    uint8_t *a = anonymous(4 * MB, 1);
    CHECK(E.map(a, 2 * MB) != 0, "mapping");
    CHECK_EQ(compress_flat(&f, a + 2 * MB - 4096, 4096), CPA_STATUS_SUCCESS, "up to the end");
    CHECK_EQ(compress_flat(&f, a + 2 * MB - 4096, 4097), CPA_STATUS_FAIL, "one byte past the end");
    uint8_t *block = E.alloc(5000, 0, 64);
    CHECK_EQ(compress_flat(&f, block, 5000), CPA_STATUS_SUCCESS, "the whole block");
    CHECK_EQ(compress_flat(&f, block, 5001), CPA_STATUS_FAIL, "one byte past the block");
    CHECK_EQ(E.counter("iommu_faults"), 2, "IOMMU faults");
    CHECK_EQ(E.counter("src_bytes_alloc"), 5000, "bytes read from allocations");
}

/* The device reads at execution time: memory unmapped between submission and execution faults. The output the
 * device writes is only ever written through the IOMMU too. */
static void unmapped_before_execution_faults(void) {
    struct fixture f;
    setup(&f);
    uint8_t *a = anonymous(2 * MB, 1);
    fill_text(a, 2 * MB, 2);
    CHECK(E.map(a, 2 * MB) != 0, "mapping");
    E.setLatency(100000);
    req_source(f.r, a, 65536, 0);
    req_destination(f.r, f.out, 64 << 10, 0);
    req_prepare(f.r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], f.cs, f.r->src, f.r->dst, f.r->op, f.r->results, &c), CPA_STATUS_SUCCESS, "submit");
    CHECK_EQ(E.unmap(a, 2 * MB), 0, "unmap while queued");
    CHECK_EQ(wait_for(inst[0], &c, 5000), CPA_STATUS_FAIL, "faulted");
    CHECK_EQ(E.counter("iommu_faults"), 1, "IOMMU fault");
}

/* The device reads the descriptors the library wrote into the metadata, not the application's lists: a list
 * changed after submission does not change the request. */
static void the_device_reads_the_submitted_descriptors(void) {
    struct fixture f;
    setup(&f);
    uint8_t *in = E.alloc(8192, 0, 64), *other = E.alloc(8192, 0, 64);
    fill_text(in, 8192, 3);
    memset(other, 0, 8192);
    E.setHang(1);
    req_source(f.r, in, 8192, 0);
    req_destination(f.r, f.out, 64 << 10, 0);
    req_prepare(f.r, 1);
    struct completion c = {0, 0};
    CHECK_EQ(E.compress(inst[0], f.cs, f.r->src, f.r->dst, f.r->op, f.r->results, &c), CPA_STATUS_SUCCESS, "submit");
    f.r->src_flats[0].pData = other;
    E.setHang(0);
    CHECK_EQ(wait_for(inst[0], &c, 5000), CPA_STATUS_SUCCESS, "completion");
    CHECK_EQ(f.r->results->checksum, crc32_of(in, 8192), "the submitted data was compressed");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"a_flat_across_two_adjacent_mappings_faults", a_flat_across_two_adjacent_mappings_faults, NULL},
        {"a_flat_past_the_end_faults", a_flat_past_the_end_faults, NULL},
        {"unmapped_before_execution_faults", unmapped_before_execution_faults, NULL},
        {"the_device_reads_the_submitted_descriptors", the_device_reads_the_submitted_descriptors, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
