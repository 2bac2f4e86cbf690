package io.kqat.codec.nativeio;

import io.kqat.codec.BufferLease;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * kqat's direct buffers in this class loader: one pool for batch memory, decoding windows, copies of heap batches and
 * the native backends' staging, its memory counted in the process's {@link NativeMemory} budget.
 */
public final class NativeBuffers {
    /** Buffers up to 8 MiB are reused, a few per size; larger ones are freed when given back. */
    static final int POOLED_MAX = 8 << 20;
    private static final BufferPool POOL = new BufferPool(NativeMemory.process(), POOLED_MAX,
            4 * Runtime.getRuntime().availableProcessors());

    /** Staging memory for backends that take direct buffers only: a lease, or none (the backend then declines). */
    public static final StagingMemory DIRECT_STAGING = new StagingMemory() {
        @Override
        public boolean readsInPlace(ByteBuffer buffer) {
            return buffer.isDirect();
        }

        @Override
        public boolean writesInPlace(ByteBuffer buffer) {
            return buffer.isDirect();
        }

        @Override
        public BufferLease lease(int capacity) {
            return POOL.tryLease(capacity);
        }
    };

    private NativeBuffers() {
    }

    public static BufferPool pool() {
        return POOL;
    }
}
