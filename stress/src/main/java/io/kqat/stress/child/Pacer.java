package io.kqat.stress.child;

import java.util.concurrent.locks.LockSupport;

/** Holds a sender to a steady rate: record {@code seq} goes out no earlier than {@code seq / rate} s after the start. */
final class Pacer {
    /** Sleeping only once this far ahead keeps the sleeps few (a sleep costs more than a send on a small VM). */
    private static final long SLACK_NANOS = 2_000_000;
    private final double nanosPerRecord;
    private final long start = System.nanoTime();

    /** @param perSecond records per second; 0: as fast as the producer takes them */
    Pacer(long perSecond) {
        this.nanosPerRecord = perSecond <= 0 ? 0 : 1e9 / perSecond;
    }

    void await(long seq) {
        if (nanosPerRecord == 0) {
            return;
        }
        long ahead = start + (long) (seq * nanosPerRecord) - System.nanoTime();
        if (ahead > SLACK_NANOS) {
            LockSupport.parkNanos(ahead);
        }
    }
}
