package io.kqat.codec.zstd.lz4s;

import io.kqat.codec.zstd.spi.Sequences;
import java.nio.ByteBuffer;

/**
 * Turns one QAT LZ4s stream (the output of one stateless request) into zstd sequences with explicit block
 * delimiters, as {@code ZSTD_compressSequences} takes them. Pure Java over any buffer (the device's output sits in
 * mapped memory), reading each byte once; it allocates nothing, and writes only into the caller's fixed-size
 * {@link Sequences}.
 *
 * <p>The format, as Intel's two parsers read it (QAT-ZSTD.md §2): a token byte holds the literal count (high nibble)
 * and the match value (low nibble); a nibble of 15 is followed by extension bytes, each adding 0-255, a 255 meaning
 * another follows. The literals come next, then a 2-byte little-endian offset, then the match value's extension bytes.
 * The match length is the value plus {@code minMatch - 1}; a value of 0 means "no match": the offset field is there but
 * means nothing, and the literals join the next sequence's. The stream ends with a literal-only token whose literals
 * end exactly at the end of the stream.
 *
 * <p>Everything is checked before anything reaches libzstd, and any breach is refused ({@link Lz4sFormatException}):
 * a byte missing, a final token with a match value, a match offset of 0, beyond the bytes already produced or beyond
 * the device's window, and any total other than the request's input length. A match may be longer than a zstd block:
 * it is then split at the block's end into parts of at least 3 bytes with the same offset.
 */
public final class Lz4sConverter {
    private static final int NIBBLE_MAX = 15;

    private final int minMatch;
    private final int window;

    /**
     * @param minMatch the session's minimum match, 3 or 4 ({@code CPA_DC_MIN_3_BYTE_MATCH} or {@code _4_})
     * @param window   the device's history in bytes (32 KiB on 4xxx/420xx, 64 KiB on 6xxx): no offset may exceed it
     */
    public Lz4sConverter(int minMatch, int window) {
        if (minMatch != 3 && minMatch != 4) {
            throw new IllegalArgumentException("LZ4s minimum match is 3 or 4, not " + minMatch);
        }
        if (window < 1 || window > 0xFFFF + 1) {
            throw new IllegalArgumentException("window " + window);
        }
        this.minMatch = minMatch;
        this.window = Math.min(window, 0xFFFF);
    }

    /**
     * Converts {@code lz4s}'s bytes from its position to its limit (the position is left unchanged).
     *
     * @param inputLength the request's input length: the stream must describe exactly that many bytes
     * @param out         cleared, then filled; its capacity must be at least {@link Sequences#capacityFor}{@code (inputLength)}
     * @throws Lz4sFormatException when the stream breaks a rule of the format
     */
    public void convert(ByteBuffer lz4s, int inputLength, Sequences out) {
        convert(lz4s, inputLength, out, null);
    }

    /**
     * The same, and when the stream is accepted, what it looked like is added to {@code shape} (if not null): the facts
     * about the device's streams that {@code device-test} reports.
     */
    public void convert(ByteBuffer lz4s, int inputLength, Sequences out, Lz4sShape shape) {
        if (out.capacity() < Sequences.capacityFor(inputLength)) {
            throw new IllegalArgumentException(out + " is too small for " + inputLength + " bytes");
        }
        out.clear();
        Blocks blocks = new Blocks(out);
        int start = lz4s.position();
        int end = lz4s.limit();
        int p = start;
        long produced = 0;
        int noMatches = 0;
        int noMatchOffsetZero = 0;
        int noMatchOffsetMax = 0;
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        int farthest = 0;
        long mostLiterals = 0;
        long lastMatchStart = 0;
        long lastMatchEnd = 0;
        while (true) {
            if (p >= end) {
                throw refuse("the stream ends without a final literal-only token", p, start);
            }
            int token = lz4s.get(p++) & 0xFF;
            long literals = token >>> 4;
            if (literals == NIBBLE_MAX) {
                for (int b = 255; b == 255; ) {
                    if (p >= end) {
                        throw refuse("literal length extension runs past the end", p, start);
                    }
                    b = lz4s.get(p++) & 0xFF;
                    literals += b;
                    if (produced + literals > inputLength) {
                        throw refuse("literals run past the request's " + inputLength + " bytes", p, start);
                    }
                }
            }
            if (literals > end - p) {
                throw refuse(literals + " literals but " + (end - p) + " bytes left", p, start);
            }
            if (produced + literals > inputLength) {
                throw refuse("literals run past the request's " + inputLength + " bytes", p, start);
            }
            p += (int) literals;
            produced += literals;
            mostLiterals = Math.max(mostLiterals, literals);
            blocks.literals((int) literals);
            if (p == end) {
                if ((token & NIBBLE_MAX) != 0) {
                    throw refuse("the final token has a match value", p, start);
                }
                if (produced != inputLength) {
                    throw refuse("the stream describes " + produced + " bytes, the request had " + inputLength, p, start);
                }
                blocks.finish();
                if (shape != null) {
                    shape.add(inputLength, noMatches, noMatchOffsetZero, noMatchOffsetMax,
                            shortest, longest, farthest, mostLiterals, lastMatchStart, inputLength - lastMatchEnd);
                }
                return;
            }
            if (end - p < 2) {
                throw refuse("the offset field is cut short", p, start);
            }
            int offset = (lz4s.get(p) & 0xFF) | (lz4s.get(p + 1) & 0xFF) << 8;
            p += 2;
            long value = token & NIBBLE_MAX;
            if (value == NIBBLE_MAX) {
                for (int b = 255; b == 255; ) {
                    if (p >= end) {
                        throw refuse("match length extension runs past the end", p, start);
                    }
                    b = lz4s.get(p++) & 0xFF;
                    value += b;
                    if (produced + value > inputLength) {
                        throw refuse("a match runs past the request's " + inputLength + " bytes", p, start);
                    }
                }
            }
            if (value == 0) {
                noMatches++;
                noMatchOffsetZero += offset == 0 ? 1 : 0;
                noMatchOffsetMax = Math.max(noMatchOffsetMax, offset);
                continue; // "no match": its literals carry over to the next sequence, its offset field means nothing
            }
            long length = value + minMatch - 1;
            if (produced + length > inputLength) {
                throw refuse("a match runs past the request's " + inputLength + " bytes", p, start);
            }
            if (offset == 0) {
                throw refuse("a match with offset 0", p, start);
            }
            if (offset > produced) {
                throw refuse("offset " + offset + " reaches before the request's first byte (at " + produced + ")", p, start);
            }
            if (offset > window) {
                throw refuse("offset " + offset + " is beyond the device's " + window + "-byte window", p, start);
            }
            blocks.match(offset, (int) length);
            shortest = Math.min(shortest, (int) length);
            longest = Math.max(longest, (int) length);
            farthest = Math.max(farthest, offset);
            lastMatchStart = produced;
            produced += length;
            lastMatchEnd = produced;
        }
    }

    private static Lz4sFormatException refuse(String rule, int p, int start) {
        return new Lz4sFormatException(rule, p - start);
    }

    /**
     * Places literals and matches into zstd blocks of at most {@link Sequences#BLOCK_MAX} bytes, each closed by a
     * delimiter carrying its trailing literals. Literals may be split anywhere; a match only into parts of at least 3.
     */
    private static final class Blocks {
        private static final int MIN_PART = 3;
        private final Sequences out;
        private int fill;
        private int pending;

        Blocks(Sequences out) {
            this.out = out;
        }

        void literals(int n) {
            pending += n;
            while (fill + pending > Sequences.BLOCK_MAX) {
                int part = Sequences.BLOCK_MAX - fill;
                out.delimiter(part);
                pending -= part;
                fill = 0;
            }
        }

        void match(int offset, int length) {
            int left = length;
            while (left > 0) {
                int room = Sequences.BLOCK_MAX - fill - pending;
                int take = left <= room ? left : Math.min(room, left - MIN_PART);
                if (take < MIN_PART) {
                    out.delimiter(pending);
                    pending = 0;
                    fill = 0;
                    continue;
                }
                out.match(offset, pending, take);
                fill += pending + take;
                pending = 0;
                left -= take;
            }
        }

        void finish() {
            out.delimiter(pending);
        }
    }
}
