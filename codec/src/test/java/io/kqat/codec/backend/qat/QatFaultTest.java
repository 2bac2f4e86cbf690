package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.StatsSnapshot;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Device faults mid-stream: the failed batches are redone by the next rung, none is lost, altered or reordered. */
class QatFaultTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void clearFaults() {
        emu.failRequests(0, 0);
        emu.setLatencyMicros(0);
    }

    /** Compresses batches one after another into one stream (as a producer does) and returns each member. */
    private static List<byte[]> compressAll(GzipCodec codec, List<byte[]> batches) {
        List<byte[]> members = new ArrayList<>();
        for (byte[] b : batches) {
            try (BufferLease lease = codec.acquireBatchBuffer(b.length)) {
                ByteBuffer in = lease.buffer();
                in.put(b).flip();
                ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(b.length));
                codec.compress(in, out, 6);
                members.add(java.util.Arrays.copyOf(out.array(), out.position()));
            }
        }
        return members;
    }

    private static List<byte[]> batches(int n) {
        List<byte[]> batches = new ArrayList<>();
        KafkaLikeEvents events = new KafkaLikeEvents(77);
        for (int i = 0; i < n; i++) {
            batches.add(events.fill(20_000 + i * 1000));
        }
        return batches;
    }

    @Test
    void failedRequestsMidStreamAreRedoneInSoftwareInOrder() {
        try (GzipCodec codec = Emulator.codec("iova")) {
            emu.resetCounters();
            emu.failRequests(3, 3);
            List<byte[]> batches = batches(12);
            List<byte[]> members = compressAll(codec, batches);
            for (int i = 0; i < batches.size(); i++) {
                assertThat(codec.decompress(members.get(i))).as("batch %d", i).isEqualTo(batches.get(i));
            }
            // Requests 3, 4 and 5 fail whichever rung sent them (a redo on the pinned-copy rung is a request too).
            assertThat(emu.counter("injected_faults")).isEqualTo(3);
            StatsSnapshot qat = codec.backend("qat").stats();
            StatsSnapshot pinned = codec.backend("qat-pinned").stats();
            assertThat(qat.getErrors() + pinned.getErrors()).isEqualTo(3);
            assertThat(codec.totals().getCompressBatches()).as("every batch compressed exactly once in the end").isEqualTo(12);
            assertThat(qat.getCompressBatches()).as("batches the zero-copy rung served").isEqualTo(12 - qat.getErrors());
        }
    }

    @Test
    void aDeviceThatKeepsFailingOpensTheBreakerAndEverythingStillArrives() {
        try (GzipCodec codec = Emulator.codec("iova")) {
            emu.resetCounters();
            emu.failRequests(0, 1_000_000);
            List<byte[]> batches = batches(20);
            List<byte[]> members = compressAll(codec, batches);
            for (int i = 0; i < batches.size(); i++) {
                assertThat(codec.decompress(members.get(i))).as("batch %d", i).isEqualTo(batches.get(i));
            }
            assertThat(codec.backend("qat").circuitOpen()).as("qat breaker").isTrue();
            assertThat(codec.backend("qat-pinned").circuitOpen()).as("qat-pinned breaker").isTrue();
            // 40 requests without a breaker; five failures per rung and direction open it.
            assertThat(emu.counter("injected_faults")).as("requests sent before the breakers opened")
                    .isLessThanOrEqualTo(20);
        }
    }

    @Test
    void aRequestThatOutlivesTheTimeoutFallsBackAndItsSlotsComeBackLater() throws Exception {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_TIMEOUT_MS, "50").build())) {
            emu.setLatencyMicros(400_000);
            byte[] data = new KafkaLikeEvents(5).fill(100_000);
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            assertThat(codec.backend("qat").stats().getErrors()).isPositive();
            emu.setLatencyMicros(0);
            Thread.sleep(500);
            // The next request polls the instance, which delivers the late completion and frees its memory.
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Emulator.slotsInUse(codec) != 0 && System.nanoTime() < deadline) {
                codec.compress(data);
                Thread.sleep(20);
            }
            assertThat(Emulator.slotsInUse(codec)).as("slots held by the timed-out request").isZero();
        }
    }

    @Test
    void aFullRingAnswersRetryAndTheRequestWaitsItsTurn() throws Exception {
        emu.configure(1, 1, false);
        try (GzipCodec codec = Emulator.codec("iova")) {
            emu.resetCounters();
            emu.setLatencyMicros(20_000); // each request holds the single ring slot for 20 ms
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int seed = t;
                    results.add(pool.submit(() -> {
                        byte[] data = new KafkaLikeEvents(seed).fill(50_000);
                        return java.util.Arrays.equals(codec.decompress(codec.compress(data)), data);
                    }));
                }
                for (var f : results) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(emu.counter("retries")).as("submissions answered RETRY by a full ring").isPositive();
        } finally {
            emu.configure(2, 64, false);
        }
    }
}
