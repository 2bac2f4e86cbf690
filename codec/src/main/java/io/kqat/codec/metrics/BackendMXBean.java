package io.kqat.codec.metrics;

/** JMX view of one backend's counters, registered as {@code io.kqat:type=GzipCodec,backend=<name>}. */
public interface BackendMXBean {
    boolean isReady();

    /** Why this rung was skipped, empty when ready. */
    String getSkipReason();

    /** Mode and copy figures (for QAT: zero-copy or pinned-copy, bytes copied). */
    String getDetail();

    boolean isCircuitOpen();

    long getCompressBatches();

    long getCompressBytesIn();

    long getCompressBytesOut();

    long getDecompressBatches();

    long getDecompressBytesIn();

    long getDecompressBytesOut();

    long getErrors();

    long getFallbacks();

    double getCompressLatencyAvgMicros();

    double getDecompressLatencyAvgMicros();
}
