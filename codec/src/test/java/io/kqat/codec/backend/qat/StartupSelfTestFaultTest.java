package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import io.kqat.emulator.EmulatorControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A device that fails a request now and then is the breaker's business at run time; at start it must not switch QAT
 * off for the life of the process (the stress campaign's finding 3). The start-up self test retries a device fault;
 * wrong bytes, or a device failing every request, still skip the rung.
 */
class StartupSelfTestFaultTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void clearFaults() {
        emu.failRequests(0, 0);
    }

    @Test
    void twoDeviceFaultsDuringTheSelfTestAreRetried() {
        emu.resetCounters();
        emu.failRequests(0, 2);
        try (GzipCodec codec = Emulator.codec("iova")) {
            BackendStatus qat = codec.backend("qat");
            assertThat(qat.ready()).as("skipped: %s", qat.skipReason()).isTrue();
        }
        assertThat(emu.counter("injected_faults")).as("the faults did happen").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeviceFailingEveryRequestAtStartIsSkippedWithTheReason() {
        emu.resetCounters();
        emu.failRequests(0, 1_000_000);
        try (GzipCodec codec = Emulator.codec("iova")) {
            BackendStatus qat = codec.backend("qat");
            assertThat(qat.ready()).isFalse();
            assertThat(qat.skipReason()).contains("self test");
        }
    }
}
