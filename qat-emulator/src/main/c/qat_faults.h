/* Faults for tests: requests that fail by number or by percentage, and a hang (held requests). */
#ifndef KQAT_QAT_FAULTS_H
#define KQAT_QAT_FAULTS_H

#include "qat_device_state.h"

/* Why a request fails on purpose. */
#define FAULT_NONE 0
#define FAULT_BY_NUMBER 1  /* KQAT_EMU_FAIL_FROM window */
#define FAULT_BY_PERCENT 2 /* KQAT_EMU_FAIL_PERCENT */

#pragma GCC visibility push(hidden)

/* The fault request number seq (counted from start or the last reset) gets; takes config_lock. */
int fault_for_request(long long seq);
void faults_read_environment(void); /* config_lock held */
unsigned long long emulator_seed(void); /* config_lock held: KQAT_EMU_SEED, kqatemu_set_seed */

#pragma GCC visibility pop

#endif
