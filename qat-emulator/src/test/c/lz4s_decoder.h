/*
 * A strict LZ4s decoder for the emulator's tests, written from the format as QAT-ZSTD.md §2 describes it (not from
 * any parser's code): it rebuilds the input from the emulator's LZ4s stream and rejects any stream that breaks a rule
 * (see enum lz4s_error), and counts what the stream exercised, so tests can say that every rule was met.
 */
#ifndef KQAT_LZ4S_DECODER_H
#define KQAT_LZ4S_DECODER_H

#include <stddef.h>
#include <stdint.h>

enum lz4s_error {
    LZ4S_OK = 0,
    LZ4S_TRUNCATED_LITERAL_LENGTH, /* a literal-length extension runs past the end */
    LZ4S_TRUNCATED_LITERALS,       /* the literals run past the end */
    LZ4S_TRUNCATED_OFFSET,         /* fewer than 2 bytes for the offset after a token that is not the last */
    LZ4S_TRUNCATED_MATCH_LENGTH,   /* a match-value extension runs past the end */
    LZ4S_ZERO_OFFSET,              /* a real match (value >= 1) with offset 0 */
    LZ4S_OFFSET_BEYOND_WINDOW,     /* an offset above the generation's window */
    LZ4S_OFFSET_BEFORE_START,      /* an offset reaching before the first byte (no history across requests) */
    LZ4S_OUTPUT_OVERRUN,           /* more output than expected */
    LZ4S_NO_FINAL_TOKEN,           /* the stream does not end with a literal-only token */
    LZ4S_FINAL_TOKEN_WITH_MATCH,   /* the last token's match nibble is not 0 */
    LZ4S_EMPTY_NO_MATCH,           /* a "no match" token without literals (the emulator never writes one) */
    LZ4S_SIZE_MISMATCH,            /* less output than expected */
};

/* What a stream exercised. */
struct lz4s_stats {
    uint64_t tokens, matches, no_match_tokens, carried_literals, final_literals;
    uint64_t literal_extensions, match_extensions, long_no_match_runs; /* nibble 15 used; no-match runs >= 15 */
    uint64_t matches_at_min, overlapping_matches, offsets_at_window, carried_into_empty_run;
    uint64_t min_match, max_match, max_offset, max_literal_run;
};

/* Decodes in[0..n) (min_match 3 or 4, offsets up to window) into out, expecting exactly expected bytes. */
enum lz4s_error lz4s_decode(const uint8_t *in, size_t n, unsigned min_match, uint32_t window, uint8_t *out,
                            size_t expected, struct lz4s_stats *st);
const char *lz4s_error_name(enum lz4s_error e);

#endif
