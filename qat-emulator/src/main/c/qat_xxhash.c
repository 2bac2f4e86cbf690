/* xxHash32 and xxHash64 (see qat_xxhash.h). */
#include <string.h>

#include "qat_xxhash.h"

#define P32_1 0x9E3779B1u
#define P32_2 0x85EBCA77u
#define P32_3 0xC2B2AE3Du
#define P32_4 0x27D4EB2Fu
#define P32_5 0x165667B1u
#define P64_1 0x9E3779B185EBCA87ULL
#define P64_2 0xC2B2AE3D27D4EB4FULL
#define P64_3 0x165667B19E3779F9ULL
#define P64_4 0x85EBCA77C2B2AE63ULL
#define P64_5 0x27D4EB2F165667C5ULL

static uint32_t rotl32(uint32_t x, int r) {
    return (x << r) | (x >> (32 - r));
}

static uint64_t rotl64(uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}

static uint32_t le32(const uint8_t *p) { /* little-endian, whatever the host */
    return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

static uint64_t le64(const uint8_t *p) {
    return (uint64_t) le32(p) | (uint64_t) le32(p + 4) << 32;
}

static uint32_t lane32(uint32_t acc, uint32_t lane) {
    return rotl32(acc + lane * P32_2, 13) * P32_1;
}

uint32_t xxhash32(const uint8_t *p, size_t n, uint32_t seed) {
    const uint8_t *end = p + n;
    uint32_t acc;
    if (n >= 16) {
        uint32_t v[4] = {seed + P32_1 + P32_2, seed + P32_2, seed, seed - P32_1};
        for (; end - p >= 16; p += 16) {
            for (int i = 0; i < 4; i++) v[i] = lane32(v[i], le32(p + 4 * i));
        }
        acc = rotl32(v[0], 1) + rotl32(v[1], 7) + rotl32(v[2], 12) + rotl32(v[3], 18);
    } else {
        acc = seed + P32_5;
    }
    acc += (uint32_t) n;
    for (; end - p >= 4; p += 4) acc = rotl32(acc + le32(p) * P32_3, 17) * P32_4;
    for (; p < end; p++) acc = rotl32(acc + *p * P32_5, 11) * P32_1;
    acc ^= acc >> 15;
    acc *= P32_2;
    acc ^= acc >> 13;
    acc *= P32_3;
    return acc ^ (acc >> 16);
}

static uint64_t lane64(uint64_t acc, uint64_t lane) {
    return rotl64(acc + lane * P64_2, 31) * P64_1;
}

uint64_t xxhash64(const uint8_t *p, size_t n, uint64_t seed) {
    const uint8_t *end = p + n;
    uint64_t acc;
    if (n >= 32) {
        uint64_t v[4] = {seed + P64_1 + P64_2, seed + P64_2, seed, seed - P64_1};
        for (; end - p >= 32; p += 32) {
            for (int i = 0; i < 4; i++) v[i] = lane64(v[i], le64(p + 8 * i));
        }
        acc = rotl64(v[0], 1) + rotl64(v[1], 7) + rotl64(v[2], 12) + rotl64(v[3], 18);
        for (int i = 0; i < 4; i++) acc = (acc ^ lane64(0, v[i])) * P64_1 + P64_4;
    } else {
        acc = seed + P64_5;
    }
    acc += (uint64_t) n;
    for (; end - p >= 8; p += 8) acc = rotl64(acc ^ lane64(0, le64(p)), 27) * P64_1 + P64_4;
    if (end - p >= 4) {
        acc = rotl64(acc ^ (uint64_t) le32(p) * P64_1, 23) * P64_2 + P64_3;
        p += 4;
    }
    for (; p < end; p++) acc = rotl64(acc ^ *p * P64_5, 11) * P64_1;
    acc ^= acc >> 33;
    acc *= P64_2;
    acc ^= acc >> 29;
    acc *= P64_3;
    return acc ^ (acc >> 32);
}
