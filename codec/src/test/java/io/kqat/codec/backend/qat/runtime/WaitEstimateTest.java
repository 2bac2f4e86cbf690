package io.kqat.codec.backend.qat.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 1: where completions are polled, a caller sleeps about as long as a request of its size takes, learned
 * per size, then backs off with growing pauses, instead of fixed sleeps (each a timer wake-up the host pays for).
 */
class WaitEstimateTest {
    private static final long KIB_64 = 64 << 10;

    @Test
    void theFirstSleepMovesTowardsWhatRequestsOfThatSizeTook() {
        WaitEstimate w = new WaitEstimate();
        long start = w.first(KIB_64);
        for (int i = 0; i < 30; i++) {
            w.learn(KIB_64, 400_000, false);
        }
        assertThat(w.first(KIB_64)).as("learned from requests of 400 us").isBetween(380_000L, 400_000L);
        assertThat(w.first(1 << 10)).as("another size keeps its own").isEqualTo(start);
        w.learn(KIB_64, 10_000, true);
        assertThat(w.first(KIB_64)).as("found done at the first poll: a little shorter").isLessThan(400_000L)
                .isGreaterThan(350_000L);
    }

    @Test
    void laterPollsComeSoonThenFartherApartUpToTheEstimate() {
        WaitEstimate w = new WaitEstimate();
        for (int i = 0; i < 40; i++) {
            w.learn(KIB_64, 800_000, false);
        }
        long e = w.first(KIB_64);
        long eighth = e / 8;
        assertThat(w.backoff(KIB_64, 1)).isEqualTo(eighth);
        assertThat(w.backoff(KIB_64, 2)).isEqualTo(2 * eighth);
        assertThat(w.backoff(KIB_64, 3)).isEqualTo(4 * eighth);
        assertThat(w.backoff(KIB_64, 4)).isEqualTo(8 * eighth);
        assertThat(w.backoff(KIB_64, 5)).isEqualTo(e);
        assertThat(w.backoff(KIB_64, 50)).as("never longer than the estimate").isEqualTo(e);
    }

    @Test
    void sleepsStayWithinTheirBounds() {
        WaitEstimate w = new WaitEstimate();
        for (int i = 0; i < 100; i++) {
            w.learn(KIB_64, 0, true);
        }
        assertThat(w.first(KIB_64)).isEqualTo(WaitEstimate.MIN_NANOS);
        assertThat(w.backoff(KIB_64, 1)).isEqualTo(WaitEstimate.MIN_NANOS);
        for (int i = 0; i < 100; i++) {
            w.learn(KIB_64, 60_000_000_000L, false);
        }
        assertThat(w.first(KIB_64)).isEqualTo(WaitEstimate.MAX_NANOS);
    }
}
