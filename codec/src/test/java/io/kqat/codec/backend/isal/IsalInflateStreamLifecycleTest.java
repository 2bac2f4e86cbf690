package io.kqat.codec.backend.isal;

import static io.kqat.codec.backend.isal.Windows.deflate;
import static io.kqat.codec.backend.isal.Windows.drive;
import static io.kqat.codec.backend.isal.Windows.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CorruptGzipException;
import io.kqat.samples.KafkaLikeEvents;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Native memory, use after close, foreign buffers, writes outside the window, and the guard against spinning. */
class IsalInflateStreamLifecycleTest {
    private static final byte[] PLAIN = new KafkaLikeEvents(8).fill(300_000);
    private static final byte[] DEFLATED = deflate(PLAIN, 6);

    @BeforeAll
    static void library() {
        IsalLibrary.requireLoaded();
    }

    @Test
    void everyStateAllocatedIsFreedOverAHundredThousandCycles() {
        int before = IsalInflateStream.liveStates();
        IsalInflateStream probe = new IsalInflateStream();
        assertThat(IsalInflateStream.liveStates()).isEqualTo(before + 1);
        probe.close();
        probe.close(); // a second close frees nothing twice
        assertThat(IsalInflateStream.liveStates()).isEqualTo(before);
        byte[] small = deflate(Arrays.copyOf(PLAIN, 2_000), 6);
        for (int i = 0; i < 100_000; i++) {
            try (IsalInflateStream stream = new IsalInflateStream()) {
                if (i % 1_000 == 0) {
                    assertThat(drive(stream, small, fixed(small.length), fixed(4_096)).finished()).isTrue();
                }
            }
        }
        assertThat(IsalInflateStream.liveStates()).isEqualTo(before);
    }

    /** A Kafka "bomb" batch: 256 MiB of zeros read through one 64 KiB window, with nothing but the state kept. */
    @Test
    void aBombInflatesThroughASmallWindowInFixedMemory() {
        Deflater deflater = new Deflater(9, true);
        ByteBuffer deflated = ByteBuffer.allocateDirect(1 << 20);
        byte[] zeros = new byte[1 << 20];
        try {
            for (int i = 0; i < 256; i++) {
                deflater.setInput(zeros);
                while (!deflater.needsInput()) {
                    deflater.deflate(deflated);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                deflater.deflate(deflated);
            }
        } finally {
            deflater.end();
        }
        deflated.flip();
        int compressed = deflated.remaining();
        ByteBuffer window = ByteBuffer.allocateDirect(65_536);
        long produced = 0;
        long calls = 0;
        try (IsalInflateStream stream = new IsalInflateStream()) {
            boolean done = false;
            while (!done) {
                done = stream.inflate(deflated, window.clear());
                calls++;
                window.flip();
                for (int i = 0; i < window.limit(); i++) {
                    if (window.get(i) != 0) {
                        throw new AssertionError("byte " + (produced + i) + " is not zero");
                    }
                }
                produced += window.limit();
            }
        }
        assertThat(produced).isEqualTo(256L << 20);
        assertThat(calls).isBetween((256L << 20) / 65_536, (256L << 20) / 65_536 + 1);
        assertThat(deflated.position()).isEqualTo(compressed);
    }

    @Test
    void useAfterCloseIsAnIllegalStateNotACrash() {
        IsalInflateStream stream = new IsalInflateStream();
        stream.close();
        ByteBuffer src = ByteBuffer.allocateDirect(16);
        ByteBuffer dst = ByteBuffer.allocateDirect(16);
        assertThatThrownBy(() -> stream.inflate(src, dst)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(stream::reset).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void heapBuffersAreRefusedBeforeAnyNativeCall() {
        try (IsalInflateStream stream = new IsalInflateStream()) {
            ByteBuffer heap = ByteBuffer.wrap(DEFLATED);
            assertThatThrownBy(() -> stream.inflate(heap, ByteBuffer.allocateDirect(64)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> stream.inflate(ByteBuffer.allocateDirect(64), ByteBuffer.allocate(64)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(heap.position()).isZero();
            assertThat(drive(stream, DEFLATED, fixed(65_536), fixed(65_536)).output()).isEqualTo(PLAIN);
        }
    }

    @Test
    void nothingIsWrittenOutsideTheOutputWindow() {
        SplittableRandom random = new SplittableRandom(8);
        ByteBuffer src = ByteBuffer.allocateDirect(DEFLATED.length).put(DEFLATED).flip();
        ByteBuffer page = ByteBuffer.allocateDirect(1 << 20);
        byte[] out = new byte[PLAIN.length];
        int produced = 0;
        try (IsalInflateStream stream = new IsalInflateStream()) {
            boolean done = false;
            while (!done) {
                int window = 1 + random.nextInt(1 << random.nextInt(18));
                int offset = 64 + random.nextInt(64);
                int guarded = offset + window + 4_096; // 4 KiB after the window: wider than any SIMD store
                fill(page, guarded, (byte) 0x5A);
                ByteBuffer dst = page.duplicate().position(offset).limit(offset + window).slice();
                done = stream.inflate(src, dst);
                for (int i = 0; i < guarded; i++) {
                    if ((i < offset || i >= offset + dst.position()) && page.get(i) != 0x5A) {
                        throw new AssertionError("byte " + i + " written, window at " + offset + " of " + window);
                    }
                }
                dst.flip().get(out, produced, dst.remaining());
                produced += dst.position();
            }
        }
        assertThat(produced).isEqualTo(PLAIN.length);
        assertThat(out).isEqualTo(PLAIN);
    }

    /** If ISA-L ever returned without reading or writing while it had both, the stream must not let a caller spin. */
    @Test
    void noProgressWithInputAndRoomIsCorruptNotAHang() throws ReflectiveOperationException {
        try (IsalInflateStream stream = new IsalInflateStream()) {
            // ISAL_CHECKSUM_CHECK with no checksum to check: isal_inflate returns at once, reading and writing nothing.
            stateOf(stream).putInt(InflateState.BLOCK_STATE, 12);
            ByteBuffer src = ByteBuffer.allocateDirect(DEFLATED.length).put(DEFLATED).flip();
            assertThatThrownBy(() -> stream.inflate(src, ByteBuffer.allocateDirect(4_096)))
                    .isInstanceOf(CorruptGzipException.class).hasMessageContaining("no progress");
        }
    }

    private static ByteBuffer stateOf(IsalInflateStream stream) throws ReflectiveOperationException {
        Field field = IsalInflateStream.class.getDeclaredField("state");
        field.setAccessible(true);
        return (ByteBuffer) field.get(stream);
    }

    private static void fill(ByteBuffer buffer, int length, byte value) {
        for (int i = 0; i < length; i++) {
            buffer.put(i, value);
        }
    }
}
