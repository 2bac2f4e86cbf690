/* Files that sit next to this libqat: its libusdm.so.0, the device executable, the emulator's var directory. */
#ifndef KQAT_QAT_PATHS_H
#define KQAT_QAT_PATHS_H

#include <stddef.h>

#pragma GCC visibility push(hidden)

/* "<directory of this libqat>/<name>" into out; 0 when the library's own path is unknown. */
int library_sibling(const char *name, char *out, size_t len);

#pragma GCC visibility pop

#endif
