package io.kqat.codec;

/**
 * The counters of one backend (or the sum over a ladder) at one moment: the one shape every view of kqat's figures
 * reads, JMX included (as a composite of these getters).
 */
public final class StatsSnapshot {
    public static final StatsSnapshot ZERO = new StatsSnapshot(new long[Field.values().length]);

    /** The counters, in the order a rung keeps them. */
    public enum Field {
        COMPRESS_BATCHES, COMPRESS_BYTES_IN, COMPRESS_BYTES_OUT, COMPRESS_NANOS,
        DECOMPRESS_BATCHES, DECOMPRESS_BYTES_IN, DECOMPRESS_BYTES_OUT, DECOMPRESS_NANOS,
        COMPRESS_COPIED_IN, COMPRESS_COPIED_OUT, DECOMPRESS_COPIED_IN, DECOMPRESS_COPIED_OUT, ERRORS, FALLBACKS
    }

    private final long[] values;

    private StatsSnapshot(long[] values) {
        this.values = values;
    }

    /** A snapshot of counters given in {@link Field} order. */
    public static StatsSnapshot of(long[] values) {
        if (values.length != Field.values().length) {
            throw new IllegalArgumentException("expected " + Field.values().length + " counters, got " + values.length);
        }
        return new StatsSnapshot(values.clone());
    }

    private long get(Field f) {
        return values[f.ordinal()];
    }

    /** Field by field sum, for totals over several backends. */
    public StatsSnapshot plus(StatsSnapshot other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new StatsSnapshot(sum);
    }

    public long getCompressBatches() {
        return get(Field.COMPRESS_BATCHES);
    }

    public long getCompressBytesIn() {
        return get(Field.COMPRESS_BYTES_IN);
    }

    public long getCompressBytesOut() {
        return get(Field.COMPRESS_BYTES_OUT);
    }

    public long getDecompressBatches() {
        return get(Field.DECOMPRESS_BATCHES);
    }

    public long getDecompressBytesIn() {
        return get(Field.DECOMPRESS_BYTES_IN);
    }

    public long getDecompressBytesOut() {
        return get(Field.DECOMPRESS_BYTES_OUT);
    }

    /**
     * Uncompressed bytes copied into the backend's memory before it could read them: 0 on QAT zero-copy for batches
     * written into the region, the whole batch on pinned-copy, heap batches staged for the native software backends.
     */
    public long getCompressCopiedIn() {
        return get(Field.COMPRESS_COPIED_IN);
    }

    /** Compressed bytes copied out of the backend's memory into the caller's. */
    public long getCompressCopiedOut() {
        return get(Field.COMPRESS_COPIED_OUT);
    }

    /** Compressed bytes copied into the backend's memory before inflating. */
    public long getDecompressCopiedIn() {
        return get(Field.DECOMPRESS_COPIED_IN);
    }

    /** Inflated bytes copied out of the backend's memory. */
    public long getDecompressCopiedOut() {
        return get(Field.DECOMPRESS_COPIED_OUT);
    }

    /** Requests this backend failed (a device fault, a timeout). Corrupt input and declined requests are not counted. */
    public long getErrors() {
        return get(Field.ERRORS);
    }

    /** Requests handed from this backend to the next rung: after an error, when declined, or while its breaker was open. */
    public long getFallbacks() {
        return get(Field.FALLBACKS);
    }

    public double getCompressLatencyAvgMicros() {
        return micros(get(Field.COMPRESS_NANOS), getCompressBatches());
    }

    public double getDecompressLatencyAvgMicros() {
        return micros(get(Field.DECOMPRESS_NANOS), getDecompressBatches());
    }

    private static double micros(long nanos, long calls) {
        return calls == 0 ? 0.0 : nanos / 1000.0 / calls;
    }

    @Override
    public String toString() {
        return "compress " + getCompressBatches() + " (" + getCompressBytesIn() + " -> " + getCompressBytesOut()
                + " B), decompress " + getDecompressBatches() + " (" + getDecompressBytesIn() + " -> "
                + getDecompressBytesOut() + " B), copied " + getCompressCopiedIn() + "/" + getCompressCopiedOut() + " and "
                + getDecompressCopiedIn() + "/" + getDecompressCopiedOut() + " B, errors " + getErrors() + ", fallbacks " + getFallbacks();
    }
}
