/* The device generations the emulator answers like (KQAT_EMU_GEN) and their capabilities, guarded by config_lock. */
#ifndef KQAT_QAT_GENERATION_H
#define KQAT_QAT_GENERATION_H

#include <stdint.h>

#include "emu_abi.h"

#pragma GCC visibility push(hidden)

enum generation { GEN_4XXX = 0, GEN_420XX, GEN_6XXX };

struct capabilities {
    int deflate, stateless, dynamic, static_huffman, crc32, adler32, cnv, cnvnr;
};

extern const char *const generation_names[];
extern enum generation generation;
extern struct capabilities caps;

int set_generation(const char *name);   /* config_lock held; -1 for an unknown name */
int capabilities_off(const char *list); /* config_lock held; "cnv,dynamic" -> those off; -1 for an unknown name */
CpaStatus deflate_bound(enum generation g, uint32_t huff, uint32_t input, uint32_t *output);

#pragma GCC visibility pop

#endif
