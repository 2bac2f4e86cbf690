package io.kqat.codec.nativeio;

import java.nio.ByteBuffer;

/**
 * One heap buffer per thread for compressed output on its way into a stream, grown to the largest request up to
 * {@link #MAX_RETAINED}; larger ones are allocated for the call and not kept, so one huge batch does not pin memory on a
 * thread for good. Heap only: kqat's native and direct memory is {@link NativeBuffers}'.
 */
public final class ThreadBuffers {
    static final int MAX_RETAINED = 8 << 20;
    private static final ThreadLocal<ByteBuffer[]> LOCAL = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

    private ThreadBuffers() {
    }

    /** A cleared heap buffer of at least {@code capacity} bytes for this thread's next write; valid until its next call. */
    public static ByteBuffer heap(int capacity) {
        ByteBuffer[] cache = LOCAL.get();
        ByteBuffer current = cache[0];
        if (current != null && current.capacity() >= capacity) {
            return current.clear();
        }
        int size = capacity > MAX_RETAINED ? capacity
                : Math.max(capacity, Math.min(MAX_RETAINED, current == null ? 0 : current.capacity() * 2));
        ByteBuffer b = ByteBuffer.allocate(size);
        if (size <= MAX_RETAINED) {
            cache[0] = b;
        }
        return b;
    }
}
