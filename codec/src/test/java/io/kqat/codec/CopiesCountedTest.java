package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 19 item 6: every byte kqat moves is counted, in both directions. A member written to a target that lends no
 * room in place (a plain OutputStream, or Kafka's buffer when it is short of room) is copied into it from kqat's
 * scratch memory; records a reader gets are copied out of kqat's decoding windows. Whatever the counters are called,
 * the sum of every "copied" and "moved" figure must grow by the copies the backends report plus those bytes.
 */
class CopiesCountedTest {
    private static final byte[] RECORDS = new KafkaLikeEvents(6).fill(300_000);

    /** Every copy figure kqat reports: the codec's own counters and its rungs' totals, found by name. */
    private static long reportedCopies(GzipCodec codec) throws Exception {
        long sum = 0;
        for (Method m : CodecCounters.class.getMethods()) {
            if (m.getReturnType() == long.class && (m.getName().contains("Copied") || m.getName().contains("Moved"))) {
                sum += (long) m.invoke(codec.counters());
            }
        }
        StatsSnapshot t = codec.totals();
        return sum + t.getCompressCopiedIn() + t.getCompressCopiedOut() + t.getDecompressCopiedIn()
                + t.getDecompressCopiedOut();
    }

    private static long backendCopies(GzipCodec codec) {
        StatsSnapshot t = codec.totals();
        return t.getCompressCopiedIn() + t.getCompressCopiedOut() + t.getDecompressCopiedIn()
                + t.getDecompressCopiedOut();
    }

    @ParameterizedTest
    @ValueSource(strings = {"isal", "jdk"})
    void aMemberWrittenToATargetIsCountedAsCopied(String backend) throws Exception {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(backend).build())) {
            ByteArrayOutputStream target = new ByteArrayOutputStream();
            try (OutputStream out = codec.batchOutputStream(target, 6)) {
                out.write(RECORDS);
            }
            long reported = reportedCopies(codec);
            long expected = backendCopies(codec) + target.size();
            System.out.println(backend + ": compressed " + target.size() + " B into a stream; copies reported "
                    + reported + ", made " + expected);
            assertThat(reported).as("bytes copied, as reported").isEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void aMemberQatZeroCopyWroteIntoScratchIsCountedAsCopiedIntoTheTarget() throws Exception {
        try (GzipCodec codec = io.kqat.codec.backend.qat.Emulator.codec("iova")) {
            assertThat(codec.backendName()).isEqualTo("qat");
            ByteArrayOutputStream target = new ByteArrayOutputStream();
            try (OutputStream out = codec.batchOutputStream(target, 6)) {
                out.write(RECORDS);
            }
            assertThat(codec.backend("qat").stats().getCompressBatches()).isEqualTo(1);
            long reported = reportedCopies(codec);
            long expected = backendCopies(codec) + target.size();
            System.out.println("qat zero-copy: compressed " + target.size() + " B into a stream; copies reported "
                    + reported + ", made " + expected);
            assertThat(reported).as("bytes copied, as reported").isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"isal", "jdk"})
    void aStreamReadIsCountedInBothItsCopies(String backend) throws Exception {
        byte[] gz = gzip(RECORDS);
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(backend).build())) {
            byte[] read;
            try (InputStream in = codec.inputStream(new java.io.ByteArrayInputStream(gz), Long.MAX_VALUE)) {
                read = in.readAllBytes();
            }
            assertThat(read).isEqualTo(RECORDS);
            long copiedIn = codec.totals().getDecompressCopiedIn();
            System.out.println(backend + ": streamed " + gz.length + " B of gzip: copied into the input window "
                    + copiedIn + " B, to the reader " + (reportedCopies(codec) - backendCopies(codec)) + " B");
            assertThat(copiedIn).as("compressed bytes copied from the stream into kqat's window")
                    .isGreaterThanOrEqualTo(gz.length);
            assertThat(reportedCopies(codec)).isEqualTo(backendCopies(codec) + read.length);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"isal", "jdk"})
    void recordsHandedToAReaderAreCountedAsCopied(String backend) throws Exception {
        byte[] gz = gzip(RECORDS);
        ByteBuffer batch = ByteBuffer.allocateDirect(gz.length).put(gz).flip();
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(backend).build())) {
            byte[] read;
            try (InputStream in = codec.batchInputStream(batch)) {
                read = in.readAllBytes();
            }
            assertThat(read).isEqualTo(RECORDS);
            long reported = reportedCopies(codec);
            long expected = backendCopies(codec) + read.length;
            System.out.println(backend + ": read " + read.length + " B from a batch; copies reported " + reported
                    + ", made " + expected);
            assertThat(reported).as("bytes copied, as reported").isEqualTo(expected);
        }
    }
}
