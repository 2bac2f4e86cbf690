package io.kqat.codec.backend.qat;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.codec.gzip.GzipFormat;
import io.kqat.codec.gzip.GzipMembers;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.StagingMemory;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rule 11: a single-member batch reaches the device as exactly its deflate payload (no trailer, no padding:
 * the emulator counts bytes submitted after the end of the stream), every other shape still inflates, and the device's
 * CRC32 is checked against the trailer of every member it inflates.
 */
class DecompressionInputTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @Test
    void aSingleMemberBatchSubmitsExactlyItsDeflatePayload() throws Exception {
        byte[] data = new KafkaLikeEvents(1).fill(150_000);
        try (GzipCodec codec = Emulator.codec("iova")) {
            emu.resetCounters();
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            assertThat(codec.decompress(gzip(data))).as("a member another writer made").isEqualTo(data);
            assertThat(emu.counter("decompress_trailing_bytes")).isZero();
            assertThat(codec.backend("qat").stats().getDecompressBatches()).isEqualTo(2);
        }
    }

    @Test
    void multiMemberAndPaddedInputInflateWhole() {
        KafkaLikeEvents events = new KafkaLikeEvents(2);
        byte[] a = events.fill(40_000);
        byte[] b = events.fill(70_000);
        try (GzipCodec codec = Emulator.codec("iova")) {
            ByteBuffer two = ByteBuffer.allocate(300_000);
            two.put(codec.compress(a)).put(codec.compress(b)).put(new byte[512]).flip();
            byte[] out = new byte[a.length + b.length];
            codec.decompress(two).get(out);
            assertThat(out).startsWith(a).endsWith(b);
            assertThat(codec.backend("qat").stats().getErrors()).isZero();
        }
    }

    @Test
    void aDeviceCrcThatDisagreesWithTheTrailerSendsTheBatchToTheNextRung() {
        byte[] data = new KafkaLikeEvents(3).fill(20_000);
        ByteBuffer member = ByteBuffer.wrap(new JdkBackendGzip().gzip(data));
        GzipFormat.skipHeader(member); // the body, with the trailer after it
        Backend lying = new ReportingCrc(new JdkBackend(), crc -> crc ^ 1, false);
        assertThatThrownBy(() -> GzipMembers.inflateBody(lying, member.duplicate(), ByteBuffer.allocate(1 << 20),
                CopyCounter.NONE))
                .isInstanceOf(BackendException.class).hasMessageContaining("disagrees with the trailer")
                .matches(e -> !((BackendException) e).deviceFault(), "declined, no penalty");
        Backend honest = new ReportingCrc(new JdkBackend(), crc -> crc, false);
        Backend.Inflated r = GzipMembers.inflateBody(honest, member.duplicate(), ByteBuffer.allocate(1 << 20),
                CopyCounter.NONE);
        assertThat(r.produced()).isEqualTo(data.length);
    }

    /**
     * Issue 17: one CRC check per batch. The device's CRC32 is checked against the trailer once and is then the
     * member's: the host makes no pass over the device's output (that pass is the CPU the device is there to save).
     * Shown with a device whose output differs from what its CRC covers: no host pass, so nothing notices.
     */
    @Test
    void aDeviceMembersCrcIsTheDevicesWithNoPassOverItsOutputOnTheHost() {
        byte[] data = new KafkaLikeEvents(3).fill(20_000);
        ByteBuffer member = ByteBuffer.wrap(new JdkBackendGzip().gzip(data));
        GzipFormat.skipHeader(member);
        Backend spoiling = new ReportingCrc(new JdkBackend(), crc -> crc, true);
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        Backend.Inflated r = GzipMembers.inflateBody(spoiling, member.duplicate(), out, CopyCounter.NONE);
        assertThat(r.hasCrc()).isTrue();
        assertThat(r.produced()).isEqualTo(data.length);
    }

    /** A gzip member from the JDK backend through kqat's framing. */
    private static final class JdkBackendGzip {
        byte[] gzip(byte[] data) {
            Backend jdk = new JdkBackend();
            ByteBuffer out = ByteBuffer.allocate(GzipMembers.maxMemberSize(jdk, data.length));
            GzipMembers.compress(jdk, ByteBuffer.wrap(data), out, 6, CopyCounter.NONE);
            byte[] gz = new byte[out.flip().remaining()];
            out.get(gz);
            return gz;
        }
    }

    /** Inflates with a real backend and reports a CRC32 of the output as a device would, altered as told. */
    private static final class ReportingCrc implements Backend {
        private final Backend inner;
        private final java.util.function.LongUnaryOperator report;
        private final boolean spoilOutput;

        ReportingCrc(Backend inner, java.util.function.LongUnaryOperator report, boolean spoilOutput) {
            this.inner = inner;
            this.report = report;
            this.spoilOutput = spoilOutput;
        }

        @Override
        public String name() {
            return "reporting";
        }

        @Override
        public StagingMemory staging() {
            return StagingMemory.ANY;
        }

        @Override
        public int deflateBound(int n) {
            return inner.deflateBound(n);
        }

        @Override
        public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
            return inner.deflate(src, dst, level);
        }

        @Override
        public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
            int start = dst.position();
            Inflated r = inner.inflate(src, dst);
            if (!r.complete()) {
                return r;
            }
            ByteBuffer written = dst.duplicate();
            written.limit(dst.position()).position(start);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(written.duplicate());
            if (spoilOutput) {
                dst.put(start, (byte) (dst.get(start) ^ 0x55));
            }
            return new Inflated(true, r.consumed(), r.produced(), report.applyAsLong(crc.getValue()));
        }
    }
}
