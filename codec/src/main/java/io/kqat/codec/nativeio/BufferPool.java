package io.kqat.codec.nativeio;

import io.kqat.codec.BufferLease;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers lent and given back, pooled by power-of-two size class, so steady traffic (one batch after another)
 * allocates nothing. Every buffer's memory is reserved in a {@link NativeMemory} budget before it is allocated, idle
 * or in use, and released when it is freed; freeing is explicit (a buffer over {@code maxIdle} in its class, or above
 * {@code maxPooled}, is freed when given back), so the budget is the memory really taken. When the budget is full the
 * pool first frees its own idle buffers, then refuses ({@link #tryLease}) or waits ({@link #lease(int, long)}).
 */
public final class BufferPool {
    private static final int MIN_CLASS = 12; // 4 KiB
    /** Releases a buffer's reservation if it is dropped unclosed and collected (a bug elsewhere; never relied on). */
    private static final Cleaner CLEANER = Cleaner.create();

    private final NativeMemory memory;
    private final int maxClass;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Block>[] idle;
    private final AtomicInteger[] idleCounts;

    /**
     * @param maxPooled largest buffer kept for reuse (rounded up to a power of two)
     * @param maxIdle   idle buffers kept per size class
     */
    @SuppressWarnings("unchecked")
    public BufferPool(NativeMemory memory, int maxPooled, int maxIdle) {
        this.memory = memory;
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

    public NativeMemory memory() {
        return memory;
    }

    /**
     * A cleared direct buffer of at least {@code capacity} bytes, limit {@code capacity}, until the lease is closed; null
     * when the budget (or the JVM's direct memory) has no room for it.
     */
    public BufferLease tryLease(int capacity) {
        return lease(capacity, 0);
    }

    /** As {@link #tryLease}, waiting up to {@code waitNanos} for memory others give back. */
    public BufferLease lease(int capacity, long waitNanos) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        int c = sizeClass(capacity);
        Block b = c <= maxClass ? idle[c].pollFirst() : null;
        if (b != null) {
            idleCounts[c].decrementAndGet();
        } else {
            b = allocate(c <= maxClass ? 1 << c : capacity, c, waitNanos);
            if (b == null) {
                return null;
            }
        }
        b.buffer.clear().limit(capacity);
        return new Lease(b);
    }

    private Block allocate(int bytes, int sizeClass, long waitNanos) {
        if (!memory.tryReserve(bytes) && !(freeIdle() && memory.tryReserve(bytes))
                && !(waitNanos > 0 && memory.reserve(bytes, waitNanos))) {
            return null;
        }
        ByteBuffer buffer = DirectBuffers.allocate(bytes);
        if (buffer == null) {
            memory.release(bytes);
            return null;
        }
        return new Block(buffer, sizeClass, CLEANER.register(buffer, new Release(memory, bytes)));
    }

    /** Frees every idle buffer (the budget is full); true when there was any. */
    private boolean freeIdle() {
        boolean freed = false;
        for (int c = MIN_CLASS; c <= maxClass; c++) {
            Block b;
            while ((b = idle[c].pollFirst()) != null) {
                idleCounts[c].decrementAndGet();
                b.free();
                freed = true;
            }
        }
        return freed;
    }

    private void giveBack(Block b) {
        int c = b.sizeClass;
        if (c <= maxClass && idleCounts[c].incrementAndGet() <= maxIdle) {
            idle[c].offerFirst(b);
            return;
        }
        if (c <= maxClass) {
            idleCounts[c].decrementAndGet();
        }
        b.free();
    }

    /** One buffer and its reservation. */
    private static final class Block {
        final ByteBuffer buffer;
        final int sizeClass;
        final Cleaner.Cleanable reservation;

        Block(ByteBuffer buffer, int sizeClass, Cleaner.Cleanable reservation) {
            this.buffer = buffer;
            this.sizeClass = sizeClass;
            this.reservation = reservation;
        }

        void free() {
            DirectBuffers.free(buffer);
            reservation.clean(); // releases the reservation, once
        }
    }

    /** Reachable from the cleaner without keeping the buffer alive. */
    private static final class Release implements Runnable {
        private final NativeMemory memory;
        private final long bytes;

        Release(NativeMemory memory, long bytes) {
            this.memory = memory;
            this.bytes = bytes;
        }

        @Override
        public void run() {
            memory.release(bytes);
        }
    }

    private final class Lease implements BufferLease {
        private Block block;

        Lease(Block block) {
            this.block = block;
        }

        @Override
        public ByteBuffer buffer() {
            Block b = block;
            if (b == null) {
                throw new IllegalStateException("buffer lease used after close");
            }
            return b.buffer;
        }

        @Override
        public void close() {
            Block b = block;
            if (b != null) {
                block = null;
                giveBack(b);
            }
        }
    }
}
