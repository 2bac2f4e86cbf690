package io.kqat.codec.buffer;

/** Where batch bytes live before compression: device-mapped slots when QAT zero-copy is on, plain memory otherwise. */
public interface BatchBuffers extends AutoCloseable {

    /**
     * Lends a buffer of at least {@code minCapacity} bytes. Never blocks: when the preferred memory is exhausted the
     * lease comes from plain memory instead (its {@link BufferLease#deviceMapped()} says which).
     */
    BufferLease acquire(int minCapacity);

    @Override
    default void close() {
    }

    /** Plain heap buffers: the default when no device region exists. */
    static BatchBuffers heap() {
        return minCapacity -> BufferLease.of(java.nio.ByteBuffer.allocate(minCapacity));
    }
}
