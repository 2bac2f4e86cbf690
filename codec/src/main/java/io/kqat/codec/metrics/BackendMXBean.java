package io.kqat.codec.metrics;

import io.kqat.codec.StatsSnapshot;

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
}
