package io.kqat.codec.engine;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.spi.BatchMemory;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A batch whose memory cannot grow (its preferred memory and the heap both refuse) keeps what was written before: the
 * failed write throws, and the batch then either goes on growing once memory is back or is closed with every byte
 * written before the failure.
 */
class BatchGrowthFailureTest {
    private static final int FIRST = MemberOutputStream.INITIAL_CAPACITY;
    private static final byte[] RECORDS = new KafkaLikeEvents(3).fill(FIRST + 5_000);

    /** Memory that serves the first lease only while {@code available}, and a heap that refuses while it is not. */
    private static final class Scarce {
        final AtomicBoolean available = new AtomicBoolean(true);
        final BatchMemory preferred = n -> {
            if (!available.get()) {
                throw new IllegalStateException("no native memory left");
            }
            return BufferLease.of(ByteBuffer.allocateDirect(n));
        };
        final BatchMemory heap = n -> {
            if (!available.get()) {
                throw new OutOfMemoryError("Java heap space");
            }
            return BufferLease.of(ByteBuffer.allocate(n));
        };
    }

    private static MemberOutputStream stream(BackendLadder ladder, Scarce memory, OutputStream target) {
        BatchCompressor compressor = new BatchCompressor(ladder, memory.preferred, memory.heap, new EngineCounters());
        return new MemberOutputStream(compressor, target, 6, Integer.MAX_VALUE);
    }

    private static BackendLadder ladder() {
        return BackendLadder.build(CodecConfig.builder().mode(Mode.JDK).build());
    }

    private static void assertSame(byte[] batch, byte[] written) {
        assertThat(batch.length).as("bytes in the batch").isEqualTo(written.length);
        assertThat(Arrays.mismatch(batch, written)).as("first byte that differs from what was written").isEqualTo(-1);
    }

    @Test
    void aWriteThatCannotGrowTheBatchLeavesWhatWasWrittenForLaterWrites() throws IOException {
        Scarce memory = new Scarce();
        ByteArrayOutputStream kafka = new ByteArrayOutputStream();
        try (BackendLadder ladder = ladder(); MemberOutputStream out = stream(ladder, memory, kafka)) {
            out.write(RECORDS, 0, FIRST);
            memory.available.set(false);
            assertThatThrownBy(() -> out.write(RECORDS, FIRST, 1_000)).isInstanceOf(OutOfMemoryError.class);
            memory.available.set(true);
            out.write(RECORDS, FIRST, RECORDS.length - FIRST);
        }
        assertSame(gunzip(kafka.toByteArray()), RECORDS);
    }

    @Test
    void aBatchClosedAfterAFailedGrowthHoldsEveryByteWrittenBefore() throws IOException {
        Scarce memory = new Scarce();
        ByteArrayOutputStream kafka = new ByteArrayOutputStream();
        try (BackendLadder ladder = ladder(); MemberOutputStream out = stream(ladder, memory, kafka)) {
            out.write(RECORDS, 0, FIRST);
            memory.available.set(false);
            assertThatThrownBy(() -> out.write(RECORDS, FIRST, 1_000)).isInstanceOf(OutOfMemoryError.class);
        }
        assertSame(gunzip(kafka.toByteArray()), Arrays.copyOf(RECORDS, FIRST));
    }
}
