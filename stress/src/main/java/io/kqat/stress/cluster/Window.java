package io.kqat.stress.cluster;

/**
 * A stretch of the run on the wall clock ({@code System.currentTimeMillis()}, the clock the producer stamps each send
 * with): an event, or the steady stream between two events.
 */
public final class Window {
    final String name;
    final boolean event;
    final long startMillis;
    final long endMillis;

    Window(String name, boolean event, long startMillis, long endMillis) {
        this.name = name;
        this.event = event;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /** Whether a record sent at {@code sentMillis} and answered {@code latencyMillis} later was in flight in here. */
    boolean inFlight(long sentMillis, long latencyMillis) {
        return sentMillis <= endMillis && sentMillis + latencyMillis >= startMillis;
    }

    double seconds() {
        return (endMillis - startMillis) / 1000.0;
    }

    @Override
    public String toString() {
        return name;
    }
}
