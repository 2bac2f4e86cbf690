package io.kqat.codec.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(3, 10, 40, TimeUnit.SECONDS, now::get);

    private void advanceSeconds(long s) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void opensOnlyAfterTheThresholdOfConsecutiveFailures() {
        assertThat(breaker.recordFailure()).isFalse();
        assertThat(breaker.recordFailure()).isFalse();
        assertThat(breaker.allowRequest()).isTrue();
        assertThat(breaker.recordFailure()).as("third in a row").isTrue();
        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.allowRequest()).isFalse();
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        breaker.recordFailure();
        breaker.recordFailure();
        breaker.recordSuccess();
        breaker.recordFailure();
        breaker.recordFailure();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void afterTheCooldownExactlyOneTrialPassesAndItsSuccessCloses() {
        open();
        advanceSeconds(9);
        assertThat(breaker.allowRequest()).isFalse();
        advanceSeconds(1);
        assertThat(breaker.allowRequest()).as("the trial").isTrue();
        assertThat(breaker.allowRequest()).as("only one trial per cool-down").isFalse();
        breaker.recordSuccess();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allowRequest()).isTrue();
    }

    @Test
    void aFailedTrialDoublesTheCooldownUpToTheCap() {
        open();
        long[] expected = {20, 40, 40};
        advanceSeconds(10);
        for (long cooldown : expected) {
            assertThat(breaker.allowRequest()).isTrue();
            assertThat(breaker.recordFailure()).isTrue();
            advanceSeconds(cooldown - 1);
            assertThat(breaker.allowRequest()).as("still cooling down %d s", cooldown).isFalse();
            advanceSeconds(1);
        }
        assertThat(breaker.allowRequest()).isTrue();
        breaker.recordSuccess();
        open();
        advanceSeconds(10);
        assertThat(breaker.allowRequest()).as("a success resets the cool-down to its base").isTrue();
    }

    private void open() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure();
        }
        assertThat(breaker.isOpen()).isTrue();
    }
}
