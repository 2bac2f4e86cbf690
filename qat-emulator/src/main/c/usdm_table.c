/*
 * The registration table in its shared segment (see emu_iommu.h): created at first use, changed under its lock so the
 * device never reads a half-written registration, handed to libqat for the device, and copied on fork.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "emu_link.h"
#include "emu_shared.h"
#include "usdm_registrations.h"

#define EXPORT __attribute__((visibility("default")))

pthread_mutex_t usdm_lock = PTHREAD_MUTEX_INITIALIZER;
static struct shm segment = {NULL, 0, -1};

static void table_init(struct iommu_table *t) {
    t->magic = IOMMU_MAGIC;
    shared_mutex_init(&t->lock);
}

struct iommu_table *iommu_table(void) { /* usdm_lock held */
    if (segment.addr == NULL) {
        /* Not MADV_DONTFORK: a fork child keeps USDM's table, as it keeps the real USDM's (see after_fork_in_child). */
        if (!shm_create(&segment, "kqat-emu-iommu", sizeof(struct iommu_table), 0)) {
            segment.addr = calloc(1, sizeof(struct iommu_table)); /* no memfd: a table the device process cannot see */
            segment.fd = -1;
            if (segment.addr == NULL) return NULL;
        }
        table_init(segment.addr);
    }
    return segment.addr;
}

struct registration *table_insert(const struct registration *r) { /* usdm_lock held */
    struct iommu_table *t = iommu_table();
    if (t == NULL) return NULL;
    struct registration *slot = NULL;
    shared_lock(&t->lock);
    for (int i = 0; i < MAX_REGIONS && slot == NULL; i++) {
        if (t->entries[i].kind == FREE) {
            slot = &t->entries[i];
            *slot = *r;
            if (i >= t->end) t->end = i + 1;
        }
    }
    pthread_mutex_unlock(&t->lock);
    return slot;
}

void table_remove(struct registration *r) { /* usdm_lock held */
    struct iommu_table *t = iommu_table();
    shared_lock(&t->lock);
    r->kind = FREE;
    while (t->end > 0 && t->entries[t->end - 1].kind == FREE) t->end--;
    pthread_mutex_unlock(&t->lock);
}

/* The table for libqat's device, and the memfd behind it (-1 when it is not shared). */
EXPORT struct iommu_table *kqatemu_usdm_iommu(int *fd) {
    pthread_mutex_lock(&usdm_lock);
    struct iommu_table *t = iommu_table();
    *fd = segment.fd;
    pthread_mutex_unlock(&usdm_lock);
    return t;
}

/* fork: the child gets a copy of the table at the same address, in a segment of its own, so its registrations never
 * reach the parent's device (nor the parent's the child's). usdm_lock is held across fork. */
static void before_fork(void) {
    pthread_mutex_lock(&usdm_lock);
}

static void after_fork_in_parent(void) {
    pthread_mutex_unlock(&usdm_lock);
}

static void after_fork_in_child(void) {
    if (segment.addr != NULL && segment.fd >= 0) {
        struct iommu_table *copy = malloc(sizeof *copy);
        struct shm own;
        if (copy != NULL && shm_create(&own, "kqat-emu-iommu", sizeof *copy, 0)) {
            memcpy(copy, segment.addr, sizeof *copy);
            munmap(own.addr, own.len);
            void *at = mmap(segment.addr, segment.len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, own.fd, 0);
            if (at == segment.addr) {
                memcpy(at, copy, sizeof *copy);
                table_init(at);
            }
            close(segment.fd);
            segment.fd = own.fd;
        }
        free(copy);
    }
    pthread_mutex_unlock(&usdm_lock);
}

__attribute__((constructor)) static void watch_forks(void) {
    pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
}
