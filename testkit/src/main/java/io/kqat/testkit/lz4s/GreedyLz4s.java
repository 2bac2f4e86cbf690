package io.kqat.testkit.lz4s;

import java.util.Arrays;
import java.util.Random;

/**
 * A small greedy LZ4s encoder, for tests only: a hash of the next {@code minMatch} bytes finds the last earlier
 * position with the same bytes within the window; a match is extended as far as it goes (past 64 KiB, up to the end
 * of the input: the format has no end-of-block rule). With a random source it also cuts literal runs with "no match"
 * tokens (random offset fields) and adds empty ones, so every rule of the format appears in its output.
 */
public final class GreedyLz4s {
    private final int minMatch;
    private final int window;
    private final Random noMatches;

    /**
     * @param noMatches null for none, else the source of where "no match" tokens are put and what their offsets hold
     */
    public GreedyLz4s(int minMatch, int window, Random noMatches) {
        this.minMatch = minMatch;
        this.window = window;
        this.noMatches = noMatches;
    }

    public byte[] encode(byte[] data) {
        Lz4sTokens tokens = new Lz4sTokens(minMatch);
        int[] last = new int[1 << 16];
        Arrays.fill(last, -1);
        int literalStart = 0;
        int i = 0;
        while (i + minMatch <= data.length) {
            int h = hash(data, i);
            int candidate = last[h];
            last[h] = i;
            int length = candidate >= 0 && i - candidate <= window ? common(data, candidate, i) : 0;
            if (length < minMatch) {
                i++;
                if (noMatches != null && noMatches.nextInt(64) == 0) {
                    tokens.noMatch(Arrays.copyOfRange(data, literalStart, i), noMatches.nextInt(1 << 16));
                    literalStart = i;
                }
                continue;
            }
            tokens.match(Arrays.copyOfRange(data, literalStart, i), i - candidate, length);
            for (int j = i + 1; j < i + length && j + minMatch <= data.length; j += 1 + (j & 3)) {
                last[hash(data, j)] = j;
            }
            i += length;
            literalStart = i;
            if (noMatches != null && noMatches.nextInt(32) == 0) {
                tokens.noMatch(new byte[0], noMatches.nextInt(1 << 16));
            }
        }
        return tokens.last(Arrays.copyOfRange(data, literalStart, data.length)).bytes();
    }

    private int hash(byte[] d, int i) {
        int v = (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF) << 16 | (minMatch == 4 ? d[i + 3] << 24 : 0);
        return (v * 0x9E3779B1) >>> 16;
    }

    private static int common(byte[] d, int from, int at) {
        int n = 0;
        while (at + n < d.length && d[from + n] == d[at + n]) {
            n++;
        }
        return n;
    }
}
