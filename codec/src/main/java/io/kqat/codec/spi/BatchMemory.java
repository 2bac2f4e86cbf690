package io.kqat.codec.spi;

import io.kqat.codec.BufferLease;
import java.nio.ByteBuffer;

/** Where batch bytes live before compression: device-mapped slots when QAT zero-copy is on, plain memory otherwise. */
public interface BatchMemory {

    /** Plain heap buffers: the default when no backend offers better memory. */
    BatchMemory HEAP = minCapacity -> BufferLease.of(ByteBuffer.allocate(minCapacity));

    /**
     * Lends a buffer of at least {@code minCapacity} bytes. Never blocks: when the preferred memory is exhausted the
     * lease comes from plain memory instead (its {@link BufferLease#deviceMapped()} says which).
     */
    BufferLease acquire(int minCapacity);
}
