/* Generations and capabilities: what each emulated device answers, and the test controls that choose it. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "qat_config.h"
#include "qat_generation.h"
#include "qat_release.h"

#define EXPORT __attribute__((visibility("default")))

const char *const generation_names[] = {"4xxx", "420xx", "6xxx"};
enum generation generation = GEN_4XXX;
struct capabilities caps = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0};

static const char *const capability_names[] = {"deflate", "stateless", "dynamic", "static", "crc32", "adler32", "cnv",
                                               "cnvnr", "lz4s", "zstd", "xxhash32", "xxhash64"};

static int *capability_slot(struct capabilities *c, const char *name) {
    int *slots[] = {&c->deflate, &c->stateless, &c->dynamic, &c->static_huffman, &c->crc32, &c->adler32, &c->cnv,
                    &c->cnvnr, &c->lz4s, &c->zstd, &c->xxhash32, &c->xxhash64};
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
        if (strcmp(name, capability_names[i]) == 0) return slots[i];
    }
    return NULL;
}

/* sal_compression_capabilities.c: SalCtrl_Set4xxxDcCapabilities (4xxx and 420xx: LZ4s, xxHash32) and
 * SalCtrl_Set6xxxDcCapabilities (no static Huffman; LZ4s, zstd, xxHash32 and xxHash64). */
static struct capabilities default_capabilities(enum generation g) {
    int gen6 = g == GEN_6XXX;
    struct capabilities c = {1, 1, 1, !gen6, 1, 1, 1, 1, 1, gen6, 1, gen6};
    return c;
}

/* 4xxx and 420xx have compress-only LZ4s from 22.07 on; the 6xxx is known (with its LZ4s) from 26.08 on. */
int lz4s_available(enum generation g, const struct capabilities *k) {
    return k->lz4s && (g != GEN_6XXX || RELEASE_KNOWS_6XXX);
}

/* Native zstd: the 6xxx only, in 26.08 (26.02 has the API but no device with zstd). */
int zstd_available(enum generation g, const struct capabilities *k) {
    return k->zstd && g == GEN_6XXX && RELEASE_KNOWS_6XXX;
}

int set_generation(const char *name) { /* config_lock held */
    for (int g = 0; g < 3; g++) {
        if (strcmp(name, generation_names[g]) == 0) {
            generation = (enum generation) g;
            caps = default_capabilities(generation);
            return 0;
        }
    }
    return -1;
}

/* "cnv,dynamic" -> those capabilities off. */
int capabilities_off(const char *list) { /* config_lock held */
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    int rc = 0;
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t != NULL; t = strtok_r(NULL, ", ", &save)) {
        int *slot = capability_slot(&caps, t);
        if (slot == NULL) rc = -1;
        else *slot = 0;
    }
    return rc;
}

EXPORT int kqatemu_set_generation(const char *name) {
    if (name == NULL) return -1;
    pthread_mutex_lock(&config_lock);
    int rc = set_generation(name);
    pthread_mutex_unlock(&config_lock);
    return rc;
}

EXPORT const char *kqatemu_generation(void) {
    return generation_names[generation];
}

/* deflate, stateless, dynamic, static, crc32, adler32, cnv, cnvnr, lz4s, zstd, xxhash32, xxhash64. */
EXPORT int kqatemu_set_capability(const char *name, int on) {
    if (name == NULL) return -1;
    pthread_mutex_lock(&config_lock);
    int *slot = capability_slot(&caps, name);
    if (slot != NULL) *slot = on != 0;
    pthread_mutex_unlock(&config_lock);
    return slot == NULL ? -1 : 0;
}

