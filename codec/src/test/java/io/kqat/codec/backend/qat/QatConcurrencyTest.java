package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many threads through one device: leases never overlap, every batch survives, and closing releases everything. */
class QatConcurrencyTest {

    @Test
    void manyThreadsNoOverlapNoLeak() throws Exception {
        EmulatorControl emu = Emulator.control("iova");
        long sessions = emu.counter("sessions_outstanding");
        long allocations = emu.counter("allocations_outstanding");
        long mappings = emu.counter("mappings_outstanding"); // an earlier test's region may be held for a late request
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_REGION_BYTES, Long.toString(4L << 20)).build())) {
            emu.resetCounters();
            emu.setLatencyMicros(200); // keeps several requests in flight at once
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 40; i++) {
                        int size = 1000 + (thread * 7919 + i * 104_729) % 200_000;
                        byte[] data = new KafkaLikeEvents(thread * 1000L + i).fill(size);
                        try (BufferLease lease = codec.acquireBatchBuffer(size)) {
                            ByteBuffer b = lease.buffer();
                            b.put(data);
                            Thread.yield();
                            // Another thread writing into an overlapping lease would have changed these bytes.
                            byte[] check = new byte[size];
                            b.flip().duplicate().get(check);
                            if (!Arrays.equals(check, data)) {
                                throw new AssertionError("lease contents changed under thread " + thread);
                            }
                            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(size));
                            codec.compress(b, out, 1 + i % 9);
                            byte[] gz = Arrays.copyOf(out.array(), out.position());
                            if (Arrays.equals(codec.decompress(gz), data)) {
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(40);
            }
            assertThat(emu.counter("max_in_flight")).as("requests on one instance's ring at the same time").isGreaterThan(1);
            assertThat(Emulator.slotsInUse(codec)).isZero();
        } finally {
            emu.setLatencyMicros(0);
            pool.shutdownNow();
        }
        assertThat(emu.counter("mappings_outstanding")).as("IOVA mappings after close").isEqualTo(mappings);
        assertThat(emu.counter("sessions_outstanding")).as("sessions after close").isEqualTo(sessions);
        assertThat(emu.counter("allocations_outstanding")).as("qaeMemAllocNUMA blocks after close").isEqualTo(allocations);
        assertThat(emu.counter("process_started")).as("qatlib process after close").isZero();
    }

    @Test
    void anExhaustedRegionLendsPlainMemoryAndBatchesStillGoThrough() {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_REGION_BYTES, Long.toString(2L << 20)).build())) {
            List<BufferLease> held = new ArrayList<>();
            BufferLease lease;
            while ((lease = codec.acquireBatchBuffer(64 << 10)).deviceMapped()) {
                held.add(lease);
            }
            assertThat(held).hasSize(32);
            byte[] data = new KafkaLikeEvents(3).fill(60_000);
            lease.buffer().put(data).flip();
            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(data.length));
            codec.compress(lease.buffer(), out, 6);
            assertThat(codec.decompress(Arrays.copyOf(out.array(), out.position()))).isEqualTo(data);
            // Full region: no slots to stage into, so the zero-copy rung declines and the pinned-copy rung serves.
            assertThat(codec.backend("qat").stats().getCompressBatches()).isZero();
            assertThat(codec.backend("qat-pinned").stats().getCompressBatches()).isEqualTo(1);
            assertThat(codec.backend("qat").stats().getFallbacks()).as("compress and decompress declined by the full region").isEqualTo(2);
            assertThat(codec.backend("qat").stats().getErrors()).as("a full region is not a device fault").isZero();
            assertThat(codec.backend("qat").circuitOpen()).isFalse();
            held.forEach(BufferLease::close);
            assertThat(codec.acquireBatchBuffer(64 << 10).deviceMapped()).isTrue();
        }
    }
}
