package io.kqat.codec.ladder;

import io.kqat.codec.StatsSnapshot;

/**
 * One step of a ladder as probed at start: a ready backend with its counters and one circuit breaker per direction
 * (a device that fails to inflate may still compress), or the reason it was skipped. Shared by gzip's ladder
 * ({@link Rung}) and zstd's, whose backends are of another type.
 *
 * @param <B> the backends' type
 */
public class LadderStep<B> {
    private final String name;
    private final int rank;
    private final boolean device;
    private final B backend;
    private final String skipReason;
    private final CircuitBreaker compressBreaker = CircuitBreaker.standard();
    private final CircuitBreaker decompressBreaker = CircuitBreaker.standard();
    private final RungStats stats = new RungStats();

    protected LadderStep(String name, int rank, boolean device, B backend, String skipReason) {
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
    public B backend() {
        return backend;
    }

    /** Why this rung was skipped, or null when ready. */
    public String skipReason() {
        return skipReason;
    }

    /** The breaker of one direction (for the ladder that routes requests). */
    public CircuitBreaker breaker(boolean compress) {
        return compress ? compressBreaker : decompressBreaker;
    }

    public boolean circuitOpen() {
        return compressBreaker.isOpen() || decompressBreaker.isOpen();
    }

    /** The counters the ladder records into. */
    public RungStats stats() {
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
