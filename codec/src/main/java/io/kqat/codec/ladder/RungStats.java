package io.kqat.codec.ladder;

import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.spi.CopyCounter;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one rung: cheap to bump from many threads, recorded by the ladder only, read as a snapshot. Public
 * for the zstd ladder ({@code io.kqat.codec.zstd.ladder}), which keeps its rungs' counters the same way.
 */
public final class RungStats {
    private final LongAdder[] adders = new LongAdder[StatsSnapshot.Field.values().length];

    public RungStats() {
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
    }

    public void add(StatsSnapshot.Field field, long amount) {
        adders[field.ordinal()].add(amount);
    }

    public void recordSuccess(boolean compress, long bytesIn, long bytesOut, long nanos) {
        if (compress) {
            add(StatsSnapshot.Field.COMPRESS_BATCHES, 1);
            add(StatsSnapshot.Field.COMPRESS_BYTES_IN, bytesIn);
            add(StatsSnapshot.Field.COMPRESS_BYTES_OUT, bytesOut);
            add(StatsSnapshot.Field.COMPRESS_NANOS, nanos);
        } else {
            add(StatsSnapshot.Field.DECOMPRESS_BATCHES, 1);
            add(StatsSnapshot.Field.DECOMPRESS_BYTES_IN, bytesIn);
            add(StatsSnapshot.Field.DECOMPRESS_BYTES_OUT, bytesOut);
            add(StatsSnapshot.Field.DECOMPRESS_NANOS, nanos);
        }
    }

    /** Where a request in this direction reports its copies. */
    public CopyCounter copies(boolean compress) {
        return compress ? compressCopies : decompressCopies;
    }

    private final CopyCounter compressCopies = counter(StatsSnapshot.Field.COMPRESS_COPIED_IN,
            StatsSnapshot.Field.COMPRESS_COPIED_OUT);
    private final CopyCounter decompressCopies = counter(StatsSnapshot.Field.DECOMPRESS_COPIED_IN,
            StatsSnapshot.Field.DECOMPRESS_COPIED_OUT);

    private CopyCounter counter(StatsSnapshot.Field in, StatsSnapshot.Field out) {
        return new CopyCounter() {
            @Override
            public void copiedIn(long bytes) {
                add(in, bytes);
            }

            @Override
            public void copiedOut(long bytes) {
                add(out, bytes);
            }
        };
    }

    public StatsSnapshot snapshot() {
        long[] values = new long[adders.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = adders[i].sum();
        }
        return StatsSnapshot.of(values);
    }
}
