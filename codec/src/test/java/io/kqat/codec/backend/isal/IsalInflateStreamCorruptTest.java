package io.kqat.codec.backend.isal;

import static io.kqat.codec.backend.isal.Windows.deflate;
import static io.kqat.codec.backend.isal.Windows.drive;
import static io.kqat.codec.backend.isal.Windows.fixed;
import static io.kqat.testkit.GzipFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.backend.isal.Windows.Outcome;
import io.kqat.samples.KafkaLikeEvents;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad data is reported as corrupt, never decoded into something else silently where zlib would refuse, never a hang. */
class IsalInflateStreamCorruptTest {

    @BeforeAll
    static void library() {
        IsalLibrary.requireLoaded();
    }

    @Test
    void theReservedBlockTypeIsCorrupt() {
        byte[] firstBlock = {0x07}; // BFINAL 1, BTYPE 11
        byte[] laterBlock = concat(deflate(new KafkaLikeEvents(1).fill(5_000), 6, Deflater.DEFAULT_STRATEGY, true));
        laterBlock[laterBlock.length - 1] = 0; // cut the end, then a reserved block type
        byte[] withReservedLater = concat(Arrays.copyOf(laterBlock, laterBlock.length - 2), new byte[] {0x07, 0, 0});
        for (byte[] input : new byte[][] {firstBlock, withReservedLater}) {
            try (IsalInflateStream stream = new IsalInflateStream()) {
                assertThatThrownBy(() -> drive(stream, input, fixed(input.length), fixed(1 << 20)))
                        .isInstanceOf(CorruptGzipException.class);
            }
        }
    }

    @Test
    void aDistanceBeforeTheStartOfTheOutputIsCorrupt() {
        // A preset dictionary makes zlib refer to bytes that are not in the output: without it, too far back.
        byte[] dictionary = Windows.random(9, 2_000);
        Deflater deflater = new Deflater(6, true);
        byte[] out = new byte[4_000];
        int n;
        try {
            deflater.setDictionary(dictionary);
            deflater.setInput(dictionary);
            deflater.finish();
            n = deflater.deflate(out);
        } finally {
            deflater.end();
        }
        byte[] input = Arrays.copyOf(out, n);
        assertThat(Zlib.inflate(input).error()).contains("too far back");
        try (IsalInflateStream stream = new IsalInflateStream()) {
            assertThatThrownBy(() -> drive(stream, input, fixed(input.length), fixed(1 << 20)))
                    .isInstanceOf(CorruptGzipException.class).hasMessageContaining("distance too far back");
        }
    }

    @Test
    void afterCorruptDataTheStreamKeepsFailingUntilReset() {
        byte[] good = deflate(new KafkaLikeEvents(2).fill(10_000), 6);
        try (IsalInflateStream stream = new IsalInflateStream()) {
            assertThatThrownBy(() -> drive(stream, new byte[] {0x07}, fixed(1), fixed(64)))
                    .isInstanceOf(CorruptGzipException.class);
            assertThatThrownBy(() -> drive(stream, good, fixed(good.length), fixed(1 << 20)))
                    .isInstanceOf(CorruptGzipException.class);
            stream.reset();
            assertThat(drive(stream, good, fixed(good.length), fixed(1 << 20)).finished()).isTrue();
        }
    }

    /**
     * Every single-bit flip in the block headers and a sample of the rest. Measured: ISA-L refuses what zlib refuses,
     * except a few Huffman code sets zlib finds incomplete or over-subscribed ("invalid distances set"), which ISA-L
     * decodes into other bytes: the CRC32 of the gzip layer refuses those. What zlib accepts, ISA-L accepts and decodes
     * to the same bytes, ending at the same place.
     */
    @Test
    void bitFlipsAreRefusedOrCaughtByTheCrcAndNeverDecodedDifferentlyFromZlib() {
        byte[] plain = new KafkaLikeEvents(3).fill(60_000);
        byte[] deflated = deflate(plain, 6, Deflater.DEFAULT_STRATEGY, true);
        SplittableRandom random = new SplittableRandom(3);
        int zlibRefused = 0;
        int isalAccepted = 0;
        for (int bit = 0; bit < deflated.length * 8; bit++) {
            if (bit >= 2_400 && random.nextInt(8) != 0) {
                continue;
            }
            byte[] bad = deflated.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            Zlib.Decoded zlib = Zlib.inflate(bad);
            Outcome isal = decodeOrNull(bad, 1 + random.nextInt(9_000));
            if (zlib.error() != null) {
                zlibRefused++;
                if (isal != null && isal.finished()) {
                    isalAccepted++;
                    assertThat(crc32(isal.output())).as("bit %d: zlib says %s", bit, zlib.error())
                            .isNotEqualTo(crc32(plain));
                }
            } else if (zlib.finished()) {
                assertThat(isal).as("bit %d: zlib accepts it", bit).isNotNull();
                assertThat(isal.finished()).as("bit %d", bit).isTrue();
                assertThat(isal.output()).as("bit %d", bit).isEqualTo(zlib.output());
                assertThat(isal.inputUsed()).as("bit %d", bit).isEqualTo(zlib.streamLength());
            }
        }
        assertThat(zlibRefused).isGreaterThan(1_000);
        assertThat(isalAccepted).as("of %d that zlib refused", zlibRefused).isLessThan(zlibRefused / 100);
    }

    private static long crc32(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    @Test
    void randomBytesEndOrFailWithinBoundedCalls() {
        SplittableRandom random = new SplittableRandom(4);
        try (IsalInflateStream stream = new IsalInflateStream()) {
            for (int i = 0; i < 3_000; i++) {
                byte[] junk = Windows.random(i, 1 + random.nextInt(3_000));
                stream.reset();
                int window = 1 + random.nextInt(512);
                try {
                    Outcome o = drive(stream, junk, fixed(window), fixed(window));
                    // deflate expands at most 1032:1, so output windows needed are bounded by the input's size
                    assertThat(o.calls()).isLessThanOrEqualTo(junk.length + 16 + 1_032 * junk.length / window);
                } catch (CorruptGzipException expected) {
                    // refused: fine
                }
            }
        }
    }

    /** @return what the stream made of the input, or null when it refused it as corrupt */
    private static Outcome decodeOrNull(byte[] input, int window) {
        try (IsalInflateStream stream = new IsalInflateStream()) {
            return drive(stream, input, fixed(window), fixed(window));
        } catch (CorruptGzipException e) {
            return null;
        }
    }
}
