package io.kqat.codec;

import java.util.concurrent.atomic.LongAdder;

/** What a codec counts beyond its backends' counters: what its streams did around them. */
public final class CodecCounters {
    private final LongAdder batchBytesMoved = new LongAdder();
    private final LongAdder lastResortBatches = new LongAdder();

    /** Bytes of batches copied because a batch outgrew its memory (0 where leases grow in place). */
    public long batchBytesMoved() {
        return batchBytesMoved.sum();
    }

    /** Batches written through the JDK's deflater at close after everything else failed. */
    public long lastResortBatches() {
        return lastResortBatches.sum();
    }

    void addBatchBytesMoved(long bytes) {
        batchBytesMoved.add(bytes);
    }

    void addLastResort() {
        lastResortBatches.increment();
    }
}
