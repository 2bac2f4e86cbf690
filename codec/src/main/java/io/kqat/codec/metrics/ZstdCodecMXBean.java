package io.kqat.codec.metrics;

import io.kqat.codec.StatsSnapshot;

/** The zstd codec over JMX ({@link KqatObjectNames#ZSTD_CODEC}). */
public interface ZstdCodecMXBean {
    /** The rung that compresses at Kafka's default level (3), or {@code stock}. */
    String getBackend();

    String getDecompressBackend();

    /** Every rung, ready or skipped with its reason. */
    String[] getLadder();

    /** Who serves which levels. */
    String getRoutes();

    /** Batches left to Kafka's own zstd because kqat could not take them. */
    long getStockFallbacks();

    /** Batches written as stored zstd blocks because every compressing rung failed. */
    long getLastResortBatches();

    long getBatchBytesMoved();

    StatsSnapshot getTotals();
}
