package io.kqat.codec.backend.qat;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-copy proven against the emulator's own view of every request, and pinned-copy where the IOVA API is missing. */
class QatZeroCopyTest {

    @Test
    void batchesWrittenIntoRegionSlotsAreCompressedWithoutCopyingAByte(@TempDir Path dir) throws Exception {
        EmulatorControl emu = Emulator.control("iova");
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(codec.backendName()).isEqualTo("qat");
            Emulator.rung(codec, "qat");
            emu.resetCounters();
            long total = 0;
            for (int size : new int[] {1, 1000, 16 << 10, 100_000, 300_000, 1 << 20}) {
                byte[] data = new KafkaLikeEvents(size).fill(size);
                try (BufferLease lease = codec.acquireBatchBuffer(size)) {
                    assertThat(lease.deviceMapped()).isTrue();
                    ByteBuffer batch = lease.buffer();
                    batch.put(data).flip();
                    ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(size));
                    codec.compress(batch, out, 6);
                    byte[] gz = java.util.Arrays.copyOf(out.array(), out.position());
                    assertThat(gunzip(gz)).isEqualTo(data);
                    Path f = dir.resolve("b" + size + ".gz");
                    Files.write(f, gz);
                    Process p = new ProcessBuilder("gzip", "-dc", f.toString()).start();
                    assertThat(p.getInputStream().readAllBytes()).as("gzip -d reads the QAT member").isEqualTo(data);
                    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(codec.decompress(gz)).isEqualTo(data);
                    total += size;
                }
            }
            BackendStatus qat = codec.backend("qat");
            assertThat(qat.stats().getCompressCopiedIn()).as("uncompressed bytes copied by the host").isZero();
            assertThat(emu.counter("src_bytes_mapped")).as("input bytes the device read from the IOVA mapping").isEqualTo(total);
            assertThat(emu.counter("src_bytes_alloc")).as("input bytes from any other memory").isZero();
            assertThat(emu.counter("iommu_faults")).isZero();
            assertThat(emu.counter("usdm_translations")).as("every buffer translated through qaeVirtToPhysNUMA").isPositive();
            assertThat(qat.mode()).isEqualTo("zero-copy");
        }
    }

    @Test
    void withoutTheIovaApiThePinnedCopyRungServesAndCountsItsCopies() {
        EmulatorControl emu = Emulator.control("legacy");
        try (GzipCodec codec = Emulator.codec("legacy")) {
            BackendStatus zeroCopy = codec.backend("qat");
            assertThat(zeroCopy.ready()).isFalse();
            assertThat(zeroCopy.skipReason()).contains("qaeMemMapContiguousIova").contains("older than 26.02");
            assertThat(codec.backendName()).isEqualTo("qat-pinned");
            Emulator.rung(codec, "qat-pinned");
            emu.resetCounters();
            byte[] data = new KafkaLikeEvents(8).fill(200_000);
            try (BufferLease lease = codec.acquireBatchBuffer(data.length)) {
                assertThat(lease.deviceMapped()).as("no region to lend from").isFalse();
            }
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            BackendStatus pinned = codec.backend("qat-pinned");
            assertThat(pinned.stats().getCompressCopiedIn()).isEqualTo(data.length);
            assertThat(emu.counter("src_bytes_alloc")).isEqualTo(data.length);
            assertThat(emu.counter("src_bytes_mapped")).isZero();
            assertThat(pinned.mode()).isEqualTo("pinned-copy");
        }
    }
}
