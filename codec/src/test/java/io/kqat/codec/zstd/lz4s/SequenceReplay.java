package io.kqat.codec.zstd.lz4s;

import io.kqat.codec.zstd.spi.Sequences;
import java.util.Arrays;

/**
 * Reads converted sequences back, independently of the converter: rebuilds the bytes they describe (literals taken
 * from {@code literalSource}, matches copied from what was rebuilt) and checks what {@code ZSTD_compressSequences}
 * needs: matches of at least 3 bytes with offsets within what precedes them and the window, blocks of 1 to 128 KiB
 * each closed by a delimiter, the last delimiter last.
 */
final class SequenceReplay {
    private SequenceReplay() {
    }

    static byte[] replay(Sequences s, byte[] literalSource, int window) {
        byte[] out = new byte[literalSource.length];
        int n = 0;
        int block = 0;
        for (int i = 0; i < s.count(); i++) {
            int lits = s.litLength(i);
            check(n + lits <= out.length, i, "literals beyond the input");
            System.arraycopy(literalSource, n, out, n, lits);
            n += lits;
            block += lits;
            if (s.isDelimiter(i)) {
                check(block <= Sequences.BLOCK_MAX, i, "a block of " + block + " bytes");
                check(block > 0 || out.length == 0, i, "an empty block");
                block = 0;
                continue;
            }
            int off = s.offset(i);
            int len = s.matchLength(i);
            check(len >= 3, i, "a match of " + len);
            check(off >= 1 && off <= n && off <= window, i, "offset " + off + " at " + n);
            check(n + len <= out.length, i, "a match beyond the input");
            for (int k = 0; k < len; k++) {
                out[n + k] = out[n + k - off];
            }
            n += len;
            block += len;
            check(block <= Sequences.BLOCK_MAX, i, "a block of " + block + " bytes");
        }
        check(s.count() > 0 && s.isDelimiter(s.count() - 1), s.count(), "no final delimiter");
        check(n == out.length, s.count(), "described " + n + " of " + out.length + " bytes");
        return Arrays.copyOf(out, n);
    }

    private static void check(boolean ok, int index, String what) {
        if (!ok) {
            throw new AssertionError("sequence " + index + ": " + what);
        }
    }
}
