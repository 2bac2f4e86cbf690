package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 6, the arena's side: a batch lent from the region grows without moving
 * ({@link BufferLease#growInPlace}), so a batch that outgrows its first lease is still compressed where it was
 * written: the device reads every byte from the mapping, and the host copies none.
 */
class BatchGrowthTest {

    @Test
    void aBatchThatGrowsIsCompressedInPlace() {
        EmulatorControl emu = Emulator.control("iova");
        try (GzipCodec codec = Emulator.codec("iova")) {
            emu.resetCounters();
            byte[] data = new KafkaLikeEvents(21).fill(400_000);
            try (BufferLease lease = codec.acquireBatchBuffer(128 << 10)) {
                assertThat(lease.deviceMapped()).isTrue();
                ByteBuffer b = lease.buffer();
                long start = DirectAddress.at(b);
                int written = 0;
                while (written < data.length) {
                    if (!b.hasRemaining()) {
                        int position = b.position();
                        assertThat(lease.growInPlace(b.capacity() * 2)).as("grow at %d bytes", written).isTrue();
                        b = lease.buffer();
                        assertThat(DirectAddress.at(b)).as("the batch did not move").isEqualTo(start);
                        b.position(position);
                    }
                    int n = Math.min(b.remaining(), data.length - written);
                    b.put(data, written, n);
                    written += n;
                }
                b.flip();
                ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(data.length));
                codec.compress(b, out, 6);
                assertThat(codec.decompress(Arrays.copyOf(out.array(), out.position()))).isEqualTo(data);
            }
            assertThat(codec.backend("qat").stats().getCompressCopiedIn()).isZero();
            assertThat(emu.counter("src_bytes_mapped")).isEqualTo(data.length);
            assertThat(emu.counter("src_bytes_alloc")).isZero();
        }
    }

    @Test
    void aKafkaBatchStreamGrowsItsSlotsInPlace() throws Exception {
        EmulatorControl emu = Emulator.control("iova");
        try (GzipCodec codec = Emulator.codec("iova")) {
            emu.resetCounters();
            byte[] data = new KafkaLikeEvents(22).fill(400_000);
            java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
            try (java.io.OutputStream batch = codec.batchOutputStream(wire, 6)) {
                for (int off = 0; off < data.length; off += 100) {
                    batch.write(data, off, Math.min(100, data.length - off)); // as Kafka appends records
                }
            }
            assertThat(codec.decompress(wire.toByteArray())).isEqualTo(data);
            assertThat(codec.counters().batchBytesMoved()).as("bytes moved to a larger lease").isZero();
            assertThat(codec.backend("qat").stats().getCompressCopiedIn()).isZero();
            assertThat(emu.counter("src_bytes_mapped")).isEqualTo(data.length);
        }
    }

    @Test
    void plainMemoryDoesNotGrowInPlace() {
        try (GzipCodec codec = Emulator.codec("legacy"); BufferLease lease = codec.acquireBatchBuffer(1000)) {
            assertThat(lease.deviceMapped()).isFalse();
            assertThat(lease.growInPlace(2000)).isFalse();
            assertThat(lease.buffer().limit()).as("what was asked for, unchanged").isEqualTo(1000);
        }
    }
}
