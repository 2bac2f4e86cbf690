package io.kqat.stress.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kqat.codec.zstd.lz4s.Lz4sConverter;
import io.kqat.codec.zstd.lz4s.Lz4sFormatException;
import io.kqat.codec.zstd.spi.Sequences;
import io.kqat.testkit.lz4s.Lz4sReference;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of the LZ4s-to-zstd-sequences converter (what a QAT device's LZ4s becomes before libzstd
 * sees it): for any bytes, the converter accepts exactly what the independent reference reader accepts, refuses the
 * rest with its own exception only, and what it accepts describes exactly the reference's bytes. The input's first two
 * bytes give the request's length (at most 65535), the rest is the stream. In CI it replays the committed seeds
 * ({@code Lz4sConverterFuzzTestInputs/convert}: greedy-encoder output with no-match tokens, long matches and
 * literals); {@code scripts/stress jazzer --target lz4s --minutes N} fuzzes it.
 */
class Lz4sConverterFuzzTest {
    private static final int WINDOW = 32 << 10;
    private static final Sequences SEQUENCES = new Sequences(0xFFFF);

    @FuzzTest(maxDuration = "10m")
    void convert(byte[] input) {
        check(input);
    }

    /** The entry point of Jazzer's command-line driver. */
    public static void fuzzerTestOneInput(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int length = (input[0] & 0xFF) | (input[1] & 0xFF) << 8;
        byte[] stream = java.util.Arrays.copyOfRange(input, 2, input.length);
        byte[] expected;
        try {
            expected = Lz4sReference.decode(stream, 3, WINDOW, length);
        } catch (Lz4sReference.Refused e) {
            expected = null;
        }
        boolean accepted;
        try {
            new Lz4sConverter(3, WINDOW).convert(ByteBuffer.wrap(stream), length, SEQUENCES);
            accepted = true;
        } catch (Lz4sFormatException e) {
            accepted = false;
        }
        assertThat(accepted).as("converter vs reference").isEqualTo(expected != null);
        if (accepted) {
            assertThat(replay(SEQUENCES, expected)).isEqualTo(expected);
        }
    }

    /** The bytes the sequences describe, literals taken from {@code literals}; checks zstd's rules on the way. */
    static byte[] replay(Sequences s, byte[] literals) {
        byte[] out = new byte[literals.length];
        int n = 0;
        int block = 0;
        for (int i = 0; i < s.count(); i++) {
            int lits = s.litLength(i);
            assertThat(n + lits).isLessThanOrEqualTo(out.length);
            System.arraycopy(literals, n, out, n, lits);
            n += lits;
            block += lits;
            if (s.isDelimiter(i)) {
                assertThat(block).isBetween(out.length == 0 ? 0 : 1, Sequences.BLOCK_MAX);
                block = 0;
                continue;
            }
            int off = s.offset(i);
            int len = s.matchLength(i);
            assertThat(len).isGreaterThanOrEqualTo(3);
            assertThat(off).isBetween(1, Math.min(n, WINDOW));
            assertThat(n + len).isLessThanOrEqualTo(out.length);
            for (int k = 0; k < len; k++) {
                out[n + k] = out[n + k - off];
            }
            n += len;
            block += len;
        }
        assertThat(n).isEqualTo(out.length);
        return out;
    }
}
