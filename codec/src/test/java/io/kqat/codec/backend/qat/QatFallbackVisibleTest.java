package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.emulator.EmulatorControl;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 4: running out of VFs or instances is never a silent fallback. A start qatlib refuses (no section
 * left for this process: qatmgr's "No section available", the emulator's process slots) is counted and explained by
 * the QAT device bean and the rungs' skip reasons; callers beyond the instances, which share one, are counted too.
 */
class QatFallbackVisibleTest {
    private final EmulatorControl emu = Emulator.control("iova");
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void restore() {
        emu.setMaxProcesses(-1);
        emu.setLatencyMicros(0);
    }

    private Object attribute(String name) throws Exception {
        return server.getAttribute(KqatObjectNames.qatDevice(), name);
    }

    @Test
    void aProcessRefusedAVfSaysSoAndCountsIt() throws Exception {
        try (GzipCodec before = Emulator.codec("iova")) {
            assertThat((String) attribute("Status")).startsWith("started: ");
        }
        long refusals = (Long) attribute("StartRefusals");
        emu.setMaxProcesses(0);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(codec.backendName()).isIn("isal", "libdeflate");
            assertThat(codec.backend("qat").skipReason()).contains("icp_sal_userStart(\"SSL\") failed (FAIL)")
                    .contains("no section (VF) left for this process");
            assertThat((Long) attribute("StartRefusals")).isGreaterThan(refusals);
            assertThat((String) attribute("Status")).startsWith("not started: ").contains("no section (VF) left");
            assertThat((Integer) attribute("Instances")).isZero();
        }
    }

    @Test
    void callersBeyondTheInstancesAreCounted() throws Exception {
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat((Integer) attribute("Instances")).isEqualTo(2);
            assertThat((String) attribute("Completions")).startsWith("completions event-driven");
            EventCompletionsTest.concurrently(codec, 1, 5);
            assertThat((Long) attribute("RequestsBeyondInstances")).as("one caller at a time").isZero();
            emu.setLatencyMicros(5_000);
            EventCompletionsTest.concurrently(codec, 8, 5);
            assertThat((Long) attribute("MaxConcurrentRequests")).isGreaterThan(2);
            assertThat((Long) attribute("RequestsBeyondInstances")).as("callers that shared an instance").isPositive();
        }
    }
}
