/* The LZ4s match finder (see qat_lz4s.h): hash chains over the request's bytes, greedy, one step lazy when deeper. */
#include <stdlib.h>
#include <string.h>

#include "qat_lz4s.h"

unsigned lz4s_depth(unsigned level) {
    return level <= 5 ? 4 : level <= 8 ? 16 : 48; /* dc_session.c: depth 1, 6, 9 and the deepest (9 on Gen4 and Gen6) */
}

static uint32_t hash_at(const uint8_t *p, unsigned min_match) {
    uint32_t v = (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16;
    if (min_match == 4) v |= (uint32_t) p[3] << 24;
    return (v * 2654435761u) >> (32 - LZ4S_HASH_BITS);
}

static void insert(struct lz4s_matcher *m, const uint8_t *in, uint64_t n, uint64_t pos, unsigned min_match) {
    if (pos + min_match > n) return;
    uint32_t h = hash_at(in + pos, min_match);
    m->prev[pos & (LZ4S_CHAIN - 1)] = m->head[h];
    m->head[h] = (int32_t) pos;
}

/* The longest match at pos among depth candidates, offset 1..window; 0 when none reaches min_match. */
static uint64_t longest(const struct lz4s_matcher *m, const uint8_t *in, uint64_t n, uint64_t pos, unsigned min_match,
                        uint32_t window, unsigned depth, uint32_t *offset) {
    if (pos + min_match > n) return 0;
    uint64_t best = 0, room = n - pos;
    int64_t cand = m->head[hash_at(in + pos, min_match)];
    for (unsigned steps = 0; cand >= 0 && (uint64_t) cand < pos && steps < depth; steps++) {
        uint64_t dist = pos - (uint64_t) cand;
        if (dist > window) break;
        uint64_t len = 0;
        while (len < room && in[cand + len] == in[pos + len]) len++;
        if (len >= min_match && len > best) {
            best = len;
            *offset = (uint32_t) dist;
            if (len == room) break;
        }
        int64_t next = m->prev[cand & (LZ4S_CHAIN - 1)];
        if (next >= cand) break; /* a slot reused by a newer position: the chain ends here */
        cand = next;
    }
    return best;
}

static int add(struct lz4s_parse *p, uint64_t literals, uint64_t match, uint32_t offset) {
    if (p->count == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 1024;
        struct lz4s_sequence *seq = realloc(p->seq, cap * sizeof *seq);
        if (seq == NULL) return 0;
        p->seq = seq;
        p->cap = cap;
    }
    p->seq[p->count++] = (struct lz4s_sequence) {(uint32_t) literals, (uint32_t) match, offset};
    return 1;
}

int lz4s_parse(const uint8_t *in, uint64_t n, unsigned min_match, uint32_t window, unsigned depth,
               struct lz4s_matcher *m, struct lz4s_parse *out) {
    memset(m->head, 0xff, sizeof m->head);
    out->count = 0;
    out->trailing = 0;
    uint64_t pos = 0, anchor = 0;
    while (pos < n) {
        uint32_t offset = 0;
        uint64_t len = longest(m, in, n, pos, min_match, window, depth, &offset);
        if (len > 0 && depth >= 16 && pos + 1 < n) { /* lazy: a longer match one byte on wins */
            uint32_t offset_next = 0;
            insert(m, in, n, pos, min_match);
            uint64_t next = longest(m, in, n, pos + 1, min_match, window, depth, &offset_next);
            if (next > len + 1) {
                pos++;
                len = next;
                offset = offset_next;
            } else {
                m->head[hash_at(in + pos, min_match)] = m->prev[pos & (LZ4S_CHAIN - 1)]; /* undo */
            }
        }
        if (len == 0) {
            insert(m, in, n, pos, min_match);
            pos++;
            continue;
        }
        if (!add(out, pos - anchor, len, offset)) return 0;
        for (uint64_t end = pos + len; pos < end; pos++) insert(m, in, n, pos, min_match);
        anchor = pos;
    }
    out->trailing = n - anchor;
    return 1;
}

void lz4s_parse_free(struct lz4s_parse *p) {
    free(p->seq);
    memset(p, 0, sizeof *p);
}
