package io.kqat.codec.backend.qat;

import io.kqat.codec.buffer.BatchBuffers;
import io.kqat.codec.buffer.BufferLease;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * The zero-copy rung: besides compressing, it lends slots of the mapped region as batch buffers, so a batch written
 * there (by the Kafka hook) reaches the device without a single copy. When no slot run is free the batch gets plain
 * memory instead, and is staged at compression like any other input: slower, never stuck.
 */
final class QatZeroCopyBackend extends QatBackend implements BatchBuffers {
    final LongAdder plainLeases = new LongAdder();

    QatZeroCopyBackend(QatRuntime runtime, Region region, long timeoutNanos) {
        super(QatZeroCopyProvider.NAME, Mode.ZERO_COPY, runtime, region, timeoutNanos);
    }

    @Override
    public BufferLease acquire(int minCapacity) {
        SlotArena.Lease lease = minCapacity <= MAX_REQUEST_BYTES ? arena.acquire(minCapacity) : null;
        if (lease != null) {
            lease.buffer().clear();
            return lease;
        }
        plainLeases.increment();
        return BufferLease.of(ByteBuffer.allocate(minCapacity));
    }

    @Override
    public String detail() {
        return super.detail() + ", slots in use " + arena.usedSlots() + "/" + arena.slotCount()
                + ", batches in plain memory (region full) " + plainLeases.sum();
    }
}
