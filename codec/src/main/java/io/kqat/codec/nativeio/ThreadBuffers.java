package io.kqat.codec.nativeio;

import io.kqat.codec.BufferLease;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * The one per-thread buffer cache: a few direct buffers per thread, the staging memory of the native software backends
 * (a heap batch is copied into one once, not allocated per call), and one heap buffer for compressed output on its
 * way into a stream. Buffers grow to the largest request up to {@link #MAX_RETAINED}; larger ones are allocated for the
 * call and not kept, so one huge batch does not pin memory on a thread for good.
 */
public final class ThreadBuffers implements StagingMemory {
    /** Staging memory for backends that take direct buffers only. */
    public static final ThreadBuffers DIRECT = new ThreadBuffers();

    static final int MAX_RETAINED = 8 << 20;
    private static final int SLOTS = 4;
    private static final ThreadLocal<Cache> LOCAL = ThreadLocal.withInitial(Cache::new);

    private ThreadBuffers() {
    }

    @Override
    public boolean readsInPlace(ByteBuffer buffer) {
        return buffer.isDirect();
    }

    @Override
    public boolean writesInPlace(ByteBuffer buffer) {
        return buffer.isDirect();
    }

    /** A cleared direct buffer of at least {@code capacity} bytes, limited to {@code capacity}, this thread's until closed. */
    @Override
    public BufferLease lease(int capacity) {
        Cache cache = LOCAL.get();
        for (int i = 0; i < SLOTS; i++) {
            if (!cache.inUse[i]) {
                ByteBuffer b = fit(cache.direct[i], capacity, true);
                if (b.capacity() <= MAX_RETAINED) {
                    cache.direct[i] = b;
                }
                cache.inUse[i] = true;
                return new Slot(cache, i, b.clear().limit(capacity));
            }
        }
        return BufferLease.of(ByteBuffer.allocateDirect(capacity)); // deeper nesting than any caller needs
    }

    /** A cleared heap buffer of at least {@code capacity} bytes for this thread's next write; valid until its next call. */
    public static ByteBuffer heap(int capacity) {
        Cache cache = LOCAL.get();
        ByteBuffer b = fit(cache.heap, capacity, false);
        if (b.capacity() <= MAX_RETAINED) {
            cache.heap = b;
        }
        return b.clear();
    }

    private static ByteBuffer fit(ByteBuffer current, int capacity, boolean direct) {
        if (current != null && current.capacity() >= capacity) {
            return current;
        }
        int size = capacity > MAX_RETAINED ? capacity
                : Math.max(capacity, Math.min(MAX_RETAINED, current == null ? 0 : current.capacity() * 2));
        return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    private static final class Cache {
        final ByteBuffer[] direct = new ByteBuffer[SLOTS];
        final boolean[] inUse = new boolean[SLOTS];
        ByteBuffer heap;
    }

    private static final class Slot implements BufferLease {
        private final Cache cache;
        private final int index;
        private final ByteBuffer buffer;
        private boolean closed;

        Slot(Cache cache, int index, ByteBuffer buffer) {
            this.cache = cache;
            this.index = index;
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                cache.inUse[index] = false;
            }
        }
    }
}
