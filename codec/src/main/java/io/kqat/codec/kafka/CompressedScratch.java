package io.kqat.codec.kafka;

import java.nio.ByteBuffer;

/** A per-thread heap buffer for one compressed batch on its way into Kafka's own buffer. */
final class CompressedScratch {
    /** Larger buffers are not kept, so one huge batch does not pin memory on a thread for good. */
    private static final int KEEP_LIMIT = 4 << 20;
    private static final ThreadLocal<ByteBuffer> SCRATCH = new ThreadLocal<>();

    private CompressedScratch() {
    }

    static ByteBuffer forThread(int capacity) {
        ByteBuffer b = SCRATCH.get();
        if (b == null || b.capacity() < capacity) {
            b = ByteBuffer.allocate(capacity);
            if (capacity <= KEEP_LIMIT) {
                SCRATCH.set(b);
            }
        }
        return b.clear();
    }
}
