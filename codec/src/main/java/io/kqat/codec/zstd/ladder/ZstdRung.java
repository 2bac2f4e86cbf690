package io.kqat.codec.zstd.ladder;

import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.ladder.CircuitBreaker;
import io.kqat.codec.ladder.RungStats;
import io.kqat.codec.zstd.spi.ZstdBackend;

/**
 * One step of the zstd ladder as probed at start: a ready backend with its counters and one circuit breaker per
 * direction, or the reason it was skipped. The breakers and counters are the gzip ladder's own classes.
 */
public final class ZstdRung {
    private final String name;
    private final int rank;
    private final boolean device;
    private final ZstdBackend backend;
    private final String skipReason;
    private final CircuitBreaker compressBreaker = CircuitBreaker.standard();
    private final CircuitBreaker decompressBreaker = CircuitBreaker.standard();
    private final RungStats stats = new RungStats();

    ZstdRung(String name, int rank, boolean device, ZstdBackend backend, String skipReason) {
        this.name = name;
        this.rank = rank;
        this.device = device;
        this.backend = backend;
        this.skipReason = skipReason;
    }

    public String name() {
        return name;
    }

    public int rank() {
        return rank;
    }

    public boolean device() {
        return device;
    }

    public boolean ready() {
        return backend != null;
    }

    /** The backend, or null when skipped. */
    public ZstdBackend backend() {
        return backend;
    }

    /** Why this rung was skipped, or null when ready. */
    public String skipReason() {
        return skipReason;
    }

    CircuitBreaker breaker(boolean compress) {
        return compress ? compressBreaker : decompressBreaker;
    }

    public boolean circuitOpen() {
        return compressBreaker.isOpen() || decompressBreaker.isOpen();
    }

    RungStats stats() {
        return stats;
    }

    public StatsSnapshot snapshot() {
        return stats.snapshot();
    }

    @Override
    public String toString() {
        return ready() ? name : name + " (skipped: " + skipReason + ")";
    }
}
