/*
 * Memory shared between the application and the emulated device's process (not part of qatlib): memfd segments,
 * and the locks in them. Locks are process-shared and robust, so a process that dies holding one does not block the
 * other side for ever. Used by libusdm, libqat and the device executable.
 */
#ifndef KQAT_EMU_SHARED_H
#define KQAT_EMU_SHARED_H

#include <errno.h>
#include <pthread.h>
#include <stddef.h>

struct shm {
    void *addr;
    size_t len;
    int fd;
};

static inline void shared_mutex_init(pthread_mutex_t *m) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(m, &a);
    pthread_mutexattr_destroy(&a);
}

static inline void shared_lock(pthread_mutex_t *m) {
    if (pthread_mutex_lock(m) == EOWNERDEAD) pthread_mutex_consistent(m); /* the other process died holding it */
}

#pragma GCC visibility push(hidden)

/* A zeroed memfd segment of len bytes, mapped shared; with dontfork, a fork child does not get the mapping. */
int shm_create(struct shm *m, const char *name, size_t len, int dontfork);
/* Maps the whole segment behind fd (the device's side). */
int shm_attach(struct shm *m, int fd);
void shm_close(struct shm *m);

#pragma GCC visibility pop

#endif
