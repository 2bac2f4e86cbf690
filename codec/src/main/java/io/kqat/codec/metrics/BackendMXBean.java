package io.kqat.codec.metrics;

import io.kqat.codec.StatsSnapshot;
import java.util.Map;

/** JMX view of one backend, registered as {@link KqatObjectNames#backend}. */
public interface BackendMXBean {
    boolean isReady();

    /** Why this rung was skipped, empty when ready. */
    String getSkipReason();

    /** {@code software}, {@code zero-copy} or {@code pinned-copy}; empty when skipped. */
    String getMode();

    /** Mode and figures in one line (for QAT: the library, the region, requests). */
    String getDetail();

    boolean isCircuitOpen();

    StatsSnapshot getStats();

    /**
     * The rung's named figures as numbers (for QAT: {@code requests}, {@code timeouts}, {@code refusedWhileHung},
     * {@code declinedOverRequest}, {@code instances}, {@code slotsInUse}, ...), the same ones {@code Detail} puts in
     * words; empty when skipped. Exporters read it as a table keyed by figure name.
     */
    Map<String, Long> getFigures();

    /** Seconds spent in this rung's compression requests, all together (a counter: its rate over batches' is latency). */
    double getCompressSeconds();

    /** Seconds spent in this rung's decompression requests, all together. */
    double getDecompressSeconds();
}
