package io.kqat.codec.zstd.lz4s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.zstd.spi.Sequences;
import io.kqat.testkit.lz4s.Lz4sTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each rule of the LZ4s format, on hand-made streams: what the converter makes of it, and what it refuses. */
class Lz4sConverterTest {
    private static final int WINDOW = 32 << 10;
    private static final byte[] NONE = new byte[0];

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Sequences convert(byte[] stream, int minMatch, int inputLength) {
        Sequences out = new Sequences(inputLength);
        ByteBuffer b = ByteBuffer.allocateDirect(stream.length + 3).put(new byte[] {9, 9, 9}).put(stream);
        b.position(3);
        new Lz4sConverter(minMatch, WINDOW).convert(b, inputLength, out);
        assertThat(b.position()).as("the stream's position is left alone").isEqualTo(3);
        return out;
    }

    /** {offset, litLength, matchLength} of each sequence, delimiters included. */
    private static int[][] entries(Sequences s) {
        int[][] e = new int[s.count()][];
        for (int i = 0; i < e.length; i++) {
            e[i] = new int[] {s.offset(i), s.litLength(i), s.matchLength(i)};
        }
        return e;
    }

    @Test
    void aLiteralOnlyStreamIsOneDelimiterWithItsLiterals() {
        assertThat(entries(convert(new Lz4sTokens(3).last(ascii("hello")).bytes(), 3, 5))).isDeepEqualTo(new int[][] {{0, 5, 0}});
        assertThat(entries(convert(new byte[] {0}, 3, 0))).as("empty input: one empty final token").isDeepEqualTo(new int[][] {{0, 0, 0}});
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 15, 16, 269, 270, 271, 15 + 255 + 255 + 3, 100_000})
    void literalCountsUseTheNibbleAndItsExtensionBytes(int n) {
        byte[] lits = new byte[n];
        Arrays.fill(lits, (byte) 'x');
        byte[] stream = new Lz4sTokens(3).match(lits, 1, 5).last(NONE).bytes();
        assertThat(stream[0] & 0xF0).isEqualTo(Math.min(n, 15) << 4);
        assertThat(entries(convert(stream, 3, n + 5))).isDeepEqualTo(new int[][] {{1, n, 5}, {0, 0, 0}});
    }

    @Test
    void theMatchLengthIsTheValuePlusMinMatchMinusOne() {
        byte[] three = new Lz4sTokens(3).raw(0x41, 'a', 'b', 'c', 'd', 3, 0).raw(0x00).bytes(); // value 1
        assertThat(entries(convert(three, 3, 7))).as("3-byte mode: +2").isDeepEqualTo(new int[][] {{3, 4, 3}, {0, 0, 0}});
        assertThat(entries(convert(three, 4, 8))).as("4-byte mode: +3").isDeepEqualTo(new int[][] {{3, 4, 4}, {0, 0, 0}});
        byte[] extended = new Lz4sTokens(3).raw(0x1F, 'a', 1, 0, 255, 255, 7).raw(0x00).bytes(); // 15+255+255+7
        assertThat(entries(convert(extended, 3, 1 + 532 + 2))).isDeepEqualTo(new int[][] {{1, 1, 534}, {0, 0, 0}});
    }

    @Test
    void noMatchTokensCarryTheirLiteralsToTheNextSequenceAndTheirOffsetFieldMeansNothing() {
        byte[] stream = new Lz4sTokens(3).noMatch(ascii("ab"), 0).noMatch(ascii("cd"), 0xFFFF).noMatch(NONE, 7)
                .match(ascii("ef"), 6, 3).noMatch(ascii("g"), 1234).last(ascii("hi")).bytes();
        assertThat(entries(convert(stream, 3, 12))).isDeepEqualTo(new int[][] {{6, 6, 3}, {0, 3, 0}});
    }

    @Test
    void matchesMayOverlapWhatTheyCopyAndReachExactlyTheWindow() {
        byte[] lits = new byte[WINDOW];
        byte[] stream = new Lz4sTokens(3).match(ascii("z"), 1, 1000).match(lits, WINDOW, 40).last(NONE).bytes();
        assertThat(entries(convert(stream, 3, 1 + 1000 + WINDOW + 40)))
                .isDeepEqualTo(new int[][] {{1, 1, 1000}, {WINDOW, WINDOW, 40}, {0, 0, 0}});
    }

    @Test
    void blocksCloseEvery128KiBOrSoonerSplittingLiteralsAnywhereAndMatchesIntoPartsOfThree() {
        int block = Sequences.BLOCK_MAX;
        byte[] lits = new byte[300_000];
        Sequences longLiterals = convert(new Lz4sTokens(3).last(lits).bytes(), 3, lits.length);
        assertThat(entries(longLiterals)).isDeepEqualTo(new int[][] {{0, block, 0}, {0, block, 0}, {0, 300_000 - 2 * block, 0}});

        byte[] ones = new byte[1 + (1 << 20)];
        Sequences longMatch = convert(new Lz4sTokens(3).match(new byte[1], 1, 1 << 20).last(NONE).bytes(), 3, ones.length);
        assertThat(entries(longMatch)[0]).containsExactly(1, 1, block - 1);
        assertThat(entries(longMatch)[1]).containsExactly(0, 0, 0);
        assertThat(entries(longMatch)[2]).containsExactly(1, 0, block);
        assertThat(SequenceReplay.replay(longMatch, new byte[ones.length], WINDOW)).isEqualTo(new byte[ones.length]);

        // A match reaching 2 bytes past the block's end: cut 4 + 3 (a 2-byte tail would be too short).
        int[][] e = entries(convert(new Lz4sTokens(3).match(new byte[block - 5], 1, 7).last(NONE).bytes(), 3, block + 2));
        assertThat(e).isDeepEqualTo(new int[][] {{1, block - 5, 4}, {0, 0, 0}, {1, 0, 3}, {0, 0, 0}});
        // Room for 2 bytes only: the block closes with the literals; a 4-byte match cannot be cut 2+2.
        int[][] tight = entries(convert(new Lz4sTokens(3).match(new byte[block - 2], 1, 4).last(NONE).bytes(), 3, block + 2));
        assertThat(tight).isDeepEqualTo(new int[][] {{0, block - 2, 0}, {1, 0, 4}, {0, 0, 0}});
    }

    private static void refused(byte[] stream, int inputLength, String rule) {
        assertThatThrownBy(() -> convert(stream, 3, inputLength)).isInstanceOf(Lz4sFormatException.class)
                .hasMessageContaining(rule)
                .satisfies(e -> assertThat(((Lz4sFormatException) e).deviceFault()).as("a device fault").isTrue());
    }

    @Test
    void everyMalformationIsRefusedAsTheDevicesFault() {
        refused(new byte[0], 0, "without a final literal-only token");
        refused(new Lz4sTokens(3).match(ascii("abc"), 3, 3).bytes(), 6, "without a final literal-only token");
        refused(new byte[] {(byte) 0xF0}, 20, "literal length extension runs past the end");
        refused(new byte[] {(byte) 0xF0, (byte) 255}, 300, "literal length extension runs past the end");
        refused(new byte[] {0x50, 'a', 'b'}, 5, "5 literals but 2 bytes left");
        refused(new Lz4sTokens(3).raw(0x21, 'a', 'b', 1).bytes(), 10, "the offset field is cut short");
        refused(new Lz4sTokens(3).raw(0x2F, 'a', 'b', 1, 0).bytes(), 40, "match length extension runs past the end");
        refused(new Lz4sTokens(3).raw(0x2F, 'a', 'b', 1, 0, 255).bytes(), 400, "match length extension runs past the end");
        refused(new Lz4sTokens(3).raw(0x21).raw('a', 'b').bytes(), 2, "the final token has a match value");
        refused(new Lz4sTokens(3).match(ascii("ab"), 0, 3).last(NONE).bytes(), 5, "offset 0");
        refused(new Lz4sTokens(3).match(ascii("ab"), 3, 3).last(NONE).bytes(), 5, "reaches before the request's first byte");
        refused(new Lz4sTokens(3).match(new byte[40_000], 32769, 3).last(NONE).bytes(), 40_003, "beyond the device's 32768-byte window");
        refused(new Lz4sTokens(3).match(ascii("ab"), 1, 30).last(NONE).bytes(), 20, "a match runs past the request's 20 bytes");
        refused(new Lz4sTokens(3).last(ascii("abcdef")).bytes(), 5, "literals run past the request's 5 bytes");
        refused(new Lz4sTokens(3).last(ascii("abcdef")).bytes(), 7, "describes 6 bytes, the request had 7");
    }

    @Test
    void aLengthExtensionOfEndless255sIsRefusedAsSoonAsItExceedsTheRequest() {
        byte[] stream = new byte[1 << 20];
        Arrays.fill(stream, (byte) 255);
        stream[0] = (byte) 0xF0;
        refused(stream, 1000, "literals run past the request's 1000 bytes");
        assertThatThrownBy(() -> convert(stream, 3, 1000)).satisfies(e ->
                assertThat(((Lz4sFormatException) e).at()).as("stops within a few bytes").isLessThan(10));
    }

    @Test
    void sequencesNeverOutgrowTheirFixedCapacity() {
        assertThatThrownBy(() -> new Lz4sConverter(3, WINDOW).convert(ByteBuffer.wrap(new byte[] {0}), 1000, new Sequences(10)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] data = new byte[1 << 20];
        Lz4sTokens worst = new Lz4sTokens(3).match(ascii("a"), 1, 3);
        for (int i = 4; i + 3 <= data.length; i += 3) {
            worst.match(NONE, 1, 3);
        }
        int described = 1 + 3 * ((data.length - 1) / 3);
        Sequences s = convert(worst.last(NONE).bytes(), 3, described);
        assertThat(s.count()).isLessThanOrEqualTo(s.capacity()).isGreaterThan(described / 3);
    }

    @Test
    void theConverterRejectsSettingsTheDeviceCannotHave() {
        Consumer<int[]> bad = a -> assertThatThrownBy(() -> new Lz4sConverter(a[0], a[1]))
                .isInstanceOf(IllegalArgumentException.class);
        bad.accept(new int[] {2, WINDOW});
        bad.accept(new int[] {5, WINDOW});
        bad.accept(new int[] {3, 0});
        bad.accept(new int[] {3, 1 << 20});
    }
}
