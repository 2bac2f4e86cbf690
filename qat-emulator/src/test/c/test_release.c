/* Rule 10: the variants stand for qatlib releases. v3: libqat.so.3 (22.07-23.02) with a libusdm.so.0 without the
 * IOVA API and without the huge-page variable; legacy: libqat.so.4 without the IOVA API (23.08-25.08); iova-26.02:
 * libqat.so.4 with it and event mode (26.02); iova: the same with the coalescing timer (26.08). Each works end to
 * end (test_events checks which event functions each has). */
#include "emu_test.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static CpaInstanceHandle inst[16];

/* DT_SONAME of a loaded library, read from its file. */
static void soname_of(void *handle, char *out, size_t len) {
    struct link_map *lm = NULL;
    CHECK(dlinfo(handle, RTLD_DI_LINKMAP, &lm) == 0 && lm != NULL, "dlinfo");
    FILE *f = fopen(lm->l_name, "rb");
    CHECK(f != NULL, "open %s", lm->l_name);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *data = malloc((size_t) size);
    CHECK(fread(data, 1, (size_t) size, f) == (size_t) size, "read");
    fclose(f);
    Elf64_Ehdr *eh = (Elf64_Ehdr *) data;
    CHECK(memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0 && eh->e_ident[EI_CLASS] == ELFCLASS64, "ELF64");
    Elf64_Shdr *sh = (Elf64_Shdr *) (data + eh->e_shoff);
    out[0] = '\0';
    for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type != SHT_DYNAMIC) continue;
        const char *strtab = (const char *) (data + sh[sh[i].sh_link].sh_offset);
        for (Elf64_Dyn *d = (Elf64_Dyn *) (data + sh[i].sh_offset); d->d_tag != DT_NULL; d++) {
            if (d->d_tag == DT_SONAME) snprintf(out, len, "%s", strtab + d->d_un.d_val);
        }
    }
    free(data);
}

static void round_trip(void) {
    emu_start(inst, 16);
    void *cs = session_new(inst[0], 1, 6, CPA_DC_HT_FULL_DYNAMIC);
    void *ds = session_new(inst[0], 0, 1, CPA_DC_HT_FULL_DYNAMIC);
    struct req *r = req_new(inst[0], 8);
    uint8_t *in = E.alloc(100000, 0, 64), *out = E.alloc(140000, 0, 64), *back = E.alloc(100000, 0, 64);
    fill_text(in, 100000, 1);
    req_source(r, in, 100000, 65536);
    req_destination(r, out, 140000, 65536);
    req_prepare(r, 1);
    CHECK_EQ(run_request(inst[0], cs, r, 1), CPA_STATUS_SUCCESS, "compress");
    uint32_t produced = r->results->produced;
    req_source(r, out, produced, 0);
    req_destination(r, back, 100000, 0);
    req_prepare(r, 0);
    CHECK_EQ(run_request(inst[0], ds, r, 0), CPA_STATUS_SUCCESS, "decompress");
    CHECK(memcmp(in, back, 100000) == 0, "round trip");
    session_free(inst[0], cs);
    session_free(inst[0], ds);
}

static void variant(const char *name, const char *qat_soname, int iova) {
    emu_load(name);
    char so[256];
    soname_of(E.qat_handle, so, sizeof so);
    CHECK(strcmp(so, qat_soname) == 0, "libqat soname %s", so);
    soname_of(E.usdm_handle, so, sizeof so);
    CHECK(strcmp(so, "libusdm.so.0") == 0, "libusdm soname %s", so);
    CHECK((E.map != NULL) == iova, "qaeMemMapContiguousIova %s", iova ? "missing" : "present");
    CHECK((E.unmap != NULL) == iova, "qaeMemUnmapContiguousIova %s", iova ? "missing" : "present");
    round_trip();
    /* The same rules in every release: 255 flats, compress-and-verify, 64 MiB (stricter than 22.07, which had no
     * 64 MiB limit). */
    CHECK(E.alloc((64ull << 20) + 1, 0, 64) == NULL, "64 MiB + 1");
}

static void v3_is_qatlib_22_07(void) { variant("v3", "libqat.so.3", 0); }
static void legacy_is_qatlib_23_08(void) { variant("legacy", "libqat.so.4", 0); }
static void iova_is_qatlib_26_08(void) { variant("iova", "libqat.so.4", 1); }
static void iova_26_02_is_qatlib_26_02(void) {
    variant("iova-26.02", "libqat.so.4", 1);
    CpaInstanceInfo2 info;
    E.getInfo2(inst[0], &info);
    CHECK(strcmp((char *) info.swVersion, "Version 26.2") == 0, "swVersion %s", (char *) info.swVersion);
}

/* qatlib 22.07's USDM has no huge-page mode: the variable changes nothing. */
static void v3_ignores_the_hugepage_variable(void) {
    emu_load("v3");
    CHECK_EQ(E.counter("hugepage_mode"), 0, "4 KiB mode");
    CHECK(E.alloc(4u << 20, 0, 64) != NULL, "4 MiB");
    CpaInstanceInfo2 info;
    emu_start(inst, 16);
    E.getInfo2(inst[0], &info);
    CHECK(strcmp((char *) info.swVersion, "Version 23.2") == 0, "swVersion %s", (char *) info.swVersion);
}

/* Two variants side by side in one process: each libqat binds its own libusdm (by path), not the first loaded. */
static void variants_do_not_mix(void) {
    emu_load("legacy");
    void *legacy_usdm = E.usdm_handle;
    emu_load("iova");
    CHECK(legacy_usdm != E.usdm_handle, "two libusdm.so.0 loaded");
    round_trip();
    CHECK(E.counter("allocations_outstanding") > 0, "the iova variant's libqat counts its own libusdm's allocations");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"v3_is_qatlib_22_07", v3_is_qatlib_22_07, NULL},
        {"legacy_is_qatlib_23_08", legacy_is_qatlib_23_08, NULL},
        {"iova_is_qatlib_26_08", iova_is_qatlib_26_08, NULL},
        {"iova_26_02_is_qatlib_26_02", iova_26_02_is_qatlib_26_02, NULL},
        {"v3_ignores_the_hugepage_variable", v3_ignores_the_hugepage_variable, "QAT_MAX_2M_HPG_PER_PROCESS=8"},
        {"variants_do_not_mix", variants_do_not_mix, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
