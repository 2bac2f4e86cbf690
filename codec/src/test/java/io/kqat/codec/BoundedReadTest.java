package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.zerosMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading never takes memory in proportion to what the input inflates to: a batch or stream of 256 MiB of zeros is
 * read through fixed windows. Memory is measured as this thread's heap allocation and the JVM's direct-buffer memory,
 * both exact counters (no garbage-collector timing involved).
 */
class BoundedReadTest {
    private static final long ZEROS = 256L << 20;
    private static byte[] bomb;

    @BeforeAll
    static void makeBomb() throws IOException {
        bomb = zerosMember(ZEROS);
    }

    static long threadAllocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static long directMemory() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        throw new AssertionError("no direct buffer pool bean");
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[64 << 10];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
        }
        return total;
    }

    @Test
    void aBatchOfZerosIsReadThroughAWindowNotInflatedWhole() throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.defaults())) {
            drain(codec.batchInputStream(ByteBuffer.wrap(zerosMember(1 << 20)))); // warm: classes, pool
            long heap = threadAllocated();
            long direct = directMemory();
            long read;
            try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(bomb))) {
                read = drain(in);
            }
            assertThat(read).isEqualTo(ZEROS);
            assertThat(threadAllocated() - heap).as("heap allocated reading %d bytes", ZEROS).isLessThan(8L << 20);
            assertThat(directMemory() - direct).as("direct memory taken").isLessThan(8L << 20);
        }
    }

    @Test
    void aForgedSmallSizeInTheTrailerOnlyMakesTheWindowSmaller() throws IOException {
        byte[] forged = bomb.clone();
        ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN).putInt(forged.length - 4, 100);
        try (GzipCodec codec = GzipCodec.create(CodecConfig.defaults());
             InputStream in = codec.batchInputStream(ByteBuffer.wrap(forged))) {
            assertThatThrownBy(() -> drain(in)).isInstanceOf(IOException.class).hasMessageContaining("length");
        }
    }

    @Test
    void eightBatchesReadAtOnceStayWithinTheirWindows() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (GzipCodec codec = GzipCodec.create(CodecConfig.defaults())) {
            long direct = directMemory();
            List<Future<Long>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(bomb))) {
                        return drain(in);
                    }
                }));
            }
            for (Future<Long> f : reads) {
                assertThat(f.get()).isEqualTo(ZEROS);
            }
            assertThat(directMemory() - direct).as("direct memory for 8 concurrent 256 MiB batches").isLessThan(32L << 20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStreamOfZerosIsReadWithFixedMemoryAndItsBoundHoldsAcrossMembers() throws IOException {
        byte[] twoMembers = new byte[bomb.length * 2];
        System.arraycopy(bomb, 0, twoMembers, 0, bomb.length);
        System.arraycopy(bomb, 0, twoMembers, bomb.length, bomb.length);
        try (GzipCodec codec = GzipCodec.create(CodecConfig.defaults())) {
            drain(codec.inputStream(new java.io.ByteArrayInputStream(zerosMember(1 << 20))));
            long heap = threadAllocated();
            try (InputStream in = codec.inputStream(new java.io.ByteArrayInputStream(twoMembers), Long.MAX_VALUE)) {
                assertThat(drain(in)).isEqualTo(2 * ZEROS);
            }
            assertThat(threadAllocated() - heap).as("heap allocated streaming 512 MiB").isLessThan(8L << 20);
        }
        CodecConfig bounded = CodecConfig.builder().maxDecompressedBytes(300L << 20).build();
        try (GzipCodec codec = GzipCodec.create(bounded);
             InputStream in = codec.inputStream(new java.io.ByteArrayInputStream(twoMembers))) {
            ByteArrayCounter counter = new ByteArrayCounter();
            assertThatThrownBy(() -> in.transferTo(counter)).isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(OutputLimitExceededException.class);
            assertThat(counter.count).as("bytes delivered before the bound stopped the stream").isLessThanOrEqualTo(300L << 20);
        }
    }

    /** Counts what is written, keeps nothing. */
    static final class ByteArrayCounter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
