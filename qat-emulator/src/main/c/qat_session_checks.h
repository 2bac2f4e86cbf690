/*
 * qatlib's checks of a session's setup data (dc_session.c), for deflate, LZ4 (refused: not emulated), LZ4s and zstd,
 * as the variant's release makes them (qat_release.h), in the same order and with the same status codes; where the
 * emulator is stricter, CONFORMANCE.md says so.
 */
#ifndef KQAT_QAT_SESSION_CHECKS_H
#define KQAT_QAT_SESSION_CHECKS_H

#include "emu_abi.h"
#include "qat_generation.h"

#pragma GCC visibility push(hidden)

CpaStatus check_session(const CpaDcSessionSetupData *s, const struct capabilities *k, enum generation g);

#pragma GCC visibility pop

#endif
