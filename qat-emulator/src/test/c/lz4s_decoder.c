/* The tests' strict LZ4s decoder (see lz4s_decoder.h). */
#include "lz4s_decoder.h"

#include <string.h>

const char *lz4s_error_name(enum lz4s_error e) {
    static const char *const names[] = {"ok", "truncated literal length", "truncated literals", "truncated offset",
        "truncated match length", "zero offset", "offset beyond window", "offset before start", "output overrun",
        "no final token", "final token with match", "empty no-match token", "size mismatch"};
    return (unsigned) e < sizeof names / sizeof names[0] ? names[e] : "?";
}

/* A nibble's value and its extension bytes: 15 means bytes follow, each adding 0-255, 255 meaning one more. */
static int extended(const uint8_t *in, size_t n, size_t *pos, uint64_t *v) {
    if (*v != 15) return 1;
    uint8_t b;
    do {
        if (*pos >= n) return 0;
        b = in[(*pos)++];
        *v += b;
    } while (b == 255);
    return 1;
}

enum lz4s_error lz4s_decode(const uint8_t *in, size_t n, unsigned min_match, uint32_t window, uint8_t *out,
                            size_t expected, struct lz4s_stats *st) {
    memset(st, 0, sizeof *st);
    st->min_match = UINT64_MAX;
    size_t pos = 0, o = 0;
    uint64_t carried = 0;
    for (;;) {
        if (pos >= n) return LZ4S_NO_FINAL_TOKEN; /* also an empty stream */
        uint8_t token = in[pos++];
        st->tokens++;
        uint64_t lit = token >> 4, value = token & 15;
        if (lit == 15) st->literal_extensions++;
        if (!extended(in, n, &pos, &lit)) return LZ4S_TRUNCATED_LITERAL_LENGTH;
        if (lit > n - pos) return LZ4S_TRUNCATED_LITERALS;
        if (lit > expected - o) return LZ4S_OUTPUT_OVERRUN;
        memcpy(out + o, in + pos, lit);
        o += lit;
        pos += lit;
        if (lit + carried > st->max_literal_run) st->max_literal_run = lit + carried;
        if (pos == n) { /* the literals end the stream: the last token, with no offset */
            if (value != 0) return LZ4S_FINAL_TOKEN_WITH_MATCH;
            if (carried > 0 && lit == 0) st->carried_into_empty_run++;
            st->final_literals = lit + carried;
            break;
        }
        if (n - pos < 2) return LZ4S_TRUNCATED_OFFSET;
        uint32_t offset = (uint32_t) in[pos] | (uint32_t) in[pos + 1] << 8;
        pos += 2;
        if (value == 15) st->match_extensions++;
        if (!extended(in, n, &pos, &value)) return LZ4S_TRUNCATED_MATCH_LENGTH;
        if (value == 0) { /* "no match": the offset field means nothing, the literals go with the next token */
            if (lit == 0) return LZ4S_EMPTY_NO_MATCH;
            st->no_match_tokens++;
            st->carried_literals += lit;
            if (lit >= 15) st->long_no_match_runs++;
            carried += lit;
            continue;
        }
        uint64_t len = value + (min_match - 1);
        if (offset == 0) return LZ4S_ZERO_OFFSET;
        if (offset > window) return LZ4S_OFFSET_BEYOND_WINDOW;
        if (offset > o) return LZ4S_OFFSET_BEFORE_START;
        if (len > expected - o) return LZ4S_OUTPUT_OVERRUN;
        for (uint64_t i = 0; i < len; i++, o++) out[o] = out[o - offset]; /* byte by byte: it may overlap */
        if (carried > 0 && lit == 0) st->carried_into_empty_run++;
        carried = 0;
        st->matches++;
        if (len == min_match) st->matches_at_min++;
        if (offset < len) st->overlapping_matches++;
        if (offset == window) st->offsets_at_window++;
        if (len < st->min_match) st->min_match = len;
        if (len > st->max_match) st->max_match = len;
        if (offset > st->max_offset) st->max_offset = offset;
    }
    return o == expected ? LZ4S_OK : LZ4S_SIZE_MISMATCH;
}
