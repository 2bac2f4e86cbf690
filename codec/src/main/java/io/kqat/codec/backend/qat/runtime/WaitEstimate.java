package io.kqat.codec.backend.qat.runtime;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long a request of a given size takes the device, learned from the requests before it, so a polling thread
 * sleeps about that long once and then polls, instead of waking again and again: every wake-up costs the host a
 * timer and a context switch, more than a submission or a poll does. Kept per power-of-two size; when a request is
 * found done at the first poll the estimate shrinks a little (it may have been done earlier), when it was not it moves
 * towards the time it took.
 */
final class WaitEstimate {
    static final long MIN_NANOS = 2_000;
    static final long MAX_NANOS = 2_000_000;
    private static final long START_NANOS = 20_000;
    private final AtomicLongArray nanos = new AtomicLongArray(64);

    /** How long to sleep before the first poll of a request of {@code bytes}. */
    long first(long bytes) {
        long e = nanos.get(bucket(bytes));
        return e == 0 ? START_NANOS : e;
    }

    /**
     * How long to sleep before poll {@code round + 1} (round from 1): an eighth of the estimate, doubling each round,
     * at most the estimate, so a request later than usual is found soon and a much later one costs few wake-ups.
     */
    long backoff(long bytes, int round) {
        long e = first(bytes);
        long start = Math.max(MIN_NANOS, e / 8);
        return Math.min(Math.max(MIN_NANOS, e), start << Math.min(round - 1, 20));
    }

    /** Learns from one request: {@code tookNanos} from submission to the poll that found it done. */
    void learn(long bytes, long tookNanos, boolean doneAtFirstPoll) {
        int b = bucket(bytes);
        long e = first(bytes);
        long updated = doneAtFirstPoll ? e - e / 16 : e + (tookNanos - e) / 4;
        nanos.set(b, Math.max(MIN_NANOS, Math.min(MAX_NANOS, updated)));
    }

    private static int bucket(long bytes) {
        return 63 - Long.numberOfLeadingZeros(Math.max(1, bytes));
    }
}
