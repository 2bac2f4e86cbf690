/* Rules 22-22g: the LZ4s the emulated device writes, at each rule's boundary, with the encoder called directly; and
 * the tests' own decoder, which must reject every malformed stream (rule 22h). xxHash against known values (rule 21b). */
#include "emu_test.h"

#include <stdlib.h>
#include <string.h>

#include "lz4s_decoder.h"
#include "qat_config.h"
#include "qat_lz4s.h"
#include "qat_xxhash.h"

static struct lz4s_matcher matcher;

/* Parses and writes in[0..n), then decodes it back: the stream must be valid and give in again. */
static size_t encode(const uint8_t *in, size_t n, unsigned min_match, uint32_t window, unsigned depth, int mode,
                     uint64_t seed, uint64_t budget, uint8_t *out, size_t cap, struct lz4s_stats *st) {
    struct lz4s_parse p = {0};
    CHECK(lz4s_parse(in, n, min_match, window, depth, &matcher, &p), "parse");
    struct lz4s_tokens t = {mode, seed, budget};
    uint64_t no_match = 0;
    size_t len = lz4s_emit(&p, in, min_match, window, &t, out, cap, &no_match);
    CHECK(len > 0, "emit %zu bytes", n);
    uint8_t *back = malloc(n + 1);
    enum lz4s_error e = lz4s_decode(out, len, min_match, window, back, n, st);
    CHECK(e == LZ4S_OK, "decode of %zu bytes (min %u, window %u): %s", n, min_match, window, lz4s_error_name(e));
    CHECK(memcmp(back, in, n) == 0, "round trip of %zu bytes", n);
    CHECK_EQ(st->no_match_tokens, no_match, "no-match tokens counted by the writer and the decoder");
    free(back);
    lz4s_parse_free(&p);
    return len;
}

/* Rule 21b: the checksums' known values (checked against libxxhash when written). */
static void xxhash_known_values(void) {
    const uint8_t *abc = (const uint8_t *) "abc", *q = (const uint8_t *) "Nobody inspects the spammish repetition";
    CHECK_EQ(xxhash32(abc, 0, 0), 0x02CC5D05u, "xxHash32 of nothing");
    CHECK_EQ(xxhash32(abc, 3, 0), 0x32D153FFu, "xxHash32 of abc");
    CHECK_EQ(xxhash32(q, 39, 0), 0xE2293B2Fu, "xxHash32, 39 bytes");
    CHECK(xxhash64(abc, 0, 0) == 0xEF46DB3751D8E999ULL, "xxHash64 of nothing");
    CHECK(xxhash64(abc, 3, 0) == 0x44BC2CF5AD770999ULL, "xxHash64 of abc");
    CHECK(xxhash64(q, 39, 0) == 0xFBCEA83C8A378BF1ULL, "xxHash64, 39 bytes");
}

/* Rule 22a: nibble 15 and its extension bytes at every boundary, for literal counts and match values. */
static void nibbles_and_extensions(void) {
    static const uint64_t counts[] = {0, 1, 14, 15, 16, 269, 270, 271, 524, 525, 1000};
    static uint8_t lits[1100], out[1300];
    memset(lits, 'x', sizeof lits);
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        uint64_t c = counts[i], ext = c < 15 ? 0 : (c - 15) / 255 + 1;
        size_t w = lz4s_put_token(out, sizeof out, lits, c, 0, 0, 0); /* a final token */
        CHECK_EQ(w, 1 + ext + c, "final token size");
        CHECK_EQ(out[0] >> 4, c < 15 ? c : 15, "literal nibble");
        for (uint64_t k = 0; k + 1 < ext; k++) CHECK_EQ(out[1 + k], 255, "extension byte 255");
        if (ext > 0) CHECK_EQ(out[ext], (c - 15) % 255, "last extension byte");
        if (c == 0) continue;
        w = lz4s_put_token(out, sizeof out, lits, 3, 1, 0x1234, c); /* match value c */
        CHECK_EQ(w, 1 + 3 + 2 + ext, "match token size");
        CHECK_EQ(out[0] & 15, c < 15 ? c : 15, "match nibble");
        CHECK(out[4] == 0x34 && out[5] == 0x12, "offset little-endian");
        if (ext > 0) CHECK_EQ(out[5 + ext], (c - 15) % 255, "last match extension byte");
    }
    CHECK_EQ(lz4s_put_token(out, 16, lits, 16, 0, 0, 0), 0, "no room: nothing written");
}

/* Rule 22b: match value = length - (minMatch - 1); the shortest match is value 1; shorter ones are never written. */
static void match_length_bias(void) {
    static const uint8_t in[] = "abcdXabcdYabcZ";
    for (unsigned min = 3; min <= 4; min++) {
        struct lz4s_sequence seq = {5, min, 5};
        struct lz4s_parse p = {&seq, 1, 1, 14 - 5 - min};
        struct lz4s_tokens t = {LZ4S_NO_MATCH_NEVER, 1, 1000};
        uint8_t out[64], back[14];
        uint64_t nm = 0;
        size_t len = lz4s_emit(&p, in, min, 32768, &t, out, sizeof out, &nm);
        CHECK(len > 0, "emit");
        CHECK_EQ(out[0] & 15, 1, "the shortest match is value 1");
        struct lz4s_stats st;
        CHECK_EQ(lz4s_decode(out, len, min, 32768, back, 14, &st), LZ4S_OK, "decode");
        CHECK_EQ(st.min_match, min, "decoded length");
        CHECK(memcmp(back, in, 14) == 0, "round trip");
        seq.match = min - 1;
        p.trailing = 14 - 5 - seq.match;
        CHECK_EQ(lz4s_emit(&p, in, min, 32768, &t, out, sizeof out, &nm), 0, "a match below minMatch is refused");
    }
}

/* Rule 22e: an offset of 0, beyond the window or before the start is never written. */
static void forbidden_offsets_refused(void) {
    static uint8_t in[40000], out[50000];
    memset(in, 'a', sizeof in);
    struct lz4s_tokens t = {LZ4S_NO_MATCH_NEVER, 1, 100000};
    uint64_t nm = 0;
    struct lz4s_sequence seq = {10, 4, 0};
    struct lz4s_parse p = {&seq, 1, 1, 100};
    CHECK_EQ(lz4s_emit(&p, in, 3, 32768, &t, out, sizeof out, &nm), 0, "offset 0");
    seq.offset = 11;
    CHECK_EQ(lz4s_emit(&p, in, 3, 32768, &t, out, sizeof out, &nm), 0, "before the start");
    seq = (struct lz4s_sequence) {32769, 4, 32769};
    CHECK_EQ(lz4s_emit(&p, in, 3, 32768, &t, out, sizeof out, &nm), 0, "beyond the window");
    seq.offset = 32768;
    CHECK(lz4s_emit(&p, in, 3, 32768, &t, out, sizeof out, &nm) > 0, "at the window");
}

/* Rules 22c, 22d: a literal-only final token always ends the stream, even with no literal left (a match up to the
 * end); matches may overlap what they copy. */
static void final_token_and_overlap(void) {
    static uint8_t in[4096], out[8192];
    struct lz4s_stats st;
    size_t len = encode(in, 0, 3, 32768, 4, LZ4S_NO_MATCH_NEVER, 1, 1024, out, sizeof out, &st);
    CHECK(len == 1 && out[0] == 0, "empty input: one empty final token");
    for (size_t i = 0; i < sizeof in; i++) in[i] = "abc"[i % 3];
    len = encode(in, sizeof in, 3, 32768, 4, LZ4S_NO_MATCH_NEVER, 1, 8192, out, sizeof out, &st);
    CHECK_EQ(out[len - 1], 0, "the last match reaches the end: an empty final token");
    CHECK_EQ(st.final_literals, 0, "no trailing literal");
    CHECK(st.overlapping_matches > 0 && st.match_extensions > 0, "a long overlapping match");
    fill_random(in, 100, 3);
    encode(in, 100, 3, 32768, 4, LZ4S_NO_MATCH_NEVER, 1, 2000, out, sizeof out, &st);
    CHECK_EQ(st.final_literals, 100, "incompressible: all in the final token");
    CHECK_EQ(st.tokens, 1, "one token");
}

/* Rule 22f: with minMatch 4 no 3-byte match; with 3, 3-byte matches occur. */
static void min_match_three_and_four(void) {
    static uint8_t in[200000], out[300000];
    struct lz4s_stats st;
    fill_text(in, sizeof in, 7);
    for (size_t i = 0; i < sizeof in; i += 97) in[i] = (uint8_t) (i * 31); /* break runs: short matches appear */
    encode(in, sizeof in, 4, 32768, 16, LZ4S_NO_MATCH_NEVER, 1, 300000, out, sizeof out, &st);
    CHECK(st.min_match >= 4 && st.matches_at_min > 0, "minMatch 4: shortest %llu", (unsigned long long) st.min_match);
    encode(in, sizeof in, 3, 32768, 16, LZ4S_NO_MATCH_NEVER, 1, 300000, out, sizeof out, &st);
    CHECK(st.min_match == 3 && st.matches_at_min > 0, "minMatch 3: shortest %llu", (unsigned long long) st.min_match);
}

/* Rule 22e: a block repeated exactly window bytes later is matched at offset window, one byte further it is not. */
static void window_boundaries(void) {
    static uint8_t in[140000], out[200000];
    static const uint32_t windows[] = {32768, 65535};
    struct lz4s_stats st;
    for (int w = 0; w < 2; w++) {
        for (uint32_t extra = 0; extra <= 1; extra++) {
            uint32_t gap = windows[w] + extra;
            fill_random(in, gap + 64, 11 + extra);
            memcpy(in + gap, in, 64);
            encode(in, gap + 64, 3, windows[w], 48, LZ4S_NO_MATCH_NEVER, 1, 200000, out, sizeof out, &st);
            CHECK(st.max_offset <= windows[w], "offsets within the window");
            CHECK_EQ(st.offsets_at_window > 0, extra == 0, "a match at exactly the window's distance");
        }
    }
}

/* Rule 22g: "no match" tokens, by mode and seed: never none; sometimes some; often many, with long runs, carried
 * into tokens without literals of their own and into the final token. Same seed, same stream. */
static void no_match_tokens_by_mode(void) {
    static uint8_t in[300000], out[400000], again[400000];
    fill_text(in, sizeof in, 5);
    for (size_t at = 0; at + 300 < sizeof in; at += 4096) fill_random(in + at, 1 + at % 300, (uint32_t) at); /* runs */
    struct lz4s_stats never, some, often, same;
    uint64_t budget = sizeof in + 2000;
    encode(in, sizeof in, 3, 32768, 4, LZ4S_NO_MATCH_NEVER, 9, budget, out, sizeof out, &never);
    encode(in, sizeof in, 3, 32768, 4, LZ4S_NO_MATCH_SOMETIMES, 9, budget, out, sizeof out, &some);
    size_t len = encode(in, sizeof in, 3, 32768, 4, LZ4S_NO_MATCH_OFTEN, 9, budget, out, sizeof out, &often);
    CHECK_EQ(never.no_match_tokens, 0, "never");
    CHECK(some.no_match_tokens > 0 && some.no_match_tokens < often.no_match_tokens, "sometimes %llu, often %llu",
          (unsigned long long) some.no_match_tokens, (unsigned long long) often.no_match_tokens);
    CHECK(often.long_no_match_runs > 0 && often.carried_into_empty_run > 0, "long carried runs %llu, into empty ones %llu",
          (unsigned long long) often.long_no_match_runs, (unsigned long long) often.carried_into_empty_run);
    size_t len2 = encode(in, sizeof in, 3, 32768, 4, LZ4S_NO_MATCH_OFTEN, 9, budget, again, sizeof again, &same);
    CHECK(len == len2 && memcmp(out, again, len) == 0, "same seed, same stream");
    encode(in, sizeof in, 3, 32768, 4, LZ4S_NO_MATCH_OFTEN, 10, budget, again, sizeof again, &same);
    CHECK(same.no_match_tokens != often.no_match_tokens || memcmp(out, again, len) != 0, "another seed, another one");
    /* Carried into the final token: random input is all trailing literals. */
    int into_final = 0;
    for (uint64_t seed = 1; seed < 20 && !into_final; seed++) {
        fill_random(in, 500, (uint32_t) seed);
        encode(in, 500, 3, 32768, 4, LZ4S_NO_MATCH_OFTEN, seed, 2000, out, sizeof out, &same);
        into_final = same.no_match_tokens > 0 && same.final_literals == 500;
    }
    CHECK(into_final, "literals carried into the final token");
}

/* The stream never outgrows its budget (the bound) for the sake of "no match" tokens. */
static void budget_is_kept(void) {
    static uint8_t in[70000], out[80000];
    struct lz4s_stats st;
    for (uint32_t n = 1; n < sizeof in; n = n * 3 + 7) {
        fill_random(in, n, n);
        uint64_t budget = n + (n + 17) / 18 + 1; /* Gen6's tight bound */
        size_t len = encode(in, n, 3, 65535, 4, LZ4S_NO_MATCH_OFTEN, n, budget, out, sizeof out, &st);
        CHECK(len <= budget, "%zu bytes over a budget of %llu", len, (unsigned long long) budget);
    }
}

/* Every output round-trips: sizes, data, minMatch, windows, depths, modes. */
static void round_trips(void) {
    static uint8_t in[1 << 20], out[(1 << 20) + 8192];
    struct lz4s_stats st;
    static const size_t sizes[] = {1, 2, 3, 4, 5, 15, 16, 300, 4096, 65536, 65537, 1 << 20};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        for (int kind = 0; kind < 3; kind++) {
            if (kind == 0) fill_text(in, sizes[i], (uint32_t) i);
            else if (kind == 1) fill_random(in, sizes[i], (uint32_t) i);
            else memset(in, 0, sizes[i]);
            unsigned min = 3 + (unsigned) ((i + kind) % 2);
            uint32_t window = (i + kind) % 3 == 0 ? 65535 : 32768;
            encode(in, sizes[i], min, window, lz4s_depth(1 + (unsigned) (i * 5 % 12)), (int) (i % 3), i, sizes[i] + 8000,
                   out, sizeof out, &st);
        }
    }
}

static const uint8_t *bytes(const char *s) {
    return (const uint8_t *) s;
}

/* Rule 22h: the decoder rejects every malformed stream. */
static void decoder_rejects_malformed(void) {
    uint8_t out[64];
    struct lz4s_stats st;
    static const struct {
        const char *stream;
        size_t len, expected;
        enum lz4s_error want;
    } cases[] = {
        {"", 0, 0, LZ4S_NO_FINAL_TOKEN},
        {"\x11" "a\x01\x00", 4, 4, LZ4S_NO_FINAL_TOKEN}, /* ends right after a match */
        {"\xf0\xff", 2, 300, LZ4S_TRUNCATED_LITERAL_LENGTH},
        {"\x30" "ab", 3, 3, LZ4S_TRUNCATED_LITERALS},
        {"\x10" "a\x01", 3, 4, LZ4S_TRUNCATED_OFFSET},
        {"\x1f" "a\x01\x00\xff", 5, 300, LZ4S_TRUNCATED_MATCH_LENGTH},
        {"\x11" "a\x00\x00\x00", 5, 4, LZ4S_ZERO_OFFSET},
        {"\x11" "a\x02\x00\x00", 5, 4, LZ4S_OFFSET_BEFORE_START},
        {"\x11" "a\x01\x00\x00", 5, 3, LZ4S_OUTPUT_OVERRUN},
        {"\x11" "a", 2, 1, LZ4S_FINAL_TOKEN_WITH_MATCH},
        {"\x00\x00\x00\x00", 4, 0, LZ4S_EMPTY_NO_MATCH},
        {"\x20" "ab", 3, 3, LZ4S_SIZE_MISMATCH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum lz4s_error e = lz4s_decode(bytes(cases[i].stream), cases[i].len, 3, 32768, out, cases[i].expected, &st);
        CHECK(e == cases[i].want, "case %zu: %s, want %s", i, lz4s_error_name(e), lz4s_error_name(cases[i].want));
    }
    static uint8_t far[40000], back[40000];
    size_t at = 0; /* 32769 literals, then a match 32769 back: beyond a 32 KiB window */
    far[at++] = 0xf1;
    for (uint32_t rest = 32769 - 15; ; rest -= 255) {
        far[at++] = (uint8_t) (rest >= 255 ? 255 : rest);
        if (rest < 255) break;
    }
    at += 32769;
    far[at++] = 0x01;
    far[at++] = 0x80;
    far[at++] = 0x00; /* the final token */
    CHECK_EQ(lz4s_decode(far, at, 3, 32768, back, 32772, &st), LZ4S_OFFSET_BEYOND_WINDOW, "offset 32769");
    CHECK_EQ(lz4s_decode(far, at, 3, 65535, back, 32772, &st), LZ4S_OK, "within a 64 KiB window");
}

int main(int argc, char **argv) {
    static const struct test_case cases[] = {
        {"xxhash_known_values", xxhash_known_values, NULL},
        {"nibbles_and_extensions", nibbles_and_extensions, NULL},
        {"match_length_bias", match_length_bias, NULL},
        {"forbidden_offsets_refused", forbidden_offsets_refused, NULL},
        {"final_token_and_overlap", final_token_and_overlap, NULL},
        {"min_match_three_and_four", min_match_three_and_four, NULL},
        {"window_boundaries", window_boundaries, NULL},
        {"no_match_tokens_by_mode", no_match_tokens_by_mode, NULL},
        {"budget_is_kept", budget_is_kept, NULL},
        {"round_trips", round_trips, NULL},
        {"decoder_rejects_malformed", decoder_rejects_malformed, NULL},
    };
    return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
