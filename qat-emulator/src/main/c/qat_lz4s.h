/*
 * The emulated device's LZ4s encoder (CONFORMANCE.md, rules 22-22g): a match finder over the request's own bytes
 * (no history across requests, offsets within the generation's window, matches of at least minMatch bytes, up to the
 * very end of the input), then a token writer that follows LZ4s's rules: the literal-length nibble and the match
 * nibble, nibble 15 extended by bytes that add 0-255 (255: another byte follows), the 2-byte little-endian offset,
 * the match value = length - (minMatch - 1) with value 0 meaning "no match" (its offset field written and meaningless,
 * its literals carried to the next token), and a final literal-only token (no offset) that ends the stream.
 * Pure functions: the device calls them (qat_lz4s_request.c), test_lz4s calls them directly.
 */
#ifndef KQAT_QAT_LZ4S_H
#define KQAT_QAT_LZ4S_H

#include <stddef.h>
#include <stdint.h>

#pragma GCC visibility push(hidden)

#define LZ4S_HASH_BITS 16
#define LZ4S_CHAIN 65536 /* positions remembered: a power of two above the largest window (65535) */

/* A match and the literals before it. */
struct lz4s_sequence {
    uint32_t literals, match, offset;
};

/* What the match finder found: sequences, then the literals after the last match. */
struct lz4s_parse {
    struct lz4s_sequence *seq;
    size_t count, cap;
    uint64_t trailing;
};

/* The match finder's memory (one per device thread): hash heads and chains. */
struct lz4s_matcher {
    int32_t head[1 << LZ4S_HASH_BITS];
    int32_t prev[LZ4S_CHAIN];
};

/* Candidates looked at per position for a compression level (qatlib's search depths: L1-5, L6-8, L9-12). */
unsigned lz4s_depth(unsigned level);

/* Finds the sequences of in[0..n): matches of min_match (3 or 4) bytes or more at offsets 1..window. 0 when out of
 * memory. */
int lz4s_parse(const uint8_t *in, uint64_t n, unsigned min_match, uint32_t window, unsigned depth,
               struct lz4s_matcher *m, struct lz4s_parse *out);
void lz4s_parse_free(struct lz4s_parse *p);

/* How the writer draws its "no match" tokens: a mode (LZ4S_NO_MATCH_*, qat_config.h), a seed, and a budget: the
 * stream never grows beyond it for their sake (the generation's bound, so a bound-sized destination always holds it). */
struct lz4s_tokens {
    int mode;
    uint64_t seed;
    uint64_t budget;
};

/* One token: literals, then (has_offset) the offset field and the match value's extension bytes. 0 when it does not
 * fit in cap. A real match has value >= 1; value 0 with has_offset is a "no match" token; a final token has neither. */
size_t lz4s_put_token(uint8_t *out, size_t cap, const uint8_t *literals, uint64_t nlit, int has_offset,
                      uint16_t offset, uint64_t value);
/* The stream of p without "no match" tokens: its size. */
uint64_t lz4s_plain_size(const struct lz4s_parse *p, unsigned min_match);
/* Writes the stream of p over in. Returns its length (at least 1: the final token), or 0 when cap is too small or a
 * sequence breaks a rule (a match shorter than min_match, an offset of 0, beyond the window or before the start).
 * *no_match_tokens counts the "no match" tokens written. */
size_t lz4s_emit(const struct lz4s_parse *p, const uint8_t *in, unsigned min_match, uint32_t window,
                 const struct lz4s_tokens *t, uint8_t *out, size_t cap, uint64_t *no_match_tokens);

#pragma GCC visibility pop

#endif
