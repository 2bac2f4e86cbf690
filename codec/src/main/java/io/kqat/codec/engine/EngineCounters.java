package io.kqat.codec.engine;

import io.kqat.codec.CodecCounters;
import java.util.concurrent.atomic.LongAdder;

/** The counters of a codec's streams. */
final class EngineCounters implements CodecCounters {
    private final LongAdder batchBytesMoved = new LongAdder();
    private final LongAdder lastResortBatches = new LongAdder();

    @Override
    public long batchBytesMoved() {
        return batchBytesMoved.sum();
    }

    @Override
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
