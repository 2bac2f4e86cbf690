/* qatmgr's slots as flocks on files in the emulator's var directory (see qat_process_slots.h). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include "qat_config.h"
#include "qat_paths.h"
#include "qat_process_slots.h"

#define EXPORT __attribute__((visibility("default")))

int max_processes = -1;
static int slot_fd = -1;
static atomic_llong refusals;

/* KQAT_EMU_VAR_DIR, else the var directory next to the library (made by build-native.sh). */
static int var_dir(char *out, size_t len) {
    const char *v = getenv("KQAT_EMU_VAR_DIR");
    if (v != NULL && *v != '\0') return snprintf(out, len, "%s", v) < (int) len;
    return library_sibling("var", out, len);
}

int process_slot_take(void) { /* config_lock held */
    if (max_processes < 0) return 1;
    char dir[4096], path[4200];
    int have_dir = var_dir(dir, sizeof dir);
    for (int i = 0; have_dir && i < max_processes; i++) {
        snprintf(path, sizeof path, "%s/qatmgr-slot-%d", dir, i);
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd < 0) break;
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
            slot_fd = fd;
            return 1;
        }
        close(fd);
    }
    atomic_fetch_add(&refusals, 1);
    fprintf(stderr, "kqat QAT emulator: No section available (KQAT_EMU_MAX_PROCESSES=%d, slots in %s)\n",
            max_processes, have_dir ? dir : "?");
    return 0;
}

void process_slot_release(void) {
    if (slot_fd >= 0) close(slot_fd); /* closing the last descriptor of the open file frees the flock */
    slot_fd = -1;
}

void process_slot_forget(void) {
    /* The child's copy of the descriptor shares the parent's open file: closing it leaves the parent's lock held. */
    process_slot_release();
}

long long process_slot_refusals(void) {
    return atomic_load(&refusals);
}

/* Processes that may hold the device at once from the next icp_sal_userStart; negative: no limit. */
EXPORT void kqatemu_set_max_processes(int n) {
    pthread_mutex_lock(&config_lock);
    max_processes = n < 0 ? -1 : n;
    pthread_mutex_unlock(&config_lock);
}
