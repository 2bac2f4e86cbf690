package io.kqat.tools.devicetest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The floor device-test prints beside host CPU per request must be the cost of a sleep and a wake-up, not of a spin:
 * the waiter is woken once per write, and spends a small part of the time between writes on the CPU.
 */
class WakeFloorTest {
    @Test
    void measuresOneSleepingWaitPerWrite() {
        WakeFloor.Result r = WakeFloor.measure(300, 500);
        System.out.printf("a bare wake-up: %.2f us of CPU, %.0f us of wall time%n", r.cpuMicrosPerWake(),
                r.wallMicrosPerWake());
        assertThat(r.wakes()).isEqualTo(300);
        assertThat(r.wallMicrosPerWake()).as("a wake-up per write, no sooner").isGreaterThanOrEqualTo(400);
        assertThat(r.cpuMicrosPerWake()).isPositive()
                .as("the waiter slept between writes").isLessThan(r.wallMicrosPerWake() / 2);
    }
}
