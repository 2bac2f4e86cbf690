/*
 * What the library writes for the device, as qatlib does on the CPU: every address it gives the device comes from
 * the application's registered translation function (cpaDcSetAddressTranslation).
 */
#ifndef KQAT_QAT_DESCRIPTORS_H
#define KQAT_QAT_DESCRIPTORS_H

#include <stdint.h>

#include "emu_abi.h"

#pragma GCC visibility push(hidden)

struct instance;

/* Whether [p, p+len) translates and lies in one registration, so the device could read it. */
int device_readable(struct instance *in, const void *p, uint64_t len);
/* dcCreateRequest's descriptor write for one list; *desc gets their device address. FAIL when it cannot. */
CpaStatus write_descriptors(struct instance *in, CpaBufferList *l, uint64_t *desc);

#pragma GCC visibility pop

#endif
