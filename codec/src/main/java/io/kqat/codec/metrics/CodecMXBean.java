package io.kqat.codec.metrics;

import io.kqat.codec.StatsSnapshot;

/** JMX view of one codec, registered as {@link KqatObjectNames#CODEC}. */
public interface CodecMXBean {
    /** The backend that serves compression at the configured level while nothing fails. */
    String getBackend();

    /** The backend that serves decompression while nothing fails. */
    String getDecompressBackend();

    /** Every rung, best first: {@code name: ready (detail)} or {@code name: skipped: reason}. */
    String[] getLadder();

    /** Batches the Kafka hook handed to Kafka's stock gzip (over the size bound or rejected input). */
    long getStockFallbacks();

    /** Bytes of batches copied because a batch outgrew its memory. */
    long getBatchBytesMoved();

    /** Batches written through the JDK's deflater at close after everything else failed (each one logged). */
    long getLastResortBatches();

    /** Compressed bytes copied from kqat's memory into a stream's target (Kafka's buffer): members not written in place. */
    long getTargetBytesCopied();

    /** Inflated bytes copied from kqat's decoding windows into the reader's memory. */
    long getReaderBytesCopied();

    /**
     * Batches the Kafka hook served with kqat's software rungs while the device started in the background (the
     * first gzip batch starts kqat); 0 where nothing starts in the background.
     */
    long getBatchesBeforeStart();

    /** The counters summed over every backend. */
    StatsSnapshot getTotals();
}
