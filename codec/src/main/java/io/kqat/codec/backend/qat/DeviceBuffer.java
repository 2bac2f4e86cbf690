package io.kqat.codec.backend.qat;

import java.nio.ByteBuffer;

/** Memory the device can reach (a run of region slots, or a pinned allocation), lent for one request. */
interface DeviceBuffer extends AutoCloseable {
    long address();

    int capacity();

    /** A direct buffer over the whole capacity. */
    ByteBuffer buffer();

    @Override
    void close();
}
