package io.kqat.codec.nativeio;

import io.kqat.codec.spi.BackendException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on the native and direct memory kqat takes: batch memory, decoding windows, copies of heap batches, staging
 * buffers and the native libraries' states. Memory is reserved here before it is allocated and released when it is
 * freed, so the bound holds for memory in use, not only for idle buffers. {@link #process()} is the one budget of the
 * process, shared by every copy of kqat whatever its class loader ({@link ProcessMemory}); tests make their own.
 *
 * <p>A reservation that does not fit is refused at once ({@link #tryReserve}) or after a bounded wait ({@link #reserve});
 * callers then take a smaller piece, the heap, or the next rung: running out of budget never ends in an Error.
 */
public final class NativeMemory {
    private final AtomicLong limit;
    private final AtomicLong used;
    private final AtomicLong peak;
    private final AtomicLong refusals;
    private final AtomicLong waits;
    /** Reservations waiting now: a release wakes them only when there are some. */
    private final AtomicLong waiting;
    /** Waiting reservations sleep on it; releases wake them. */
    private final Object monitor;

    NativeMemory(Map<String, Object> shared, long initialLimit) {
        this.limit = (AtomicLong) shared.computeIfAbsent("limit", k -> new AtomicLong(initialLimit));
        this.used = (AtomicLong) shared.computeIfAbsent("used", k -> new AtomicLong());
        this.peak = (AtomicLong) shared.computeIfAbsent("peak", k -> new AtomicLong());
        this.refusals = (AtomicLong) shared.computeIfAbsent("refusals", k -> new AtomicLong());
        this.waits = (AtomicLong) shared.computeIfAbsent("waits", k -> new AtomicLong());
        this.waiting = (AtomicLong) shared.computeIfAbsent("waiting", k -> new AtomicLong());
        this.monitor = shared.computeIfAbsent("monitor", k -> new Object());
    }

    /** A budget of its own (tests). */
    public static NativeMemory of(long limit) {
        return new NativeMemory(new java.util.HashMap<>(), limit);
    }

    /** The process's budget. */
    public static NativeMemory process() {
        return ProcessMemory.budget();
    }

    /** Sets the process's bound ({@code native.memory.bytes}) unless a copy of kqat in this process set it before. */
    public static void configureProcess(long bytes) {
        ProcessMemory.configure(bytes);
    }

    /** Reserves {@code bytes} when they fit under the limit now. */
    public boolean tryReserve(long bytes) {
        long max = limit.get();
        while (true) {
            long u = used.get();
            if (u + bytes > max) {
                refusals.incrementAndGet();
                return false;
            }
            if (used.compareAndSet(u, u + bytes)) {
                peak.accumulateAndGet(u + bytes, Math::max);
                return true;
            }
        }
    }

    /** Reserves {@code bytes}, waiting up to {@code timeoutNanos} for others to release; false when they never fit. */
    public boolean reserve(long bytes, long timeoutNanos) {
        if (bytes > limit.get()) {
            refusals.incrementAndGet();
            return false;
        }
        if (tryReserve(bytes)) {
            return true;
        }
        waits.incrementAndGet();
        long deadline = System.nanoTime() + timeoutNanos;
        waiting.incrementAndGet();
        try {
            synchronized (monitor) {
                while (true) {
                    if (tryReserve(bytes)) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(monitor, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Reserves {@code bytes} for a native library's state, or declines the request (the next rung takes it). */
    public void reserveOrDecline(long bytes, String what) {
        if (!tryReserve(bytes)) {
            throw BackendException.declined("no native memory left for " + what + " (" + bytes + " bytes; "
                    + used.get() + " of " + limit.get() + " in use)");
        }
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
        if (waiting.get() > 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Sets the bound; memory already reserved above it stays until released. */
    void limit(long bytes) {
        limit.set(bytes);
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    public long limit() {
        return limit.get();
    }

    public long used() {
        return used.get();
    }

    /** The most ever reserved at once. */
    public long peak() {
        return peak.get();
    }

    /** Reservations refused (each then served by a smaller piece, the heap, or the next rung). */
    public long refusals() {
        return refusals.get();
    }

    /** Reservations that had to wait. */
    public long waits() {
        return waits.get();
    }
}
