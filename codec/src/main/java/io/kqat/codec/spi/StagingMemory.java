package io.kqat.codec.spi;

import io.kqat.codec.BufferLease;
import java.nio.ByteBuffer;

/**
 * The memory a backend works on in place. The gzip layer copies any other buffer into a lease from here (once, and
 * counted) before calling the backend, and copies the output back: the one staging path for every backend.
 */
public interface StagingMemory {

    /** Heap or direct, anything goes: nothing is ever staged (the JDK's zlib). */
    StagingMemory ANY = new StagingMemory() {
        @Override
        public boolean readsInPlace(ByteBuffer buffer) {
            return true;
        }

        @Override
        public boolean writesInPlace(ByteBuffer buffer) {
            return true;
        }

        @Override
        public BufferLease lease(int capacity) {
            return BufferLease.of(ByteBuffer.allocate(capacity));
        }
    };

    /** True when the backend can read {@code buffer}'s remaining bytes where they are. */
    boolean readsInPlace(ByteBuffer buffer);

    /** True when the backend may write into {@code buffer} directly. */
    boolean writesInPlace(ByteBuffer buffer);

    /**
     * Memory of at least {@code capacity} bytes the backend works on, position 0, limit {@code capacity}; null when none
     * is left (the backend then declines the request). Leases are closed in the reverse order of their taking.
     */
    BufferLease lease(int capacity);
}
