package io.kqat.codec.engine;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.nativeio.BufferPool;
import io.kqat.codec.nativeio.NativeMemory;
import io.kqat.samples.KafkaLikeEvents;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Decoding within a bound far smaller than what the readers ask for: 64 batch reads at once, each holding its batch
 * open, under a 2 MiB bound. Every batch is read; the bound holds while the windows are in use (the budget's peak); at
 * the bound readers take smaller windows, wait, or read on the heap.
 */
class BoundedDecodeMemoryTest {
    @Test
    void sixtyFourReadsAtOnceUnderATwoMibBoundAllSucceedWithinIt() throws Exception {
        byte[] records = new KafkaLikeEvents(2).fill(1 << 20);
        byte[] batch = gzip(records);
        NativeMemory budget = NativeMemory.of(2L << 20);
        ExecutorService threads = Executors.newFixedThreadPool(64);
        try (BackendLadder ladder = BackendLadder.build(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            Decoders decoders = new Decoders(ladder, new BufferPool(budget, 8 << 20, 4));
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                reads.add(threads.submit(() -> {
                    List<InputStream> open = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        open.add(decoders.batchStream(ByteBuffer.wrap(batch), Long.MAX_VALUE));
                    }
                    boolean same = true;
                    for (InputStream in : open) {
                        same &= Arrays.equals(in.readAllBytes(), records);
                        in.close();
                    }
                    return same;
                }));
            }
            for (Future<Boolean> r : reads) {
                assertThat(r.get()).as("records read back").isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(budget.peak()).as("native memory at its peak").isLessThanOrEqualTo(2L << 20);
        assertThat(budget.refusals()).as("reservations refused at the bound").isPositive();
    }
}
