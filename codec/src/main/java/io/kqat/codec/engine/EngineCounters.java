package io.kqat.codec.engine;

import io.kqat.codec.CodecCounters;
import java.util.concurrent.atomic.LongAdder;

/** The counters of a codec's streams. */
final class EngineCounters implements CodecCounters {
    private final LongAdder batchBytesMoved = new LongAdder();
    private final LongAdder lastResortBatches = new LongAdder();
    private final LongAdder targetBytesCopied = new LongAdder();
    private final LongAdder readerBytesCopied = new LongAdder();

    @Override
    public long batchBytesMoved() {
        return batchBytesMoved.sum();
    }

    @Override
    public long lastResortBatches() {
        return lastResortBatches.sum();
    }

    @Override
    public long targetBytesCopied() {
        return targetBytesCopied.sum();
    }

    @Override
    public long readerBytesCopied() {
        return readerBytesCopied.sum();
    }

    void addTargetBytesCopied(long bytes) {
        targetBytesCopied.add(bytes);
    }

    void addReaderBytesCopied(long bytes) {
        readerBytesCopied.add(bytes);
    }

    void addBatchBytesMoved(long bytes) {
        batchBytesMoved.add(bytes);
    }

    void addLastResort() {
        lastResortBatches.increment();
    }
}
