package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 8: two copies of kqat's codec in one JVM, each in its own class loader (as the agent and the Connect
 * plugin are in a worker), share one qatlib runtime and one region: one start, one mapping, and the copy that closes
 * first does not stop qatlib under the other.
 */
class TwoClassLoadersTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @Test
    void twoCopiesOfTheCodecShareOneRuntimeAndOneRegion() throws Exception {
        assertThat(emu.counter("process_started")).as("no runtime before").isZero();
        long sessions = emu.counter("sessions_outstanding");
        try (URLClassLoader a = IsolatedCodec.loader(); URLClassLoader b = IsolatedCodec.loader()) {
            IsolatedCodec first = new IsolatedCodec(a, "iova");
            IsolatedCodec second = new IsolatedCodec(b, "iova");
            assertThat(first.codecClass).isNotSameAs(second.codecClass);
            byte[] data = new KafkaLikeEvents(31).fill(200_000);
            assertThat(first.backendName()).isEqualTo("qat");
            assertThat(second.backendName()).isEqualTo("qat");
            assertThat(first.roundTrip(data)).isEqualTo(data);
            assertThat(second.roundTrip(data)).isEqualTo(data);
            assertThat(emu.counter("mappings_outstanding")).as("IOVA mappings: one region for both").isEqualTo(1);
            assertThat(emu.counter("process_started")).isEqualTo(1);

            first.close();
            assertThat(emu.counter("process_started")).as("qatlib after the first copy closed").isEqualTo(1);
            assertThat(emu.counter("mappings_outstanding")).isEqualTo(1);
            long errors = second.qatErrors();
            for (int i = 0; i < 5; i++) {
                assertThat(second.roundTrip(data)).isEqualTo(data);
            }
            assertThat(second.qatErrors()).as("the second copy's requests after the first left").isEqualTo(errors);
            assertThat(second.qatCompressBatches()).isGreaterThanOrEqualTo(6);
            second.close();
        }
        assertThat(emu.counter("process_started")).isZero();
        assertThat(emu.counter("mappings_outstanding")).isZero();
        assertThat(emu.counter("sessions_outstanding")).as("sessions left").isEqualTo(sessions);
    }

    /**
     * Issue 18 item 1: only the copy that starts qatlib sets the instances' response mode, when nothing can be in
     * flight (qatlib 26.08 refuses a switch with requests in flight); a copy that joins waits as the first one chose,
     * and says why.
     */
    @Test
    void aCopyThatJoinsNeverSwitchesTheInstancesMode() throws Exception {
        try (URLClassLoader a = IsolatedCodec.loader(); URLClassLoader b = IsolatedCodec.loader()) {
            IsolatedCodec polling = new IsolatedCodec(a, "iova", Map.of(KqatSettings.QAT_COMPLETION.key(), "poll"));
            IsolatedCodec joining = new IsolatedCodec(b, "iova");
            byte[] data = new KafkaLikeEvents(32).fill(100_000);
            assertThat(polling.roundTrip(data)).isEqualTo(data);
            assertThat(joining.roundTrip(data)).isEqualTo(data);
            assertThat(polling.qatSummary()).contains("completions polled with adaptive backoff (qat.completion=poll)");
            assertThat(joining.qatSummary()).as("auto, on the 26.08 emulator, yet joining a polled start").contains(
                    "completions polled with adaptive backoff (another copy of kqat in this process started the "
                    + "instances polled)");
            joining.close();
            polling.close();
        }
        try (URLClassLoader a = IsolatedCodec.loader(); URLClassLoader b = IsolatedCodec.loader()) {
            IsolatedCodec first = new IsolatedCodec(a, "iova");
            IsolatedCodec joining = new IsolatedCodec(b, "iova");
            assertThat(first.qatSummary()).contains("completions event-driven");
            assertThat(joining.qatSummary()).as("its own epoll on the same VF eventfd").contains("completions event-driven");
            byte[] data = new KafkaLikeEvents(33).fill(100_000);
            assertThat(joining.roundTrip(data)).isEqualTo(data);
            assertThat(first.roundTrip(data)).isEqualTo(data);
            first.close();
            joining.close();
        }
    }
}
