package io.kqat.codec;

import java.nio.ByteBuffer;

/**
 * A buffer lent for one batch or one request. Where QAT zero-copy is active it is a slot run of the device-mapped
 * region, so the bytes written into it are compressed in place. Closing returns it; the buffer must not be used
 * afterwards.
 */
public interface BufferLease extends AutoCloseable {

    /** The lent buffer: position 0, limit = capacity on first use. */
    ByteBuffer buffer();

    /** True when the buffer lies in device-mapped memory (compression from it copies nothing). */
    default boolean deviceMapped() {
        return false;
    }

    /**
     * Grows this lease to at least {@code minCapacity} bytes without moving what was written: on true,
     * {@link #buffer()} is a new, larger view of the same memory from the same first byte (position 0, limit its
     * capacity), so a batch grows where it is and the device still reads it in place. False when it cannot grow in
     * place (the memory after it is lent, or it is plain memory); the lease and its buffer are then unchanged.
     */
    default boolean growInPlace(int minCapacity) {
        return false;
    }

    @Override
    void close();

    /** A lease over plain memory, nothing to give back. */
    static BufferLease of(ByteBuffer buffer) {
        return new BufferLease() {
            @Override
            public ByteBuffer buffer() {
                return buffer;
            }

            @Override
            public void close() {
            }
        };
    }
}
