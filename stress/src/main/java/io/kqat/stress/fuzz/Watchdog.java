package io.kqat.stress.fuzz;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Bounds the time of every decode: each worker says when it starts and ends one; a daemon thread checks every 100 ms
 * and records the first decode that ran over (a hang: the stuck thread cannot be stopped, so the campaign ends).
 */
final class Watchdog implements AutoCloseable {
    /** What a worker is doing now. */
    static final class Slot {
        volatile long startedNanos;
        volatile long index = -1;
        volatile String what = "";
    }

    private final Slot[] slots;
    private final long limitNanos;
    private final AtomicReference<String> hang = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    Watchdog(int workers, long limitMillis) {
        slots = new Slot[workers];
        for (int i = 0; i < workers; i++) {
            slots[i] = new Slot();
        }
        limitNanos = limitMillis * 1_000_000L;
        thread = new Thread(this::watch, "kqat-fuzz-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    Slot slot(int worker) {
        return slots[worker];
    }

    static void start(Slot s, long index, String what) {
        s.what = what;
        s.index = index;
        s.startedNanos = System.nanoTime();
    }

    static void end(Slot s) {
        s.index = -1;
    }

    /** The first decode that ran over, as "input N (what) ran over T ms", or null. */
    String hang() {
        return hang.get();
    }

    long hungIndex() {
        String h = hang.get();
        return h == null ? -1 : Long.parseLong(h.substring("input ".length(), h.indexOf(' ', "input ".length())));
    }

    private void watch() {
        while (!closed) {
            long now = System.nanoTime();
            for (Slot s : slots) {
                long index = s.index;
                if (index >= 0 && now - s.startedNanos > limitNanos) {
                    hang.compareAndSet(null, "input " + index + " (" + s.what + ") ran over " + limitNanos / 1_000_000 + " ms");
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
