/*
 * Faults for tests (see qat_faults.h). Failure by percentage is decided from the seed and the request's number, so
 * for a given seed the same requests fail. A hung device accepts requests and never executes them; released, it
 * executes them late (the device does the holding, qat_device.c; the threshold is in the state it shares with the
 * library, qat_device_state.h).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>

#include "qat_config.h"
#include "qat_device_link.h"
#include "qat_faults.h"

#define EXPORT __attribute__((visibility("default")))

/* Guarded by config_lock. */
static long long fail_from = NO_REQUEST, fail_count;
static int fail_percent;
static unsigned long long fail_seed = 1;

static unsigned long long mix(unsigned long long x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

int fault_for_request(long long seq) {
    int fault = FAULT_NONE;
    pthread_mutex_lock(&config_lock);
    if (fail_from != NO_REQUEST && seq >= fail_from && seq < fail_from + fail_count) {
        fault = FAULT_BY_NUMBER;
    } else if (fail_percent > 0 && mix(fail_seed * 0x100000001b3ULL + (unsigned long long) seq) % 100
            < (unsigned long long) fail_percent) {
        fault = FAULT_BY_PERCENT;
    }
    pthread_mutex_unlock(&config_lock);
    return fault;
}

void faults_read_environment(void) { /* config_lock held, device_state open */
    fail_from = env_ll("KQAT_EMU_FAIL_FROM", fail_from);
    fail_count = env_ll("KQAT_EMU_FAIL_COUNT", fail_from == NO_REQUEST ? 0 : (fail_count ? fail_count : 1));
    long long percent = env_ll("KQAT_EMU_FAIL_PERCENT", fail_percent);
    fail_percent = percent < 0 ? 0 : percent > 100 ? 100 : (int) percent;
    fail_seed = (unsigned long long) env_ll("KQAT_EMU_SEED", (long long) fail_seed);
    atomic_store(&device_state->hang_from, env_ll("KQAT_EMU_HANG_FROM", atomic_load(&device_state->hang_from)));
}

unsigned long long emulator_seed(void) { /* config_lock held */
    return fail_seed;
}

EXPORT void kqatemu_fail_requests(long long from, long long count) {
    pthread_mutex_lock(&config_lock);
    fail_from = count > 0 ? from : NO_REQUEST;
    fail_count = count;
    pthread_mutex_unlock(&config_lock);
}

/* Each request fails with this probability (0-100), decided from the seed and the request's number. */
EXPORT void kqatemu_set_fail_percent(int percent) {
    pthread_mutex_lock(&config_lock);
    fail_percent = percent < 0 ? 0 : percent > 100 ? 100 : percent;
    pthread_mutex_unlock(&config_lock);
}

EXPORT void kqatemu_set_seed(long long seed) {
    pthread_mutex_lock(&config_lock);
    fail_seed = (unsigned long long) seed;
    pthread_mutex_unlock(&config_lock);
}

/* On: every request not yet executed, and every later one, is held. Off: held requests run now (late). */
EXPORT void kqatemu_set_hang(int on) {
    if (!device_state_open()) return;
    atomic_store(&device_state->hang_from, on ? 0 : NO_REQUEST);
    wake_devices();
}

/* Requests numbered from (counted from start or the last reset) on are held; negative: none. */
EXPORT void kqatemu_set_hang_from(long long from) {
    if (!device_state_open()) return;
    atomic_store(&device_state->hang_from, from < 0 ? NO_REQUEST : from);
    wake_devices();
}
