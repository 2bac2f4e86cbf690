package io.kqat.testkit.lz4s;

import java.io.ByteArrayOutputStream;

/**
 * Writes LZ4s streams token by token, as QAT-ZSTD.md §2 describes the format: hand-made streams for each rule, and the
 * encoder's output. A token byte holds the literal count (high nibble) and the match value (low nibble, the match
 * length minus {@code minMatch - 1}; 0 for "no match"); a nibble of 15 is followed by extension bytes (255 means
 * another follows); then the literals, a 2-byte little-endian offset, and the match value's extension bytes. The
 * stream ends with a literal-only token.
 */
public final class Lz4sTokens {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int minMatch;

    public Lz4sTokens(int minMatch) {
        this.minMatch = minMatch;
    }

    /** A token: {@code literals}, then a match of {@code length} bytes (at least {@code minMatch}) {@code offset} back. */
    public Lz4sTokens match(byte[] literals, int offset, int length) {
        if (length < minMatch) {
            throw new IllegalArgumentException("a match of " + length + " with minimum " + minMatch);
        }
        return token(literals, offset, length - (minMatch - 1));
    }

    /** A "no match" token: its literals join the next sequence's; its offset field holds {@code offsetField}. */
    public Lz4sTokens noMatch(byte[] literals, int offsetField) {
        return token(literals, offsetField, 0);
    }

    /** The final, literal-only token: the stream ends with its literals. */
    public Lz4sTokens last(byte[] literals) {
        out.write(Math.min(literals.length, 15) << 4);
        extension(literals.length);
        out.write(literals, 0, literals.length);
        return this;
    }

    /** A token with any match value (0-15 and beyond), for streams that break the rules. */
    public Lz4sTokens token(byte[] literals, int offsetField, long matchValue) {
        out.write(Math.min(literals.length, 15) << 4 | (int) Math.min(matchValue, 15));
        extension(literals.length);
        out.write(literals, 0, literals.length);
        out.write(offsetField & 0xFF);
        out.write(offsetField >>> 8 & 0xFF);
        extension(matchValue);
        return this;
    }

    /** Bytes as given, for streams that break the rules. */
    public Lz4sTokens raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public int size() {
        return out.size();
    }

    private void extension(long value) {
        if (value < 15) {
            return;
        }
        long n = value - 15;
        for (; n >= 255; n -= 255) {
            out.write(255);
        }
        out.write((int) n);
    }
}
