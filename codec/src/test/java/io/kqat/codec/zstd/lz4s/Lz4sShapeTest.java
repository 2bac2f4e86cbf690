package io.kqat.codec.zstd.lz4s;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.zstd.spi.Sequences;
import io.kqat.testkit.lz4s.Lz4sTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the converter records of the streams it accepts: the facts device-test reports about a device's LZ4s. */
class Lz4sShapeTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void convert(byte[] stream, int inputLength, Lz4sShape shape) {
        new Lz4sConverter(3, 32 << 10).convert(ByteBuffer.wrap(stream), inputLength, new Sequences(inputLength), shape);
    }

    @Test
    void noMatchTokensTheirOffsetFieldsMatchesAndTheEndOfTheStreamAreRecorded() {
        Lz4sShape shape = new Lz4sShape();
        // "ab" (no match, field 0) "cd" (no match, field 7) "abcd" + a 3-byte match 4 back, then "abcdabcdab" 20 back
        // would be too far: use 10 bytes of literals and a 9-byte match 8 back, reaching the end (final token empty).
        byte[] stream = new Lz4sTokens(3).noMatch(ascii("ab"), 0).noMatch(ascii("cd"), 7)
                .match(ascii(""), 4, 3).match(ascii("0123456789"), 8, 9).last(new byte[0]).bytes();
        convert(stream, 4 + 3 + 10 + 9, shape);
        assertThat(shape.figures()).containsEntry("lz4sStreams", 1L).containsEntry("lz4sNoMatchTokens", 2L)
                .containsEntry("lz4sNoMatchOffsetZero", 1L).containsEntry("lz4sNoMatchOffsetMax", 7L)
                .containsEntry("lz4sShortestMatch", 3L).containsEntry("lz4sLongestMatch", 9L)
                .containsEntry("lz4sLongestOffset", 8L).containsEntry("lz4sLongestLiterals", 10L)
                .containsEntry("lz4sBreakingLz4EndRules", 1L).containsEntry("lz4sEmptyFinalTokens", 1L);

        // LZ4's end rules kept: the match starts 20 bytes before the end, 5 literals follow it
        byte[] kept = new Lz4sTokens(3).match(ascii("abcdefgh"), 8, 15).last(ascii("xyzwv")).bytes();
        convert(kept, 8 + 15 + 5, shape);
        assertThat(shape.figures()).containsEntry("lz4sStreams", 2L).containsEntry("lz4sBreakingLz4EndRules", 1L)
                .containsEntry("lz4sLongestMatch", 15L).containsEntry("lz4sEmptyFinalTokens", 1L);
    }

    @Test
    void aStreamTheConverterRefusesIsNotRecorded() {
        Lz4sShape shape = new Lz4sShape();
        byte[] bad = new Lz4sTokens(3).match(ascii("ab"), 0, 3).last(new byte[0]).bytes();
        try {
            convert(bad, 5, shape);
        } catch (Lz4sFormatException expected) {
            // a match with offset 0
        }
        assertThat(shape.figures()).containsEntry("lz4sStreams", 0L).containsEntry("lz4sShortestMatch", 0L);
    }
}
