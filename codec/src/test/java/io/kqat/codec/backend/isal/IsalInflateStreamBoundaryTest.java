package io.kqat.codec.backend.isal;

import static io.kqat.codec.backend.isal.Windows.deflate;
import static io.kqat.codec.backend.isal.Windows.drive;
import static io.kqat.codec.backend.isal.Windows.fixed;
import static io.kqat.testkit.GzipFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.backend.isal.Windows.Outcome;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a stream ends, how it resumes after any split of its input or output, truncation and reset. */
class IsalInflateStreamBoundaryTest {
    private static final byte[] TRAILER = "then the next gzip member".getBytes(StandardCharsets.US_ASCII);

    /** Streams whose final blocks are of every kind: empty fixed, short fixed, stored, dynamic, flushed dynamic. */
    private static final List<byte[]> PLAIN = List.of(
            new byte[0],
            "a".getBytes(StandardCharsets.US_ASCII),
            Windows.random(7, 70_000),
            new KafkaLikeEvents(1).fill(100_000),
            new KafkaLikeEvents(2).fill(40_000));
    private static final List<byte[]> DEFLATED = List.of(
            deflate(PLAIN.get(0), 6),
            deflate(PLAIN.get(1), 6),
            deflate(PLAIN.get(2), 0),
            deflate(PLAIN.get(3), 6),
            deflate(PLAIN.get(4), 6, Deflater.DEFAULT_STRATEGY, true));

    @BeforeAll
    static void library() {
        IsalLibrary.requireLoaded();
    }

    @ParameterizedTest(name = "input windows of {0} bytes")
    @ValueSource(ints = {1, 2, 7, 64, 4096, 1 << 20})
    void everyStreamEndsJustPastItsFinalBlockWhateverTheWindows(int inWindow) {
        byte[] input = concat(concat(DEFLATED.toArray(new byte[0][])), TRAILER);
        for (int outWindow : new int[] {1, 3, 4096, 1 << 20}) {
            try (IsalInflateStream stream = new IsalInflateStream()) {
                int at = 0;
                for (int i = 0; i < DEFLATED.size(); i++) {
                    stream.reset();
                    Outcome o = drive(stream, input, at, fixed(inWindow), fixed(outWindow));
                    String where = "stream " + i + ", windows " + inWindow + "/" + outWindow;
                    assertThat(o.finished()).as(where).isTrue();
                    assertThat(o.inputUsed()).as(where).isEqualTo(DEFLATED.get(i).length);
                    assertThat(o.output()).as(where).isEqualTo(PLAIN.get(i));
                    at += o.inputUsed();
                }
                assertThat(Arrays.copyOfRange(input, at, input.length)).isEqualTo(TRAILER);
            }
        }
    }

    /**
     * An output window that ends just before the end of the output stops ISA-L before it decodes the end-of-block code,
     * with the bytes after the stream possibly already in its bit buffer: the end is only found in the next call.
     */
    @ParameterizedTest(name = "input windows of {0} bytes")
    @ValueSource(ints = {64, 4096, 1 << 20})
    void anOutputWindowEndingJustBeforeTheEndOfTheOutput(int inWindow) {
        for (int i = 1; i < DEFLATED.size(); i++) {
            byte[] input = concat(DEFLATED.get(i), TRAILER);
            int size = PLAIN.get(i).length;
            for (int shortBy = 0; shortBy < Math.min(size, 300); shortBy++) {
                try (IsalInflateStream stream = new IsalInflateStream()) {
                    Outcome o = drive(stream, input, fixed(inWindow), firstThen(size - shortBy, 1 << 20));
                    String where = "stream " + i + ", first output window " + (size - shortBy);
                    assertThat(o.finished()).as(where).isTrue();
                    assertThat(o.inputUsed()).as(where).isEqualTo(DEFLATED.get(i).length);
                    assertThat(o.output()).as(where).isEqualTo(PLAIN.get(i));
                }
            }
        }
    }

    @Test
    void aSecondCallAfterTheEndReturnsTrueAgainAndReadsNothing() {
        byte[] input = concat(DEFLATED.get(3), TRAILER);
        try (IsalInflateStream stream = new IsalInflateStream()) {
            assertThat(drive(stream, input, fixed(input.length), fixed(1 << 20)).finished()).isTrue();
            ByteBuffer src = ByteBuffer.allocateDirect(TRAILER.length).put(TRAILER).flip();
            ByteBuffer dst = ByteBuffer.allocateDirect(16);
            assertThat(stream.inflate(src, dst)).isTrue();
            assertThat(src.position()).isZero();
            assertThat(dst.position()).isZero();
        }
    }

    @Test
    void inputSplitAtEveryByteBoundary() {
        byte[] plain = concat(new KafkaLikeEvents(3).fill(3_000), "a".repeat(40_000).getBytes(StandardCharsets.US_ASCII));
        assertEverySplitDecodes(plain, deflate(plain, 6), 1 << 20);
        assertEverySplitDecodes(plain, deflate(plain, 1, Deflater.HUFFMAN_ONLY, true), 1 << 20);
        byte[] stored = Arrays.copyOf(plain, 4_000);
        assertEverySplitDecodes(stored, deflate(stored, 0), 1 << 20);
    }

    @ParameterizedTest(name = "output windows of {0} bytes")
    @ValueSource(ints = {1, 5})
    void inputSplitAtEveryByteBoundaryWithTinyOutputWindows(int outWindow) {
        byte[] plain = new KafkaLikeEvents(4).fill(1_500);
        for (byte[] deflated : new byte[][] {deflate(plain, 6), deflate(plain, 0), deflate(plain, 1, Deflater.HUFFMAN_ONLY, true)}) {
            assertEverySplitDecodes(plain, deflated, outWindow);
        }
    }

    private static void assertEverySplitDecodes(byte[] plain, byte[] deflated, int outWindow) {
        byte[] input = concat(deflated, TRAILER);
        try (IsalInflateStream stream = new IsalInflateStream()) {
            for (int split = 0; split <= deflated.length; split++) {
                stream.reset();
                Outcome o = drive(stream, input, firstThen(split, input.length), fixed(outWindow));
                assertThat(o.finished()).as("split at %d", split).isTrue();
                assertThat(o.inputUsed()).as("split at %d", split).isEqualTo(deflated.length);
                assertThat(o.output()).as("split at %d", split).isEqualTo(plain);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void randomWindowsOnLargeStreams(long seed) {
        byte[] json = new KafkaLikeEvents(seed).fill(8 << 20);
        byte[] noise = Windows.random(seed, 3 << 20);
        byte[] a = deflate(json, 6);
        byte[] b = deflate(noise, 1);
        byte[] input = concat(a, b, TRAILER);
        SplittableRandom random = new SplittableRandom(seed);
        IntSupplier windows = () -> 1 + random.nextInt(1 << random.nextInt(21));
        try (IsalInflateStream stream = new IsalInflateStream()) {
            Outcome first = drive(stream, input, windows, windows);
            assertThat(first.finished()).isTrue();
            assertThat(first.inputUsed()).isEqualTo(a.length);
            assertThat(first.output()).isEqualTo(json);
            stream.reset();
            Outcome second = drive(stream, input, a.length, windows, windows);
            assertThat(second.finished()).isTrue();
            assertThat(second.inputUsed()).isEqualTo(b.length);
            assertThat(second.output()).isEqualTo(noise);
        }
    }

    @ParameterizedTest(name = "output windows of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 31, 255, 4096, 65_535, 65_536, 65_537, 1 << 20, 4 << 20})
    void outputWindowsFromOneByteToMebibytes(int outWindow) {
        byte[] plain = new KafkaLikeEvents(outWindow).fill(outWindow < 4096 ? 200_000 : 2 << 20);
        byte[] input = concat(deflate(plain, 6), TRAILER);
        try (IsalInflateStream stream = new IsalInflateStream()) {
            Outcome o = drive(stream, input, fixed(input.length), fixed(outWindow));
            assertThat(o.finished()).isTrue();
            assertThat(o.inputUsed()).isEqualTo(input.length - TRAILER.length);
            assertThat(o.output()).isEqualTo(plain);
        }
    }

    @Test
    void aTruncatedStreamUsesAllItsInputAndAsksForMoreNeverEnding() {
        byte[] plain = concat(new KafkaLikeEvents(5).fill(1_200), Windows.random(5, 300));
        for (byte[] deflated : new byte[][] {deflate(plain, 6), deflate(plain, 0), deflate(plain, 9, Deflater.FILTERED, true)}) {
            for (int cut = 0; cut < deflated.length; cut++) {
                for (int window : cut % 16 == 0 ? new int[] {1, 3, 1 << 16} : new int[] {3, 1 << 16}) {
                    try (IsalInflateStream stream = new IsalInflateStream()) {
                        Outcome o = drive(stream, Arrays.copyOf(deflated, cut), fixed(window), fixed(window));
                        assertThat(o.finished()).as("cut at %d", cut).isFalse();
                        assertThat(o.inputUsed()).as("cut at %d", cut).isEqualTo(cut);
                        assertThat(o.output()).as("cut at %d", cut).isEqualTo(Arrays.copyOf(plain, o.output().length));
                        ByteBuffer none = ByteBuffer.allocateDirect(0);
                        assertThat(stream.inflate(none, ByteBuffer.allocateDirect(64))).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aTruncatedLargeStreamResumesWhereItStopped() {
        byte[] plain = new KafkaLikeEvents(6).fill(4 << 20);
        byte[] deflated = deflate(plain, 6);
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 10; i++) {
            int cut = random.nextInt(deflated.length);
            try (IsalInflateStream stream = new IsalInflateStream()) {
                Outcome head = drive(stream, Arrays.copyOf(deflated, cut), fixed(65_536), fixed(65_536));
                assertThat(head.finished()).isFalse();
                assertThat(head.inputUsed()).isEqualTo(cut);
                Outcome tail = drive(stream, deflated, cut, fixed(65_536), fixed(65_536));
                assertThat(tail.finished()).isTrue();
                assertThat(concat(head.output(), tail.output())).isEqualTo(plain);
            }
        }
    }

    @Test
    void resetForgetsAStreamLeftHalfWay() {
        byte[] a = deflate(PLAIN.get(3), 6);
        try (IsalInflateStream stream = new IsalInflateStream()) {
            for (int round = 0; round < 3; round++) {
                drive(stream, Arrays.copyOf(a, a.length / 2), fixed(4096), fixed(1000));
                stream.reset();
                Outcome o = drive(stream, DEFLATED.get(2), fixed(4096), fixed(1000));
                assertThat(o.output()).isEqualTo(PLAIN.get(2));
                stream.reset();
            }
        }
    }

    /** The first window ends at {@code split}; after that, everything left. */
    private static IntSupplier firstThen(int split, int rest) {
        int[] calls = {0};
        return () -> calls[0]++ == 0 ? split : rest;
    }
}
