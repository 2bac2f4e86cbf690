package io.kqat.codec.select;

import io.kqat.codec.backend.Backend;

/** One step of the ladder as probed at start: a ready backend with its breaker and counters, or the reason it was skipped. */
public final class Rung {
    private final String name;
    private final int rank;
    private final boolean device;
    private final Backend backend;
    private final String skipReason;
    private final CircuitBreaker breaker = CircuitBreaker.standard();
    private final BackendStats stats = new BackendStats();

    Rung(String name, int rank, boolean device, Backend backend, String skipReason) {
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
    public Backend backend() {
        return backend;
    }

    /** Why this rung was skipped, or null when ready. */
    public String skipReason() {
        return skipReason;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public BackendStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return ready() ? name : name + " (skipped: " + skipReason + ")";
    }
}
