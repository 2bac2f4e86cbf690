package io.kqat.codec.metrics;

/** JMX view of one codec, registered as {@code io.kqat:type=GzipCodec}. Totals over every backend. */
public interface CodecMXBean {
    /** The backend that serves compression at the configured level while nothing fails. */
    String getBackend();

    /** Every rung, best first: {@code name: ready} or {@code name: skipped: reason}, plus the backend's detail. */
    String[] getLadder();

    long getCompressBatches();

    long getCompressBytesIn();

    long getCompressBytesOut();

    long getDecompressBatches();

    long getDecompressBytesIn();

    long getDecompressBytesOut();

    /** Requests a backend failed and the next rung redid. */
    long getFallbacks();

    long getErrors();

    /** Batches the Kafka hook handed to Kafka's stock gzip (over the size bound or rejected input). */
    long getStockFallbacks();

    double getCompressLatencyAvgMicros();

    double getDecompressLatencyAvgMicros();
}
