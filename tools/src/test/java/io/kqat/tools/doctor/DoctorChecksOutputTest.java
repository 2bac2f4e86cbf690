package io.kqat.tools.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.tools.Kqat;
import io.kqat.tools.doctor.container.ContainerChecks;
import org.junit.jupiter.api.Test;

/** {@code kqat doctor} prints every container check; {@code --threads} is what the instances check weighs. */
class DoctorChecksOutputTest {

    @Test
    void everyCheckHasItsLine() {
        String out = Kqat.run("doctor", "--emulator").exits(0).stdout();
        assertThat(out).contains("  container and host checks:");
        for (String id : ContainerChecks.ids()) {
            assertThat(out).containsPattern("(?m)^    (ok|info|warn|fail)\\s+" + id + "\\s+\\S");
        }
    }

    @Test
    void moreThreadsThanTheEmulatorsInstancesIsAWarningWithItsFixes() {
        String out = Kqat.run("doctor", "--emulator", "--threads", "64").exits(0).stdout();
        assertThat(out).containsPattern("(?m)^    warn\\s+instances\\s+2 data compression instance\\(s\\) for 64 thread");
        assertThat(out).contains("fix on Kubernetes: request more VFs").contains("fix on bare metal: give the process");
    }
}
