package io.kqat.codec.ladder;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Stops sending requests to a backend after repeated consecutive failures, and lets one trial request through after
 * a cool-down that doubles on every failed trial (up to a cap). A success closes it again.
 */
public final class CircuitBreaker {
    private final int threshold;
    private final long baseCooldownNanos;
    private final long maxCooldownNanos;
    private final LongSupplier clock;

    private int consecutiveFailures;
    private long cooldownNanos;
    private long openUntil;
    private boolean open;

    public CircuitBreaker(int threshold, long baseCooldown, long maxCooldown, TimeUnit unit, LongSupplier nanoClock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1");
        }
        this.threshold = threshold;
        this.baseCooldownNanos = unit.toNanos(baseCooldown);
        this.maxCooldownNanos = unit.toNanos(maxCooldown);
        this.cooldownNanos = baseCooldownNanos;
        this.clock = nanoClock;
    }

    public static CircuitBreaker standard() {
        return new CircuitBreaker(5, 10, 300, TimeUnit.SECONDS, System::nanoTime);
    }

    /** Whether a request may go to the backend now. While open, true once the cool-down is over (a trial). */
    public synchronized boolean allowRequest() {
        if (!open) {
            return true;
        }
        if (clock.getAsLong() - openUntil >= 0) {
            openUntil = clock.getAsLong() + cooldownNanos; // one trial per cool-down
            return true;
        }
        return false;
    }

    public synchronized void recordSuccess() {
        consecutiveFailures = 0;
        open = false;
        cooldownNanos = baseCooldownNanos;
    }

    /** @return true when this failure opened (or re-opened) the breaker */
    public synchronized boolean recordFailure() {
        consecutiveFailures++;
        if (open) {
            cooldownNanos = Math.min(maxCooldownNanos, cooldownNanos * 2);
            openUntil = clock.getAsLong() + cooldownNanos;
            return true;
        }
        if (consecutiveFailures >= threshold) {
            open = true;
            openUntil = clock.getAsLong() + cooldownNanos;
            return true;
        }
        return false;
    }

    public synchronized boolean isOpen() {
        return open;
    }
}
