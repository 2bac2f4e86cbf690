/* The device generations the emulator answers like (KQAT_EMU_GEN) and their capabilities, guarded by config_lock. */
#ifndef KQAT_QAT_GENERATION_H
#define KQAT_QAT_GENERATION_H

#include <stdint.h>

#include "emu_abi.h"

#pragma GCC visibility push(hidden)

enum generation { GEN_4XXX = 0, GEN_420XX, GEN_6XXX };

struct capabilities {
    int deflate, stateless, dynamic, static_huffman, crc32, adler32, cnv, cnvnr, lz4s, zstd, xxhash32, xxhash64;
};

extern const char *const generation_names[];
extern enum generation generation;
extern struct capabilities caps;

int set_generation(const char *name);   /* config_lock held; -1 for an unknown name */
int capabilities_off(const char *list); /* config_lock held; "cnv,dynamic" -> those off; -1 for an unknown name */
CpaStatus deflate_bound(enum generation g, uint32_t huff, uint32_t input, uint32_t *output);
/* cpaDcLZ4SCompressBound's and cpaDcZstdCompressBound's formulas (qat_bound.c); INVALID_PARAM above 32 bits. */
CpaStatus lz4s_bound(enum generation g, uint32_t input, uint32_t *output);
CpaStatus zstd_bound(uint32_t input, uint32_t *output);

/* What the generation has in this variant's release, switches aside (qat_generation.c): a capability switched on
 * where the generation lacks it stays off. */
int lz4s_available(enum generation g, const struct capabilities *k);
int zstd_available(enum generation g, const struct capabilities *k);
/* LZ4s history (32 KiB on Gen4/Gen5, 64 KiB on Gen6), as the largest offset a match may have (qat_bound.c). */
uint32_t lz4s_window(enum generation g);

#pragma GCC visibility pop

#endif
