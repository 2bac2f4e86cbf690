package io.kqat.codec.ladder;

import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.spi.InflateStream;
import java.nio.ByteBuffer;

/** A rung's piece-by-piece inflater whose bytes and finished streams are counted on that rung, as they happen. */
final class CountedInflateStream implements InflateStream {
    private final InflateStream inner;
    private final RungStats stats;
    private long nanos;

    CountedInflateStream(InflateStream inner, RungStats stats) {
        this.inner = inner;
        this.stats = stats;
    }

    @Override
    public void reset() {
        inner.reset();
        nanos = 0;
    }

    @Override
    public boolean inflate(ByteBuffer src, ByteBuffer dst) {
        int in = src.position();
        int out = dst.position();
        long start = System.nanoTime();
        boolean end = inner.inflate(src, dst);
        nanos += System.nanoTime() - start;
        stats.add(StatsSnapshot.Field.DECOMPRESS_BYTES_IN, src.position() - in);
        stats.add(StatsSnapshot.Field.DECOMPRESS_BYTES_OUT, dst.position() - out);
        if (end) {
            stats.add(StatsSnapshot.Field.DECOMPRESS_BATCHES, 1);
            stats.add(StatsSnapshot.Field.DECOMPRESS_NANOS, nanos);
            nanos = 0;
        }
        return end;
    }

    @Override
    public void close() {
        inner.close();
    }
}
