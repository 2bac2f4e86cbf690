package io.kqat.codec.backend.isal;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.Mode;
import io.kqat.codec.StatsSnapshot;
import io.kqat.samples.KafkaLikeEvents;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each decode path costs per member beyond the inflate itself, with ISA-L, the default decoder: heap bytes
 * allocated by the calling thread, and bytes copied (kqat's own copy counters). Counted, not timed: a window or a
 * staging buffer taken from the heap per call, or a copy that comes back, fails here.
 */
class DecodeCostTest {
    private static final int MEMBERS = 16;
    /** Small objects per call (the decoder, its duplicates and results): far below any buffer of a member's size. */
    private static final long SMALL_OBJECTS = 4 << 10;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private interface Path {
        long read(GzipCodec codec, ByteBuffer member, byte[] sink) throws Exception;
    }

    private record Cost(long allocatedPerMember, long copiedIn, long copiedOut, long readerCopied, long output) {
    }

    private static List<ByteBuffer> members(int memberBytes, boolean direct) {
        List<ByteBuffer> gz = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            byte[] m = gzip(new KafkaLikeEvents(i).fill(memberBytes));
            gz.add(direct ? ByteBuffer.allocateDirect(m.length).put(m).flip() : ByteBuffer.wrap(m));
        }
        return gz;
    }

    private static Cost measure(int memberBytes, boolean direct, Path path) throws Exception {
        List<ByteBuffer> gz = members(memberBytes, direct);
        byte[] sink = new byte[8 << 10];
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            assertThat(codec.decompressBackendName()).isEqualTo("isal");
            for (int warm = 0; warm < 3; warm++) { // pools, contexts and the JIT's first tiers
                for (ByteBuffer m : gz) {
                    path.read(codec, m.duplicate(), sink);
                }
            }
            StatsSnapshot before = codec.totals();
            long readerBefore = codec.counters().readerBytesCopied();
            long thread = Thread.currentThread().getId();
            long allocated = THREADS.getThreadAllocatedBytes(thread);
            long out = 0;
            for (ByteBuffer m : gz) {
                out += path.read(codec, m.duplicate(), sink);
            }
            allocated = THREADS.getThreadAllocatedBytes(thread) - allocated;
            StatsSnapshot after = codec.totals();
            assertThat(out).isEqualTo((long) MEMBERS * memberBytes);
            return new Cost(allocated / MEMBERS, after.getDecompressCopiedIn() - before.getDecompressCopiedIn(),
                    after.getDecompressCopiedOut() - before.getDecompressCopiedOut(),
                    codec.counters().readerBytesCopied() - readerBefore, out);
        }
    }

    private static long readAll(InputStream in, byte[] sink) throws Exception {
        try (in) {
            long n = 0;
            int r;
            while ((r = in.read(sink)) >= 0) {
                n += r;
            }
            return n;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aWholeMemberAllocatesItsResultOnlyAndCopiesItOnce(int memberBytes) throws Exception {
        Cost c = measure(memberBytes, true, (codec, m, sink) -> codec.decompress(m).remaining());
        // The API returns a new heap buffer, sized from the trailer (plus a sixteenth): that is all it allocates.
        assertThat(c.allocatedPerMember()).as("bytes allocated per member").isLessThan(memberBytes + memberBytes / 16
                + SMALL_OBJECTS);
        assertThat(c.copiedIn()).as("compressed bytes staged").isZero();
        assertThat(c.copiedOut()).as("inflated bytes staged").isZero();
        assertThat(c.readerCopied()).as("the one copy, into the heap result").isEqualTo(c.output());
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aKafkaBatchAllocatesNoWindowAndIsNotStaged(int memberBytes) throws Exception {
        Cost c = measure(memberBytes, true, (codec, m, sink) -> readAll(codec.batchInputStream(m), sink));
        assertThat(c.allocatedPerMember()).as("bytes allocated per batch").isLessThan(SMALL_OBJECTS);
        assertThat(c.copiedIn() + c.copiedOut()).as("bytes staged").isZero();
        assertThat(c.readerCopied()).as("the reader's own copy").isEqualTo(c.output());
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aHeapBatchIsCopiedInOnceAndAllocatesNoWindow(int memberBytes) throws Exception {
        List<ByteBuffer> gz = members(memberBytes, false);
        long compressed = gz.stream().mapToLong(ByteBuffer::remaining).sum();
        Cost c = measure(memberBytes, false, (codec, m, sink) -> readAll(codec.batchInputStream(m), sink));
        assertThat(c.allocatedPerMember()).as("bytes allocated per batch").isLessThan(SMALL_OBJECTS);
        assertThat(c.copiedIn()).as("compressed bytes copied into native memory, once").isEqualTo(compressed);
        assertThat(c.copiedOut()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aStreamAllocatesNoWindow(int memberBytes) throws Exception {
        Cost c = measure(memberBytes, true, (codec, m, sink) -> readAll(codec.inputStream(new BufferStream(m)), sink));
        assertThat(c.allocatedPerMember()).as("bytes allocated per stream").isLessThan(SMALL_OBJECTS);
        assertThat(c.readerCopied()).as("the reader's own copy").isEqualTo(c.output());
    }

    /** A buffer read as a stream, as a file hands its bytes (all of them available). */
    private static final class BufferStream extends InputStream {
        private final ByteBuffer b;

        BufferStream(ByteBuffer b) {
            this.b = b;
        }

        @Override
        public int available() {
            return b.remaining();
        }

        @Override
        public int read() {
            return b.hasRemaining() ? b.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] dst, int off, int len) {
            if (!b.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, b.remaining());
            b.get(dst, off, n);
            return n;
        }
    }
}
