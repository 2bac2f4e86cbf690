package io.kqat.testkit.lz4s;

import java.io.ByteArrayOutputStream;

/**
 * An independent, straightforward reading of an LZ4s stream into the bytes it describes, for tests: the oracle the
 * converter is checked against. It refuses what the format forbids: a stream cut short anywhere, a final token with a
 * match value, a match offset of 0, beyond what was produced or beyond the window, and a total other than expected.
 */
public final class Lz4sReference {
    private Lz4sReference() {
    }

    /** Thrown for a stream the format forbids. */
    public static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why);
        }
    }

    public static byte[] decode(byte[] s, int minMatch, int window, int expectedLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] produced = new byte[expectedLength];
        int n = 0;
        int p = 0;
        while (true) {
            need(p < s.length, "no final token");
            int token = s[p++] & 0xFF;
            long lits = token >> 4;
            if (lits == 15) {
                int b;
                do {
                    need(p < s.length, "literal extension cut");
                    b = s[p++] & 0xFF;
                    lits += b;
                    need(n + lits <= expectedLength, "too many literals");
                } while (b == 255);
            }
            need(p + lits <= s.length, "literals cut");
            need(n + lits <= expectedLength, "too many literals");
            System.arraycopy(s, p, produced, n, (int) lits);
            p += lits;
            n += lits;
            if (p == s.length) {
                need((token & 15) == 0, "final token with a match");
                need(n == expectedLength, "short");
                out.write(produced, 0, n);
                return out.toByteArray();
            }
            need(p + 2 <= s.length, "offset cut");
            int offset = (s[p] & 0xFF) + 256 * (s[p + 1] & 0xFF);
            p += 2;
            long value = token & 15;
            if (value == 15) {
                int b;
                do {
                    need(p < s.length, "match extension cut");
                    b = s[p++] & 0xFF;
                    value += b;
                    need(n + value <= expectedLength, "match too long");
                } while (b == 255);
            }
            if (value == 0) {
                continue;
            }
            long length = value + minMatch - 1;
            need(n + length <= expectedLength, "match too long");
            need(offset >= 1 && offset <= n && offset <= Math.min(window, 65535), "bad offset " + offset);
            for (int k = 0; k < length; k++) {
                produced[n + k] = produced[n + k - offset];
            }
            n += length;
        }
    }

    private static void need(boolean ok, String why) {
        if (!ok) {
            throw new Refused(why);
        }
    }
}
