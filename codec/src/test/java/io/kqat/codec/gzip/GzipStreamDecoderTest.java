package io.kqat.codec.gzip;

import static io.kqat.testkit.GzipFixtures.concat;
import static io.kqat.testkit.GzipFixtures.gzipMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.InflateStream;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streaming decoder with tiny windows, so every boundary is crossed, and counting inflaters. */
class GzipStreamDecoderTest {
    /** The JDK's inflaters, counting what the decoder asks of them. */
    static final class Counting implements BodyInflater {
        final JdkBackend jdk = new JdkBackend();
        int wholeCalls;
        int wholeDone;
        int piecesOpened;
        boolean wholeAllowed = true;

        @Override
        public Backend.Inflated whole(ByteBuffer src, ByteBuffer dst, boolean mayBeCut) {
            if (!wholeAllowed) {
                return Backend.Inflated.OUTPUT_TOO_SMALL;
            }
            wholeCalls++;
            Backend.Inflated r = jdk.inflate(src.duplicate(), dst.duplicate());
            if (r.complete()) {
                wholeDone++;
            }
            return r;
        }

        @Override
        public InflateStream pieces() {
            piecesOpened++;
            return jdk.newInflateStream();
        }
    }

    private static BufferLease direct(int capacity) {
        return BufferLease.of(ByteBuffer.allocateDirect(capacity));
    }

    static byte[] decode(byte[] gz, Counting inflater, int inWindow, int outWindow, long max) throws IOException {
        return decode(new ByteArrayInputStream(gz), inflater, inWindow, outWindow, max);
    }

    static byte[] decode(InputStream in, Counting inflater, int inWindow, int outWindow, long max) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (GzipStreamDecoder d = new GzipStreamDecoder(CompressedInput.of(in, direct(inWindow)), inflater,
                direct(outWindow), max)) {
            ByteBuffer w;
            while ((w = d.next()) != null) {
                assertThat(w.remaining()).isLessThanOrEqualTo(outWindow);
                byte[] part = new byte[w.remaining()];
                w.get(part);
                result.write(part);
            }
        }
        return result.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"64, 64", "100, 1000", "4096, 300", "1000000, 1000000"})
    void manyMembersThroughSmallWindowsComeOutWholeAndInOrder(int inWindow, int outWindow) throws IOException {
        KafkaLikeEvents events = new KafkaLikeEvents(inWindow);
        byte[][] members = new byte[12][];
        for (int i = 0; i < members.length; i++) {
            members[i] = events.fill(i * 997 % 20_000);
        }
        Counting inflater = new Counting();
        assertThat(decode(gzipMembers(members), inflater, inWindow, outWindow, Long.MAX_VALUE)).isEqualTo(concat(members));
    }

    @Test
    void membersThatFitTheWindowsAreInflatedWholeOnceEach() throws IOException {
        KafkaLikeEvents events = new KafkaLikeEvents(3);
        byte[][] members = new byte[40][];
        for (int i = 0; i < members.length; i++) {
            members[i] = events.fill(10_000);
        }
        Counting inflater = new Counting();
        byte[] gz = gzipMembers(members);
        assertThat(decode(gz, inflater, 64 << 10, 16 << 10, Long.MAX_VALUE)).isEqualTo(concat(members));
        assertThat(inflater.wholeDone).isEqualTo(40);
        assertThat(inflater.piecesOpened).as("no member needed the piece-by-piece path").isZero();
        // A member cut by the end of the input window costs one failed attempt, then is decoded after a refill.
        int windows = gz.length / (64 << 10) + 1;
        assertThat(inflater.wholeCalls).isLessThanOrEqualTo(40 + windows);
    }

    @Test
    void aMemberLargerThanTheWindowsIsInflatedPieceByPieceWithTheSameResult() throws IOException {
        byte[] big = new KafkaLikeEvents(4).fill(3 << 20);
        Counting inflater = new Counting();
        assertThat(decode(gzipMembers(big), inflater, 32 << 10, 64 << 10, Long.MAX_VALUE)).isEqualTo(big);
        assertThat(inflater.piecesOpened).isEqualTo(1);
        Counting pieceOnly = new Counting();
        pieceOnly.wholeAllowed = false;
        assertThat(decode(gzipMembers(big, big), pieceOnly, 1000, 777, Long.MAX_VALUE)).isEqualTo(concat(big, big));
    }

    @Test
    void zeroPaddingAfterTheLastMemberIsIgnoredAndOtherTrailingBytesAreNot() throws IOException {
        byte[] data = new KafkaLikeEvents(5).fill(5000);
        byte[] padded = concat(gzipMembers(data), new byte[3000]);
        assertThat(decode(padded, new Counting(), 512, 512, Long.MAX_VALUE)).isEqualTo(data);
        byte[] garbage = concat(gzipMembers(data), new byte[100], new byte[] {7});
        assertThatThrownBy(() -> decode(garbage, new Counting(), 512, 512, Long.MAX_VALUE))
                .isInstanceOf(CorruptGzipException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> decode(new byte[0], new Counting(), 512, 512, Long.MAX_VALUE))
                .isInstanceOf(CorruptGzipException.class).hasMessageContaining("empty");
    }

    @Test
    void everyTruncationIsAnErrorNeverAShorterResult() throws IOException {
        byte[] data = new KafkaLikeEvents(6).fill(3000);
        byte[] gz = gzipMembers(data, data);
        for (int n = 1; n < gz.length; n++) {
            byte[] cut = Arrays.copyOf(gz, n);
            int len = n;
            boolean memberBoundary = n == gz.length / 2;
            if (memberBoundary) {
                assertThat(decode(cut, new Counting(), 256, 256, Long.MAX_VALUE)).isEqualTo(data);
                continue;
            }
            assertThatThrownBy(() -> decode(cut, new Counting(), 256, 256, Long.MAX_VALUE)).as("first %d bytes", len)
                    .isInstanceOf(CorruptGzipException.class);
        }
    }

    @Test
    void corruptDataIsAnError() throws IOException {
        byte[] gz = gzipMembers(new KafkaLikeEvents(7).fill(20_000));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            byte[] bad = gz.clone();
            int at = 10 + random.nextInt(gz.length - 10);
            bad[at] ^= (byte) (1 << random.nextInt(8));
            try {
                byte[] out = decode(bad, new Counting(), 4096, 4096, Long.MAX_VALUE);
                throw new AssertionError("flip at " + at + " decoded to " + out.length + " bytes");
            } catch (CorruptGzipException expected) {
                // CRC, length, or deflate data
            }
        }
    }

    @Test
    void theBoundCoversAllMembersTogetherAndNothingPastItIsDelivered() throws IOException {
        byte[] data = new byte[100_000];
        byte[] gz = gzipMembers(data, data, data);
        assertThat(decode(gz, new Counting(), 4096, 4096, 300_000)).hasSize(300_000);
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        try (GzipStreamDecoder d = new GzipStreamDecoder(CompressedInput.of(new ByteArrayInputStream(gz), direct(4096)),
                new Counting(), direct(4096), 250_000)) {
            assertThatThrownBy(() -> {
                ByteBuffer w;
                while ((w = d.next()) != null) {
                    byte[] part = new byte[w.remaining()];
                    w.get(part);
                    delivered.write(part);
                }
            }).isInstanceOf(OutputLimitExceededException.class);
        }
        assertThat(delivered.size()).isLessThanOrEqualTo(250_000);
    }

    @Test
    void aForgedSizeInTheTrailerChangesNothingButTheVerdict() throws IOException {
        byte[] data = new KafkaLikeEvents(8).fill(50_000);
        byte[] gz = gzipMembers(data);
        ByteBuffer.wrap(gz).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(gz.length - 4, Integer.MAX_VALUE);
        assertThatThrownBy(() -> decode(gz, new Counting(), 4096, 4096, Long.MAX_VALUE))
                .isInstanceOf(CorruptGzipException.class).hasMessageContaining("length");
        CompressedInput in = CompressedInput.of(ByteBuffer.wrap(gz), null, CopyCounter.NONE);
        assertThat(in.atEnd()).isTrue();
        in.close();
    }
}
