package io.kqat.codec.nativeio;

import io.kqat.codec.BufferLease;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers lent and given back, pooled by power-of-two size class, so steady traffic (one batch after another)
 * allocates nothing. Each class keeps at most {@code maxIdle} idle buffers and nothing above {@code maxPooled} is kept
 * at all, so the pool's memory stays bounded whatever the traffic. A lease that is never closed is simply not reused:
 * its memory is freed by the garbage collector like any direct buffer's.
 */
public final class BufferPool {
    private static final int MIN_CLASS = 12; // 4 KiB

    private final int maxClass;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<ByteBuffer>[] idle;
    private final AtomicInteger[] idleCounts;

    /**
     * @param maxPooled largest buffer kept for reuse (rounded up to a power of two)
     * @param maxIdle   idle buffers kept per size class
     */
    @SuppressWarnings("unchecked")
    public BufferPool(int maxPooled, int maxIdle) {
        this.maxClass = sizeClass(maxPooled);
        this.maxIdle = maxIdle;
        this.idle = new ConcurrentLinkedDeque[maxClass + 1];
        this.idleCounts = new AtomicInteger[maxClass + 1];
        for (int c = MIN_CLASS; c <= maxClass; c++) {
            idle[c] = new ConcurrentLinkedDeque<>();
            idleCounts[c] = new AtomicInteger();
        }
    }

    static int sizeClass(int capacity) {
        return Math.max(MIN_CLASS, 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity) - 1));
    }

    /** A cleared direct buffer of at least {@code capacity} bytes, limit {@code capacity}, until the lease is closed. */
    public BufferLease lease(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        int c = sizeClass(capacity);
        ByteBuffer b = null;
        if (c <= maxClass) {
            b = idle[c].pollFirst();
            if (b != null) {
                idleCounts[c].decrementAndGet();
            }
        }
        if (b == null) {
            b = ByteBuffer.allocateDirect(c <= maxClass ? 1 << c : capacity);
        }
        b.clear().limit(capacity);
        return new Lease(b, c);
    }

    private void giveBack(ByteBuffer b, int c) {
        if (c <= maxClass && idleCounts[c].incrementAndGet() <= maxIdle) {
            idle[c].offerFirst(b);
        } else if (c <= maxClass) {
            idleCounts[c].decrementAndGet();
        }
    }

    private final class Lease implements BufferLease {
        private ByteBuffer buffer;
        private final int sizeClass;

        Lease(ByteBuffer buffer, int sizeClass) {
            this.buffer = buffer;
            this.sizeClass = sizeClass;
        }

        @Override
        public ByteBuffer buffer() {
            ByteBuffer b = buffer;
            if (b == null) {
                throw new IllegalStateException("buffer lease used after close");
            }
            return b;
        }

        @Override
        public void close() {
            ByteBuffer b = buffer;
            if (b != null) {
                buffer = null;
                giveBack(b, sizeClass);
            }
        }
    }
}
