package io.kqat.codec.spi;

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
