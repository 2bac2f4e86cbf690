/* A session as the emulator lays it out in the application's session memory (cpaDcGetSessionSize's 512 bytes). */
#ifndef KQAT_QAT_SESSION_H
#define KQAT_QAT_SESSION_H

#include <stdatomic.h>
#include <stdint.h>

#include "emu_abi.h"

#define SESSION_SIZE 512
#define SESSION_MAGIC 0x6b716174u /* "kqat" */

struct instance;

struct session {
    uint32_t magic;
    uint32_t level;
    uint32_t direction;
    uint32_t checksum;
    uint32_t huff_type;
    uint32_t comp_type; /* CPA_DC_DEFLATE, CPA_DC_LZ4S or CPA_DC_ZSTD */
    uint32_t min_match; /* LZ4s: 3 or 4 */
    int subsequent; /* qatlib's requestType: DC_REQUEST_SUBSEQUENT after a request that was not a passing FINAL one */
    CpaDcCallbackFn callback;
    struct instance *instance;
    atomic_int in_flight;
};
_Static_assert(sizeof(struct session) <= SESSION_SIZE, "session");

#endif
