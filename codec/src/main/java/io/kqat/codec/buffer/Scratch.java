package io.kqat.codec.buffer;

import java.nio.ByteBuffer;

/**
 * Per-thread direct buffers used to stage heap data for native backends. Two independent buffers (input and
 * output) so one call can stage both sides; they are reused, so staging costs one memcpy, not an allocation.
 */
public final class Scratch {
    /** Above this size a staging buffer is allocated for the call and not kept, so one huge batch does not pin memory. */
    static final int MAX_RETAINED = 8 << 20;

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private ByteBuffer input = ByteBuffer.allocateDirect(0);
    private ByteBuffer output = ByteBuffer.allocateDirect(0);

    private Scratch() {
    }

    /** A cleared direct buffer of at least {@code capacity} bytes for input staging, limited to {@code capacity}. */
    public static ByteBuffer input(int capacity) {
        Scratch s = LOCAL.get();
        ByteBuffer b = fit(s.input, capacity);
        if (b.capacity() <= MAX_RETAINED) {
            s.input = b;
        }
        return b.clear().limit(capacity);
    }

    /** A cleared direct buffer of at least {@code capacity} bytes for output staging, limited to {@code capacity}. */
    public static ByteBuffer output(int capacity) {
        Scratch s = LOCAL.get();
        ByteBuffer b = fit(s.output, capacity);
        if (b.capacity() <= MAX_RETAINED) {
            s.output = b;
        }
        return b.clear().limit(capacity);
    }

    private static ByteBuffer fit(ByteBuffer current, int capacity) {
        if (current.capacity() >= capacity) {
            return current;
        }
        if (capacity > MAX_RETAINED) {
            return ByteBuffer.allocateDirect(capacity);
        }
        return ByteBuffer.allocateDirect(Math.max(capacity, Math.min(MAX_RETAINED, current.capacity() * 2)));
    }
}
