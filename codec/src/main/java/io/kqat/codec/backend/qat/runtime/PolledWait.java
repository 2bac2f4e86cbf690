package io.kqat.codec.backend.qat.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * Waiting by polling, where qatlib has no event mode (before 26.02) or it is not used: the caller sleeps about as long
 * as such a request takes ({@link WaitEstimate}, learned per size, apart for compressions and decompressions, which
 * take different times at one size), polls, spins with a few more polls for a few
 * microseconds (the request is usually about to complete then, and on a VM a timed sleep costs far more CPU than
 * that), then sleeps again with growing pauses. Every timed sleep also pays the thread's timer slack (50 us by
 * default on Linux) in latency, never in CPU: a thread never sleeps for less than that, whatever it asks for.
 */
final class PolledWait {
    /** How long a caller polls in a loop after the first poll found its request not done yet. */
    static final long SPIN_NANOS = 5_000;
    private static final long RING_FULL_PAUSE_NANOS = 10_000;
    private static final long RING_FULL_MAX_PAUSE_NANOS = 1_000_000;

    private final RequestRunner runner;
    private final WaitEstimate compressions = new WaitEstimate();
    private final WaitEstimate decompressions = new WaitEstimate();

    PolledWait(RequestRunner runner) {
        this.runner = runner;
    }

    /** Polls until the request completes; gives up as {@link RequestRunner#giveUpUnlessDone} says. */
    void await(Instance instance, RequestRunner.Completion completion, long bytes, long deadline,
               Runnable onLateCompletion) {
        WaitEstimate waits = completion.compress ? compressions : decompressions;
        long submitted = System.nanoTime();
        long pause = waits.first(bytes);
        int rounds = 0;
        while (!completion.done()) {
            pause(pause);
            runner.poll(instance);
            rounds++;
            if (!completion.done() && rounds == 1) {
                spin(instance, completion);
            }
            if (completion.done()) {
                break;
            }
            long now = System.nanoTime();
            if (now - deadline > 0 || !runner.answering(completion.compress)) {
                runner.giveUpUnlessDone(completion, onLateCompletion, now - deadline > 0);
            }
            pause = waits.backoff(bytes, rounds);
        }
        waits.learn(bytes, System.nanoTime() - submitted, rounds <= 1);
    }

    private void spin(Instance instance, RequestRunner.Completion completion) {
        long end = System.nanoTime() + SPIN_NANOS;
        while (!completion.done() && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
            runner.poll(instance);
        }
    }

    /** A timed sleep, counted (a callback may end it early). */
    void pause(long nanos) {
        runner.sleeps.increment();
        LockSupport.parkNanos(runner, nanos);
    }

    /** The pause before the {@code round}-th retry of a submission the full ring refused: 10 us doubling to 1 ms. */
    static long ringFullPause(int round) {
        return Math.min(RING_FULL_MAX_PAUSE_NANOS, RING_FULL_PAUSE_NANOS << Math.min(round - 1, 10));
    }
}
