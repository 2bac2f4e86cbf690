package io.kqat.codec.zstd.ladder;

import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.ladder.CircuitBreaker;
import io.kqat.codec.ladder.RungStats;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import java.nio.ByteBuffer;

/**
 * A rung's decoder whose bytes, time and batches are counted on that rung as they happen; a failure of the decoder
 * itself (not of the input) counts against the rung's decompression breaker.
 */
final class CountedDecodeStream implements ZstdDecodeStream {
    private final ZstdDecodeStream inner;
    private final RungStats stats;
    private final CircuitBreaker breaker;
    private long nanos;
    private boolean used;

    CountedDecodeStream(ZstdDecodeStream inner, RungStats stats, CircuitBreaker breaker) {
        this.inner = inner;
        this.stats = stats;
        this.breaker = breaker;
    }

    @Override
    public void reset() {
        finishBatch();
        inner.reset();
    }

    @Override
    public boolean decode(ByteBuffer src, ByteBuffer dst) {
        int in = src.position();
        int out = dst.position();
        long start = System.nanoTime();
        boolean complete;
        try {
            complete = inner.decode(src, dst);
        } catch (BackendException e) {
            stats.add(StatsSnapshot.Field.ERRORS, 1);
            breaker.recordFailure();
            throw e;
        }
        nanos += System.nanoTime() - start;
        used = true;
        stats.add(StatsSnapshot.Field.DECOMPRESS_BYTES_IN, src.position() - in);
        stats.add(StatsSnapshot.Field.DECOMPRESS_BYTES_OUT, dst.position() - out);
        return complete;
    }

    private void finishBatch() {
        if (used) {
            stats.add(StatsSnapshot.Field.DECOMPRESS_BATCHES, 1);
            stats.add(StatsSnapshot.Field.DECOMPRESS_NANOS, nanos);
        }
        used = false;
        nanos = 0;
    }

    @Override
    public void close() {
        finishBatch();
        inner.close();
    }
}
