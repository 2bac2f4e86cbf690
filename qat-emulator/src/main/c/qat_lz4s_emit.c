/* The LZ4s token writer (see qat_lz4s.h), with the seeded "no match" tokens of KQAT_EMU_LZ4S_NO_MATCH. */
#include <string.h>

#include "qat_config.h"
#include "qat_lz4s.h"

/* Extension bytes after a nibble of 15: (v - 15) / 255 + 1 of them, the last below 255. */
static uint64_t extension_size(uint64_t v) {
    return v < 15 ? 0 : (v - 15) / 255 + 1;
}

static uint8_t *put_extension(uint8_t *o, uint64_t v) {
    if (v < 15) return o;
    for (v -= 15; v >= 255; v -= 255) *o++ = 255;
    *o++ = (uint8_t) v;
    return o;
}

size_t lz4s_put_token(uint8_t *out, size_t cap, const uint8_t *literals, uint64_t nlit, int has_offset,
                      uint16_t offset, uint64_t value) {
    uint64_t size = 1 + extension_size(nlit) + nlit + (has_offset ? 2 + extension_size(value) : 0);
    if (size > cap) return 0;
    uint8_t *o = out;
    *o++ = (uint8_t) ((nlit < 15 ? nlit : 15) << 4 | (has_offset ? (value < 15 ? value : 15) : 0));
    o = put_extension(o, nlit);
    memcpy(o, literals, nlit);
    o += nlit;
    if (has_offset) {
        *o++ = (uint8_t) (offset & 0xff);
        *o++ = (uint8_t) (offset >> 8);
        o = put_extension(o, value);
    }
    return (size_t) (o - out);
}

uint64_t lz4s_plain_size(const struct lz4s_parse *p, unsigned min_match) {
    uint64_t size = 1 + extension_size(p->trailing) + p->trailing;
    for (size_t i = 0; i < p->count; i++) {
        const struct lz4s_sequence *s = &p->seq[i];
        uint64_t value = s->match >= min_match ? s->match - (min_match - 1) : 0;
        size += 3 + extension_size(s->literals) + s->literals + extension_size(value);
    }
    return size;
}

static uint64_t next_random(uint64_t *state) {
    uint64_t x = (*state += 0x9e3779b97f4a7c15ULL);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* Where a run of nlit literals is cut for "no match" tokens: up to 3 cuts (0 with mode never), each piece before the
 * last carrying at least one literal; the last piece (possibly empty) goes with the run's own token. */
static int plan_cuts(const struct lz4s_tokens *t, uint64_t *rng, uint64_t nlit, uint64_t cuts[3]) {
    if (t->mode == LZ4S_NO_MATCH_NEVER || nlit == 0) return 0;
    uint64_t draw = next_random(rng);
    int wanted = t->mode == LZ4S_NO_MATCH_OFTEN ? (draw % 4 == 0 ? 0 : 1 + (int) ((draw >> 8) % 3))
                                                : (draw % 8 == 0 ? 1 : 0);
    int n = 0;
    uint64_t at = 0;
    while (n < wanted && at < nlit) {
        at += 1 + next_random(rng) % (nlit - at);
        cuts[n++] = at;
    }
    return n;
}

/* Extra bytes the cuts cost over the run written whole. */
static uint64_t cuts_cost(uint64_t nlit, const uint64_t *cuts, int n) {
    uint64_t extra = 0, from = 0;
    for (int i = 0; i < n; i++) {
        extra += 3 + extension_size(cuts[i] - from);
        from = cuts[i];
    }
    return n == 0 ? 0 : extra + extension_size(nlit - from) - extension_size(nlit);
}

/* A run of literals and the token that ends it (a match, or the end); the run cut first when the plan says so and
 * the budget allows. Returns the bytes written, 0 when out of room. */
static size_t put_run(uint8_t *out, size_t cap, const uint8_t *lits, uint64_t nlit, int has_offset, uint16_t offset,
                      uint64_t value, const struct lz4s_tokens *t, uint64_t *rng, uint64_t *spare, uint64_t *tokens) {
    uint64_t cuts[3];
    int n = plan_cuts(t, rng, nlit, cuts);
    uint64_t extra = cuts_cost(nlit, cuts, n);
    if (extra > *spare) n = 0;
    else *spare -= extra;
    size_t at = 0;
    uint64_t from = 0;
    for (int i = 0; i < n; i++) {
        uint16_t junk = (uint16_t) next_random(rng); /* a "no match" token's offset field means nothing */
        size_t w = lz4s_put_token(out + at, cap - at, lits + from, cuts[i] - from, 1, junk, 0);
        if (w == 0) return 0;
        at += w;
        from = cuts[i];
        (*tokens)++;
    }
    size_t w = lz4s_put_token(out + at, cap - at, lits + from, nlit - from, has_offset, offset, value);
    return w == 0 ? 0 : at + w;
}

size_t lz4s_emit(const struct lz4s_parse *p, const uint8_t *in, unsigned min_match, uint32_t window,
                 const struct lz4s_tokens *t, uint8_t *out, size_t cap, uint64_t *no_match_tokens) {
    uint64_t plain = lz4s_plain_size(p, min_match);
    uint64_t spare = t->budget > plain ? t->budget - plain : 0;
    uint64_t rng = t->seed, tokens = 0, pos = 0;
    size_t at = 0;
    for (size_t i = 0; i < p->count; i++) {
        const struct lz4s_sequence *s = &p->seq[i];
        uint64_t start = pos + s->literals; /* where the match starts */
        if (s->match < min_match || s->offset == 0 || s->offset > window || s->offset > start) return 0;
        size_t w = put_run(out + at, cap - at, in + pos, s->literals, 1, (uint16_t) s->offset,
                           s->match - (min_match - 1), t, &rng, &spare, &tokens);
        if (w == 0) return 0;
        at += w;
        pos = start + s->match;
    }
    size_t w = put_run(out + at, cap - at, in + pos, p->trailing, 0, 0, 0, t, &rng, &spare, &tokens);
    if (w == 0) return 0;
    *no_match_tokens = tokens;
    return at + w;
}
